"""Accessibility of every page of the real site, as a screen-reader user meets it.

axe-core (tests/vendor/axe-core) runs on every HTML page of the built site, on a laptop (1280 px)
and on a phone (390 px, touch): no serious or critical violation. Each page has one ``h1`` (the
page's title), headings that do not skip levels, one ``main`` landmark and a labelled navigation;
the home page's « Comment utiliser ce guide » is a real heading.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from conftest import DOCS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:Session-scoped fixtures defined as instance methods:pytest.PytestRemovedIn10Warning"),
]

AXE = Path(__file__).resolve().parents[1] / "vendor" / "axe-core" / "axe.min.js"
#: Pages Sphinx writes that have no source file.
GENERATED_PAGES = ("genindex", "search")
#: Every page of the site: one per source page, plus the generated ones.
SITE_PAGES = sorted([path.stem for path in DOCS.glob("*.md")] + list(GENERATED_PAGES))
VIEWPORTS = {"laptop": {"viewport": {"width": 1280, "height": 900}}, "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}}


@pytest.fixture(scope="module", params=list(VIEWPORTS))
def device_page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    """One browser tab per viewport, reused by the page-by-page tests (one context each)."""
    context = browser.new_context(**VIEWPORTS[request.param])
    try:
        yield context.new_page()
    finally:
        context.close()


def open_page(page: Page, site_url: str, name: str) -> None:
    query = "?q=immunoth%C3%A9rapie" if name == "search" else ""
    page.goto(f"{site_url}/{name}.html{query}")
    page.wait_for_load_state("networkidle")


def serious_violations(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    violations: list[dict[str, Any]] = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
        for v in violations
        if v["impact"] in {"serious", "critical"}
    ]


def test_the_list_of_pages_checked_is_every_page_of_the_site(site_html: Path) -> None:
    built = sorted(path.stem for path in site_html.glob("*.html"))
    assert built == SITE_PAGES


@pytest.mark.parametrize("name", SITE_PAGES)
def test_axe_finds_no_serious_or_critical_violation(device_page: Page, site_url: str, name: str) -> None:
    open_page(device_page, site_url, name)
    assert serious_violations(device_page) == []


def headings(page: Page) -> list[tuple[int, str]]:
    """(level, text) of every heading a screen reader lists, in document order."""
    return [
        (level, text)
        for level, text in page.evaluate(
            """() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]')]
                .filter(h => h.getClientRects().length > 0 || h.closest('.bd-sidebar-primary'))
                .map(h => [Number(h.getAttribute('aria-level') || h.tagName.slice(1)), h.textContent.replace('#', '').trim()])"""
        )
    ]


@pytest.mark.parametrize("name", SITE_PAGES)
def test_each_page_has_one_h1_its_title(page: Page, site_url: str, name: str) -> None:
    open_page(page, site_url, name)
    level_one = [text for level, text in headings(page) if level == 1]
    assert len(level_one) == 1, level_one
    title = page.title()
    assert level_one[0] and level_one[0] in title, (level_one, title)


@pytest.mark.parametrize("name", SITE_PAGES)
def test_headings_of_the_article_never_skip_a_level(page: Page, site_url: str, name: str) -> None:
    open_page(page, site_url, name)
    levels = page.evaluate(
        "() => [...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')]"
        ".filter(h => h.getClientRects().length > 0).map(h => Number(h.tagName.slice(1)))"
    )
    assert levels and levels[0] == 1
    jumps = [(before, after) for before, after in zip(levels, levels[1:]) if after > before + 1]
    assert jumps == []


def test_pages_have_one_main_landmark_and_labelled_navigations(page: Page, site_url: str) -> None:
    open_page(page, site_url, "inhibiteurs-points-de-controle")
    assert page.locator("main").count() == 1
    labels = page.evaluate(
        """() => [...document.querySelectorAll('nav')].filter(n => n.getClientRects().length).map(n =>
            n.getAttribute('aria-label')
            || (document.getElementById(n.getAttribute('aria-labelledby') || '') || {textContent: ''}).textContent.trim())"""
    )
    assert labels and all(labels), labels
    assert "Sommaire du guide" in labels


def test_how_to_use_the_guide_is_a_real_heading_on_the_home_page(page: Page, site_url: str) -> None:
    open_page(page, site_url, "index")
    assert (2, "Comment utiliser ce guide") in headings(page)
    heading = page.get_by_role("heading", name="Comment utiliser ce guide", level=2)
    assert heading.is_visible()


def test_bibliography_is_a_list_of_items_for_screen_readers(page: Page, site_url: str) -> None:
    open_page(page, site_url, "bibliographie")
    lists = page.get_by_role("list").filter(has=page.locator(".citation"))
    assert lists.count() >= 1
    items = lists.first.get_by_role("listitem")
    assert items.count() == page.locator(".citation").count() > 10
