"""docscheck, zero-config, on real public Sphinx projects, compared with ``sphinx-build -n``.

    python benchmarks/real_projects.py [--cache DIR] [--docs-venvs [DIR]]

Needs PyPI (``pip download`` of pinned source distributions, kept in ``--cache``); it is a check to
run by hand, not part of ``make test``, which never uses the network. For each project:

- docscheck with no option on the unpacked sdist: error findings, and whether it printed a traceback;
- ``sphinx-build -n -b html`` where it builds here. Without ``--docs-venvs`` Sphinx runs in this
  Python, which lacks most projects' themes and extensions. With ``--docs-venvs`` (default folder
  ``~/.cache/docscheck-real-projects/venvs``), each project of :data:`DOCS_VENVS` gets, once, its own
  venv outside the repository with what its documentation needs from PyPI (the project at its pinned
  version with its doc extras or dependency group, at the Sphinx version they require), and Sphinx
  runs there, with the project's copy first on ``PYTHONPATH`` (autodoc reads the mutated
  docstrings) and options that execute no example and fetch nothing but intersphinx inventories
  (``-D plot_gallery=0``, ``-D nbsphinx_execute=never``; no linkcheck). Offline, the intersphinx
  fetch fails and Sphinx only warns; docscheck reads its inventory cache as it is (the script never
  runs ``docscheck inventories --fetch``): both sides then see no external inventory;
- a mutation where Sphinx builds: one glossary term renamed and one term role misspelt, and, when
  the project cites, one citation key misspelt; where docscheck reads docstrings, the role and the
  key are misspelt in a docstring autodoc renders. docscheck must report exactly the undefined terms
  and unknown keys Sphinx reports (same file and name; docscheck gives the role's own line, Sphinx
  the first line of its paragraph, and for a docstring the ``.py`` file, or the page autosummary
  generated for a citation, which the comparison then makes by name).

Writes ``benchmarks/real_projects.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "docscheck"))

from sphinx_reference import SphinxRun, docscheck_findings, keys, names, same_paragraph, sphinx_findings  # noqa: E402

from docscheck.code.conf_code import ConfCode, read_conf_code  # noqa: E402
from docscheck.code.sources import load_code_pages  # noqa: E402
from docscheck.project import check_project, load_config, load_pages  # noqa: E402
from docscheck.records import Page  # noqa: E402

#: (sdist, Sphinx source directory inside it)
PROJECTS = [
    ("sphinx==9.0.4", "doc"),
    ("sphinxcontrib-bibtex==2.7.0", "doc"),
    ("pybtex==0.26.1", "docs/source"),
    ("furo==2025.12.19", "docs"),
    ("sphinx-book-theme==1.4.0", "docs"),
    ("sphinx-tippy==0.4.3", "docs"),
    # projects that cite in the docstrings autodoc renders and in sphinx-gallery scripts
    ("nilearn==0.14.1", "doc"),
    ("plasmapy==2025.8.0", "docs"),
]



@dataclass(frozen=True)
class DocsVenv:
    """What a project's documentation needs, installed from PyPI in its own venv.

    ``requirements`` are ``pip install`` arguments; ``group`` a PEP 735 dependency group of the
    sdist's ``pyproject.toml`` (pip ≥ 25.1). ``pythonpath``: folders of the project (copy) that go
    first on ``PYTHONPATH``; ``options``: ``sphinx-build`` options that keep the build offline and
    free of example execution.
    """

    requirements: tuple[str, ...]
    group: str | None = None
    pythonpath: tuple[str, ...] = (".",)
    options: tuple[str, ...] = ()
    #: the folder (of the copy) Sphinx runs in, as the project's ``make html`` does
    cwd: str | None = None


DOCS_VENVS = {
    # nilearn's doc requirements are the `doc` dependency group (Sphinx 9 at the time of writing);
    # matplotlib and plotly for the plot directive and the imports of the API pages. The gallery is
    # rendered (text blocks included) without running the examples.
    "nilearn==0.14.1": DocsVenv(("nilearn[plotting,plotly]==0.14.1",), group="doc", options=("-D", "plot_gallery=0"), cwd="doc"),
    # PlasmaPy pins Sphinx <8.3 in its `docs` extra; nbsphinx needs pandoc (a Debian package).
    "plasmapy==2025.8.0": DocsVenv(("plasmapy[docs]==2025.8.0",), pythonpath=("src",), options=("-D", "nbsphinx_execute=never"), cwd="docs"),
}


def docs_venv(requirement: str, root: Path, venvs: Path) -> SphinxRun | None:
    """The Sphinx run of ``requirement`` in its own venv under ``venvs`` (created once), or None."""
    spec = DOCS_VENVS.get(requirement)
    if spec is None:
        return None
    venv = venvs / requirement.split("==")[0]
    python = venv / "bin" / "python"
    marker = venv / ".docscheck-installed"
    if not marker.is_file():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
        group = ["--group", f"{root / 'pyproject.toml'}:{spec.group}"] if spec.group else []
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *spec.requirements, *group], check=True)
        marker.write_text("\n".join(spec.requirements) + "\n", encoding="utf-8")
    return SphinxRun(str(python), spec.options, spec.pythonpath, spec.cwd)


@dataclass
class Row:
    project: str
    pages: int
    terms: int
    refs: int
    citations: int
    errors: int
    traceback: bool
    sphinx: str
    mutation: str


def unpack(requirement: str, cache: Path) -> Path:
    """The unpacked sdist of ``requirement`` (downloaded once into ``cache``)."""
    name, version = requirement.split("==")
    stem = f"{name.replace('-', '_')}-{version}"
    for candidate in (cache / stem, cache / f"{name}-{version}"):
        if candidate.is_dir():
            return candidate
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:", "-d", str(cache), requirement], check=True)
    wanted = stem.lower().replace("-", "_")
    archive = next(p for p in cache.glob("*.tar.gz") if p.name.lower().replace("-", "_").startswith(wanted))
    with tarfile.open(archive) as tar:
        tar.extractall(cache, filter="data")
    return next(p for p in (cache / stem, cache / f"{name}-{version}") if p.is_dir())


def docscheck_cli(root: Path) -> tuple[dict, bool]:
    """The JSON report of ``python -m docscheck check ROOT`` and whether stderr holds a traceback."""
    result = subprocess.run([sys.executable, "-m", "docscheck", "check", str(root), "--format", "json"], capture_output=True, text=True)
    return (json.loads(result.stdout) if result.stdout.strip() else {}), "Traceback" in result.stderr


def replace_on_line(path: Path, line: int, old: str, new: str) -> bool:
    lines = path.read_text(encoding="utf-8").split("\n")
    if line < 1 or line > len(lines) or lines[line - 1].count(old) != 1:
        return False
    lines[line - 1] = lines[line - 1].replace(old, new)
    path.write_text("\n".join(lines), encoding="utf-8")
    return True


def code_pages(root: Path) -> tuple[list[Page], list[str]]:
    """The docstrings and gallery text docscheck reads, as pages (paths of ``.py`` files), and the
    gallery folders (relative to ROOT)."""
    config = load_config(root)
    conf = read_conf_code(config.conf, config.root) if config.conf is not None else ConfCode()
    texts: list[tuple[str, str]] = []
    load_pages(config, None, conf, [], texts)
    galleries = [os.path.relpath(os.path.normpath(config.conf.parent / d), config.root) + "/" for d in conf.examples_dirs] if config.conf else []
    return load_code_pages(config, conf, texts, None)[0], galleries


def mutate(root: Path) -> list[str]:
    """Rename the most referenced glossary term, misspell a role to another term and a citation key.

    The role and the key are taken from a docstring (a ``.py`` file docscheck reads because autodoc
    renders it) when the project has one, else from a gallery script, else from a page.
    """
    report = check_project(root)
    defined = {term.term.lower(): term for page in report.pages for term in page.defined_terms}
    docstrings, galleries = code_pages(root)
    everywhere = (*report.pages, *docstrings)

    def order(path: str, line: int) -> tuple[bool, bool, str, int]:
        """Docstrings autodoc renders first, then gallery scripts, then pages."""
        return (not path.endswith(".py"), any(path.startswith(g) for g in galleries), path, line)

    refs = [ref for page in everywhere for ref in page.term_refs if ref.target.lower() in defined]
    done = []
    if refs:
        counts: dict[str, int] = {}
        for ref in refs:
            counts[ref.target.lower()] = counts.get(ref.target.lower(), 0) + 1
        target = max(counts, key=lambda name: (counts[name], name))
        term = defined[target]
        if replace_on_line(root / term.path, term.line, term.term, term.term + "zz"):
            done.append(f"renamed term {term.term!r}")
        for ref in sorted(refs, key=lambda ref: order(ref.path, ref.line)):
            if ref.target.lower() != target and ref.text == ref.target and len(ref.target) > 3:
                misspelt = ref.target[:-2] + ref.target[-1]
                if misspelt.lower() not in defined and replace_on_line(root / ref.path, ref.line, f"`{ref.target}`", f"`{misspelt}`"):
                    done.append(f"role {ref.target!r} misspelt in {ref.path}")
                    break
    citations = [c for page in everywhere for c in page.citations if c.role != "bibliography"]
    for citation in sorted(citations, key=lambda c: order(c.path, c.line)):
        if replace_on_line(root / citation.path, citation.line, citation.key, citation.key + "x"):
            done.append(f"key {citation.key!r} misspelt in {citation.path}")
            break
    return done


def summary(ours: set[tuple[str, str, str]], theirs: set[tuple[str, str, str]]) -> str:
    """What only one side reports, by (code, name), with the number of files: short enough for a cell."""
    parts = []
    for side, extra in (("only Sphinx", theirs - ours), ("only docscheck", ours - theirs)):
        counts: dict[tuple[str, str], int] = {}
        for code, _path, name in extra:
            counts[(code, name)] = counts.get((code, name), 0) + 1
        parts += [f"{side} {code} '{name}' in {n} file{'s' if n > 1 else ''}" for (code, name), n in sorted(counts.items())]
    return "; ".join(parts)


def measure(requirement: str, srcdir: str, cache: Path, work: Path, venvs: Path | None) -> Row:
    root = unpack(requirement, cache)
    report, traceback = docscheck_cli(root)
    stats, findings = report.get("stats", {}), report.get("findings", [])
    errors = sum(1 for f in findings if f["severity"] == "error")
    run = (docs_venv(requirement, root, venvs) if venvs else None) or SphinxRun()
    clean = sphinx_findings(root, srcdir, work / "clean", run)
    build = (work / "clean" / "out" / "html" / "index.html").is_file()
    sphinx, mutation = ("builds", "") if build else ("does not build here (theme or extension missing)", "")
    if build:
        ours_clean = docscheck_findings(root)
        copy = work / "mutated"
        shutil.copytree(root, copy)
        done = mutate(copy)
        theirs, ours = sphinx_findings(copy, srcdir, work / "mutated-build", run), docscheck_findings(copy)
        # what the mutation added, on each side (offline, intersphinx terms are undefined on both)
        theirs_new, ours_new = theirs - clean, ours - ours_clean
        lines_ok = not same_paragraph(ours_new, theirs_new)
        mutation = f"{', '.join(done) or 'nothing to mutate'}: Sphinx {len(names(theirs_new))}, docscheck {len(names(ours_new))}, " + (
            ("same findings, lines agree" if lines_ok else "same findings, lines differ")
            if names(ours_new) == names(theirs_new)
            else f"same names; by file: {summary(names(ours_new), names(theirs_new))}"
            if keys(ours_new) == keys(theirs_new)
            else f"differ: {summary(names(ours_new), names(theirs_new))}"
        )
        sphinx = f"builds, {len(names(clean))} undefined term or key (docscheck: {len(names(ours_clean))}" + (
            ", same" if names(clean) == names(ours_clean) else f", differ: {summary(names(ours_clean), names(clean))}"
        ) + ")"
        for label, mine, theirs_ in (("pristine", ours_clean, clean), ("mutation", ours_new, theirs_new)):
            for side, extra in (("only Sphinx", names(theirs_) - names(mine)), ("only docscheck", names(mine) - names(theirs_))):
                for item in sorted(extra):
                    print(f"{requirement} {label} {side}: {item}", flush=True)
    return Row(requirement, stats.get("pages", 0), stats.get("terms", 0), stats.get("term_refs", 0), stats.get("citations", 0), errors, traceback, sphinx, mutation)


def write(rows: list[Row], path: Path) -> None:
    """Write the table; rows of projects not measured this time (``--only``) are kept as they were,
    and so is the hand-written text after the table (notes on restrictions and differences)."""
    measured = {row.project: row for row in rows}
    kept: dict[str, str] = {}
    tail: list[str] = []
    if path.is_file():
        lines = path.read_text(encoding="utf-8").splitlines()
        table = [i for i, line in enumerate(lines) if line.startswith("|")]
        for line in lines[table[0] if table else 0 : table[-1] + 1 if table else 0]:
            if line.startswith("| ") and not line.startswith("| project"):
                kept[line.split(" | ")[0][2:]] = line
        tail = lines[table[-1] + 1 :] if table else []
    out = [
        "# docscheck on real Sphinx projects",
        "",
        "Generated by `python benchmarks/real_projects.py --docs-venvs` (needs PyPI: pinned sdists, unpacked as published,",
        "and a venv per project of `DOCS_VENVS` with what its documentation needs). docscheck runs with no option and no",
        "configuration; Sphinx with `-n -b html`. Sphinx and docscheck counts are distinct (file, name) pairs; after a",
        "mutation, those the mutation added.",
        "",
        "| project | pages | terms | term refs | citations | docscheck errors | traceback | Sphinx | after a mutation |",
        "|---|---:|---:|---:|---:|---:|---|---|---|",
    ]
    for requirement, _srcdir in PROJECTS:
        row = measured.get(requirement)
        if row is None:
            if requirement in kept:
                out.append(kept[requirement])
            continue
        out.append(
            f"| {row.project} | {row.pages} | {row.terms} | {row.refs} | {row.citations} | {row.errors} | "
            f"{'yes' if row.traceback else 'no'} | {row.sphinx} | {row.mutation or '—'} |"
        )
    path.write_text("\n".join(out + tail).rstrip("\n") + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "docscheck-real-projects")
    parser.add_argument(
        "--docs-venvs", type=Path, nargs="?", const=Path.home() / ".cache" / "docscheck-real-projects" / "venvs", default=None, metavar="DIR",
        help="build the projects of DOCS_VENVS in their own venv under DIR, created once from PyPI",
    )
    parser.add_argument("--only", nargs="*", default=None, metavar="NAME", help="measure only these projects (their rows replace the others' in the table)")
    args = parser.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    rows = []
    for requirement, srcdir in PROJECTS:
        if args.only is not None and requirement.split("==")[0] not in args.only:
            continue
        with tempfile.TemporaryDirectory() as work:
            rows.append(measure(requirement, srcdir, args.cache, Path(work), args.docs_venvs))
        print(rows[-1], flush=True)
    write(rows, HERE / "real_projects.md")
    return 0 if all(row.errors == 0 and not row.traceback for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
