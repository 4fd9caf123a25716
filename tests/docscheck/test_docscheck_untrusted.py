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


COLON_FENCES = "extensions = ['myst_parser']\nmyst_enable_extensions = ['colon_fence']\n"


def nested_directives(depth: int, suffix: str) -> str:
    """``depth`` nested admonitions (MyST colon fences or reST), an undefined term inside."""
    if suffix == ".md":
        opening = [":" * (depth + 3 - level) + "{note}" for level in range(depth)]
        return "\n".join([*opening, "Inside {term}`inner`.", *(fence.removesuffix("{note}") for fence in reversed(opening))]) + "\n"
    return "".join("   " * level + ".. note::\n\n" for level in range(depth)) + "   " * depth + "Inside :term:`inner`.\n"


@pytest.mark.parametrize("suffix", [".md", ".rst"])
def test_directives_nested_beyond_the_limit_are_file001_at_the_first_too_deep(tmp_path, capsys, suffix):
    from docscheck.parsers.page_collector import MAX_DIRECTIVE_DEPTH

    root = stock_project(tmp_path, conf=COLON_FENCES)
    heading = "# Page\n\n" if suffix == ".md" else "Page\n====\n\n"
    after = "After {term}`outer`.\n" if suffix == ".md" else "After :term:`outer`.\n"
    body = nested_directives(MAX_DIRECTIVE_DEPTH + 20, suffix)
    (root / "docs" / f"page{suffix}").write_text(heading + body + "\n" + after, encoding="utf-8")
    _status, findings, err = run(root, capsys)
    assert "internal error" not in err
    (finding,) = [f for f in findings if f["code"] == "FILE001"]
    first, lines_per_level = (3, 1) if suffix == ".md" else (4, 2)
    assert finding["line"] == first + MAX_DIRECTIVE_DEPTH * lines_per_level
    assert f"more than {MAX_DIRECTIVE_DEPTH} deep" in finding["message"] and "Recursion error" in finding["message"]
    # the content of the too-deep directive is skipped; the rest of the page is still checked
    assert [f["message"].split("'")[1] for f in findings if f["code"] == "TERM001"] == ["outer"]


@pytest.mark.parametrize("suffix", [".md", ".rst"])
def test_directives_nested_as_deep_as_sphinx_builds_are_read(tmp_path, capsys, suffix):
    root = stock_project(tmp_path, conf=COLON_FENCES)
    heading = "# Page\n\n" if suffix == ".md" else "Page\n====\n\n"
    (root / "docs" / f"page{suffix}").write_text(heading + nested_directives(90, suffix), encoding="utf-8")
    _status, findings, _err = run(root, capsys)
    assert [f["code"] for f in findings if f["severity"] == "error"] == ["TERM001"]


def test_a_recursion_error_keeps_what_was_read_and_names_the_innermost_directive(monkeypatch):
    from docscheck.parsers import rest
    from docscheck.parsers.markdown import markdown_parser
    from docscheck.parsers.pages import parse_page

    original = rest.RestPageParser.paragraph

    def paragraph(self, lines, heading=False):
        if any("deep" in text for _line, text in lines):
            raise RecursionError
        original(self, lines, heading)

    monkeypatch.setattr(rest.RestPageParser, "paragraph", paragraph)
    page, findings = parse_page("T\n=\n\n:term:`kept`\n\n.. note::\n\n   .. tip::\n\n      deep\n", "p.rst", markdown_parser(frozenset()))
    assert page is not None and [ref.target for ref in page.term_refs] == ["kept"]
    assert [(f.code, f.line, "rest of the page is not checked" in f.message) for f in findings] == [("FILE001", 8, True)]


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
