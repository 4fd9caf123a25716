"""termbase: a structured, cross-referenced glossary for Sphinx, with French output.

Two sub-extensions share the work: :mod:`termbase.glossary` (entries, term resolution, the glossary
page, back-links, exports, index) and :mod:`termbase.french` (typography, accent-insensitive search,
tooltips); :mod:`termbase.svg_pdf` keeps SVG figures as vectors in the PDF. ``extensions = ["termbase"]`` in conf.py loads both.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def setup(app: Any) -> dict[str, Any]:
    app.setup_extension("termbase.glossary")
    app.setup_extension("termbase.french")
    app.setup_extension("termbase.svg_pdf")
    app.setup_extension("termbase.bibstyle_fr")
    app.setup_extension("termbase.handouts")
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
