"""``docscheck fix --doi``: remove ``doi:`` and ``https://doi.org/`` prefixes from BibTeX DOI fields.

Only the prefix characters are removed; every other byte of the file (spacing, comments, field
order, line endings) stays as it was, so the diff is one change per DOI.
"""

from __future__ import annotations

import re

from docscheck.parsers.bibtex import NON_ENTRIES, scan_chunks
from docscheck.records import split_doi_prefix

DOI_FIELD = re.compile(r"(?:^|[,{(])\s*doi\s*=\s*[{\"]", re.IGNORECASE | re.MULTILINE)


def strip_doi_prefixes(text: str) -> tuple[str, list[tuple[int, str, str]]]:
    """The text with each DOI field's prefix removed, and ``(line, key, prefix)`` of each change."""
    cuts: list[tuple[int, int]] = []
    changes: list[tuple[int, str, str]] = []
    for chunk in scan_chunks(text):
        if chunk.kind in NON_ENTRIES or not chunk.closed:
            continue
        for m in DOI_FIELD.finditer(text, chunk.start, chunk.end):
            prefix, _doi = split_doi_prefix(text[m.end() : chunk.end])
            if prefix:
                cuts.append((m.end(), m.end() + len(prefix)))
                changes.append((text.count("\n", 0, m.end()) + 1, chunk.key, prefix.strip()))
    for start, end in reversed(cuts):
        text = text[:start] + text[end:]
    return text, changes
