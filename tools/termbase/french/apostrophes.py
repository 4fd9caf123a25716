"""Elided articles before an inline role keep a real apostrophe: ``l'{term}`x``` → ``l’x``.

Docutils' SmartQuotes educates each Text node with only the *previous* node's last character as
context, so in ``l'`` followed by a link it sees a quote at the end of the text, followed by
"nothing", and guesses a closing double quote (``l”``) under French rules. French elision (l’,
d’, qu’, jusqu’, s’, n’…) is always an apostrophe, so this transform, which runs just before
SmartQuotes, turns a straight apostrophe between a letter and an inline node into U+2019 and
leaves everything else to SmartQuotes.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util.nodes import is_smartquotable

APOSTROPHE = "\u2019"
# A letter followed by a straight (or typewriter-acute) apostrophe at the very end of the text.
_ELISION_AT_END = re.compile(r"(?<=[^\W\d_])['\u00b4]$")


def educate_elision(text: str) -> str:
    """Return *text* with a final letter + straight apostrophe turned into letter + ’."""
    return _ELISION_AT_END.sub(APOSTROPHE, text)


class ElisionBeforeInline(SphinxTransform):
    """Fix ``l'`` / ``d'`` right before a role, before SmartQuotes mis-educates it."""

    # sphinx.transforms.SphinxSmartQuotes runs at 750: just before it.
    default_priority = 745

    def apply(self, **kwargs: Any) -> None:
        if not self.config.smartquotes:
            return
        for node in list(self.document.findall(nodes.Text)):
            parent = node.parent
            if parent is None or not is_smartquotable(node):
                continue
            following = _next_sibling(node)
            if not isinstance(following, nodes.Inline) or isinstance(following, nodes.Text):
                continue
            text = str(node)
            fixed = educate_elision(text)
            if fixed != text:
                parent.replace(node, nodes.Text(fixed))


def _next_sibling(node: nodes.Node) -> nodes.Node | None:
    parent = node.parent
    index = parent.index(node)
    return parent[index + 1] if index + 1 < len(parent) else None
