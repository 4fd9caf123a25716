"""termbase.citations: the bibliography and citations, in French.

Registered by ``extensions = ["termbase"]`` (see :mod:`termbase`). Its modules:

- :mod:`termbase.citations.bibstyle` — the French bibliography and citation styles (« Hodi et
  al. », « Everson et Cole », French months), also loadable alone as
  ``"termbase.citations.bibstyle"`` or by its former name ``"termbase.bibstyle_fr"``;
- :mod:`termbase.citations.accessible_list` — the bibliography as a list screen readers understand;
- :mod:`termbase.citations.cached_domain` — formatted references kept from one build to the next
  (registered by :mod:`termbase.glossary`, whose entries cite their sources).

The citation cards shown on hover live with the other tooltips, in
:mod:`termbase.tooltips.citation_cards`.
"""

from __future__ import annotations

from typing import Any


def setup(app: Any) -> dict[str, Any]:
    from . import accessible_list, bibstyle

    accessible_list.setup(app)
    bibstyle.setup(app)
    return {"version": "0.1.0", "parallel_read_safe": True, "parallel_write_safe": True}
