"""termbase.tooltips: short definitions on term links, and cards on citations.

Registered by ``extensions = ["termbase"]`` (see :mod:`termbase`). Its modules:

- :mod:`termbase.tooltips.terms` — the tooltip node, its HTML and the short definitions on term
  links (hover, keyboard focus, tap);
- :mod:`termbase.tooltips.citation_cards` — the same tooltips on citations: the full reference and
  the type of evidence in French (here because a card is the tooltips' node, script and style).

``static/termbase-tooltips.js`` and ``static/termbase-tooltips.css`` show, place and style both.
Printing a page prints each definition once (``print.css``, shipped by :mod:`termbase.handouts`).
"""

from __future__ import annotations

from typing import Any


def setup(app: Any) -> dict[str, Any]:
    from . import citation_cards, terms

    terms.register(app)
    citation_cards.register(app)
    return {"version": "0.1.0", "parallel_read_safe": True, "parallel_write_safe": True}
