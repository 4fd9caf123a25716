"""Printing a page from the browser: no navigation, links as text, term definitions shown.

Chromium (Debian's, via pytest-playwright and conftest.py) renders the real site with the print
media type; the checks read computed styles, which is what the printed page is made of.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    # pytest-base-url (pulled in by pytest-playwright) declares its session fixture in a way
    # pytest 9 deprecates; not ours to fix, and harmless.
    pytest.mark.filterwarnings("ignore:Session-scoped fixtures defined as instance methods:pytest.PytestRemovedIn10Warning"),
]

NAVIGATION = (".bd-header", ".bd-sidebar-primary", ".bd-sidebar-secondary", ".prev-next-footer")


def display_of(page: Page, selector: str) -> str | None:
    """Computed ``display`` of the first element matching ``selector`` (None if there is none)."""
    return page.evaluate(
        "s => { const e = document.querySelector(s); return e ? getComputedStyle(e).display : null; }", selector
    )


def content_page_with_terms(site: Path) -> str:
    for html in sorted(site.glob("*.html")):
        text = html.read_text(encoding="utf-8")
        if html.stem not in {"glossaire", "genindex", "search", "index"} and 'class="termbase-tooltip"' in text:
            return html.name
    pytest.fail("no content page of the site has a term tooltip")


@pytest.fixture
def printed(page: Page, site_url: str, site_html: Path) -> Page:
    """A content page with term links, emulated as printed."""
    page.goto(f"{site_url}/{content_page_with_terms(site_html)}")
    page.emulate_media(media="print")
    return page


@pytest.mark.parametrize("selector", NAVIGATION)
def test_print_hides_the_navigation(printed: Page, selector: str) -> None:
    assert display_of(printed, selector) == "none"


def test_screen_still_shows_the_navigation(page: Page, site_url: str, site_html: Path) -> None:
    page.goto(f"{site_url}/{content_page_with_terms(site_html)}")
    page.emulate_media(media="screen")
    assert display_of(page, ".bd-header") not in {None, "none"}


def test_print_keeps_the_article_and_the_disclaimer(printed: Page) -> None:
    assert display_of(printed, ".bd-article") != "none"
    assert display_of(printed, ".immunoguide-disclaimer") not in {None, "none"}


def test_print_lists_term_definitions_after_the_text(printed: Page) -> None:
    """With JavaScript: one line per term after the text, none inside the sentences."""
    assert display_of(printed, ".termbase-term .termbase-tooltip") == "none"
    assert display_of(printed, ".termbase-print-terms") == "block"


def test_print_without_javascript_shows_term_definitions_inline(browser: Browser, site_url: str, site_html: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/{content_page_with_terms(site_html)}")
        page.emulate_media(media="print")
        assert display_of(page, ".termbase-term .termbase-tooltip") == "inline"
        opening = page.evaluate(
            "() => getComputedStyle(document.querySelector('.termbase-term .termbase-tooltip'), '::before').content"
        )
        assert opening == '" ("'
    finally:
        context.close()


def test_print_writes_external_addresses_after_their_links(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/bibliographie.html")  # its references link to DOIs and publishers
    page.emulate_media(media="print")
    content = page.evaluate(
        """() => { const a = document.querySelector('.bd-article a[href^="http"]');
                   return a ? [a.getAttribute('href'), getComputedStyle(a, '::after').content] : null; }"""
    )
    assert content is not None, "the bibliography page has no external link"
    href, after = content
    assert after == f'" ({href})"'
