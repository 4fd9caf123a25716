"""Read reStructuredText pages for what docscheck needs, without docutils: a line-based reader.

It recognises directives (and skips the literal ones), comments, literal blocks after ``::``,
section titles, a top-of-file field list (docinfo, used as page metadata), ``.. glossary::``
blocks, and the roles ``:term:`` and ``:cite:p:``… inside paragraphs, masking inline literals.
Running docutils would mean resolving every directive of every extension; a reader that knows
the block grammar is enough to locate roles, and stays fast and import-light.
"""

from __future__ import annotations

import re

from .glossary_blocks import split_glossary
from .markdown import LITERAL_DIRECTIVES
from .page_collector import PageCollector

DIRECTIVE = re.compile(r"^(\s*)\.\.\s+(?:\|[^|]+\|\s+)?(?P<name>[\w][\w:.+-]*)::(?:\s+(?P<arg>.*))?$")
EXPLICIT = re.compile(r"^(\s*)\.\.(?:\s|$)")
FOOTNOTE = re.compile(r"^\s*\.\.\s+\[[^\]]+\]\s*(?P<text>.*)$")
ADORNMENT = re.compile(r"^([!-/:-@\[-`{-~])\1{2,}\s*$")
FIELD = re.compile(r"^:(?P<key>[^:\s][^:]*):(?:\s+(?P<value>.*))?$")
INLINE = re.compile(
    r"(?P<literal>``.+?``)"
    r"|(?<![\w\\`]):(?P<name>[A-Za-z][\w+.-]*(?::[\w+.-]+)*):`(?P<content>(?:[^`\\]|\\.)+)`"
    r"|(?P<link>`(?P<ltext>[^`]+)`_{1,2})"
    r"|(?P<default>`[^`]+`)",
    re.DOTALL,
)


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


class RestPageParser:
    """Feeds a :class:`PageCollector` from reST lines (also used for MyST ``{eval-rst}``)."""

    def __init__(self, collector: PageCollector) -> None:
        self.out = collector

    def __call__(self, lines: list[str], first: int) -> None:
        self.parse(lines, first)

    def parse(self, lines: list[str], first: int) -> None:
        """Parse ``lines``; ``lines[0]`` is line ``first`` (1-based) of the file."""
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
            if (m := DIRECTIVE.match(line)) and not paragraph:
                end = _block_end(lines, index, indent)
                self.directive(m.group("name").lower(), m.group("arg") or "", lines[index + 1 : end], lineno)
                index = end
                continue
            if EXPLICIT.match(line) and not paragraph:
                end = _block_end(lines, index, indent)
                if (fm := FOOTNOTE.match(line)) is not None:
                    self.parse([fm.group("text"), *_dedent(lines[index + 1 : end])], lineno)
                    self.paragraph([])
                index = end
                continue
            if not paragraph and index + 1 < len(lines) and ADORNMENT.match(lines[index + 1].strip()) and not ADORNMENT.match(stripped):
                self.paragraph([(lineno, line)], heading=True)
                index += 2
                continue
            if ADORNMENT.match(stripped) and not paragraph:
                if index + 2 < len(lines) and ADORNMENT.match(lines[index + 2].strip()) and lines[index + 1].strip():
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
        if name in LITERAL_DIRECTIVES:
            return
        content = _dedent(body)
        skipped = 0
        while skipped < len(content) and FIELD.match(content[skipped]):
            skipped += 1
        content_first = line + 1 + skipped
        content = content[skipped:]
        if name == "glossary":
            for item in split_glossary(content, content_first):
                for term_line, term in item.terms:
                    self.out.define(term_line, term)
                if item.definition:
                    self.parse(list(item.definition), item.definition_line)
            return
        if argument:
            self.paragraph([(line, argument)])
        self.parse(content, content_first)

    def paragraph(self, lines: list[tuple[int, str]], heading: bool = False) -> None:
        """Emit one paragraph's roles and prose, then close it as a block."""
        if not lines:
            return
        first = lines[0][0]
        text = "\n".join(line for _n, line in lines)
        lines.clear()
        position = 0
        line = first
        for m in INLINE.finditer(text):
            self.plain(text[position : m.start()], line)
            line += text.count("\n", position, m.start())
            if m.group("name"):
                self.out.role(m.group("name"), m.group("content"), line)
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
