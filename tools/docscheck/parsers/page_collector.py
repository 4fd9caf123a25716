"""Accumulates what a page parser finds (roles, glossary terms, prose) into a :class:`Page`.

Both page parsers (MyST and reST) feed the same collector so that roles are classified in one
place: which role names are term references and which are citations.
"""

from __future__ import annotations

import re

from docscheck.records import Citation, DefinedTerm, Page, Prose, TermRef

TERM_ROLES = frozenset({"term", "std:term"})
EXPLICIT_TARGET = re.compile(r"^(.*?)\s*<((?:[^<>\\]|\\.)*)>\s*$", re.DOTALL)
ESCAPE = re.compile(r"\\(.)")


def is_cite_role(name: str) -> bool:
    """sphinxcontrib-bibtex roles: ``cite``, ``cite:p``, ``cite:t``, ``cite:ps``…, ``footcite``…"""
    base = name.split(":", 1)[0]
    return base in ("cite", "footcite") or name.startswith("bibtex:")


def split_term_role(content: str) -> tuple[str, str]:
    """``text <target>`` gives ``(text, target)``; plain ``text`` is its own target."""
    if m := EXPLICIT_TARGET.match(content):
        text, target = m.group(1).strip(), m.group(2)
        return ESCAPE.sub(r"\1", text), ESCAPE.sub(r"\1", target).strip()
    plain = ESCAPE.sub(r"\1", content).strip()
    return plain, plain


class PageCollector:
    """Mutable builder for one page; parsers call ``role``/``text``/``end_block``, then ``page``."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.refs: list[TermRef] = []
        self.citations: list[Citation] = []
        self.defined: list[DefinedTerm] = []
        self.prose: list[Prose] = []
        self.directives: set[str] = set()
        self.order = 0
        self._segments: list[tuple[int, str, int, str]] = []
        self._cited = False
        self._first_line = 0
        #: set while reading a list introduced by a cited paragraph ending with ":"
        self.inherit_cited = False

    def _next(self) -> int:
        self.order += 1
        return self.order

    def text(self, line: int, text: str, kind: str = "text") -> None:
        """Visible text of the current block (``kind`` ``text``, ``link`` or ``break``)."""
        if not self._segments:
            self._first_line = line
        self._segments.append((line, text, self._next(), kind))

    def role(self, name: str, content: str, line: int) -> None:
        """A role occurrence at ``line``: a term reference, a citation, or other visible text."""
        name = name.lower()
        if name in TERM_ROLES:
            text, target = split_term_role(content)
            order = self._next()
            self.refs.append(TermRef(self.path, line, target, text, order))
            if not self._segments:
                self._first_line = line
            self._segments.append((line, text, order, "link"))
        elif is_cite_role(name):
            self._cited = True
            for key in content.split(","):
                if key := key.strip():
                    self.citations.append(Citation(self.path, line, key, name))
            self.text(line, " ", "break")
        else:
            self.text(line, " ", "break")

    def end_block(self, heading: bool = False) -> None:
        """Close the current paragraph-like block and keep it if it has any text."""
        if self._segments:
            cited = self._cited or self.inherit_cited
            self.prose.append(Prose(self._first_line, tuple(self._segments), cited, heading))
        self._segments = []
        self._cited = False

    def lead_in_is_cited(self) -> bool:
        """True when the last block cites and ends with ':' (it introduces what follows)."""
        return bool(self.prose) and self.prose[-1].cited and self.prose[-1].text.rstrip().endswith(":")

    def define(self, line: int, term: str) -> None:
        self.defined.append(DefinedTerm(self.path, line, term))

    def page(self, meta: dict[str, object], meta_lines: dict[str, int], has_meta: bool, is_root: bool) -> Page:
        self.end_block()
        return Page(
            path=self.path,
            meta=meta,
            meta_lines=meta_lines,
            has_meta=has_meta,
            term_refs=tuple(self.refs),
            citations=tuple(self.citations),
            defined_terms=tuple(self.defined),
            prose=tuple(self.prose),
            directives=frozenset(self.directives),
            is_root=is_root,
        )
