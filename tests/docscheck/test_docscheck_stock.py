"""Stock Sphinx projects: glossary blocks define terms, reST pages are read, Sphinx agrees."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from docscheck.project import check_project

ROOTS = Path(__file__).resolve().parents[1] / "roots"
STOCK = ROOTS / "test-docscheck-stock"


def defined_terms(root: Path) -> set[str]:
    return {t.term for page in check_project(root).pages for t in page.defined_terms}


def test_rest_glossary_terms_classifiers_and_markup_are_defined():
    assert {"API", "Application Programming Interface", "docstring", "Sphinx"} <= defined_terms(STOCK)


def test_myst_glossary_block_defines_several_terms_per_definition():
    assert {"MyST", "Markedly Structured Text", "markdown-it"} <= defined_terms(STOCK)


def test_rest_term_roles_resolve_case_insensitively():
    report = check_project(STOCK)
    undefined = {(f.path, f.line) for f in report.findings if f.code == "TERM001"}
    assert ("docs/usage.rst", 4) not in undefined  # :term:`application programming interface`
    assert ("docs/usage.rst", 5) in undefined  # :term:`undefined thing`


def test_roles_in_rest_literals_and_code_blocks_do_not_count():
    messages = " ".join(f.message for f in check_project(STOCK).findings)
    assert "inliteral" not in messages and "in code block" not in messages and "nope" not in messages


def test_explicit_title_uses_the_target():
    assert any(f.message.startswith("undefined term 'absent'") for f in check_project(STOCK).findings)


SPHINX_TERM = re.compile(r"^(?P<path>.+?):(?P<line>\d+): WARNING: term not in glossary: '(?P<name>.+)'")
SPHINX_CITE = re.compile(r'^(?P<path>.+?):(?P<line>\d+): WARNING: could not find bibtex key "(?P<name>.+)"')


def sphinx_warnings(root: Path, tmp_path: Path) -> set[tuple[str, str, str]]:
    """Run a real stock sphinx-build -n and collect (code, file, name) of term/citation warnings."""
    source = tmp_path / "src"
    shutil.copytree(root, source)
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-n", "-q", "--no-color", "-b", "html", "-d", str(tmp_path / "doctrees"), str(source / "docs"), str(tmp_path / "html")],
        capture_output=True,
        text=True,
    )
    found = set()
    for line in result.stderr.splitlines():
        for code, pattern in (("TERM001", SPHINX_TERM), ("CITE001", SPHINX_CITE)):
            if m := pattern.match(line):
                found.add((code, Path(m["path"]).relative_to(source).as_posix(), m["name"]))
    return found


def docscheck_findings(root: Path) -> set[tuple[str, str, str]]:
    found = set()
    for f in check_project(root).findings:
        if f.code in ("TERM001", "CITE001"):
            name = re.search(r"'(.+?)'", f.message).group(1)
            found.add((f.code, f.path, name))
    return found


@pytest.mark.slow
def test_docscheck_reports_what_sphinx_reports_and_vice_versa(tmp_path):
    sphinx = sphinx_warnings(STOCK, tmp_path)
    assert len(sphinx) == 6  # the fixture plants 4 undefined terms and 2 unknown keys
    assert docscheck_findings(STOCK) == sphinx
