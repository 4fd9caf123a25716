"""Cells of a ``csv-table`` directive.

docutils reads the directive's content with the :mod:`csv` module (``"`` quotes, doubled to
escape, ``,`` or the ``:delim:`` option between cells); each cell is then parsed as body text of
the page's syntax, so roles in cells count like roles anywhere else. Sphinx reports every role
of the table (header cells included) at the first line of the content, so docscheck does too.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

DELIMITERS = {"tab": "\t", "space": " "}


def _delimiter(option: str | None) -> str:
    if not option:
        return ","
    option = option.strip()
    if option.lower() in DELIMITERS:
        return DELIMITERS[option.lower()]
    if option.startswith("\\") or len(option) > 1:  # a Unicode escape or name: docutils accepts them; we approximate
        return ","
    return option


def csv_cells(lines: list[str], delimiter: str | None = None) -> Iterator[tuple[int, str]]:
    """``(offset, text)`` of each non-empty cell: ``offset`` is the 0-based line the cell starts on.

    A row the csv module cannot read is given back whole as one cell, so its roles still count.
    """
    delim = _delimiter(delimiter)
    index = 0
    while index < len(lines):
        start = index
        row_text = lines[index]
        index += 1
        # a quoted cell may run over several lines: extend the row until its quotes balance
        while row_text.count('"') % 2 and index < len(lines):
            row_text += "\n" + lines[index]
            index += 1
        try:
            rows = list(csv.reader([row_text], delimiter=delim, quotechar='"', skipinitialspace=True, strict=False))
        except csv.Error:
            rows = [[row_text]]
        position = 0
        for row in rows:
            for cell in row:
                text = cell.strip()
                if not text:
                    continue
                found = row_text.find(text.splitlines()[0], position)
                if found >= 0:
                    position = found
                yield start + row_text.count("\n", 0, max(found, 0)), text
