"""termbase.french: French spacing, apostrophes after roles and accent-insensitive search."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from termbase.french.apostrophes import educate_elision
from termbase.search.folding import SearchFrenchFolded, fold
from termbase.french.typography import french_spacing

NNBSP = "\u202f"
NBSP = "\u00a0"

# -- french_spacing (pure) -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pourquoi ?", f"Pourquoi{NNBSP}?"),
        ("Pourquoi?", f"Pourquoi{NNBSP}?"),
        ("oui ; non", f"oui{NNBSP}; non"),
        ("Attention !", f"Attention{NNBSP}!"),
        ("Quoi?!", f"Quoi{NNBSP}?!"),
    ],
)
def test_narrow_no_break_space_goes_before_semicolon_exclamation_and_question_marks(text: str, expected: str) -> None:
    assert french_spacing(text) == expected


@pytest.mark.parametrize(("text", "expected"), [("Attention : oui", f"Attention{NBSP}: oui"), ("Attention: oui", f"Attention{NBSP}: oui"), ("suite :", f"suite{NBSP}:")])
def test_no_break_space_goes_before_a_colon(text: str, expected: str) -> None:
    assert french_spacing(text) == expected


@pytest.mark.parametrize("text", ["à 10:30", "un ratio 1:2", "std::vector", "voir https://example.org/a?b=1;c=2", "écrire à nom@example.org!"])
def test_times_ratios_and_urls_keep_their_punctuation(text: str) -> None:
    assert french_spacing(text) == text


@pytest.mark.parametrize(("text", "expected"), [("« bonjour »", f"«{NBSP}bonjour{NBSP}»"), ("«bonjour»", f"«{NBSP}bonjour{NBSP}»")])
def test_no_break_space_goes_inside_guillemets(text: str, expected: str) -> None:
    assert french_spacing(text) == expected


@pytest.mark.parametrize(
    ("text", "before", "after", "expected"),
    [
        ("Voici « ", "", "i", f"Voici «{NBSP}"),
        (" » dans", "e", "", f"{NBSP}» dans"),
        ("«", "", "i", f"«{NBSP}"),
        ("»", "e", "", f"{NBSP}»"),
        ("? Oui", "e", "", f"{NNBSP}? Oui"),
        (": suite", "e", "", f"{NBSP}: suite"),
    ],
)
def test_text_split_around_an_inline_node_gets_its_spaces(text: str, before: str, after: str, expected: str) -> None:
    assert french_spacing(text, before=before, after=after) == expected


@pytest.mark.parametrize("text", ["Pourquoi ? « Oui » : non ; si !", "Pourquoi?«oui»", "a : b", "10:30 !"])
def test_french_spacing_is_idempotent(text: str) -> None:
    once = french_spacing(text)
    assert french_spacing(once) == once


def test_existing_no_break_spaces_are_normalised_not_doubled() -> None:
    assert french_spacing(f"Pourquoi{NBSP}? «{NNBSP}oui »") == f"Pourquoi{NNBSP}? «{NBSP}oui{NBSP}»"


# -- apostrophes and folding (pure) ----------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [("Voici l'", "Voici l’"), ("jusqu'", "jusqu’"), ("l’", "l’"), ("dit '", "dit '"), ("n°'", "n°'")])
def test_elision_before_a_role_becomes_an_apostrophe(text: str, expected: str) -> None:
    assert educate_elision(text) == expected


@pytest.mark.parametrize(
    ("word", "folded"),
    [("Micrométastase", "micrometastase"), ("immunothérapie", "immunotherapie"), ("ŒDÈME", "oedeme"), ("cœur", "coeur"), ("naïf", "naif"), ("ça", "ca")],
)
def test_fold_lowercases_and_drops_accents(word: str, folded: str) -> None:
    assert fold(word) == folded


@pytest.mark.parametrize(
    ("accented", "plain"),
    [("micrométastase", "micrometastase"), ("micrométastases", "micrometastase"), ("immunothérapie", "immunotherapie"), ("Lymphocyte", "lymphocyte"), ("œdème", "oedeme")],
)
def test_search_stems_are_the_same_with_or_without_accents(accented: str, plain: str) -> None:
    language = SearchFrenchFolded({})
    assert language.stem(accented) == language.stem(plain)


def test_french_stop_words_are_kept_with_their_unaccented_spelling() -> None:
    stopwords = SearchFrenchFolded({}).stopwords
    assert {"le", "la", "des", "été", "ete", "ou", "t"} <= stopwords


# -- Sphinx builds ---------------------------------------------------------------------------------


french_html = pytest.mark.sphinx("html", testroot="termbase-french")


@pytest.fixture
def typographie(app: Any) -> str:
    """The built ``typographie`` page's <section>: what the author wrote, without the theme."""
    app.build()
    page = (Path(app.outdir) / "typographie.html").read_text(encoding="utf-8")
    return page[page.index("<section") : page.rindex("</section>")]


