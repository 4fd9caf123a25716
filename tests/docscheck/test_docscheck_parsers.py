"""Parsers read what Sphinx reads: term lines, conf.py, CSV cells, tabs."""

from __future__ import annotations

import pytest

from docscheck.parsers.markdown import markdown_parser
from docscheck.parsers.rest import expand_tabs
from docscheck.parsers.sphinx_conf import parse_sphinx_conf
from docscheck.parsers.tables import csv_cells
from docscheck.parsers.term_text import myst_term_text, rest_term_text


@pytest.mark.parametrize(
    ("line", "term"),
    [
        ("DICOM_DIR_MAP_FILE", "DICOM_DIR_MAP_FILE"),
        ("**Sphinx**", "Sphinx"),
        ("``docstring``", "docstring"),
        ("API : Application Programming Interface", "API"),
        ("`Python <https://python.org>`_", "Python"),
        ("`interpreted`", "interpreted"),
        ("target_", "target"),
        (r"escaped \*star\*", "escaped *star*"),
        (":abbr:`LIFO (last in, first out)`", "LIFO"),
    ],
)
def test_rest_term_line_text_is_what_docutils_renders(line, term):
    assert rest_term_text(line) == term


@pytest.mark.parametrize(
    ("line", "term"),
    [
        ("DICOM_DIR_MAP_FILE", "DICOM_DIR_MAP_FILE"),
        ("[CommonMark](https://commonmark.org)", "CommonMark"),
        ("**MyST**", "MyST"),
        ("`literal_term`", "literal_term"),
        ("_emphasis_", "emphasis"),
        ("R&amp;D", "R&D"),
        ("snake_case : a classifier", "snake_case"),
    ],
)
def test_myst_term_line_text_is_what_myst_renders(line, term):
    assert myst_term_text(line, markdown_parser(frozenset())) == term


def test_tabs_expand_to_eight_columns_like_docutils():
    assert expand_tabs(["\tdefinition", "ab\tc", "plain"]) == ["        definition", "ab      c", "plain"]


def test_computed_conf_values_keep_their_literal_part():
    conf = parse_sphinx_conf('import os\nexclude_patterns = ["_build"] + os.environ.get("X", "").split()\nexclude_patterns.append("drafts")\nlanguage = os.environ["L"]\n', "conf.py")
    assert conf.get("exclude_patterns") == ["_build", "drafts"]
    assert conf.partial == {"exclude_patterns": 2}
    assert conf.get("language") is None


def test_csv_cells_keep_their_row_line_and_quoted_newlines():
    rows = ['"a", ":term:`x`"', '"multi', 'line", b']
    assert list(csv_cells(rows)) == [(0, "a"), (0, ":term:`x`"), (1, "multi\nline"), (2, "b")]
