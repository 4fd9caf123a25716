"""Which name resolves to which definition: glossary entries and ``glossary`` blocks of pages.

Built once per check (linear in the number of names) and shared by the TERM rules.
"""

from __future__ import annotations

from docscheck.records import Corpus, DefinedTerm, GlossaryEntry, record, term_key


@record
class Definition:
    """Where a name is defined: a glossary entry (with the front-matter key) or a page block."""

    name: str
    path: str
    line: int
    entry: GlossaryEntry | None = None
    #: a glossary block's item, as (path, line of its first term): its term lines are one term
    item: tuple[str, int] | None = None

    def describe(self) -> str:
        return f"{self.path}:{self.line}"


@record
class TermIndex:
    """Every defined name by its key, the names defined twice, and the entries by slug."""

    by_key: dict[str, Definition]
    duplicates: tuple[tuple[Definition, Definition], ...]
    slugs: dict[str, GlossaryEntry]


def _entry_definitions(entry: GlossaryEntry) -> list[Definition]:
    found = [Definition(entry.term, entry.path, entry.line_of("term"), entry)]
    found += [Definition(alias, entry.path, entry.line_of("aliases"), entry) for alias in entry.aliases]
    found += [Definition(form, entry.path, entry.line_of("forms"), entry) for form in entry.forms]
    return found


def _block_definition(term: DefinedTerm) -> Definition:
    return Definition(term.term, term.path, term.line, item=(term.path, term.item_line or term.line))


def same_term(first: Definition, again: Definition) -> bool:
    """Two names of one entry, or two term lines of one glossary item (``Ajax`` / ``AJAX``)."""
    if first.entry is not None or again.entry is not None:
        return first.entry is again.entry
    return first.item == again.item


_LAST: list[tuple[Corpus, TermIndex]] = []


def build_index(corpus: Corpus) -> TermIndex:
    """Index every name; a name defined again by a *different* definition is a duplicate.

    Several rules need the index of the same corpus: the last one built is reused (by identity).
    """
    if _LAST and _LAST[0][0] is corpus:
        return _LAST[0][1]
    index = _build_index(corpus)
    _LAST[:] = [(corpus, index)]
    return index


def _build_index(corpus: Corpus) -> TermIndex:
    by_key: dict[str, Definition] = {}
    duplicates: list[tuple[Definition, Definition]] = []
    candidates = [d for entry in corpus.entries for d in _entry_definitions(entry)]
    candidates += [_block_definition(t) for page in corpus.pages for t in page.defined_terms]
    for definition in candidates:
        key = term_key(definition.name)
        if not key:
            continue
        first = by_key.get(key)
        if first is None:
            by_key[key] = definition
        elif not same_term(first, definition):
            duplicates.append((first, definition))
    slugs = {entry.slug: entry for entry in corpus.entries}
    return TermIndex(by_key, tuple(duplicates), slugs)
