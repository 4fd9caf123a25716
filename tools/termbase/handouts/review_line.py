"""« Dernière relecture : 23 novembre 2026 · Prochaine relecture : 23 novembre 2027 » under a title.

A reader deciding whether to trust a medical page needs to know how fresh it is, on screen and on
paper. The dates come from the page's front matter (``last_reviewed``, ``next_review``, the same
fields docscheck's PAGE002 checks and the handouts print); a page without them gets no line. Each
date is a ``<time datetime="…">`` so that machines read the ISO date and people the French one.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

from docutils import nodes

from termbase.french.dates import french_date

from .pages import review_date

LINE_CLASS = "termbase-review-dates"
LABELS = (("last_reviewed", "Dernière relecture"), ("next_review", "Prochaine relecture"))
SEPARATOR = " · "
#: Sphinx's search index skips elements with this class: every page has the line, no page is about it.
NO_SEARCH = "no-search"


def time_element(day: _dt.date) -> nodes.raw:
    """``<time datetime="2026-11-23">23 novembre 2026</time>`` (HTML only, like the line itself)."""
    return nodes.raw("", f'<time datetime="{day.isoformat()}">{french_date(day)}</time>', format="html")


def review_line(metadata: Mapping[str, Any]) -> nodes.paragraph | None:
    """The review-dates paragraph for a page's front matter, or None if it gives no valid date."""
    dated = [(label, day) for key, label in LABELS if (day := review_date(metadata, key)) is not None]
    if not dated:
        return None
    paragraph = nodes.paragraph(classes=[LINE_CLASS, NO_SEARCH])
    for index, (label, day) in enumerate(dated):
        if index:
            paragraph += nodes.Text(SEPARATOR)
        paragraph += nodes.Text(f"{label}\u00a0: ")
        paragraph += time_element(day)
    return paragraph


GLOSSARY_LABEL = "Définitions relues"


def glossary_review_line(days: list[_dt.date]) -> nodes.paragraph | None:
    """« Définitions relues entre le 1er octobre 2026 et le 2 décembre 2026 » for the glossary page,
    whose dates are those of its entries (each entry's ``reviewed``), or None without any."""
    if not days:
        return None
    oldest, newest = min(days), max(days)
    paragraph = nodes.paragraph(classes=[LINE_CLASS, NO_SEARCH])
    if oldest == newest:
        paragraph += nodes.Text(f"{GLOSSARY_LABEL} le ")
        paragraph += time_element(newest)
    else:
        paragraph += nodes.Text(f"{GLOSSARY_LABEL} entre le ")
        paragraph += time_element(oldest)
        paragraph += nodes.Text(" et le ")
        paragraph += time_element(newest)
    return paragraph
