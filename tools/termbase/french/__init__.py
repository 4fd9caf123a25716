"""termbase.french: French output for the site (typography, search, tooltips).

Registered by ``extensions = ["termbase"]`` (see :mod:`termbase`); usable alone as
``"termbase.french"``. What it adds, each in its own module:

- :mod:`termbase.french.apostrophes` — ``l'{term}`x``` renders ``l’x``, never ``l”x`` (read time,
  just before SmartQuotes);
- :mod:`termbase.french.typography` — no-break spaces before ``; ! ? :`` and inside « » in HTML
  text, in titles (read time, so navigation and ``<title>`` get them too) and through the
  templates' ``striptags`` filter;
- :mod:`termbase.french.search` — accent-insensitive French search (index and query folded),
  « PD1 » = « PD-1 » = « PD 1 »;
- :mod:`termbase.french.search_terms` — search that knows the glossary (names, synonyms, main
  pages, ranking by frequency, clean snippets, a French no-result message);
- :mod:`termbase.french.tooltips` — short definitions on term links (hover, keyboard focus, tap);
- :mod:`termbase.citation_previews` — the same tooltips on citations: the full reference and the
  type of evidence in French (registered here because it shares the tooltips' node and script);
- :mod:`termbase.french.ui_strings` — a French search box text for pydata-sphinx-theme (the other UI
  strings come from the theme's and the project's gettext catalogs, ``docs/locale/``).

The typography applies when ``language`` is French, the rest always. One configuration value:

``termbase_search_synonyms`` (str, default ``""``)
    A YAML file of search synonyms (``words: glossary term`` lines), relative to the directory of
    ``conf.py``; empty means none. See :mod:`termbase.french.search_terms`.
"""

from __future__ import annotations

from typing import Any



def setup(app: Any) -> dict[str, Any]:
    # Imported here, not at module level: other parts import termbase.french.collation or
    # termbase.french.dates without paying for Sphinx transforms.
    from termbase import citation_previews

    from . import search, search_terms, tooltips, ui_strings
    from .apostrophes import ElisionBeforeInline
    from .typography import FrenchSpacing, FrenchSpacingInTitles, install_title_filter

    app.add_transform(ElisionBeforeInline)
    app.add_post_transform(FrenchSpacing)
    app.add_transform(FrenchSpacingInTitles)
    app.connect("builder-inited", install_title_filter)
    search.register(app)
    search_terms.register(app)
    tooltips.register(app)
    citation_previews.register(app)
    ui_strings.register(app)
    # env_version: search_terms keeps per-page facts in the environment (bump when they change).
    return {"version": "0.1.0", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
