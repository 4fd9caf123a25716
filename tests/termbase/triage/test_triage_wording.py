"""The French wording built from the triage table (pure functions: no build)."""

from __future__ import annotations

from pathlib import Path

from docscheck.project import load_triage
from termbase.triage import wording

ROOTS = Path(__file__).resolve().parents[2] / "roots"
NBSP, NNBSP = "\u00a0", "\u202f"


def entries() -> dict[str, object]:
    found, _findings = load_triage(ROOTS / "test-triage-valid" / "triage")
    return {entry.slug: entry for entry in found}


def test_rows_are_most_urgent_first_with_family_rows_before_the_other_cases():
    fever = entries()["fievre"]
    assert [(row.key, row.level) for row in wording.rows(fever)] == [
        ("q0", "samu"), ("q1", "immediat"), ("f-chimiotherapie", "immediat"), ("f-car-t", "immediat"), ("autres", "journee"),
    ]  # fmt: skip


def test_a_family_table_raises_the_other_cases_with_the_family_sources():
    fever = entries()["fievre"]
    other = wording.rows(fever, "car-t")[-1]
    assert (other.key, other.level, other.sources) == ("autres", "immediat", ("lee2019",))


def test_action_line_of_one_symptom_gives_its_two_most_urgent_levels():
    line = wording.action_line([entries()["fievre"]])
    assert line == (
        f"Fièvre, avec du mal à respirer ou une confusion{NBSP}: appelez le 15 (ou le 112){NNBSP}; "
        f"38 °C ou plus{NBSP}: appelez votre équipe tout de suite, de jour comme de nuit."
    )


def test_action_line_of_several_symptoms_keeps_the_most_urgent_and_points_to_the_page():
    found = entries()
    line = wording.action_line([found["diarrhee"], found["confusion"]])
    assert line == f"Confusion{NBSP}: appelez le 15 (ou le 112). Pour les autres signes, voyez «{NBSP}Quand appeler{NNBSP}?{NBSP}»."


def test_a_symptom_with_one_level_gives_one_clause():
    assert wording.action_line([entries()["confusion"]]) == f"Confusion{NBSP}: appelez le 15 (ou le 112)."
