"""The layout of ``tools/``: imports flow one way, and no folder grows into a flat heap.

The import graph is read with :mod:`ast` (no code is imported), from every ``import`` and
``from … import`` of every module, including imports made inside functions. An edge goes to the
module named, or to the submodule when ``from package import submodule`` names one.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parents[1] / "tools"
PACKAGES = ("docscheck", "termbase")
MAX_MODULES_PER_FOLDER = 12

#: docscheck's layers, bottom first: a module may import only modules of a lower layer, or of its
#: own layer for parsers and rules (which are families of peers).
DOCSCHECK_LAYERS: dict[str, int] = {
    "docscheck": 0,
    "docscheck.records": 0,
    "docscheck.parsers": 1,
    "docscheck.rules": 1,
    "docscheck.settings": 2,
    "docscheck.source_files": 3,
    "docscheck.project": 4,
    "docscheck.cli": 5,
    "docscheck.__main__": 6,
}

#: What termbase may import from docscheck: its public API.
DOCSCHECK_PUBLIC = frozenset({"docscheck", "docscheck.records", "docscheck.project"})


def module_name(path: Path) -> str:
    parts = list(path.relative_to(TOOLS).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(TOOLS.rglob("*.py")) if path.parts[-2] != "static"}


def imported_modules(name: str, path: Path, known: set[str]) -> Iterator[str]:
    """Every project module ``name`` imports (other libraries are ignored)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            targets = [f"{origin}.{alias.name}" if f"{origin}.{alias.name}" in known else origin for alias in node.names]
        else:
            continue
        for target in targets:
            if target.split(".")[0] in PACKAGES and target in known:
                yield target


def import_graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    return {name: set(imported_modules(name, path, known)) - {name} for name, path in found.items()}


def edges(source: str, target: str = "") -> Iterator[tuple[str, str]]:
    """Import edges ``(module, imported)`` from modules under ``source`` to modules under ``target``."""
    for name, targets in sorted(import_graph().items()):
        if name.startswith(source):
            yield from ((name, t) for t in sorted(targets) if t.startswith(target))


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path ``[a, b, …, a]``, or None (iterative depth-first search)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in sorted(graph):
        if start in state:
            continue
        path = [start]
        stack = [iter(sorted(graph[start]))]
        state[start] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(sorted(graph.get(nxt, ()))))
    return None


def docscheck_layer(name: str) -> int:
    for prefix in sorted(DOCSCHECK_LAYERS, key=len, reverse=True):
        if name == prefix or name.startswith(prefix + "."):
            return DOCSCHECK_LAYERS[prefix]
    raise AssertionError(f"{name}: add it to DOCSCHECK_LAYERS in tests/test_layout.py")


def test_find_cycle_reports_a_cycle_through_three_modules() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


def test_no_module_in_tools_imports_a_module_that_imports_it_back() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle in tools/: " + " -> ".join(cycle or [])


def test_docscheck_imports_only_go_downwards() -> None:
    upward = [
        f"{name} (layer {docscheck_layer(name)}) imports {target} (layer {docscheck_layer(target)})"
        for name, target in edges("docscheck", "docscheck")
        if docscheck_layer(target) > docscheck_layer(name)
    ]
    assert not upward, "upward imports in docscheck:\n" + "\n".join(upward)


@pytest.mark.parametrize("family", ["docscheck.parsers", "docscheck.rules"])
def test_parsers_and_rules_never_import_each_other_or_settings(family: str) -> None:
    other = {"docscheck.parsers": "docscheck.rules", "docscheck.rules": "docscheck.parsers"}[family]
    bad = [f"{name} imports {target}" for name, target in edges(family, other)]
    assert not bad, "\n".join(bad)


def test_docscheck_never_imports_termbase() -> None:
    bad = [f"{name} imports {target}" for name, target in edges("docscheck", "termbase")]
    assert not bad, "\n".join(bad)


def test_termbase_uses_only_the_public_api_of_docscheck() -> None:
    bad = [
        f"{name} imports {target}; use docscheck.project or docscheck.records"
        for name, target in edges("termbase", "docscheck")
        if target not in DOCSCHECK_PUBLIC
    ]
    assert not bad, "\n".join(bad)


def test_no_folder_in_tools_holds_more_than_twelve_modules() -> None:
    crowded = {
        str(folder.relative_to(TOOLS)): count
        for folder in [TOOLS, *sorted(p for p in TOOLS.rglob("*") if p.is_dir())]
        if (count := len(list(folder.glob("*.py")))) > MAX_MODULES_PER_FOLDER
    }
    assert not crowded, f"folders of tools/ with more than {MAX_MODULES_PER_FOLDER} modules: {crowded}"


@pytest.mark.parametrize("extension", ["termbase", "termbase.glossary", "termbase.french", "termbase.handouts", "termbase.bibstyle_fr", "termbase.citations", "termbase.search", "termbase.tooltips", "termbase.build"])
def test_each_sub_extension_has_a_setup_in_its_own_module(extension: str) -> None:
    path = modules()[extension]
    functions = {node.name for node in ast.parse(path.read_text(encoding="utf-8")).body if isinstance(node, ast.FunctionDef)}
    imported = {alias.asname or alias.name for node in ast.parse(path.read_text(encoding="utf-8")).body if isinstance(node, ast.ImportFrom) for alias in node.names}
    assert "setup" in functions | imported, f"{path}: no setup()"
