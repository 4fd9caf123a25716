"""docscheck, zero-config, on real public Sphinx projects, compared with ``sphinx-build -n``.

    python benchmarks/real_projects.py [--cache DIR]

Needs PyPI (``pip download`` of pinned source distributions, kept in ``--cache``); it is a check to
run by hand, not part of ``make test``, which never uses the network. For each project:

- docscheck with no option on the unpacked sdist: error findings, and whether it printed a traceback;
- ``sphinx-build -n -b html`` where it builds here (the others need a theme or extension that this
  environment does not have; their docscheck row still counts);
- a mutation where Sphinx builds: one glossary term renamed and one term role misspelt, and, when
  the project cites, one citation key misspelt. docscheck must report exactly the undefined terms
  and unknown keys Sphinx reports (same file and name; docscheck gives the role's own line, Sphinx
  the first line of its paragraph).

Writes ``benchmarks/real_projects.md``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "docscheck"))

from sphinx_reference import docscheck_findings, names, same_paragraph, sphinx_findings  # noqa: E402

from docscheck.project import check_project  # noqa: E402

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


def mutate(root: Path) -> list[str]:
    """Rename the most referenced glossary term, misspell a role to another term and a citation key."""
    report = check_project(root)
    defined = {term.term.lower(): term for page in report.pages for term in page.defined_terms}
    refs = [ref for page in report.pages for ref in page.term_refs if ref.target.lower() in defined]
    done = []
    if refs:
        counts: dict[str, int] = {}
        for ref in refs:
            counts[ref.target.lower()] = counts.get(ref.target.lower(), 0) + 1
        target = max(counts, key=lambda name: (counts[name], name))
        term = defined[target]
        if replace_on_line(root / term.path, term.line, term.term, term.term + "zz"):
            done.append(f"renamed term {term.term!r}")
        for ref in refs:
            if ref.target.lower() != target and ref.text == ref.target and len(ref.target) > 3:
                misspelt = ref.target[:-2] + ref.target[-1]
                if misspelt.lower() not in defined and replace_on_line(root / ref.path, ref.line, f"`{ref.target}`", f"`{misspelt}`"):
                    done.append(f"role {ref.target!r} misspelt")
                    break
    citations = [c for page in report.pages for c in page.citations if c.role != "bibliography"]
    for citation in citations:
        if replace_on_line(root / citation.path, citation.line, citation.key, citation.key + "x"):
            done.append(f"key {citation.key!r} misspelt")
            break
    return done


def measure(requirement: str, srcdir: str, cache: Path, work: Path) -> Row:
    root = unpack(requirement, cache)
    report, traceback = docscheck_cli(root)
    stats, findings = report.get("stats", {}), report.get("findings", [])
    errors = sum(1 for f in findings if f["severity"] == "error")
    clean = sphinx_findings(root, srcdir, work / "clean")
    build = (work / "clean" / "out" / "html" / "index.html").is_file()
    sphinx, mutation = ("builds", "") if build else ("does not build here (theme or extension missing)", "")
    if build:
        copy = work / "mutated"
        shutil.copytree(root, copy)
        done = mutate(copy)
        theirs, ours = sphinx_findings(copy, srcdir, work / "mutated-build"), docscheck_findings(copy)
        lines_ok = not same_paragraph(ours, theirs)
        agree = names(ours) == names(theirs)
        mutation = f"{', '.join(done) or 'nothing to mutate'}: Sphinx {len(theirs)}, docscheck {len(ours)}, " + (
            "same findings, lines agree" if agree and lines_ok else "same findings, lines differ" if agree else f"differ: {sorted(names(ours) ^ names(theirs))}"
        )
        sphinx = f"builds, {len(clean)} undefined term or key"
    return Row(requirement, stats.get("pages", 0), stats.get("terms", 0), stats.get("term_refs", 0), stats.get("citations", 0), errors, traceback, sphinx, mutation)


def write(rows: list[Row], path: Path) -> None:
    out = [
        "# docscheck on real Sphinx projects",
        "",
        "Generated by `python benchmarks/real_projects.py` (needs PyPI: pinned sdists, unpacked as published).",
        "docscheck runs with no option and no configuration; Sphinx with `-n -b html`.",
        "",
        "| project | pages | terms | term refs | citations | docscheck errors | traceback | Sphinx | after a mutation |",
        "|---|---:|---:|---:|---:|---:|---|---|---|",
    ]
    for row in rows:
        out.append(
            f"| {row.project} | {row.pages} | {row.terms} | {row.refs} | {row.citations} | {row.errors} | "
            f"{'yes' if row.traceback else 'no'} | {row.sphinx} | {row.mutation or '—'} |"
        )
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "docscheck-real-projects")
    args = parser.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    rows = []
    for requirement, srcdir in PROJECTS:
        with tempfile.TemporaryDirectory() as work:
            rows.append(measure(requirement, srcdir, args.cache, Path(work)))
        print(rows[-1], flush=True)
    write(rows, HERE / "real_projects.md")
    return 0 if all(row.errors == 0 and not row.traceback for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
