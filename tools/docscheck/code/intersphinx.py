"""Read a Sphinx ``objects.inv`` (intersphinx inventory, version 2) without Sphinx.

The format: four ``#`` header lines, then zlib-compressed lines ``name domain:role priority uri
dispname``; a name may contain spaces (terms do), so a line is split as Sphinx splits it.
Only the ``std:term`` names matter to docscheck: a ``:term:`` role resolves through them.
"""

from __future__ import annotations

import re

from docscheck.records import SourceError, term_key

HEADER = b"# Sphinx inventory version 2"
LINE = re.compile(r"(?x)(.+?)\s+(\S+)\s+(-?\d+)\s+?(\S*)\s+(.*)")


def inventory_terms(data: bytes, path: str) -> frozenset[str]:
    """The :func:`term_key` of every ``std:term`` of an inventory; :class:`SourceError` if unreadable."""
    lines = data.split(b"\n", 4)
    if len(lines) < 5 or lines[0].rstrip() != HEADER:
        raise SourceError(path, 1, "not a Sphinx inventory (version 2): the first line should be '# Sphinx inventory version 2'")
    import zlib  # here: only a project with intersphinx reads inventories

    try:
        text = zlib.decompress(lines[4]).decode("utf-8")
    except (zlib.error, UnicodeDecodeError) as exc:
        raise SourceError(path, 5, f"inventory data cannot be decompressed ({exc.__class__.__name__})") from None
    terms = set()
    for line in text.splitlines():
        if (m := LINE.match(line.rstrip())) and m.group(2) == "std:term":
            terms.add(term_key(m.group(1)))
    return frozenset(terms)


def write_inventory(project: str, objects: list[tuple[str, str, str]]) -> bytes:
    """An inventory holding ``(name, domain:role, uri)`` objects (for tests and fixtures)."""
    header = f"# Sphinx inventory version 2\n# Project: {project}\n# Version: \n# The remainder of this file is compressed using zlib.\n"
    import zlib

    body = "".join(f"{name} {role} -1 {uri} -\n" for name, role, uri in objects)
    return header.encode() + zlib.compress(body.encode("utf-8"))
