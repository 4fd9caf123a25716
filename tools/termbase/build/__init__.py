"""termbase.build: the maintainer's edit loop, fast and exact.

Registered by ``extensions = ["termbase"]`` (see :mod:`termbase`). Its modules:

- :mod:`termbase.build.incremental` — an incremental build re-writes exactly the pages whose output
  changed, gives the bytes of a cold build, and no spurious « configuration has changed »;
- :mod:`termbase.build.navigation` — the guide's sidebar, rendered from environment data.

What every part keeps beside the environment between builds is :mod:`termbase.build_cache`, at the
top of termbase: the glossary, the citations and the search use it too, and they sit below this
subpackage.

Configuration values:

``termbase_sidebar_max_pages`` (int, default ``200``)
    Largest number of pages the sidebar lists in full (``docs/_templates/guide-nav.html``);
    beyond, it shows every section's caption and the current section's pages.

``termbase_sidebar_renderer`` (str, default ``"termbase"``)
    ``"theme"`` has pydata-sphinx-theme render the full list (``generate_toctree_html``), as it
    would without termbase; the default renders the same bytes from environment data, faster.
"""

from __future__ import annotations

from typing import Any


def setup(app: Any) -> dict[str, Any]:
    from . import incremental, navigation

    incremental.setup(app)
    navigation.setup(app)
    return {"version": "0.1.0", "parallel_read_safe": True, "parallel_write_safe": True}
