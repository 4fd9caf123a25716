"""French collation (pyuca) where Sphinx's own ``:sorted:`` glossary order is wrong."""

from __future__ import annotations

import unicodedata

import pytest

from termbase.french.collation import french_sort_key, french_sorted, initial_letter, uca_key


def sphinx_sorted(words: list[str]) -> list[str]:
    """The order of Sphinx's ``glossary :sorted:`` (NFD of the lower-cased term, by code point)."""
    return sorted(words, key=lambda word: unicodedata.normalize("NFD", word.lower()))


def test_accented_e_sorts_with_e():
    words = ["essai", "éruption", "effet"]
    assert french_sorted(words) == ["effet", "éruption", "essai"]
    assert sphinx_sorted(words) != french_sorted(words)


def test_oe_ligature_sorts_as_o_e():
    words = ["oncologue", "œdème", "odeur"]
    assert french_sorted(words) == ["odeur", "œdème", "oncologue"]
    assert sphinx_sorted(words) == ["odeur", "oncologue", "œdème"]


def test_capital_with_accent_sorts_with_its_base_letter():
    words = ["ilot", "Île", "hôpital", "immunité"]
    assert french_sorted(words) == ["hôpital", "Île", "ilot", "immunité"]


def test_case_and_accents_only_break_ties():
    assert french_sorted(["Effet", "effet", "éffet"]) == ["effet", "Effet", "éffet"]


def test_composed_and_decomposed_spellings_sort_together():
    assert french_sort_key(unicodedata.normalize("NFD", "éruption")) == french_sort_key("éruption")


@pytest.mark.parametrize(
    ("word", "letter"),
    [("éruption", "E"), ("Île", "I"), ("œdème", "O"), ("Æthuse", "A"), ("« anti-PD-1 »", "A"), ("5-FU", "#"), ("", "#")],
)
def test_initial_letter_files_words_under_a_to_z(word, letter):
    assert initial_letter(word) == letter


def test_lazy_table_gives_the_same_keys_as_pyuca():
    import pyuca

    full = pyuca.Collator()
    words = ["Œuvre", "ÆON", "straße", "ﬁn", "Ĳssel", "e\u0301te\u0301", "ǅemal", "½ dose", "中文", "😀", "anti-PD-L1", "l’œdème", "CAR-T", "Île-de-France"]
    assert [uca_key(word) for word in words] == [full.sort_key(unicodedata.normalize("NFC", word)) for word in words]


def test_hyphens_are_ignored_at_the_first_level():
    words = ["anti-CTLA-4", "anticorps", "anti-PD-1", "antigène"]
    assert french_sorted(words) == ["anticorps", "anti-CTLA-4", "antigène", "anti-PD-1"]


def test_spaces_are_ignored_at_the_first_level():
    words = ["cancer du rein", "cancéreux", "cancer avancé"]
    assert french_sorted(words) == ["cancer avancé", "cancer du rein", "cancéreux"]


def test_apostrophes_and_non_breaking_spaces_are_ignored_too():
    assert french_sorted(["phase d’un essai", "phased", "phase\u00a0a"]) == ["phase\u00a0a", "phased", "phase d’un essai"]


def test_spellings_equal_but_for_hyphens_stay_together_in_a_stable_order():
    words = ["PD1", "PD-L1", "PD-1", "PD 1"]
    ordered = french_sorted(words)
    assert ordered[-1] == "PD-L1"
    assert sorted(ordered[:3]) == sorted(["PD1", "PD-1", "PD 1"])
    assert french_sorted(list(reversed(words))) == ordered


def test_accents_break_ties_before_hyphens():
    assert french_sorted(["ré-action", "reaction"]) == ["reaction", "ré-action"]
