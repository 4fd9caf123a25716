"""The action line a glossary tooltip ends with, and the pages to re-write when it changes.

A glossary entry that a symptom names in ``see_glossary`` ends its tooltip with what to do, built
from the table (:func:`termbase.triage.wording.action_line`): « Fièvre, avec du mal à respirer :
appelez le 15 (ou le 112) ; 38 °C ou plus : appelez votre équipe tout de suite, de jour comme de
nuit. » The entry's own file never holds it, so docscheck's TRIAGE002 never sees it and the
wording cannot drift. Several symptoms naming one entry give one line each, in table order.

The tooltips are written into the pages that use the term: when the table changes, those pages
are read again (``env-get-outdated``), like pages whose glossary entries changed.
"""

from __future__ import annotations

from typing import Any

from termbase.envdata import termbase_data

from .entries import get_table
from .wording import action_line


def action_lines(env: Any) -> dict[str, str]:
    """Glossary slug → the action line(s) its tooltip ends with."""
    table = get_table(env)
    glossary = termbase_data(env).glossary
    key = (table.digest, id(glossary))
    if table.lines_key != key:
        lines: dict[str, list[str]] = {}
        for entry in table.entries.values():
            line = action_line(entry)
            for target in entry.see_glossary:
                slug = glossary.resolve(target)
                if slug is not None and line not in lines.setdefault(slug, []):
                    lines[slug].append(line)
        table.lines = {slug: " ".join(found) for slug, found in lines.items()}
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
