"""The layout of ``tools/``: imports flow one way, and no folder grows into a flat heap.

The import graph is read with :mod:`ast` (no code is imported), from every ``import`` and
``from … import`` of every module, including imports made inside functions. An edge goes to the
module named, or to the submodule when ``from package import submodule`` names one.

Folders are checked too: a *unit* is a subpackage (``termbase.glossary``, ``docscheck.rules``…) or
a module directly in a top package (``termbase.envdata``, ``docscheck.project``…); no two units
import each other, even through others. termbase's units sit in this order, bottom first; a unit
imports only units of a lower layer (never one of its own layer):

0. ``french`` (the language) and the shared modules that need nothing of termbase: ``anchors``,
   ``build_cache``, ``plain_text``;
1. ``envdata`` (it names entries by their anchors);
2. ``citations`` (French styles: collation and dates; its cache of formatted references);
3. ``glossary`` (it registers ``citations``' cache: its entries cite their sources);
4. ``triage`` (it may read the glossary and the citations);
5. ``search`` and ``tooltips`` (both read the glossary; the tooltips also shape citation cards);
6. ``handouts`` (the glossary's definitions on paper; print styles);
7. ``build`` (the edit loop: it settles the static folders of search, tooltips and handouts) and
   ``booklet`` (« Mon livret »: the handouts' builder, back matter and print styles for several pages);
8. the entry points: ``termbase`` itself (``extensions = ["termbase"]``, loads every part by
   extension name) and the former names kept for ``conf.py`` files (:data:`FORMER_NAMES`).

``"termbase.french"`` also loads ``termbase.search`` and ``termbase.tooltips``, by extension name
(``app.setup_extension``), never by import: that is its former name at work, not a dependency of
the language, and it is not an edge here.
"""

from __future__ import annotations

import ast
import functools
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parents[1] / "tools"
PACKAGES = ("docscheck", "termbase")
MAX_MODULES_PER_FOLDER = 12

#: docscheck's layers, bottom first: a module may import only modules of a lower layer, or of its
#: own layer for parsers and rules (which are families of peers). Records (the ``Config`` too);
#: parsers and rules; the project's file tree (ROOT, exclusion, walking, reading); discovery;
#: settings (build a ``Config``); project (load the configuration, list the files, parse, run the
#: rules); the command line.
DOCSCHECK_LAYERS: dict[str, int] = {
    "docscheck": 0,
    "docscheck.records": 0,
    "docscheck.parsers": 1,
    "docscheck.rules": 1,
    "docscheck.source_files": 2,
    "docscheck.discovery": 3,
    "docscheck.code": 3,
    "docscheck.settings": 4,
    "docscheck.project": 5,
    "docscheck.fix": 6,
    "docscheck.cli": 6,
    "docscheck.__main__": 7,
}

#: What termbase may import from docscheck: its public API.
DOCSCHECK_PUBLIC = frozenset({"docscheck", "docscheck.records", "docscheck.project"})

#: termbase's units and their layers, bottom first (see the module docstring).
TERMBASE_LAYERS: dict[str, int] = {
    "termbase.french": 0,
    "termbase.anchors": 0,
    "termbase.build_cache": 0,
    "termbase.plain_text": 0,
    "termbase.envdata": 1,
    "termbase.citations": 2,
    "termbase.glossary": 3,
    "termbase.triage": 4,
    "termbase.search": 5,
    "termbase.tooltips": 5,
    "termbase.handouts": 6,
    "termbase.build": 7,
    "termbase.booklet": 7,
    "termbase": 8,
    "termbase.bibstyle_fr": 8,
}
#: Former module names kept for ``conf.py`` files, and the module that now holds each.
FORMER_NAMES = {"termbase.bibstyle_fr": "termbase.citations.bibstyle"}
#: Modules of code at the top of termbase: ``__init__`` and what every part shares.
MAX_TOP_MODULES = 5


