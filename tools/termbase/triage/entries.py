"""Read the triage table at every build, report what is wrong with it, and keep it in the environment.

The table is read through docscheck's public API (:func:`docscheck.project.load_triage`), so termbase
renders exactly the entries docscheck accepts: an entry with a TRIAGE001 problem of its own (an
unknown level, a question without « oui »…) is reported as a Sphinx warning at ``file:line``
(``type="docscheck"``, ``subtype="TRIAGE001"``) and left out of every table, never rendered half
right. The checks that need the whole project (bibliography keys, glossary terms, TRIAGE002) are
reported with docscheck's other findings (:mod:`termbase.glossary.findings`).

The files live outside the Sphinx source tree: each page showing the table notes them as
dependencies, and :mod:`.tooltip_lines` re-reads the pages whose tooltips show a line of the table
when it changed.
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path
from typing import Any

from docscheck.records import TriageEntry
from sphinx.util import logging

from termbase.envdata import kept_on_env, termbase_data
from termbase.glossary.loading import report_finding

logger = logging.getLogger(__name__)
ATTRIBUTE = "termbase_triage"


@dataclasses.dataclass
class TriageTable:
    """The usable entries (slug → entry, in file order), their files, and a digest of them."""

    entries: dict[str, TriageEntry] = dataclasses.field(default_factory=dict)
    paths: tuple[str, ...] = ()
    digest: str = ""
    #: digest of the table as of the previous build (to find pages whose tooltips changed)
    previous_digest: str = ""
    #: glossary slug → its tooltip's action line, and what it was computed from
    lines: dict[str, str] = dataclasses.field(default_factory=dict)
    lines_key: tuple[str, int] = ("", 0)
    #: glossary slugs that had an action line in the previous build
    previous_slugs: set[str] = dataclasses.field(default_factory=set)

    def select(self, slugs: list[str] | None) -> list[TriageEntry]:
        """The entries named (in that order), or all of them."""
        if not slugs:
            return list(self.entries.values())
        return [self.entries[slug] for slug in slugs if slug in self.entries]


def triage_dir(app: Any) -> Path:
    return (Path(app.confdir) / app.config.termbase_triage_dir).resolve()


def get_table(env: Any) -> TriageTable:
    return kept_on_env(env, ATTRIBUTE, TriageTable)


def on_builder_inited(app: Any) -> None:
    from docscheck.project import load_triage

    directory = triage_dir(app)
    table = get_table(app.env)
    table.previous_digest = table.digest
    if not directory.is_dir():
        table.entries, table.paths, table.digest = {}, (), ""
        return
    entries, findings = load_triage(directory, directory.parent)
    data = termbase_data(app.env)
    for finding in findings:
        report_finding(data, dataclasses.replace(finding, path=str(directory.parent / finding.path)))
    table.entries = {entry.slug: entry for entry in entries}
    table.paths = tuple(str(path) for path in sorted(directory.glob("*.md")) if path.name.lower() != "readme.md")
    table.digest = hashlib.sha256(repr(entries).encode("utf-8")).hexdigest()[:20]


def note_dependencies(env: Any) -> None:
    """A page showing the table is read again when any of its files changes."""
    for path in get_table(env).paths:
        env.note_dependency(path)
