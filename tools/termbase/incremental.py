"""An incremental HTML build writes the same bytes as a cold build of the same sources.

Sphinx 9 keeps the search index's explicit index entries (``indexentries`` in
``searchindex.js``) only for the pages it writes in the current build: ``IndexBuilder.load``
does not read them back from the previous ``searchindex.js``, and the environment is pickled
before pages are written. After an edit of one page, the glossary's 90 index entries vanished
from the search index. The entries are in the environment all along (the ``index`` domain
collects them at read time), so :func:`restore_index_entries` gives every page that was not
written in this build the entries its doctree holds, computed as ``IndexBuilder.feed`` does.
"""

from __future__ import annotations

from typing import Any

from sphinx.util.index_entries import split_index_msg


def index_entries(entries: list[tuple[str, str, str, str, str | None]]) -> list[tuple[str, str, str]]:
    """The search-index form of a page's index entries (the loop of ``IndexBuilder.feed``)."""
    found: set[tuple[str, str, str]] = set()
    for entry_type, value, target_id, main, _category_key in entries:
        try:
            result = split_index_msg(entry_type, value)
        except ValueError:
            continue
        target_id = target_id or ""
        if entry_type in {"see", "seealso"}:
            found.add((result[0], target_id, main))
        found |= {(x, target_id, main) for x in result}
    return sorted(found)


def restore_index_entries(app: Any) -> list[Any]:
    """``html-collect-pages`` runs before the search index is dumped: fill in what load() dropped."""
    indexer = getattr(app.builder, "indexer", None)
    if indexer is None:
        return []
    written = indexer._index_entries
    by_doc = app.env.domains.index_domain.entries
    for docname in indexer._titles:
        if docname not in written and by_doc.get(docname):
            written[docname] = index_entries(by_doc[docname])
    return []


def setup(app: Any) -> None:
    app.connect("html-collect-pages", restore_index_entries)
