"""Plain text of MyST definitions, for exports and the ``short`` fallback."""

from __future__ import annotations

from docscheck.records import GlossaryEntry

from termbase.glossary import short_definition
from termbase.plain_text import first_sentence, markdown_to_plain


def entry(body: str, short: str | None = None) -> GlossaryEntry:
    return GlossaryEntry(slug="x", path="x.md", term="x", body=body, body_line=5, sources=("k",), short=short)


def test_markup_is_dropped_and_role_titles_kept():
    text = "Les {term}`lymphocytes T <lymphocyte T>` **détruisent** les [cellules](page.md) `PD-1`."
    assert markdown_to_plain(text) == "Les lymphocytes T détruisent les cellules PD-1."


def test_citations_vanish_without_leaving_a_space_before_the_period():
    assert markdown_to_plain("Un effet fréquent {cite:p}`doe2020`.") == "Un effet fréquent."


def test_paragraphs_are_separated_by_a_blank_line():
    assert markdown_to_plain("Un.\n\nDeux.\n") == "Un.\n\nDeux."


def test_first_sentence_stops_before_a_capital():
    assert first_sentence("Un médicament (p. ex. un anticorps). Il agit vite.") == "Un médicament (p. ex. un anticorps)."


def test_first_sentence_of_unpunctuated_text_is_the_first_paragraph():
    assert first_sentence("Sans point final\n\nSuite.") == "Sans point final"


def test_short_field_wins_over_the_body():
    assert short_definition(entry("Longue définition. Deuxième phrase.", short="Courte.")) == "Courte."


def test_short_definition_is_the_first_sentence_of_the_body():
    assert short_definition(entry("Une {term}`cellule` qui tue. Deuxième phrase.")) == "Une cellule qui tue."
