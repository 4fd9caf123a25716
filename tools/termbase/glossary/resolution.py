"""``{term}`` resolution beyond Sphinx's lower-casing, per-page usage, and marking of term links.

Sphinx's std domain finds a term by exact name, then by ``str.lower()``. Names typed with
decomposed accents (NFD), ``ß``/``ẞ``, typographic apostrophes or doubled spaces slip through; the
``missing-reference`` handler retries with :func:`docscheck.records.term_key` (the same key
docscheck uses), so a truly unknown term still gets Sphinx's own "term not in glossary" warning.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docscheck.records import term_key
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import make_refnode

from termbase.anchors import term_anchor
from termbase.envdata import termbase_data


def is_term_xref(node: nodes.Element) -> bool:
    return node.get("refdomain") == "std" and node.get("reftype") == "term"


def on_missing_reference(app: Any, env: Any, node: addnodes.pending_xref, contnode: nodes.Element) -> nodes.reference | None:
    """Resolve a ``{term}`` whose target matches an entry only after NFC and case folding."""
    if not is_term_xref(node):
        return None
    data = termbase_data(env)
    slug = data.glossary.names.get(term_key(node["reftarget"]))
    glossary_doc = data.glossary_doc()
    if slug is None or glossary_doc is None:
        return None
    fromdocname = node.get("refdoc") or env.current_document.docname
    return make_refnode(app.builder, fromdocname, glossary_doc, term_anchor(slug), contnode)


def collect_usage(app: Any, doctree: nodes.document) -> None:
    """Record which entries a page references (back-links, handouts) and every term key it uses."""
    data = termbase_data(app.env)
    docname = app.env.current_document.docname
    keys = {term_key(xref["reftarget"]) for xref in doctree.findall(addnodes.pending_xref) if is_term_xref(xref)}
    names = data.glossary.names
    data.refs[docname] = keys
    data.usage[docname] = {names[key] for key in keys if key in names}


class MarkTermReferences(SphinxPostTransform):
    """Tag resolved links to an entry with ``node["termbase_slug"]`` (after ReferencesResolver)."""

    default_priority = 20

    def run(self, **kwargs: Any) -> None:
        anchors = termbase_data(self.env).glossary.anchors
        if not anchors:
            return
        for reference in self.document.findall(nodes.reference):
            first = reference.children[0] if reference.children else None
            if not isinstance(first, nodes.Element) or "std-term" not in first["classes"]:
                continue
            target = reference.get("refid") or reference.get("refuri", "").rpartition("#")[2]
            slug = anchors.get(target)
            if slug is not None:
                reference["termbase_slug"] = slug


def setup(app: Any) -> None:
    app.connect("missing-reference", on_missing_reference)
    app.connect("doctree-read", collect_usage)
    app.add_post_transform(MarkTermReferences)
