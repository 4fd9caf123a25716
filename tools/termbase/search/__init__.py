"""termbase.search: the site's search, in French and aware of the glossary.

Registered by ``extensions = ["termbase"]`` (see :mod:`termbase`). Its modules:

- :mod:`termbase.search.folding` — accent-insensitive French search (index and query folded
  before Snowball stemming), « PD1 » = « PD-1 » = « PD 1 »; ``static/french-folding-stemmer.js``
  is the query side;
- :mod:`termbase.search.glossary_terms` — search that knows the glossary (names, synonyms, main
  pages, ranking by frequency, clean snippets, a French no-result message);
  ``static/termbase-search.js`` reworks the query on the search page;
- :mod:`termbase.search.triage_answers` — a query that names a symptom of the triage table shows
  what to do (the level of the ``{triage-card}``) above the results, which start with « Quand
  appeler ? ».

One configuration value:

``termbase_search_synonyms`` (str, default ``""``)
    A YAML file of search synonyms (``words: glossary term`` lines), relative to the directory of
    ``conf.py``; empty means none. See :mod:`termbase.search.glossary_terms`.
"""

from __future__ import annotations

from typing import Any


def setup(app: Any) -> dict[str, Any]:
    from . import folding, glossary_terms

    folding.register(app)
    glossary_terms.register(app)
    # glossary_terms keeps per-page facts in the environment; their env_version is termbase.french's
    # (see there), so that searchindex.js stays what it was.
    return {"version": "0.1.0", "parallel_read_safe": True, "parallel_write_safe": True}
