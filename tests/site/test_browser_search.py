"""The real site's search in Chromium: everyday words, PD1/PD-1, definition cards, clean snippets.

Drives Debian's /usr/bin/chromium (conftest.py) on the site built once by ``site_html``. The
glossary-aware part is termbase.search.glossary_terms + static/termbase-search.js.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from termbase.search.folding import SearchFrenchFolded

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:Session-scoped fixtures defined as instance methods:pytest.PytestRemovedIn10Warning"),
]

TOOLTIP = re.compile(r'<span role="tooltip"[^>]*>(.*?)</span>', re.S)


def search(page: Page, site_url: str, query: str) -> list[dict[str, str]]:
    """Results of *query* on search.html, in order: href, and the snippet once it has loaded."""
    page.goto(f"{site_url}/search.html?q={query.replace(' ', '+')}")
    page.wait_for_function("() => (document.querySelector('#search-results .search-summary') || {}).textContent", timeout=15_000)
    page.wait_for_load_state("networkidle")  # snippets are fetched page by page
    return page.eval_on_selector_all(
        "#search-results ul.search > li",
        "items => items.map(li => ({href: li.querySelector('a').getAttribute('href'), snippet: (li.querySelector('p.context') || {}).textContent || ''}))",
    )


def status(page: Page) -> str:
    return page.inner_text("#search-results .search-summary")


def answer_card(page: Page) -> dict[str, str] | None:
    """The definition card above the results: term, definition and its glossary link, if any."""
    card = page.locator("#search-results .termbase-answer")
    if card.count() == 0:
        return None
    return {
        "title": card.locator("h3").inner_text(),
        "text": card.inner_text(),
        "link": card.get_by_role("link", name="Voir dans le glossaire").get_attribute("href") or "",
    }


@pytest.mark.parametrize(
    ("query", "anchor", "first"),
    [
        ("effets secondaires", "term-effet-indesirable", "effets-indesirables.html"),
        ("PD1", "term-pd-1", None),
        ("PD 1", "term-pd-1", None),
        ("PDL1", "term-pd-l1", None),
        ("CAR T", "term-cellule-car-t", "therapies-cellulaires.html"),
        ("Keytruda", "term-pembrolizumab", None),
    ],
)
def test_a_glossary_name_shows_its_definition_above_results_that_start_with_its_page(
    page: Page, site_url: str, query: str, anchor: str, first: str | None
) -> None:
    results = [result["href"] for result in search(page, site_url, query)]
    card = answer_card(page)
    assert card, f"{query!r} shows the definition as an answer card"
    assert card["link"].removeprefix("./") == f"glossaire.html#{anchor}"
    assert len(card["text"]) > len(card["title"]) + 20, "the card holds the definition"
    assert results, f"{query!r} finds pages"
    assert not results[0].startswith("glossaire.html#"), "the glossary entry no longer takes the first result"
    if first:
        assert results[0] == first
    cards_box = page.locator("#search-results .termbase-answer").bounding_box()
    list_box = page.locator("#search-results ul.search").bounding_box()
    assert cards_box and list_box and cards_box["y"] < list_box["y"], "the card comes above the results"


def test_a_query_that_names_no_term_shows_no_card(page: Page, site_url: str) -> None:
    assert search(page, site_url, "tirage au sort")
    assert answer_card(page) is None


def test_a_query_with_a_glossary_name_inside_finds_pages_using_the_term(page: Page, site_url: str) -> None:
    results = [result["href"] for result in search(page, site_url, "effets secondaires du nivolumab")]
    assert "effets-indesirables.html" in results[:3]


def test_pd1_written_any_way_finds_the_same_pages(page: Page, site_url: str) -> None:
    found = [sorted(result["href"] for result in search(page, site_url, query)) for query in ("PD1", "PD-1", "pd 1")]
    assert found[0] == found[1] == found[2]


def test_the_page_about_lymphocytes_ranks_in_the_first_three(page: Page, site_url: str) -> None:
    results = [result["href"] for result in search(page, site_url, "lymphocytes")]
    assert "systeme-immunitaire-et-cancer.html" in results[:3], results


def test_the_page_opened_from_a_result_highlights_the_words_of_every_variant(page: Page, site_url: str) -> None:
    search(page, site_url, "effets secondaires")
    terms = page.evaluate("() => localStorage.getItem('sphinx_highlight_terms')").split()
    assert {"effets", "secondaires", "effet", "indésirable"} <= set(terms)


def test_no_result_message_is_plain_french_and_links_the_glossary(page: Page, site_url: str) -> None:
    assert search(page, site_url, "xylophone") == []
    message = status(page)
    assert "catégories" not in message
    assert message.startswith("Aucune page ne contient ces mots.")
    link = page.locator("#search-results .search-summary a")
    assert (link.get_attribute("href") or "").endswith("glossaire.html")
    assert "glossaire" in link.inner_text()


@pytest.mark.parametrize("query", ["ongle incarné", "brûlure en urinant"])
def test_a_query_without_result_still_leads_to_when_to_call(page: Page, site_url: str, site_html: Path, query: str) -> None:
    """A symptom in words no page uses finds nothing, and the page still says where to look and to call."""
    assert search(page, site_url, query) == []
    help_line = page.locator(".termbase-no-result-guide")
    expect(help_line).to_have_count(1)
    link = help_line.locator("a")
    assert link.get_attribute("href").split("#")[0].endswith("quand-appeler.html")
    title = re.search(r"<title>(.*?)</title>", (site_html / "quand-appeler.html").read_text(encoding="utf-8"), re.S)
    assert title is not None
    assert html.unescape(title.group(1)).startswith(link.inner_text().strip())
    assert "En cas de doute, appelez." in help_line.inner_text()


def tooltip_texts(site: Path) -> set[str]:
    """Every hidden definition of the site (term tooltips and citation previews)."""
    texts = set()
    for path in site.glob("*.html"):
        texts |= {" ".join(html.unescape(re.sub(r"<[^>]+>", " ", t)).split()) for t in TOOLTIP.findall(path.read_text(encoding="utf-8"))}
    return {text for text in texts if len(text) >= 25}


@pytest.mark.parametrize("query", ["PD-L1", "lymphocytes", "immunotherapie"])
def test_snippets_leave_out_the_hidden_definitions(page: Page, site_url: str, site_html: Path, query: str) -> None:
    hidden = tooltip_texts(site_html)
    results = search(page, site_url, query)
    # The glossary and the bibliography show these texts for real; the other pages only hide them.
    shown_there = ("glossaire.html", "bibliographie.html")
    snippets = [" ".join(r["snippet"].split()) for r in results if r["snippet"] and not r["href"].startswith(shown_there)]
    assert snippets, "the results show snippets"
    glued = [(snippet, text) for snippet in snippets for text in hidden if text[:25] in snippet]
    assert glued == []


def test_search_index_has_no_word_that_only_a_hidden_definition_holds(site_html: Path) -> None:
    text = (site_html / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    language = SearchFrenchFolded({})
    leaks = []
    for number, docname in enumerate(index["docnames"]):
        page = (site_html / f"{docname}.html").read_text(encoding="utf-8")
        hidden = " ".join(TOOLTIP.findall(page))
        shown = TOOLTIP.sub(" ", page)
        only_hidden = {language.stem(w).lower() for w in language.split(html.unescape(hidden))} - {language.stem(w).lower() for w in language.split(html.unescape(shown))}
        for stem in only_hidden:
            files = index["terms"].get(stem, [])
            if number in (files if isinstance(files, list) else [files]):
                leaks.append((docname, stem))
    assert leaks == []


@pytest.mark.parametrize("query", ["effets indésirables", "PD-L1", "chirurgie"])
def test_snippets_never_start_with_the_review_line(page: Page, site_url: str, query: str) -> None:
    results = search(page, site_url, query)
    snippets = [" ".join(r["snippet"].split()) for r in results if r["snippet"]]
    assert snippets
    starts = [s for s in snippets if s.lstrip(".").startswith(("Dernière relecture", "Prochaine relecture", "Imprimer cette page"))]
    assert starts == []
    assert not any("Imprimer cette page" in s for s in snippets)


def page_words(site: Path, href: str) -> str:
    """The words of a result's page, tags dropped, each run of spaces one space."""
    page = (site / href.split("#")[0].split("?")[0]).read_text(encoding="utf-8")
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.mark.parametrize("query", ["j'ai de la fièvre", "diarrhée depuis hier", "keytruda"])
def test_snippets_start_at_a_word_and_leave_out_source_lists(page: Page, site_url: str, site_html: Path, query: str) -> None:
    """A snippet never starts inside a word (« ...brolizumab) ») nor shows a triage table's sources."""
    results = search(page, site_url, query)
    snippets = [(r["href"], " ".join(r["snippet"].split())) for r in results[:6] if r["snippet"]]
    assert len(snippets) >= 3
    for href, snippet in snippets:
        assert "Sources :" not in snippet.replace("\u00a0", " "), (href, snippet)
        first = re.sub(r"\W+$", "", snippet.lstrip(".").split()[0])
        assert re.search(r"(^|[\s(«’'])" + re.escape(first), page_words(site_html, href)), (href, snippet)


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("imunothérapie", "immunothérapie"), ("pembrolisumab", "pembrolizumab"), ("diarée", "diarrhée"), ("hypofysite", "hypophysite")],
)
def test_a_typo_finds_what_the_right_spelling_finds(page: Page, site_url: str, typo: str, meant: str) -> None:
    right = [result["href"] for result in search(page, site_url, meant)]
    wrong = [result["href"] for result in search(page, site_url, typo)]
    assert right and wrong, (right, wrong)
    assert wrong[:3] == right[:3]
    assert meant in page.locator("#search-results .termbase-corrected").inner_text()


def test_short_words_and_far_words_are_not_corrected(page: Page, site_url: str) -> None:
    """Corrections start at 6 letters and stop at 2 edits: « xylophone » finds nothing."""
    assert search(page, site_url, "xylophone") == []
    assert page.locator("#search-results .termbase-corrected").count() == 0


def test_vaccin_grippe_leads_to_the_vaccination_advice(page: Page, site_url: str) -> None:
    results = [result["href"] for result in search(page, site_url, "vaccin grippe")]
    assert results[0] == "situations-particulieres.html", results[:3]


def test_the_typo_vocabulary_is_in_the_search_data_built_offline(site_html: Path) -> None:
    text = (site_html / "_static" / "termbase-search-data.js").read_text(encoding="utf-8")
    vocabulary = json.loads(text[text.index("{") : text.rindex("}") + 1])["vocabulary"]
    assert {"diarrhee", "hypophysite", "pembrolizumab", "immunotherapie", "keytruda"} <= set(vocabulary)
    assert all(re.fullmatch(r"[a-z]{4,}", word) for word in vocabulary)
