"""Term tooltips and citation cards in Chromium: touch, placement in the window, citation previews.

Keyboard and hover basics are in test_browser.py; this file covers what a phone and the edges of
the window do (static/termbase-tooltips.js) and the citation cards (termbase.tooltips.citation_cards).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pybtex.database
import pytest
from playwright.sync_api import Browser, Page, expect

from docscheck.records import evidence_label

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:Session-scoped fixtures defined as instance methods:pytest.PytestRemovedIn10Warning"),
]

ROOT = Path(__file__).resolve().parents[2]
TERM_LINK = 'main a[aria-describedby^="tt-"]'
CITE_LINK = 'main .termbase-cite > a[aria-describedby^="cite-"]'
TABLE_PAGE = "inhibiteurs-points-de-controle.html"
PROSE_PAGE = "systeme-immunitaire-et-cancer.html"


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A 390 px wide touch screen, as a phone."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True, device_scale_factor=2)
    yield context.new_page()
    context.close()


@pytest.fixture(params=[1280, 390], ids=["1280px", "390px"])
def screen(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    """A laptop window (mouse) and a phone (touch)."""
    mobile = request.param < 500
    context = browser.new_context(viewport={"width": request.param, "height": 844 if mobile else 800}, has_touch=mobile, is_mobile=mobile)
    yield context.new_page()
    context.close()


def tooltip_of(page: Page, link: Any) -> Any:
    return page.locator(f"[id='{link.get_attribute('aria-describedby')}']")


def open_tooltip(page: Page, link: Any) -> Any:
    """Hover the link with a mouse, tap it on a touch screen; return its visible tooltip."""
    if page.evaluate("() => matchMedia('(pointer: coarse)').matches"):
        link.tap()
    else:
        link.hover()
    tooltip = tooltip_of(page, link)
    expect(tooltip).to_be_visible()
    return tooltip


def box(locator: Any) -> dict[str, float]:
    return locator.evaluate("el => { const r = el.getBoundingClientRect(); return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; }")


def assert_fully_visible(page: Page, tooltip: Any) -> None:
    """Inside the window, below the top bar, and not clipped or covered by anything (hit test)."""
    rect = box(tooltip)
    width, height = page.evaluate("() => [document.documentElement.clientWidth, document.documentElement.clientHeight]")
    bar = page.evaluate("() => document.querySelector('.bd-header').getBoundingClientRect().bottom")
    assert rect["left"] >= 0 and rect["right"] <= width, f"sideways out of the window: {rect}, width {width}"
    assert rect["top"] >= bar and rect["bottom"] <= height, f"under the top bar ({bar}) or below the window: {rect}"
    for x, y in ((rect["left"] + 4, rect["top"] + 4), (rect["right"] - 4, rect["bottom"] - 4), ((rect["left"] + rect["right"]) / 2, (rect["top"] + rect["bottom"]) / 2)):
        assert tooltip.evaluate("(el, [x, y]) => el.contains(document.elementFromPoint(x, y))", [x, y]), f"tooltip hidden at ({x}, {y})"


# -- touch ------------------------------------------------------------------------------------------


def test_first_tap_shows_the_definition_in_place_with_a_link_to_the_glossary(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}/{PROSE_PAGE}")
    link = phone.locator(TERM_LINK).first
    tooltip = open_tooltip(phone, link)
    assert phone.url.endswith(PROSE_PAGE), "the first tap does not leave the page"
    more = tooltip.get_by_role("link", name="Voir dans le glossaire")
    expect(more).to_be_visible()
    assert more.get_attribute("href") == link.evaluate("a => a.href")


def test_second_tap_follows_the_link_to_the_entry(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}/{PROSE_PAGE}")
    link = phone.locator(TERM_LINK).first
    open_tooltip(phone, link)
    link.tap()
    phone.wait_for_url("**/glossaire.html#term-*")


def test_tap_on_the_glossary_link_opens_the_entry(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}/{PROSE_PAGE}")
    tooltip = open_tooltip(phone, phone.locator(TERM_LINK).first)
    tooltip.get_by_role("link", name="Voir dans le glossaire").tap()
    phone.wait_for_url("**/glossaire.html#term-*")


def test_tap_elsewhere_closes_the_tooltip(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}/{PROSE_PAGE}")
    link = phone.locator(TERM_LINK).first
    tooltip = open_tooltip(phone, link)
    phone.locator("main h1").tap()
    expect(tooltip).to_be_hidden()
    assert phone.url.endswith(PROSE_PAGE)


def test_escape_closes_a_tapped_tooltip(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}/{PROSE_PAGE}")
    tooltip = open_tooltip(phone, phone.locator(TERM_LINK).first)
    phone.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()


def test_keyboard_enter_still_follows_a_term_link(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/{PROSE_PAGE}")
    link = page.locator(TERM_LINK).first
    link.focus()
    expect(tooltip_of(page, link)).to_be_visible()
    page.keyboard.press("Enter")
    page.wait_for_url("**/glossaire.html#term-*")


# -- placement --------------------------------------------------------------------------------------


# Where the link is scrolled to (JS: the new top of the link), and where its tooltip must open.
PLACES = {
    "under-the-top-bar": ("document.querySelector('.bd-header').getBoundingClientRect().bottom + 6", "bottom"),
    "mid-window": ("innerHeight / 2", "top"),
}


@pytest.mark.parametrize("where", PLACES)
def test_tooltip_opens_above_the_link_unless_the_top_bar_is_in_the_way(screen: Page, site_url: str, where: str) -> None:
    scroll_to, placement = PLACES[where]
    screen.goto(f"{site_url}/{PROSE_PAGE}")
    link = screen.locator(TERM_LINK).nth(3)
    link.evaluate(f"a => window.scrollBy(0, a.getBoundingClientRect().top - ({scroll_to}))")
    tooltip = open_tooltip(screen, link)
    assert_fully_visible(screen, tooltip)
    assert tooltip.get_attribute("data-placement") == placement
    if placement == "top":
        assert box(tooltip)["bottom"] <= box(link)["top"]
    else:
        assert box(tooltip)["top"] >= box(link)["bottom"]


def test_tooltip_inside_a_table_is_not_clipped(screen: Page, site_url: str) -> None:
    screen.goto(f"{site_url}/{TABLE_PAGE}")
    links = screen.locator(f"main table {TERM_LINK.removeprefix('main ')}")
    assert links.count(), "the page has a term link inside a table"
    for link in (links.first, links.last):
        link.scroll_into_view_if_needed()
        assert_fully_visible(screen, open_tooltip(screen, link))
        screen.keyboard.press("Escape")


def test_tooltip_near_the_right_edge_is_clamped(screen: Page, site_url: str) -> None:
    screen.goto(f"{site_url}/{PROSE_PAGE}")
    rightmost = screen.evaluate(
        "sel => [...document.querySelectorAll(sel)].sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)[0].getAttribute('aria-describedby')",
        TERM_LINK,
    )
    link = screen.locator(f"main a[aria-describedby='{rightmost}']")
    link.evaluate("a => window.scrollBy(0, a.getBoundingClientRect().top - innerHeight / 2)")
    assert_fully_visible(screen, open_tooltip(screen, link))


# -- citation previews -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def evidence_by_key() -> dict[str, str | None]:
    bib = pybtex.database.parse_file(str(ROOT / "references.bib"))
    return {key.lower(): evidence_label({k.lower(): v for k, v in entry.fields.items()}) for key, entry in bib.entries.items()}


def cited_key(link: Any) -> str:
    """The bib key of a citation link, from its card's id ``cite-<key>``."""
    return (link.get_attribute("aria-describedby") or "").removeprefix("cite-")


