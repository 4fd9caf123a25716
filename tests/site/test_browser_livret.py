"""« Mon livret » in Debian's Chromium, opened from ``file://`` as an offline reader opens it.

A reader adds two pages and ticks two questions, opens the booklet page, finds them listed,
sends the address to a fresh browser that finds the same booklet (and to termbase.booklet.address,
which ``make handout LIVRET=…`` reads: it decodes what the script wrote and writes it back the
same), and prints it: the questions,
both pages, one glossary without a repeated term, the sources and the disclaimer. axe-core finds
no serious or critical violation on the filled booklet and on a page with its controls, at
1280 px and at 390 px (touch), and every control is at least 44 px on a phone.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import require_tool
from termbase.booklet.address import Choice, format_address, parse_address
from test_a11y import serious_violations
from test_browser_reader import LAPTOP, PHONE, new_tab, phone  # noqa: F401 - phone is a fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:Session-scoped fixtures defined as instance methods:pytest.PytestRemovedIn10Warning"),
]

PAGES = {"effets-indesirables": "Les effets indésirables de l’immunothérapie", "carte-patient": "Carte patient à imprimer"}
QUESTIONS = {
    "effets-indesirables": "Quels symptômes dois-je signaler tout de suite, et à qui",
    "carte-patient": "Quel numéro dois-je appeler la nuit et le week-end",
}


def question_box(page: Page, text: str) -> Any:
    """The checkbox of a question, found as a screen reader names it: by the question's words."""
    return page.get_by_role("checkbox", name=re.compile("Garder pour mon livret.*" + re.escape(text)))


def fill_booklet(page: Page, site: str) -> str:
    """Add both pages and one question of each, as a reader does; the booklet's address."""
    for name, question in QUESTIONS.items():
        page.goto(f"{site}/{name}.html")
        add = page.get_by_role("button", name="Ajouter au livret")
        expect(add).to_have_attribute("aria-pressed", "false")
        add.click()
        expect(add).to_have_attribute("aria-pressed", "true")
        question_box(page, question).check()
        expect(page.locator(".termbase-livret-note")).to_contain_text("question")
    page.get_by_role("link", name="Voir mon livret").click()
    page.wait_for_url(re.compile(r"mon-livret\.html#p="))
    return page.url


@pytest.fixture(scope="module")
def booklet(browser: Browser, site_html: Path) -> Iterator[tuple[Page, str]]:
    """A laptop tab on the filled booklet page, from file://; and the booklet's address."""
    context = browser.new_context(**LAPTOP)
    page = context.new_page()
    url = fill_booklet(page, site_html.as_uri())
    yield page, url
    context.close()


def test_the_booklet_lists_the_chosen_pages_and_questions(booklet: tuple[Page, str]) -> None:
    page, url = booklet
    pages = page.locator(".termbase-livret-pages li")
    expect(pages).to_have_count(2)
    for title in PAGES.values():
        expect(pages.filter(has_text=title)).to_have_count(1)
    questions = page.locator(".termbase-livret-chosen-questions li")
    expect(questions).to_have_count(2)
    for text in QUESTIONS.values():
        expect(questions.filter(has_text=text)).to_have_count(1)
    expect(page.get_by_role("status")).to_have_text("Votre livret\u00a0: 2\u00a0pages et 2\u00a0questions.")
    assert "p=effets-indesirables,carte-patient" in url and url.count("carte-patient.") == 1


def test_make_handout_reads_the_address_the_script_writes(booklet: tuple[Page, str]) -> None:
    """The Python twin of the script's address (termbase.booklet.address) against what it wrote:
    the pages and question ids in the reader's order, the same text written back."""
    page, url = booklet
    data = page.evaluate("() => window.TERMBASE_LIVRET.pages.map(p => [p.name, p.questions])")
    ids = {name: [q["id"] for q in questions if q["text"].startswith(QUESTIONS[name])] for name, questions in data if name in QUESTIONS}
    assert all(len(found) == 1 for found in ids.values()), ids
    expected = Choice(tuple(PAGES), tuple(ids[name][0] for name in QUESTIONS))
    assert parse_address(url) == expected
    assert url.split("#", 1)[1] == format_address(expected)


def test_the_address_restores_the_booklet_in_a_fresh_browser(browser: Browser, booklet: tuple[Page, str]) -> None:
    for fresh in new_tab(browser, PHONE):
        fresh.goto(booklet[1])
        expect(fresh.locator(".termbase-livret-pages li")).to_have_count(2)
        expect(fresh.locator(".termbase-livret-chosen-questions li")).to_have_count(2)
        # and the pages know it: the stored booklet now holds them
        fresh.goto(booklet[1].split("mon-livret.html")[0] + "carte-patient.html")
        expect(fresh.get_by_role("button", name="Ajouter au livret")).to_have_attribute("aria-pressed", "true")
        expect(question_box(fresh, QUESTIONS["carte-patient"])).to_be_checked()


