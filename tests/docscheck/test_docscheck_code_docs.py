"""Projects that document code: docstrings, gallery scripts, intersphinx, generated includes.

The roots mimic nilearn (a package whose docstrings cite with ``:footcite:``, soft_references.bib,
autosummary), PlasmaPy (``src/`` layout, automodapi, intersphinx terms, an include conf.py
writes), pyOpenSci (a key misspelt in an entry's only citation) and a sphinx-gallery project.
"""

from __future__ import annotations

import json
from contextlib import redirect_stderr, redirect_stdout
from io import StringIO
from pathlib import Path

import pytest
from sphinx_reference import docscheck_findings, keys, names, sphinx_findings

from docscheck.cli import main
from docscheck.project import check_project, load_config

ROOTS = Path(__file__).resolve().parents[1] / "roots"
NILEARN = ROOTS / "test-docscheck-code-nilearn"
PLASMAPY = ROOTS / "test-docscheck-code-plasmapy"
PYOPENSCI = ROOTS / "test-docscheck-code-pyopensci"
GALLERY = ROOTS / "test-docscheck-code-gallery"


def located(root: Path, code: str) -> list[tuple[str, int, str]]:
    return [(f.path, f.line, str(f.severity)) for f in check_project(root).findings if f.code == code]


SPHINX_INVENTORY = '("https://www.sphinx-doc.org/en/master/", "_inventories/sphinx-objects.inv")'


def plasmapy_copy(tmp_path: Path, sphinx_inventory: str) -> Path:
    """A copy of the PlasmaPy-like root whose ``sphinx`` intersphinx entry is ``sphinx_inventory``."""
    import shutil

    root = tmp_path / "p"
    shutil.copytree(PLASMAPY, root)
    conf = root / "docs" / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace(SPHINX_INVENTORY, sphinx_inventory), encoding="utf-8")
    return root


def cache_inventory(url: str, terms: list[str]) -> None:
    from docscheck.code.inventories import cache_file
    from docscheck.code.intersphinx import write_inventory

    path = cache_file(url)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(write_inventory("Sphinx", [(term, "std:term", f"glossary.html#term-{term}") for term in terms]))


def run_cli(argv: list[str]) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(argv)
    return status, out.getvalue(), err.getvalue()


# -- nilearn-like: docstrings of the modules autosummary names --------------------------------


def test_citations_in_rendered_docstrings_count_as_use():
    assert located(NILEARN, "CITE002") == []


def test_term_in_docstring_is_checked_at_its_line_in_the_py_file():
    (finding,) = [f for f in check_project(NILEARN).findings if f.code == "TERM001"]
    assert (finding.path, finding.line) == ("fakenilearn/datasets/atlas.py", 16)
    assert "did you mean 'voxel'" in finding.message


def test_unknown_key_in_docstring_is_cite001_at_its_line():
    assert located(NILEARN, "CITE001") == [("fakenilearn/datasets/atlas.py", 26, "error")]


def test_private_functions_are_not_rendered_so_not_checked():
    messages = " ".join(f.message for f in check_project(NILEARN).findings)
    assert "ghost" not in messages and "Nobody2000" not in messages and "nowhere" not in messages


def test_glossary_terms_linked_only_from_docstrings_are_referenced():
    assert located(NILEARN, "TERM002") == []


def test_short_doi_is_valid():
    assert located(NILEARN, "CITE005") == [] and located(NILEARN, "CITE007") == []


@pytest.mark.slow
def test_nilearn_like_docstrings_agree_with_sphinx(tmp_path):
    sphinx = sphinx_findings(NILEARN, "doc", tmp_path)
    assert keys(sphinx) == {("TERM001", "voxels"), ("CITE001", "Smith2099")}
    assert keys(docscheck_findings(NILEARN)) == keys(sphinx)


# -- PlasmaPy-like: src/ layout, automodapi, intersphinx, generated include --------------------


def test_automodapi_module_docstring_citation_counts():
    assert "drake:2006" not in " ".join(f.message for f in check_project(PLASMAPY).findings)


