"""The guide PDF (``make pdf``, Sphinx's ``latex`` builder) as paper needs it.

- **Each chapter says how fresh it is**: under its title, « Dernière relecture : … · Prochaine
  relecture : … » from the page's front matter, as on the site (À propos promises it).
- **The cover date is the pages' date**: « Révision éditoriale du … » is the most recent
  ``last_reviewed`` of the pages, not a date typed in ``conf.py`` that the pages have passed.
- **The patient card prints whole**: a page with ``handout_layout: card`` gets the same cut-out
  card as its handout (:mod:`termbase.handouts.card`): front and back side by side at bank-card
  size, with the cutting and folding lines the page tells the reader to follow, on one line that
  LaTeX cannot split across two pages.

Only the ``latex`` builder is touched (the handouts builder lays out its own sheets).
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from docutils import nodes
from sphinx import addnodes

from termbase.french.dates import french_date

from . import card
from .pages import review_date
from .review_line import LABELS, SEPARATOR

#: tcolorbox and the card face box, without the handout's one-page rule.
GUIDE_CARD_PREAMBLE = "\n".join(line for line in card.CARD_PREAMBLE.splitlines() if "termbasemaxpages" not in line and "card sheet is one page" not in line)


def is_guide(app: Any) -> bool:
    return app.builder.name == "latex"


def review_text(metadata: dict[str, Any]) -> str | None:
    """« Dernière relecture : 2 décembre 2026 · Prochaine relecture : 2 décembre 2027 », or None."""
    parts = [f"{label}\u00a0: {french_date(day)}" for key, label in LABELS if (day := review_date(metadata, key)) is not None]
    return SEPARATOR.join(parts) or None


def latest_review(env: Any) -> _dt.date | None:
    days = [day for docname in env.found_docs if (day := review_date(env.metadata.get(docname, {}), "last_reviewed")) is not None]
    return max(days) if days else None


def chapters(tree: nodes.Node, root: str) -> list[tuple[str, nodes.section]]:
    """(docname, first section) of the root page (whose text opens the guide, under no chapter
    title) and of every page the LaTeX builder inlined into it."""
    found = []
    first = next(iter(tree.findall(nodes.section)), None)
    if first is not None:
        found.append((root, first))
    for start in tree.findall(addnodes.start_of_file):
        section = next(iter(start.findall(nodes.section)), None)
        if section is not None:
            found.append((start["docname"], section))
    return found


def on_builder_inited(app: Any) -> None:
    if is_guide(app):
        app.builder.context["preamble"] = app.builder.context.get("preamble", "") + GUIDE_CARD_PREAMBLE


def on_write_started(app: Any, builder: Any) -> None:
    """The cover's « Révision éditoriale du … » is the latest review of the pages."""
    if is_guide(app) and (day := latest_review(app.env)) is not None:
        builder.context["date"] = french_date(day)


def on_doctree_resolved(app: Any, doctree: nodes.document, docname: str) -> None:
    if not is_guide(app):
        return
    for page, section in chapters(doctree, docname):
        metadata = app.env.metadata.get(page, {})
        text = review_text(metadata)
        if text is not None and section.children and isinstance(section[0], nodes.title):
            line = nodes.paragraph(classes=["termbase-review-dates"])
            line += nodes.emphasis(text, text)
            section.insert(1, line)
        if card.is_card(metadata.get("handout_layout")):
            card.lay_out_cards(section)  # type: ignore[arg-type]


def register(app: Any) -> None:
    app.connect("builder-inited", on_builder_inited)
    app.connect("write-started", on_write_started)
    app.connect("doctree-resolved", on_doctree_resolved)
