"""The search on a set of French lay queries (benchmarks/search-queries.yaml), on the built site.

Each query has the pages that answer it; every right page must come in the top 3, no query may
find nothing, and the mean reciprocal rank over the first 10 results must be at least 0.9
(benchmarks/search_quality.py measures the same and writes benchmarks/results.md).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page

from conftest import DOCS, PROJECT_ROOT

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:Session-scoped fixtures defined as instance methods:pytest.PytestRemovedIn10Warning"),
]

_spec = importlib.util.spec_from_file_location("search_quality", PROJECT_ROOT / "benchmarks" / "search_quality.py")
assert _spec and _spec.loader
search_quality = importlib.util.module_from_spec(_spec)
sys.modules["search_quality"] = search_quality
_spec.loader.exec_module(search_quality)

QUERIES = search_quality.load_queries()


def test_the_query_set_is_large_and_names_real_pages() -> None:
    assert len(QUERIES) >= 60
    pages = {path.stem for path in DOCS.glob("*.md")}
    unknown = sorted({page for item in QUERIES for page in item["expect"] if page not in pages})
    assert unknown == []


@pytest.fixture(scope="module")
def outcomes(browser: object, site_url: str) -> list[object]:
    page = browser.new_page()  # type: ignore[attr-defined]
    try:
        return search_quality.run_queries(page, site_url, QUERIES)
    finally:
        page.close()


def test_no_query_finds_nothing(outcomes: list[object]) -> None:
    assert [o.query for o in outcomes if not o.pages] == []


def test_every_right_page_comes_in_the_top_3(outcomes: list[object]) -> None:
    late = [f"{o.query!r}: {o.rank or 'not in the top 10'} ({', '.join(o.pages[:3])})" for o in outcomes if not o.rank or o.rank > 3]
    assert late == []


def test_mean_reciprocal_rank_is_at_least_0_9(outcomes: list[object]) -> None:
    assert search_quality.mrr(outcomes) >= 0.9


def test_a_drug_s_brand_name_is_answered_by_the_drug_s_definition(outcomes: list[object]) -> None:
    answers = {o.query: o.answer for o in outcomes}
    assert answers["Keytruda"] == "pembrolizumab"
    assert answers["pembrolisumab"] == "pembrolizumab"


def test_the_query_set_covers_typos(outcomes: list[object]) -> None:
    corrected = {o.query for o in outcomes if o.corrected}
    assert {"imunothérapie", "pembrolisumab", "diarée", "hypofysite"} <= corrected


def test_issue_21_urgence_finds_when_to_call_and_vaccin_grippe_the_vaccination_advice(outcomes: list[object]) -> None:
    first = {o.query: o.pages[0] if o.pages else None for o in outcomes}
    assert first["urgence"] == "quand-appeler"
    assert first["qui appeler la nuit"] == "quand-appeler"
    assert first["vaccin grippe"] == "situations-particulieres"
    assert first["vaccin contre la grippe"] == "situations-particulieres"
    assert first["imprimer mes questions"] == "mon-livret"


def test_a_lay_question_finds_the_page_that_answers_it_first(outcomes: list[object]) -> None:
    first = {o.query: o.pages[0] if o.pages else None for o in outcomes}
    assert first["peut on guérir d'un cancer tout seul"] == "regression-spontanee"


def test_a_symptom_in_the_patients_words_shows_its_triage_card_and_when_to_call_first(outcomes: list[object]) -> None:
    found = {o.query: (o.triage, o.pages[0] if o.pages else None) for o in outcomes}
    assert found["j’ai de la fièvre"] == found["j'ai de la fièvre"] == (("fievre",), "quand-appeler")
    assert found["diarrhée depuis hier"] == found["diarée depuis hier"] == (("diarrhee",), "quand-appeler")
    assert found["je suis essouflé"] == found["je suis essoufflé"] == (("essoufflement",), "quand-appeler")
    assert found["mal à la tête et vision trouble"] == (("maux-de-tete", "vision"), "quand-appeler")
    assert found["il ne répond plus"] == (("malaise-grave",), "quand-appeler")
    assert len({slug for o in outcomes for slug in o.triage}) >= 10, "the set covers at least 10 symptoms of the triage table"


def test_only_queries_that_expect_when_to_call_show_a_triage_card(outcomes: list[object]) -> None:
    assert [o.query for o in outcomes if o.triage and "quand-appeler" not in o.expect] == []
