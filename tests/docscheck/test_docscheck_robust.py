"""Hostile input never crashes docscheck: encodings, line endings, broken syntax, fuzzing."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docscheck.cli import main
from docscheck.project import check_project
from docscheck.settings import ConfigError, load_config

ENTRY = "---\nterm: lymphocyte\nsources: [k2001]\n---\nGlobule blanc.\n"
BIB = "@book{k2001,\n  author = {A, B},\n  title = {T},\n  publisher = {P},\n  year = {2001}\n}\n"


def project(tmp_path: Path, page: bytes | str, name: str = "page.md") -> Path:
    root = tmp_path / "p"
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "glossary").mkdir(exist_ok=True)
    (root / "glossary" / "lymphocyte.md").write_text(ENTRY, encoding="utf-8")
    (root / "references.bib").write_text(BIB, encoding="utf-8")
    data = page.encode("utf-8") if isinstance(page, str) else page
    (root / "docs" / name).write_bytes(data)
    return root


def codes_at(root: Path) -> list[tuple[str, str, int]]:
    return [(f.code, f.path, f.line) for f in check_project(root).findings]


def test_role_line_is_exact_after_bom_and_crlf(tmp_path):
    text = "\ufeff# T\r\n\r\nUne ligne,\r\ndeux lignes,\r\npuis {term}`inconnu` {cite:p}`k2001`.\r\n"
    assert ("TERM001", "docs/page.md", 5) in codes_at(project(tmp_path, text))


def test_role_line_is_exact_after_a_multiline_code_span(tmp_path):
    text = "Texte `du\ncode` puis\n{term}`inconnu` {cite:p}`k2001`.\n"
    assert ("TERM001", "docs/page.md", 3) in codes_at(project(tmp_path, text))


def test_nfd_reference_matches_nfc_entry(tmp_path):
    import unicodedata

    root = project(tmp_path, "x {cite:p}`k2001`\n")
    (root / "glossary" / "lymphocyte.md").write_text(ENTRY.replace("lymphocyte", "thérapie"), encoding="utf-8")
    (root / "docs" / "page.md").write_text(unicodedata.normalize("NFD", "La {term}`Thérapie` {cite:p}`k2001`.\n"), encoding="utf-8")
    assert [c for c in codes_at(root) if c[0] == "TERM001"] == []


def test_latin1_page_is_file001_with_its_line(tmp_path):
    assert ("FILE001", "docs/page.md", 2) in codes_at(project(tmp_path, "ok\nd\xe9j\xe0\n".encode("latin-1")))


def test_unclosed_front_matter_is_file001(tmp_path):
    assert ("FILE001", "docs/page.md", 1) in codes_at(project(tmp_path, "---\ntitle: x\n\n# T\n"))


def test_front_matter_that_is_not_a_mapping_is_file001(tmp_path):
    assert ("FILE001", "docs/page.md", 2) in codes_at(project(tmp_path, "---\n- a\n- b\n---\n# T\n"))


def test_empty_page_and_empty_bib_are_fine(tmp_path):
    root = project(tmp_path, b"")
    (root / "references.bib").write_text("", encoding="utf-8")
    assert main(["check", str(root)]) in (0, 1)


def test_unbalanced_bibtex_braces_are_file001_and_later_entries_survive(tmp_path):
    root = project(tmp_path, "x {cite:p}`k2001`\n")
    (root / "references.bib").write_text("@article{broken,\n  title = {oops\n\n" + BIB, encoding="utf-8")
    report = check_project(root)
    assert ("FILE001", "references.bib", 1) in [(f.code, f.path, f.line) for f in report.findings]
    assert [e.key for e in report.bib] == ["k2001"]


def test_latex_accents_in_bibtex_are_decoded():
    from docscheck.parsers.bibtex import parse_bib_text, plain_text

    (entry,), findings = parse_bib_text("@misc{a, title = {Caf{\\'e} {\\`a} l'{\\'E}cole}, url = {https://x.org}}", "r.bib")
    assert findings == [] and plain_text(entry.fields["title"]) == "Café à l'École"


def test_symlink_loop_is_not_followed_forever(tmp_path):
    root = project(tmp_path, "x {cite:p}`k2001`\n")
    os.symlink(root / "docs", root / "docs" / "loop")
    assert check_project(root).stats["pages"] == 1


def test_deeply_nested_page_gives_a_finding_not_a_crash(tmp_path, capsys):
    nested = "".join("`" * (n + 3) + "{note}\n" for n in range(400, 0, -1))
    status = main(["check", str(project(tmp_path, nested + "> " * 3000 + "x\n"))])
    assert status in (0, 1) and "Traceback" not in capsys.readouterr().err


def test_large_page_is_read(tmp_path):
    text = "".join(f"Paragraphe {n} avec {{term}}`lymphocyte` {{cite:p}}`k2001`.\n\n" for n in range(20000))
    assert check_project(project(tmp_path, text)).stats["term_refs"] == 20000


FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def run_quietly(root: Path, capsys) -> int:
    status = main(["check", str(root), "--format", "json"])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    if status in (0, 1):
        json.loads(out.out)
    return status


@FUZZ
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes_as_a_page_never_crash(tmp_path, capsys, data):
    assert run_quietly(project(tmp_path, data), capsys) in (0, 1, 2)


@FUZZ
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes_as_a_glossary_entry_never_crash(tmp_path, capsys, data):
    root = project(tmp_path, "x\n")
    (root / "glossary" / "lymphocyte.md").write_bytes(data)
    assert run_quietly(root, capsys) in (0, 1, 2)


@FUZZ
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes_as_a_bib_file_never_crash(tmp_path, capsys, data):
    root = project(tmp_path, "x\n")
    (root / "references.bib").write_bytes(data)
    assert run_quietly(root, capsys) in (0, 1, 2)


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20) | st.dates(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)


@FUZZ
@given(front=st.dictionaries(st.sampled_from(["term", "aliases", "forms", "sources", "see_also", "en", "reviewed", "x"]), yaml_values, max_size=6), text=st.text(max_size=200))
def test_arbitrary_yaml_front_matter_never_crashes(tmp_path, capsys, front, text):
    import yaml

    root = project(tmp_path, "---\n" + yaml.safe_dump({"last_reviewed": front.get("reviewed"), **front}, allow_unicode=True) + "---\n" + text)
    (root / "glossary" / "lymphocyte.md").write_text("---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + text, encoding="utf-8")
    assert run_quietly(root, capsys) in (0, 1, 2)


bibtexish = st.lists(
    st.sampled_from(["@article{", "@string{", "@comment{", "k2001", ",", "=", "{", "}", "(", ")", '"', "\\'e", "title", "year", "doi", "author", " and ", "\n", "#", "2001", "10.1/x", " "]),
    max_size=80,
).map("".join)


@FUZZ
@given(text=bibtexish)
def test_bibtex_like_text_never_crashes(tmp_path, capsys, text):
    root = project(tmp_path, "x {cite:p}`k2001`\n")
    (root / "references.bib").write_text(text, encoding="utf-8")
    assert run_quietly(root, capsys) in (0, 1, 2)


def test_a_docs_option_naming_a_file_says_it_is_not_a_directory(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text("# Page\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="is not a directory"):
        load_config(tmp_path, {"docs": "page.md"})


def test_a_bib_option_naming_a_directory_says_it_is_not_a_file(tmp_path: Path) -> None:
    (tmp_path / "refs").mkdir()
    with pytest.raises(ConfigError, match="is not a file"):
        load_config(tmp_path, {"bib": "refs"})


def test_a_conf_py_language_that_is_not_text_is_a_note_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "conf.py").write_text('project = "x"\nlanguage = ["fr"]\n', encoding="utf-8")
    (tmp_path / "docs" / "index.md").write_text("# Accueil\n", encoding="utf-8")
    config = load_config(tmp_path)
    assert config.language is None
    assert any("docs/conf.py:2: language is ['fr'], not text" in note for note in config.notes)


def test_an_unknown_setting_is_named_in_a_note(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.docscheck]\nreveiw = true\n", encoding="utf-8")
    config = load_config(tmp_path)
    assert any("has no setting 'reveiw' (ignored)" in note for note in config.notes)
    assert not any("has no setting" in note for note in load_config(Path(__file__).resolve().parents[2]).notes)
