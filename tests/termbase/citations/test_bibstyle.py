"""The French bibliography styles (termbase.citations.bibstyle), function by function.

Entries are parsed from BibTeX text with pybtex and formatted with the registered styles; the
output is rendered as plain text, or through pybtex-docutils for the HTML-only ``lang`` mark.
"""

from __future__ import annotations

import pybtex.database
import pybtex.plugin
import pytest
from docutils import nodes

from termbase.citations import bibstyle
from termbase.citations.bibstyle import (
    citation_name,
    entry_language,
    is_acronym,
    letter_for,
    mark_year_suffixes,
    protect_acronyms,
    year_suffixes,
)

BIB = r"""
@article{robert2015nivo,
  author = {Robert, Caroline and Long, Georgina V. and Brady, Benjamin},
  title = {Nivolumab in Previously Untreated Melanoma without {BRAF} Mutation},
  journal = {New England Journal of Medicine}, year = {2015}, volume = {372}, number = {4}, pages = {320--330},
  evidence = {essai-phase-3}, participants = {418}
}
@article{robert2015pembro,
  author = {Robert, Caroline and Schachter, Jacob and Long, Georgina V.},
  title = {Pembrolizumab versus Ipilimumab in Advanced Melanoma},
  journal = {New England Journal of Medicine}, year = {2015}, volume = {372}, pages = {2521--2532}
}
@article{robert2018,
  author = {Robert, Caroline and Ribas, Antoni and Hamid, Omid},
  title = {Durable complete response}, journal = {Journal of Clinical Oncology}, year = {2018}
}
@article{everson1964,
  author = {Everson, T. C. and Cole, W. H.}, title = {Spontaneous regression}, journal = {Annals}, year = {2015}
}
@article{dunn2004,
  author = {Dunn, Gavin P. and Old, Lloyd J.}, title = {The three {E}s of cancer immunoediting},
  journal = {Annual Review of Immunology}, year = {2004}
}
@misc{saxena2021,
  title = {Therapeutic cancer vaccines}, howpublished = {Nature Reviews Cancer, issue 6, pages 360--378},
  journal = {Nature Reviews Cancer}, year = {2021}, number = {6}, pages = {360--378}, evidence = {revue}
}
@misc{nobel2018,
  author = {{Nobel Assembly at Karolinska Institutet}}, title = {The Nobel Prize in Physiology or Medicine 2018},
  year = {2018}, month = oct, howpublished = {Press release, 1 October 2018}, langid = {english}
}
@article{inca2020,
  author = {{Institut national du cancer}}, title = {Les immunothérapies}, journal = {Bulletin du cancer},
  year = {2020}, langid = {french}
}
@misc{ameli,
  author = {{Assurance Maladie}}, title = {Les affections de longue durée ({ALD})}, year = {2017}, month = may
}
"""


@pytest.fixture(scope="module")
def bib() -> pybtex.database.BibliographyData:
    bibstyle.register()
    return pybtex.database.parse_string(BIB, "bibtex")


def many_authors(count: int) -> pybtex.database.Entry:
    names = " and ".join(f"Author{index}, A." for index in range(count))
    return pybtex.database.parse_string(f"@article{{big, author = {{{names}}}, title = {{T}}, journal = {{J}}, year = {{2020}}}}", "bibtex").entries["big"]


def formatted(entry: pybtex.database.Entry, style_name: str = "plain_fr", backend: str = "plaintext") -> object:
    style = pybtex.plugin.find_plugin("pybtex.style.formatting", style_name)()
    return style.format_entry("1", entry).text.render(pybtex.plugin.find_plugin("pybtex.backends", backend)())


# -- Year letters --------------------------------------------------------------------------------


def test_two_sources_cited_alike_get_letters_in_list_order(bib: pybtex.database.BibliographyData) -> None:
    entries = [bib.entries[key] for key in ("robert2015nivo", "robert2018", "robert2015pembro", "everson1964")]
    assert year_suffixes(entries) == {"robert2015nivo": "a", "robert2015pembro": "b"}
    # The order given is the list's: swap them and the letters follow.
    assert year_suffixes(entries[::-1])["robert2015pembro"] == "a"


def test_the_list_order_decides_the_letters_of_the_guide(bib: pybtex.database.BibliographyData) -> None:
    style = pybtex.plugin.find_plugin("pybtex.style.formatting", "plain_fr")()
    ordered = list(style.sort(bib.entries.values()))
    keys = [entry.key for entry in ordered]
    assert keys.index("robert2015nivo") < keys.index("robert2015pembro")  # « Long » sorts before « Schachter »
    list(style.format_labels(ordered))
    assert formatted(bib.entries["robert2015nivo"]).count("2015a") == 1
    assert "2015b" in formatted(bib.entries["robert2015pembro"], "plain_fr_compact")


def test_letters_never_run_out() -> None:
    assert [letter_for(i) for i in (0, 1, 25, 26, 27)] == ["a", "b", "z", "aa", "ab"]


def test_unique_citations_lose_a_stale_letter(bib: pybtex.database.BibliographyData) -> None:
    entry = bib.entries["robert2018"]
    setattr(entry, bibstyle.SUFFIX_ATTRIBUTE, "c")
    mark_year_suffixes([entry, bib.entries["dunn2004"]])
    assert bibstyle.year_suffix(entry) == ""


