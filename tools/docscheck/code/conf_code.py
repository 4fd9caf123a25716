"""What a Sphinx ``conf.py`` says about the code it documents, read statically (``ast``, never run).

:mod:`.sphinx_conf` reads the literal settings of pages and bibliography. Projects that document
code also say, usually in computed expressions, where their package lives (``sys.path.insert(0,
os.path.abspath(".."))``, ``autoapi_dirs``), where their gallery scripts are
(``sphinx_gallery_conf["examples_dirs"]``), which other projects they link to
(``intersphinx_mapping``) and which files the build writes (a literal path handed to a helper that
generates an include). This module recovers the literal parts of those expressions: a string
constant, a top-level name bound to one, ``Path(...)`` / ``os.path.join(...)`` / ``abspath(...)``
over them, and the literal items of a dict display that has computed items too.
"""

from __future__ import annotations

import ast
import os
from dataclasses import dataclass, field
from pathlib import Path

#: intersphinx ``inv`` values: None (``<uri>/objects.inv``) or locations (URL or local file)
Inventory = tuple[str | None, ...]


@dataclass(frozen=True)
class IntersphinxTarget:
    """One ``intersphinx_mapping`` entry: its name, base URI (None when computed) and inventories."""

    name: str
    uri: str | None
    inventories: Inventory = (None,)

    def locations(self) -> list[str]:
        """Where the inventory can be read: URLs or local paths (relative to the source directory)."""
        found = []
        for inv in self.inventories:
            if inv is None:
                if self.uri:
                    found.append(self.uri.rstrip("/") + "/objects.inv")
            else:
                found.append(inv)
        return found


@dataclass(frozen=True)
class ConfCode:
    """The code-documentation settings of a conf.py (directories relative to conf.py's folder)."""

    sys_path: tuple[str, ...] = ()
    autoapi_dirs: tuple[str, ...] = ()
    examples_dirs: tuple[str, ...] = ()
    gallery_ignore: str | None = None
    intersphinx: tuple[IntersphinxTarget, ...] = ()
    #: the project names intersphinx_mapping (even if docscheck could not read all of it)
    has_intersphinx: bool = False
    #: every string constant of conf.py and of the local modules it imports (generated file names)
    literal_strings: frozenset[str] = field(default_factory=frozenset)


class _Values:
    """Evaluates the literal part of conf.py expressions, with top-level string names in scope."""

    def __init__(self) -> None:
        self.names: dict[str, object] = {}

    def value(self, node: ast.AST | None) -> object:
        """A str, None, bool, list, tuple or dict when ``node`` is literal enough; else ``...``."""
        if node is None:
            return ...
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            return self.names.get(node.id, ...)
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            items = [self.value(e) for e in node.elts]
            return items if isinstance(node, ast.List) else tuple(items)
        if isinstance(node, ast.Dict):
            return {k: self.value(v) for k, v in zip((self.value(k) for k in node.keys), node.values) if isinstance(k, str)}
        if isinstance(node, ast.JoinedStr):
            return ...
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Div)):
            left, right = self.value(node.left), self.value(node.right)
            if isinstance(left, str) and isinstance(right, str):
                return left + right if isinstance(node.op, ast.Add) else f"{left}/{right}"
            if isinstance(left, list) and isinstance(right, list):
                return left + right
            return ...
        if isinstance(node, ast.Call):
            return self.call(node)
        if isinstance(node, ast.Attribute) and node.attr == "parent":
            inner = self.value(node.value)
            return f"{inner}/.." if isinstance(inner, str) else ...
        return ...

    def call(self, node: ast.Call) -> object:
        """``Path(a, b)``, ``os.path.join(a, b)``, ``abspath(a)``, ``str(a)``, ``a.absolute()``…"""
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name in ("absolute", "resolve", "expanduser") and isinstance(func, ast.Attribute):
            return self.value(func.value)
        if name == "joinpath" and isinstance(func, ast.Attribute):
            parts = [self.value(func.value), *(self.value(a) for a in node.args)]
        elif name in ("Path", "PurePath", "join", "abspath", "normpath", "realpath", "str", "fspath", "dirname"):
            parts = [self.value(a) for a in node.args]
            if name == "dirname" and len(parts) == 1 and isinstance(parts[0], str):
                return f"{parts[0]}/.."
        else:
            return ...
        if parts and all(isinstance(p, str) for p in parts):
            return "/".join(p for p in parts if p) or "."  # type: ignore[misc]
        return ...


def _string_list(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)):
        return tuple(v for v in value if isinstance(v, str))
    return ()


