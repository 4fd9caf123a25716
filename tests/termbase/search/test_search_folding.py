"""Search folding: « PD1 » = « PD-1 » = « PD 1 », glossary names compared without separators.

The same rules exist twice, in Python (the index, the glossary data) and in JavaScript (the query,
``static/termbase-search.js``); the browser tests run the JavaScript in Chromium on a blank page and
compare it with the Python functions word for word.
"""

from __future__ import annotations

from typing import Any

import pytest

from termbase.search.folding import STATIC, SearchFrenchFolded, _javascript_stemmer, chain_words, compact
from termbase.search.glossary_terms import SEARCH_JS, english_names, name_key

SAMPLES = [
    "PD1",
    "PD-1",
    "PD 1",
    "pd\u20111",
    "PDL1",
    "PD-L1",
    "pd l1",
    "CAR T",
    "CAR-T",
    "cellules CAR-T",
    "anti-PD-L1",
    "phase 3",
    "grade 3 ou 4",
    "lymphocytes T",
    "Effets secondaires",
    "effets indésirables",
    "l’immunothérapie",
    "Œdème",
    "interleukine-2",
    "KEYNOTE-006",
    "CheckMate\u00a0067",
    "2011 les",
    "c’est-à-dire",
    "a-b-c",
    "PD-L1 2",
    "essai CheckMate-067 phase 3",
]


@pytest.mark.parametrize(("written", "compacted"), [("PD-1", "PD1"), ("PD 1", "PD1"), ("PD1", "PD1"), ("PD-L1", "PDL1"), ("CAR-T", "CART"), ("phase 3", "phase3")])
def test_compact_drops_hyphens_and_the_space_between_a_letter_and_a_digit(written: str, compacted: str) -> None:
    assert compact(written) == compacted


@pytest.mark.parametrize("text", ["lymphocytes T", "CAR T", "3 patients", "2011 les"])
def test_compact_keeps_spaces_between_letters_and_after_a_digit(text: str) -> None:
    assert compact(text) == text


@pytest.mark.parametrize(("first", "second"), [("PD1", "PD-1"), ("PD 1", "pd-1"), ("PDL1", "PD-L1"), ("CAR T", "CAR-T"), ("effets secondaires", "Effets  Secondaires"), ("immunotherapie", "Immunothérapie")])
def test_name_key_is_the_same_for_every_spelling(first: str, second: str) -> None:
    assert name_key(first) == name_key(second)


def test_chain_words_index_every_consecutive_part_of_a_chain() -> None:
    assert chain_words("un anti-PD-L1 puis PD 1") == ["antiPD", "antiPDL1", "PDL1", "PD1"]


def test_index_keeps_the_parts_and_adds_the_compacted_chain() -> None:
    words = SearchFrenchFolded({}).split("le frein PD-1 et les CAR-T")
    assert {"PD", "1", "PD1", "CAR", "T", "CART"} <= set(words)


def test_english_equivalent_gives_the_phrase_and_what_its_parentheses_hold() -> None:
    assert english_names("immune-related adverse event (irAE)") == ["immune-related adverse event", "irAE"]
    assert english_names("antibody") == ["antibody"]
    assert english_names(None) == []


# -- the JavaScript agrees ---------------------------------------------------------------------------


@pytest.fixture
def search_js(page: Any) -> Any:
    """A blank page with Sphinx's stemmer, the folding wrapper and termbase-search.js loaded."""
    page.set_content("<!doctype html><html><body></body></html>")
    page.add_script_tag(content=_javascript_stemmer())
    page.add_script_tag(path=str(STATIC / SEARCH_JS))
    return page


@pytest.mark.browser
def test_javascript_compacts_like_python(search_js: Any) -> None:
    assert search_js.evaluate("samples => samples.map(termbaseSearch.compact)", SAMPLES) == [compact(s) for s in SAMPLES]


@pytest.mark.browser
def test_javascript_name_keys_are_python_name_keys(search_js: Any) -> None:
    assert search_js.evaluate("samples => samples.map(termbaseSearch.nameKey)", SAMPLES) == [name_key(s) for s in SAMPLES]


@pytest.mark.browser
def test_javascript_stems_compacted_queries_like_the_index(search_js: Any) -> None:
    language = SearchFrenchFolded({})
    expected = [[language.stem(word).lower() for word in language.split(compact(s)) if not word.isdigit()] for s in SAMPLES]
    found = search_js.evaluate(
        "samples => samples.map(s => termbaseSearch.compact(s).split(/[^\\p{L}\\p{N}_]+/u).filter(w => w && !/^\\d+$/.test(w)).map(w => new Stemmer().stemWord(w.toLowerCase())))",
        SAMPLES,
    )
    assert found == expected


@pytest.mark.browser
def test_a_query_that_is_a_glossary_name_routes_to_its_entry(search_js: Any) -> None:
    data = {"names": {name_key("effets secondaires"): 0, name_key("PD-1"): 1}, "entries": [["effet indésirable"], ["PD-1"]]}
    plans = search_js.evaluate("data => ['Effets secondaires', 'PD 1', 'effets secondaires du nivolumab', 'soleil'].map(q => termbaseSearch.plan(q, data))", data)
    assert plans[0] == {"variants": ["Effets secondaires", "effet indésirable"], "entry": 0}
    assert plans[1] == {"variants": ["PD1"], "entry": 1}
    assert plans[2] == {"variants": ["effets secondaires du nivolumab", "effet indésirable du nivolumab"], "entry": None}
    assert plans[3] == {"variants": ["soleil"], "entry": None}
