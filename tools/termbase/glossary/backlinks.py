""""Où ce terme apparaît": for each entry, the pages that reference it, in reading order.

Usage is only complete once every page has been read, so the glossary page carries placeholders
that are filled at ``doctree-resolved`` (for HTML per page, for LaTeX on the assembled book), from
environment data. The glossary page is therefore never re-read because another page changed: at
``env-get-updated`` :func:`outdated_glossary` compares what its back-link lines would show
(each entry's pages, their titles and order) with what the last build wrote, and has the page
re-written, not re-read, only when that changed — when an edit adds or removes a term on a page,
or renames or moves a page that uses one.

An entry that no page uses but other definitions do gets « Utilisé dans les définitions de : … »
instead, with links to those entries (their term references are collected while the glossary
page is read, see :mod:`termbase.glossary.page`).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.errors import NoUri
from sphinx.util.nodes import make_refnode

from termbase.anchors import term_anchor
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


def entry_link(app: Any, fromdocname: str, glossary_doc: str, term: str, anchor: str) -> nodes.Node:
    """A link to another entry of the glossary, titled with its term."""
    inline = nodes.inline(term, term, classes=["xref", "std", "std-ref"])
    try:
        return make_refnode(app.builder, fromdocname, glossary_doc, anchor, inline)
    except NoUri:
        return inline


def used_in_definitions(data: TermbaseData, slug: str) -> list[str]:
    """Entries (French order) whose definition references the entry ``slug``."""
    return [other for other, used in data.entry_usage.items() if slug in used and other != slug]


def backlink_lines(env: Any, data: TermbaseData) -> tuple[tuple[str, tuple[tuple[str, str], ...], tuple[str, ...]], ...]:
    """What every entry's back-link line shows: its pages with their titles, else its definitions."""
    used_in = pages_using(env, data)
    lines = []
    for slug in data.entries:
        pages = tuple((page, page_title(env, page)) for page in used_in.get(slug, ()))
        lines.append((slug, pages, () if pages else tuple(used_in_definitions(data, slug))))
    return tuple(lines)


def outdated_glossary(app: Any, env: Any) -> list[str]:
    """``env-get-updated``: the glossary pages to re-write because their back-links changed."""
    data = termbase_data(env)
    lines = backlink_lines(env, data)
    output = f"{app.builder.name}:{app.builder.outdir}"
    if data.written_backlinks.get(output) == lines:
        return []
    data.written_backlinks[output] = lines
    return sorted(data.glossary_docs & env.found_docs)


def fill_backlinks(app: Any, doctree: nodes.document, docname: str) -> None:
    placeholders = list(doctree.findall(backlinks))
    if not placeholders:
        return
    data = termbase_data(app.env)
    used_in = pages_using(app.env, data)
    for node in placeholders:
        slug, fromdocname = node["termbase_slug"], node["docname"]
        pages = used_in.get(slug, [])
        if pages:
            links = [page_link(app, fromdocname, page) for page in pages]
            node.replace_self(labelled_list("termbase-backlinks", "Où ce terme apparaît", links))
            continue
        definitions = used_in_definitions(data, slug)
        if not definitions:
            node.parent.remove(node)
            continue
        glossary_doc = data.glossary_doc() or fromdocname
        links = [entry_link(app, fromdocname, glossary_doc, data.entries[other].term, term_anchor(other)) for other in definitions]
        node.replace_self(labelled_list("termbase-backlinks termbase-used-in-definitions", "Utilisé dans les définitions de", links))


def setup(app: Any) -> None:
    app.connect("env-get-updated", outdated_glossary)
    app.connect("doctree-resolved", fill_backlinks)
