"""What the other parts of termbase (tooltips, handouts, exports) read from the glossary of a build.

Kept apart from :mod:`termbase.glossary`'s ``setup()`` so that a module of the glossary half can use
these helpers without importing the package that registers it.
"""

from __future__ import annotations

from typing import Any

from docscheck.records import GlossaryEntry

from termbase.envdata import termbase_data
from termbase.plain_text import first_sentence, markdown_to_plain


def get_entries(env: Any) -> dict[str, GlossaryEntry]:
    """Every valid glossary entry of this build: slug → entry, in French order."""
    return termbase_data(env).entries


def get_usage(env: Any) -> dict[str, set[str]]:
    """docname → slugs of the glossary entries that page references (the glossary page included)."""
    return termbase_data(env).usage


def short_definition(entry: GlossaryEntry) -> str:
    """The entry's ``short`` field, else the first sentence of its body, as plain text."""
    if entry.short:
        return " ".join(markdown_to_plain(entry.short).split()) or entry.short
    return first_sentence(markdown_to_plain(entry.body))
