"""Accessibility of every page of the real site, as a screen-reader user meets it.

axe-core (tests/vendor/axe-core) runs on every HTML page of the built site, on a laptop (1280 px)
and on a phone (390 px, touch): no serious or critical violation. axe runs on the page as the
reader gets it, with the controls « Mon livret » adds (« Ajouter au livret », a checkbox beside
each question): before axe, the test checks that the script has added them, as many as the built
page offers, so axe never checks a page without them. Once more with a page added and questions
ticked (the controls' "pressed" and "checked" states). Each page has one ``h1`` (the page's
title), headings that do not skip levels, one ``main`` landmark and a labelled navigation; the
home page's « Comment utiliser ce guide » is a real heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

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


#: What the build writes for « Mon livret » (termbase.booklet): the page's name for the script,
#: and each question the reader can tick.
BOOKLET_META = re.compile(r'<meta name="termbase-livret-page" content="[^"]+"')
QUESTION_ITEM = re.compile(r'<li class="[^"]*\btermbase-livret-question\b')


def booklet_offer(site_html: Path, name: str) -> tuple[bool, int]:
    """Whether the built page can be added to the booklet, and how many questions it offers
    (read from its HTML: what the script must turn into controls)."""
    html = (site_html / f"{name}.html").read_text(encoding="utf-8")
    return bool(BOOKLET_META.search(html)), len(QUESTION_ITEM.findall(html))


def expect_booklet_controls(page: Page, addable: bool, questions: int) -> None:
    """The script has run: one « Ajouter au livret » on a page that can be added, one checkbox
    per question (waits for them, as axe must not run before)."""
    expect(page.get_by_role("button", name="Ajouter au livret")).to_have_count(1 if addable else 0)
    expect(page.locator("li.termbase-livret-question input[type=checkbox]")).to_have_count(questions)
    expect(page.locator("li.termbase-livret-question-ready")).to_have_count(questions)


def test_the_list_of_pages_checked_is_every_page_of_the_site(site_html: Path) -> None:
    built = sorted(path.stem for path in site_html.glob("*.html"))
    assert built == SITE_PAGES


def test_the_pages_axe_checks_with_booklet_controls_include_those_with_questions(site_html: Path) -> None:
    offers = {name: booklet_offer(site_html, name) for name in SITE_PAGES}
    addable = {name for name, (can_add, _) in offers.items() if can_add}
    with_questions = {name for name, (_, count) in offers.items() if count}
    assert {"effets-indesirables", "carte-patient", "questions-a-poser"} <= with_questions <= addable
    assert len(addable) >= 20 and "mon-livret" not in addable and "index" not in addable
    assert offers["questions-a-poser"][1] >= 20


@pytest.mark.parametrize("name", SITE_PAGES)
def test_axe_finds_no_serious_or_critical_violation(device_page: Page, site_html: Path, site_url: str, name: str) -> None:
    open_page(device_page, site_url, name)
    expect_booklet_controls(device_page, *booklet_offer(site_html, name))
    assert serious_violations(device_page) == []


def test_axe_finds_nothing_serious_with_a_page_added_and_questions_ticked(device_page: Page, site_html: Path, site_url: str) -> None:
    name = "effets-indesirables"
    open_page(device_page, site_url, name)
    expect_booklet_controls(device_page, *booklet_offer(site_html, name))
    try:
        add = device_page.get_by_role("button", name="Ajouter au livret")
        add.click()
        expect(add).to_have_attribute("aria-pressed", "true")
        boxes = device_page.locator("li.termbase-livret-question input[type=checkbox]")
        for index in (0, 2):
            boxes.nth(index).check()
        expect(device_page.locator("li.termbase-livret-question input:checked")).to_have_count(2)
        expect(device_page.locator(".termbase-livret-note")).to_contain_text("1\u00a0page et 2\u00a0questions")
        assert serious_violations(device_page) == []
    finally:
        device_page.evaluate("() => window.localStorage.clear()")  # the next pages start with an empty booklet


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
