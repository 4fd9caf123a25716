"""Stable ASCII anchors: every name of an entry links to ``#term-<slug>``, letters to ``#lettre-<x>``."""

from __future__ import annotations

from docutils import nodes

TERM_PREFIX = "term-"


def term_anchor(slug: str) -> str:
    """HTML id of an entry, derived from its file name so links survive a change of wording."""
    return TERM_PREFIX + (nodes.make_id(slug) or "entree")


def letter_anchor(letter: str) -> str:
    return "lettre-" + ("symboles" if letter == "#" else letter.lower())
