"""What docscheck reads of docstrings and gallery scripts does not change when reading gets faster.

``code_pages_snapshot.json`` holds, for each fixture root that documents code, every term
reference, citation, defined term and directive docscheck found in its Python files, and every
finding of the run, as the reader gave them before the speed-ups of issue 22 (regenerate it only
for a change meant to alter them: ``python tests/docscheck/test_docscheck_code_snapshot.py``).
The other tests compare the fast paths with the plain way on tricky inputs.
"""

from __future__ import annotations

import ast
import gc
import json
import sys
from pathlib import Path

import pytest

from docscheck.code.conf_code import ConfCode
from docscheck.code.python_sources import RoleCollector, RoleParser, TextBlock, blocks_page, gallery_blocks, has_roles, module_blocks, parse_module
from docscheck.code.sources import load_code_pages
from docscheck.project import check_project, load_config, load_pages, read_conf_code

HERE = Path(__file__).resolve().parent
ROOTS = HERE.parent / "roots"
SNAPSHOT = HERE / "code_pages_snapshot.json"
CODE_ROOTS = ["test-docscheck-code-nilearn", "test-docscheck-code-plasmapy", "test-docscheck-code-pyopensci", "test-docscheck-code-gallery"]


def code_reading(root: Path) -> dict[str, object]:
    """The code pages of ``root`` and the findings of a whole run, as plain JSON data."""
    config = load_config(root)
    conf = read_conf_code(config.conf, config.root) if config.conf is not None else ConfCode()
    texts: list[tuple[str, str]] = []
    load_pages(config, None, conf, [], texts)
    pages, notes = load_code_pages(config, conf, texts)
    return {
        "pages": [
            {
                "path": page.path,
                "term_refs": [[r.path, r.line, r.target, r.text, r.order] for r in page.term_refs],
                "citations": [[c.path, c.line, c.key, c.role] for c in page.citations],
                "defined_terms": [[d.path, d.line, d.term] for d in page.defined_terms],
                "directives": sorted(page.directives),
                "bibliographies": [[b.path, b.line, b.all, b.notcited, b.filter, list(b.files)] for b in page.bibliographies],
            }
            for page in pages
        ],
        "notes": notes,
        "findings": [[f.path, f.line, f.code, str(f.severity), f.message] for f in check_project(root).findings],
    }


@pytest.mark.parametrize("name", CODE_ROOTS)
def test_code_pages_and_findings_match_the_snapshot(name: str) -> None:
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))[name]
    assert json.loads(json.dumps(code_reading(ROOTS / name))) == expected


def whole_block_page(blocks: list[TextBlock]):
    """The plain way: every block parsed whole by the role reader."""
    collector = RoleCollector("m.py")
    rest = RoleParser(collector)
    with collector.reading():
        for block in sorted(set(blocks), key=lambda b: b.line):
            rest.parse(list(block.lines), block.line)
            collector.end_block()
    return collector.page({}, {}, False, False)


TRICKY_DOCSTRINGS = [
    "Summary with :term:`alpha`.\n\nParameters\n----------\nx : int\n    The :term:`beta <b>` value.\ny : float\n    Plain.\n\nReferences\n----------\n.. footbibliography::\n",
    "Example::\n\n    :term:`not a role` in a literal block\n\nthen :cite:`k1` after it.\n",
    "Intro.\n\n.. note::\n\n   A note with :cite:p:`inside`.\n\nafter the note\n",
    "Title :term:`h`\n~~~~~~~~~~~~~~~\n\nbody\n\n.. code-block:: python\n\n    x = ':term:`no`'\n\nNotes\n-----\n.. [1] Footnote :cite:`fn`.\n",
    "A :term:`role\nacross lines` here.\n\n.. comment :term:`c`\n\n\tTabbed :term:`tab` line\n\nplain\n\n.. glossary::\n\n   word\n      Defined.\n",
    "``literal :term:`x` ``\n\n.. bibliography::\n   :all:\n\nend :footcite:`z`\n",
]


@pytest.mark.parametrize("text", TRICKY_DOCSTRINGS)
def test_reading_only_the_parts_with_roles_or_markup_gives_the_whole_block_page(text: str) -> None:
    blocks = [TextBlock(3, tuple(text.split("\n")))]
    fast, whole = blocks_page("m.py", blocks), whole_block_page(blocks)
    assert fast == whole and (fast.term_refs or fast.citations)


def test_gallery_blocks_with_roles_only_are_the_blocks_that_hold_a_role() -> None:
    text = '"""Title :term:`t`."""\n# %%\n# plain text\nx = 1\n# %%\n# :cite:`k`\n#:term:`y`\n##########################\n# no role\n# %%\n'
    tree = parse_module(text)
    assert tree is not None
    every = gallery_blocks(text, tree)
    assert gallery_blocks(text, tree, roles_only=True) == [b for b in every if has_roles(b)] and len(every) == 4


def test_module_blocks_with_roles_only_are_the_blocks_that_hold_a_role() -> None:
    text = '"""Module."""\nx = 1\n"""Attr :term:`a`."""\ndef f():\n    """F :cite:`k`."""\nclass C:\n    """Plain."""\n    def m(self):\n        """M :term:`m`."""\n'
    tree = ast.parse(text)
    assert list(module_blocks(tree, roles_only=True)) == [b for b in module_blocks(tree) if has_roles(b)]


@pytest.mark.parametrize("enabled", [True, False])
def test_reading_code_leaves_the_garbage_collector_as_it_was(enabled: bool) -> None:
    root = ROOTS / "test-docscheck-code-nilearn"
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        code_reading(root)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


if __name__ == "__main__":  # regenerate the snapshot
    SNAPSHOT.write_text(json.dumps({name: code_reading(ROOTS / name) for name in CODE_ROOTS}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {SNAPSHOT}", file=sys.stderr)
