"""What termbase keeps in the Sphinx environment, and how it survives incremental and -j builds.

Entries are re-read from ``glossary/`` at every build (cheap, and the only way to notice added or
deleted files); per-document data (which terms a page uses) is collected while reading and must be
purged and merged like any other environment data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docscheck.records import GlossaryEntry

from .entries import LoadedGlossary

ATTRIBUTE = "termbase_data"


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
    #: name key → slug as of the previous build (to find pages whose links now go elsewhere)
    previous_names: dict[str, str] = field(default_factory=dict)
    #: (path, line, code) of findings already reported during this build
    reported: set[tuple[str, int, str]] = field(default_factory=set)

    @property
    def entries(self) -> dict[str, GlossaryEntry]:
        return self.glossary.entries

    def glossary_doc(self) -> str | None:
        """The page entries link to (the first glossary page if a project has several)."""
        return min(self.glossary_docs) if self.glossary_docs else None

    def purge(self, docname: str) -> None:
        self.usage.pop(docname, None)
        self.refs.pop(docname, None)
        self.glossary_docs.discard(docname)

    def merge(self, docnames: set[str], other: TermbaseData) -> None:
        for docname in docnames:
            if docname in other.usage:
                self.usage[docname] = other.usage[docname]
            if docname in other.refs:
                self.refs[docname] = other.refs[docname]
        self.glossary_docs |= other.glossary_docs & docnames


def termbase_data(env: Any) -> TermbaseData:
    """The environment's termbase data, created on first use."""
    data = getattr(env, ATTRIBUTE, None)
    if not isinstance(data, TermbaseData):
        data = TermbaseData()
        setattr(env, ATTRIBUTE, data)
    return data
