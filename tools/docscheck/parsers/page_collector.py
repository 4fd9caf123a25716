"""Accumulates what a page parser finds (roles, glossary terms, prose) into a :class:`Page`.

Both page parsers (MyST and reST) feed the same collector so that roles are classified in one
place: which role names are term references and which are citations. The collector also reads
included fragments (``.. include::``, ```` ```{include} ````) through the reader its caller gives:
their roles are reported at the fragment's own path and line, as Sphinx reports them. It also
splits a ``csv-table``'s content into cells for both parsers (:func:`csv_cells`).
"""

from __future__ import annotations

import csv
import posixpath
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from docscheck.records import BibliographyBlock, Citation, DefinedTerm, FigureBlock, Finding, Page, Prose, Severity, SourceError, TermRef
from .substitutions import SubstitutionTable

#: ``reader(target, base)``: the path (relative to ROOT) and text of the file ``target`` names,
#: relative to the file ``base`` (a leading ``/`` means the Sphinx source directory). It raises
#: :class:`SourceError` (with an empty path) when the file is missing, unreadable or outside ROOT.
IncludeReader = Callable[[str, str], tuple[str, str]]
MAX_INCLUDE_DEPTH = 16
#: Directives nested deeper than this are not read. Sphinx's own build stops with « Recursion
#: error » before it (at about 100 nested reST admonitions and 130 MyST ones, Python's default
#: recursion limit), so no page that Sphinx builds gets this error.
MAX_DIRECTIVE_DEPTH = 150

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
        self.bibliographies: list[BibliographyBlock] = []
        self.figures: list[FigureBlock] = []
        self.order = 0
        self._segments: list[tuple[int, str, int, str]] = []
        self._cited = False
        self._cites: list[tuple[int, str]] = []
        self._rows: list[int] = []
        self._first_line = 0
        #: the keys that source blocks citing nothing themselves: set while reading a list or table
        #: introduced by a cited paragraph ending with ":", or a table under a cited caption
        self.context: tuple[str, ...] = ()
        self.page_path = path
        self.include_reader: IncludeReader | None = None
        self.findings: list[Finding] = []
        self._includes: list[str] = []
        self._directive_depth = 0
        #: file and fence line of the innermost directive being read when a RecursionError stopped reading
        self._stopped_at: tuple[str, int] | None = None
        #: the global substitutions the document sees (empty: the reader does not look for ``|name|``)
        self.substitutions = SubstitutionTable()

    def error(self, line: int, message: str) -> None:
        """A FILE001 finding at ``line`` of the file being read (the page or a fragment)."""
        self.findings.append(Finding(self.path, line, "FILE001", Severity.ERROR, message))

    def read_include(self, target: str, line: int, base: str | None = None) -> tuple[str, str] | None:
        """Path and text of an included fragment, or None (reported as FILE001 when it is a problem).

        ``base`` is the file paths are relative to (default: the file being read). docutils'
        standard includes (``<isonum.txt>``) hold substitutions only and are skipped.
        """
        target = target.strip()
        if not target or (target.startswith("<") and target.endswith(">")) or self.include_reader is None:
            return None
        if len(self._includes) >= MAX_INCLUDE_DEPTH:
            self.error(line, f"includes nested more than {MAX_INCLUDE_DEPTH} deep at {target!r}; not read")
            return None
        try:
            rel, text = self.include_reader(target, base or self.path)
        except SourceError as exc:
            self.error(line, exc.message)
            return None
        if rel in self._includes or rel == self.page_path:
            self.error(line, f"circular inclusion of {rel!r}; not read again")
            return None
        return rel, text

    def fragment(self, target: str, options: dict[str, str], line: int, base: str | None = None) -> tuple[str, str, int] | None:
        """What an include directive pulls in: path, selected text and its 0-based first line.

        None for literal and code includes (their roles are not roles) and for problems (FILE001).
        """
        if "literal" in options or "code" in options:
            return None
        found = self.read_include(target, line, base)
        if found is None:
            return None
        rel, text = found
        clipped = clip_include(text, options)
        if clipped is None:
            self.error(line, f"include of {rel!r}: the start-after or end-before text is not in the file")
            return None
        return rel, *clipped

    @contextmanager
    def included(self, path: str) -> Iterator[None]:
        """Read a fragment: roles and terms get its path; its prose is not the page's prose."""
        self.end_block()
        saved = self.path
        self._includes.append(path)
        self.path = path
        try:
            yield
        finally:
            self.end_block()
            self.path = saved
            self._includes.pop()

    @contextmanager
    def directive_body(self, line: int, last: int) -> Iterator[bool]:
        """Read the content of the directive at ``line`` (ending at ``last``) if it is not too deep.

        Yields whether to read it. Beyond :data:`MAX_DIRECTIVE_DEPTH`, one FILE001 at the fence
        line of the first directive too deep; its content is skipped, the rest of the page is read.
        """
        if self._directive_depth >= MAX_DIRECTIVE_DEPTH:
            where = f"lines {line + 1}–{last}" if last > line + 1 else f"line {last}"
            self.error(
                line,
                f"directives nested more than {MAX_DIRECTIVE_DEPTH} deep: the content of this one ({where}) is not checked, "
                "and Sphinx stops with « Recursion error » on such a page; reduce the nesting",
            )
            yield False
            return
        self._directive_depth += 1
        try:
            yield True
        except RecursionError:
            self._stopped_at = self._stopped_at or (self.path, line)  # the innermost directive unwinds first
            raise
        finally:
            self._directive_depth -= 1

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Run a page parser: nesting that still exhausts the stack stops reading at the innermost
        directive reached (FILE001 there); what was read before is kept."""
        try:
            yield
        except RecursionError:
            path, line = self._stopped_at or (self.page_path, 1)
            self.findings.append(
                Finding(path, line, "FILE001", Severity.ERROR,
                        "page is nested too deeply to be read (directives, lists or includes): from here, the rest of the page is not checked; reduce the nesting")
            )  # fmt: skip

    @property
    def in_include(self) -> bool:
        return bool(self._includes)

    def _next(self) -> int:
        self.order += 1
        return self.order

    def text(self, line: int, text: str, kind: str = "text") -> None:
        """Visible text of the current block (``kind`` ``text``, ``link`` or ``break``)."""
        if self._includes:
            return  # prose rules report lines of the page: a fragment's lines are not
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
            if self._includes:
                return
            if not self._segments:
                self._first_line = line
            self._segments.append((line, text, order, "link"))
        elif is_cite_role(name):
            self._cited = True
            self.text(line, " ", "break")
            for key in content.split(","):
                if key := key.strip():
                    self.citations.append(Citation(self.path, line, key, name))
                    if not self._includes:
                        self._cites.append((len(self._segments) - 1, key))
        else:
            self.text(line, " ", "break")

    def substitution(self, name: str, line: int) -> None:
        """A ``|name|`` at ``line``: the role of its global definition, as if written there.

        sphinxcontrib-globalsubs parses a global substitution's text at each use and keeps its
        first node: Sphinx checks that role on the use's page. A document's own definitions are
        read where they are written, as Sphinx reads them.
        """
        definition = self.substitutions.lookup(name)
        if definition is None:
            self.text(line, " ", "break")
            return
        for kind, first, second in definition.pieces:
            if kind == "role":
                self.role(first, second, line)
            else:
                self.text(line, first, "text")

    def end_block(self, heading: bool = False) -> None:
        """Close the current paragraph-like block and keep it if it has any text."""
        if self._segments:
            cited = self._cited or bool(self.context)
            rows = tuple(self._rows) if self._rows else ()
            self.prose.append(Prose(self._first_line, tuple(self._segments), cited, heading, tuple(self._cites), rows, self.context))
        self._segments = []
        self._cited = False
        self._cites = []
        self._rows = []

    def row(self) -> None:
        """The next text of the current block starts a table row."""
        self._rows.append(len(self._segments))

    def lead_in_keys(self) -> tuple[str, ...]:
        """The keys of the last block when it cites and ends with ':' (it introduces what follows)."""
        if not self.prose or not self.prose[-1].cited or not self.prose[-1].text.rstrip().endswith(":"):
            return ()
        last = self.prose[-1]
        return tuple(dict.fromkeys(key for _index, key in last.cites)) or last.context

    def keys_since(self, start: int) -> tuple[str, ...]:
        """The keys cited since ``len(self.citations)`` was ``start`` (a caption's, a title's)."""
        return tuple(dict.fromkeys(c.key for c in self.citations[start:]))

    @contextmanager
    def sourced_by(self, keys: tuple[str, ...]) -> Iterator[None]:
        """Blocks read inside cite ``keys`` when they cite nothing (a list's lead-in, a table's caption)."""
        saved = self.context
        self.context = keys or saved
        try:
            yield
        finally:
            self.context = saved

    @contextmanager
    def figure(self, image: str, line: int) -> Iterator[None]:
        """Read the caption of a ``figure`` directive showing ``image``: its keys source the image."""
        start = len(self.citations)
        try:
            yield
        finally:
            target = image.strip()
            if target and not target.startswith("/"):
                target = posixpath.normpath(posixpath.join(posixpath.dirname(self.page_path), target))
            if target:
                self.figures.append(FigureBlock(self.path, line, target, self.keys_since(start)))

    def bibliography(self, line: int, options: dict[str, str], argument: str, keys: list[str]) -> None:
        """A ``bibliography`` directive: which entries it lists, and the keys of its content.

        Keys listed as content are looked up like citations (sphinxcontrib-bibtex warns at the
        directive's line when one is missing).
        """
        files = tuple(name.rsplit("/", 1)[-1] for name in argument.split())
        self.bibliographies.append(BibliographyBlock(self.path, line, "all" in options, "notcited" in options, options.get("filter"), files))
        for key in keys:
            self.citations.append(Citation(self.path, line, key, "bibliography"))

    def define(self, line: int, term: str, item_line: int = 0) -> None:
        """A glossary term; ``item_line`` is the first term line of its item (shared definition)."""
        self.defined.append(DefinedTerm(self.path, line, term, item_line or line))

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
            bibliographies=tuple(self.bibliographies),
            figures=tuple(self.figures),
        )


def clip_include(text: str, options: dict[str, str]) -> tuple[str, int] | None:
    """The part of a fragment an include selects, and the 0-based fragment line it starts at.

    ``start-line``/``end-line`` slice lines, then ``start-after``/``end-before`` cut at the first
    occurrence of their text, as docutils and myst-parser do. None when a cut text is missing
    (both tools then refuse the include).
    """
    lines = text.splitlines()
    try:
        start = int(options["start-line"]) if options.get("start-line") else None
        end = int(options["end-line"]) if options.get("end-line") else None
    except ValueError:
        return None
    if start is not None and start < 0:
        start = max(0, len(lines) + start)
    text = "\n".join(lines[start:end])
    offset = start or 0
    after, before = options.get("start-after"), options.get("end-before")
    if after:
        index = text.find(after)
        if index < 0:
            return None
        offset += text.count("\n", 0, index + len(after))
        text = text[index + len(after) :]
    if before:
        index = text.find(before)
        if index < 0:
            return None
        text = text[:index]
    return text, offset


# -- Cells of a csv-table directive ------------------------------------------------------------
# Cells of a ``csv-table`` directive.
#
# docutils reads the directive's content with the :mod:`csv` module (``"`` quotes, doubled to
# escape, ``,`` or the ``:delim:`` option between cells); each cell is then parsed as body text of
# the page's syntax, so roles in cells count like roles anywhere else. Sphinx reports every role
# of the table (header cells included) at the first line of the content, so docscheck does too.
DELIMITERS = {"tab": "\t", "space": " "}


def _delimiter(option: str | None) -> str:
    if not option:
        return ","
    option = option.strip()
    if option.lower() in DELIMITERS:
        return DELIMITERS[option.lower()]
    if option.startswith("\\") or len(option) > 1:  # a Unicode escape or name: docutils accepts them; we approximate
        return ","
    return option


def csv_cells(lines: list[str], delimiter: str | None = None) -> Iterator[tuple[int, str]]:
    """``(offset, text)`` of each non-empty cell: ``offset`` is the 0-based line the cell starts on.

    A row the csv module cannot read is given back whole as one cell, so its roles still count.
    """
    delim = _delimiter(delimiter)
    index = 0
    while index < len(lines):
        start = index
        row_text = lines[index]
        index += 1
        # a quoted cell may run over several lines: extend the row until its quotes balance
        while row_text.count('"') % 2 and index < len(lines):
            row_text += "\n" + lines[index]
            index += 1
        try:
            rows = list(csv.reader([row_text], delimiter=delim, quotechar='"', skipinitialspace=True, strict=False))
        except csv.Error:
            rows = [[row_text]]
        position = 0
        for row in rows:
            for cell in row:
                text = cell.strip()
                if not text:
                    continue
                found = row_text.find(text.splitlines()[0], position)
                if found >= 0:
                    position = found
                yield start + row_text.count("\n", 0, max(found, 0)), text
