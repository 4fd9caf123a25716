"""termbase.french: French output for the site (typography, search, tooltips).

Registered by ``extensions = ["termbase"]`` (see :mod:`termbase`); usable alone as
``"termbase.french"``. What it adds, each in its own module:

- :mod:`termbase.french.apostrophes` — ``l'{term}`x``` renders ``l’x``, never ``l”x`` (read time,
  just before SmartQuotes);
- :mod:`termbase.french.typography` — no-break spaces before ``; ! ? :`` and inside « » in HTML
  text, in titles (read time, so navigation and ``<title>`` get them too) and through the
  templates' ``striptags`` filter;
- :mod:`termbase.french.search` — accent-insensitive French search (index and query folded);
- :mod:`termbase.french.tooltips` — short definitions on term links (hover and keyboard focus);
- :mod:`termbase.french.ui_strings` — a French search box text for pydata-sphinx-theme (the other UI
  strings come from the theme's and the project's gettext catalogs, ``docs/locale/``).

No configuration value: the typography applies when ``language`` is French, the rest always.
"""

from __future__ import annotations

from typing import Any



def setup(app: Any) -> dict[str, Any]:
    # Imported here, not at module level: other parts import termbase.french.collation or
    # termbase.french.dates without paying for Sphinx transforms.
    from . import search, tooltips, ui_strings
    from .apostrophes import ElisionBeforeInline
    from .typography import FrenchSpacing, FrenchSpacingInTitles, install_title_filter

    app.add_transform(ElisionBeforeInline)
    app.add_post_transform(FrenchSpacing)
    app.add_transform(FrenchSpacingInTitles)
    app.connect("builder-inited", install_title_filter)
    search.register(app)
    tooltips.register(app)
    ui_strings.register(app)
    return {"version": "0.1.0", "parallel_read_safe": True, "parallel_write_safe": True}
