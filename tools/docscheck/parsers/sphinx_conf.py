"""Read a Sphinx ``conf.py`` statically: literal top-level assignments only, never executed.

A project's configuration is code; running it could do anything (network, writes). The settings
docscheck needs are almost always plain literals, so ``ast.literal_eval`` on each top-level
assignment is enough, and anything computed is simply ignored.
"""

from __future__ import annotations

import ast
from dataclasses import field

from docscheck.records import SourceError, record

#: conf.py names docscheck understands.
KNOWN_NAMES = frozenset(
    {
        "bibtex_bibfiles",
        "exclude_patterns",
        "include_patterns",
        "templates_path",
        "source_suffix",
        "master_doc",
        "root_doc",
        "myst_enable_extensions",
        "extensions",
        "language",
        "project",
        "termbase_glossary_dir",
    }
)
#: Names holding a list: when computed, their literal strings are still worth reading.
LIST_NAMES = frozenset({"bibtex_bibfiles", "exclude_patterns", "include_patterns", "templates_path", "myst_enable_extensions", "extensions"})
LIST_METHODS = frozenset({"append", "extend", "insert"})
LITERAL_ERRORS = (ValueError, TypeError, SyntaxError, RecursionError, MemoryError)


@record
class SphinxConf:
    """The literal settings of a conf.py, and the line where each was assigned.

    ``partial`` maps a list setting that conf.py *computes* (``exclude_patterns = BASE + [...]``)
    to its line: ``values`` then holds only the strings written literally in that expression.
    """

    values: dict[str, object] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    partial: dict[str, int] = field(default_factory=dict)

    def get(self, name: str, default: object = None) -> object:
        return self.values.get(name, default)


def _targets(node: ast.stmt) -> list[tuple[str, ast.expr | None]]:
    if isinstance(node, ast.Assign):
        return [(t.id, node.value) for t in node.targets if isinstance(t, ast.Name)]
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return [(node.target.id, node.value)]
    if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
        return [(node.target.id, None)]
    return []


def literal_strings(node: ast.AST) -> list[str]:
    """Strings written as elements of list, tuple or set displays anywhere inside ``node``."""
    found: list[str] = []
    for child in ast.walk(node):
        if isinstance(child, (ast.List, ast.Tuple, ast.Set)):
            found += [e.value for e in child.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    return found


def _method_call(node: ast.stmt) -> tuple[str, str, list[ast.expr]] | None:
    """``name.append(x)`` / ``name.extend([...])`` at top level: (name, method, arguments)."""
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        func = node.value.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.attr in LIST_METHODS:
            return func.value.id, func.attr, list(node.value.args)
    return None


def _literal(node: ast.expr) -> tuple[bool, object]:
    try:
        return True, ast.literal_eval(node)
    except LITERAL_ERRORS:
        return False, None


def parse_sphinx_conf(text: str, path: str) -> SphinxConf:
    """Collect literal assignments of :data:`KNOWN_NAMES`; raises :class:`SourceError` on bad syntax.

    ``x += [...]``, ``x.append(...)`` and ``x.extend([...])`` after a literal list are applied too,
    as they are common idioms for ``extensions`` and ``exclude_patterns``. A list setting whose
    value is computed keeps its literal strings and is listed in ``partial``; any other computed
    setting is ignored.
    """
    try:
        tree = ast.parse(text, filename=path)
    except SyntaxError as exc:
        raise SourceError(path, exc.lineno or 1, f"conf.py is not valid Python: {exc.msg}") from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise SourceError(path, 1, f"conf.py cannot be parsed: {exc.__class__.__name__}") from None
    values: dict[str, object] = {}
    lines: dict[str, int] = {}
    partial: dict[str, int] = {}

    def extend(name: str, items: object, node: ast.AST, line: int) -> None:
        if name not in values or not isinstance(values[name], list):
            return
        if isinstance(items, (list, tuple)):
            values[name] = [*values[name], *items]  # type: ignore[misc]
        else:
            values[name] = [*values[name], *literal_strings(node)]  # type: ignore[misc]
            partial.setdefault(name, line)

    for node in tree.body:
        if (call := _method_call(node)) is not None:
            name, method, args = call
            if name in KNOWN_NAMES and args:
                argument = args[-1]
                ok, value = _literal(argument)
                if method in ("append", "insert"):
                    extend(name, [value] if ok else None, ast.List(elts=[argument]), node.lineno)
                else:
                    extend(name, value if ok else None, argument, node.lineno)
            continue
        for name, value_node in _targets(node):
            if name not in KNOWN_NAMES:
                continue
            if value_node is None and isinstance(node, ast.AugAssign):
                ok, extra = _literal(node.value)
                extend(name, extra if ok else None, node.value, node.lineno)
                continue
            ok, value = _literal(value_node)  # type: ignore[arg-type]
            lines[name] = node.lineno
            if ok:
                values[name] = value
                partial.pop(name, None)
            elif name in LIST_NAMES:
                values[name] = literal_strings(value_node)  # type: ignore[arg-type]
                partial[name] = node.lineno
            else:
                values.pop(name, None)
                partial.pop(name, None)
    return SphinxConf(values=values, lines=lines, partial=partial)