def _intersphinx(value: object) -> tuple[IntersphinxTarget, ...]:
    targets = []
    if not isinstance(value, dict):
        return ()
    for name, spec in value.items():
        if not isinstance(spec, (list, tuple)) or len(spec) != 2:
            continue
        uri, inv = spec
        inventories: Inventory
        if inv is None:
            inventories = (None,)
        elif isinstance(inv, str):
            inventories = (inv,)
        elif isinstance(inv, (list, tuple)):
            inventories = tuple(i for i in inv if i is None or isinstance(i, str))
        else:
            inventories = ()
        targets.append(IntersphinxTarget(name, uri if isinstance(uri, str) else None, inventories))
    return tuple(targets)


def _sys_path_entry(node: ast.stmt, values: _Values) -> str | None:
    """The directory of a top-level ``sys.path.insert(i, d)`` / ``sys.path.append(d)``."""
    if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)):
        return None
    func = node.value.func
    if not (isinstance(func, ast.Attribute) and func.attr in ("insert", "append") and isinstance(func.value, ast.Attribute) and func.value.attr == "path"):
        return None
    if not node.value.args:
        return None
    directory = values.value(node.value.args[-1])
    return directory if isinstance(directory, str) else None


def _local_imports(tree: ast.Module) -> list[str]:
    """Top-level modules a conf.py imports (``import _helpers``, ``from _helpers import x``)."""
    names = []
    for node in tree.body:
        if isinstance(node, ast.Import):
            names += [alias.name.split(".")[0] for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.append(node.module.split(".")[0])
    return names


def string_constants(tree: ast.AST) -> set[str]:
    """Every string constant in ``tree`` that could name a file (no line break, not empty)."""
    return {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value and "\n" not in n.value and len(n.value) < 300}


def parse_tree(text: str) -> ast.Module | None:
    try:
        return ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def read_conf_code(conf: Path, root: Path) -> ConfCode:
    """Read ``conf`` (and the conf-side modules it imports, for generated file names) statically.

    Nothing outside ``root`` is read; a conf.py that does not parse gives an empty result (its
    FILE001 comes from :mod:`.sphinx_conf`).
    """
    try:
        tree = parse_tree(conf.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        tree = None
    if tree is None:
        return ConfCode()
    values = _Values()
    settings: dict[str, object] = {}
    sys_path: list[str] = []
    has_intersphinx = False
    for node in tree.body:
        if (directory := _sys_path_entry(node, values)) is not None:
            sys_path.append(directory)
            continue
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        for target in targets:
            if isinstance(target, ast.Name):
                value = values.value(node.value)  # type: ignore[union-attr]
                values.names[target.id] = value
                settings[target.id] = value
                has_intersphinx |= target.id == "intersphinx_mapping"
    gallery = settings.get("sphinx_gallery_conf")
    gallery = gallery if isinstance(gallery, dict) else {}
    extensions = settings.get("extensions")
    with_gallery = not isinstance(extensions, list) or any(isinstance(e, str) and e.startswith("sphinx_gallery") for e in extensions)
    ignore = gallery.get("ignore_pattern")
    strings = string_constants(tree)
    conf_dir = conf.parent
    for module in _local_imports(tree):
        for directory in (conf_dir, *(conf_dir / d for d in sys_path)):
            path = Path(os.path.normpath(directory / f"{module}.py"))
            if path.is_file() and path.resolve().is_relative_to(root):
                try:
                    helper = parse_tree(path.read_text(encoding="utf-8-sig"))
                except (OSError, UnicodeDecodeError):
                    helper = None
                if helper is not None:
                    strings |= string_constants(helper)
                break
    return ConfCode(
        sys_path=tuple(sys_path),
        autoapi_dirs=_string_list(settings.get("autoapi_dirs")),
        examples_dirs=_string_list(gallery.get("examples_dirs", "../examples")) if with_gallery and "sphinx_gallery_conf" in settings else (),
        gallery_ignore=ignore if isinstance(ignore, str) else None,
        intersphinx=_intersphinx(settings.get("intersphinx_mapping")),
        has_intersphinx=has_intersphinx,
        literal_strings=frozenset(strings),
    )


def names_generated_file(rel_parts: tuple[str, ...], literal_strings: frozenset[str]) -> bool:
    """``rel_parts`` (a path's components) end with the components of one of ``literal_strings``.

    conf.py (or a helper it imports) writes ``about/_authors.rst`` at build time; the page includes
    ``_authors.rst`` from ``docs/about/``: the missing file is one the build generates.
    """
    for text in literal_strings:
        parts = tuple(p for p in text.replace("\\", "/").split("/") if p not in ("", "."))
        if parts and ".." not in parts and len(parts) <= len(rel_parts) and rel_parts[-len(parts):] == parts and "." in parts[-1]:
            return True
    return False
