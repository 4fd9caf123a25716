"""The real site's search answers a symptom first (issue 21 §3): the triage answer card in Chromium.

A query naming a symptom of the triage table shows, above the results, the symptom's name and the
level it has when nobody answers its questions — the level of the ``{triage-card}``, read here from
the table with the card's own function (never written in the test) — and a link to its questions on
« Quand appeler ? », which then comes first in the results. termbase.search.triage_answers builds
the data; static/termbase-search.js shows it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page

from conftest import PROJECT_ROOT
from docscheck.project import load_triage
from docscheck.records import TriageEntry, level_rank
from termbase.french.typography import french_spacing
from termbase.search.triage_answers import symptoms_in
from termbase.triage import wording
from test_a11y import serious_violations
from test_browser_phone import OVERFLOW_JS
from test_browser_search import answer_card, search

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:Session-scoped fixtures defined as instance methods:pytest.PytestRemovedIn10Warning"),
]

CARD = "#search-results .termbase-triage-answer"
QUESTIONS_LINK = french_spacing("Que faire : voir les questions")


@pytest.fixture(scope="module")
def table() -> dict[str, TriageEntry]:
    entries, findings = load_triage(PROJECT_ROOT / "triage", PROJECT_ROOT)
    assert entries and not findings
    return {entry.slug: entry for entry in entries}


def card_blocks(page: Page) -> list[dict[str, Any]]:
    """Each symptom of the triage card: slug, lines (text), level classes, tags, link."""
    return page.eval_on_selector_all(
        f"{CARD} .termbase-triage-symptom",
        """blocks => blocks.map(b => ({
            slug: b.dataset.symptom,
            name: b.querySelector('.termbase-triage-level strong').textContent,
            level: b.querySelector('.termbase-triage-level .triage-level').className,
            tag: b.querySelector('.termbase-triage-level .triage-tag').textContent,
            action: b.querySelector('.termbase-triage-level .triage-action').textContent,
            severe: [...b.querySelectorAll('.termbase-triage-severe')].map(p => p.textContent),
            link: b.querySelector('a') && b.querySelector('a').getAttribute('href'),
            linkText: b.querySelector('a') && b.querySelector('a').textContent,
        }))""",
    )


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("j’ai de la fièvre", "fievre"),
        ("diarrhée depuis hier", "diarrhee"),
        ("il ne répond plus", "malaise-grave"),
        ("douleur poitrine", "douleur-thoracique"),
        ("forte fièvre", "fievre"),
    ],
)
def test_a_symptom_query_shows_the_triage_card_the_table_gives(page: Page, site_url: str, table: dict[str, TriageEntry], query: str, slug: str) -> None:
    results = [result["href"] for result in search(page, site_url, query)]
    entry = table[slug]
    level = wording.card_level(entry)
    assert level is not None
    blocks = card_blocks(page)
    assert [block["slug"] for block in blocks] == [slug]
    block = blocks[0]
    assert block["name"] == french_spacing(entry.symptom or slug)
    assert block["level"].split() == ["triage-level", f"triage-level-{level}"]
    assert (block["tag"], block["action"]) == (wording.LEVEL_TAGS[level], wording.level_label(level))
    assert block["severe"] == [f"{row.text}\u00a0: {wording.LEVEL_TAGS['samu']} {wording.level_label('samu')}" for row in wording.rows(entry) if row.level == "samu" and level != "samu"]
    assert (block["link"].removeprefix("./"), block["linkText"]) == (f"quand-appeler.html#{slug}", QUESTIONS_LINK)
    text = page.inner_text(CARD)
    assert wording.WHEN_IN_DOUBT in text and wording.OTHER_INSTRUCTIONS in text
    assert results[0] == "quand-appeler.html"
    assert {"effets-indesirables.html", "effets-indesirables-organe-par-organe.html"} == set(results[1:3]), "then the side-effect pages"
    card_box, list_box = page.locator(CARD).bounding_box(), page.locator("#search-results ul.search").bounding_box()
    assert card_box and list_box and card_box["y"] < list_box["y"], "the card comes above the results"


def test_the_card_link_opens_the_symptom_s_questions(page: Page, site_url: str, table: dict[str, TriageEntry]) -> None:
    search(page, site_url, "je suis essoufflé")
    page.locator(CARD).get_by_role("link").click()
    page.wait_for_selector("#triage-ask", state="visible")
    assert page.url.endswith("quand-appeler.html#essoufflement")
    asked = table["essoufflement"].questions[0].ask
    assert " ".join(page.inner_text("#triage-ask").split()) == " ".join(french_spacing(asked).split())


@pytest.mark.parametrize("query", ["prise de sang", "tirage au sort", "quand appeler", "hépatite"])
def test_a_query_that_names_no_symptom_shows_no_triage_card(page: Page, site_url: str, query: str) -> None:
    assert search(page, site_url, query)
    assert page.locator(CARD).count() == 0


def test_a_query_naming_a_symptom_and_a_glossary_term_shows_the_triage_card_first(page: Page, site_url: str) -> None:
    search(page, site_url, "démangeaisons")
    assert [block["slug"] for block in card_blocks(page)] == ["eruption-cutanee"]
    definition = answer_card(page)
    assert definition and definition["link"].removeprefix("./").startswith("glossaire.html#")
    cards = page.eval_on_selector_all("#search-results .termbase-answer, #search-results .termbase-triage-answer", "cards => cards.map(c => c.className)")
    assert cards == ["termbase-triage-answer", "termbase-answer"], "the safety answer first, then the definition"


def test_two_symptoms_give_two_lines_most_urgent_first_each_with_its_link(page: Page, site_url: str, table: dict[str, TriageEntry]) -> None:
    search(page, site_url, "mal à la tête et vision trouble")
    blocks = card_blocks(page)
    assert {block["slug"] for block in blocks} == {"maux-de-tete", "vision"}
    ranks = [level_rank(wording.card_level(table[block["slug"]]) or "") for block in blocks]
    assert ranks == sorted(ranks, reverse=True)
    assert [block["level"].split()[-1] for block in blocks] == [f"triage-level-{wording.card_level(table[block['slug']])}" for block in blocks]
    assert [block["link"].removeprefix("./") for block in blocks] == [f"quand-appeler.html#{block['slug']}" for block in blocks]


def test_the_script_and_the_python_reference_name_the_same_symptoms(page: Page, site_url: str, site_html: Path) -> None:
    text = (site_html / "_static" / "termbase-search-data.js").read_text(encoding="utf-8")
    data = json.loads(text[text.index("{") : text.rindex("}") + 1])["triage"]
    queries = [item["query"] for item in yaml.safe_load((PROJECT_ROOT / "benchmarks" / "search-queries.yaml").read_text(encoding="utf-8"))]
    queries += ["je saigne du nez", "il respire", "il ne respire pas", "grande fatigue", "mal au coeur", "sang", "fièvre jaune vaccin", "38 de fièvre"]
    page.goto(f"{site_url}/search.html")
    page.wait_for_function("() => window.termbaseSearch && window.termbaseSearchData")
    script = page.evaluate("qs => qs.map(q => termbaseSearch.triageMatches(q, termbaseSearchData.triage))", queries)
    assert {q: s for q, s in zip(queries, script)} == {q: symptoms_in(q, data) for q in queries}


def test_the_card_is_a_named_region_reached_by_keyboard_before_the_results(page: Page, site_url: str) -> None:
    search(page, site_url, "j’ai de la fièvre")
    region = page.get_by_role("region", name="Que faire")
    assert region.count() == 1 and region.get_attribute("class") == "termbase-triage-answer"
    page.focus("form.bd-search input[name=q]")
    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        where = page.evaluate(
            "() => { const a = document.activeElement; return a.closest('.termbase-triage-answer') ? 'card' : a.closest('ul.search') ? 'results' : 'other'; }"
        )
        reached.append(where)
        if where == "results":
            break
    assert "card" in reached and reached.index("card") < reached.index("results")


def test_axe_finds_no_serious_violation_with_the_card_open(page: Page, site_url: str) -> None:
    search(page, site_url, "démangeaisons")  # both cards
    assert page.locator(CARD).count() == 1
    assert serious_violations(page) == []


@pytest.mark.parametrize("query", ["il ne répond plus", "mal à la tête et vision trouble"])
def test_the_card_fits_a_390_px_touch_screen(browser: Browser, site_url: str, query: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        phone = context.new_page()
        search(phone, site_url, query)
        box = phone.locator(CARD).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
        assert phone.evaluate(OVERFLOW_JS) == []
    finally:
        context.close()
