"""What termbase keeps in the Sphinx environment, and how it survives incremental and -j builds.

Entries are re-read from ``glossary/`` at every build (cheap, and the only way to notice added or
deleted files); per-document data (which terms a page uses) is collected while reading and must be
purged and merged like any other environment data.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from typing import Any, Callable, TypeVar

from docscheck.records import Finding, GlossaryEntry, term_key

from .anchors import term_anchor

ATTRIBUTE = "termbase_data"


@dataclass(frozen=True)
class LoadedGlossary:
    """Every valid entry (slug → entry, in French order), its name index and the problems met."""

    entries: dict[str, GlossaryEntry] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    paths: tuple[str, ...] = ()
    #: path → (fingerprint of its bytes, its entry or None, its findings), to skip unchanged files
    files: dict[str, tuple[bytes, GlossaryEntry | None, tuple[Finding, ...]]] = field(default_factory=dict)

    @property
    def fingerprints(self) -> tuple[tuple[str, bytes], ...]:
        return tuple((path, digest) for path, (digest, _entry, _findings) in self.files.items())

    @functools.cached_property
    def anchors(self) -> dict[str, str]:
        """HTML id → slug, to recognise links that point to an entry."""
        return {term_anchor(slug): slug for slug in self.entries}

    def resolve(self, name_or_slug: str) -> str | None:
        """Slug of the entry a ``see_also`` value or a ``{term}`` target designates, if any."""
        if name_or_slug in self.entries:
            return name_or_slug
        return self.names.get(term_key(name_or_slug))

    def digest(self, slug: str) -> str:
        """A fingerprint of one entry, to notice edits between incremental builds."""
        return hashlib.sha256(repr(self.entries[slug]).encode("utf-8")).hexdigest()[:20]


@dataclass
class TermbaseData:
    """Environment data of termbase (pickled with the environment)."""

    glossary: LoadedGlossary = field(default_factory=LoadedGlossary)
    #: slug → digest of the entry as of the last build, to find what changed
    digests: dict[str, str] = field(default_factory=dict)
    #: docname → slugs of the entries the page references with ``{term}``
    usage: dict[str, set[str]] = field(default_factory=dict)
    #: docname → keys of every ``{term}`` target on the page, resolved or not
    refs: dict[str, set[str]] = field(default_factory=dict)
    #: documents that hold the ``termbase-glossary`` directive
    glossary_docs: set[str] = field(default_factory=set)
    #: slug → slugs of the entries its definition references (French order; read with the glossary page)
    entry_usage: dict[str, set[str]] = field(default_factory=dict)
    #: builder and output folder → what the back-link lines of the glossary page showed when it
    #: was last written there (several builders may share one environment)
    written_backlinks: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    #: name key → slug as of the previous build (to find pages whose links now go elsewhere)
    previous_names: dict[str, str] = field(default_factory=dict)
    #: builder and output folder → digest of what the navigation showed when pages were last written there
    written_navigation: dict[str, str] = field(default_factory=dict)
    #: fingerprint of the code that parsed ``glossary`` (entries are parsed again when it changes)
    glossary_code: str = ""
    #: (path, line, code, message) of findings already reported during this build
    reported: set[tuple[str, int, str, str]] = field(default_factory=set)

    @property
    def entries(self) -> dict[str, GlossaryEntry]:
        return self.glossary.entries

    def glossary_doc(self) -> str | None:
        """The page entries link to (the first glossary page if a project has several)."""
        return min(self.glossary_docs) if self.glossary_docs else None

    def purge(self, docname: str) -> None:
        self.usage.pop(docname, None)
        self.refs.pop(docname, None)
        if docname in self.glossary_docs:
            self.glossary_docs.discard(docname)
            self.entry_usage = {}

    def merge(self, docnames: set[str], other: TermbaseData) -> None:
        for docname in docnames:
            if docname in other.usage:
                self.usage[docname] = other.usage[docname]
            if docname in other.refs:
                self.refs[docname] = other.refs[docname]
        if other.glossary_docs & docnames:
            self.entry_usage = dict(other.entry_usage)
        self.glossary_docs |= other.glossary_docs & docnames


Kept = TypeVar("Kept")


def kept_on_env(env: Any, attribute: str, kind: Callable[[], Kept]) -> Kept:
    """What a part of termbase keeps on the build environment under ``attribute``, created on first
    use (or again when an older pickle left something of another type there)."""
    value = getattr(env, attribute, None)
    if not isinstance(value, kind):  # type: ignore[arg-type]
        value = kind()
        setattr(env, attribute, value)
    return value


def termbase_data(env: Any) -> TermbaseData:
    """The environment's termbase data, created on first use."""
    return kept_on_env(env, ATTRIBUTE, TermbaseData)
