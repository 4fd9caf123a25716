"""termbase.french: the French language (typography, apostrophes, collation, dates, UI strings).

Registered by ``extensions = ["termbase"]`` (see :mod:`termbase`). The language only: these
modules import nothing else of termbase, and the other parts import them.

- :mod:`termbase.french.apostrophes` — ``l'{term}`x``` renders ``l’x``, never ``l”x`` (read time,
  just before SmartQuotes);
- :mod:`termbase.french.typography` — no-break spaces before ``; ! ? :`` and inside « » in HTML
  text, in titles (read time, so navigation and ``<title>`` get them too) and through the
  templates' ``striptags`` filter;
- :mod:`termbase.french.collation` — French alphabetical order (glossary, index, bibliography);
- :mod:`termbase.french.dates` — dates written the French way (« 3 mars 2025 »);
- :mod:`termbase.french.ui_strings` — a French search box text for pydata-sphinx-theme (the other UI
  strings come from the theme's and the project's gettext catalogs, ``docs/locale/``).

The typography applies when ``language`` is French.

``"termbase.french"`` in ``conf.py`` (a former name, kept working): before the search and the
tooltips had their own subpackages, this extension also brought them, so its :func:`setup` still
loads :mod:`termbase.search` and :mod:`termbase.tooltips` by extension name (no import: the
language knows nothing of them). A project that lists ``"termbase"`` gets everything anyway.
"""

from __future__ import annotations

from typing import Any


def setup(app: Any) -> dict[str, Any]:
    # Imported here, not at module level: other parts import termbase.french.collation or
    # termbase.french.dates without paying for Sphinx transforms.
    from . import ui_strings
    from .apostrophes import ElisionBeforeInline
    from .typography import FrenchSpacing, FrenchSpacingInTitles, install_title_filter

    app.add_transform(ElisionBeforeInline)
    app.add_post_transform(FrenchSpacing)
    app.add_transform(FrenchSpacingInTitles)
    app.connect("builder-inited", install_title_filter)
    # The former extension's other parts (see the module docstring), in their former order.
    app.setup_extension("termbase.search")
    app.setup_extension("termbase.tooltips")
    ui_strings.register(app)
    # env_version versions termbase.search's per-page facts (glossary_terms): kept under this name,
    # where they were before the move, as searchindex.js lists each extension's env_version.
    # Bump it here when those facts change.
    return {"version": "0.1.0", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 4}
