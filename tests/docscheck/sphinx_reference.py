"""What a real ``sphinx-build -n`` reports about terms and citations, to compare docscheck with.

Sphinx reports a role at the first line of its paragraph; docscheck at the role's own line. The
comparison is on (code, file, name); :func:`same_paragraph` checks the lines agree up to that.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from docscheck.project import check_project

SPHINX_TERM = re.compile(r"^(?P<path>.+?):(?P<line>\d+): WARNING: term not in glossary: '(?P<name>.+)'")
SPHINX_CITE = re.compile(r'^(?P<path>.+?):(?P<line>\d+): WARNING: could not find bibtex key "(?P<name>.+)"')

Located = tuple[str, str, str, int]


@dataclass(frozen=True)
class SphinxRun:
    """How to run Sphinx on a project: which Python (a venv with the project's doc requirements),
    extra ``sphinx-build`` options (``-D plot_gallery=0``), the folders of the copy put first on
    ``PYTHONPATH`` so that autodoc imports the copied (mutated) package, not an installed one, and
    the folder of the copy to run in (when conf.py names paths relative to the working directory,
    as a ``make html`` in the docs folder runs it)."""

    python: str = sys.executable
    options: tuple[str, ...] = ()
    pythonpath: tuple[str, ...] = ()
    cwd: str | None = None


def sphinx_build(root: Path, srcdir: str, tmp_path: Path, run: SphinxRun = SphinxRun()) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """Build a copy of ``root`` (sources in ``root/srcdir``) with ``sphinx-build -n``, uncoloured."""
    source = tmp_path / "src"
    if not source.exists():
        shutil.copytree(root, source)
    out = tmp_path / "out"
    env = dict(os.environ)
    if run.pythonpath:
        env["PYTHONPATH"] = os.pathsep.join([str(source / folder) for folder in run.pythonpath] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    result = subprocess.run(
        [run.python, "-m", "sphinx", "-n", "-q", "--no-color", *run.options, "-b", "html", "-d", str(out / "doctrees"), str(source / srcdir), str(out / "html")],
        capture_output=True,
        text=True,
        env=env,
        cwd=source / run.cwd if run.cwd is not None else None,
    )
    return source, result


def sphinx_findings(root: Path, srcdir: str, tmp_path: Path, run: SphinxRun = SphinxRun()) -> set[Located]:
    """(code, file relative to ROOT, name, line) of each undefined term and unknown key Sphinx reports."""
    source, result = sphinx_build(root, srcdir, tmp_path, run)
    found = set()
    for line in result.stderr.splitlines():
        for code, pattern in (("TERM001", SPHINX_TERM), ("CITE001", SPHINX_CITE)):
            if m := pattern.match(line):
                path, number = m["path"], int(m["line"])
                if ":docstring of " in path:  # autodoc: the line counts from the docstring's start
                    path, number = path.split(":docstring of ")[0], 0
                if ":<" in path:  # ``page.rst:1:<autosummary>``: text a directive generated on that page
                    path, number = path.split(":<")[0].rsplit(":", 1)[0], 0
                found.add((code, _relative(path, source, srcdir), m["name"], number))
    return found


def _relative(path: str, source: Path, srcdir: str) -> str:
    """``path`` relative to the copy's root; Sphinx gives some relative to the source directory."""
    full = Path(path) if Path(path).is_absolute() else source / srcdir / path
    try:
        return full.resolve().relative_to(source.resolve()).as_posix()
    except ValueError:
        return path


def docscheck_findings(root: Path) -> set[Located]:
    found = set()
    for f in check_project(root).findings:
        if f.code in ("TERM001", "CITE001"):
            name = re.search(r"'(.+?)'", f.message).group(1)  # type: ignore[union-attr]
            found.add((f.code, f.path, name, f.line))
    return found


def names(found: set[Located]) -> set[tuple[str, str, str]]:
    return {(code, path, name) for code, path, name, _line in found}


def keys(found: set[Located]) -> set[tuple[str, str]]:
    """(code, name): Sphinx reports a citation of a docstring where autosummary shows it (a
    generated stub, the summary table's page), docscheck in the ``.py`` file."""
    return {(code, name) for code, _path, name, _line in found}


def same_paragraph(ours: set[Located], sphinx: set[Located], span: int = 6) -> list[tuple[Located, int]]:
    """docscheck findings whose line is not within ``span`` lines after Sphinx's paragraph line.

    A name reported several times in one file is paired occurrence by occurrence, in line order.
    """
    def lines_by_name(found: set[Located]) -> dict[tuple[str, str, str], list[int]]:
        grouped: dict[tuple[str, str, str], list[int]] = {}
        for code, path, name, line in found:
            grouped.setdefault((code, path, name), []).append(line)
        return {key: sorted(lines) for key, lines in grouped.items()}

    theirs = lines_by_name(sphinx)
    return [
        ((*key, mine), their)
        for key, lines in lines_by_name(ours).items()
        if key in theirs
        for mine, their in zip(lines, theirs[key])
        if their and not 0 <= mine - their <= span
    ]
