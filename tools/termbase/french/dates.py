"""French month names, shared by the bibliography style and the handouts' review dates."""

from __future__ import annotations

FRENCH_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
