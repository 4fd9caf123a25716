"""French dates: month names, shared by the bibliography style, the handouts and the pages' review dates."""

from __future__ import annotations

import datetime as _dt

FRENCH_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def french_date(day: _dt.date) -> str:
    """``23 novembre 2026``; the first of the month is ``1er``, as French writes it."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {FRENCH_MONTHS[day.month - 1]} {day.year}"
