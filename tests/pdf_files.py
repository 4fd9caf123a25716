"""Reading built PDFs back in tests: pdfinfo's fields and the document's inflated streams."""

from __future__ import annotations

import re
import subprocess
import zlib
from pathlib import Path

from conftest import require_tool


def pdfinfo(pdf: Path) -> dict[str, str]:
    """pdfinfo's « Key: value » lines as a dict (Title, Author, Pages, Page size…)."""
    require_tool("pdfinfo")
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in out.splitlines())}


def pdf_streams(pdf: Path) -> bytes:
    """The PDF's bytes with every Flate stream inflated: xdvipdfmx puts the catalog (/Lang) in one."""
    data = pdf.read_bytes()
    inflated = [data]
    # The end-of-line before ``endstream`` is left in the match: a compressed stream whose last byte
    # happens to be ``\r`` must not lose it. A decompressor object stops at the end of the zlib data
    # and ignores that end-of-line.
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.DOTALL):
        try:
            inflated.append(zlib.decompressobj().decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(inflated)


def has_language(pdf: Path, language: str) -> bool:
    """Whether the document catalog declares *language* (``/Lang (fr)``), as screen readers need."""
    return re.search(rb"/Lang\s*\(" + re.escape(language.encode()) + rb"\)", pdf_streams(pdf)) is not None


def table_line_ranges(tex: str) -> list[range]:
    """Line ranges of a LaTeX source that hold a table environment."""
    ranges, start = [], None
    for number, line in enumerate(tex.splitlines(), start=1):
        if re.match(r"\\begin\{(longtable|tabular|tabulary)\}", line):
            start = number
        elif start is not None and re.match(r"\\end\{(longtable|tabular|tabulary)\}", line):
            ranges.append(range(start, number + 1))
            start = None
    return ranges


def overfull_table_lines(tex: Path, log: Path) -> list[int]:
    """Source lines of the overfull boxes LaTeX reported inside tables (a word wider than its column).

    Fails when the source has no table at all, so that a test using it cannot pass on nothing.
    """
    tables = table_line_ranges(tex.read_text(encoding="utf-8"))
    assert tables, f"{tex.name} has no table"
    text = log.read_text(encoding="utf-8", errors="replace")
    overfull = [int(m.group(1)) for m in re.finditer(r"^Overfull \\hbox .* at lines? (\d+)", text, re.MULTILINE)]
    return [line for line in overfull if any(line in table for table in tables)]
