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
from dataclasses import field
from pathlib import Path

from docscheck.records import record
from docscheck.parsers.substitutions import ProjectSubstitutions, definitions_in, global_substitution

#: intersphinx ``inv`` values: None (``<uri>/objects.inv``) or locations (URL or local file)
Inventory = tuple[str | None, ...]


@record
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


@record
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
    #: ``global_substitutions`` (sphinxcontrib-globalsubs), and the names the prolog/epilog define
    substitutions: ProjectSubstitutions = field(default_factory=ProjectSubstitutions)
    #: ``(line in conf.py, text, exact)`` of ``rst_prolog`` and ``rst_epilog`` when they are strings;
    #: ``exact``: the text's lines are the file's lines from ``line`` (a triple-quoted string)
    prolog: tuple[tuple[int, str, bool], ...] = ()
    #: what could not be read statically, for stderr
    notes: tuple[str, ...] = ()


class _Values:
    """Evaluates the literal part of conf.py expressions, with top-level string names in scope."""

    def __init__(self) -> None:
        self.names: dict[str, object] = {}
        #: the expression each top-level name was last bound to
        self.nodes: dict[str, ast.expr] = {}
        #: local modules imported: ``import m`` binds ``m``; ``from m import x as y`` binds ``y`` to ``(m, x)``
        self.modules: dict[str, str] = {}
        self.imported: dict[str, tuple[str, str]] = {}

    def bind(self, tree: ast.Module) -> None:
        """Evaluate the top-level assignments and imports of ``tree``, in order."""
        for node in tree.body:
            if isinstance(node, ast.Import):
                self.modules.update({alias.asname or alias.name: alias.name for alias in node.names if "." not in alias.name})
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                self.imported.update({alias.asname or alias.name: (node.module, alias.name) for alias in node.names})
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
            for target in targets:
                if isinstance(target, ast.Name) and node.value is not None:  # type: ignore[union-attr]
                    self.names[target.id] = self.value(node.value)  # type: ignore[union-attr]
                    self.nodes[target.id] = node.value  # type: ignore[union-attr]

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
        if isinstance(node, ast.JoinedStr):  # an f-string without an expression is a plain string
            return "".join(v.value for v in node.values) if all(isinstance(v, ast.Constant) and isinstance(v.value, str) for v in node.values) else ...
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


def _local_module(module: str, conf: Path, sys_path: list[str], root: Path) -> ast.Module | None:
    """The syntax tree of the module ``module`` that conf.py imports, when it is a file under ``root``."""
    for directory in (conf.parent, *(conf.parent / d for d in sys_path)):
        path = Path(os.path.normpath(directory / f"{module}.py"))
        if path.is_file() and path.resolve().is_relative_to(root):
            try:
                return parse_tree(path.read_text(encoding="utf-8-sig"))
            except (OSError, UnicodeDecodeError):
                return None
    return None


class _SubstitutionDict:
    """sphinxcontrib-globalsubs' ``global_substitutions``, read statically.

    A dict display, a name bound to one (in conf.py or in a local module it imports), or a merge
    of those (``{**a, **b}``, ``a | b``, ``dict(a, **b)``). What is computed (a comprehension, a
    call, a value that is not a string) is left out and named in :attr:`computed`.
    """

    def __init__(self, conf: Path, sys_path: list[str], root: Path) -> None:
        self.conf, self.sys_path, self.root = conf, sys_path, root
        self.modules: dict[str, _Values | None] = {}
        self.computed: list[str] = []

    def module(self, name: str) -> _Values | None:
        if name not in self.modules:
            tree = _local_module(name, self.conf, self.sys_path, self.root)
            values = None
            if tree is not None:
                values = _Values()
                values.bind(tree)
            self.modules[name] = values
        return self.modules[name]

    def read(self, node: ast.expr, values: _Values, depth: int = 0) -> dict[str, str]:
        if depth > 20:
            self.computed.append(ast.unparse(node)[:60])
            return {}
        if isinstance(node, ast.Dict):
            found: dict[str, str] = {}
            for key, value in zip(node.keys, node.values):
                if key is None:
                    found.update(self.read(value, values, depth + 1))
                elif isinstance(k := values.value(key), str) and isinstance(v := values.value(value), str):
                    found[k] = v
                else:
                    self.computed.append(ast.unparse(key)[:60])
            return found
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            return {**self.read(node.left, values, depth + 1), **self.read(node.right, values, depth + 1)}
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "dict" and len(node.args) <= 1:
            found = self.read(node.args[0], values, depth + 1) if node.args else {}
            for keyword in node.keywords:
                if keyword.arg is None:
                    found.update(self.read(keyword.value, values, depth + 1))
                elif isinstance(v := values.value(keyword.value), str):
                    found[keyword.arg] = v
                else:
                    self.computed.append(keyword.arg)
            return found
        if isinstance(node, ast.Name):
            if isinstance(bound := values.nodes.get(node.id), (ast.Dict, ast.BinOp, ast.Call, ast.Name, ast.Attribute)):
                return self.read(bound, values, depth + 1)
            if bound is not None:
                self.computed.append(node.id)
                return {}
            if node.id in values.imported:
                module, name = values.imported[node.id]
                return self.attribute(module, name, node, depth)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in values.modules:
            return self.attribute(values.modules[node.value.id], node.attr, node, depth)
        self.computed.append(ast.unparse(node)[:60])
        return {}

    def attribute(self, module: str, name: str, node: ast.expr, depth: int) -> dict[str, str]:
        """``name`` of the local module ``module``."""
        inner = self.module(module) if "." not in module else None
        if inner is None or name not in inner.nodes:
            self.computed.append(ast.unparse(node)[:60])
            return {}
        return self.read(inner.nodes[name], inner, depth + 1)


