"""Input from an untrusted pull request: nothing outside ROOT is read, bad input is a finding.

Symlinks are created here, in ``tmp_path``, never committed. The « secret » is a file outside
ROOT whose content must never show in the output.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from docscheck.cli import main
from docscheck.project import check_project

SECRET = "TOPSECRETVALUE"


def stock_project(tmp_path: Path, conf: str = 'extensions = ["myst_parser", "sphinxcontrib.bibtex"]\n') -> Path:
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "conf.py").write_text(conf, encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Index\n\nText.\n", encoding="utf-8")
    (tmp_path / "secret.md").write_text(f"{{term}}`{SECRET}` {{cite:p}}`{SECRET}`\n", encoding="utf-8")
    (tmp_path / "secret.bib").write_text(f"@misc{{{SECRET}, title = {{{SECRET}}}}}\n", encoding="utf-8")
    return root


def run(root: Path, capsys) -> tuple[int, list[dict], str]:
    status = main(["check", str(root), "--format", "json"])
    out = capsys.readouterr()
    assert SECRET not in out.out and SECRET not in out.err
    return status, json.loads(out.out)["findings"], out.err


def outside(findings: list[dict]) -> list[tuple[str, int]]:
    return [(f["path"], f["line"]) for f in findings if f["code"] == "FILE001" and "outside the project, not read" in f["message"]]


def test_a_page_symlinked_outside_root_is_not_read(tmp_path, capsys):
    root = stock_project(tmp_path)
    os.symlink(tmp_path / "secret.md", root / "docs" / "leak.md")
    status, findings, _err = run(root, capsys)
    assert status == 1 and outside(findings) == [("docs/leak.md", 1)]


def test_a_directory_symlinked_outside_root_is_not_walked(tmp_path, capsys):
    root = stock_project(tmp_path)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "page.md").write_text(f"{{term}}`{SECRET}`\n", encoding="utf-8")
    os.symlink(tmp_path / "elsewhere", root / "docs" / "more")
    _status, findings, _err = run(root, capsys)
    assert outside(findings) == [("docs/more", 1)]


def test_a_symlink_inside_root_is_read(tmp_path, capsys):
    root = stock_project(tmp_path)
    (root / "shared").mkdir()
    (root / "shared" / "page.md").write_text("# Shared\n\n{term}`nowhere`\n", encoding="utf-8")
    os.symlink(root / "shared" / "page.md", root / "docs" / "page.md")
    _status, findings, _err = run(root, capsys)
    assert outside(findings) == [] and ("docs/page.md", 3) in [(f["path"], f["line"]) for f in findings if f["code"] == "TERM001"]


def test_bibtex_bibfiles_outside_root_are_not_opened(tmp_path, capsys):
    root = stock_project(tmp_path, 'extensions = ["sphinxcontrib.bibtex"]\nbibtex_bibfiles = ["../../secret.bib", "../../../../../../etc/passwd"]\n')
    _status, findings, _err = run(root, capsys)
    assert outside(findings) == [("docs/conf.py", 2), ("docs/conf.py", 2)]


@pytest.mark.parametrize("syntax", ["rst", "md"])
def test_an_include_outside_root_is_not_read(tmp_path, capsys, syntax):
    root = stock_project(tmp_path)
    (root / "docs" / "index.md").unlink()
    page = ".. include:: ../../secret.md\n" if syntax == "rst" else "# T\n\n```{include} ../../secret.md\n```\n"
    (root / "docs" / f"index.{syntax}").write_text(page, encoding="utf-8")
    _status, findings, _err = run(root, capsys)
    assert outside(findings) == [(f"docs/index.{syntax}", 1 if syntax == "rst" else 3)]


def test_a_glossary_entry_symlinked_outside_root_is_not_read(tmp_path, capsys):
    root = stock_project(tmp_path)
    (root / "glossary").mkdir()
    (root / "glossary" / "good.md").write_text("---\nterm: good\nsources: []\n---\nGood.\n", encoding="utf-8")
    (tmp_path / "entry.md").write_text(f"---\nterm: {SECRET}\nsources: []\n---\n{SECRET}\n", encoding="utf-8")
    os.symlink(tmp_path / "entry.md", root / "glossary" / "leak.md")
    _status, findings, _err = run(root, capsys)
    assert outside(findings) == [("glossary/leak.md", 1)]


# -- bad input the hidden set found ----------------------------------------------------------


def test_an_invalid_date_is_page002_at_its_line_not_a_crash(tmp_path, capsys):
    root = stock_project(tmp_path)
    (root / "docs" / "page.md").write_text("---\ntitle: Page\nlast_reviewed: 2026-13-45\n---\n# Page\n\nText.\n", encoding="utf-8")
    status, findings, err = run(root, capsys)
    assert status == 1 and "internal error" not in err
    assert [(f["path"], f["line"]) for f in findings if f["code"] == "PAGE002"] == [("docs/page.md", 3)]


def test_an_invalid_date_in_a_glossary_entry_is_term004(tmp_path, capsys):
    root = stock_project(tmp_path)
    (root / "glossary").mkdir()
    (root / "glossary" / "x.md").write_text("---\nterm: x\nsources: []\nreviewed: 2026-02-30\n---\nX.\n", encoding="utf-8")
    _status, findings, _err = run(root, capsys)
    assert [(f["code"], f["line"]) for f in findings if f["path"] == "glossary/x.md" and f["code"] == "TERM004"] == [("TERM004", 4)]


@pytest.mark.parametrize("nesting", ["> " * 2000 + "deep\n", "".join("  " * n + "- item\n" for n in range(2000))])
def test_nesting_beyond_markdown_it_is_file001_where_parsing_stops(tmp_path, capsys, nesting):
    root = stock_project(tmp_path)
    (root / "docs" / "page.md").write_text("# Page\n\nIntro.\n\n" + nesting + "\nAfter {term}`lost`.\n", encoding="utf-8")
    _status, findings, _err = run(root, capsys)
    (finding,) = [f for f in findings if f["code"] == "FILE001"]
    assert finding["path"] == "docs/page.md" and "not rendered" in finding["message"]
    assert finding["line"] == (5 if nesting.startswith(">") else 5 + 9)
    if not nesting.startswith(">"):
        assert "the rest of the page" in finding["message"]


def test_the_nesting_finding_names_the_lines_markdown_it_drops():
    from docscheck.parsers.markdown import markdown_parser
    from docscheck.parsers.pages import parse_page

    _page, findings = parse_page("a\n\n" + "> " * 30 + "x\n\nb\n", "p.md", markdown_parser(frozenset()))
    assert [(f.line, "from here, line 3 is not parsed" in f.message) for f in findings] == [(3, True)]


# -- hints -----------------------------------------------------------------------------------


def test_mostly_undefined_terms_print_one_hint_line(tmp_path, capsys):
    root = stock_project(tmp_path)
    (root / "docs" / "index.md").write_text("# I\n\n{term}`a` {term}`b` {term}`c`\n", encoding="utf-8")
    _status, _findings, err = run(root, capsys)
    hints = [line for line in err.splitlines() if line.startswith("docscheck: hint:")]
    assert len(hints) == 1 and "3 of 3 term references are undefined" in hints[0] and "--docs DIR" in hints[0]


def test_a_bibliography_without_entries_prints_a_hint(tmp_path, capsys):
    root = stock_project(tmp_path, 'extensions = ["sphinxcontrib.bibtex"]\nbibtex_bibfiles = ["refs.bib"]\n')
    (root / "docs" / "refs.bib").write_text("% nothing here\n", encoding="utf-8")
    _status, _findings, err = run(root, capsys)
    assert "docscheck: hint: the bibliography (docs/refs.bib) yields no entry" in err


def test_no_hint_when_discovery_worked(tmp_path, capsys):
    root = stock_project(tmp_path)
    _status, _findings, err = run(root, capsys)
    assert "hint" not in err
    assert check_project(root).hint is None