def test_the_printed_booklet_holds_questions_pages_one_glossary_sources_and_disclaimer(booklet: tuple[Page, str], tmp_path: Path) -> None:
    page = booklet[0]
    page.emulate_media(media="print")
    pdf = tmp_path / "livret.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.emulate_media(media="screen")
    require_tool("pdftotext")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    questions = flat[flat.index("Mes questions") : flat.index("Dernière relecture")]  # before the first page
    for question in QUESTIONS.values():
        assert question in questions, question
    openings = [flat.find(f"{title} Dernière relecture") for title in PAGES.values()]  # each page, under its title
    assert 0 < openings[0] < openings[1], openings
    lines = [line.strip("\f ") for line in text.splitlines()]
    assert lines.count("Glossaire") == 1 and lines.count("Sources citées") == 1
    assert "Carte patient · immunothérapie" in flat, "the card comes with its page"
    assert flat.count("ne remplace pas l’avis de votre équipe soignante") == 1
    assert "Dernière relecture\u00a0: 6 décembre 2026" in text or "Dernière relecture : 6 décembre 2026" in flat
    assert "Ajouter au livret" not in flat and "Retirer" not in flat and "Imprimer mon livret" not in flat
    glossary = page.locator(".termbase-livret-glossary dt").all_text_contents()
    assert len(glossary) >= 10 and len(glossary) == len(set(glossary)), glossary
    tooltips = page.locator(".termbase-livret-print [role=tooltip]")
    expect(tooltips).to_have_count(0)


def test_removing_a_page_updates_the_list_the_count_and_the_address(browser: Browser, booklet: tuple[Page, str]) -> None:
    for tab in new_tab(browser, LAPTOP):
        tab.goto(booklet[1])
        tab.get_by_role("button", name=f"Retirer du livret\u00a0: {PAGES['carte-patient']}").click()
        expect(tab.locator(".termbase-livret-pages li")).to_have_count(1)
        expect(tab.get_by_role("status")).to_contain_text("1\u00a0page et 2\u00a0questions")
        assert "p=effets-indesirables&" in tab.url
        expect(tab.locator(".termbase-livret-remove:focus")).to_have_count(1)


def test_an_empty_booklet_says_how_to_fill_it(phone: Page, site_html: Path) -> None:
    phone.goto(f"{site_html.as_uri()}/mon-livret.html")
    expect(phone.locator(".termbase-livret-empty")).to_be_visible()
    expect(phone.locator(".termbase-livret-empty")).to_contain_text("Ajouter au livret")
    expect(phone.get_by_role("button", name="Imprimer mon livret")).to_be_hidden()


def test_without_javascript_no_control_is_shown(browser: Browser, site_html: Path) -> None:
    for tab in new_tab(browser, {**LAPTOP, "java_script_enabled": False}):
        tab.goto(f"{site_html.as_uri()}/effets-indesirables.html")
        expect(tab.get_by_role("button", name="Ajouter au livret")).to_have_count(0)
        expect(tab.get_by_role("checkbox")).to_have_count(0)
        tab.goto(f"{site_html.as_uri()}/mon-livret.html")
        expect(tab.locator(".termbase-livret-nojs")).to_be_visible()


@pytest.mark.parametrize("viewport", ["laptop", "phone"])
def test_axe_finds_nothing_serious_on_the_filled_booklet_and_a_page_with_controls(browser: Browser, booklet: tuple[Page, str], viewport: str) -> None:
    for tab in new_tab(browser, LAPTOP if viewport == "laptop" else PHONE):
        tab.goto(booklet[1])
        expect(tab.locator(".termbase-livret-pages li")).to_have_count(2)
        assert serious_violations(tab) == []
        tab.goto(booklet[1].split("mon-livret.html")[0] + "effets-indesirables.html")
        expect(tab.get_by_role("button", name="Ajouter au livret")).to_be_visible()
        assert serious_violations(tab) == []


def test_every_booklet_control_is_a_44_px_target_on_a_phone(browser: Browser, booklet: tuple[Page, str]) -> None:
    for tab in new_tab(browser, PHONE):
        tab.goto(booklet[1])
        small = tab.evaluate(
            """() => [...document.querySelectorAll('.termbase-livret button:not([hidden]), .termbase-livret-pages a')]
                .map(e => [e.textContent.trim(), e.getBoundingClientRect()])
                .filter(([, r]) => r.width < 44 || r.height < 44).map(([t]) => t)"""
        )
        assert small == []
        tab.goto(booklet[1].split("mon-livret.html")[0] + "effets-indesirables.html")
        targets = tab.evaluate(
            """() => [...document.querySelectorAll('.termbase-livret-add, .termbase-livret-check')]
                .map(e => e.getBoundingClientRect()).filter(r => r.width < 44 || r.height < 44).length"""
        )
        assert targets == 0
