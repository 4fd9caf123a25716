"""``_static/livret-data.js`` of the real site: every page a reader can add, with its questions.

Read from the site built once for the session (``site_html``); the expected questions are read
from the Markdown sources, independently of the code under test.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import DOCS

pytestmark = pytest.mark.slow

QUESTION_HEADING = re.compile(r"^(#{2,6} |:{3,}\{rubric\} )Questions à poser", re.IGNORECASE)
#: Pages a reader cannot add: the home page, the booklet itself, the glossary and the bibliography.
NOT_ADDABLE = {"index", "mon-livret", "glossaire", "bibliographie"}


def booklet_data(site: Path) -> dict[str, Any]:
    script = (site / "_static" / "livret-data.js").read_text(encoding="utf-8")
    match = re.search(r"window\.TERMBASE_LIVRET = (\{.*\});\s*$", script, re.DOTALL)
    assert match, script[:200]
    return json.loads(match.group(1))


def list_items(lines: list[str]) -> list[str]:
    """The bullet items of Markdown lines, each with its continuation lines joined."""
    items: list[str] = []
    open_item = False
    for line in lines:
        if line.startswith("- "):
            items.append(line[2:])
            open_item = True
        elif open_item and line.startswith("  ") and line.strip():
            items[-1] += " " + line.strip()
        else:
            open_item = False
    return items


def expected_questions(name: str) -> list[str]:
    """Source text of the page's question items (only those with a question mark)."""
    lines = (DOCS / f"{name}.md").read_text(encoding="utf-8").splitlines()
    if name == "questions-a-poser":
        kept, aside = [], False
        for line in lines:
            if line.startswith(":::{admonition}"):
                aside = True
            elif aside and line.startswith(":::"):
                aside = False
            elif not aside:
                kept.append(line)
        return [item for item in list_items(kept) if "?" in item]
    start = next((index for index, line in enumerate(lines) if QUESTION_HEADING.match(line)), None)
    if start is None:
        return []
    block = []
    for line in lines[start + 1 :]:
        if line.startswith(("#", ":::")) and block:
            break
        block.append(line)
    return [item for item in list_items(block) if "?" in item]


def plain(source: str) -> str:
    """Roughly what a reader sees of a MyST line: role titles, no citations, one space."""
    text = re.sub(r"\{cite:[pt]\}`[^`]*`", "", source)
    text = re.sub(r"\{[a-z]+\}`([^`<]*?)\s*(<[^>]*>)?`", r"\1", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())


@pytest.fixture(scope="module")
def data(site_html: Path) -> dict[str, Any]:
    return booklet_data(site_html)


def test_every_page_a_reader_can_add_is_in_the_data(data: dict[str, Any]) -> None:
    names = [page["name"] for page in data["pages"]]
    assert sorted(names) == sorted({path.stem for path in DOCS.glob("*.md")} - NOT_ADDABLE)
    assert names.index("systeme-immunitaire-et-cancer") < names.index("effets-indesirables") < names.index("questions-a-poser")


def test_every_page_has_the_questions_of_its_sources(data: dict[str, Any]) -> None:
    pages = {page["name"]: page for page in data["pages"]}
    with_questions = {name for name in pages if expected_questions(name)}
    assert {"effets-indesirables", "carte-patient", "questions-a-poser", "biomarqueurs"} <= with_questions
    for name, page in pages.items():
        expected = [plain(item) for item in expected_questions(name)]
        got = [" ".join(q["text"].replace("\u202f", " ").replace("\u00a0", " ").split()) for q in page["questions"]]
        assert len(got) == len(expected), (name, got, expected)
        for seen, wanted in zip(got, expected, strict=True):
            assert seen.startswith(wanted[:25]), (name, seen, wanted)
        assert len({q["id"] for q in page["questions"]}) == len(got)
        assert all(q["id"].startswith(name + ".") for q in page["questions"])
    assert len(pages["questions-a-poser"]["questions"]) >= 25


def test_each_page_carries_title_dates_body_terms_and_sources(data: dict[str, Any]) -> None:
    page = next(page for page in data["pages"] if page["name"] == "effets-indesirables")
    assert page["title"] == "Les effets indésirables de l’immunothérapie" and page["url"] == "effets-indesirables.html"
    assert (page["lastReviewed"], page["nextReview"]) == ("2026-12-06", "2027-12-06")
    assert page["review"].startswith("Dernière relecture\u00a0: 6 décembre 2026")
    assert "<h2>Les effets indésirables de l’immunothérapie</h2>" in page["body"]
    assert 'role="tooltip"' not in page["body"] and "Imprimer cette page" not in page["body"]
    assert "effet-indesirable" in page["terms"] and "haanen2022" in page["sources"]
    assert data["terms"]["effet-indesirable"]["short"] and data["sources"]["haanen2022"]["html"]
    assert "Haanen" in data["sources"]["haanen2022"]["html"]


def test_the_disclaimer_is_the_footer_text(data: dict[str, Any]) -> None:
    assert data["disclaimer"].startswith("<strong>Avertissement\u00a0:</strong>")
    assert "15 ou le 112" in data["disclaimer"]


def test_only_the_booklet_page_loads_the_data(site_html: Path) -> None:
    assert "livret-data.js" in (site_html / "mon-livret.html").read_text(encoding="utf-8")
    assert "livret-data.js" not in (site_html / "effets-indesirables.html").read_text(encoding="utf-8")
    page = (site_html / "effets-indesirables.html").read_text(encoding="utf-8")
    assert '<meta name="termbase-livret-page" content="effets-indesirables" />' in page
    assert page.count('class="termbase-livret-question"') == len(expected_questions("effets-indesirables"))
