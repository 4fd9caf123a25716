"""Printed tables (termbase.handouts.latex_tables): each column as wide as its longest word, longtables that break.

Pure tests of the width arithmetic, then a LaTeX build (no TeX run) of ``tests/roots/test-termbase-tables``.
"""

from __future__ import annotations

import re

import pytest

from termbase.handouts.latex_tables import LINE_EM, ColumnNeeds, colspec, column_needs, distribute, text_width


def test_longest_word_sets_the_minimum_and_no_break_spaces_bind() -> None:
    needs = column_needs([("KEYNOTE-006", False), ("834, mélanome avancé", False)])
    assert needs.minimum >= text_width("KEYNOTE-006")
    bound = column_needs([("47,3\u00a0% et 46,4\u00a0%", False)])
    assert bound.minimum >= text_width("47,3\u00a0%")


def test_header_cells_count_wider_than_body_cells() -> None:
    assert column_needs([("Traitements", True)]).minimum > column_needs([("Traitements", False)]).minimum


def test_every_column_gets_at_least_its_longest_word() -> None:
    needs = [ColumnNeeds(8, 8), ColumnNeeds(6, 30), ColumnNeeds(7, 90)]
    widths = distribute(needs)
    assert pytest.approx(sum(widths)) == LINE_EM
    assert all(width >= need.minimum for width, need in zip(widths, needs, strict=True))
    # What is left goes to the column whose text is longest.
    assert widths[2] > widths[1] > widths[0] - 0.01


def test_narrow_tables_still_span_the_line() -> None:
    widths = distribute([ColumnNeeds(5, 10), ColumnNeeds(5, 20)])
    assert pytest.approx(sum(widths)) == LINE_EM
    assert pytest.approx(widths[1] / widths[0]) == 2


def test_colspec_is_ragged_right_and_never_looks_like_tabulary() -> None:
    spec = colspec([10.0, 32.0])
    assert spec.count(r"\X{") == 2 and r"\raggedright" in spec
    assert not set("LRCJT") & set(re.sub(r"\\[A-Za-z]+", "", spec))  # Sphinx reads these as tabulary columns


@pytest.mark.sphinx("latex", testroot="termbase-tables")
def test_tables_get_widths_and_break_across_pages_where_latex_allows(app) -> None:
    app.build()
    tex = (app.outdir / "tables.tex").read_text(encoding="utf-8")
    longtables = re.findall(r"\\begin\{longtable\}\{(.*)\}$", tex, re.MULTILINE)
    assert len(longtables) == 1, "the table directly in a section breaks across pages"
    widths = [int(w) for w in re.findall(r"\\X\{(\d+)\}\{\d+\}", longtables[0])]
    assert len(widths) == 3 and widths[2] > widths[0], widths
    # Inside a note a longtable cannot work: a tabular with the same kind of columns.
    assert re.search(r"\\begin\{tabular\}\[t\]\{>\{\\def\\sphinxAtStartPar", tex)
    # The author's :widths: are kept as given.
    assert r"\X{1}{4}\X{3}{4}" in tex
    assert r"\begin{tabulary}" not in tex


@pytest.mark.sphinx("html", testroot="termbase-tables")
def test_html_tables_are_left_alone(app) -> None:
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "longtable" not in html and "raggedright" not in html


def test_columns_add_up_to_the_line_exactly() -> None:
    # Rounding each width on its own gave 421/420 of the line: a 1 pt overfull box on every row.
    spec = colspec([8.34, 8.94, 10.14, 14.58])
    units = [int(units) for units in re.findall(r"\\X\{(\d+)\}\{420\}", spec)]
    assert sum(units) == 420, units