def test_terms_of_a_local_intersphinx_inventory_are_defined():
    undefined = {f.message.split("'")[1] for f in check_project(PLASMAPY).findings if f.code == "TERM001"}
    assert undefined == {"directive", "charge numbr"}  # decorator, parameter, mutable, argument resolve


def test_term_from_an_unread_inventory_is_a_warning_naming_it():
    (finding,) = [f for f in check_project(PLASMAPY).findings if f.message.startswith("undefined term 'directive'")]
    assert str(finding.severity) == "warning" and "sphinx" in finding.message and "docscheck inventories --fetch" in finding.message


def test_term_close_to_a_local_term_stays_an_error_naming_it():
    (finding,) = [f for f in check_project(PLASMAPY).findings if f.message.startswith("undefined term 'charge numbr'")]
    assert str(finding.severity) == "error" and "did you mean 'charge number'" in finding.message


def test_include_that_conf_py_writes_is_a_note_not_file001():
    report = check_project(PLASMAPY)
    assert not [f for f in report.findings if f.code == "FILE001"]
    assert any("docs/about/_authors.rst" in note and "conf.py names it" in note for note in report.notes)


def test_missing_include_not_named_by_conf_py_is_still_file001(tmp_path):
    import shutil

    root = tmp_path / "p"
    shutil.copytree(PLASMAPY, root)
    (root / "docs" / "about" / "credits.rst").write_text("Credits\n=======\n\n.. include:: _nobody.rst\n", encoding="utf-8")
    assert [(f.path, f.line) for f in check_project(root).findings if f.code == "FILE001"] == [("docs/about/credits.rst", 4)]


def test_prefixed_doi_is_cite007_with_the_fix():
    (finding,) = [f for f in check_project(PLASMAPY).findings if f.code == "CITE007"]
    assert str(finding.severity) == "warning" and "write doi = {10.1017/CBO9780511807183}" in finding.message


