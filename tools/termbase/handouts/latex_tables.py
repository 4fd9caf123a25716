"""Column widths for printed tables: every column as wide as its longest word, tables that break across pages.

Sphinx's default LaTeX table, ``tabulary``, shares the line by the length of each column's text.
A column of short names next to a column of long sentences gets almost nothing: « KEYNOTE-006 »
is cut to « KEY », « CheckMate » splits « Che-ck-Mate », and since a tabulary cannot break
across pages, the page before a long table stays 40 % blank.

This post-transform, run for the LaTeX builders only (the HTML keeps its own responsive tables),
gives each table an explicit column spec, as a browser's automatic table layout does:

1. each column gets at least the width of its longest unbreakable word (no-break spaces bind, as
   in « 40 % »), so no word is cut or hyphenated;
2. what is left of the line goes to the columns in proportion to how much longer their text is;
3. cells are set ragged-right (justified narrow columns open wide gaps);
4. the table is a ``longtable``, which breaks across pages and repeats its header, when it stands
   directly in a section: LaTeX cannot break a table inside an admonition or a list, so there it
   stays a ``tabular`` with the same widths.

Widths are estimated from the text with average glyph widths of the guide's fonts (in em), not by
typesetting it; the estimate errs wide. A table whose author chose widths (``:widths:`` or
``tabularcolumns``) is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

#: Width of the text block in em of the body font: A4 (21 cm) minus 2 × 2.2 cm margins, at 11 pt.
LINE_EM = 42.0
#: What a column adds around its text: two ``\tabcolsep`` (6 pt each) at 11 pt, and a margin of error.
COLUMN_PADDING_EM = 1.1 + 0.4
#: Header cells are set in the sans-serif family, wider than the body's Palatino.
HEADER_FACTOR = 1.12
#: Average advance widths (em) of the body font by kind of character; anything else counts as 0.5.
NARROW = frozenset("fijlrtI.,;:!'’()[]|-/ ")
WIDE = frozenset("mwMWœŒ—%")
BREAKABLE = re.compile(r"[ \t\r\n]+")  # U+00A0 and U+202F are not breakable: « 40 % » is one word


def glyph_width(char: str) -> float:
    """Approximate advance width of one character in em (TeX Gyre Pagella)."""
    if char in NARROW:
        return 0.3
    if char in WIDE:
        return 0.85
    if char.isupper() or char.isdigit():
        return 0.65 if char.isupper() else 0.5
    if char in "\u00a0\u202f":
        return 0.2
    return 0.5


def text_width(text: str) -> float:
    """Width of *text* set on one line, in em."""
    return sum(glyph_width(char) for char in text)


@dataclass(frozen=True)
class ColumnNeeds:
    """What one column needs: its longest word (minimum) and its longest cell on one line (natural)."""

    minimum: float
    natural: float


def column_needs(cells: Iterable[tuple[str, bool]]) -> ColumnNeeds:
    """Needs of a column from its cells' text; ``True`` marks a header cell (sans-serif)."""
    minimum = natural = 0.0
    for text, header in cells:
        factor = HEADER_FACTOR if header else 1.0
        words = [word for word in BREAKABLE.split(text) if word]
        if words:
            minimum = max(minimum, factor * max(text_width(word) for word in words))
            natural = max(natural, factor * text_width(" ".join(words)))
    return ColumnNeeds(minimum + COLUMN_PADDING_EM, max(natural, minimum) + COLUMN_PADDING_EM)


def distribute(needs: Sequence[ColumnNeeds], line: float = LINE_EM) -> list[float]:
    """Column widths (em) that fill *line*: minimums first, the rest by what each column lacks.

    When even the natural widths fit, they are stretched in proportion so the table spans the line
    like Sphinx's tables do; when the minimums do not fit, they are shrunk in proportion (LaTeX then
    hyphenates: nothing better exists for such a table).
    """
    minimum = sum(need.minimum for need in needs)
    natural = sum(need.natural for need in needs)
    if natural <= line:
        return [line * need.natural / natural for need in needs]
    if minimum >= line:
        return [line * need.minimum / minimum for need in needs]
    slack = natural - minimum
    return [need.minimum + (line - minimum) * (need.natural - need.minimum) / slack for need in needs]


