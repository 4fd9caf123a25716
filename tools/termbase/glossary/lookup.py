"""What the other parts of termbase (tooltips, handouts, exports) read from the glossary of a build.

Kept apart from :mod:`termbase.glossary`'s ``setup()`` so that a module of the glossary half can use
these helpers without importing the package that registers it.

Plain text of definitions is memoised: tooltips ask for the same entry on every page that uses
it, and the exports for every entry at every build. :data:`PLAIN_TEXTS` is the memo of a pure
function (markdown → plain text); it is kept between builds in a
:class:`termbase.build_cache.BuildCache` (keyed by the code that computes it), so an unchanged
definition is parsed once, not once per build.
"""

from __future__ import annotations

from typing import Any

from docscheck.records import GlossaryEntry

from termbase.build_cache import BuildCache, fingerprint
from termbase.envdata import termbase_data
from termbase.plain_text import first_sentence, markdown_to_plain

CACHE = "plain-texts"
#: The code plain texts depend on: termbase.plain_text, and the markdown-it set-up of myst-parser.
CODE = ("termbase", "myst_parser", "markdown_it")

#: markdown → its plain text; a memo shared by the builds of this process (see the module docstring)
PLAIN_TEXTS: dict[str, str] = {}


def plain_text(markdown: str) -> str:
    """:func:`termbase.plain_text.markdown_to_plain`, memoised."""
    text = PLAIN_TEXTS.get(markdown)
    if text is None:
        text = PLAIN_TEXTS[markdown] = markdown_to_plain(markdown)
    return text


def get_entries(env: Any) -> dict[str, GlossaryEntry]:
    """Every valid glossary entry of this build: slug → entry, in French order."""
    return termbase_data(env).entries


def get_usage(env: Any) -> dict[str, set[str]]:
    """docname → slugs of the glossary entries that page references (the glossary page included)."""
    return termbase_data(env).usage


def short_definition(entry: GlossaryEntry) -> str:
    """The entry's ``short`` field, else the first sentence of its body, as plain text."""
    if entry.short:
        return " ".join(plain_text(entry.short).split()) or entry.short
    return first_sentence(plain_text(entry.body))


def plain_text_cache(app: Any) -> BuildCache:
    return BuildCache(app, CACHE, fingerprint(CODE))


def recall_plain_texts(app: Any) -> None:
    """``builder-inited``: seed the memo with the plain texts earlier builds computed."""
    PLAIN_TEXTS.update(plain_text_cache(app).previous)


def remember_plain_texts(app: Any, exception: Exception | None) -> None:
    """``build-finished`` (after the exports): keep the plain texts of every current entry."""
    if exception is not None:
        return
    cache = plain_text_cache(app)
    for entry in termbase_data(app.env).entries.values():
        for markdown in (entry.body, entry.short):
            if markdown:
                cache.get(markdown, lambda markdown=markdown: plain_text(markdown))
    cache.save()


def setup(app: Any) -> None:
    app.connect("builder-inited", recall_plain_texts)
    app.connect("build-finished", remember_plain_texts)
