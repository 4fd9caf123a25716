"""The figures a French reader writes, and the numbers that are not claims (PAGE003, PAGE006)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docscheck.rules.figure_numbers import figures, value_of


def found(text: str, **kwargs) -> list[tuple[str, tuple[str, ...], str]]:
    return [(n.text, tuple(str(v) for v in n.values), n.kind) for n in figures(text, **kwargs)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("une réponse chez 64,8 % des patientes", [("64,8 %", ("64.8",), "value")]),
        ("1\u202f174 patients", [("1\u202f174 patients", ("1174",), "value")]),
        ("1 174 patients", [("1 174 patients", ("1174",), "value")]),
        ("une survie de 22 mois", [("22 mois", ("22",), "value")]),
        ("après 2 à 6 semaines", [("2 à 6 semaines", ("2", "6"), "range")]),
        ("chez 10–15 % des patients", [("10–15 %", ("10", "15"), "range")]),
        ("découverte en 1992", [("1992", ("1992",), "value")]),
        ("3 patients sur 10", [("3 patients sur 10", ("3", "10"), "ratio")]),
        ("le 27 décembre 2024", [("27", ("27",), "value"), ("2024", ("2024",), "value")]),
    ],
)
def test_a_figure_is_read_as_a_french_reader_writes_it(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "appelez le 15",
        "appelez le 15 ou le 112",
        "le SAMU (15/112)",
        "PD-1, CTLA-4, IL-2, KEYNOTE-522, CD19, NCT01234567, v6.0, 1b/2, 1er, 2e ligne",
        "l’essai CheckMate 067",
        "un essai de phase 3",
        "un effet de grade 3",
        "des effets de grades 3 à 4, de grades 3 et 4, de grade ≥ 3",
        "au stade 4, un diabète de type 1, la version 6.0, en ligne 2, au niveau 2, à l’étape 3",
        "1. Prélever",
        "Quatre étapes. 1 : une tumeur grossit. 2 : des cellules partent.",
        "relu le 2026-11-01, à revoir le 01/11/2027",
        "voir https://www.e-cancer.fr/2024/page-3 ou écrire à contact2@cancer.fr",
        "24 heures sur 24 et 7 jours sur 7",
        "appelez le 0 805 123 124 ou le 01 44 23 04 04",
        "l’article D. 322-1 du Code de la sécurité sociale",
        "l’article 322-1",
    ],
)
def test_numbers_that_are_not_claims_are_left_out(text):
    assert found(text) == []


def test_a_date_that_is_not_an_emergency_number_is_a_figure():
    assert found("le 15 mars 2024") == [("15", ("15",), "value"), ("2024", ("2024",), "value")]


def test_an_emergency_number_with_a_unit_is_a_figure():
    assert found("le 15 % des patients") == [("15 %", ("15",), "value")]


def test_a_year_followed_by_sur_is_not_a_ratio():
    assert [n[0] for n in found("publiée en 2019 sur 500 patients")] == ["2019", "500 patients"]


def test_the_figures_file_reads_english_thousands():
    assert found("1,174", thousands_comma=True) == [("1,174", ("1174",), "value")]
    assert found("64.8%", thousands_comma=True) == [("64.8%", ("64.8",), "value")]
    assert found("1,174") == [("1,174", ("1.174",), "value")]  # on a French page, a decimal comma


def test_values_compare_as_numbers():
    assert value_of("64,80") == value_of("64.8") == Decimal("64.8")
    assert value_of("1\u00a0174") == 1174


def test_spans_point_at_the_text():
    text = "Chez 945 patients, 55,0 % ont eu un effet."
    assert [text[n.start : n.end] for n in figures(text)] == ["945 patients", "55,0 %"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.%–-/à sur\u202f\u00a0abcPDXé:()«»\n")), max_size=80) | st.text(max_size=80))
def test_arbitrary_text_never_crashes_the_extractor(text):
    for number in figures(text):
        assert 0 <= number.start < number.end <= len(text)
        assert number.values
    figures(text, thousands_comma=True)
