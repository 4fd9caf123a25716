"""termbase: a structured, cross-referenced glossary for Sphinx, with French output.

``extensions = ["termbase"]`` in conf.py loads every part; each sub-extension is a subpackage whose
``__init__`` holds its ``setup()`` and documents the configuration values it owns:

- :mod:`termbase.glossary` — entries as std-domain terms, term resolution, the glossary page,
  back-links, exports, the French index, the entries' sources and docscheck's findings;
- :mod:`termbase.french` — typography, apostrophes, collation, search, dates, UI strings,
  bibliography styles and tooltips (usable alone as ``"termbase.french"``);
- :mod:`termbase.handouts` — the ``handouts`` builder, its back matter and the HTML link.

What they share sits at the top: :mod:`termbase.envdata` (what termbase keeps in the Sphinx
environment), :mod:`termbase.anchors`, :mod:`termbase.plain_text`, :mod:`termbase.svg_pdf` (SVG
figures stay vectors in the PDF), :mod:`termbase.latex_tables` (printed tables fit the page),
:mod:`termbase.citation_list` (the bibliography as a list screen readers understand) and
``static/``. :mod:`termbase.bibstyle_fr` is the former name of
:mod:`termbase.french.bibstyle`, kept for ``conf.py`` files that list it.

What keeps the maintainer's edit loop fast sits at the top too: :mod:`termbase.incremental` (an
incremental build re-writes exactly the pages whose output changed, gives the bytes of a cold
build, and no spurious « configuration has changed »), :mod:`termbase.build_cache` (what is kept
beside the environment) and :mod:`termbase.navigation` (the guide's sidebar, rendered from environment data).

Configuration value of this level:

``termbase_sidebar_max_pages`` (int, default ``200``)
    Largest number of pages the sidebar lists in full (``docs/_templates/guide-nav.html``);
    beyond, it shows every section's caption and the current section's pages.

``termbase_sidebar_renderer`` (str, default ``"termbase"``)
    ``"theme"`` has pydata-sphinx-theme render the full list (``generate_toctree_html``), as it
    would without termbase; the default renders the same bytes from environment data, faster.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def setup(app: Any) -> dict[str, Any]:
    from . import incremental, navigation

    incremental.setup(app)
    navigation.setup(app)
    app.setup_extension("termbase.glossary")
    app.setup_extension("termbase.french")
    app.setup_extension("termbase.svg_pdf")
    app.setup_extension("termbase.latex_tables")
    app.setup_extension("termbase.citation_list")
    app.setup_extension("termbase.french.bibstyle")
    app.setup_extension("termbase.handouts")
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
