"""CITE rules: citations resolve, sources are used, entries are complete and well-formed.

Cited keys are matched exactly, as sphinxcontrib-bibtex matches them (``Knuth1984`` does not find
``knuth1984``); duplicates are found regardless of case, as pybtex finds them (CITE004).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from docscheck.records import EVIDENCE_TYPES, BibEntry, Corpus, Finding, Severity, bib_key, split_doi_prefix

from .bibliography_filter import listed_entries

#: Required fields per entry type; a tuple inside means "one of these".
REQUIRED_FIELDS: dict[str, tuple[str | tuple[str, ...], ...]] = {
    "article": ("author", "title", "journal", "year"),
    "book": (("author", "editor"), "title", "publisher", "year"),
    "inbook": (("author", "editor"), "title", ("chapter", "pages"), "publisher", "year"),
    "incollection": ("author", "title", "booktitle", "publisher", "year"),
    "inproceedings": ("author", "title", "booktitle", "year"),
    "conference": ("author", "title", "booktitle", "year"),
    "phdthesis": ("author", "title", "school", "year"),
    "mastersthesis": ("author", "title", "school", "year"),
    "techreport": (("author", "institution"), "title", "institution", "year"),
    "report": (("author", "institution"), "title", "institution", "year"),
    "misc": ("title", ("author", "organization", "howpublished", "publisher", "url")),
    "online": ("title", "url"),
    "manual": ("title",),
    "booklet": ("title",),
    "unpublished": ("author", "title", "note"),
}
#: ``10.NNNN/suffix``, or the short form ``10/suffix`` that https://shortdoi.org gives
DOI = re.compile(r"^10(?:\.\d{4,9})?/\S+$")
#: how close a misspelt key or term must be to a known one to be named as the likely intent
CLOSE_MATCH = 0.8
YEAR = re.compile(r"^\d{4}$")


def _error(path: str, line: int, code: str, message: str) -> Finding:
    return Finding(path, line, code, Severity.ERROR, message)


def _has(entry: BibEntry, name: str) -> bool:
    if name == "year" and entry.fields.get("date", "").strip():
        return True
    return bool(entry.fields.get(name, "").strip()) or entry.persons.get(name, 0) > 0


def _cited_in(corpus: Corpus) -> dict[str, frozenset[str]]:
    """Key → paths citing it (roles of pages and entry bodies, entry ``sources``, triage ``sources``)."""
    cited_in: dict[str, set[str]] = {}
    for page in corpus.role_pages:
        for citation in page.citations:
            cited_in.setdefault(citation.key, set()).add(citation.path)
    for entry in corpus.entries:
        for key in entry.sources:
            cited_in.setdefault(key, set()).add(entry.path)
    for symptom in corpus.triage:  # termbase cites them wherever the triage table is shown
        for level in symptom.levels:
            for key in level.sources:
                cited_in.setdefault(key, set()).add(symptom.path)
    return {key: frozenset(paths) for key, paths in cited_in.items()}


def _listed(corpus: Corpus, cited_in: dict[str, frozenset[str]]) -> tuple[set[str], bool]:
    """Keys the ``bibliography`` directives list beyond cited entries, and whether one lists every
    cited entry (the default ``cited`` filter)."""
    listed: set[str] = set()
    lists_cited = False
    for page in corpus.pages:
        for block in page.bibliographies:
            if block.filter is None and not block.notcited:
                lists_cited = True
                if not block.all:
                    continue
            entries = tuple(e for e in corpus.bib if not block.files or PurePosixPath(e.path).name in block.files)
            listed |= {e.key for e in listed_entries(block, entries, cited_in, page.path)}
    return listed, lists_cited


def _fix(key: str, by_folded: dict[str, str], uncited: list[str]) -> str:
    if (other := by_folded.get(bib_key(key))) is not None:
        return f"keys are case-sensitive: write '{other}'"
    if (close := misspelt_key(key, uncited)) is not None:
        return f"did you mean '{close}'? (that entry is cited nowhere else)"
    return "add it to the .bib file or fix the key"


def misspelt_key(key: str, uncited: list[str]) -> str | None:
    """The uncited entry ``key`` most likely misspells (difflib ratio ≥ :data:`CLOSE_MATCH`), if any."""
    import difflib  # here: only an unknown key needs it

    close = difflib.get_close_matches(key, uncited, n=1, cutoff=CLOSE_MATCH)
    return close[0] if close else None


def _uncited(corpus: Corpus, cited_in: dict[str, frozenset[str]]) -> list[str]:
    """Keys of the entries no citation, no entry source and no bibliography directive uses."""
    listed, _lists_cited = _listed(corpus, cited_in)
    used = set(cited_in) | listed
    return [entry.key for entry in corpus.bib if entry.key not in used]


def _misspelt_targets(corpus: Corpus, cited_in: dict[str, frozenset[str]], uncited: list[str]) -> set[str]:
    """Uncited entries that an unknown cited key misspells: CITE001 names them, CITE002 stays quiet."""
    known = {entry.key for entry in corpus.bib}
    by_folded = {bib_key(key) for key in known}
    targets = set()
    for key in cited_in:
        if key not in known and bib_key(key) not in by_folded and (close := misspelt_key(key, uncited)) is not None:
            targets.add(close)
    return targets


def unknown_citations(corpus: Corpus) -> Iterator[Finding]:
    """CITE001: every cited key (pages, entry bodies, entry ``sources``) is in the bibliography.

    When the project's ``bibliography`` directives all use a ``:filter:`` (or ``:notcited:``), a
    key they leave out cannot be linked either: sphinxcontrib-bibtex reports it as not found.
    """
    known = {entry.key for entry in corpus.bib}
    by_folded = {bib_key(entry.key): entry.key for entry in corpus.bib}
    cited_in = _cited_in(corpus)
    uncited = _uncited(corpus, cited_in)
    filtered: set[str] | None = None
    if any(page.bibliographies for page in corpus.pages):
        listed, lists_cited = _listed(corpus, cited_in)
        filtered = None if lists_cited else listed
    for page in corpus.role_pages:
        for citation in page.citations:
            key = citation.key
            if key not in known:
                yield _error(citation.path, citation.line, "CITE001", f"citation key '{citation.key}' is not in the bibliography; {_fix(key, by_folded, uncited)}")
            elif filtered is not None and key not in filtered and not citation.role.startswith("foot"):
                yield _error(citation.path, citation.line, "CITE001", f"citation key '{citation.key}' is in the bibliography file, but no bibliography directive lists it (their :filter: leaves it out), so it cannot be linked")
    for entry in corpus.entries:
        for key in entry.sources:
            if key not in known:
                yield _error(entry.path, entry.line_of("sources"), "CITE001", f"source '{key}' is not in the bibliography; {_fix(key, by_folded, uncited)}")


def uncited_entries(corpus: Corpus) -> Iterator[Finding]:
    """CITE002: every bibliography entry is cited by a page, listed in an entry's sources, or shown
    by a ``bibliography`` directive that lists uncited entries (``:all:``, ``:notcited:``, ``:filter:``).

    Sphinx builds an uncited entry silently, so CITE002 is an error only for projects that opted in
    with a ``[tool.docscheck]`` table, a warning otherwise. An entry that a CITE001 key misspells
    (``Smith2020`` cited as ``Smtih2020``) is not reported: CITE001 names it, and fixing the key fixes both.
    """
    cited_in = _cited_in(corpus)
    uncited = _uncited(corpus, cited_in)
    misspelt = _misspelt_targets(corpus, cited_in, uncited)
    severity = Severity.ERROR if corpus.settings.editorial else Severity.WARNING
    for entry in corpus.bib:
        if entry.key in uncited and entry.key not in misspelt:
            yield Finding(entry.path, entry.line, "CITE002", severity, f"bibliography entry '{entry.key}' is never cited; cite it with {{cite:p}}`{entry.key}` or remove it")


def incomplete_entries(corpus: Corpus) -> Iterator[Finding]:
    """CITE003: the fields a bibliography style needs for the entry's type are present."""
    for entry in corpus.bib:
        missing = []
        for requirement in REQUIRED_FIELDS.get(entry.type, ("title",)):
            choices = requirement if isinstance(requirement, tuple) else (requirement,)
            if not any(_has(entry, name) for name in choices):
                missing.append(" or ".join(choices))
        if missing:
            yield _error(entry.path, entry.line, "CITE003", f"@{entry.type}{{{entry.key}}} lacks required field(s): {', '.join(missing)}")


