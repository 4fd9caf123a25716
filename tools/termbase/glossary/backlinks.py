""""Où ce terme apparaît": for each entry, the pages that reference it, in reading order.

Usage is only complete once every page has been read, so the glossary page carries placeholders
that are filled at ``doctree-resolved`` (for HTML per page, for LaTeX on the assembled book);
``env-get-outdated`` (see :mod:`termbase.glossary.loading`) re-writes the glossary page when usage changes.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.errors import NoUri
from sphinx.util.nodes import make_refnode

from termbase.envdata import TermbaseData, termbase_data
from .page import backlinks, labelled_list


def reading_order(env: Any) -> list[str]:
    """Documents in the order of the table of contents, then any orphan in name order."""
    relations = env.collect_relations()
    order: list[str] = []
    seen: set[str] = set()
    current: str | None = env.config.root_doc
    while current and current not in seen and current in env.found_docs:
        order.append(current)
        seen.add(current)
        current = relations.get(current, [None, None, None])[2]
    order.extend(sorted(env.found_docs - seen))
    return order


def pages_using(env: Any, data: TermbaseData | None = None) -> dict[str, list[str]]:
    """slug → the pages (glossary pages excluded) that reference the entry, in reading order."""
    data = data or termbase_data(env)
    result: dict[str, list[str]] = {}
    for docname in reading_order(env):
        if docname in data.glossary_docs:
            continue
        for slug in sorted(data.usage.get(docname, ())):
            result.setdefault(slug, []).append(docname)
    return result


def page_title(env: Any, docname: str) -> str:
    title = env.titles.get(docname)
    return title.astext() if title is not None else docname


def page_link(app: Any, fromdocname: str, docname: str) -> nodes.Node:
    """A link to a page, titled like the page; plain text where the builder has no URI for it."""
    title = page_title(app.env, docname)
    inline = nodes.inline(title, title, classes=["xref", "std", "std-doc"])
    try:
        return make_refnode(app.builder, fromdocname, docname, None, inline)
    except NoUri:
        return inline


def fill_backlinks(app: Any, doctree: nodes.document, docname: str) -> None:
    placeholders = list(doctree.findall(backlinks))
    if not placeholders:
        return
    used_in = pages_using(app.env)
    for node in placeholders:
        pages = used_in.get(node["termbase_slug"], [])
        if not pages:
            node.parent.remove(node)
            continue
        links = [page_link(app, node["docname"], page) for page in pages]
        node.replace_self(labelled_list("termbase-backlinks", "Où ce terme apparaît", links))


def setup(app: Any) -> None:
    app.connect("doctree-resolved", fill_backlinks)
