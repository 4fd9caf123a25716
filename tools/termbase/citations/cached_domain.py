"""Keep citations cheap: formatted references survive from one build to the next.

Every glossary entry cites its sources, which roughly doubles the citations of a site, and
sphinxcontrib-bibtex formats every bibliography entry again at each build (``env-updated``), twice
(the bibliography and the citations' tooltips): pybtex's ``template.format_data`` ran some 23,000
times per build, about 2 s, even when only one sentence of one page had changed.

:class:`CachedBibtexDomain` is sphinxcontrib-bibtex's own domain (registered in its place, with
Sphinx's ``override``) whose ``get_formatted_entries`` keeps each formatted entry, under its label
and key, in a :class:`termbase.build_cache.BuildCache` (saved even by a build that reads no page).
The whole cache is dropped when a ``.bib`` file, the style names or the code of a style changes
(:func:`cache_key`), so the result is the one a cold build computes; the labels themselves
(``format_labels``, which may look at every entry) are computed again each time.

The same class makes three of sphinxcontrib-bibtex's loops linear, with the same results: which
pages cite an entry (scanned all citation references for each entry), the citation order (looked
each page up in the list of pages), and the citations a reference resolves to (scanned every
citation of the site for each reference). At 100× the synthetic corpus (3,500 entries, 12,000
citations) these cost minutes per build, even when nothing changed.

Also: pybtex and sphinxcontrib-bibtex find their plugins (styles, backends, parsers) by scanning
the installed distributions' entry points at every lookup that is not a runtime plugin, a dozen
scans per build, and sphinxcontrib-bibtex looks up pybtex's ``plaintext`` backend for each
citation it resolves. :func:`scan_entry_points_once` gives both the result of one scan (the
distributions do not change during a build), and registering the very same ``plaintext`` class
as a runtime plugin, with pybtex's public ``register_plugin``, turns its lookup into a
dictionary access; behaviour is unchanged.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import inspect
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pybtex.backends.plaintext
import pybtex.plugin
import sphinxcontrib.bibtex.plugin
from pybtex.richtext import Tag
from pybtex.style import FormattedEntry
from pybtex.style.template import FieldIsMissing
from sphinx.util import logging
from sphinxcontrib.bibtex.citation_target import parse_citation_targets
from sphinxcontrib.bibtex.domain import BibtexDomain

try:  # the filter of the :filter: option; private, so the original method is kept if it moves
    from sphinxcontrib.bibtex.domain import _FilterVisitor
except ImportError:  # pragma: no cover - a future sphinxcontrib-bibtex
    _FilterVisitor = None

from termbase.build_cache import BuildCache, fingerprint

logger = logging.getLogger(__name__)

STYLE_GROUP = "pybtex.style.formatting"


def style_packages(styles: Iterable[Any]) -> set[str]:
    """Top-level packages whose code formats references: the style classes, their parts
    (label, name and sorting styles) and what their modules import."""
    modules: set[str] = set()
    for style in styles:
        parts = [style, getattr(style, "label_style", None), getattr(style, "name_style", None), getattr(style, "sort_style", None)]
        for part in filter(None, parts):
            for cls in type(part).__mro__:
                module = sys.modules.get(cls.__module__)
                if module is None:
                    continue
                modules.add(cls.__module__)
                for value in vars(module).values():
                    owner = value if isinstance(value, ModuleType) else inspect.getmodule(value) if callable(value) else None
                    if owner is not None:
                        modules.add(owner.__name__)
    return {name.split(".")[0] for name in modules} - sys.stdlib_module_names - {"builtins"}


def cache_key(bibfiles: Iterable[Path], names: tuple[str, str], styles: Iterable[Any]) -> str:
    """Changes whenever a bibliography file, the style names or the code of a style changes."""
    contents = [f"{path}\0".encode() + (path.read_bytes() if path.is_file() else b"<missing>") for path in sorted(bibfiles)]
    return fingerprint(style_packages(styles), *names, *contents)


class CachedBibtexDomain(BibtexDomain):
    """sphinxcontrib-bibtex's domain, formatting each entry once for as long as nothing changes."""

    def env_updated(self) -> Iterable[str]:
        self._cited_by = cited_docnames(self.citation_refs)
        #: (style, tooltip style) → the cache of entries formatted with them
        self._caches: dict[tuple[str, str], BuildCache | None] = {}
        try:
            updated = list(super().env_updated())
        finally:
            for cache in self._caches.values():
                if cache is not None:
                    cache.save()
        return updated + self.pages_showing_changed_references()

    def pages_showing_changed_references(self) -> list[str]:
        """Pages to re-write because a reference they show is printed differently than in the
        last build (an edited ``.bib`` entry, a new label), or a bibliography lists other entries.

        sphinxcontrib-bibtex formats references anew at each build but re-writes no page for it,
        so after a ``.bib`` edit the pages citing the entry kept its old label and tooltip.
        """
        app = getattr(self, "_termbase_app", None)
        if app is None:
            return []
        cache = BuildCache(app, "references-shown", fingerprint(("termbase",)))
        shown: dict[str, tuple[Any, ...]] = {}
        lists: dict[Any, list[str]] = {}
        for citation in self.citations:
            tooltip = citation.tooltip_entry
            shown[citation.key] = (citation.bibliography_key, citation.citation_id, citation.formatted_entry.label,
                                   repr(citation.formatted_entry.text), repr(tooltip.text) if tooltip is not None else None)  # fmt: skip
            lists.setdefault(citation.bibliography_key, []).append(citation.key)
        before_shown, before_lists = cache.previous.get("shown", {}), cache.previous.get("lists", {})
        changed = {key for key in shown.keys() | before_shown.keys() if shown.get(key) != before_shown.get(key)}
        pages = {ref.docname for ref in self.citation_refs if any(target.key in changed for target in ref.targets)}
        pages |= {key.docname for key in lists.keys() | before_lists.keys() if lists.get(key) != before_lists.get(key)}
        cache.put("shown", shown)
        cache.put("lists", lists)
        cache.save()
        return sorted(pages & self.env.found_docs)

    def get_all_cited_keys(self, docnames: list[str]) -> Iterator[str]:
        """Every cited key, pages in ``docnames`` order, then in citation order (as the original)."""
        position = {docname: index for index, docname in enumerate(docnames)}
        for citation_ref in sorted(self.citation_refs, key=lambda ref: position[ref.docname]):
            for target in citation_ref.targets:
                yield target.key

    def get_filtered_entries(self, bibliography_key: Any) -> Iterable[tuple[str, Any]]:
        """The original, with the pages citing each entry looked up instead of searched for."""
        if _FilterVisitor is None:  # pragma: no cover
            yield from super().get_filtered_entries(bibliography_key)
            return
        bibliography = self.bibliographies[bibliography_key]
        cited_by = getattr(self, "_cited_by", None) or cited_docnames(self.citation_refs)
        for entry in self.get_entries(bibliography.bibfiles):
            key = bibliography.keyprefix + entry.key
            cited = cited_by.get(key, set())
            visitor = _FilterVisitor(entry=entry, docname=bibliography_key.docname, cited_docnames=cited)
            try:
                success = visitor.visit(bibliography.filter_)
            except ValueError as err:
                logger.warning(
                    "syntax error in :filter: expression; %s" % err,
                    location=(bibliography_key.docname, bibliography.line), type="bibtex", subtype="filter_syntax_error",
                )  # fmt: skip
                success = bool(cited)
            if success or entry.key in bibliography.keys:
                yield key, entry

    def resolve_xref(self, env: Any, fromdocname: str, builder: Any, typ: str, target: str, node: Any, contnode: Any) -> Any:
        """The original, shown only the citations of the reference's keys (in their order)."""
        keys = {citation_target.key for citation_target in parse_citation_targets(target)}
        every = self.data["citations"]
        index = getattr(self, "_citation_index", None)
        if index is None or index[0] is not every or index[1] != len(every):
            by_key: dict[str, list[int]] = {}
            for position, citation in enumerate(every):
                by_key.setdefault(citation.key, []).append(position)
            index = self._citation_index = (every, len(every), by_key)
        self.data["citations"] = [every[position] for position in sorted(p for key in keys for p in index[2].get(key, ()))]
        try:
            return super().resolve_xref(env, fromdocname, builder, typ, target, node, contnode)
        finally:
            self.data["citations"] = every

    def _cache(self, names: tuple[str, str], styles: tuple[Any, ...]) -> BuildCache | None:
        """The cache for these styles (None outside a build set up by :func:`remember_app`)."""
        if names not in self._caches:
            app = getattr(self, "_termbase_app", None)
            key = cache_key(self.bibdata.bibfiles, names, styles)
            label = hashlib.sha256("\0".join(names).encode()).hexdigest()[:12]
            self._caches[names] = BuildCache(app, f"references-{label}", key) if app is not None else None
        return self._caches[names]

    @staticmethod
    def _sorted(cache: BuildCache | None, style: Any, entries: dict[str, Any]) -> list[Any]:
        """``style.sort``, whose order is kept with the formatted entries: sorting keys (French
        collation of every author and title) cost as much as formatting at 100×."""
        if cache is None:
            return list(style.sort(entries.values()))
        by_key = {entry.key: entry for entry in entries.values()}
        order = cache.get(("sorted", tuple(by_key)), lambda: tuple(entry.key for entry in style.sort(entries.values())))
        return [by_key[key] for key in order]

    def get_formatted_entries(
        self, bibliography_key: Any, docnames: list[str], tooltips: bool, tooltips_style: str
    ) -> Iterable[tuple[Any, FormattedEntry, FormattedEntry | None]]:
        """sphinxcontrib-bibtex's method (same order, labels, warnings), with formatting cached."""
        bibliography = self.bibliographies[bibliography_key]
        entries = dict(self.get_sorted_entries(bibliography_key, docnames))
        style = pybtex.plugin.find_plugin(STYLE_GROUP, bibliography.style)()
        style2 = (pybtex.plugin.find_plugin(STYLE_GROUP, tooltips_style)() if tooltips_style else style) if tooltips else None
        names = (bibliography.style, tooltips_style if tooltips else "\0")
        cache = self._cache(names, tuple(filter(None, (style, style2))))
        sorted_entries = self._sorted(cache, style, entries)
        labels = style.format_labels(sorted_entries)
        for label, entry in zip(labels, sorted_entries):
            full_label = bibliography.labelprefix + label

            def format_both(full_label: str = full_label, entry: Any = entry) -> tuple[Any, Any]:
                formatted = style.format_entry(full_label, entry)
                # Without a tooltip style of its own, the tooltip is the very same formatting.
                return formatted, (formatted if style2 is style else style2.format_entry(full_label, entry) if style2 else None)

            try:
                formatted = cache.get((full_label, entry.key), format_both) if cache is not None else format_both()
            except FieldIsMissing as exc:
                logger.warning(str(exc), location=(bibliography_key.docname, bibliography.line), type="bibtex", subtype="missing_field")
                yield entry, FormattedEntry(entry.key, Tag("b", str(exc)), full_label), None
                continue
            yield entry, formatted[0], formatted[1]