def _read_substitutions(conf: Path, root: Path, values: _Values, sys_path: list[str]) -> tuple[ProjectSubstitutions, tuple[tuple[int, str, bool], ...], list[str]]:
    """``global_substitutions``, ``rst_prolog``/``rst_epilog`` (with their line), and notes for stderr."""
    notes: list[str] = []
    prolog: list[tuple[int, str, bool]] = []
    names: set[str] = set()
    for name in ("rst_prolog", "rst_epilog"):
        if name not in values.nodes:
            continue
        node, text = values.nodes[name], values.names.get(name)
        if isinstance(text, str):
            # a string written over as many lines as it holds maps line to line; else its first line stands for all
            exact = (node.end_lineno or node.lineno) - node.lineno == text.count("\n")
            prolog.append((node.lineno, text, exact))
            names |= set(definitions_in(text.splitlines())) if "replace::" in text else set()
        else:
            notes.append(f"{name} in conf.py (line {node.lineno}) is computed: docscheck cannot read it; the roles it holds are not checked")
    found: tuple = ()
    if "global_substitutions" in values.nodes:
        reader = _SubstitutionDict(conf, sys_path, root)
        mapping = reader.read(values.nodes["global_substitutions"], values)
        found = tuple(global_substitution(key, text) for key, text in mapping.items())
        if reader.computed:
            parts = ", ".join(dict.fromkeys(reader.computed))
            notes.append(f"global_substitutions in conf.py: parts computed at build time are not read ({parts}); the roles they hold are not checked")
    return ProjectSubstitutions(found, frozenset(names)), tuple(prolog), notes


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
        values.bind(ast.Module(body=[node], type_ignores=[]))
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        for target in targets:
            if isinstance(target, ast.Name) and target.id in values.names:
                settings[target.id] = values.names[target.id]
                has_intersphinx |= target.id == "intersphinx_mapping"
    gallery = settings.get("sphinx_gallery_conf")
    gallery = gallery if isinstance(gallery, dict) else {}
    extensions = settings.get("extensions")
    with_gallery = not isinstance(extensions, list) or any(isinstance(e, str) and e.startswith("sphinx_gallery") for e in extensions)
    ignore = gallery.get("ignore_pattern")
    strings = string_constants(tree)
    for module in _local_imports(tree):
        if (helper := _local_module(module, conf, sys_path, root)) is not None:
            strings |= string_constants(helper)
    substitutions, prolog, notes = _read_substitutions(conf, root, values, sys_path)
    return ConfCode(
        sys_path=tuple(sys_path),
        autoapi_dirs=_string_list(settings.get("autoapi_dirs")),
        examples_dirs=_string_list(gallery.get("examples_dirs", "../examples")) if with_gallery and "sphinx_gallery_conf" in settings else (),
        gallery_ignore=ignore if isinstance(ignore, str) else None,
        intersphinx=_intersphinx(settings.get("intersphinx_mapping")),
        has_intersphinx=has_intersphinx,
        literal_strings=frozenset(strings),
        substitutions=substitutions,
        prolog=prolog,
        notes=tuple(notes),
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
