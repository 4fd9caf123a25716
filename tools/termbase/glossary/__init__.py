"""termbase.glossary: structured glossary entries as std-domain terms, the glossary page and exports.

Loaded by ``extensions = ["termbase"]`` (see :mod:`termbase`). Its modules, in build order:
:mod:`.entries` and :mod:`.loading` (read ``glossary/`` through docscheck's parser),
:mod:`.resolution` (``{term}`` targets by name, alias or form), :mod:`.page` (the glossary page),
:mod:`.backlinks` (« où ce terme apparaît »), :mod:`.index` (French index entries),
:mod:`.exports` (JSON, CSV, SKOS), :mod:`.findings` (docscheck's findings as Sphinx warnings)
and :mod:`.lookup` (what other parts read). It also registers
:mod:`termbase.citations.cached_domain`: the entries cite their sources, formatted once.

Configuration values:

``termbase_glossary_dir`` (str, default ``"../glossary"``)
    Directory of the entry files (``<slug>.md``), relative to the directory of ``conf.py``.
``termbase_site_url`` (str, default ``""``)
    Published address of the site; when set, the JSON-LD export uses absolute concept URIs.
``termbase_docscheck`` (bool, default ``True``)
    Report docscheck's findings on the whole project as Sphinx warnings
    (``type="docscheck"``, ``subtype=<code>``), so ``-W`` fails on them.
``termbase_docscheck_root`` (str, default ``""``)
    Project root for docscheck, relative to confdir; empty means the nearest ancestor of confdir
    whose ``pyproject.toml`` has a ``[tool.docscheck]`` table, else the glossary's parent.
``termbase_category_labels`` (dict, default ``{}``)
    How the glossary page shows each ``category`` value (``{"traitement": "Traitements"}``);
    a value without a label is shown as written. Exports keep the value itself.

Public helpers for the other half of termbase (tooltips, handouts): :func:`get_entries`,
:func:`get_usage`, :func:`short_definition`; resolved term references carry
``node["termbase_slug"]``.
"""

from __future__ import annotations

from typing import Any

from .lookup import get_entries, get_usage, short_definition

__all__ = ["get_entries", "get_usage", "short_definition", "setup"]


def setup(app: Any) -> dict[str, Any]:
    from termbase.citations import cached_domain

    from . import backlinks, exports, findings, index, loading, lookup, page, resolution

    app.add_config_value("termbase_glossary_dir", "../glossary", "env", types=frozenset({str}))
    if "termbase_site_url" not in app.config:
        app.add_config_value("termbase_site_url", "", "html", types=frozenset({str}))
    app.add_config_value("termbase_docscheck", True, "env", types=frozenset({bool}))
    app.add_config_value("termbase_category_labels", {}, "env", types=frozenset({dict}))
    app.add_config_value("termbase_docscheck_root", "", "env", types=frozenset({str}))

    loading.setup(app)
    page.setup(app)
    resolution.setup(app)
    backlinks.setup(app)
    index.setup(app)
    exports.setup(app)
    findings.setup(app)
    cached_domain.setup(app)
    lookup.setup(app)
    return {"version": "0.1.0", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 4}
