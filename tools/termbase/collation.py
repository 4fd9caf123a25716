"""French collation for the glossary page, the exports and the general index.

Sphinx sorts index and ``:sorted:`` glossary entries by code point after NFD and lower-casing, so
*éruption* lands after *essai* and *œdème* after *zona*. The Unicode Collation Algorithm (pyuca,
DUCET) gives the order a French reader expects: accents and case only break ties, *œ* sorts as
*oe*. Building a collator parses a large table, so it is built once and shared.
"""

from __future__ import annotations

import functools
import unicodedata

import pyuca

#: Letters that the UCA expands to two base letters; their first letter heads the section.
LIGATURE_INITIALS = {"œ": "O", "æ": "A", "ß": "S"}


@functools.lru_cache(maxsize=1)
def _collator() -> pyuca.Collator:
    return pyuca.Collator()


def french_sort_key(text: str) -> tuple[tuple[int, ...], str]:
    """Sort key for French words: UCA weights first, then the NFC text for a total order."""
    normalized = unicodedata.normalize("NFC", text)
    return tuple(_collator().sort_key(normalized)), normalized


def french_sorted(words: list[str]) -> list[str]:
    """The words in French dictionary order (a convenience for tests and exports)."""
    return sorted(words, key=french_sort_key)


def initial_letter(text: str) -> str:
    """The A–Z letter under which a word is filed: *Île* → I, *œdème* → O, *5-FU* → "#"."""
    stripped = text.lstrip(" \t«»\"'’([")
    if not stripped:
        return "#"
    first = stripped[0].casefold()
    if first in LIGATURE_INITIALS:
        return LIGATURE_INITIALS[first]
    base = unicodedata.normalize("NFD", first)[0].upper()
    return base if "A" <= base <= "Z" else "#"
