"""Pure rules on hand-made records: PAGE005, CITE006, bibliography filters, editorial opt-in."""

from __future__ import annotations

import datetime as dt

import pytest

from docscheck.records import (
    EVIDENCE_TYPES,
    BibEntry,
    BibliographyBlock,
    Citation,
    Corpus,
    DefinedTerm,
    Page,
    Prose,
    RuleSettings,
    TermRef,
)
from docscheck.rules.bibliography_filter import listed_entries
from docscheck.rules.citations import missing_evidence, uncited_entries, unknown_citations
from docscheck.rules.pages import pages_without_citations, readability, stale_evidence
from docscheck.rules.terms import duplicate_terms, unlinked_first_mentions, unreferenced_entries

TODAY = dt.date(2026, 12, 2)
PROSE = (Prose(5, ((5, "Un texte de la page.", 1, "text"),), cited=True),)


def page(path: str = "docs/p.md", keys: tuple[str, ...] = (), meta: dict | None = None, **kwargs) -> Page:
    citations = tuple(Citation(path, 5, key) for key in keys)
    return Page(path, meta or {}, {}, bool(meta), kwargs.pop("term_refs", ()), citations, kwargs.pop("defined_terms", ()), kwargs.pop("prose", PROSE), **kwargs)


def bib(key: str, year: str | None = None, **fields: str) -> BibEntry:
    values = {"title": "T", **({"year": year} if year else {}), **fields}
    return BibEntry(key, "misc", "refs.bib", 1, values, field_lines={name: 2 for name in values})


def settings(**kwargs) -> RuleSettings:
    return RuleSettings(today=TODAY, **kwargs)


# -- PAGE005 -------------------------------------------------------------------------------------


def test_page005_names_the_newest_source_and_its_year():
    corpus = Corpus(pages=(page(keys=("old2001", "newer2019")),), bib=(bib("old2001", "2001"), bib("newer2019", "2019")), settings=settings(review=True))
    (finding,) = stale_evidence(corpus)
    assert (finding.code, finding.path, str(finding.severity)) == ("PAGE005", "docs/p.md", "warning")
    assert "'newer2019' (2019)" in finding.message and "6 years" in finding.message


def test_page005_accepts_a_source_exactly_evidence_max_age_years_old():
    corpus = Corpus(pages=(page(keys=("k",)),), bib=(bib("k", "2020"),), settings=settings(review=True))
    assert list(stale_evidence(corpus)) == []


@pytest.mark.parametrize("max_age, expected", [(0, 0), (10, 0), (3, 1)])
def test_page005_follows_evidence_max_age_and_0_turns_it_off(max_age, expected):
    corpus = Corpus(pages=(page(keys=("k",)),), bib=(bib("k", "2020"),), settings=settings(review=True, evidence_max_age=max_age))
    assert len(list(stale_evidence(corpus))) == expected


def test_page005_needs_review_true():
    corpus = Corpus(pages=(page(keys=("k",)),), bib=(bib("k", "1990"),), settings=settings(review=False))
    assert list(stale_evidence(corpus)) == []


@pytest.mark.parametrize("value", [True, "true", "yes"])
def test_page005_skips_history_pages_marked_historical(value):
    corpus = Corpus(pages=(page(keys=("k",), meta={"historical": value}),), bib=(bib("k", "1990"),), settings=settings(review=True))
    assert list(stale_evidence(corpus)) == []


def test_page005_reads_biblatex_dates_and_skips_pages_that_are_not_content():
    content = page(keys=("k",))
    root = page("docs/index.md", keys=("k",), is_root=True)
    corpus = Corpus(pages=(content, root), bib=(bib("k", date="1999-05-01"),), settings=settings(review=True))
    assert [f.path for f in stale_evidence(corpus)] == ["docs/p.md"]


# -- CITE006 -------------------------------------------------------------------------------------


def test_cite006_reports_an_entry_without_evidence_only_when_enabled():
    entries = (bib("k", "2020"),)
    assert list(missing_evidence(Corpus(bib=entries, settings=settings()))) == []
    (finding,) = missing_evidence(Corpus(bib=entries, settings=settings(evidence=True)))
    assert (finding.code, str(finding.severity), finding.line) == ("CITE006", "warning", 1)
    assert "essai-phase-3" in finding.message


def test_cite006_reports_an_unknown_code_at_its_field_and_lists_the_valid_ones():
    (finding,) = missing_evidence(Corpus(bib=(bib("k", "2020", evidence="essai-phase-4"),), settings=settings(evidence=True)))
    assert finding.line == 2 and "'essai-phase-4'" in finding.message
    assert all(code in finding.message for code in EVIDENCE_TYPES)


def test_cite006_accepts_every_documented_code():
    entries = tuple(bib(f"k{i}", "2020", evidence=code) for i, code in enumerate(EVIDENCE_TYPES))
    assert list(missing_evidence(Corpus(bib=entries, settings=settings(evidence=True)))) == []


# -- bibliography filters (CITE002) and listing (CITE001) ------------------------------------