def module_name(path: Path, tools: Path = TOOLS) -> str:
    parts = list(path.relative_to(tools).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules(tools: Path = TOOLS) -> dict[str, Path]:
    return {module_name(path, tools): path for path in sorted(tools.rglob("*.py")) if path.parts[-2] != "static"}


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


@functools.cache  # read once per tree; callers never change it
def import_graph(tools: Path = TOOLS) -> dict[str, set[str]]:
    found = modules(tools)
    known = set(found)
    return {name: set(imported_modules(name, path, known)) - {name} for name, path in found.items()}


def unit(name: str) -> str:
    """The folder-level unit of a module: its subpackage, or the module itself at the top."""
    return ".".join(name.split(".")[:2])


def unit_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """Imports between units (imports inside a unit are left out)."""
    units: dict[str, set[str]] = {}
    for name, targets in graph.items():
        units.setdefault(unit(name), set()).update(unit(target) for target in targets)
    return {name: targets - {name} for name, targets in units.items()}


def termbase_layer(name: str) -> int:
    if unit(name) not in TERMBASE_LAYERS:
        raise AssertionError(f"{unit(name)}: add it to TERMBASE_LAYERS in tests/test_layout.py (and say why there)")
    return TERMBASE_LAYERS[unit(name)]


def termbase_layer_violations(graph: dict[str, set[str]]) -> list[str]:
    """Every termbase import of a unit of the same layer or of a higher one."""
    return [
        f"{name} (layer {termbase_layer(name)}) imports {target} (layer {termbase_layer(target)})"
        for name, targets in sorted(graph.items())
        if name.split(".")[0] == "termbase"
        for target in sorted(targets)
        if target.split(".")[0] == "termbase" and unit(target) != unit(name) and termbase_layer(target) >= termbase_layer(name)
    ]


def crowded_folders(tools: Path = TOOLS) -> dict[str, int]:
    """Folders holding more than :data:`MAX_MODULES_PER_FOLDER` modules."""
    return {
        str(folder.relative_to(tools)): count
        for folder in [tools, *sorted(p for p in tools.rglob("*") if p.is_dir())]
        if (count := len(list(folder.glob("*.py")))) > MAX_MODULES_PER_FOLDER
    }


def top_modules(tools: Path = TOOLS) -> list[str]:
    """The modules of code directly in ``termbase/`` (former names do not count)."""
    return sorted(name for name, path in modules(tools).items() if path.parent == tools / "termbase" and name not in FORMER_NAMES)


def termbase_copy(tmp_path: Path) -> Path:
    """A copy of ``tools/termbase`` to plant a violation in; returns the copy's ``tools``."""
    shutil.copytree(TOOLS / "termbase", tmp_path / "termbase", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def plant(path: Path, code: str) -> None:
    """Append ``code`` (a function holding a lazy import, say) to a module of the copy."""
    path.write_text(path.read_text(encoding="utf-8") + "\n\n" + code, encoding="utf-8")


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
    crowded = crowded_folders()
    assert not crowded, f"folders of tools/ with more than {MAX_MODULES_PER_FOLDER} modules: {crowded}"


def test_no_folder_in_tools_imports_a_folder_that_imports_it_back() -> None:
    cycle = find_cycle(unit_graph(import_graph()))
    assert cycle is None, "import cycle between folders of tools/: " + " -> ".join(cycle or [])


def test_termbase_imports_follow_the_layer_order() -> None:
    violations = termbase_layer_violations(import_graph())
    assert not violations, "termbase imports against the layer order (see tests/test_layout.py):\n" + "\n".join(violations)


def test_french_imports_nothing_else_of_termbase() -> None:
    bad = [f"{name} imports {target}" for name, target in edges("termbase.french", "termbase") if unit(target) != "termbase.french"]
    assert not bad, "\n".join(bad)


def test_top_of_termbase_holds_at_most_five_modules() -> None:
    top = top_modules()
    assert len(top) <= MAX_TOP_MODULES, f"termbase/ holds {len(top)} modules, at most {MAX_TOP_MODULES}: {top}; move a part into its subpackage"


@pytest.mark.parametrize(("former", "current"), sorted(FORMER_NAMES.items()))
def test_a_former_name_only_hands_over_the_setup_of_its_new_module(former: str, current: str) -> None:
    tree = ast.parse(modules()[former].read_text(encoding="utf-8"))
    imports = [node for node in tree.body if isinstance(node, ast.ImportFrom) and node.module != "__future__"]
    functions = [node for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))]
    assert [(node.module, [alias.name for alias in node.names]) for node in imports] == [(current, ["setup"])]
    assert not functions, f"{former} is a former name: its code belongs in {current}"