def test_citation_name_is_what_the_citation_prints(bib: pybtex.database.BibliographyData) -> None:
    assert citation_name(bib.entries["robert2018"]) == "Robert et al."
    assert citation_name(bib.entries["everson1964"]) == "Everson et Cole"
    assert citation_name(bib.entries["saxena2021"]) == "Nature Reviews Cancer"


# -- Printing ------------------------------------------------------------------------------------


def test_long_author_lists_stop_after_ten_names() -> None:
    text = formatted(many_authors(28))
    assert "Author9" in text and "Author10," not in text and "et al." in text
    assert "et al." not in formatted(many_authors(11)), "one name more is printed rather than « et al. »"
    assert formatted(many_authors(28), "plain_fr_compact").startswith("A. Author0, A. Author1, A. Author2 et al.")


def test_case_braces_are_kept_and_acronyms_too(bib: pybtex.database.BibliographyData) -> None:
    assert "The three Es of cancer immunoediting" in formatted(bib.entries["dunn2004"])
    assert "without BRAF mutation" in formatted(bib.entries["robert2015nivo"])
    assert protect_acronyms("PD-L1 and CAR-T in {mRNA} Long-Term") == "{PD-L1} and {CAR-T} in {mRNA} Long-Term"
    assert is_acronym("CTLA-4") and is_acronym("TILs") and not is_acronym("Wild-Type") and not is_acronym("Es")


def test_an_authorless_article_prints_as_an_article_in_french(bib: pybtex.database.BibliographyData) -> None:
    text = formatted(bib.entries["saxena2021"])
    assert text.startswith("Therapeutic cancer vaccines. Nature Reviews Cancer, n°\u00a06, p.\u00a0360–378, 2021.")
    assert "issue" not in text and "pages" not in text


def test_a_date_written_in_howpublished_is_not_printed_twice(bib: pybtex.database.BibliographyData) -> None:
    text = formatted(bib.entries["nobel2018"])
    assert "Press release, 1 October 2018." in text and "octobre" not in text
    assert "The Nobel Prize in Physiology or Medicine 2018" in text, "a press release keeps its title as written"


def test_french_month_starts_its_sentence(bib: pybtex.database.BibliographyData) -> None:
    assert "Les affections de longue durée (ALD). Mai 2017." in formatted(bib.entries["ameli"])


def test_evidence_ends_the_reference_except_in_tooltips_and_handouts(bib: pybtex.database.BibliographyData) -> None:
    entry = bib.entries["robert2015nivo"]
    assert formatted(entry).endswith("Type de source\u00a0: essai randomisé de phase 3, 418 patients.")
    assert "Type de source" not in formatted(entry, "plain_fr_reference")
    assert "Type de source" not in formatted(entry, "plain_fr_compact")
    assert "Type de source" not in formatted(bib.entries["dunn2004"]), "no evidence field, no sentence"


# -- Language ------------------------------------------------------------------------------------


def test_language_comes_from_langid_else_the_kind_of_entry(bib: pybtex.database.BibliographyData) -> None:
    assert entry_language(bib.entries["dunn2004"]) == "en"  # a journal article
    assert entry_language(bib.entries["inca2020"]) == "fr"  # langid = french
    assert entry_language(bib.entries["nobel2018"]) == "en"  # langid = english
    assert entry_language(bib.entries["ameli"]) is None  # a web page: the page's French


def test_english_titles_and_journals_are_marked_for_html_only(bib: pybtex.database.BibliographyData) -> None:
    rendered = formatted(bib.entries["dunn2004"], backend="docutils")
    spans = [node for part in rendered for node in part.findall(nodes.inline) if "language-en" in node["classes"]]
    assert [span.astext() for span in spans] == ["The three Es of cancer immunoediting", "Annual Review of Immunology"]
    assert "language" not in formatted(bib.entries["dunn2004"], backend="latex")
    french = formatted(bib.entries["inca2020"], backend="docutils")
    assert not [node for part in french for node in part.findall(nodes.inline) if node["classes"]]


# -- In a Sphinx build ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def citations_html(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The fixture page built by a strict sphinx-build (no warning allowed)."""
    from conftest import PROJECT_ROOT, sphinx_build

    out = tmp_path_factory.mktemp("bibstyle-html")
    result = sphinx_build("html", PROJECT_ROOT / "tests" / "roots" / "test-termbase-bibstyle", out, "-d", str(out / ".doctrees"))
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr
    return (out / "index.html").read_text(encoding="utf-8")


def link_texts(html: str) -> list[str]:
    import re

    return [re.sub(r"<[^>]+>", "", text) for text in re.findall(r'<a class="reference internal" href="#id\d+"[^>]*>(.*?)</a>', html)]


def test_citations_carry_the_letters_the_list_gives(citations_html: str) -> None:
    texts = link_texts(citations_html)
    assert "Robert et al., 2015a" in texts and "Robert et al., 2015b" in texts
    # The list sorts « Long » before « Schachter »: nivolumab is 2015a.
    nivolumab = citations_html.index("Nivolumab in previously untreated melanoma")
    assert "2015a" in citations_html[nivolumab : nivolumab + 400]


def test_no_citation_link_reads_only_a_year(citations_html: str) -> None:
    texts = link_texts(citations_html)
    assert "Pardoll [2012]" in texts
    assert [text for text in texts if text.strip("[] ").isdigit()] == []


def test_an_authorless_article_is_cited_by_its_journal(citations_html: str) -> None:
    assert "Nature Reviews Cancer, 2021" in link_texts(citations_html)
    assert "Therapeutic cancer vaccines, 2021" not in citations_html
