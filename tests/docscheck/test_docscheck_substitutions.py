"""sphinxcontrib-globalsubs' ``global_substitutions``, read statically from conf.py and the modules it imports."""

from __future__ import annotations

import textwrap
from pathlib import Path

from docscheck.code.conf_code import read_conf_code
from docscheck.project import check_project

ROOTS = Path(__file__).resolve().parents[1] / "roots"
GLOBALSUBS = ROOTS / "test-docscheck-globalsubs"


def conf_root(tmp_path: Path, conf: str, **modules: str) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "conf.py").write_text(textwrap.dedent(conf), encoding="utf-8")
    for name, text in modules.items():
        (docs / f"{name}.py").write_text(textwrap.dedent(text), encoding="utf-8")
    return docs / "conf.py"


def global_names(conf: Path) -> dict[str, tuple]:
    return {s.name: s.pieces for s in read_conf_code(conf, conf.parent.parent.resolve()).substitutions.global_}


def test_dict_literal_in_conf_py(tmp_path):
    conf = conf_root(tmp_path, 'global_substitutions = {"arg": ":term:`argument`", "plain": "text"}\n')
    assert global_names(conf) == {"arg": (("role", "term", "argument"),), "plain": (("text", "text", ""),)}


def test_merges_of_dict_literals_from_an_imported_module(tmp_path):
    conf = conf_root(
        tmp_path,
        """
        import _subs
        from _subs import extra as more
        global_substitutions = {**_subs.first, **more} | dict(_subs.third, last=":term:`last`")
        """,
        _subs="""
        first: dict[str, str] = {"a": ":term:`a`"}
        extra = {"b": ":cite:p:`key`"}
        third = first | {"c": ":term:`c`"}
        """,
    )
    assert set(global_names(conf)) == {"a", "b", "c", "last"}


def test_computed_parts_are_left_out_with_one_note(tmp_path):
    conf = conf_root(
        tmp_path,
        """
        from _subs import subs
        global_substitutions = subs
        """,
        _subs="""
        base = {"a": ":term:`a`"}
        links = {k: f"`{k} <{v}>`_" for k, v in {"x": "y"}.items()}
        subs = base | links
        """,
    )
    code = read_conf_code(conf, tmp_path.resolve())
    assert [s.name for s in code.substitutions.global_] == ["a"]
    assert len(code.notes) == 1 and "links" in code.notes[0]


def test_a_computed_prolog_is_a_note_not_an_error(tmp_path):
    conf = conf_root(tmp_path, 'rst_prolog = open("prolog.rst").read()\n')
    code = read_conf_code(conf, tmp_path.resolve())
    assert code.prolog == () and "rst_prolog" in code.notes[0]


def test_a_module_outside_root_is_not_read(tmp_path):
    (tmp_path / "_outside.py").write_text('subs = {"a": ":term:`a`"}\n', encoding="utf-8")
    root = tmp_path / "project"
    root.mkdir()
    conf = conf_root(root, 'import sys\nsys.path.insert(0, "../..")\nfrom _outside import subs\nglobal_substitutions = subs\n')
    assert global_names(conf) == {}


def test_global_substitution_roles_are_checked_at_each_use():
    found = {(f.code, f.path, f.line, f.message.split("'")[1]) for f in check_project(GLOBALSUBS).findings if f.code == "TERM001"}
    assert found == {
        ("TERM001", "docs/index.rst", 8, "argument"),  # r":term:`argument`\ " (the escaped space dropped)
        ("TERM001", "docs/index.rst", 10, "widgit"),  # from dict(..., misspelt=...) in a module conf.py imports
        ("TERM001", "docs/index.rst", 10, "inline gizmo"),
        ("TERM001", "docs/index.rst", 16, "local gizmo"),  # the page's own |gizmo| wins over the global one
    }  # "the :term:`hidden gizmo`": globalsubs keeps the first node only, a text


def test_global_substitution_uses_in_docstrings_are_checked(tmp_path):
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    (root / "pkg").mkdir()
    (root / "docs" / "conf.py").write_text('extensions = ["sphinx.ext.autodoc"]\nglobal_substitutions = {"arg": ":term:`argument`"}\n', encoding="utf-8")
    (root / "docs" / "index.rst").write_text("API\n===\n\n.. automodule:: pkg\n   :members:\n", encoding="utf-8")
    (root / "pkg" / "__init__.py").write_text('"""A package."""\n\n\ndef f(x):\n    """Take an |arg|."""\n', encoding="utf-8")
    found = [(f.path, f.line) for f in check_project(root).findings if f.code == "TERM001"]
    assert found == [("pkg/__init__.py", 5)]
