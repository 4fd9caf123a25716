"""Stock Sphinx projects: glossary blocks define terms, reST pages are read, Sphinx agrees."""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx_reference import docscheck_findings, names, sphinx_findings

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


@pytest.mark.slow
def test_docscheck_reports_what_sphinx_reports_and_vice_versa(tmp_path):
    sphinx = sphinx_findings(STOCK, "docs", tmp_path)
    assert len(sphinx) == 6  # the fixture plants 4 undefined terms and 2 unknown keys
    assert names(docscheck_findings(STOCK)) == names(sphinx)
