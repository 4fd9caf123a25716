"""Parse MyST Markdown pages with myst-parser's own markdown-it setup into :class:`Page` records.

Why tokens and not regexes: a role inside a code span, a fenced code block or an HTML block is
not a role for Sphinx, and directive fences nest. markdown-it gives block line maps; the line of
a role inside a multi-line paragraph is found by locating its markup in the paragraph source.

Also read as Sphinx reads them: definition lists with the ``{.glossary}`` attribute (they define
terms), ```` ```{include} ```` fragments (at their own lines), ``csv-table`` cells. Where
markdown-it stops parsing (nesting deeper than its ``maxNesting``), the page gets a FILE001: the
lines it skips are not rendered by Sphinx either.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import make_fence_rule
from markdown_it.token import Token
from mdit_py_plugins.amsmath import amsmath_plugin
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.field_list import fieldlist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.myst_blocks import myst_block_plugin
from mdit_py_plugins.myst_role import myst_role_plugin
from mdit_py_plugins.substitution import substitution_plugin

from .page_collector import PageCollector, csv_cells
from .glossary_blocks import inline_plain_text, myst_term_text, split_glossary

#: Directives whose content is not MyST (code, data, file lists): roles in them do not count.
LITERAL_DIRECTIVES = frozenset(
    {
        "code", "code-block", "sourcecode", "code-cell", "literalinclude", "math", "raw", "toctree",
        "bibliography", "footbibliography", "mermaid", "graphviz", "digraph", "graph",
        "image", "figure-md-source", "highlight", "index", "jupyter-execute", "ipython", "doctest",
        "testcode", "testoutput", "testsetup", "testcleanup", "automodule", "autoclass",
        "autofunction", "program-output", "command-output", "card-carousel", "literal",
    }
)  # fmt: skip
#: Directives without arguments: text after the name on the fence line is their first content line.
CONTENT_ON_FENCE_LINE = frozenset(
    {"note", "warning", "tip", "important", "caution", "attention", "danger", "error", "hint", "seealso"}
)
REST_DIRECTIVES = frozenset({"eval-rst", "eval_rst"})
QUOTED_SCALAR = re.compile(r'"(?P<double>(?:[^"\\]|\\.)*)"\s*|\'(?P<single>(?:[^\']|\'\')*)\'\s*')
#: Blocks inside which every inline token belongs to one "paragraph" (for citations and PAGE003).
GROUPING_BLOCKS = {"table_open": "table_close"}
#: Directives whose argument is a caption that sources their table (PAGE006).
TABLE_DIRECTIVES = frozenset({"table", "list-table", "csv-table"})


def myst_markdown_it(extensions: frozenset[str]) -> MarkdownIt:
    """The markdown-it that ``myst_parser.parsers.mdit.create_md_parser`` builds for a Sphinx build
    with ``myst_enable_extensions = extensions`` (and myst-parser's defaults for every other option).

    The same calls in the same order, without importing myst-parser itself: its configuration
    classes (and docutils behind them) cost a tenth of docscheck's start, and only this wiring is
    needed. ``test_myst_wiring_is_myst_parsers_own`` (tests/docscheck/test_docscheck_parsers.py) holds it to ``create_md_parser``: same rules, same
    options, same tokens, for every extension docscheck knows (``KNOWN_MYST_EXTENSIONS``). Left
    out: the ``wordcount`` plugin (reading-time statistics, no token depends on them) and the
    extensions docscheck does not enable (linkify, gfm_autolink, section_ref, alert).
    """
    md = (
        MarkdownIt("commonmark")
        .enable("table")
        .use(front_matter_plugin)
        .use(myst_block_plugin)
        .use(myst_role_plugin)
        .use(footnote_plugin, inline=False, move_to_end=False, always_match_refs=True)
    )
    typographer = False
    for rule in ("smartquotes", "replacements"):
        if rule in extensions:
            md.enable(rule)
            typographer = True
    if "strikethrough" in extensions:
        md.enable("strikethrough")
        md.options["strikethrough_single_tilde"] = False
    if "dollarmath" in extensions:
        md.use(dollarmath_plugin, allow_labels=True, allow_space=True, allow_digits=True, double_inline=False)
    if "colon_fence" in extensions:
        fence = make_fence_rule(markers=(":",), token_type="colon_fence", exact_match=False)
        md.block.ruler.before("fence", "colon_fence", fence, {"alt": ["paragraph", "reference", "blockquote", "list", "footnote_def"]})
    if "amsmath" in extensions:
        md.use(amsmath_plugin)
    if "deflist" in extensions:
        md.use(deflist_plugin)
    if "fieldlist" in extensions:
        md.use(fieldlist_plugin)
    if "tasklist" in extensions:
        md.options["tasklists"] = True
        md.options["tasklists_editable"] = False
    if "substitution" in extensions:
        md.use(substitution_plugin, "{", "}")
    if "attrs_inline" in extensions:
        md.use(attrs_plugin, after=("image", "code_inline", "link_close", "span_close"), spans=True, span_after="footnote_ref")
    if "attrs_block" in extensions:
        md.use(attrs_block_plugin)
    md.options.update({"typographer": typographer, "linkify": False})
    return md


@functools.lru_cache(maxsize=8)
def markdown_parser(extensions: frozenset[str]) -> MarkdownIt:
    """myst-parser's markdown-it, configured like a Sphinx build with these MyST extensions.

    Its block tokenizer is wrapped to note where markdown-it gives up because of nesting
    (``md.nesting_skips``, reset by each :meth:`MystPageParser.parse`).
    """
    md = myst_markdown_it(extensions)
    original = md.block.tokenize
    skips: list[tuple[int, int]] = []
    limit = md.options.maxNesting

    def tokenize(state: Any, start: int, end: int) -> None:
        if state.level >= limit:
            line = state.skipEmptyLines(start)
            if line < end and state.sCount[line] >= state.blkIndent:
                skips.append((line, end))
        original(state, start, end)

    md.block.tokenize = tokenize  # type: ignore[method-assign]
    md.nesting_skips = skips  # type: ignore[attr-defined]
    return md


def directive_name(info: str) -> tuple[str, str] | None:
    """``{note} Title`` gives ``("note", "Title")``; a plain code fence gives None."""
    info = info.strip()
    if not info.startswith("{") or "}" not in info:
        return None
    end = info.index("}")
    return info[1:end].strip().lower(), info[end + 1 :].strip()


def directive_options(content: str) -> dict[str, str]:
    """A MyST directive's options: ``:key: value`` lines or a ``---`` YAML block (values as text)."""
    lines = content.split("\n")
    options: dict[str, str] = {}
    if lines and lines[0].strip() == "---":
        import yaml

        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        if end is None:
            return {}
        try:
            data = yaml.safe_load("\n".join(lines[1:end]))
        except (yaml.YAMLError, ValueError, TypeError, RecursionError):
            return {}
        if isinstance(data, dict):
            options = {str(k): "" if v is None else str(v) for k, v in data.items()}
        return options
    for line in lines:
        if not line.startswith(":") or line.startswith("::"):
            break
        key, _, value = line[1:].partition(":")
        value = value.strip()
        if value[:1] in ("'", '"'):
            # MyST reads option values as YAML scalars: `"A", "B"` is invalid and MyST drops the
            # whole option block (with a warning); a single quoted scalar is unquoted.
            if not (m := QUOTED_SCALAR.fullmatch(value)):
                return {}
            value = m.group("double").replace('\\"', '"') if m.group("double") is not None else m.group("single").replace("''", "'")
        options[key.strip()] = value
    return options


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
        self._depth = 0
        self._options_text: list[str] = []

    def parse(self, text: str, offset: int = 0) -> None:
        """Parse ``text`` whose first line is line ``offset + 1`` of the file."""
        skips: list[tuple[int, int]] = getattr(self.md, "nesting_skips", [])
        skips.clear()
        tokens = self.md.parse(text)
        self._depth += 1
        try:
            if skips:
                self.nesting_error(skips[0], text, offset)
                skips.clear()
            self.walk(tokens, offset)
        finally:
            self._depth -= 1

    def nesting_error(self, skipped: tuple[int, int], text: str, offset: int) -> None:
        """FILE001 where markdown-it stops: what it skips, Sphinx (same parser) does not render."""
        start, end = skipped
        last = text.count("\n") + (0 if text.endswith("\n") else 1)
        first_line, last_line = offset + start + 1, offset + end
        if end >= last and self._depth == 1 and not self.out.in_include:
            what = "the rest of the page"
        elif last_line > first_line:
            what = f"lines {first_line}–{last_line}"
        else:
            what = f"line {first_line}"
        self.out.error(
            first_line,
            f"lists or block quotes nested deeper than {self.md.options.maxNesting} levels (markdown-it's limit): from here, "
            f"{what} is not parsed, so docscheck cannot check it and it is not rendered in the built page either; reduce the nesting",
        )

    def walk(self, tokens: list[Token], offset: int) -> None:
        group_end: str | None = None
        heading = False
        list_depth = 0
        #: the sources of the enclosing blocks, restored when a list or table introduced by a cited
        #: lead-in (« … {cite:p}`k` : ») ends
        outer_list: tuple[str, ...] = ()
        outer_table: tuple[str, ...] = ()
        #: for each open definition list, whether it is a glossary (``{.glossary}``)
        glossaries: list[bool] = []
        in_term = False
        for token in tokens:
            kind = token.type
            if kind in ("bullet_list_open", "ordered_list_open"):
                if list_depth == 0:
                    outer_list = self.out.context
                    self.out.context = self.out.lead_in_keys() or outer_list
                list_depth += 1
            elif kind in ("bullet_list_close", "ordered_list_close"):
                list_depth -= 1
                if list_depth == 0:
                    self.out.context = outer_list
            elif kind in GROUPING_BLOCKS and group_end is None:
                group_end = GROUPING_BLOCKS[kind]
                outer_table = self.out.context
                self.out.context = self.out.lead_in_keys() or outer_table
            elif kind == group_end:
                group_end = None
                self.out.end_block()
                self.out.context = outer_table
            elif kind == "tr_open" and group_end is not None:
                self.out.row()
            elif kind == "heading_open":
                heading = True
            elif kind == "dl_open":
                glossaries.append("glossary" in str(token.attrs.get("class", "")).split())
            elif kind == "dl_close":
                glossaries.pop() if glossaries else None
            elif kind == "dt_open":
                in_term = bool(glossaries and glossaries[-1])
            elif kind == "dt_close":
                in_term = False
            elif kind == "inline":
                line = offset + (token.map[0] if token.map else 0) + 1
                if in_term:
                    if term := inline_plain_text(token.children or []):
                        self.out.define(line, term, line)
                    self.inline(token, line, define_only=True)
                    continue
                if group_end is not None:
                    self.out.text(line, " ", "break")  # between table cells
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
        if name == "bibliography":
            self.out.bibliography(fence_line, directive_options(token.content), argument, [k.strip() for k in lines if k.strip()])
            return
        if name in LITERAL_DIRECTIVES:
            return
        if name == "glossary":
            self.glossary(lines, first)
            return
        if name in REST_DIRECTIVES:
            if self.rest_parser is not None:
                self.rest_parser(lines, first)
            return
        if name == "include":
            self.include(argument, directive_options(token.content), fence_line)
            return
        start = len(self.out.citations)
        if name == "csv-table":
            self._options_text = token.content.split("\n")[:skipped]
            self.csv_table(directive_options(token.content), lines, first, fence_line, argument)
            return
        if argument and name != "figure":  # a figure's argument is its image
            # An admonition's fence-line text is content; another directive's argument is a title.
            self.walk_title(argument, fence_line, title=name not in CONTENT_ON_FENCE_LINE)
        last = offset + (token.map[1] if token.map else 0)
        caption = self.out.keys_since(start) if name in TABLE_DIRECTIVES else ()
        with self.out.figure(argument, fence_line) if name == "figure" else self.out.sourced_by(caption):
            with self.out.directive_body(fence_line, last) as readable:
                if readable:
                    self.parse("\n".join(lines), first - 1)

    def include(self, target: str, options: dict[str, str], line: int) -> None:
        """```` ```{include} ````: the fragment is MyST, at its own lines, relative to the current file."""
        found = self.out.fragment(target, options, line)
        if found is not None:
            rel, fragment, offset = found
            with self.out.included(rel):
                self.parse(fragment, offset)

    def csv_table(self, options: dict[str, str], lines: list[str], first: int, line: int, title: str) -> None:
        """``csv-table``: the title, the header option and each cell are MyST."""
        start = len(self.out.citations)
        if title:
            self.walk_title(title, line, title=True)
        with self.out.sourced_by(self.out.keys_since(start)):
            self.csv_table_cells(options, lines, first, line)

    def csv_table_cells(self, options: dict[str, str], lines: list[str], first: int, line: int) -> None:
        header_line = line + next((i + 1 for i, text in enumerate(self._options_text) if text.startswith(":header:")), 0)
        for _offset, cell in csv_cells([options["header"]], options.get("delim")) if options.get("header") else ():
            self.parse(cell, header_line - 1)
        if options.get("file"):
            found = self.out.read_include(options["file"], line)
            if found is not None:
                with self.out.included(found[0]):
                    for offset, cell in csv_cells(found[1].splitlines(), options.get("delim")):
                        self.parse(cell, offset)
            return
        for offset, cell in csv_cells(lines, options.get("delim")):
            self.parse(cell, first - 1 + offset)

    def walk_title(self, text: str, line: int, title: bool) -> None:
        for token in self.md.parse(text):
            if token.type == "inline":
                self.inline(token, line)
                self.out.end_block(heading=title)

    def glossary(self, lines: list[str], first: int) -> None:
        for item in split_glossary(lines, first, lambda line: myst_term_text(line, self.md)):
            for line, term in item.terms:
                self.out.define(line, term, item.terms[0][0])
            if item.definition:
                self.parse("\n".join(item.definition), item.definition_line - 1)

    def inline(self, token: Token, line: int, define_only: bool = False) -> None:
        """Roles and visible text of an inline token; ``define_only``: a glossary term line,
        whose roles still count (Sphinx resolves them) but whose text is not prose."""
        if define_only:
            for child in token.children or []:
                if child.type == "myst_role":
                    self.out.role(str(child.meta.get("name", "")), child.content, line)
            self.out.end_block()
            return
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
