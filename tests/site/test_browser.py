"""The real site in Chromium: term tooltips, accent-free search, no outside request, accessibility.

Drives Debian's /usr/bin/chromium through pytest-playwright (see ``browser_type_launch_args`` in
conftest.py) on the site built once by the ``site_html`` fixture and served by ``site_url``.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from termbase.search.folding import SearchFrenchFolded, fold

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    # pytest-base-url (pulled in by pytest-playwright) declares its session fixture in a way
    # pytest 9 deprecates; not ours to fix, and harmless.
    pytest.mark.filterwarnings("ignore:Session-scoped fixtures defined as instance methods:pytest.PytestRemovedIn10Warning"),
]

AXE = Path(__file__).resolve().parents[1] / "vendor" / "axe-core" / "axe.min.js"
# A term link: the link described by its tooltip (termbase.tooltips.terms).
TERM_LINK = 'a[aria-describedby^="tt-"]'
LOCAL_SCHEMES = ("data:", "about:", "blob:")


def first_page_with_term_links(site: Path) -> str:
    """A content page (not the glossary) whose HTML has a term link with a tooltip."""
    for page in sorted(site.glob("*.html")):
        if page.stem not in {"glossaire", "genindex", "search"} and 'aria-describedby="tt-' in page.read_text(encoding="utf-8"):
            return page.name
    pytest.fail("no page of the site has a term link with a tooltip")


def visible_tooltip_of(page: Page, link: Any) -> Any:
    tooltip_id = link.get_attribute("aria-describedby")
    assert tooltip_id, "the term link names its tooltip"
    return page.locator(f"[id='{tooltip_id}']")


# -- tooltips --------------------------------------------------------------------------------------


def test_tooltip_shows_on_hover_and_hides_when_the_pointer_leaves(page: Page, site_url: str, site_html: Path) -> None:
    page.goto(f"{site_url}/{first_page_with_term_links(site_html)}")
    link = page.locator(f"main {TERM_LINK}").first
    tooltip = visible_tooltip_of(page, link)
    expect(tooltip).to_be_hidden()
    link.hover()
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_attribute("role", "tooltip")
    assert tooltip.inner_text().strip(), "the tooltip shows a definition"
    page.mouse.move(0, 0)
    expect(tooltip).to_be_hidden()


def test_tooltip_stays_open_while_the_pointer_moves_onto_it(page: Page, site_url: str, site_html: Path) -> None:
    page.goto(f"{site_url}/{first_page_with_term_links(site_html)}")
    link = page.locator(f"main {TERM_LINK}").first
    tooltip = visible_tooltip_of(page, link)
    link.hover()
    tooltip.hover()
    expect(tooltip).to_be_visible()


def test_tooltip_shows_on_tab_focus_and_escape_dismisses_it(page: Page, site_url: str, site_html: Path) -> None:
    page.goto(f"{site_url}/{first_page_with_term_links(site_html)}")
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate("() => (document.activeElement.getAttribute('aria-describedby') || '').startsWith('tt-')"):
            break
    else:
        pytest.fail("no term link is reachable with the Tab key")
    tooltip_id = page.evaluate("() => document.activeElement.getAttribute('aria-describedby')")
    tooltip = page.locator(f"[id='{tooltip_id}']")
    expect(tooltip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()
    assert page.evaluate("() => document.activeElement.getAttribute('aria-describedby')") == tooltip_id, "focus stays on the link"


def test_term_link_still_leads_to_the_glossary_entry(page: Page, site_url: str, site_html: Path) -> None:
    page.goto(f"{site_url}/{first_page_with_term_links(site_html)}")
    link = page.locator(f"main {TERM_LINK}").first
    assert re.search(r"glossaire\.html#term-", link.get_attribute("href") or "")


# -- search ----------------------------------------------------------------------------------------


def pages_mentioning(site: Path, phrase: str) -> set[str]:
    """Pages whose text has *phrase*, any case, accents and plural endings aside."""
    pattern = re.compile(r"\w*\s+".join(re.escape(word) for word in fold(phrase).split()))
    found = set()
    for page in site.glob("*.html"):
        text = " ".join(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8")).split())
        if pattern.search(fold(html.unescape(text))):
            found.add(page.name)
    return found


@pytest.mark.parametrize(("query", "accented"), [("micrometastase", "micrométastase"), ("immunotherapie", "immunothérapie"), ("lymphocyte t cytotoxique", "lymphocyte T cytotoxique")])
def test_search_without_accents_finds_the_accented_pages(page: Page, site_url: str, site_html: Path, query: str, accented: str) -> None:
    page.goto(f"{site_url}/search.html?q={query.replace(' ', '+')}")
    results = page.locator("#search-results ul.search li a")
    expect(results.first).to_be_visible(timeout=15_000)
    names = {Path(href.split("#")[0].split("?")[0]).name for href in results.evaluate_all("links => links.map(a => a.getAttribute('href'))")}
    assert names & pages_mentioning(site_html, accented), f"search for {query!r} should find a page containing {accented!r}"


def test_browser_and_index_stem_words_the_same_way(page: Page, site_url: str) -> None:
    words = ["micrométastases", "micrometastases", "Immunothérapie", "lymphocytes", "cytotoxiques", "œdème", "rémission", "réponse", "essais", "cellules"]
    page.goto(f"{site_url}/search.html")
    browser_stems = page.evaluate("words => words.map(w => new Stemmer().stemWord(w.toLowerCase()))", words)
    language = SearchFrenchFolded({})
    assert browser_stems == [language.stem(word) for word in words]


# -- offline ---------------------------------------------------------------------------------------


def test_pages_make_no_request_outside_the_site(page: Page, site_url: str, site_html: Path) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    content = first_page_with_term_links(site_html)
    for path in (content, "glossaire.html", "index.html", "search.html?q=immunotherapie"):
        page.goto(f"{site_url}/{path}")
        page.wait_for_load_state("networkidle")
        if path == content:
            page.locator(f"main {TERM_LINK}").first.hover()  # whatever a tooltip loads counts too
    outside = [url for url in requests if not url.startswith(site_url) and not url.startswith(LOCAL_SCHEMES)]
    assert requests, "the pages were loaded"
    assert outside == []


# -- accessibility ---------------------------------------------------------------------------------


def serious_violations(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
        for v in violations
        if v["impact"] in {"serious", "critical"}
    ]


@pytest.mark.parametrize("which", ["home", "content", "glossary"])
def test_axe_finds_no_serious_or_critical_violation(page: Page, site_url: str, site_html: Path, which: str) -> None:
    path = {"home": "index.html", "content": first_page_with_term_links(site_html), "glossary": "glossaire.html"}[which]
    page.goto(f"{site_url}/{path}")
    page.wait_for_load_state("networkidle")
    assert serious_violations(page) == []


def test_axe_finds_no_serious_violation_with_a_tooltip_open(page: Page, site_url: str, site_html: Path) -> None:
    page.goto(f"{site_url}/{first_page_with_term_links(site_html)}")
    page.locator(f"main {TERM_LINK}").first.hover()
    assert serious_violations(page) == []
