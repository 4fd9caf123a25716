"""CITE rules: citations resolve, sources are used, entries are complete and well-formed.

Keys are compared case-insensitively, as pybtex and sphinxcontrib-bibtex do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from docscheck.records import BibEntry, Corpus, Finding, Severity

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
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
YEAR = re.compile(r"^\d{4}$")


def _error(path: str, line: int, code: str, message: str) -> Finding:
    return Finding(path, line, code, Severity.ERROR, message)


def _has(entry: BibEntry, name: str) -> bool:
    if name == "year" and entry.fields.get("date", "").strip():
        return True
    return bool(entry.fields.get(name, "").strip()) or entry.persons.get(name, 0) > 0


def unknown_citations(corpus: Corpus) -> Iterator[Finding]:
    """CITE001: every cited key (pages, entry bodies, entry ``sources``) is in the bibliography."""
    known = {entry.key.casefold() for entry in corpus.bib}
    for page in (*corpus.pages, *corpus.entry_pages):
        for citation in page.citations:
            if citation.key.casefold() not in known:
                yield _error(citation.path, citation.line, "CITE001", f"citation key '{citation.key}' is not in the bibliography; add it to the .bib file or fix the key")
    for entry in corpus.entries:
        for key in entry.sources:
            if key.casefold() not in known:
                yield _error(entry.path, entry.line_of("sources"), "CITE001", f"source '{key}' is not in the bibliography; add it to the .bib file or fix the key")


def uncited_entries(corpus: Corpus) -> Iterator[Finding]:
    """CITE002: every bibliography entry is cited by a page or listed in an entry's sources."""
    cited = {c.key.casefold() for page in (*corpus.pages, *corpus.entry_pages) for c in page.citations}
    cited |= {key.casefold() for entry in corpus.entries for key in entry.sources}
    for entry in corpus.bib:
        if entry.key.casefold() not in cited:
            yield _error(entry.path, entry.line, "CITE002", f"bibliography entry '{entry.key}' is never cited; cite it with {{cite:p}}`{entry.key}` or remove it")


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
    """CITE005: DOI ``10.NNNN/…`` without resolver prefix, four-digit year, absolute http(s) URL."""
    for entry in corpus.bib:
        doi = entry.fields.get("doi", "").strip()
        if doi and not DOI.match(doi):
            hint = " (drop the https://doi.org/ or doi: prefix)" if "10." in doi else ""
            yield _error(entry.path, entry.line_of("doi"), "CITE005", f"malformed DOI '{doi}' in '{entry.key}': expected 10.NNNN/suffix{hint}")
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


CITE_RULES = [unknown_citations, uncited_entries, incomplete_entries, malformed_fields]
