"""The built bibliography and the citations of the real site, as a reader (and a screen reader) meets them.

What each entry must show is computed from ``references.bib`` itself (pybtex), so the tests follow the
content helpers' new entries.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from pathlib import Path

import pybtex.database
import pytest

from conftest import PROJECT_ROOT
from docscheck.records import evidence_label

CITATION_LINK = re.compile(r'<a [^>]*class="reference internal" href="bibliographie\.html#(id\d+)"[^>]*>(.*?)</a>', re.DOTALL)
LIST_ENTRY = re.compile(r'<div class="citation" id="(id\d+)"[^>]*>\s*<span class="label">.*?</span></span>\s*<p>(.*?)</p>', re.DOTALL)


def plain(fragment: str) -> str:
    """Text of an HTML fragment, ASCII whitespace collapsed (no-break spaces are typography: kept)."""
    return re.sub(r"[ \t\r\n]+", " ", html.unescape(re.sub(r"<[^>]+>", "", fragment))).strip()


@pytest.fixture(scope="module")
def bib() -> pybtex.database.BibliographyData:
    return pybtex.database.parse_file(str(PROJECT_ROOT / "references.bib"))


@pytest.fixture(scope="module")
def entries(site_html: Path) -> dict[str, str]:
    """The bibliography list: HTML of each entry's paragraph, by id."""
    page = (site_html / "bibliographie.html").read_text(encoding="utf-8")
    found = dict(LIST_ENTRY.findall(page))
    assert len(found) >= 30
    return found


@pytest.fixture(scope="module")
def links(site_html: Path) -> list[tuple[str, str, str]]:
    """(page, target id, link text) of every citation link of the site."""
    found = []
    for page in sorted(site_html.glob("*.html")):
        found += [(page.name, target, plain(text)) for target, text in CITATION_LINK.findall(page.read_text(encoding="utf-8"))]
    assert len(found) >= 100
    return found


def entry_of(entries: dict[str, str], entry: pybtex.database.Entry) -> str:
    """The list paragraph of a bib entry: its title, year and first author's name all appear in it."""
    title = entry.fields["title"].replace("{", "").replace("}", "").replace("---", "—").replace("--", "–").casefold()
    clues = [title, entry.fields.get("year", "")]
    persons = entry.persons.get("author", [])
    if persons:
        clues.append(" ".join(persons[0].last_names).replace("{", "").replace("}", "").casefold())
    matches = [text for text in entries.values() if all(clue in plain(text).casefold() for clue in clues)]
    assert len(matches) == 1, (entry.key, len(matches))
    return matches[0]


def test_two_sources_never_share_a_citation(links: list[tuple[str, str, str]]) -> None:
    targets: dict[str, set[str]] = defaultdict(set)
    for _, target, text in links:
        targets[text].add(target)
    assert {text: sorted(ids) for text, ids in targets.items() if len(ids) > 1} == {}
    texts = {text for _, _, text in links}
    assert {"Robert et al., 2015a", "Robert et al., 2015b"} <= texts


def test_the_list_gives_the_same_letters(entries: dict[str, str], links: list[tuple[str, str, str]]) -> None:
    for _, target, text in links:
        if re.search(r"\d{4}[a-z]$", text):
            year = text.rsplit(" ", 1)[-1]
            assert year in plain(entries[target]), (text, plain(entries[target])[:200])


def test_no_citation_link_reads_only_a_year(links: list[tuple[str, str, str]]) -> None:
    assert [(page, text) for page, _, text in links if not re.search(r"[^\W\d]{2}", text)] == []


def test_case_braces_keep_their_capitals(entries: dict[str, str], bib: pybtex.database.BibliographyData) -> None:
    text = plain(entry_of(entries, bib.entries["dunn2004"]))
    assert "The three Es of cancer immunoediting" in text


def test_long_author_lists_stop_after_about_ten_names(entries: dict[str, str], bib: pybtex.database.BibliographyData) -> None:
    long_lists = [entry for entry in bib.entries.values() if len(entry.persons.get("author", [])) > 11]
    assert long_lists, "no entry has a long author list any more: the test checks nothing"
    for entry in long_lists:
        text = plain(entry_of(entries, entry))
        authors = text.split(" et al. ")[0]
        assert " et al. " in text and authors.count(",") <= 10, (entry.key, authors)


def test_english_titles_are_marked_english(entries: dict[str, str], bib: pybtex.database.BibliographyData) -> None:
    articles = [entry for entry in bib.entries.values() if entry.type == "article" and entry.fields.get("langid", "english") == "english"]
    for entry in articles:
        paragraph = entry_of(entries, entry)
        assert re.search(r'<span lang="en">[^<]*\w', paragraph), entry.key


def test_each_reference_says_what_kind_of_evidence_it_is(entries: dict[str, str], bib: pybtex.database.BibliographyData) -> None:
    typed = [entry for entry in bib.entries.values() if entry.fields.get("evidence")]
    assert len(typed) >= 30
    for entry in typed:
        label = evidence_label({name.lower(): value for name, value in entry.fields.items()})
        text = plain(entry_of(entries, entry))
        assert text.endswith(f"Type de source\u00a0: {label}."), (entry.key, text[-120:])


def test_the_authorless_article_reads_like_an_article(
    entries: dict[str, str], links: list[tuple[str, str, str]], bib: pybtex.database.BibliographyData
) -> None:
    text = plain(entry_of(entries, bib.entries["saxena2021"]))
    assert "issue" not in text and "pages" not in text
    assert "Nature Reviews Cancer, n°\u00a06, p.\u00a0360–378, 2021" in text
    assert "Therapeutic cancer vaccines, 2021" not in {link for _, _, link in links}