#: Start of each cell's paragraphs: ragged-right. Sphinx wraps every cell in a ``varwidth`` box,
#: which resets paragraph settings, so the column's ``>{…}`` cannot simply say ``\raggedright``;
#: it redefines, for that cell only, the ``\sphinxAtStartPar`` that opens each paragraph.
RAGGED_CELL = r"\def\sphinxAtStartPar{\raggedright\leavevmode\nobreak\hskip0pt\relax}"


def colspec(widths: Sequence[float], line: float = LINE_EM) -> str:
    r"""A LaTeX column spec of ragged-right ``\X`` columns (Sphinx's fraction-of-the-line column type).

    No capital L, R, C, J or T may appear: Sphinx would take the spec for tabulary's.
    """
    total = round(line * 10)
    return "".join(rf">{{{RAGGED_CELL}}}\X{{{units}}}{{{total}}}" for units in whole_units(widths, total))


def whole_units(widths: Sequence[float], total: int) -> list[int]:
    """*widths* as integers summing exactly to *total* (largest remainders): one unit too many overflows the line."""
    scale = total / sum(widths)
    exact = [width * scale for width in widths]
    units = [int(value) for value in exact]
    by_remainder = sorted(range(len(exact)), key=lambda index: units[index] - exact[index])
    for index in by_remainder[: total - sum(units)]:
        units[index] += 1
    return units


def table_cells(tgroup: nodes.tgroup) -> list[list[tuple[str, bool]]]:
    """The text of each column's cells; a cell spanning columns needs no single column, so it is left out."""
    count = sum(1 for child in tgroup.children if isinstance(child, nodes.colspec))
    columns: list[list[tuple[str, bool]]] = [[] for _ in range(count)]
    taken: set[tuple[int, int]] = set()  # (row, column) covered by a cell of an earlier row
    row_number = 0
    for part in tgroup.children:
        if not isinstance(part, (nodes.thead, nodes.tbody)):
            continue
        for row in part.children:
            column = 0
            for entry in row.children:
                while (row_number, column) in taken:
                    column += 1
                across, down = entry.get("morecols", 0), entry.get("morerows", 0)
                if not across and column < count:
                    columns[column].append((entry.astext(), isinstance(part, nodes.thead)))
                taken.update((row_number + r, column + c) for r in range(down + 1) for c in range(across + 1))
                column += across + 1
            row_number += 1
    return columns


def may_break_across_pages(table: nodes.table) -> bool:
    """A longtable only directly under sections: LaTeX cannot break one in a box, list or admonition."""
    parent = table.parent
    while parent is not None and not isinstance(parent, nodes.document):
        if not isinstance(parent, nodes.section):
            return False
        parent = parent.parent
    return True


def has_author_widths(table: nodes.table) -> bool:
    """Whether the author chose widths (``:widths:``) or a column spec (``tabularcolumns``)."""
    if "colwidths-given" in table.get("classes", []):
        return True
    parent = table.parent
    if parent is None:
        return False
    index = parent.index(table)
    return index > 0 and isinstance(parent[index - 1], addnodes.tabular_col_spec)


def is_nested(table: nodes.table) -> bool:
    parent = table.parent
    while parent is not None:
        if isinstance(parent, nodes.table):
            return True
        parent = parent.parent
    return False


class PrintedTableWidths(SphinxPostTransform):
    """Give every table of a LaTeX build its column widths (see the module docstring)."""

    default_priority = 800
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for table in list(self.document.findall(nodes.table)):
            if has_author_widths(table) or is_nested(table):
                continue
            tgroup = next((child for child in table.children if isinstance(child, nodes.tgroup)), None)
            if tgroup is None:
                continue
            needs = [column_needs(cells) for cells in table_cells(tgroup)]
            if not needs:
                continue
            table.parent.insert(table.parent.index(table), addnodes.tabular_col_spec(spec=colspec(distribute(needs))))
            if may_break_across_pages(table):
                table["classes"].append("longtable")


def setup(app: Any) -> dict[str, Any]:
    app.add_post_transform(PrintedTableWidths)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
