"""termbase.glossary: structured glossary entries as std-domain terms, the glossary page and exports.

Loaded by ``extensions = ["termbase"]`` (see :mod:`termbase`). Configuration values:

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

from docscheck.records import GlossaryEntry

from .envdata import termbase_data
from .plain_text import first_sentence, markdown_to_plain


def get_entries(env: Any) -> dict[str, GlossaryEntry]:
    """Every valid glossary entry of this build: slug → entry, in French order."""
    return termbase_data(env).entries


def get_usage(env: Any) -> dict[str, set[str]]:
    """docname → slugs of the glossary entries that page references (the glossary page included)."""
    return termbase_data(env).usage


def short_definition(entry: GlossaryEntry) -> str:
    """The entry's ``short`` field, else the first sentence of its body, as plain text."""
    if entry.short:
        return " ".join(markdown_to_plain(entry.short).split()) or entry.short
    return first_sentence(markdown_to_plain(entry.body))


def setup(app: Any) -> dict[str, Any]:
    from . import backlinks, citations, exports, findings, glossary_page, index_fr, loading, resolution

    app.add_config_value("termbase_glossary_dir", "../glossary", "env", types=frozenset({str}))
    if "termbase_site_url" not in app.config:
        app.add_config_value("termbase_site_url", "", "html", types=frozenset({str}))
    app.add_config_value("termbase_docscheck", True, "env", types=frozenset({bool}))
    app.add_config_value("termbase_category_labels", {}, "env", types=frozenset({dict}))
    app.add_config_value("termbase_docscheck_root", "", "env", types=frozenset({str}))

    loading.setup(app)
    glossary_page.setup(app)
    resolution.setup(app)
    backlinks.setup(app)
    index_fr.setup(app)
    exports.setup(app)
    findings.setup(app)
    citations.setup(app)
    return {"version": "0.1.0", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 2}
