"""Printing from the browser (issue 21, part 2): the patient card comes out whole on one A4 sheet,
at bank-card size, with its cutting and folding lines, from the site that ``make html`` alone builds."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page

from conftest import require_tool

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:Session-scoped fixtures defined as instance methods:pytest.PytestRemovedIn10Warning"),
]

CARD_PAGE = "carte-patient"
FRONT, BACK = "Carte patient · immunothérapie", "TOUT DE SUITE"  # the back: a level word of {triage-card}
MM = 96 / 25.4  # CSS pixels per millimetre


def open_card(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/{CARD_PAGE}.html")
    page.wait_for_load_state("networkidle")


def test_the_card_prints_whole_on_one_a4_sheet(page: Page, site_url: str, tmp_path: Path) -> None:
    open_card(page, site_url)
    pdf = tmp_path / "carte.pdf"
    page.pdf(path=str(pdf), format="A4")
    pdftotext = require_tool("pdftotext")
    pages = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split("\f")
    with_card = [index for index, text in enumerate(pages) if FRONT in text or BACK in text or "Pour le médecin des urgences" in text]
    assert len(set(with_card)) == 1, f"the card's faces are printed on pages {with_card}"
    sheet = pages[with_card[0]]
    assert all(part in sheet for part in (FRONT, BACK, "Pour le médecin des urgences", "Après des cellules CAR-T"))


def test_the_printed_card_is_bank_card_sized_with_cut_and_fold_lines(page: Page, site_url: str) -> None:
    open_card(page, site_url)
    page.emulate_media(media="print")
    faces = page.locator("main .termbase-card-sheet .carte-face")
    assert faces.count() == 2, "front and back side by side on one sheet"
    boxes = [faces.nth(i).bounding_box() for i in range(2)]
    assert all(box for box in boxes)
    for box in boxes:
        assert box is not None
        assert abs(box["width"] - 85.6 * MM) < 1.5 and abs(box["height"] - 54 * MM) < 1.5, box
    front, back = boxes
    assert front and back and abs(front["y"] - back["y"]) < 1 and abs(front["x"] + front["width"] - back["x"]) < 1.5, "side by side, sharing the fold"
    styles = faces.evaluate_all(
        "fs => fs.map(f => { const s = getComputedStyle(f); return [s.borderTopStyle, s.borderLeftStyle, s.borderRightStyle, s.borderBottomStyle]; })"
    )
    assert styles[0][:2] == ["dashed", "dashed"] and styles[0][3] == "dashed", "cut along the dashes"
    assert styles[1][1] == "dotted", "fold along the dots"
    assert styles[1][2] == "dashed"
    cut = faces.evaluate_all("fs => fs.filter(f => f.scrollHeight > f.clientHeight + 1 || f.scrollWidth > f.clientWidth + 1).length")
    assert cut == 0, "nothing of the card is cut off"
    hidden = page.locator("main .termbase-card-sheet .sd-card-title").first
    assert not hidden.is_visible(), "the web titles (« Recto : … ») stay off the card"


LEVEL_LOOKS_JS = """() => {
  const looks = {};
  for (const level of ["samu", "immediat", "journee"]) {
    const tag = document.querySelector(`.triage-level-${level} .triage-tag`);
    if (!tag) continue;
    const style = getComputedStyle(tag);
    const before = getComputedStyle(tag, "::before").content;
    looks[level] = {word: tag.textContent.trim(), border: style.borderTopStyle + " " + style.borderTopWidth, icon: before};
  }
  return looks;
}"""


@pytest.mark.parametrize("media", ["screen", "print"])
def test_urgency_levels_differ_without_colour(page: Page, site_url: str, media: str) -> None:
    """Issue 21: the levels of the triage table must not differ by colour alone (grey on paper). Each
    level has its own word, and a border style or icon of its own, on screen and in print."""
    page.goto(f"{site_url}/effets-indesirables.html")
    page.wait_for_load_state("networkidle")
    page.emulate_media(media=media)
    page.add_style_tag(content="html { filter: grayscale(1) !important; }")
    looks = page.evaluate(LEVEL_LOOKS_JS)
    assert set(looks) == {"samu", "immediat", "journee"}, looks
    words = {look["word"] for look in looks.values()}
    assert len(words) == 3 and all(word for word in words), looks
    shapes = {(look["border"], look["icon"]) for look in looks.values()}
    assert len(shapes) == 3, f"two levels share a border and an icon, so only colour (or the word) tells them apart: {looks}"


def test_the_colour_check_sees_levels_told_apart_by_colour_alone(page: Page, site_url: str) -> None:
    """The check itself fails when every level has the same border and no icon (what it must catch)."""
    page.goto(f"{site_url}/effets-indesirables.html")
    page.wait_for_load_state("networkidle")
    page.add_style_tag(content=".triage-tag { border: 1px solid !important; } .triage-tag::before { content: none !important; }")
    looks = page.evaluate(LEVEL_LOOKS_JS)
    assert len({(look["border"], look["icon"]) for look in looks.values()}) == 1