def first_citation_with_evidence(page: Page, evidence_by_key: dict[str, str | None]) -> Any:
    links = page.locator(CITE_LINK)
    for i in range(links.count()):
        if evidence_by_key.get(cited_key(links.nth(i))):
            return links.nth(i)
    pytest.fail("no citation on the page cites an entry with an evidence field")


def test_hovering_a_citation_shows_the_reference_and_the_evidence_in_french(page: Page, site_url: str, evidence_by_key: dict[str, str | None]) -> None:
    page.goto(f"{site_url}/{PROSE_PAGE}")
    link = first_citation_with_evidence(page, evidence_by_key)
    card = open_tooltip(page, link)
    expect(card).to_have_attribute("role", "tooltip")
    label = evidence_by_key[cited_key(link)]
    assert card.locator(".termbase-card-evidence").inner_text() == f"Type de source\u00a0: {label}."
    reference = card.locator(".termbase-card-reference").inner_text()
    assert len(reference) > 40 and any(char.isdigit() for char in reference), reference
    assert link.get_attribute("title") is None, "no browser tooltip on top of the card"


def test_focusing_a_citation_shows_its_card(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/{PROSE_PAGE}")
    link = page.locator(CITE_LINK).first
    link.focus()
    expect(tooltip_of(page, link)).to_be_visible()
    page.keyboard.press("Escape")
    expect(tooltip_of(page, link)).to_be_hidden()


def test_tapping_a_citation_shows_its_card_with_a_link_to_the_bibliography(phone: Page, site_url: str, evidence_by_key: dict[str, str | None]) -> None:
    phone.goto(f"{site_url}/{PROSE_PAGE}")
    link = first_citation_with_evidence(phone, evidence_by_key)
    card = open_tooltip(phone, link)
    assert_fully_visible(phone, card)
    expect(card.locator(".termbase-card-evidence")).to_contain_text(str(evidence_by_key[cited_key(link)]))
    expect(card.get_by_role("link", name="Voir dans la bibliographie")).to_have_attribute("href", link.evaluate("a => a.href"))
    assert phone.url.endswith(PROSE_PAGE)


@pytest.mark.parametrize("what", ["term", "citation"])
def test_axe_finds_no_serious_violation_with_a_tapped_tooltip_open(phone: Page, site_url: str, what: str) -> None:
    phone.goto(f"{site_url}/{PROSE_PAGE}")
    open_tooltip(phone, phone.locator(TERM_LINK if what == "term" else CITE_LINK).first)
    phone.add_script_tag(path=str(ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"))
    violations = phone.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    assert [(v["id"], v["impact"]) for v in violations if v["impact"] in {"serious", "critical"}] == []


def test_a_card_shared_by_several_citations_opens_next_to_each_of_them(screen: Page, site_url: str) -> None:
    screen.goto(f"{site_url}/glossaire.html")  # entries cite the same sources again and again
    sharing = screen.evaluate(
        "sel => [...document.querySelectorAll(sel)].map((a, i) => a.parentElement.contains(document.getElementById(a.getAttribute('aria-describedby'))) ? -1 : i).filter(i => i >= 0)",
        CITE_LINK,
    )
    assert sharing, "some citations share the card of an earlier one"
    link = screen.locator(CITE_LINK).nth(sharing[-1])
    link.scroll_into_view_if_needed()
    card = open_tooltip(screen, link)
    assert_fully_visible(screen, card)
    assert box(card)["bottom"] <= box(link)["top"] or box(card)["top"] >= box(link)["bottom"], "next to the link"


def test_every_citation_of_the_site_has_a_card(site_html: Path) -> None:
    missing = []
    for path in sorted(site_html.glob("*.html")):
        text = path.read_text(encoding="utf-8")
        links = text.count('class="bibtex-citation"')
        if links and 'class="termbase-cite"' not in text:
            missing.append(path.name)
    assert missing == []
