"""The bibliography as a list that assistive technology understands.

Docutils writes a run of citations as ``<div role="list">`` holding ``<div role="doc-biblioentry">``
items. DPUB-ARIA 1.1 deprecated ``doc-biblioentry``, so browsers and axe-core no longer count those
items as list items: the bibliography page is a list with no items, which axe reports as a
critical violation (``aria-required-children``) and a screen reader announces as an empty list.
HTML builds write each citation as ``role="listitem"`` instead; the list, ids and classes stay as
docutils writes them, so links, styles and sphinxcontrib-bibtex are unaffected.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator


def visit_citation(self: HTML5Translator, node: nodes.citation) -> None:
    if not isinstance(node.previous_sibling(), type(node)):
        self.body.append('<div role="list" class="citation-list">\n')
    self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))


def setup(app: Any) -> dict[str, Any]:
    app.add_node(nodes.citation, override=True, html=(visit_citation, HTML5Translator.depart_citation))
    return {"version": "0.1.0", "parallel_read_safe": True, "parallel_write_safe": True}
