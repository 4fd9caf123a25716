"""The real site on a phone (320 and 390 px, touch): nothing is cut, nothing slides (issue 21, part 1).

A check of the page's width alone misses most of it: the article container scrolls inside a page
that stays 390 px wide. So every element, every line of text and every scroll container of every
page is measured (tests/site/js/overflow.js): only a table's frame may scroll sideways.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import PROJECT_ROOT

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:Session-scoped fixtures defined as instance methods:pytest.PytestRemovedIn10Warning"),
]

OVERFLOW_JS = (PROJECT_ROOT / "tests" / "site" / "js" / "overflow.js").read_text(encoding="utf-8")
WIDTHS = (320, 390)


def phone_tab(browser: Browser, width: int) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": width, "height": 800}, is_mobile=True, has_touch=True)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture(params=WIDTHS, ids=lambda width: f"{width}px")
def phone(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    yield from phone_tab(browser, request.param)


@pytest.fixture
def phone390(browser: Browser) -> Iterator[Page]:
    yield from phone_tab(browser, 390)


def html_pages(site_html: Path) -> list[str]:
    return sorted(path.stem for path in site_html.glob("*.html"))


def open_page(page: Page, site_url: str, name: str) -> None:
    page.goto(f"{site_url}/{name}.html")
    page.wait_for_load_state("load")


def test_no_page_overflows_a_phone_screen(phone: Page, site_url: str, site_html: Path) -> None:
    """Every element's right edge stays on screen and only table frames scroll sideways."""
    problems: dict[str, list[str]] = {}
    pages = html_pages(site_html)
    assert len(pages) >= 28
    for name in pages:
        open_page(phone, site_url, name)
        found = phone.evaluate(OVERFLOW_JS)
        if found:
            problems[name] = found[:5]
    assert problems == {}, "\n".join(f"{name}: {'; '.join(found)}" for name, found in problems.items())


def test_the_overflow_check_sees_a_long_word_in_a_title(phone390: Page, site_url: str) -> None:
    """The check itself fails on a title that slides inside the article (what it must catch)."""
    open_page(phone390, site_url, "effets-indesirables")
    phone390.evaluate("() => { document.querySelector('main h1').style.cssText = 'overflow-wrap: normal; hyphens: none; font-size: 60px'; }")
    assert phone390.evaluate(OVERFLOW_JS) != []


def test_body_text_is_at_least_16_px_on_a_phone(phone390: Page, site_url: str) -> None:
    open_page(phone390, site_url, "effets-indesirables")
    sizes = phone390.evaluate(
        """() => [...document.querySelectorAll('main p, main li, main td, .bd-footer p')]
             .filter(e => e.getClientRects().length && e.textContent.trim() && !e.closest('nav, figure, .termbase-tooltip, .bibtex-citation, sup, small'))
             .map(e => [parseFloat(getComputedStyle(e).fontSize), e.textContent.trim().slice(0, 40)])"""
    )
    small = [text for size, text in sizes if size < 16]
    assert small == []


def test_header_buttons_are_44_px_targets_on_a_phone(phone390: Page, site_url: str) -> None:
    open_page(phone390, site_url, "effets-indesirables")
    boxes = phone390.evaluate(
        """() => [...document.querySelectorAll('.bd-header button, .bd-header .theme-switch-button')]
             .filter(e => e.getClientRects().length)
             .map(e => [e.getAttribute('aria-label') || e.className, e.getBoundingClientRect().width, e.getBoundingClientRect().height])"""
    )
    assert len(boxes) >= 3
    small = [(label, round(w), round(h)) for label, w, h in boxes if w < 44 or h < 44]
    assert small == []


@pytest.mark.parametrize("height", [667, 844], ids=["667px-high", "844px-high"])
def test_the_home_page_first_screen_leads_to_when_to_call_and_side_effects(browser: Browser, site_url: str, height: int) -> None:
    """A worried reader on a phone sees, without scrolling, where to find whom to call and the side effects."""
    context = browser.new_context(viewport={"width": 390, "height": height}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        open_page(page, site_url, "index")
        bottoms = page.evaluate(
            """() => Object.fromEntries(['quand-appeler.html', 'effets-indesirables.html'].map(target => [target,
                 Math.min(...[...document.querySelectorAll(`main a[href$="${target}"]`)]
                   .filter(a => a.getClientRects().length && a.textContent.trim())
                   .map(a => a.getBoundingClientRect().bottom))]))"""
        )
    finally:
        context.close()
    assert all(bottom <= height for bottom in bottoms.values()), bottoms


def test_the_search_placeholder_is_read_whole_on_a_phone(browser: Browser, site_url: str) -> None:
    for page in phone_tab(browser, 320):
        open_page(page, site_url, "index")
        page.locator(".bd-header .search-button:visible").first.click()
        field = page.locator("#pst-search-dialog input[name='q']")
        expect(field).to_be_visible()
        assert field.evaluate(
            """input => { const c = document.createElement('canvas').getContext('2d'); const s = getComputedStyle(input);
                 c.font = `${s.fontSize} ${s.fontFamily}`;
                 return c.measureText(input.placeholder).width <= input.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) + 1; }"""
        ), field.get_attribute("placeholder")


def test_every_figure_fits_and_opens_full_size_on_tap(phone390: Page, site_url: str, site_html: Path) -> None:
    """The same for all figures: drawn within the screen, never swiped, and a tap opens the drawing."""
    seen = 0
    for name in html_pages(site_html):
        open_page(phone390, site_url, name)
        images = phone390.locator("main figure img")
        for index in range(images.count()):
            seen += 1
            image = images.nth(index)
            image.scroll_into_view_if_needed()
            box = image.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, (name, box)
            link = image.locator("xpath=ancestor::a[1]")
            assert link.count() == 1, f"{name}: figure {index + 1} does not open when tapped"
            assert link.get_attribute("href") == image.get_attribute("src")
            hint = image.locator("xpath=ancestor::figure").get_by_role("link", name="Agrandir la figure")
            expect(hint).to_be_visible()
    assert seen >= 6
