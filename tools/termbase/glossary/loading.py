"""Read the glossary at every build, report bad entries, and tell Sphinx which pages went stale.

Entries live outside the Sphinx source tree, so Sphinx cannot see them change: the glossary page
notes each file as a dependency, and ``env-get-outdated`` compares entry fingerprints and the name
index with the previous build to re-read the glossary page (only when an entry changed: what it
shows of other pages is filled in at write time, see :mod:`termbase.glossary.backlinks`) and every
page whose ``{term}`` targets now resolve differently.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docscheck.records import Finding
from sphinx.util import logging

from termbase.build_cache import fingerprint
from .entries import LoadedGlossary, load_glossary_dir
from termbase.envdata import termbase_data

logger = logging.getLogger(__name__)


def glossary_dir(app: Any) -> Path:
    """Absolute glossary directory from ``termbase_glossary_dir`` (relative to confdir)."""
    return (Path(app.confdir) / app.config.termbase_glossary_dir).resolve()


def report_finding(data: Any, finding: Finding) -> None:
    """One docscheck finding as a Sphinx warning at ``file:line`` (once per build; two findings of one
    code on one line, such as two unsupported figures, are two warnings)."""
    key = (str(Path(finding.path).resolve()), finding.line, finding.code, finding.message)
    if key in data.reported:
        return
    data.reported.add(key)
    logger.warning(
        finding.message, location=f"{key[0]}:{finding.line}", type="docscheck", subtype=finding.code,
    )  # fmt: skip


def on_builder_inited(app: Any) -> None:
    data = termbase_data(app.env)
    directory = glossary_dir(app)
    data.reported = set()
    data.previous_names = dict(data.glossary.names)
    code = fingerprint(("docscheck", "termbase"))
    data.glossary = load_glossary_dir(directory, previous=data.glossary if data.glossary_code == code else None)
    data.glossary_code = code
    if not directory.is_dir():
        logger.warning(
            "termbase: glossary directory %s does not exist; create it or set termbase_glossary_dir in conf.py",
            directory, type="docscheck", subtype="FILE001",
        )  # fmt: skip
    for finding in data.glossary.findings:
        report_finding(data, finding)


def changed_slugs(old: dict[str, str], glossary: LoadedGlossary) -> set[str]:
    """Slugs added, removed or edited since the fingerprints ``old`` were taken."""
    new = {slug: glossary.digest(slug) for slug in glossary.entries}
    return {slug for slug in old.keys() | new.keys() if old.get(slug) != new.get(slug)}


def on_env_get_outdated(app: Any, env: Any, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    data = termbase_data(env)
    glossary = data.glossary
    stale_slugs = changed_slugs(data.digests, glossary)
    data.digests = {slug: glossary.digest(slug) for slug in glossary.entries}
    previous_names = data.previous_names
    moved = {key for key in previous_names.keys() | glossary.names.keys() if previous_names.get(key) != glossary.names.get(key)}
    outdated: set[str] = set()
    if stale_slugs:
        outdated |= data.glossary_docs
    for docname, keys in data.refs.items():
        if keys & moved or data.usage.get(docname, set()) & stale_slugs:
            outdated.add(docname)
    return sorted((outdated & env.found_docs) - added - changed)


def on_env_purge_doc(app: Any, env: Any, docname: str) -> None:
    termbase_data(env).purge(docname)


def on_env_merge_info(app: Any, env: Any, docnames: set[str], other: Any) -> None:
    termbase_data(env).merge(set(docnames), termbase_data(other))


def setup(app: Any) -> None:
    app.connect("builder-inited", on_builder_inited)
    app.connect("env-get-outdated", on_env_get_outdated)
    app.connect("env-purge-doc", on_env_purge_doc)
    app.connect("env-merge-info", on_env_merge_info)
