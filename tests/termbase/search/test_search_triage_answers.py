"""termbase.search.triage_answers: which symptom a query names, and the card data built from the table."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document

from conftest import sphinx_build
from docscheck.project import load_triage
from docscheck.records import TriageEntry
from termbase.search.glossary_terms import DATA_JS
from termbase.search.triage_answers import phrase_words, symptoms_in, table_symptoms, triage_data
from termbase.triage import wording

ROOTS = Path(__file__).resolve().parents[2] / "roots"
NBSP = "\u00a0"


def entries() -> list[TriageEntry]:
    found, _findings = load_triage(ROOTS / "test-triage-valid" / "triage")
    return found


def data() -> dict[str, Any]:
    return triage_data(entries(), "guide")


# -- words (pure) ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("J’ai de la fièvre", ["fievre"]),
        ("j'ai de la FIEVRE", ["fievre"]),
        ("Maux de tête", ["mal", "tete"]),
        ("je suis très fatigué depuis hier", ["fatigue", "depui", "hier"]),
        ("il ne respire plus", ["respire", "plus"]),
        ("il respire pas", ["respire", "plus"]),
        ("je ne garde rien", ["garde", "plus"]),
        ("38 °C", ["38"]),
        ("toux", ["toux"]),
    ],
)
def test_words_are_folded_without_elision_small_words_or_plural(text: str, words: list[str]) -> None:
    assert phrase_words(text) == words


# -- which symptoms a query names (pure) --------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "slugs"),
    [
        ("j’ai de la fièvre", ["fievre"]),
        ("fievres", ["fievre"]),
        ("diarrhée depuis hier", ["diarrhee"]),
        ("selles liquides ce matin", ["diarrhee"]),
        ("je suis perdu", ["confusion"]),
        ("fièvre et diarrhée", ["diarrhee", "fievre"]),  # same level: the table's order
        ("diarrhée et confusion", ["confusion", "diarrhee"]),  # the most urgent first
    ],
)
def test_a_query_naming_symptoms_finds_them_most_urgent_first(query: str, slugs: list[str]) -> None:
    assert symptoms_in(query, data()) == slugs


@pytest.mark.parametrize("query", ["prise de sang", "fièvre jaune vaccin", "depuis hier", "", "je suis"])
def test_a_query_with_other_words_or_only_context_names_no_symptom(query: str) -> None:
    assert symptoms_in(query, data()) == []


@pytest.mark.parametrize(
    ("query", "slugs"),
    [
        ("douleur poitrine", ["douleur-thoracique"]),  # « dans la » left out on both sides: the 15
        ("douleur thoracique", ["douleur-thoracique"]),
        ("grande fatigue", ["fatigue-intense-vertiges"]),  # how strong: context, never a lesser level
        ("forte fièvre", ["fievre"]),
        ("diarrhée très forte depuis hier", ["diarrhee"]),
        ("je crache du sang", ["saignement"]),  # not « je crache » (a cough) alone
        ("je tousse du sang", ["saignement"]),
    ],
)
def test_the_guide_s_table_answers_symptoms_in_patients_words(query: str, slugs: list[str]) -> None:
    """Queries patients write, on the guide's own table (``triage/``): each finds its card."""
    found, findings = load_triage(Path(__file__).resolve().parents[3] / "triage")
    assert findings == []
    assert symptoms_in(query, triage_data(found, "quand-appeler")) == slugs


@pytest.mark.parametrize("query", ["forte", "grande fatigue de vivre ensemble", "prise de sang forte"])
def test_a_word_of_strength_alone_or_beside_other_words_names_no_symptom(query: str) -> None:
    found, _findings = load_triage(Path(__file__).resolve().parents[3] / "triage")
    assert symptoms_in(query, triage_data(found, "quand-appeler")) == []


def test_a_distinctive_first_word_names_its_symptom_alone() -> None:
    found = data()
    assert found["distinctive"]["selle"] == "diarrhee"  # « selles liquides »: no other symptom says « selles »
    assert symptoms_in("des selles depuis hier", found) == ["diarrhee"]


def test_a_phrase_inside_a_longer_phrase_of_another_symptom_gives_way() -> None:
    table = {
        "ranks": ["journee", "immediat", "samu"],
        "symptoms": [
            {"slug": "grave", "level": "samu", "phrases": [["malaise", "grave"]]},
            {"slug": "malaise", "level": "immediat", "phrases": [["malaise"]]},
        ],
        "distinctive": {},
        "context": [],
    }
    assert symptoms_in("malaise grave", table) == ["grave"]
    assert symptoms_in("un malaise", table) == ["malaise"]


# -- the card data (pure) -----------------------------------------------------------------------------


def test_each_symptom_has_the_card_s_level_and_the_rows_that_call_the_15() -> None:
    symptoms = {symptom["slug"]: symptom for symptom in data()["symptoms"]}
    for entry in entries():
        assert symptoms[entry.slug]["level"] == wording.card_level(entry)
    # Fever: the 15 question is answered « non » on the card, 38 °C unanswered counts as « oui ».
    assert symptoms["fievre"]["level"] == "immediat"
    assert symptoms["fievre"]["severe"] == ["Fièvre, avec du mal à respirer ou une confusion"]
    assert symptoms["confusion"]["level"] == "samu" and symptoms["confusion"]["severe"] == []


def test_levels_messages_and_guide_come_from_the_triage_wording() -> None:
    found = data()
    assert found["guide"] == "guide"
    assert found["levels"]["samu"] == {"tag": wording.LEVEL_TAGS["samu"], "label": wording.level_label("samu")}
    assert found["ranks"] == ["journee", "immediat", "samu"]
    assert found["messages"]["questions"] == f"Que faire{NBSP}: voir les questions"
    assert found["messages"]["doubt"] == wording.WHEN_IN_DOUBT


def test_table_symptoms_are_read_from_the_rows_of_triage_tables() -> None:
    document = new_document("page", get_default_settings(Parser))
    table = nodes.table()
    for name in ("triage-key-fievre--q0", "triage-key-fievre--autres", "triage-key-car-t-fievre--autres", "other"):
        table += nodes.row(classes=[name])
    document += table
    assert table_symptoms(document) == ["fievre", "car-t-fievre"]


# -- on a built site ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built_data(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("triage-search-html")
    result = sphinx_build("html", ROOTS / "test-triage-valid", out, "-d", str(tmp_path_factory.mktemp("triage-search-doctrees")))
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr
    text = (out / "_static" / DATA_JS).read_text(encoding="utf-8")
    return json.loads(text[text.index("{") : text.rindex("}") + 1])


def test_built_search_data_knows_the_guide_page_and_the_pages_with_a_table(built_data: dict[str, Any]) -> None:
    triage = built_data["triage"]
    assert triage["guide"] == "guide"
    assert triage["tables"] == {"index": ["confusion", "diarrhee", "fievre"], "par-famille": ["fievre", "confusion"]}
    assert [symptom["slug"] for symptom in triage["symptoms"]] == [entry.slug for entry in entries()]


def test_built_search_data_can_correct_a_typo_to_a_symptom_s_word(built_data: dict[str, Any]) -> None:
    assert "frissons" in built_data["vocabulary"]
