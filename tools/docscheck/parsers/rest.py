"""Read reStructuredText pages for what docscheck needs, without docutils: a line-based reader.

It recognises directives (and skips the literal ones), comments, literal blocks after ``::``,
section titles, a top-of-file field list (docinfo, used as page metadata), ``.. glossary::``
blocks, and the roles ``:term:`` and ``:cite:p:``… inside paragraphs, masking inline literals.
Running docutils would mean resolving every directive of every extension; a reader that knows
the block grammar is enough to locate roles, and stays fast and import-light.

Like docutils, it expands tabs to 8 columns before reading indentation. Included fragments
(``.. include::``) are read through the collector and parsed at their own lines; CSV tables
(``.. csv-table::``) are split into cells, each parsed as reST.
"""

from __future__ import annotations

import re
from typing import Any

from .markdown import LITERAL_DIRECTIVES, TABLE_DIRECTIVES
from .page_collector import PageCollector, csv_cells
from .glossary_blocks import rest_term_text, split_glossary
from .substitutions import definitions_in_text

DIRECTIVE = re.compile(r"^(\s*)\.\.\s+(?:\|[^|]+\|\s+)?(?P<name>[\w][\w:.+-]*)::(?:\s+(?P<arg>.*))?$")
EXPLICIT = re.compile(r"^(\s*)\.\.(?:\s|$)")
FOOTNOTE = re.compile(r"^\s*\.\.\s+\[[^\]]+\]\s*(?P<text>.*)$")
ADORNMENT = re.compile(r"^([!-/:-@\[-`{-~])\1{2,}\s*$")
FIELD = re.compile(r"^:(?P<key>[^:\s][^:]*):(?:\s+(?P<value>.*))?$")
INLINE_PATTERNS = (
    r"(?P<literal>``.+?``)",
    r"(?<![\w\\`]):(?P<name>[A-Za-z][\w+.-]*(?::[\w+.-]+)*):`(?P<content>(?:[^`\\]|\\.)+)`",
    r"(?P<link>`(?P<ltext>[^`]+)`_{1,2})",
    r"(?P<default>`[^`]+`)",
)
INLINE = re.compile("|".join(INLINE_PATTERNS), re.DOTALL)
#: :data:`INLINE` and substitution references (``|name|``, ``|name|_``), when the project has global substitutions
INLINE_WITH_SUBSTITUTIONS = re.compile(
    "|".join((*INLINE_PATTERNS[:2], r"(?<![\w\\|`])\|(?P<subst>[^\s|](?:[^|\n]*?[^\s|\\])?)\|(?:__?)?(?![\w|])", *INLINE_PATTERNS[2:])),
    re.DOTALL,
)


#: The characters an adornment line is made of (:data:`ADORNMENT`'s first character).
ADORNMENT_CHARS = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _adornment(stripped: str) -> bool:
    """``stripped`` (a line without its surrounding whitespace) is a title's adornment: the
    regex runs only on lines that start with a punctuation character."""
    return stripped[:1] in ADORNMENT_CHARS and ADORNMENT.match(stripped) is not None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _block_end(lines: list[str], start: int, indent: int) -> int:
    """Index after the indented block that belongs to the explicit markup at ``start``."""
    index = start + 1
    while index < len(lines) and (not lines[index].strip() or _indent(lines[index]) > indent):
        index += 1
    return index


def _dedent(lines: list[str]) -> list[str]:
    width = min((_indent(line) for line in lines if line.strip()), default=0)
    return [line[width:] for line in lines]


def read_docinfo(lines: list[str]) -> tuple[dict[str, object], dict[str, int], int]:
    """The field list at the top of a reST file (Sphinx's file-wide metadata) and where it ends."""
    meta: dict[str, object] = {}
    meta_lines: dict[str, int] = {}
    index = 0
    while index < len(lines) and (not lines[index].strip() or (EXPLICIT.match(lines[index]) and not DIRECTIVE.match(lines[index]))):
        index = _block_end(lines, index, _indent(lines[index])) if lines[index].strip() else index + 1
    while index < len(lines) and (m := FIELD.match(lines[index])):
        meta[m.group("key").strip()] = (m.group("value") or "").strip()
        meta_lines[m.group("key").strip()] = index + 1
        index += 1
    return meta, meta_lines, index