def malformed_fields(corpus: Corpus) -> Iterator[Finding]:
    """CITE005: DOI ``10.NNNN/…`` (or short ``10/…``), four-digit year, absolute http(s) URL.

    A valid DOI behind a ``doi:`` or ``https://doi.org/`` prefix is CITE007 (see :func:`prefixed_dois`).
    """
    for entry in corpus.bib:
        doi = entry.fields.get("doi", "").strip()
        if doi and not DOI.match(doi) and not DOI.match(split_doi_prefix(doi)[1]):
            yield _error(entry.path, entry.line_of("doi"), "CITE005", f"malformed DOI '{doi}' in '{entry.key}': expected 10.NNNN/suffix (or the short form 10/suffix)")
        year = entry.fields.get("year", "").strip().strip("{}")
        if year and not YEAR.match(year):
            yield _error(entry.path, entry.line_of("year"), "CITE005", f"malformed year '{year}' in '{entry.key}': expected four digits, e.g. 2021")
        url = entry.fields.get("url", "").strip()
        if url:
            try:
                parts = urlsplit(url) if not any(c.isspace() for c in url) else None
            except ValueError:
                parts = None
            if parts is None or parts.scheme not in ("http", "https", "ftp") or not parts.netloc:
                yield _error(entry.path, entry.line_of("url"), "CITE005", f"malformed URL '{url}' in '{entry.key}': expected an absolute http(s) address without spaces")


def missing_evidence(corpus: Corpus) -> Iterator[Finding]:
    """CITE006 (``evidence = true``): each entry says what kind of source it is, with a known code."""
    if not corpus.settings.evidence:
        return
    valid = ", ".join(EVIDENCE_TYPES)
    for entry in corpus.bib:
        code = entry.fields.get("evidence", "").strip()
        if not code:
            yield Finding(entry.path, entry.line, "CITE006", Severity.WARNING, f"bibliography entry '{entry.key}' has no evidence type: add evidence = {{code}}, one of: {valid}")
        elif code.lower() not in EVIDENCE_TYPES:
            yield Finding(entry.path, entry.line_of("evidence"), "CITE006", Severity.WARNING, f"unknown evidence type '{code}' in '{entry.key}'; valid types: {valid}")


def prefixed_dois(corpus: Corpus) -> Iterator[Finding]:
    """CITE007: a valid DOI written with a resolver prefix; Sphinx builds it, but styles add their own."""
    for entry in corpus.bib:
        doi = entry.fields.get("doi", "").strip()
        prefix, bare = split_doi_prefix(doi)
        if prefix and DOI.match(bare):
            yield Finding(entry.path, entry.line_of("doi"), "CITE007", Severity.WARNING, f"DOI '{doi}' in '{entry.key}' has a prefix: write doi = {{{bare}}} (docscheck fix --doi does it)")


CITE_RULES = [unknown_citations, uncited_entries, incomplete_entries, malformed_fields, missing_evidence, prefixed_dois]
