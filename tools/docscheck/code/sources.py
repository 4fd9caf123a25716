"""Find the Python sources a project's documentation renders, and read their docstrings as pages.

autodoc, autosummary and automodapi directives name modules and objects; sphinx-gallery names
example folders in ``conf.py``. Sphinx imports the modules; docscheck finds their files instead,
statically: in the folders ``conf.py`` puts on ``sys.path`` (read as text), in ``autoapi_dirs``,
and in ``ROOT/src`` and ROOT (a ``src/`` or flat package layout). Nothing outside ROOT is read.
A module that cannot be found is named in one note on stderr, not reported as a finding: the
documentation of an installed third-party module is not the project's to check.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .conf_code import ConfCode
from .python_sources import (
    TextBlock,
    holds_roles,
    top_level_names,
    has_roles,
    blocks_page,
    defined_objects,
    gallery_blocks,
    imported_names,
    module_blocks,
    object_blocks,
    ROLE_HINT,
    parse_module_docs,
    use_pattern,
    script_head,
    public_imports,
)
from docscheck.records import Config, Page, record

from docscheck.source_files import inside, is_excluded, read_text

#: Directives that render docstrings, and those that set the current module.
AUTO_DIRECTIVES = frozenset(
    {
        "automodule", "autoclass", "autoexception", "autofunction", "automethod", "autoattribute", "autodata",
        "autoproperty", "autodecorator", "autosummary", "automodapi", "autoclasstoc",
    }
)  # fmt: skip
MODULE_DIRECTIVES = frozenset({"currentmodule", "module", "py:module", "py:currentmodule"})
REST_DIRECTIVE = re.compile(r"^(?P<indent>[ \t]*)\.\.[ \t]+(?P<name>[\w:.+-]+)::[ \t]*(?P<arg>\S*)", re.MULTILINE)
MYST_DIRECTIVE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|:{3,})\{(?P<name>[\w:]+)\}[ \t]*(?P<arg>\S*)", re.MULTILINE)
#: The same two, found from newline to newline in ``"\\n" + text`` (a ``^`` with ``re.MULTILINE``
#: is tried at every character, about 10× slower on a page); ``m.start()`` is the line's offset in text.
REST_DIRECTIVE_LINE = re.compile("\n" + REST_DIRECTIVE.pattern[1:])
MYST_DIRECTIVE_LINE = re.compile("\n" + MYST_DIRECTIVE.pattern[1:])
OPTION = re.compile(r"^\s*:[\w-]+:")
#: How far ``from X import name`` is followed to the module that defines ``name``.
MAX_IMPORT_HOPS = 4


@record
class Documented:
    """A module or object a directive names: ``name`` is dotted, ``recursive`` adds submodules."""

    name: str
    path: str
    line: int
    recursive: bool = False
    #: the name as written, tried when ``name`` (the name inside the current module) is not found
    fallback: str | None = None


def _items(body: list[str]) -> tuple[list[str], bool]:
    """autosummary content: the names listed (``~`` and signatures dropped), and ``:recursive:``."""
    names, recursive = [], False
    for line in body:
        stripped = line.strip()
        if OPTION.match(stripped):
            recursive |= stripped.startswith(":recursive:")
            continue
        if stripped and not stripped.startswith(".."):
            names.append(stripped.split()[0].lstrip("~").split("(")[0])
    return names, recursive


def _body(lines: list[str], index: int, indent: int, fence: str | None) -> list[str]:
    """The lines of the directive starting at ``lines[index]`` (indented block or until the fence)."""
    body = []
    for line in lines[index + 1 :]:
        if fence is not None:
            if line.strip().startswith(fence) and line.strip().strip(fence[0]) == "":
                break
        elif line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        body.append(line)
    return body


CODE_FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
CODE_DIRECTIVES = frozenset({"code-block", "code", "sourcecode", "literalinclude", "parsed-literal", "doctest", "testcode"})


def _fenced_lines(lines: list[str]) -> set[int]:
    """Indices of the lines inside MyST code fences (not directives): examples, not markup."""
    inside: set[int] = set()
    open_fences: list[tuple[str, bool]] = []  # (fence, is code)
    for index, line in enumerate(lines):
        m = CODE_FENCE.match(line)
        in_code = bool(open_fences) and open_fences[-1][1]
        if m and open_fences and m.group("fence").startswith(open_fences[-1][0]) and not m.group("info").strip():
            open_fences.pop()
        elif in_code:
            inside.add(index)
        elif m:
            open_fences.append((m.group("fence"), not m.group("info").strip().startswith("{")))
    return inside


def _in_literal_block(lines: list[str], index: int) -> bool:
    """The indented reST line ``lines[index]`` belongs to a literal block (``::``) or a code directive."""
    indent = len(lines[index]) - len(lines[index].lstrip())
    for before in range(index - 1, -1, -1):
        line = lines[before]
        if not line.strip() or len(line) - len(line.lstrip()) >= indent:
            continue
        if (m := REST_DIRECTIVE.match(line)) is not None:
            return m.group("name").lower() in CODE_DIRECTIVES
        return line.rstrip().endswith("::")
    return False


def documented_names(path: str, text: str) -> list[Documented]:
    """Modules and objects the autodoc-family directives of one page name (reST and MyST).

    A directive shown as an example (in a literal block, a code directive or a MyST code fence)
    names nothing.
    """
    if "auto" not in text:
        return []
    found: list[Documented] = []
    current = ""
    wanted = AUTO_DIRECTIVES | MODULE_DIRECTIVES
    lined = "\n" + text
    matches = sorted((m for m in (*REST_DIRECTIVE_LINE.finditer(lined), *MYST_DIRECTIVE_LINE.finditer(lined)) if m.group("name").lower() in wanted), key=lambda m: m.start())
    if not any(m.group("name").lower() in AUTO_DIRECTIVES for m in matches):
        return []  # « auto » in the prose, or a current module that no directive uses
    lines = text.splitlines()
    fenced = _fenced_lines(lines) if "```" in text or "~~~" in text else set()
    index, counted = 0, 0
    for m in matches:
        index += text.count("\n", counted, m.start())
        counted = m.start()
        if index in fenced or (m.group("indent") and _in_literal_block(lines, index)):
            continue
        name, arg = m.group("name").lower(), m.group("arg")
        if name in MODULE_DIRECTIVES:
            current = "" if arg in ("None", "") else arg
            continue
        if name not in AUTO_DIRECTIVES:
            continue
        line = index + 1
        fence = m.groupdict().get("fence")
        if name == "autosummary":
            names, recursive = _items(_body(lines, index, len(m.group("indent")), fence))
            for item in names:  # autosummary tries the current module first, then the name as written
                relative = current and not item.startswith(current + ".")
                found.append(Documented(f"{current}.{item}" if relative else item, path, line, recursive, item if relative else None))
            continue
        arg = arg.split("(")[0]
        if not arg:
            continue
        module_level = name in ("automodule", "automodapi")
        relative = not module_level and current and not arg.startswith(current + ".")
        found.append(Documented(f"{current}.{arg}" if relative else arg, path, line, fallback=arg if relative else None))
        if module_level:
            current = arg  # autodoc writes a py:module directive: the module is current from here on
    return found


@dataclass
class SourceReader:
    """Resolves dotted names to files under ROOT and collects the text blocks each file renders."""

    config: Config
    search: list[Path]
    trees: dict[Path, Any] = field(default_factory=dict)
    texts: dict[Path, str] = field(default_factory=dict)
    blocks: dict[Path, set[TextBlock]] = field(default_factory=dict)
    done: set[tuple[Path, str]] = field(default_factory=set)
    files: dict[str, Path | None] = field(default_factory=dict)
    names: dict[Path, frozenset[str]] = field(default_factory=dict)
    listings: dict[str, frozenset[str]] = field(default_factory=dict)
    imports: dict[Path, dict[str, tuple[int, str, str]]] = field(default_factory=dict)
    real_folders: dict[str, str] = field(default_factory=dict)
    role_files: dict[Path, bool] = field(default_factory=dict)
    objects: dict[Path, dict[str, Any]] = field(default_factory=dict)
    folders: dict[tuple[str, tuple[str, ...]], str | None] = field(default_factory=dict)
    #: ``|name|`` of a global substitution that gives a term or citation role (None: the project has none)
    substitution_use: re.Pattern[str] | None = None
    #: files that use such a substitution: their blocks are filtered here, not by the role hint
    substituting: dict[Path, bool] = field(default_factory=dict)
    #: a role or such a ``|name|``: what the cut of a substituting file keeps (see :func:`parse_module_docs`)
    use_hint: re.Pattern[str] | None = None

    def listing(self, folder: str) -> frozenset[str]:
        """The names in ``folder`` (listed once: module lookups walk the package tree, not stat each guess)."""
        if folder not in self.listings:
            try:
                self.listings[folder] = frozenset(os.listdir(folder))
            except OSError:
                self.listings[folder] = frozenset()
        return self.listings[folder]

    def inside(self, path: Path | str) -> bool:
        """:func:`docscheck.source_files.inside` for a file, its folder resolved once for all its files."""
        folder, name = os.path.split(path)
        if name in ("", ".", "..") or os.path.islink(path):
            return inside(self.config.root, Path(path))
        if folder not in self.real_folders:
            try:
                self.real_folders[folder] = str(Path(folder).resolve())
            except (OSError, RuntimeError):  # a symlink loop
                self.real_folders[folder] = ""
        real = self.real_folders[folder]  # a name that is not a symlink resolves in its resolved folder
        return bool(real) and _within(os.path.join(real, name), str(self.config.root))

    def module_file(self, dotted: str) -> Path | None:
        if dotted not in self.files:
            self.files[dotted] = self._module_file(dotted)
        return self.files[dotted]

    def _module_file(self, dotted: str) -> Path | None:
        parts = dotted.split(".")
        if not all(part.isidentifier() for part in parts):
            return None
        for base in self.search:
            folder = self.package_folder(str(base), tuple(parts[:-1]))
            if folder is not None:
                last = parts[-1]
                candidates = []  # a package wins over a module of the same name, as at import
                if last in self.listing(folder):
                    candidates.append(os.path.join(folder, last, "__init__.py"))
                if last + ".py" in self.listing(folder):
                    candidates.append(os.path.join(folder, last + ".py"))
                for candidate in candidates:
                    if os.path.isfile(candidate) and self.inside(candidate):
                        return Path(candidate)
        return None

    def package_folder(self, base: str, parts: tuple[str, ...]) -> str | None:
        """``base/part/part…`` when each part is listed in the folder before it (kept: the names of
        a package share their parents)."""
        key = (base, parts)
        if key not in self.folders:
            parent = self.package_folder(base, parts[:-1]) if parts else base
            found = parent if not parts else None
            if parts and parent is not None and parts[-1] in self.listing(parent):
                found = os.path.join(parent, parts[-1])
            self.folders[key] = found
        return self.folders[key]

    def knows(self, path: Path, object_path: list[str]) -> bool:
        """The module at ``path`` defines or imports the first name of ``object_path`` (or it is empty)."""
        if not object_path:
            return True
        if self.defines(path, object_path[0]):
            return True
        tree = self.tree(path)
        if tree is None:
            return False
        if path not in self.imports:
            self.imports[path] = imported_names(tree)
        return object_path[0] in self.imports[path]

    def defines(self, path: Path, name: str) -> bool:
        if path not in self.names:
            self.names[path] = top_level_names(self.text(path))
        return name in self.names[path]

    def tree(self, path: Path) -> Any:
        if path not in self.trees:
            text = self.text(path)
            # in a file using a role-giving substitution, the cut also keeps the definitions using one
            self.trees[path] = parse_module_docs(text, self.use_hint if self.substitutes(path) else None) if text else None
        return self.trees[path]

    def resolve(self, dotted: str) -> tuple[Path, list[str]] | None:
        """The longest prefix of ``dotted`` that is a module file, and the object path after it."""
        parts = dotted.split(".")
        for cut in range(len(parts), 0, -1):
            path = self.module_file(".".join(parts[:cut]))
            if path is not None:
                return path, parts[cut:]
        return None

    def text(self, path: Path) -> str:
        if path not in self.texts:
            text, _problem = read_text(path, str(path))  # a file that does not read is not documented: no finding
            self.texts[path] = text or ""
        return self.texts[path]

    def has_roles(self, path: Path) -> bool:
        """Most modules hold no term or citation role: they are parsed only to follow their imports."""
        if path not in self.role_files:
            self.role_files[path] = holds_roles(self.text(path)) or self.substitutes(path)
        return self.role_files[path]

    def substitutes(self, path: Path) -> bool:
        """The file uses a global substitution that gives a term or citation role."""
        if path not in self.substituting:
            text = self.substitution_use is not None and "|" in self.text(path) and self.text(path)
            self.substituting[path] = bool(text) and self.substitution_use.search(text) is not None  # type: ignore[union-attr, arg-type]
        return self.substituting[path]

    def roles_only(self, path: Path) -> bool:
        """Whether the role hint alone can pick the blocks worth reading (see :meth:`add`)."""
        return not self.substitutes(path)

    def add(self, path: Path, blocks: Iterable[TextBlock]) -> None:
        """Keep the blocks that hold a role (or use a substitution giving one); the others cannot change any finding."""
        pattern = self.substitution_use if self.substitutes(path) else None
        self.blocks.setdefault(path, set()).update(
            b for b in blocks if has_roles(b) or (pattern is not None and any("|" in line and pattern.search(line) for line in b.lines))
        )

    def read_module(self, path: Path, dotted: str, hops: int = 0) -> None:
        """A documented module: its own blocks and the public objects it imports from the project."""
        if (path, "") in self.done or (tree := self.tree(path)) is None:
            return
        self.done.add((path, ""))
        if self.has_roles(path):
            self.add(path, module_blocks(tree, roles_only=self.roles_only(path)))
        if hops >= MAX_IMPORT_HOPS:
            return
        for level, module, name in public_imports(tree):
            target = self.import_target(path, dotted, level, module)
            if target is not None:
                if name == "*":
                    self.read_module(target[0], target[1], hops + 1)
                else:
                    self.read_object(target[0], target[1], [name], hops + 1)

    def read_object(self, path: Path, dotted: str, object_path: list[str], hops: int = 0) -> None:
        """A documented object of the module at ``path`` (followed through imports when needed)."""
        key = (path, ".".join(object_path))
        if key in self.done or not object_path:
            return
        self.done.add(key)
        if not self.has_roles(path) and self.defines(path, object_path[0]):
            return  # defined here, without a role: nothing to read
        if (tree := self.tree(path)) is None:
            return
        if path not in self.objects:
            self.objects[path] = defined_objects(tree)
        node = self.objects[path].get(object_path[0])
        if node is not None:
            for member in object_path[1:]:
                children = [c for c in getattr(node, "body", []) if getattr(c, "name", None) == member]
                if not children:
                    break
                node = children[0]
            self.add(path, object_blocks(node, roles_only=self.roles_only(path)))
            return
        if path not in self.imports:
            self.imports[path] = imported_names(tree)
        imported = self.imports[path].get(object_path[0])
        if imported is not None and hops < MAX_IMPORT_HOPS:
            level, module, original = imported
            target = self.import_target(path, dotted, level, module)
            if target is not None:
                self.read_object(target[0], target[1], [original, *object_path[1:]], hops + 1)

    def import_target(self, path: Path, dotted: str, level: int, module: str) -> tuple[Path, str] | None:
        """The file and dotted name of the module ``from <level dots><module> import`` names."""
        if level:
            package = dotted.split(".") if path.name == "__init__.py" else dotted.split(".")[:-1]
            if level - 1 > len(package):
                return None
            base = package[: len(package) - (level - 1)]
            name = ".".join([*base, module] if module else base)
        else:
            name = module
            if name.split(".")[0] != dotted.split(".")[0]:
                return None  # another distribution: not the project's to check
        found = self.module_file(name)
        if found is None and not module and level:
            return None
        return (found, name) if found is not None else None

    def read_package(self, path: Path, dotted: str) -> None:
        """autosummary ``:recursive:`` on a package: every public submodule too."""
        self.read_module(path, dotted)
        if path.name != "__init__.py":
            return
        for child in sorted(path.parent.iterdir()):
            if child.name.startswith(("_", ".")):
                continue
            if child.suffix == ".py" and inside(self.config.root, child):
                self.read_package(child, f"{dotted}.{child.stem}")
            elif (child / "__init__.py").is_file() and inside(self.config.root, child):
                self.read_package(child / "__init__.py", f"{dotted}.{child.name}")


def _within(path: str, root: str) -> bool:
    """``Path(path).is_relative_to(root)`` for normalised absolute paths, on strings."""
    return path == root or path.startswith(root if root.endswith(os.sep) else root + os.sep)


def search_path(config: Config, conf: ConfCode) -> list[Path]:
    """Where modules are looked up, in Sphinx's order: conf.py's ``sys.path`` lines, then ROOT/src, ROOT."""
    conf_dir = config.conf.parent if config.conf is not None else config.docs
    found: list[Path] = []
    for directory in (*(conf_dir / d for d in conf.sys_path), config.root / "src", config.root):
        directory = Path(os.path.normpath(directory))
        if directory.is_dir() and inside(config.root, directory) and directory not in found:
            found.append(directory)
    return found


def _python_files(folder: Path, config: Config, ignore: str | None, reader: SourceReader) -> list[Path]:
    if not folder.is_dir() or not inside(config.root, folder):
        return []
    try:
        pattern = re.compile(ignore) if ignore else None
    except re.error:  # sphinx-gallery would fail on it too; read every script rather than crash
        pattern = None
    files = []
    for path in sorted(folder.rglob("*.py")):
        rel = config.relpath(path)
        if path.name == "__init__.py" or (pattern is not None and pattern.search(rel)) or not reader.inside(path):
            continue
        if not is_excluded(rel, config.exclude):
            files.append(path)
    return files


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while the sources are read.

    Reading makes many objects that live until the pages are built (syntax trees, text blocks)
    and none that form cycles; the collector would walk them again and again for nothing (it
    cost about a tenth of the reading). It runs again, as it was set, once they are freed.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_code_pages(config: Config, conf: ConfCode, page_texts: list[tuple[str, str]], cache: Any = None) -> tuple[list[Page], list[str]]:
    """Pages made of the docstrings the documentation renders and of gallery text; notes for stderr."""
    with _collector_paused():
        return _load_code_pages(config, conf, page_texts, cache)


def _load_code_pages(config: Config, conf: ConfCode, page_texts: list[tuple[str, str]], cache: Any) -> tuple[list[Page], list[str]]:
    reader = SourceReader(config, search_path(config, conf))
    if (use := use_pattern(conf.substitutions.role_names())) is not None:
        reader.substitution_use = use
        reader.use_hint = re.compile(f"{ROLE_HINT.pattern}|{reader.substitution_use.pattern}")
    missing: dict[str, str] = {}
    conf_dir = config.conf.parent if config.conf is not None else config.docs
    for rel, text in page_texts:
        for item in documented_names(rel, text):
            candidates = [item.name, *([item.fallback] if item.fallback else [])]
            resolved = [(name, found) for name in candidates if (found := reader.resolve(name)) is not None]
            chosen = next((pair for pair in resolved if reader.knows(*pair[1])), resolved[0] if resolved else None)
            if chosen is None:
                missing.setdefault(item.name.split(".")[0], f"{item.path}:{item.line}")
                continue
            name, found = chosen
            path, object_path = found
            dotted = name[: len(name) - len(".".join(object_path))].rstrip(".") if object_path else name
            if not object_path:
                (reader.read_package if item.recursive else reader.read_module)(path, dotted)
            else:
                reader.read_object(path, dotted, object_path)
    for directory in conf.autoapi_dirs:
        folder = Path(os.path.normpath(conf_dir / directory))
        if folder.is_dir() and inside(config.root, folder):
            for path in sorted(folder.rglob("*.py")):
                if inside(config.root, path) and reader.has_roles(path) and (tree := reader.tree(path)) is not None:
                    reader.add(path, module_blocks(tree, roles_only=reader.roles_only(path)))
    for directory in conf.examples_dirs:
        for path in _python_files(Path(os.path.normpath(conf_dir / directory)), config, conf.gallery_ignore, reader):
            if reader.has_roles(path) and (tree := script_head(reader.text(path))) is not None:
                reader.add(path, gallery_blocks(reader.text(path), tree, roles_only=reader.roles_only(path)))
    pages = []
    for path, blocks in sorted(reader.blocks.items()):
        rel = config.relpath(path)
        if blocks and not is_excluded(rel, config.exclude):
            key = ("code", rel, frozenset(blocks))
            substitutions = conf.substitutions if reader.substituting.get(path) else None
            key = (*key, substitutions)
            pages.append(cache.get(key, lambda: blocks_page(rel, list(blocks), substitutions)) if cache is not None else blocks_page(rel, list(blocks), substitutions))
    notes = []
    if missing:
        where = ", ".join(f"{name} ({place})" for name, place in sorted(missing.items())[:8])
        more = f" and {len(missing) - 8} more" if len(missing) > 8 else ""
        searched = ", ".join(config.relpath(p) or "." for p in reader.search) or "nothing"
        notes.append(f"the documentation renders docstrings of modules docscheck cannot find under ROOT: {where}{more} (searched {searched}); their docstrings are not checked")
    return pages, notes