@french_html
def test_html_has_narrow_no_break_space_before_question_marks(typographie: str) -> None:
    assert f"Pourquoi{NNBSP}? Pourquoi{NNBSP}? Attention{NBSP}: oui{NNBSP}; non{NNBSP}!" in typographie


@french_html
def test_html_has_no_break_spaces_inside_guillemets(typographie: str) -> None:
    assert f"«{NBSP}bonjour{NBSP}» puis «{NBSP}au revoir{NBSP}»" in typographie


@french_html
def test_guillemets_around_a_term_link_get_no_break_spaces(typographie: str) -> None:
    assert re.search(f"Voici «{NBSP}<a [^>]*>.*?immunothérapie.*?</a>{NBSP}» dans", typographie)


@french_html
def test_times_ratios_and_urls_are_unchanged_in_html(typographie: str) -> None:
    assert "à 10:30, ratio 1:2, adresse https://example.org/page?x=1." in typographie


@french_html
def test_code_is_never_respaced(typographie: str) -> None:
    assert '<span class="pre">Pourquoi?</span> <span class="pre">a:</span>' in typographie
    assert "Pourquoi? « code »\n" in typographie


@french_html
def test_straight_apostrophe_before_a_role_renders_as_apostrophe(typographie: str) -> None:
    assert re.search(r"Le rôle de l’<a [^>]*href=\"#term-immunotherapie\"", typographie)
    assert re.search(r", d’<a [^>]*href=\"#term-immunotherapie\"", typographie)
    assert "l”" not in typographie and "l‘" not in typographie and "d”" not in typographie


@french_html
def test_typographic_apostrophe_before_a_role_is_kept(typographie: str) -> None:
    assert re.search(r" et l’<a [^>]*href=\"#term-immunotherapie\"", typographie)


@pytest.mark.sphinx("latex", testroot="termbase-french")
def test_latex_output_leaves_french_spacing_to_babel(app: Any) -> None:
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert "Pourquoi? Pourquoi ? Attention: oui ; non !" in tex
    assert NNBSP not in tex
    assert "Le rôle de l’{\\hyperref" in tex


def search_index(app: Any) -> dict[str, Any]:
    app.build()
    text = (Path(app.outdir) / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


@french_html
def test_search_index_holds_folded_stems(app: Any) -> None:
    terms = search_index(app)["terms"]
    for word in ("micrométastase", "immunothérapie", "lymphocyte", "cytotoxique", "œdème"):
        assert fold(SearchFrenchFolded({}).stem(word)) in terms, word
    assert not [term for term in terms if term != fold(term)], "no accented key left in the index"


@french_html
def test_unaccented_query_stems_find_the_accented_page(app: Any) -> None:
    index = search_index(app)
    page = index["docnames"].index("micrometastases")
    language = SearchFrenchFolded({})
    for query in ("micrometastase", "immunotherapie", "lymphocyte", "cytotoxique", "oedeme"):
        files = index["terms"][language.stem(query)]
        assert page in (files if isinstance(files, list) else [files]), query


@french_html
def test_language_data_embeds_the_folding_stemmer_and_no_remote_url(app: Any) -> None:
    app.build()
    language_data = (Path(app.outdir) / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "termbaseFoldFrench" in language_data
    assert "FrenchStemmer" in language_data
    assert not re.search(r"https?://", language_data.split("*/", 1)[-1].replace("https://snowballstem.org", ""))