def expand_tabs(lines: list[str]) -> list[str]:
    """docutils reads reST with tabs expanded to 8 columns and form feeds as spaces."""
    return [line.expandtabs(8).replace("\v", " ").replace("\f", " ").rstrip() if ("\t" in line or "\v" in line or "\f" in line) else line for line in lines]


class RestPageParser:
    """Feeds a :class:`PageCollector` from reST lines (also used for MyST ``{eval-rst}``).

    ``myst`` (set by the caller) parses fragments included with a MyST ``:parser:``.
    """

    def __init__(self, collector: PageCollector) -> None:
        self.out = collector
        self.myst: Any = None
        #: lines of the options of the directive being read
        self.option_lines: dict[str, int] = {}

    def __call__(self, lines: list[str], first: int) -> None:
        self.parse(lines, first)

    def parse(self, lines: list[str], first: int) -> None:
        """Parse ``lines``; ``lines[0]`` is line ``first`` (1-based) of the file."""
        lines = expand_tabs(lines)
        paragraph: list[tuple[int, str]] = []
        literal_after: int | None = None
        index = 0
        while index < len(lines):
            line = lines[index]
            lineno = first + index
            stripped = line.strip()
            if not stripped:
                self.paragraph(paragraph)
                index += 1
                continue
            indent = _indent(line)
            if literal_after is not None and not paragraph:
                block_indent, literal_after = literal_after, None
                if indent > block_indent:
                    while index < len(lines) and (not lines[index].strip() or _indent(lines[index]) > block_indent):
                        index += 1
                    continue
            explicit = not paragraph and stripped.startswith("..")  # what DIRECTIVE and EXPLICIT need first
            if explicit and (m := DIRECTIVE.match(line)):
                end = _block_end(lines, index, indent)
                self.directive(m.group("name").lower(), m.group("arg") or "", lines[index + 1 : end], lineno)
                index = end
                continue
            if explicit and EXPLICIT.match(line):
                end = _block_end(lines, index, indent)
                if (fm := FOOTNOTE.match(line)) is not None:
                    self.parse([fm.group("text"), *_dedent(lines[index + 1 : end])], lineno)
                    self.paragraph([])
                index = end
                continue
            if not paragraph and index + 1 < len(lines) and _adornment(lines[index + 1].strip()) and not _adornment(stripped):
                self.paragraph([(lineno, line)], heading=True)
                index += 2
                continue
            if not paragraph and _adornment(stripped):
                if index + 2 < len(lines) and _adornment(lines[index + 2].strip()) and lines[index + 1].strip():
                    self.paragraph([(lineno + 1, lines[index + 1])], heading=True)
                    index += 3
                else:
                    index += 1
                continue
            paragraph.append((lineno, line))
            if stripped.endswith("::"):
                literal_after = _indent(paragraph[0][1])
                self.paragraph(paragraph)
            index += 1
        self.paragraph(paragraph)

    def directive(self, name: str, argument: str, body: list[str], line: int) -> None:
        self.paragraph([])
        self.out.directives.add(name)
        if name in LITERAL_DIRECTIVES and name != "bibliography":
            return
        content = _dedent(body)
        skipped = 0
        options: dict[str, str] = {}
        self.option_lines: dict[str, int] = {}
        while skipped < len(content) and (field := FIELD.match(content[skipped])):
            options[field.group("key").strip()] = (field.group("value") or "").strip()
            self.option_lines[field.group("key").strip()] = line + 1 + skipped
            skipped += 1
        content_first = line + 1 + skipped
        content = content[skipped:]
        if name == "bibliography":
            self.out.bibliography(line, options, argument, [k.strip() for k in content if k.strip()])
            return
        if name == "include":
            self.include(argument, options, line)
            return
        if name == "csv-table":
            self.csv_table(options, content, content_first, line)
            return
        if name == "glossary":
            for item in split_glossary(content, content_first, rest_term_text):
                for term_line, term in item.terms:
                    self.out.define(term_line, term, item.terms[0][0])
                if item.definition:
                    self.parse(list(item.definition), item.definition_line)
            return
        start = len(self.out.citations)
        if argument and name != "figure":  # a figure's argument is its image
            self.paragraph([(line, argument)])
        caption = self.out.keys_since(start) if name in TABLE_DIRECTIVES else ()
        with self.out.figure(argument, line) if name == "figure" else self.out.sourced_by(caption):
            with self.out.directive_body(line, line + len(body)) as readable:
                if readable:
                    self.parse(content, content_first)

    def include(self, target: str, options: dict[str, str], line: int) -> None:
        """``.. include::``: parse the fragment at its own lines (not for ``:literal:``/``:code:``).

        Sphinx resolves the path relative to the *document* (not to an including fragment), and
        docutils numbers the lines of a clipped fragment from the cut.
        """
        found = self.out.fragment(target, options, line, base=self.out.page_path)
        if found is None:
            return
        rel, fragment, offset = found
        if self.out.substitutions:
            self.out.substitutions.add(definitions_in_text(fragment))
        with self.out.included(rel):
            if "myst" in options.get("parser", "") and self.myst is not None:
                self.myst.parse(fragment, offset)
            else:
                self.parse(fragment.splitlines(), 1 if options.get("start-line") or options.get("start-after") else offset + 1)

    def csv_table(self, options: dict[str, str], content: list[str], first: int, line: int) -> None:
        """``.. csv-table::``: each cell (of the header option, the content or ``:file:``) is reST."""
        header_line = self.option_lines.get("header", line)
        for _offset, cell in csv_cells([options["header"]], options.get("delim")) if options.get("header") else ():
            self.parse(cell.splitlines(), header_line)
        if options.get("file"):
            found = self.out.read_include(options["file"], line, base=self.out.page_path)
            if found is not None:
                with self.out.included(found[0]):
                    for offset, cell in csv_cells(found[1].splitlines(), options.get("delim")):
                        self.parse(cell.splitlines(), 1 + offset)
            return
        for offset, cell in csv_cells(content, options.get("delim")):
            self.parse(cell.splitlines(), first + offset)

    def inline_pattern(self, text: str) -> re.Pattern[str]:
        """:data:`INLINE`, or with substitution references when the project has global ones and ``text`` may use one."""
        return INLINE_WITH_SUBSTITUTIONS if self.out.substitutions and "|" in text else INLINE

    def paragraph(self, lines: list[tuple[int, str]], heading: bool = False) -> None:
        """Emit one paragraph's roles and prose, then close it as a block."""
        if not lines:
            return
        first = lines[0][0]
        text = "\n".join(line for _n, line in lines)
        lines.clear()
        position = 0
        line = first
        for m in self.inline_pattern(text).finditer(text):
            self.plain(text[position : m.start()], line)
            line += text.count("\n", position, m.start())
            if m.group("name"):
                self.out.role(m.group("name"), m.group("content"), line)
            elif m.lastgroup == "subst":
                self.out.substitution(m.group("subst"), line)
            elif m.group("link"):
                self.out.text(line, m.group("ltext").split("<")[0], "link")
            elif m.group("default"):
                self.out.text(line, m.group("default").strip("`"), "link")
            else:
                self.out.text(line, " ", "break")
            line += text.count("\n", m.start(), m.end())
            position = m.end()
        self.plain(text[position:], line)
        self.out.end_block(heading=heading)

    def plain(self, text: str, line: int) -> None:
        for offset, piece in enumerate(text.split("\n")):
            if offset:
                self.out.text(line + offset, " ", "break")
            if piece:
                self.out.text(line + offset, piece, "text")
