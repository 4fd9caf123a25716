"""termbase.search.glossary_terms: the glossary data the search page uses, and the synonyms file."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from docscheck.records import GlossaryEntry
from termbase.search.folding import SearchFrenchFolded
from termbase.search.glossary_terms import DATA_JS, SEARCH_JS, PageFacts, SynonymsError, main_page, name_key, read_synonyms

search_site = pytest.mark.sphinx("html", testroot="termbase-search")


def entry(term: str, *, aliases: tuple[str, ...] = (), forms: tuple[str, ...] = ()) -> GlossaryEntry:
    return GlossaryEntry(slug=term.lower(), path=f"{term}.md", term=term, body="", body_line=1, sources=("x",), aliases=aliases, forms=forms)


def stem(word: str) -> str:
    return SearchFrenchFolded({}).stem(word).lower()


# -- synonyms file (pure) ----------------------------------------------------------------------------


def test_synonyms_file_gives_words_target_and_line(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("# comment\nKeytruda: pembrolizumab\n\ncancer de la peau: mélanome\n", encoding="utf-8")
    assert [(s.words, s.target, s.line) for s in read_synonyms(path)] == [("Keytruda", "pembrolizumab", 2), ("cancer de la peau", "mélanome", 4)]


def test_empty_synonyms_file_is_no_synonym(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    assert read_synonyms(path) == []


@pytest.mark.parametrize(("text", "line", "message"), [("- a\n- b\n", 1, "expected lines"), ("a: b\nc: [d, e]\n", 2, "both plain text"), ("a: b\nc: : d\n", 2, "not valid YAML")])
def test_bad_synonyms_file_says_where_and_what(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SynonymsError) as caught:
        read_synonyms(path)
    assert (caught.value.path, caught.value.line) == (str(path), line)
    assert message in caught.value.message


# -- main page (pure) --------------------------------------------------------------------------------


def test_main_page_is_the_page_whose_title_names_the_term_in_any_form() -> None:
    pages = {"a": PageFacts(title="Les effets indésirables"), "b": PageFacts(title="Autre chose", stems={stem("effet"): 9, stem("indésirable"): 9})}
    found = main_page(entry("effet indésirable", forms=("effets indésirables",)), pages, {"a": 1, "b": 1}, stem)
    assert found == "a"


def test_main_page_among_several_titles_is_where_the_term_is_most_used() -> None:
    pages = {"court": PageFacts(title="PD-1"), "long": PageFacts(title="Histoire de PD-1", stems={stem("PD1"): 5})}
    assert main_page(entry("PD-1"), pages, {}, stem) == "long"


def test_main_page_falls_back_to_a_section_title_then_to_frequent_use() -> None:
    by_section = {"a": PageFacts(title="A", section_titles=["Le rôle de PD-1"]), "b": PageFacts(title="B", stems={stem("PD1"): 8})}
    assert main_page(entry("PD-1"), by_section, {"b": 1}, stem) == "a"
    by_use = {"a": PageFacts(title="A", stems={stem("PD1"): 2}), "b": PageFacts(title="B", stems={stem("PD1"): 3})}
    assert main_page(entry("PD-1"), by_use, {"a": 1, "b": 1}, stem) == "b"


def test_no_main_page_for_a_term_only_mentioned_in_passing() -> None:
    pages = {"a": PageFacts(title="A", stems={stem("PD1"): 2})}
    assert main_page(entry("PD-1"), pages, {"a": 1}, stem) is None


# -- on a built site ----------------------------------------------------------------------------------


def search_data(app: Any) -> dict[str, Any]:
    app.build()
    text = (Path(app.outdir) / "_static" / DATA_JS).read_text(encoding="utf-8")
    return json.loads(text[text.index("{") : text.rindex("}") + 1])


@search_site
def test_data_maps_every_name_english_name_and_synonym_to_its_entry(app: Any) -> None:
    data = search_data(app)
    terms = [row[0] for row in data["entries"]]
    named = {key: terms[index] for key, index in data["names"].items()}
    assert named[name_key("PD1")] == named[name_key("récepteur PD-1")] == named[name_key("programmed cell death protein 1")] == "PD-1"
    assert named[name_key("effets secondaires")] == named[name_key("side effect")] == "effet indésirable"
    assert named[name_key("Opdivo")] == "nivolumab"
    assert named[name_key("effets adverses")] == "effet indésirable"


@search_site
def test_data_gives_each_entry_its_main_page_pages_and_short_definition(app: Any) -> None:
    rows = {row[0]: row for row in search_data(app)["entries"]}
    assert rows["effet indésirable"][1:4] == ["term-effet-indesirable", "effets", {"divers": 1, "effets": 1}]
    assert rows["PD-1"][2] == "freins"  # no title names PD-1; the page using it most
    assert rows["PD-1"][4] == "Frein situé à la surface des lymphocytes T."
    assert rows["nivolumab"][2] == ""


@search_site
def test_data_keeps_frequent_stems_of_content_pages_only(app: Any) -> None:
    data = search_data(app)
    assert data["stems"]["freins"][stem("lymphocytes")] == 4
    assert "glossaire" not in data["stems"]
    assert "valastyan2011" not in data["stems"]["freins"], "citation keys are not words of the page"


@search_site
def test_only_the_search_page_loads_the_search_scripts(app: Any) -> None:
    app.build()
    assert SEARCH_JS in (Path(app.outdir) / "search.html").read_text(encoding="utf-8")
    assert DATA_JS in (Path(app.outdir) / "search.html").read_text(encoding="utf-8")
    assert SEARCH_JS not in (Path(app.outdir) / "freins.html").read_text(encoding="utf-8")


@pytest.mark.sphinx("html", testroot="termbase-search", confoverrides={"termbase_search_synonyms": "glossary/synonymes-fautifs.yaml"})
def test_bad_synonyms_are_warnings_with_file_and_line(app: Any, warning: Any) -> None:
    app.build()
    text = re.sub(r"\x1b\[[0-9;]*m", "", warning.getvalue())
    assert "synonymes-fautifs.yaml:2: WARNING: « Keytruda pas là » is not a term, alias or form of the glossary" in text
    assert "synonymes-fautifs.yaml:3: WARNING: « effets secondaires » is already a name of the glossary entry « effet indésirable »" in text
    names = search_data(app)["names"]
    assert name_key("médicament") in names, "the good lines are kept"