def test_a_planted_lazy_import_between_two_folders_is_a_folder_cycle(tmp_path: Path) -> None:
    tools = termbase_copy(tmp_path)
    plant(tools / "termbase" / "french" / "typography.py", "def planted():\n    from termbase import glossary  # noqa\n")
    cycle = find_cycle(unit_graph(import_graph(tools)))
    assert cycle is not None and {"termbase.french", "termbase.glossary"} <= set(cycle)
    assert find_cycle(import_graph(tools)) is None  # no cycle between modules: only the folders'


def test_a_planted_upward_import_breaks_the_layer_order(tmp_path: Path) -> None:
    tools = termbase_copy(tmp_path)
    plant(tools / "termbase" / "envdata.py", "def planted():\n    from termbase.citations import bibstyle  # noqa\n")
    assert find_cycle(unit_graph(import_graph(tools))) is None  # not a cycle: only upward
    assert termbase_layer_violations(import_graph(tools)) == ["termbase.envdata (layer 1) imports termbase.citations.bibstyle (layer 2)"]


def test_a_planted_import_between_units_of_one_layer_breaks_the_layer_order(tmp_path: Path) -> None:
    tools = termbase_copy(tmp_path)
    plant(tools / "termbase" / "tooltips" / "terms.py", "def planted():\n    from termbase.search import folding  # noqa\n")
    assert termbase_layer_violations(import_graph(tools)) == ["termbase.tooltips.terms (layer 5) imports termbase.search.folding (layer 5)"]


def test_a_planted_thirteenth_module_makes_a_folder_crowded(tmp_path: Path) -> None:
    tools = termbase_copy(tmp_path)
    folder = tools / "termbase" / "handouts"
    assert crowded_folders(tools) == {}
    count = len(list(folder.glob("*.py")))
    for number in range(count, MAX_MODULES_PER_FOLDER + 1):
        (folder / f"planted_{number}.py").write_text('"""Planted."""\n', encoding="utf-8")
    assert crowded_folders(tools) == {"termbase/handouts": MAX_MODULES_PER_FOLDER + 1}


def test_a_planted_sixth_module_at_the_top_of_termbase_is_too_many(tmp_path: Path) -> None:
    tools = termbase_copy(tmp_path)
    assert len(top_modules(tools)) <= MAX_TOP_MODULES
    for number in range(len(top_modules(tools)), MAX_TOP_MODULES + 1):
        (tools / "termbase" / f"planted_{number}.py").write_text('"""Planted."""\n', encoding="utf-8")
    assert len(top_modules(tools)) == MAX_TOP_MODULES + 1


def test_a_termbase_folder_without_a_layer_is_reported(tmp_path: Path) -> None:
    tools = termbase_copy(tmp_path)
    (tools / "termbase" / "figures").mkdir()
    (tools / "termbase" / "figures" / "__init__.py").write_text("from termbase import anchors  # noqa\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="termbase.figures: add it to TERMBASE_LAYERS"):
        termbase_layer_violations(import_graph(tools))


@pytest.mark.parametrize("extension", ["termbase", "termbase.glossary", "termbase.french", "termbase.handouts", "termbase.bibstyle_fr", "termbase.citations", "termbase.search", "termbase.tooltips", "termbase.build", "termbase.triage", "termbase.booklet"])
def test_each_sub_extension_has_a_setup_in_its_own_module(extension: str) -> None:
    path = modules()[extension]
    functions = {node.name for node in ast.parse(path.read_text(encoding="utf-8")).body if isinstance(node, ast.FunctionDef)}
    imported = {alias.asname or alias.name for node in ast.parse(path.read_text(encoding="utf-8")).body if isinstance(node, ast.ImportFrom) for alias in node.names}
    assert "setup" in functions | imported, f"{path}: no setup()"
