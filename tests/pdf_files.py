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
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.DOTALL):
        try:
            inflated.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(inflated)


def has_language(pdf: Path, language: str) -> bool:
    """Whether the document catalog declares *language* (``/Lang (fr)``), as screen readers need."""
    return re.search(rb"/Lang\s*\(" + re.escape(language.encode()) + rb"\)", pdf_streams(pdf)) is not None
