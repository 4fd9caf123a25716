"""Read a Sphinx ``conf.py`` statically: literal top-level assignments only, never executed.

A project's configuration is code; running it could do anything (network, writes). The settings
docscheck needs are almost always plain literals, so ``ast.literal_eval`` on each top-level
assignment is enough, and anything computed is simply ignored.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from docscheck.records import SourceError

#: conf.py names docscheck understands.
KNOWN_NAMES = frozenset(
    {
        "bibtex_bibfiles",
        "exclude_patterns",
        "source_suffix",
        "master_doc",
        "root_doc",
        "myst_enable_extensions",
        "extensions",
        "language",
    }
)


@dataclass(frozen=True)
class SphinxConf:
    """The literal settings of a conf.py, and the line where each was assigned."""

    values: dict[str, object] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)

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


def parse_sphinx_conf(text: str, path: str) -> SphinxConf:
    """Collect literal assignments of :data:`KNOWN_NAMES`; raises :class:`SourceError` on bad syntax.

    ``x += [...]`` after a literal list is applied too, as it is a common idiom for
    ``extensions`` and ``exclude_patterns``.
    """
    try:
        tree = ast.parse(text, filename=path)
    except SyntaxError as exc:
        raise SourceError(path, exc.lineno or 1, f"conf.py is not valid Python: {exc.msg}") from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise SourceError(path, 1, f"conf.py cannot be parsed: {exc.__class__.__name__}") from None
    values: dict[str, object] = {}
    lines: dict[str, int] = {}
    for node in tree.body:
        for name, value_node in _targets(node):
            if name not in KNOWN_NAMES:
                continue
            if value_node is None and isinstance(node, ast.AugAssign):
                try:
                    extra = ast.literal_eval(node.value)
                except (ValueError, TypeError, SyntaxError, RecursionError, MemoryError):
                    continue
                if isinstance(values.get(name), list) and isinstance(extra, (list, tuple)):
                    values[name] = [*values[name], *extra]  # type: ignore[misc]
                continue
            try:
                values[name] = ast.literal_eval(value_node)  # type: ignore[arg-type]
            except (ValueError, TypeError, SyntaxError, RecursionError, MemoryError):
                values.pop(name, None)
                continue
            lines[name] = node.lineno
    return SphinxConf(values=values, lines=lines)
