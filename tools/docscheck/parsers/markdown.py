"""Parse MyST Markdown pages with myst-parser's own markdown-it setup into :class:`Page` records.

Why tokens and not regexes: a role inside a code span, a fenced code block or an HTML block is
not a role for Sphinx, and directive fences nest. markdown-it gives block line maps; the line of
a role inside a multi-line paragraph is found by locating its markup in the paragraph source.
"""

from __future__ import annotations

import functools
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

from .glossary_blocks import split_glossary
from .page_collector import PageCollector

#: Directives whose content is not MyST (code, data, file lists): roles in them do not count.
LITERAL_DIRECTIVES = frozenset(
    {
        "code", "code-block", "sourcecode", "code-cell", "literalinclude", "math", "raw", "toctree",
        "bibliography", "footbibliography", "csv-table", "mermaid", "graphviz", "digraph", "graph",
        "include", "image", "highlight", "index", "jupyter-execute", "ipython", "doctest",
        "testcode", "testoutput", "testsetup", "testcleanup", "automodule", "autoclass",
        "autofunction", "program-output", "command-output", "card-carousel", "literal",
    }
)  # fmt: skip
#: Directives without arguments: text after the name on the fence line is their first content line.
CONTENT_ON_FENCE_LINE = frozenset(
    {"note", "warning", "tip", "important", "caution", "attention", "danger", "error", "hint", "seealso"}
)
REST_DIRECTIVES = frozenset({"eval-rst", "eval_rst"})
#: Blocks inside which every inline token belongs to one "paragraph" (for citations and PAGE003).
GROUPING_BLOCKS = {"table_open": "table_close"}


@functools.lru_cache(maxsize=8)
def markdown_parser(extensions: frozenset[str]) -> MarkdownIt:
    """myst-parser's markdown-it, configured like a Sphinx build with these MyST extensions."""
    return create_md_parser(MdParserConfig(enable_extensions=set(extensions)), RendererHTML)


def directive_name(info: str) -> tuple[str, str] | None:
    """``{note} Title`` gives ``("note", "Title")``; a plain code fence gives None."""
    info = info.strip()
    if not info.startswith("{") or "}" not in info:
        return None
    end = info.index("}")
    return info[1:end].strip().lower(), info[end + 1 :].strip()


def split_directive_options(content: str) -> tuple[list[str], int]:
    """Drop a directive's option block (``:key: value`` lines or a ``---`` YAML block).

    Returns the content lines and how many source lines were dropped before them.
    """
    lines = content.split("\n")
    skipped = 0
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() == "---":
                skipped = index + 1
                break
    else:
        while skipped < len(lines) and lines[skipped].startswith(":") and not lines[skipped].startswith("::"):
            skipped += 1
    return lines[skipped:], skipped


class _InlineCursor:
    """Tracks the position (and line) of markup inside an inline token's source text."""

    def __init__(self, source: str, line: int) -> None:
        self.source = source
        self.pos = 0
        self.line = line

    def move_to(self, pos: int) -> None:
        if pos > self.pos:
            self.line += self.source.count("\n", self.pos, pos)
            self.pos = pos

    def find(self, needle: str) -> int:
        return self.source.find(needle, self.pos) if needle else -1


class MystPageParser:
    """Walks markdown-it tokens of one page; directive bodies are parsed recursively."""

    def __init__(self, md: MarkdownIt, collector: PageCollector, rest_parser: Any = None) -> None:
        self.md = md
        self.out = collector
        self.rest_parser = rest_parser

    def parse(self, text: str, offset: int = 0) -> None:
        """Parse ``text`` whose first line is line ``offset + 1`` of the file."""
        self.walk(self.md.parse(text), offset)

    def walk(self, tokens: list[Token], offset: int) -> None:
        group_end: str | None = None
        heading = False
        list_depth = 0
        for token in tokens:
            kind = token.type
            if kind in ("bullet_list_open", "ordered_list_open"):
                if list_depth == 0:
                    self.out.inherit_cited = self.out.lead_in_is_cited()
                list_depth += 1
            elif kind in ("bullet_list_close", "ordered_list_close"):
                list_depth -= 1
                if list_depth == 0:
                    self.out.inherit_cited = False
            elif kind in GROUPING_BLOCKS and group_end is None:
                group_end = GROUPING_BLOCKS[kind]
            elif kind == group_end:
                group_end = None
                self.out.end_block()
            elif kind == "heading_open":
                heading = True
            elif kind == "inline":
                line = offset + (token.map[0] if token.map else 0) + 1
                self.inline(token, line)
                if group_end is None:
                    self.out.end_block(heading=heading)
                heading = False
            elif kind in ("fence", "colon_fence"):
                self.directive(token, offset)

    def directive(self, token: Token, offset: int) -> None:
        parsed = directive_name(token.info)
        if parsed is None:
            return
        name, argument = parsed
        self.out.directives.add(name)
        fence_line = offset + (token.map[0] if token.map else 0) + 1
        lines, skipped = split_directive_options(token.content)
        first = fence_line + 1 + skipped
        if name in LITERAL_DIRECTIVES:
            return
        if name == "glossary":
            self.glossary(lines, first)
            return
        if name in REST_DIRECTIVES:
            if self.rest_parser is not None:
                self.rest_parser(lines, first)
            return
        if argument:
            # An admonition's fence-line text is content; another directive's argument is a title.
            self.walk_title(argument, fence_line, title=name not in CONTENT_ON_FENCE_LINE)
        self.parse("\n".join(lines), first - 1)

    def walk_title(self, text: str, line: int, title: bool) -> None:
        for token in self.md.parse(text):
            if token.type == "inline":
                self.inline(token, line)
                self.out.end_block(heading=title)

    def glossary(self, lines: list[str], first: int) -> None:
        for item in split_glossary(lines, first):
            for line, term in item.terms:
                self.out.define(line, term)
            if item.definition:
                self.parse("\n".join(item.definition), item.definition_line - 1)

    def inline(self, token: Token, line: int) -> None:
        cursor = _InlineCursor(token.content, line)
        link_depth = 0
        for child in token.children or []:
            kind = child.type
            if kind in ("softbreak", "hardbreak"):
                newline = cursor.find("\n")
                if newline >= 0:
                    cursor.move_to(newline + 1)
                self.out.text(cursor.line, " ", "break")
            elif kind == "text":
                self.out.text(cursor.line, child.content, "link" if link_depth else "text")
                found = cursor.find(child.content)
                if found >= 0 and "\n" not in cursor.source[cursor.pos : found]:
                    cursor.move_to(found + len(child.content))
            elif kind == "code_inline":
                start = cursor.find(child.markup)
                if start >= 0:
                    end = cursor.source.find(child.markup, start + len(child.markup))
                    cursor.move_to(end + len(child.markup) if end >= 0 else start + len(child.markup))
                self.out.text(cursor.line, " ", "break")
            elif kind == "myst_role":
                name = str(child.meta.get("name", ""))
                start = cursor.find("{" + name + "}")
                if start >= 0:
                    cursor.move_to(start)
                role_line = cursor.line
                if start >= 0:
                    body = cursor.source.find(child.content, start + len(name) + 2)
                    if body >= 0:
                        cursor.move_to(body + len(child.content))
                self.out.role(name, child.content, role_line)
            elif kind == "link_open":
                link_depth += 1
            elif kind == "link_close":
                link_depth = max(0, link_depth - 1)
            elif kind in ("math_inline", "math_inline_double", "html_inline", "image", "footnote_ref"):
                self.out.text(cursor.line, " ", "break")
