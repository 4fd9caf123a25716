"""The real site as a patient reads it: on a laptop (1280 px), a phone (390 px, touch) and paper.

Each test measures what the reader gets in Debian's Chromium, on the site that ``make html`` alone
builds (no handout PDFs): review dates and « Imprimer cette page » under every title, line
lengths, contrast, touch targets, wide tables and figures on a phone, the footer's previous/next
links, what the browser prints, and the favicon.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from conftest import DOCS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:Session-scoped fixtures defined as instance methods:pytest.PytestRemovedIn10Warning"),
]

TABLE_AND_FIGURE_PAGE = "inhibiteurs-points-de-controle"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
LAPTOP = {"viewport": {"width": 1280, "height": 900}}
FRENCH_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre")


def front_matter(name: str) -> dict[str, Any]:
    text = (DOCS / f"{name}.md").read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    return yaml.safe_load(match.group(1)) if match else {}


def reviewed_pages() -> list[str]:
    return sorted(path.stem for path in DOCS.glob("*.md") if "last_reviewed" in front_matter(path.stem))


def in_french(day: dt.date) -> str:
    return f"{'1er' if day.day == 1 else day.day} {FRENCH_MONTHS[day.month - 1]} {day.year}"


def new_tab(browser: Browser, options: dict[str, Any]) -> Iterator[Page]:
    """A page in a fresh browser context of the given viewport, closed after the test."""
    context = browser.new_context(**options)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    yield from new_tab(browser, PHONE)


@pytest.fixture
def laptop(browser: Browser) -> Iterator[Page]:
    yield from new_tab(browser, LAPTOP)


def open_page(page: Page, site_url: str, name: str, query: str = "") -> None:
    page.goto(f"{site_url}/{name}.html{query}")
    page.wait_for_load_state("networkidle")


# -- Under the title: review dates and « Imprimer cette page » (issue 14, item 1) -----------------


@pytest.mark.parametrize("name", reviewed_pages())
def test_review_dates_show_in_french_under_the_title(page: Page, site_url: str, name: str) -> None:
    meta = front_matter(name)
    open_page(page, site_url, name)
    line = page.locator("main h1 ~ p.termbase-review-dates").first
    expect(line).to_be_visible()
    expected = f"Dernière relecture\u00a0: {in_french(meta['last_reviewed'])} · Prochaine relecture\u00a0: {in_french(meta['next_review'])}"
    assert line.inner_text() == expected
    between = page.evaluate("() => { const h = document.querySelector('main h1'); return h.nextElementSibling.className }")
    assert "termbase-review-dates" in between, "the dates come right under the title"
    assert page.locator("main .termbase-review-dates time").first.get_attribute("datetime") == meta["last_reviewed"].isoformat()


def test_every_page_offers_to_print_it_without_any_pdf_built(page: Page, site_url: str, site_html: Path) -> None:
    assert not (site_html / "fiches").exists(), "this site was built by make html alone"
    for name in reviewed_pages():
        open_page(page, site_url, name)
        button = page.get_by_role("button", name="Imprimer cette page")
        expect(button).to_be_visible()
        assert page.get_by_role("link", name="Version imprimable (PDF)").count() == 0
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.get_by_role("button", name="Imprimer cette page").click()
    assert page.evaluate("() => window.__printed") == 1


def test_the_home_page_promises_only_what_make_html_builds(page: Page, site_url: str, site_html: Path) -> None:
    open_page(page, site_url, "index")
    section = page.locator("main").inner_text()
    # What it promises is there: review dates and a way to print every page.
    assert "Imprimer cette page" in section
    assert "dernière relecture" in section
    # No PDF is linked after make html: the home page must not promise one on every page.
    assert not list(site_html.rglob("*.pdf"))
    assert not re.search(r"chaque page existe aussi sous forme de fiche PDF", section)
    assert not re.search(r"guide complet existe aussi en PDF\s*\.", section)


# -- Line length (item 9) -------------------------------------------------------------------------

LINE_LENGTHS = """() => {
  const lines = [];
  for (const p of document.querySelectorAll('main .bd-article p')) {
    if (p.closest('table, figure, nav, .termbase-tooltip, .admonition-title, .prev-next-area')) continue;
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, {
      acceptNode: n => n.parentElement.closest('.termbase-tooltip, [hidden]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    const rows = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect || rect.width === 0) continue;
        const row = rows.find(r => Math.abs(r.top - rect.top) < rect.height / 2);
        if (row) row.count += 1; else rows.push({top: rect.top, count: 1});
      }
    }
    rows.sort((a, b) => a.top - b.top);
    lines.push(...rows.slice(0, -1).map(r => r.count));  // full lines only: not a paragraph's last
  }
  return lines;
}"""


#: Characters a full line of an element holds, from the width of ordinary French text in its font.
LINE_CAPACITY = """(element) => {
  const sample = document.createElement('span');
  sample.textContent = 'Le système immunitaire reconnaît les cellules anormales, et l’immunothérapie l’aide à agir. ';
  sample.style.whiteSpace = 'nowrap';
  element.appendChild(sample);
  const perCharacter = sample.getBoundingClientRect().width / sample.textContent.length;
  sample.remove();
  const style = getComputedStyle(element);
  const width = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return width / perCharacter;
}"""


@pytest.mark.parametrize("name", ["index", "bibliographie", TABLE_AND_FIGURE_PAGE, "glossaire"])
def test_body_text_runs_60_to_80_characters_a_line_on_a_laptop(laptop: Page, site_url: str, name: str) -> None:
    open_page(laptop, site_url, name)
    lines = laptop.evaluate(LINE_LENGTHS)
    assert len(lines) >= 5, lines
    assert max(lines) <= 80, sorted(lines)[-5:]
    assert sorted(lines)[len(lines) // 2] >= 60, f"median {sorted(lines)[len(lines) // 2]}"


def test_search_results_run_at_most_80_characters_a_line_on_a_laptop(laptop: Page, site_url: str) -> None:
    open_page(laptop, site_url, "search", "?q=immunoth%C3%A9rapie")
    expect(laptop.locator("#search-results ul.search li").first).to_be_visible(timeout=15_000)
    for selector in ("#search-results .search-summary", "#search-results ul.search li p"):
        capacity = laptop.locator(selector).first.evaluate(LINE_CAPACITY)
        assert 55 <= capacity <= 80, (selector, capacity)


# -- Contrast (item 10) ---------------------------------------------------------------------------

CONTRAST = """(element) => {
  const rgb = value => value.match(/[\\d.]+/g).map(Number);
  const luminance = ([r, g, b]) => {
    const channel = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  let background = null;
  for (let node = element; node; node = node.parentElement) {
    const color = rgb(getComputedStyle(node).backgroundColor);
    if (color.length < 4 || color[3] > 0) { background = color; break; }
  }
  background = background || [255, 255, 255];
  const text = rgb(getComputedStyle(element).color);
  const [light, dark] = [luminance(text), luminance(background)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}"""


def open_in_theme(page: Page, site_url: str, name: str, theme: str) -> None:
    """Open a page in the theme the reader's system asks for (the theme switcher's « auto »)."""
    page.emulate_media(color_scheme=theme)  # type: ignore[arg-type]
    open_page(page, site_url, name)
    assert page.evaluate("() => document.documentElement.dataset.theme") == theme


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_term_links_on_grey_table_rows_have_a_contrast_of_at_least_4_5(laptop: Page, site_url: str, theme: str) -> None:
    open_in_theme(laptop, site_url, TABLE_AND_FIGURE_PAGE, theme)
    links = laptop.locator("main table tbody tr:nth-child(odd) .termbase-term > a")
    assert links.count() >= 2
    ratios = [links.nth(i).evaluate(CONTRAST) for i in range(links.count())]
    assert min(ratios) >= 4.5, ratios


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_figure_captions_are_as_readable_as_body_text(laptop: Page, site_url: str, theme: str) -> None:
    open_in_theme(laptop, site_url, TABLE_AND_FIGURE_PAGE, theme)
    caption = laptop.locator("main figure figcaption .caption-text").first
    assert caption.evaluate(CONTRAST) >= 7
    assert int(caption.evaluate("e => getComputedStyle(e).fontWeight")) >= 400


# -- Glossary (item 12) ---------------------------------------------------------------------------


@pytest.mark.parametrize("device", ["laptop", "phone"])
def test_glossary_letter_links_are_at_least_24_px_square(request: pytest.FixtureRequest, site_url: str, device: str) -> None:
    page: Page = request.getfixturevalue(device)
    open_page(page, site_url, "glossaire")
    letters = page.locator(".termbase-letter-nav a")
    assert letters.count() >= 10
    boxes = [letters.nth(i).bounding_box() for i in range(letters.count())]
    small = [(letters.nth(i).inner_text(), box) for i, box in enumerate(boxes) if not box or box["width"] < 24 or box["height"] < 24]
    assert small == []


def test_glossary_sorts_anticorps_before_anti_ctla_4(page: Page, site_url: str) -> None:
    open_page(page, site_url, "glossaire")
    terms = page.locator("main dl.glossary > dt").evaluate_all("dts => dts.map(dt => dt.textContent.replace('#', '').trim())")
    assert terms.index("anticorps") < terms.index("anti-CTLA-4") < terms.index("antigène") < terms.index("anti-PD-1")


# -- Phone: wide tables, figures, footer (items 5, 6, 7) -----------------------------------------


def markdown_table_columns(name: str) -> list[int]:
    """Column counts of the tables of a page: Markdown tables (from their header rows) and the
    triage tables the ``{triage-table}`` directive renders (« Signe | Que faire »)."""
    counts, previous = [], ""
    for line in (DOCS / f"{name}.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("|") and not previous.startswith("|"):
            counts.append(line.strip().strip("|").count("|") + 1)
        elif line.strip() == "```{triage-table}":
            counts.append(2)
        previous = line
    return counts


def pages_with(predicate: Any) -> list[str]:
    return sorted(path.stem for path in DOCS.glob("*.md") if predicate(path.stem))


TABLE_PAGES = pages_with(lambda name: markdown_table_columns(name))
WIDE_TABLE_PAGES = pages_with(lambda name: max(markdown_table_columns(name), default=0) >= 4)
FIGURE_PAGES = pages_with(lambda name: "{figure}" in (DOCS / f"{name}.md").read_text(encoding="utf-8"))


def check_table_on_phone(page: Page, container: Any) -> bool:
    """A table fits the phone, or scrolls inside its frame with a cue and its first column in view.

    Returns whether it scrolls."""
    container.scroll_into_view_if_needed()
    frame = container.bounding_box()
    assert frame and frame["x"] >= 0 and frame["x"] + frame["width"] <= 390, frame
    if not container.evaluate("e => e.scrollWidth > e.clientWidth + 1"):
        return False
    cue = container.locator("xpath=preceding-sibling::*[1]")
    assert "immunoguide-scroll-cue" in (cue.get_attribute("class") or ""), "a visible sign says the table scrolls"
    expect(cue).to_be_visible()
    row = container.locator("tbody tr").first
    first_cell, last_cell = row.locator("td").first, row.locator("td").last
    container.evaluate("e => { e.scrollLeft = e.scrollWidth; }")
    page.wait_for_function("e => e.scrollLeft > 0", arg=container.element_handle())
    key, last = first_cell.bounding_box(), last_cell.bounding_box()
    assert key and last
    assert frame["x"] - 1 <= key["x"] and key["x"] + key["width"] <= 390, f"the first column stays in view: {key}"
    assert last["x"] + last["width"] <= frame["x"] + frame["width"] + 1, "the last column can be reached"
    assert last["x"] >= key["x"] + key["width"] - 1, "the last column is not hidden under the first"
    return True


@pytest.mark.parametrize("name", TABLE_PAGES)
def test_tables_fit_a_phone_or_scroll_with_a_cue_and_their_first_column(phone: Page, site_url: str, name: str) -> None:
    open_page(phone, site_url, name)
    containers = phone.locator("main .pst-scrollable-table-container")
    assert containers.count() == len(markdown_table_columns(name))
    for index in range(containers.count()):
        check_table_on_phone(phone, containers.nth(index))
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 390, "the page itself never scrolls sideways"


@pytest.mark.parametrize("name", WIDE_TABLE_PAGES or [pytest.param("", marks=pytest.mark.skip(reason="no table of 4 columns"))])
def test_a_table_of_four_columns_scrolls_on_a_phone_instead_of_squeezing(phone: Page, site_url: str, name: str) -> None:
    open_page(phone, site_url, name)
    wide = phone.locator("main .pst-scrollable-table-container").filter(has=phone.locator("tr > :nth-child(4)")).first
    assert check_table_on_phone(phone, wide), "four columns do not fit 390 px: the table scrolls"
    heights = wide.locator("tbody tr").evaluate_all("rows => rows.map(r => r.getBoundingClientRect().height)")
    assert max(heights) < 844, "no row is taller than the screen"


def smallest_label_px(svg: Path, rendered_width: float) -> float:
    """Rendered height (CSS px) of the smallest text of an SVG drawn *rendered_width* px wide."""
    root = ET.parse(svg).getroot()
    view_width = float(root.get("viewBox", "0 0 0 0").split()[2] or root.get("width", "0"))
    sizes = [float(m) for m in re.findall(r'font-size[=:]\s*"?([\d.]+)', svg.read_text(encoding="utf-8"))]
    return min(sizes) * rendered_width / view_width


@pytest.mark.parametrize("name", FIGURE_PAGES)
def test_figure_labels_are_readable_on_a_phone(phone: Page, site_url: str, site_html: Path, name: str) -> None:
    """Labels of 11 px or more as drawn on the phone, or a tap opens the drawing alone at full size."""
    open_page(phone, site_url, name)
    images = phone.locator("main figure img")
    assert images.count() >= 1
    for index in range(images.count()):
        image = images.nth(index)
        image.scroll_into_view_if_needed()
        width = image.evaluate("img => img.getBoundingClientRect().width")
        svg = site_html / (image.get_attribute("src") or "")
        box = image.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, "the figure fits the screen"
        if smallest_label_px(svg, width) < 11:
            link = image.locator("xpath=ancestor::a[1]")
            assert link.get_attribute("href") == image.get_attribute("src"), f"{svg.name}: a tap opens it full-size"
            expect(image.locator("xpath=ancestor::figure").get_by_role("link", name="Agrandir la figure")).to_be_visible()
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 390


def test_phone_footer_shows_both_page_titles_and_arrows_in_full(phone: Page, site_url: str) -> None:
    open_page(phone, site_url, TABLE_AND_FIGURE_PAGE)
    footer = phone.locator(".prev-next-area")
    footer.scroll_into_view_if_needed()
    for selector in ("a.left-prev", "a.right-next"):
        link = footer.locator(selector)
        box = link.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, (selector, box)
        title = link.locator(".prev-next-title")
        assert title.evaluate("e => e.scrollWidth <= e.clientWidth && e.getBoundingClientRect().right <= 390"), selector
        arrow = link.locator("i")
        arrow_box = arrow.bounding_box()
        assert arrow_box and arrow_box["width"] > 0 and arrow_box["x"] + arrow_box["width"] <= 390, (selector, arrow_box)
    previous = footer.locator("a.left-prev")
    target = previous.get_attribute("href") or ""
    title = previous.locator(".prev-next-title").inner_text()
    open_page(phone, site_url, target.removesuffix(".html"))
    assert phone.locator("main h1").inner_text().replace("#", "").strip() == title, "the whole title of the previous page"


# -- Print from the browser (item 18) -------------------------------------------------------------


def test_printing_shows_the_review_date_and_no_local_address(page: Page, site_url: str) -> None:
    """The printed address is the published one (termbase_site_url), which conf.py leaves unset:
    nothing then, never the address of a local preview."""
    open_page(page, site_url, TABLE_AND_FIGURE_PAGE)
    page.emulate_media(media="print")
    expect(page.locator("main .termbase-review-dates")).to_be_visible()
    assert page.locator(".termbase-print-address").count() == 0
    assert "127.0.0.1" not in page.locator("body").inner_text()
    expect(page.get_by_role("button", name="Imprimer cette page")).to_be_hidden()


def test_printing_gives_one_line_per_defined_term_after_the_text(page: Page, site_url: str) -> None:
    open_page(page, site_url, "effets-indesirables")
    page.emulate_media(media="print")
    inline = page.evaluate("() => [...document.querySelectorAll('main .termbase-tooltip')].filter(t => t.getClientRects().length > 0).length")
    assert inline == 0, "no definition in brackets inside the sentences"
    words = page.locator("main .termbase-print-terms")
    expect(words).to_be_visible()
    expect(words.locator("h2")).to_have_text("Les mots de cette page")
    lines = words.locator("li").all_inner_texts()
    terms = page.evaluate("() => new Set([...document.querySelectorAll('main .termbase-term a[href*=\"#\"]')].map(a => a.getAttribute('href').split('#').pop())).size")
    assert len(lines) == terms >= 10, "one line per defined term, each term once"
    assert all("\u00a0: " in line and "((" not in line for line in lines)
    assert page.evaluate("() => [...document.querySelectorAll('main .termbase-print-terms li')].every(li => getComputedStyle(li).breakInside === 'avoid')")
    page.emulate_media(media="screen")
    expect(words).to_be_hidden()


def test_printing_the_glossary_adds_no_definition_inside_the_entries(page: Page, site_url: str) -> None:
    open_page(page, site_url, "glossaire")
    page.emulate_media(media="print")
    printed = page.evaluate("() => [...document.querySelectorAll('main .termbase-tooltip')].filter(t => t.getClientRects().length > 0).length")
    assert printed == 0
    expect(page.locator("main dl.glossary > dt").first).to_be_visible()


# -- Favicon (item 19) ----------------------------------------------------------------------------


def test_pages_have_a_favicon_and_no_request_fails(page: Page, site_url: str) -> None:
    failed: list[str] = []
    page.on("response", lambda response: failed.append(f"{response.status} {response.url}") if response.status >= 400 else None)
    for name in ("index", TABLE_AND_FIGURE_PAGE, "glossaire"):
        open_page(page, site_url, name)
    icon = page.locator("link[rel~='icon']")
    assert icon.count() == 1
    response = page.request.get(f"{site_url}/{icon.get_attribute('href')}")
    assert response.status == 200
    assert response.body().lstrip().startswith(b"<svg")
    assert failed == [], failed