ENTRIES = (bib("einstein1905", "1905", author="Einstein, A."), bib("bohr1913", "1913", author="Bohr, N."), bib("cited2000", "2000"))


@pytest.mark.parametrize(
    ("block", "listed"),
    [
        (BibliographyBlock("b.md", 1, all=True), {"einstein1905", "bohr1913", "cited2000"}),
        (BibliographyBlock("b.md", 1, notcited=True), {"einstein1905", "bohr1913"}),
        (BibliographyBlock("b.md", 1, filter='author % "einstein"'), {"einstein1905"}),
        (BibliographyBlock("b.md", 1, filter='cited or year < "1910"'), {"einstein1905", "cited2000"}),
        (BibliographyBlock("b.md", 1, filter='key in {"bohr1913"} and type == "misc"'), {"bohr1913"}),
        (BibliographyBlock("b.md", 1, filter="not not"), {"cited2000"}),  # a syntax error falls back to cited
        (BibliographyBlock("b.md", 1), {"cited2000"}),
    ],
)
def test_bibliography_filters_are_evaluated_like_sphinxcontrib_bibtex(block, listed):
    cited_in = {"cited2000": frozenset({"docs/p.md"})}
    assert {e.key for e in listed_entries(block, ENTRIES, cited_in, "docs/b.md")} == listed


def test_cite002_counts_entries_a_filter_lists_as_used():
    pages = (page(keys=("cited2000",)), page("docs/b.md", bibliographies=(BibliographyBlock("docs/b.md", 3, filter='author % "Einstein"'),)))
    assert [f.message.split("'")[1] for f in uncited_entries(Corpus(pages=pages, bib=ENTRIES))] == ["bohr1913"]


def test_cite001_when_the_only_bibliographies_filter_a_cited_key_out():
    pages = (page(keys=("cited2000",)), page("docs/b.md", bibliographies=(BibliographyBlock("docs/b.md", 3, filter='author % "Einstein"'),)))
    (finding,) = unknown_citations(Corpus(pages=pages, bib=ENTRIES))
    assert "no bibliography directive lists it" in finding.message


# -- stock glossary terms: TERM002, TERM003 -----------------------------------------------------


def test_two_case_variants_of_one_item_are_one_term_but_two_items_are_a_duplicate():
    one_item = (DefinedTerm("g.rst", 6, "Ajax", 6), DefinedTerm("g.rst", 7, "AJAX", 6))
    assert list(duplicate_terms(Corpus(pages=(page("g.rst", defined_terms=one_item),)))) == []
    two_items = (DefinedTerm("g.rst", 6, "Ajax", 6), DefinedTerm("g.rst", 9, "AJAX", 9))
    (finding,) = duplicate_terms(Corpus(pages=(page("g.rst", defined_terms=two_items),)))
    assert (finding.code, finding.line) == ("TERM003", 9)


def test_term002_for_an_unreferenced_item_of_a_glossary_directive():
    terms = (DefinedTerm("g.rst", 6, "Ajax", 6), DefinedTerm("g.rst", 7, "AJAX", 6), DefinedTerm("g.rst", 10, "REST", 10))
    refs = (TermRef("u.rst", 3, "ajax", "ajax"),)
    findings = list(unreferenced_entries(Corpus(pages=(page("g.rst", defined_terms=terms), page("u.rst", term_refs=refs)))))
    assert [(f.code, f.line, str(f.severity)) for f in findings] == [("TERM002", 10, "warning")]


# -- editorial rules are opt-in -------------------------------------------------------------------


def test_page001_needs_an_opted_in_project_with_a_bibliography():
    uncited = Corpus(pages=(page(),), bib=(bib("k", "2020"),))
    assert list(pages_without_citations(uncited)) == []
    opted_in = Corpus(pages=(page(),), bib=(bib("k", "2020"),), settings=settings(editorial=True))
    assert [f.code for f in pages_without_citations(opted_in)] == ["PAGE001"]


def test_page004_scores_only_french_pages():
    hard = "L’administration concomitante d’anticorps monoclonaux immunomodulateurs caractérisés occasionne une désinhibition généralisée. " * 20
    pages = (page(prose=(Prose(5, ((5, hard, 1, "text"),), cited=True),)),)
    assert list(readability(Corpus(pages=pages, settings=settings(editorial=True, language="en")))) == []
    assert [f.code for f in readability(Corpus(pages=pages, settings=settings(editorial=True, language="fr_FR")))] == ["PAGE004"]
    assert list(readability(Corpus(pages=pages, settings=settings(language="fr")))) == []


def test_term007_needs_an_opted_in_project():
    from docscheck.records import GlossaryEntry

    entry = GlossaryEntry("lymphocyte", "glossary/lymphocyte.md", "lymphocyte", "Globule.", 5, ("k",))
    pages = (page(prose=(Prose(5, ((5, "Un lymphocyte passe.", 1, "text"),), cited=True),)),)
    assert list(unlinked_first_mentions(Corpus(pages=pages, entries=(entry,)))) == []
    assert [f.code for f in unlinked_first_mentions(Corpus(pages=pages, entries=(entry,), settings=settings(editorial=True)))] == ["TERM007"]
