"""Docstrings and gallery text of Python files, read with ``ast`` (never imported, never run).

autodoc renders the docstrings of the objects a directive names; sphinx-gallery renders the
module docstring and the ``# %%`` comment blocks of example scripts. Both are reST (numpydoc
and Google sections included: a ``Parameters`` heading is a section title, its items paragraphs),
so each block is handed to the reST page reader at its own first line, and its roles are
reported at their line in the ``.py`` file.

What a module renders, statically: its docstring, and the docstrings of its public objects
(classes, functions, methods and documented attributes whose name has no leading underscore, or
the names of a literal ``__all__``), including those it imports from other modules of the
project (``from .core import Thing`` documents ``Thing`` where it is defined).
"""

from __future__ import annotations

import ast
import functools
import re
from bisect import bisect_left
from collections.abc import Iterator

from docscheck.parsers.substitutions import ProjectSubstitutions, SubstitutionTable, definitions_in
from docscheck.records import Page, record

from docscheck.parsers.page_collector import PageCollector
from docscheck.parsers.rest import RestPageParser

ObjectNode = ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef
#: A role docscheck reads (term or citation): text without one needs no reST parsing.
ROLE_HINT = re.compile(r":(?:std:)?(?:term|(?:foot)?cite[\w:+.-]*|bibtex:[\w:+.-]+):`")


def holds_roles(text: str) -> bool:
    """``text`` holds a :data:`ROLE_HINT`. Every match contains one of the substrings "term:`",
    "cite" or "bibtex:": three plain substring searches settle most Python files before the
    regex, which stops at every colon of the code."""
    return ("term:`" in text or "cite" in text or "bibtex:" in text) and ROLE_HINT.search(text) is not None


@record
class TextBlock:
    """reST text found in a Python file: ``lines[0]`` is line ``line`` of the file."""

    line: int
    lines: tuple[str, ...]


def parse_module(text: str) -> ast.Module | None:
    """The module's syntax tree, or None when it does not parse (autodoc could not import it either)."""
    try:
        return ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


#: A top-level statement that starts a definition: the places a module is cut into chunks
#: (matched with :func:`_line_starts`: the leading newline ends the previous line).
DEFINITION = re.compile(r"\n(?:@|def[ \t]|async[ \t]+def[ \t]|class[ \t])")
TOP_IMPORT = re.compile(r"\n(?:from|import)[ \t]")
TRIPLE_QUOTE = re.compile(r"\"\"\"|'''")


def _chunk_tree(chunk: str, first_line: int) -> list[ast.stmt] | None:
    """The statements of ``chunk`` (line 1 of it is ``first_line`` of the file), or None.

    The chunk is parsed after ``first_line - 1`` empty lines: its nodes get their line in the file
    from the parser (cheaper than ``ast.increment_lineno`` on every node).
    """
    tree = parse_module("\n" * (first_line - 1) + chunk if first_line > 1 else chunk)
    return None if tree is None else tree.body


