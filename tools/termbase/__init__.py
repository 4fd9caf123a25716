"""termbase: a structured, cross-referenced glossary for Sphinx, with French output.

``extensions = ["termbase"]`` in conf.py loads every part; each part is a subpackage whose
``__init__`` holds its ``setup()`` and documents the configuration values it owns, with its
scripts and styles beside its Python (``<part>/static/``). Bottom first (a part imports only
parts below it, see ``tests/test_layout.py``):

- :mod:`termbase.french` — the language: typography, apostrophes, collation, dates, UI strings;
- :mod:`termbase.citations` — the French bibliography styles, the accessible bibliography list,
  the cache of formatted references;
- :mod:`termbase.glossary` — entries as std-domain terms, term resolution, the glossary page,
  back-links, exports, the French index, lookup and docscheck's findings;
- :mod:`termbase.triage` — the triage table (« quand appeler ») as tables, the card, the
  interactive page, and the action lines that end the tooltips of related terms;
- :mod:`termbase.search` — accent-insensitive French search that knows the glossary;
- :mod:`termbase.tooltips` — short definitions on term links, cards on citations;
- :mod:`termbase.handouts` — the ``handouts`` builder, its back matter, the HTML link and print
  styles, and what print needs (:mod:`termbase.handouts.latex_tables`,
  :mod:`termbase.handouts.svg_pdf`);
- :mod:`termbase.build` — the edit loop: incremental builds and the sidebar renderer;
- :mod:`termbase.booklet` — « Mon livret »: pages and questions chosen by the reader, printed as
  one booklet (in the browser, and as one PDF with the ``booklet`` builder).

What every part shares sits at the top: :mod:`termbase.envdata` (what termbase keeps in the
Sphinx environment), :mod:`termbase.build_cache` (what it keeps beside it, between builds),
:mod:`termbase.anchors` and :mod:`termbase.plain_text`. :mod:`termbase.bibstyle_fr` is the former
name of :mod:`termbase.citations.bibstyle`, kept for ``conf.py`` files that list it; so is
``"termbase.french"``, which still brings the search and the tooltips (see :mod:`termbase.french`).
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def setup(app: Any) -> dict[str, Any]:
    app.setup_extension("termbase.build")
    app.setup_extension("termbase.glossary")
    app.setup_extension("termbase.french")  # with termbase.search and termbase.tooltips, in that order
    app.setup_extension("termbase.search")
    app.setup_extension("termbase.tooltips")
    app.setup_extension("termbase.handouts.svg_pdf")
    app.setup_extension("termbase.handouts.latex_tables")
    app.setup_extension("termbase.citations")
    app.setup_extension("termbase.handouts")
    app.setup_extension("termbase.triage")
    app.setup_extension("termbase.booklet")
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
