"""The action line a glossary tooltip ends with, and the pages to re-write when it changes.

A glossary entry that a symptom names in ``see_glossary`` ends its tooltip with what to do, built
from the table (:func:`termbase.triage.wording.action_line`): « Fièvre, avec du mal à respirer :
appelez le 15 (ou le 112) ; 38 °C ou plus : appelez votre équipe tout de suite, de jour comme de
nuit. » The entry's own file never holds it, so docscheck's TRIAGE002 never sees it and the
wording cannot drift. An entry several symptoms name gets the most urgent of their rows and a
pointer to « Quand appeler ? », so that the tooltip stays short.

The tooltips are written into the pages that use the term: when the table changes, those pages
are read again (``env-get-outdated``), like pages whose glossary entries changed.
"""

from __future__ import annotations

from typing import Any

from docscheck.records import TriageEntry

from termbase.envdata import termbase_data

from .entries import get_table
from .wording import action_line


def action_lines(env: Any) -> dict[str, str]:
    """Glossary slug → the action line(s) its tooltip ends with."""
    table = get_table(env)
    glossary = termbase_data(env).glossary
    key = (table.digest, id(glossary))
    if table.lines_key != key:
        naming: dict[str, list[TriageEntry]] = {}
        for entry in table.entries.values():
            for slug in {glossary.resolve(target) for target in entry.see_glossary} - {None}:
                naming.setdefault(slug, []).append(entry)  # type: ignore[arg-type]
        table.lines = {slug: line for slug, entries in naming.items() if (line := action_line(entries))}
        table.lines_key = key
    return table.lines


def outdated_by_table(app: Any, env: Any, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """Pages whose tooltips show a line of the table, when the table changed since the last build."""
    table = get_table(env)
    if table.digest == table.previous_digest:
        return []
    data = termbase_data(env)
    slugs = {slug for entry in table.entries.values() for target in entry.see_glossary if (slug := data.glossary.resolve(target))}
    slugs |= table.previous_slugs
    table.previous_slugs = slugs
    pages = {docname for docname, used in data.usage.items() if used & slugs}
    return sorted((pages & env.found_docs) - added - changed)