def scan_entry_points_once() -> None:
    """Let pybtex and sphinxcontrib-bibtex select plugins from one scan of the entry points."""
    if getattr(pybtex.plugin.entry_points, "termbase_scan", False):
        return
    scanned = importlib.metadata.entry_points()

    def entry_points(**params: Any) -> Any:
        return scanned.select(**params)

    entry_points.termbase_scan = True  # type: ignore[attr-defined]
    pybtex.plugin.entry_points = entry_points
    sphinxcontrib.bibtex.plugin.entry_points = entry_points


def cited_docnames(citation_refs: Iterable[Any]) -> dict[str, set[str]]:
    """Citation key → the pages that cite it."""
    cited: dict[str, set[str]] = {}
    for citation_ref in citation_refs:
        for target in citation_ref.targets:
            cited.setdefault(target.key, set()).add(citation_ref.docname)
    return cited


def remember_app(app: Any) -> None:
    """``builder-inited``: the domain's caches live in this build's doctree directory."""
    domain = app.env.get_domain("cite")
    if isinstance(domain, CachedBibtexDomain):
        domain._termbase_app = app


def setup(app: Any) -> None:
    scan_entry_points_once()
    pybtex.plugin.register_plugin("pybtex.backends", "plaintext", pybtex.backends.plaintext.Backend, force=True)
    app.setup_extension("sphinxcontrib.bibtex")
    app.add_domain(CachedBibtexDomain, override=True)
    app.connect("builder-inited", remember_app)