def _line_starts(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` (which starts with a literal ``\\n``) at the start of each line of
    ``text``, the first line included; ``m.start()`` is where the line starts in ``text``.

    Equivalent to a ``^`` pattern with ``re.MULTILINE``, which the regex engine tries at every
    character; a literal newline lets it jump from line to line (about 10× faster on a module).
    """
    return pattern.finditer("\n" + text)


def _through_last_role(chunk: str, hint: re.Pattern[str] = ROLE_HINT) -> str:
    """``chunk`` cut after the string literal holding its last role (a match of ``hint``): the code
    below cannot render."""
    last = None
    for last in hint.finditer(chunk):
        pass
    if last is None:
        return chunk
    close = TRIPLE_QUOTE.search(chunk, last.end())
    if close is None:
        return chunk
    end = chunk.find("\n", close.end())
    return chunk if end < 0 else chunk[: end + 1]


#: A member definition inside a class body (its indentation tells which level it is at), for
#: :func:`_line_starts`.
MEMBER = re.compile(r"\n(?P<indent>[ \t]+)(?:@|def[ \t]|async[ \t]+def[ \t]|class[ \t])")
CLASS_CHUNK = re.compile(r"^(?:@.*\n(?:[ \t)].*\n)*)*class[ \t]")


def _starts(matches: list[re.Match[str]]) -> list[int]:
    """Where definitions start (matches of :func:`_line_starts`), a decorator staying with what it
    decorates."""
    starts, decorated = [], False
    for m in matches:
        if not decorated:
            starts.append(m.start())
        decorated = m.string.startswith("@", m.start() + 1 + len(m.groupdict().get("indent") or ""))
    return starts


def _class_statements(chunk: str, first_line: int, hint: re.Pattern[str] = ROLE_HINT) -> list[ast.stmt] | None:
    """A class chunk parsed member by member: its head (docstring, attributes), then only the
    members that hold a role, each up to its last role. None when a cut does not parse."""
    members = list(_line_starts(MEMBER, chunk))
    if not members:
        return None
    indent = members[0].group("indent")
    starts = _starts([m for m in members if m.group("indent") == indent])
    head = _chunk_tree(chunk[: starts[0]] + f"{indent}pass\n", first_line)
    if not head or not isinstance(head[-1], ast.ClassDef):
        return None
    body = head[-1].body[:-1]
    ends = [*starts[1:], len(chunk)]
    for begin, end in zip(starts, ends):
        piece = chunk[begin:end]
        if not hint.search(piece):
            continue
        outdented = re.search(r"^\S", piece, re.MULTILINE)  # code after the class, at top level
        piece = piece[: outdented.start()] if outdented else piece
        lines = [line[len(indent):] if line.startswith(indent) else line for line in _through_last_role(piece, hint).split("\n")]
        statements = _chunk_tree("\n".join(lines), first_line + chunk.count("\n", 0, begin))
        if statements is None:
            return None
        body += statements
    head[-1].body = body or [ast.Pass()]
    return head


def parse_module_docs(text: str, hint: re.Pattern[str] | None = None) -> ast.Module | None:
    """The parts of a module that can render a role, as one syntax tree (None if it does not parse).

    Parsing a whole large module costs more than the rest of a docscheck run; the docstrings that
    matter are few. The module is cut at its top-level definitions: the part before the first one
    (docstring, imports, ``__all__``) and every definition that holds a role or an import are
    parsed, each up to the string literal of its last role. A cut that does not parse (a definition
    keyword at the start of a line inside a string) falls back to the whole module. ``hint``
    replaces :data:`ROLE_HINT` (a project whose global substitutions give roles also looks for
    their ``|name|``).
    """
    starts = [0, *(start for start in _starts(list(_line_starts(DEFINITION, text))) if start > 0)]
    if len(starts) == 1:
        return parse_module(text)
    starts.append(len(text))
    # where the top-level imports and the roles are, found once for the whole module (neither
    # crosses a line, and chunks are whole lines: a chunk holds one when it starts inside it)
    imports = [m.start() for m in _line_starts(TOP_IMPORT, text)]
    roles = [m.start() for m in hint.finditer(text)] if hint is not None else [m.start() for m in ROLE_HINT.finditer(text)] if holds_roles(text) else []
    hint = hint or ROLE_HINT
    body: list[ast.stmt] = []
    line = 1
    for begin, end in zip(starts, starts[1:]):
        if begin == 0 or _any_within(imports, begin, end):
            statements = _chunk_tree(text[begin:end], line)
        elif _any_within(roles, begin, end):
            chunk = text[begin:end]
            statements = _class_statements(chunk, line, hint) if CLASS_CHUNK.match(chunk) else None
            if statements is None:
                statements = _chunk_tree(_through_last_role(chunk, hint), line)
            if statements is None:
                statements = _chunk_tree(chunk, line)
        else:
            statements = []
        if statements is None:
            return parse_module(text)
        body += statements
        line += text.count("\n", begin, end)
    return ast.Module(body=body, type_ignores=[])


def _any_within(positions: list[int], begin: int, end: int) -> bool:
    """One of the sorted ``positions`` lies in ``[begin, end)``."""
    index = bisect_left(positions, begin)
    return index < len(positions) and positions[index] < end


def _string_block(node: ast.AST | None, roles_only: bool = False) -> TextBlock | None:
    """A string-literal statement as a text block, indentation removed as ``inspect.cleandoc`` does
    (but keeping leading blank lines, so that list index + first line = line in the file).

    With ``roles_only``, a string without a term or citation role gives None (it cannot change a
    finding; removing indentation cannot make or break a role, which holds no whitespace).
    """
    if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)):
        return None
    if roles_only and not holds_roles(node.value.value):
        return None
    text = node.value.value.expandtabs()
    raw = text.split("\n")
    rest = raw[1:]
    width = min(map(len, INDENT.findall(text)), default=0)  # of the lines after the first that are not blank
    return TextBlock(node.value.lineno, (raw[0].lstrip(), *([line[width:] for line in rest] if width else rest)))


#: The indentation of a line that is not blank, after a newline.
INDENT = re.compile(r"\n([^\S\n]*)\S")


def docstring(node: ast.Module | ObjectNode, roles_only: bool = False) -> TextBlock | None:
    return _string_block(node.body[0], roles_only) if node.body else None


def _string_items(node: ast.AST, lists: dict[str, list[str]]) -> list[str] | None:
    """The strings of a literal list or tuple, or of a top-level name bound to one; else None."""
    if isinstance(node, ast.Name):
        return lists.get(node.id)
    try:
        names = ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, RecursionError):
        return None
    if isinstance(names, str):
        return [names]
    if isinstance(names, (list, tuple)) and all(isinstance(n, str) for n in names):
        return list(names)
    return None


def _literal_all(tree: ast.Module) -> frozenset[str] | None:
    """The names of ``__all__``: its literal list, extended as the module extends it
    (``__all__ += __lite_funcs__``, ``__all__.extend([...])``, ``.append("x")``, with literal lists or
    top-level names bound to them). None when there is none or a part is computed: every public name."""
    lists: dict[str, list[str]] = {}
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    items = _string_items(node.value, lists)
                    if items is not None:
                        lists[target.id] = items
                    elif target.id == "__all__":
                        return None
                    else:
                        lists.pop(target.id, None)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and node.target.id == "__all__":
            items = _string_items(node.value, lists) if isinstance(node.op, ast.Add) else None
            if items is None or "__all__" not in lists:
                return None
            lists["__all__"] = lists["__all__"] + items
        elif (
            isinstance(node, ast.Expr)
            and isinstance(call := node.value, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and isinstance(call.func.value, ast.Name)
            and call.func.value.id == "__all__"
            and call.func.attr in ("extend", "append")
        ):
            items = _string_items(call.args[0], lists) if len(call.args) == 1 else None
            if items is None or "__all__" not in lists or (call.func.attr == "append" and not isinstance(call.args[0], ast.Constant)):
                return None
            lists["__all__"] = lists["__all__"] + items
    return frozenset(lists["__all__"]) if "__all__" in lists else None


def _attribute_docs(body: list[ast.stmt], public: frozenset[str] | None = None, roles_only: bool = False) -> Iterator[TextBlock]:
    """Docstrings written right after an assignment (``x = 1`` then ``\"\"\"The x.\"\"\"``)."""
    for before, node in zip(body, body[1:]):
        if isinstance(before, (ast.Assign, ast.AnnAssign)) and (block := _string_block(node, roles_only)) is not None:
            targets = before.targets if isinstance(before, ast.Assign) else [before.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            if any(_is_public(name, public) for name in names):
                yield block


def _is_public(name: str, public: frozenset[str] | None) -> bool:
    return name in public if public is not None else not name.startswith("_")


def object_blocks(node: ObjectNode, roles_only: bool = False) -> Iterator[TextBlock]:
    """What autodoc renders of a class or function: its docstring; for a class, its public members.

    With ``roles_only``, only the blocks that hold a term or citation role."""
    if (block := docstring(node, roles_only)) is not None:
        yield block
    if isinstance(node, ast.ClassDef):
        for member in node.body:
            if isinstance(member, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and _is_public(member.name, None):
                yield from object_blocks(member, roles_only)
        yield from _attribute_docs(node.body, None, roles_only)


def defined_objects(tree: ast.Module) -> dict[str, ObjectNode]:
    """Top-level classes and functions by name (the last definition wins, as at import)."""
    return {node.name: node for node in tree.body if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))}


def _top_statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Statements run at import: the module body and the bodies of its top-level ``if`` and ``try``."""
    for node in body:
        yield node
        if isinstance(node, ast.If):
            yield from _top_statements(node.body + node.orelse)
        elif isinstance(node, ast.Try):
            yield from _top_statements(node.body + node.orelse + node.finalbody + [s for h in node.handlers for s in h.body])


def imported_names(tree: ast.Module) -> dict[str, tuple[int, str, str]]:
    """Names a module imports with ``from X import a``: name → (level, module, original name).

    A ``*`` import gets the key ``*<module>`` and the original name ``*``.
    """
    found: dict[str, tuple[int, str, str]] = {}
    for node in _top_statements(tree.body):
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if alias.name == "*":
                    found[f"*{'.' * node.level}{node.module}"] = (node.level, node.module or "", "*")
                else:
                    found[alias.asname or alias.name] = (node.level, node.module or "", alias.name)
    return found


def module_blocks(tree: ast.Module, roles_only: bool = False) -> Iterator[TextBlock]:
    """What a documented module renders of itself: docstring, public objects, attribute docs.

    With ``roles_only``, only the blocks that hold a term or citation role."""
    if (block := docstring(tree, roles_only)) is not None:
        yield block
    public = _literal_all(tree)
    for name, node in defined_objects(tree).items():
        if _is_public(name, public):
            yield from object_blocks(node, roles_only)
    yield from _attribute_docs(tree.body, public, roles_only)


def public_imports(tree: ast.Module) -> list[tuple[int, str, str]]:
    """The imports through which a module documents objects defined elsewhere (its public API)."""
    public = _literal_all(tree)
    return [target for name, target in imported_names(tree).items() if target[2] == "*" or _is_public(name, public) and target[2] != "*"]


LEADING_STRING = re.compile(r"\A(?:\ufeff)?(?:[ \t]*(?:#.*)?\n)*[ \t]*[rRuU]?(?P<quote>\"\"\"|\'\'\')")


def script_head(text: str) -> ast.Module | None:
    """The module docstring of a script, parsed alone when it opens the file (the code below it
    is not text); otherwise the whole script."""
    if (m := LEADING_STRING.match(text)) is not None and (close := text.find(m.group("quote"), m.end())) >= 0:
        end = text.find("\n", close)
        head = parse_module(text if end < 0 else text[: end + 1])
        if head is not None:
            return head
    return parse_module(text)


#: A separator line (``# %%`` or a line of 20 ``#`` or more), for :func:`_line_starts`.
GALLERY_SEPARATOR = re.compile(r"\n[ \t]*(?:#[ \t]*%%.*|#{20,}[ \t]*)(?=\n)")
#: The comment block after a separator (the text sphinx-gallery renders): it ends at the first
#: line that is not a comment, or that is a separator.
GALLERY_BLOCK = re.compile(r"(?:[ \t]*#(?![ \t]*%%|#{19,}).*(?:\n|$))*")
COMMENT_MARK = re.compile(r"^[ \t]*# ?", re.MULTILINE)


def gallery_blocks(text: str, tree: ast.Module, roles_only: bool = False) -> list[TextBlock]:
    """The reST of a sphinx-gallery script: module docstring, then each ``# %%`` comment block.

    A block never holds a separator line, so every separator line opens one, found by a scan from
    line start to line start (:func:`_line_starts`). With ``roles_only``, only the blocks that
    hold a term or citation role (removing the comment marks cannot make or break one).
    """
    blocks = [block] if (block := docstring(tree, roles_only)) is not None else []
    line, counted = 1, 0
    separators = [m.end() for m in _line_starts(GALLERY_SEPARATOR, text)]  # where each block starts
    roles = [m.start() for m in ROLE_HINT.finditer(text)] if roles_only else []
    for start, following in zip(separators, [*separators[1:], len(text)]):
        if roles_only and not _any_within(roles, start, following):
            continue  # a block ends before the next separator line: no role in it
        m = GALLERY_BLOCK.match(text, start)
        assert m is not None  # the pattern matches the empty string
        if roles_only and not _any_within(roles, start, m.end()):
            continue
        line += text.count("\n", counted, start)
        counted = start
        comment = COMMENT_MARK.sub("", m.group()).split("\n")
        if comment and comment[-1] == "":
            comment.pop()
        if any(row.strip() for row in comment):
            blocks.append(TextBlock(line, tuple(comment)))
    return blocks


def has_roles(block: TextBlock) -> bool:
    """The block holds a term or citation role (only those blocks are worth parsing)."""
    return any(ROLE_HINT.search(line) for line in block.lines)


TOP_DEFINITION = re.compile(r"\n(?:async[ \t]+def|def|class)[ \t]+(\w+)")


def top_level_names(text: str) -> frozenset[str]:
    """Names of the top-level classes and functions of the module ``text`` (a cheap pre-check)."""
    return frozenset(TOP_DEFINITION.findall("\n" + text))


class RoleCollector(PageCollector):
    """A collector that keeps roles only: no prose rule reads docstrings, so their text is not kept."""

    def text(self, line: int, text: str, kind: str = "text") -> None:
        return


class RoleParser(RestPageParser):
    """The reST reader, for roles only: a paragraph without a term or citation role (or a ``use``
    of a global substitution giving one) is skipped."""

    use: re.Pattern[str] | None = None

    def paragraph(self, lines: list[tuple[int, str]], heading: bool = False) -> None:
        if not lines:
            return  # as the reader does for an empty paragraph (it is called at every blank line)
        text = "\n".join([text for _line, text in lines])
        line = lines[0][0]
        lines.clear()
        if not ROLE_HINT.search(text) and not (self.use is not None and self.use.search(text)):
            return
        # RestPageParser.paragraph's matches, keeping only what a RoleCollector keeps (roles and
        # substitution uses, at their lines): no text between matches is cut out or emitted.
        counted = 0
        for m in self.inline_pattern(text).finditer(text):
            if m.group("name"):
                line += text.count("\n", counted, m.start())
                counted = m.start()
                self.out.role(m.group("name"), m.group("content"), line)
            elif m.lastgroup == "subst":
                line += text.count("\n", counted, m.start())
                counted = m.start()
                self.out.substitution(m.group("subst"), line)
        self.out.end_block(heading=heading)


#: A blank line (whitespace only) followed by a line that starts at column 0, in ``"\\n" + text``.
SECTION_CUT = re.compile(r"\n[^\S\n]*\n(?=\S)")
#: :data:`docscheck.parsers.rest.EXPLICIT` (explicit markup) from newline to newline.
EXPLICIT_LINE = re.compile(r"\n[^\S\n]*\.\.(?:\s|\Z)")


def _sections(lines: list[str], use: re.Pattern[str] | None = None) -> Iterator[tuple[int, list[str]]]:
    """The parts of a block that can give the page something, with their offset in the block.

    A block is cut before each line that starts at column 0 after a blank line (a numpydoc
    section title, a parameter after a blank line, a new paragraph): there the reST reader is at
    the top level with nothing open (the blank line closed the paragraph, the column-0 line ends
    any directive body, comment or literal block), so each part reads as it reads in the whole
    block. A part without a term or citation role, without explicit markup (``..``: a
    directive, a comment, a footnote) and without a ``use`` of a global substitution giving a role gives nothing (:class:`RoleParser` drops paragraphs
    without a role), so it is not read at all: most of a long docstring.
    """
    text = "\n" + "\n".join(lines)  # a line starts after each newline (tabs need no expanding here)
    cuts = [m.end() for m in SECTION_CUT.finditer(text)]
    if not cuts:
        yield 0, lines  # one part: read whole, as the reader reads any block
        return
    starts = [1, *cuts, len(text) + 1]
    for begin, end in zip(starts, starts[1:]):
        if ROLE_HINT.search(text, begin, end) or EXPLICIT_LINE.search(text, begin - 1, end) or (use is not None and use.search(text, begin, end)):
            yield text.count("\n", 1, begin), text[begin : end - 1].split("\n")


@functools.lru_cache(maxsize=8)
def use_pattern(names: frozenset[str]) -> re.Pattern[str] | None:
    """``|name|`` for any of ``names`` (global substitutions whose text gives a role), or None."""
    return re.compile(r"\|(?:%s)\|" % "|".join(map(re.escape, sorted(names, key=len, reverse=True)))) if names else None


def blocks_page(path: str, blocks: list[TextBlock], substitutions: ProjectSubstitutions | None = None) -> Page:
    """The roles of ``blocks`` (reST) as a :class:`Page` at ``path`` (a ``.py`` file of ROOT),
    with the global ``substitutions`` their uses give (those the blocks do not define)."""
    collector = RoleCollector(path)
    collector.substitutions = SubstitutionTable(substitutions)
    if collector.substitutions:
        for block in blocks:
            collector.substitutions.add(definitions_in(block.lines))
    rest = RoleParser(collector)
    rest.use = use_pattern(substitutions.role_names()) if substitutions else None
    with collector.reading():
        for block in sorted(set(blocks), key=lambda b: b.line):
            for offset, lines in _sections(list(block.lines), rest.use):
                rest.parse(lines, block.line + offset)
            collector.end_block()
    return collector.page({}, {}, False, False)
