"""Zero-config docscheck on stock Sphinx projects laid out as people lay them out (issue 16).

Each root under ``tests/roots/test-docscheck-layout-*`` has no ``[tool.docscheck]`` and keeps
what Sphinx must report in one ``mutations`` page (and the fragment it includes). The
differential tests build each root with a real ``sphinx-build -n``: docscheck reports the same
undefined terms and unknown keys, and with the mutations removed both are clean.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sphinx_reference import docscheck_findings, names, same_paragraph, sphinx_build, sphinx_findings

from docscheck.project import check_project, load_config

ROOTS = Path(__file__).resolve().parents[1] / "roots"

#: root → (Sphinx source directory, the files that hold the mutations)
LAYOUTS = {
    "test-docscheck-layout-docs-source": ("docs/source", ("docs/source/mutations.rst", "docs/source/_fragments/bad.rst")),
    "test-docscheck-layout-doc-myst": ("doc", ("doc/mutations.md", "doc/_parts/bad.md")),
    "test-docscheck-layout-root-conf": (".", ("mutations.md",)),
    "test-docscheck-layout-source": ("source", ("source/mutations.rst",)),
}


def report(name: str):
    return check_project(ROOTS / name)


def defined(name: str) -> set[str]:
    return {t.term for page in report(name).pages for t in page.defined_terms}


def without_mutations(name: str, tmp_path: Path) -> Path:
    """A copy of the root with its mutation files removed and unlinked from the toctree."""
    copy = tmp_path / "clean"
    shutil.copytree(ROOTS / name, copy)
    srcdir, mutations = LAYOUTS[name]
    for rel in mutations:
        (copy / rel).unlink()
    for page in (copy / srcdir).glob("index.*"):
        page.write_text(page.read_text(encoding="utf-8").replace("mutations\n", ""), encoding="utf-8")
    for page in (copy / srcdir).glob("**/*.rst"):
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace(".. include:: _fragments/bad.rst\n", ""), encoding="utf-8")
    return copy


# -- discovery ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_the_sphinx_source_directory_is_found_without_configuration(name):
    config = load_config(ROOTS / name)
    srcdir = LAYOUTS[name][0]
    assert config.docs == (ROOTS / name / srcdir).resolve()
    assert config.conf == config.docs / "conf.py"


def test_bibtex_bibfiles_are_relative_to_conf_py():
    assert [p.name for p in load_config(ROOTS / "test-docscheck-layout-docs-source").bib] == ["refs.bib"]
    assert [p.relative_to(ROOTS).as_posix() for p in load_config(ROOTS / "test-docscheck-layout-doc-myst").bib] == ["test-docscheck-layout-doc-myst/refs/library.bib"]
    assert report("test-docscheck-layout-source").stats["bib_entries"] == 3


def test_a_computed_exclude_patterns_keeps_its_literal_part_and_says_so_once():
    result = report("test-docscheck-layout-docs-source")
    notes = [n for n in result.notes if "exclude_patterns" in n]
    assert len(notes) == 1 and "'_build', '_fragments'" in notes[0] and "conf.py:8" in notes[0]
    assert not [p for p in result.pages if "_fragments" in p.path]  # fragments are not pages


def test_no_conf_py_says_what_was_searched_and_which_option_to_pass(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "page.md").write_text("# Page\n", encoding="utf-8")
    (note,) = load_config(tmp_path).notes
    assert "docs/, docs/source/, doc/, doc/source/, source/" in note and "--docs DIR" in note


def test_a_glossary_folder_of_ordinary_pages_holds_pages_not_entries():
    result = report("test-docscheck-layout-root-conf")
    assert load_config(ROOTS / "test-docscheck-layout-root-conf").glossary is None
    assert {"glossary/general.md", "glossary/advanced.rst"} <= {p.path for p in result.pages}
    assert defined("test-docscheck-layout-root-conf") == {"build", "source directory", "extension", "domain"}
    assert not [f for f in result.findings if f.code == "TERM004"]


def test_a_glossary_folder_of_entries_is_still_taken_for_entries():
    assert load_config(ROOTS / "test-docscheck-defects").glossary == (ROOTS / "test-docscheck-defects" / "glossary").resolve()


# -- parsing like Sphinx ----------------------------------------------------------------------


def test_tabs_in_rest_are_expanded_to_eight_columns():
    assert {"Ajax", "AJAX", "DICOM_DIR_MAP_FILE", "Straße", "TeX", "LaTeX", "unused term"} == defined("test-docscheck-layout-docs-source")


def test_term_lines_keep_underscores_and_register_the_text_of_a_link():
    terms = defined("test-docscheck-layout-doc-myst")
    assert {"CommonMark", "snake_case_name", "literal_term"} <= terms
    assert not [t for t in terms if "[" in t or "](" in t]


def test_a_myst_definition_list_with_the_glossary_class_defines_terms():
    assert "Definition list term" in defined("test-docscheck-layout-doc-myst")


def test_roles_of_included_fragments_are_reported_at_the_fragments_own_line():
    rest = {(f.path, f.line) for f in report("test-docscheck-layout-docs-source").findings if f.code == "TERM001"}
    myst = {(f.path, f.line) for f in report("test-docscheck-layout-doc-myst").findings if f.code == "TERM001"}
    assert ("docs/source/_fragments/bad.rst", 3) in rest
    assert ("doc/_parts/bad.md", 3) in myst


def test_roles_in_csv_table_and_list_table_cells_are_read():
    for name, page in (("test-docscheck-layout-docs-source", "docs/source/mutations.rst"), ("test-docscheck-layout-doc-myst", "doc/mutations.md")):
        messages = {f.message.split("'")[1] for f in report(name).findings if f.code == "TERM001" and f.path == page}
        assert {"missing_in_csv", "missing_in_list"} <= messages


def test_case_matching_is_lower_after_nfc_not_casefold():
    undefined = {f.message.split("'")[1] for f in report("test-docscheck-layout-docs-source").findings if f.code == "TERM001"}
    assert "STRASSE" in undefined  # casefold() would match Straße


def test_case_variants_on_two_term_lines_of_one_item_are_one_term():
    for name in ("test-docscheck-layout-docs-source", "test-docscheck-layout-doc-myst"):
        assert not [f for f in report(name).findings if f.code == "TERM003"]


def test_cite_keys_are_case_sensitive_as_in_sphinxcontrib_bibtex():
    (finding,) = [f for f in report("test-docscheck-layout-source").findings if "Cited2020" in f.message]
    assert finding.code == "CITE001" and "write 'cited2020'" in finding.message


# -- rules for stock projects ----------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_stock_projects_get_no_editorial_rule(name):
    codes = {f.code for f in report(name).findings}
    assert not codes & {"PAGE001", "PAGE002", "PAGE003", "PAGE004", "PAGE005", "TERM006", "TERM007", "CITE006"}


def test_an_unused_glossary_directive_term_is_term002_warning():
    (finding,) = [f for f in report("test-docscheck-layout-docs-source").findings if f.code == "TERM002"]
    assert (finding.path, finding.line, str(finding.severity)) == ("docs/source/glossary.rst", 22, "warning")
    assert "'unused term'" in finding.message


def test_bibliography_all_notcited_and_filter_count_as_use():
    for name in ("test-docscheck-layout-docs-source", "test-docscheck-layout-doc-myst", "test-docscheck-layout-source"):
        assert not [f for f in report(name).findings if f.code == "CITE002"], name


# -- against a real Sphinx build ---------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_same_undefined_terms_and_keys_as_sphinx(name, tmp_path):
    sphinx = sphinx_findings(ROOTS / name, LAYOUTS[name][0], tmp_path)
    ours = docscheck_findings(ROOTS / name)
    assert sphinx, "the root plants mutations Sphinx reports"
    assert names(ours) == names(sphinx)
    assert same_paragraph(ours, sphinx) == []


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_no_error_finding_where_sphinx_is_clean(name, tmp_path):
    clean = without_mutations(name, tmp_path)
    _source, result = sphinx_build(clean, LAYOUTS[name][0], tmp_path)
    assert result.returncode == 0 and "WARNING" not in result.stderr and "ERROR" not in result.stderr, result.stderr
    assert [f for f in check_project(clean).errors] == []
