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



SUBSTITUTIONS = ROOTS / "test-docscheck-substitutions"


def test_roles_of_substitution_definitions_are_checked_where_defined_as_sphinx_does():
    found = docscheck_findings(SUBSTITUTIONS)
    assert ("TERM001", "docs/index.rst", "widgit", 10) in found  # the definition's line, not the use's
    assert ("TERM001", "docs/index.rst", "nowhere", 11) in found  # unused: Sphinx checks it all the same
    assert ("TERM001", "docs/_definitions.txt", "included gizmo", 3) in found
    assert ("TERM001", "docs/usage.rst", "later gizmo", 18) in found


def test_rst_prolog_and_epilog_roles_are_reported_in_conf_py():
    found = docscheck_findings(SUBSTITUTIONS)
    assert ("TERM001", "docs/conf.py", "prolog gizmo", 8) in found  # rst_prolog = """ on line 6
    assert ("TERM001", "docs/conf.py", "never used", 12) in found  # rst_epilog, a concatenation: at its first string


def test_terms_used_only_in_substitution_definitions_count_as_used():
    report = check_project(SUBSTITUTIONS)
    assert not [f for f in report.findings if f.code in ("TERM002", "CITE002")]


@pytest.mark.slow
def test_docscheck_checks_substitution_definitions_as_sphinx_does(tmp_path):
    sphinx = sphinx_findings(SUBSTITUTIONS, "docs", tmp_path)
    prolog = {(code, name) for code, path, name, _line in sphinx if path.endswith(("<rst_prologue>", "<rst_epilogue>"))}
    assert len(prolog) == 4  # Sphinx reports these at <rst_prologue>/<rst_epilogue>, docscheck in conf.py
    ours = docscheck_findings(SUBSTITUTIONS)
    assert {(code, name) for code, path, name, _line in ours if path == "docs/conf.py"} == prolog
    assert {f for f in ours if f[1] != "docs/conf.py"} == {f for f in sphinx if (f[0], f[2]) not in prolog}  # names and lines