def test_cached_inventory_defines_its_terms(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = plasmapy_copy(tmp_path, '("https://www.sphinx-doc.org/en/master/", None)')
    cache_inventory("https://www.sphinx-doc.org/en/master/objects.inv", ["directive"])
    undefined = [f for f in check_project(root).findings if f.code == "TERM001"]
    assert [f.message.split("'")[1] for f in undefined] == ["charge numbr"]


def test_term_in_no_inventory_is_an_error_once_every_inventory_was_read(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = plasmapy_copy(tmp_path, '("https://www.sphinx-doc.org/en/master/", None)')
    cache_inventory("https://www.sphinx-doc.org/en/master/objects.inv", ["role"])
    (finding,) = [f for f in check_project(root).findings if f.message.startswith("undefined term 'directive'")]
    assert str(finding.severity) == "error"


@pytest.mark.slow
def test_plasmapy_like_project_agrees_with_sphinx(tmp_path):
    sphinx = sphinx_findings(PLASMAPY, "docs", tmp_path)
    assert names(sphinx) == {("TERM001", "docs/coding_guide.rst", "directive"), ("TERM001", "docs/coding_guide.rst", "charge numbr")}
    assert names(docscheck_findings(PLASMAPY)) == names(sphinx)


# -- pyOpenSci-like: a key misspelt in an entry's only citation --------------------------------


def test_misspelt_key_names_the_entry_and_the_entry_is_not_also_uncited():
    report = check_project(PYOPENSCI)
    (finding,) = [f for f in report.findings if f.code == "CITE001"]
    assert (finding.path, finding.line) == ("tests.md", 3) and "did you mean 'Taylor2019'" in finding.message
    assert not [f for f in report.findings if f.code == "CITE002"]


def test_uncited_entry_is_a_warning_without_a_docscheck_table(tmp_path):
    import shutil

    root = tmp_path / "o"
    shutil.copytree(PYOPENSCI, root)
    with (root / "bibliography.bib").open("a", encoding="utf-8") as bib:
        bib.write("\n@misc{Unused2020,\n  title = {Never cited},\n  url = {https://example.org}\n}\n")
    assert located(root, "CITE002") == [("bibliography.bib", 16, "warning")]


def test_uncited_entry_is_an_error_with_a_docscheck_table():
    assert [severity for _path, _line, severity in located(ROOTS / "test-docscheck-defects", "CITE002")] == ["error"]


@pytest.mark.slow
def test_pyopensci_like_project_agrees_with_sphinx(tmp_path):
    sphinx = sphinx_findings(PYOPENSCI, ".", tmp_path)
    assert names(sphinx) == {("CITE001", "tests.md", "Tayor2019")}
    assert names(docscheck_findings(PYOPENSCI)) == names(sphinx)


# -- sphinx-gallery: module docstring and # %% text blocks (sphinx-gallery is not installed here,
# so this root is checked by docscheck only) ----------------------------------------------------


def test_gallery_citations_count_and_terms_are_checked_at_their_line():
    report = check_project(GALLERY)
    assert not [f for f in report.findings if f.code == "CITE002"]
    assert [(f.path, f.line, f.message.split("'")[1]) for f in report.findings if f.code == "TERM001"] == [("examples/01_basics/plot_glm.py", 11, "contrast")]


def test_gallery_ignore_pattern_and_code_comments_are_not_read():
    messages = " ".join(f.message for f in check_project(GALLERY).findings)
    assert "ignored" not in messages and "comment" not in messages


def test_gallery_scripts_are_not_read_without_the_extension(tmp_path):
    import shutil

    root = tmp_path / "g"
    shutil.copytree(GALLERY, root)
    conf = root / "doc" / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace('"sphinx_gallery.gen_gallery", ', ""), encoding="utf-8")
    assert not [f for f in check_project(root).findings if f.path.startswith("examples/")]


# -- what cannot be found, and what is never read -----------------------------------------------


def test_module_that_cannot_be_found_is_one_note(tmp_path):
    import shutil

    root = tmp_path / "n"
    shutil.copytree(NILEARN, root)
    (root / "doc" / "other.rst").write_text(".. automodule:: numpy.linalg\n\n.. autoclass:: numpy.ndarray\n", encoding="utf-8")
    report = check_project(root)
    (note,) = [n for n in report.notes if "cannot find" in n]
    assert "numpy (doc/other.rst:1)" in note


def test_modules_outside_root_are_not_read(tmp_path):
    import shutil

    outside = tmp_path / "outside"
    (outside / "leak").mkdir(parents=True)
    (outside / "leak" / "__init__.py").write_text('"""Secret :term:`leaked`."""\n', encoding="utf-8")
    root = tmp_path / "n"
    shutil.copytree(NILEARN, root)
    (root / "doc" / "conf.py").write_text((root / "doc" / "conf.py").read_text(encoding="utf-8") + f"\nsys.path.insert(0, {str(outside)!r})\n", encoding="utf-8")
    (root / "doc" / "leak.rst").write_text(".. automodule:: leak\n", encoding="utf-8")
    assert "leaked" not in " ".join(f.message for f in check_project(root).findings)


# -- CLI ------------------------------------------------------------------------------------------


def test_cli_json_reports_docstring_findings_at_the_py_file():
    status, out, _err = run_cli(["check", str(NILEARN), "--format", "json"])
    document = json.loads(out)
    assert status == 1
    assert {(f["code"], f["path"], f["line"]) for f in document["findings"]} == {
        ("TERM001", "fakenilearn/datasets/atlas.py", 16),
        ("CITE001", "fakenilearn/datasets/atlas.py", 26),
    }
    assert document["stats"]["citations"] == 4  # one on a page, three in docstrings


def test_cli_prints_the_generated_include_note_on_stderr():
    status, out, err = run_cli(["check", str(PLASMAPY), "--format", "json"])
    assert status == 1  # 'charge numbr'
    assert "docscheck: note: docs/about/_authors.rst" in err and "Traceback" not in err


def test_inventories_fetch_fills_the_user_cache(tmp_path, monkeypatch):
    from docscheck.code.intersphinx import write_inventory

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    served = tmp_path / "served"
    served.mkdir()
    (served / "objects.inv").write_bytes(write_inventory("Sphinx", [("directive", "std:term", "glossary.html")]))
    root = plasmapy_copy(tmp_path, f'("{served.as_uri()}/", None)')
    status, out, err = run_cli(["inventories", "--fetch", str(root)])
    assert status == 0, err
    assert "sphinx: 1 terms cached" in out and "python: local file" in out
    assert list((tmp_path / "cache" / "docscheck" / "inventories").glob("*.inv")) and not (root / ".cache").exists()
    assert [f.message.split("'")[1] for f in check_project(root).findings if f.code == "TERM001"] == ["charge numbr"]


def test_inventories_fetch_offline_is_a_clear_error_without_traceback(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    missing = (tmp_path / "nowhere").as_uri()
    root = plasmapy_copy(tmp_path, f'("{missing}/", None)')
    status, _out, err = run_cli(["inventories", "--fetch", str(root)])
    assert status == 1
    assert f"sphinx: cannot fetch {missing}/objects.inv" in err and "1 of 2 inventories not fetched" in err and "Traceback" not in err


def test_inventory_cache_is_never_inside_root(tmp_path, monkeypatch):
    import shutil

    root = tmp_path / "p"
    shutil.copytree(PLASMAPY, root)
    monkeypatch.setenv("XDG_CACHE_HOME", str(root / ".cache"))
    status, _out, err = run_cli(["inventories", "--fetch", str(root)])
    assert status == 2 and "inside ROOT" in err and not (root / ".cache").exists()


def test_check_never_writes_the_inventory_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    check_project(PLASMAPY, load_config(PLASMAPY))
    assert not (tmp_path / "cache").exists()


# -- Debian's inventories (python3-doc, sphinx-doc): used when installed ----------------------------

DEBIAN_INVENTORIES = {
    "python": sorted(Path("/usr/share/doc").glob("python3*/html/objects.inv")),
    "sphinx": [p for p in [Path("/usr/share/doc/sphinx-doc/html/objects.inv")] if p.is_file()],
}


@pytest.mark.skipif(not all(DEBIAN_INVENTORIES.values()), reason="needs Debian's python3-doc and sphinx-doc (Makefile TEST_PACKAGES)")
def test_debian_python_and_sphinx_inventories_define_the_terms_plasmapy_uses(tmp_path):
    import shutil

    from docscheck.code.intersphinx import inventory_terms

    python, sphinx = DEBIAN_INVENTORIES["python"][-1], DEBIAN_INVENTORIES["sphinx"][0]
    assert {"decorator", "mutable", "parameter", "argument"} <= inventory_terms(python.read_bytes(), str(python))
    assert {"directive", "role"} <= inventory_terms(sphinx.read_bytes(), str(sphinx))
    root = tmp_path / "p"
    shutil.copytree(PLASMAPY, root)
    shutil.copy(python, root / "docs" / "_inventories" / "python-objects.inv")
    shutil.copy(sphinx, root / "docs" / "_inventories" / "sphinx-objects.inv")
    undefined = [(f.message.split("'")[1], str(f.severity)) for f in check_project(root).findings if f.code == "TERM001"]
    assert undefined == [("charge numbr", "error")]


def test_local_inventory_outside_root_is_not_read(tmp_path):
    from docscheck.code.intersphinx import write_inventory

    (tmp_path / "outside.inv").write_bytes(write_inventory("X", [("directive", "std:term", "g.html")]))
    root = plasmapy_copy(tmp_path, '("https://www.sphinx-doc.org/en/master/", "../../outside.inv")')
    report = check_project(root)
    assert any("outside ROOT: not read" in note for note in report.notes)
    assert "directive" in " ".join(f.message for f in report.findings if f.code == "TERM001")
