"""Unit tests of docscheck.code: conf.py read statically, docstrings, gallery text, directives, inventories."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from docscheck.code.conf_code import names_generated_file, read_conf_code
from docscheck.code.intersphinx import inventory_terms, write_inventory
from docscheck.code.python_sources import blocks_page, gallery_blocks, module_blocks, parse_module, parse_module_docs
from docscheck.code.sources import documented_names
from docscheck.project import check_project
from docscheck.records import SourceError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def refs(text: str, path: str = "m.py") -> list[tuple[int, str]]:
    tree = parse_module_docs(textwrap.dedent(text))
    return [(r.line, r.target) for r in blocks_page(path, list(module_blocks(tree))).term_refs]


# -- docstrings -------------------------------------------------------------------------------


def test_docstring_roles_are_at_their_line_in_the_file():
    assert refs('''\
        """Module.

        Uses :term:`alpha`.
        """


        def f():
            """
            Leading blank line, then :term:`beta`.
            """
        ''') == [(3, "alpha"), (9, "beta")]


def test_numpydoc_sections_are_read_as_rest():
    assert refs('''\
        def f(x):
            """Sum.

            Parameters
            ----------
            x : int
                A :term:`count`.

            See Also
            --------
            g : the :term:`other` one.
            """
        ''') == [(7, "count"), (11, "other")]


def test_private_objects_and_names_outside_all_are_not_rendered():
    assert refs('''\
        __all__ = ["shown"]


        def shown():
            """:term:`yes`"""


        def hidden():
            """:term:`no`"""


        def _private():
            """:term:`never`"""
        ''') == [(5, "yes")]


def test_names_the_module_adds_to_all_are_rendered():
    # PlasmaPy: ``__all__ += __lite_funcs__`` publishes the lite-functions, whose docstrings
    # automodapi renders (found by benchmarks/real_projects.py: a term renamed in the glossary)
    assert refs('''\
        __all__ = ["main"]
        __lite_funcs__ = ["main_lite"]
        __all__ += __lite_funcs__
        __all__.extend(["extra"])
        __all__.append("single")


        def main():
            """:term:`a`"""


        def main_lite():
            """:term:`b`"""


        def extra():
            """:term:`c`"""


        def single():
            """:term:`d`"""


        def hidden():
            """:term:`no`"""
        ''') == [(9, "a"), (13, "b"), (17, "c"), (21, "d")]


def test_all_extended_by_computed_names_renders_every_public_name():
    assert refs('''\
        __all__ = ["shown"]
        __all__ += compute()


        def shown():
            """:term:`yes`"""


        def other():
            """:term:`also`"""


        def _private():
            """:term:`never`"""
        ''') == [(6, "yes"), (10, "also")]


def test_public_methods_and_attribute_docstrings_of_a_class_are_rendered():
    assert refs('''\
        class A:
            """:term:`class`"""

            size = 3
            """:term:`attribute`"""

            def run(self):
                """:term:`method`"""

            def _skip(self):
                """:term:`private`"""
        ''') == [(2, "class"), (5, "attribute"), (8, "method")]


def test_decorated_functions_keep_their_decorator():
    assert refs('''\
        import functools


        @functools.cache
        @other(
            1,
        )
        def f():
            """:term:`decorated`"""
        ''') == [(9, "decorated")]


def test_definition_keyword_inside_a_string_falls_back_to_the_whole_module():
    text = 'TEMPLATE = """\ndef not_code():\n"""\n\n\ndef f():\n    """:term:`real`"""\n'
    assert refs(text) == [(7, "real")]


def test_roles_in_literal_blocks_of_docstrings_do_not_count():
    assert refs('''\
        def f():
            """Example::

                :term:`code`

            Then :term:`prose`.
            """
        ''') == [(6, "prose")]


def test_module_that_does_not_parse_gives_nothing():
    assert parse_module("def (:\n") is None and parse_module_docs("def f(:\n    pass\n") is None


# -- gallery --------------------------------------------------------------------------------------


def test_gallery_text_blocks_follow_percent_and_hash_separators():
    text = textwrap.dedent('''\
        """Title
        =====

        :term:`intro`
        """

        x = 1
        # %%
        # First :term:`block`.

        y = 2  # :term:`inline` is code
        ####################
        # Second :term:`hashes`.
        ''')
    blocks = gallery_blocks(text, parse_module(text))
    assert [(r.line, r.target) for r in blocks_page("p.py", blocks).term_refs] == [(4, "intro"), (9, "block"), (13, "hashes")]


# -- which modules the pages name ---------------------------------------------------------------


def test_autosummary_items_take_the_current_module_and_recursive_option():
    found = documented_names("api.rst", textwrap.dedent("""\
        .. currentmodule:: pkg.sub

        .. autosummary::
           :toctree: generated/
           :recursive:

           ~func
           Klass.method
           pkg.sub.other

        .. autoclass:: Thing
        .. automodule:: pkg.mod
        """))
    assert [(d.name, d.recursive, d.line) for d in found] == [
        ("pkg.sub.func", True, 3),
        ("pkg.sub.Klass.method", True, 3),
        ("pkg.sub.other", True, 3),
        ("pkg.sub.Thing", False, 11),
        ("pkg.mod", False, 12),
    ]


def test_myst_autodoc_directives_are_found():
    found = documented_names("api.md", "```{automodule} pkg.mod\n:members:\n```\n\n```{eval-rst}\n.. autofunction:: pkg.f\n```\n")
    assert [(d.name, d.fallback) for d in found] == [("pkg.mod", None), ("pkg.mod.pkg.f", "pkg.f")]


def make_package(root: Path, conf: str) -> None:
    write(root / "docs" / "conf.py", conf)
    write(root / "docs" / "index.rst", "Index\n=====\n\n.. glossary::\n\n   known\n      A term.\n")


def test_autosummary_recursive_reads_submodules(tmp_path):
    make_package(tmp_path, 'extensions = ["sphinx.ext.autosummary"]\n')
    write(tmp_path / "docs" / "api.rst", ".. autosummary::\n   :toctree: gen\n   :recursive:\n\n   pkg\n")
    write(tmp_path / "pkg" / "__init__.py", '"""Package."""\n')
    write(tmp_path / "pkg" / "deep" / "__init__.py", '"""Deep."""\n')
    write(tmp_path / "pkg" / "deep" / "leaf.py", '"""A :term:`missing` term."""\n')
    assert [(f.path, f.line) for f in check_project(tmp_path).findings if f.code == "TERM001"] == [("pkg/deep/leaf.py", 1)]


def test_objects_imported_into_a_documented_module_are_read_where_defined(tmp_path):
    make_package(tmp_path, 'import sys, os\nsys.path.insert(0, os.path.abspath("../src"))\n')
    write(tmp_path / "docs" / "api.rst", ".. automodule:: pkg\n   :members:\n")
    write(tmp_path / "src" / "pkg" / "__init__.py", "from .core import *\nfrom pkg.extra import helper\n")
    write(tmp_path / "src" / "pkg" / "core.py", 'def run():\n    """:term:`from star`"""\n')
    write(tmp_path / "src" / "pkg" / "extra.py", 'def helper():\n    """:term:`from name`"""\n\n\ndef other():\n    """:term:`not imported`"""\n')
    found = {(f.path, f.message.split("'")[1]) for f in check_project(tmp_path).findings if f.code == "TERM001"}
    assert found == {("src/pkg/core.py", "from star"), ("src/pkg/extra.py", "from name")}


def test_autoapi_dirs_are_read(tmp_path):
    make_package(tmp_path, 'extensions = ["autoapi.extension"]\nautoapi_dirs = ["../lib"]\n')
    write(tmp_path / "lib" / "tool.py", 'def f():\n    """:term:`autoapi term`"""\n')
    assert [f.path for f in check_project(tmp_path).findings if f.code == "TERM001"] == ["lib/tool.py"]


# -- conf.py, statically ---------------------------------------------------------------------------


def test_conf_code_reads_sys_path_intersphinx_and_gallery(tmp_path):
    conf = write(tmp_path / "docs" / "conf.py", """\
        import os, sys
        from pathlib import Path
        sys.path.insert(0, os.path.abspath(".."))
        sys.path.insert(0, str(Path("sphinxext").absolute()))
        sys.path.append(os.path.join(os.path.dirname(__file__), "lib"))
        BASE = "https://docs.python.org/3"
        extensions = ["sphinx_gallery.gen_gallery"]
        intersphinx_mapping = {
            "python": (BASE, None),
            "numpy": ("https://numpy.org/doc/stable/", ("local.inv", None)),
            "computed": (get_url(), None),
        }
        sphinx_gallery_conf = {"examples_dirs": ["../examples", "../tutorials"], "binder": make_binder()}
        """)
    code = read_conf_code(conf, tmp_path)
    assert code.sys_path == ("..", "sphinxext")
    assert code.examples_dirs == ("../examples", "../tutorials")
    assert [(t.name, t.uri, t.locations()) for t in code.intersphinx] == [
        ("python", "https://docs.python.org/3", ["https://docs.python.org/3/objects.inv"]),
        ("numpy", "https://numpy.org/doc/stable/", ["local.inv", "https://numpy.org/doc/stable/objects.inv"]),
        ("computed", None, []),
    ]


def test_generated_file_names_match_by_trailing_path_components():
    literals = frozenset({"about/_authors.rst", "../CITATION.cff", "html"})
    assert names_generated_file(("docs", "about", "_authors.rst"), literals)
    assert not names_generated_file(("docs", "other", "_authors.rst"), literals)
    assert not names_generated_file(("docs", "html"), literals)  # not a file name


# -- objects.inv -------------------------------------------------------------------------------------


def test_inventory_terms_are_read_case_insensitively_with_spaces():
    data = write_inventory("P", [("Keyword Argument", "std:term", "g.html"), ("str", "py:class", "s.html"), ("label", "std:label", "l.html")])
    assert inventory_terms(data, "x.inv") == frozenset({"keyword argument"})


@pytest.mark.parametrize("data", [b"", b"# Sphinx inventory version 1\n", b"# Sphinx inventory version 2\n# P\n# V\n# z\nnot zlib"])
def test_a_file_that_is_not_an_inventory_is_a_source_error(data):
    with pytest.raises(SourceError):
        inventory_terms(data, "x.inv")


def test_class_members_are_parsed_one_by_one_at_their_lines():
    assert refs('''\
        class A(Base):
            """:term:`head`"""

            @property
            def plain(self):
                return 1

            @staticmethod
            def cited(x):
                """:term:`member`, once
                more: :term:`again`."""
                return x

            class Inner:
                """:term:`inner`"""


        VALUE = 1
        ''') == [(2, "head"), (10, "member"), (11, "again"), (15, "inner")]


def test_partial_parse_finds_the_blocks_a_full_parse_finds():
    text = textwrap.dedent('''\
        """Module :term:`doc`."""
        from .x import y


        @decorator
        class Big:
            """:term:`class doc`"""

            def a(self):
                """:term:`a`"""
                if True:
                    pass

            def b(self):
                return """def c():
        :term:`in a string`"""


        def g():
            """:term:`g`"""
        ''')
    full = {b for b in module_blocks(parse_module(text))}
    assert {b for b in module_blocks(parse_module_docs(text))} == full


# -- misspellings of local terms (TERM001 stays an error) --------------------------------------------


@pytest.mark.parametrize(
    ("name", "local", "expected"),
    [
        ("fmrl", ["fmri", "voxel"], "fmri"),  # one letter replaced: the ratio (0.75) alone misses it
        ("voxels", ["voxel"], "voxel"),
        ("charge numbr", ["charge number"], "charge number"),
        ("vxoel", ["voxel"], "voxel"),  # neighbours swapped
        ("function", ["fit-function"], None),  # another word, not a typo
        ("roi", ["rio"], None),  # too short to call
    ],
)
def test_close_term_names_the_local_term_a_name_misspells(name, local, expected):
    from docscheck.rules.terms import close_term

    assert close_term(name, local) == expected


def test_script_docstring_after_a_comment_header_is_read_alone():
    from docscheck.code.python_sources import script_head

    text = '# -*- coding: utf-8 -*-\n# Licence: BSD\n\n"""\nTitle\n=====\n\n:term:`head`\n"""\nimport broken syntax here\n'
    blocks = gallery_blocks(text, script_head(text))
    assert [(r.line, r.target) for r in blocks_page("s.py", blocks).term_refs] == [(8, "head")]


def test_directives_shown_as_examples_name_nothing():
    rest = textwrap.dedent("""\
        Write::

           .. automodule:: example.literal

        .. code-block:: rst

           .. autoclass:: example.code

        .. note::

           .. automodule:: real.module
        """)
    myst = "```rst\n.. automodule:: example.fenced\n```\n\n```{automodule} real.myst\n```\n"
    assert [d.name for d in documented_names("p.rst", rest)] == ["real.module"]
    assert [d.name for d in documented_names("p.md", myst)] == ["real.myst"]


def test_a_submodule_symlinked_outside_root_is_not_read(tmp_path):
    outside = write(tmp_path / "outside" / "secret.py", '"""A :term:`leaked secret`."""\n')
    root = tmp_path / "root"
    make_package(root, "")
    write(root / "docs" / "api.rst", ".. autosummary::\n   :recursive:\n\n   pkg\n")
    write(root / "pkg" / "__init__.py", '"""Package."""\n')
    (root / "pkg" / "linked.py").symlink_to(outside)
    assert "leaked" not in " ".join(f.message for f in check_project(root).findings)


def test_a_gallery_ignore_pattern_that_is_not_a_regex_does_not_crash(tmp_path):
    make_package(tmp_path, 'extensions = ["sphinx_gallery.gen_gallery"]\nsphinx_gallery_conf = {"examples_dirs": "../ex", "ignore_pattern": "(["}\n')
    write(tmp_path / "ex" / "plot_a.py", '"""A :term:`gallery term`."""\n')
    assert [f.path for f in check_project(tmp_path).findings if f.code == "TERM001"] == ["ex/plot_a.py"]


def test_automodule_makes_its_module_current_for_what_follows():
    found = documented_names("api.rst", ".. automodule:: pkg.mod\n\n.. autosummary::\n\n   func\n\n.. autofunction:: other\n")
    assert [d.name for d in found] == ["pkg.mod", "pkg.mod.func", "pkg.mod.other"]


def test_a_name_absent_from_the_current_module_is_taken_as_written(tmp_path):
    make_package(tmp_path, "")
    write(tmp_path / "docs" / "api.rst", ".. automodule:: pkg.mod\n\n.. autofunction:: pkg.other.f\n\n.. autosummary::\n\n   g\n")
    write(tmp_path / "pkg" / "__init__.py", "")
    write(tmp_path / "pkg" / "mod.py", 'def g():\n    """:term:`from g`"""\n')
    write(tmp_path / "pkg" / "other.py", 'def f():\n    """:term:`from f`"""\n')
    found = {(f.path, f.message.split("'")[1]) for f in check_project(tmp_path).findings if f.code == "TERM001"}
    assert found == {("pkg/mod.py", "from g"), ("pkg/other.py", "from f")}
    assert not [n for n in check_project(tmp_path).notes if "cannot find" in n]
