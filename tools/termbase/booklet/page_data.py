"""``_static/livret-data.js``: what the booklet page knows of every page, written at build time.

One global, ``window.TERMBASE_LIVRET``, so the booklet works from ``file://`` (no fetch, no access
to other documents)::

    {"page": "mon-livret.html", "disclaimer": "<strong>Avertissement :</strong> …",
     "pages": [{"name", "title", "url", "lastReviewed", "nextReview", "review",
                "questions": [{"id", "text"}], "body", "terms": [slug…], "sources": [key…]}…],
     "terms": {slug: {"term", "short", "order"}}, "sources": {key: {"html", "order"}}}

Pages come in the order of the guide's table of contents; terms carry their French order and
sources the order of the bibliography, so the booklet sorts the union of its pages' lists.

A page's questions and printable body are taken while the page is written (its resolved doctree,
then its rendered body, :mod:`termbase.booklet.printable`), and kept between builds in a
:class:`termbase.build_cache.BuildCache`: an incremental build writes only the pages that changed,
and the data script of the others must stay what a cold build would give. Titles, dates, terms
and sources are read from the environment at the end of every build.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docutils import nodes

from termbase import glossary
from termbase.build_cache import BuildCache, fingerprint
from termbase.envdata import termbase_data
from termbase.french.dates import french_date
from termbase.handouts.backmatter import cited_keys
from termbase.handouts.disclaimer import find_disclaimer
from termbase.handouts.pages import review_date
from termbase.handouts.review_line import LABELS, SEPARATOR

from .printable import printable_body
from .questions import Question, mark_questions

STATIC = Path(__file__).resolve().parent / "static"  # termbase/booklet/static/
DATA_SCRIPT = "livret-data.js"
SCRIPT = "termbase-livret.js"
STYLE = "termbase-livret.css"
GLOBAL = "TERMBASE_LIVRET"
CACHE = "booklet-pages"
META_PAGE = "termbase-livret-page"
META_URL = "termbase-livret-url"


@dataclass
class Recorder:
    """Questions and printable bodies of the pages written by this build, and those kept."""

    eligible: frozenset[str]
    cache: BuildCache
    questions: dict[str, tuple[Question, ...]] = field(default_factory=dict)

    def wants(self, docname: str) -> bool:
        return docname in self.eligible


def booklet_docname(app: Any) -> str | None:
    """The booklet page, when the project has it."""
    name = app.config.termbase_booklet_page
    return name if name and name in app.env.found_docs else None


def eligible_pages(app: Any) -> frozenset[str]:
    """Pages a reader can add: every page but the home page, the booklet, the glossary and the bibliography."""
    env = app.env
    booklet = booklet_docname(app)
    if booklet is None:
        return frozenset()
    bibliographies = {key.docname for key in env.get_domain("cite").bibliographies}
    skipped = {env.config.root_doc, booklet, *termbase_data(env).glossary_docs, *bibliographies}
    return frozenset(env.found_docs - skipped)


def recorder(app: Any) -> Recorder | None:
    return getattr(app.builder, "termbase_booklet", None)


def toctree_order(env: Any) -> list[str]:
    """Every document reachable from the root's toctrees, depth first, root first."""
    order: list[str] = []
    pending = [env.config.root_doc]
    while pending:
        docname = pending.pop(0)
        if docname in order:
            continue
        order.append(docname)
        pending[0:0] = [child for child in env.toctree_includes.get(docname, []) if child not in order]
    return order


def review_text(metadata: Mapping[str, Any]) -> str:
    """« Dernière relecture : 2 décembre 2026 · Prochaine relecture : … » (as under page titles)."""
    parts = [f"{label}\u00a0: {french_date(day)}" for key, label in LABELS if (day := review_date(metadata, key)) is not None]
    return SEPARATOR.join(parts)


def iso(metadata: Mapping[str, Any], key: str) -> str:
    day = review_date(metadata, key)
    return day.isoformat() if day is not None else ""


def sources_html(domain: Any) -> dict[str, dict[str, Any]]:
    """Every reference of the guide's bibliography, as the site formats it, with its rank."""
    import pybtex.plugin

    backend = pybtex.plugin.find_plugin("pybtex.backends", "html")()
    found: dict[str, dict[str, Any]] = {}
    for citation in domain.citations:
        if citation.key in found or domain.bibliographies[citation.bibliography_key].list_ != "citation":
            continue
        text = citation.formatted_entry.text.render(backend)
        found[citation.key] = {"html": text, "order": len(found)}
    return found


def disclaimer_html(app: Any) -> str:
    import html

    runs = find_disclaimer(Path(app.confdir), list(app.config.templates_path))
    return "".join(f"<strong>{html.escape(text)}</strong>" if bold else html.escape(text) for text, bold in runs)


def page_records(app: Any, found: Recorder) -> Iterator[dict[str, Any]]:
    env = app.env
    usage = glossary.get_usage(env)
    domain = env.get_domain("cite")
    ordered = [name for name in toctree_order(env) if name in found.eligible]
    ordered += sorted(found.eligible - set(ordered))
    for docname in ordered:
        kept = found.cache.used.get(docname) or found.cache.previous.get(docname)
        if kept is None:  # not written yet (a page that failed to build)
            continue
        found.cache.put(docname, kept)
        questions, body = kept
        metadata = env.metadata.get(docname, {})
        yield {
            "name": docname,
            "title": str(metadata.get("title") or env.titles[docname].astext()),
            "url": app.builder.get_target_uri(docname),
            "lastReviewed": iso(metadata, "last_reviewed"),
            "nextReview": iso(metadata, "next_review"),
            "review": review_text(metadata),
            "questions": [{"id": question.id, "text": question.text} for question in questions],
            "body": body,
            "terms": sorted(usage.get(docname, set())),
            "sources": cited_keys(domain, docname),
        }


def data_script(app: Any, found: Recorder) -> str:
    pages = list(page_records(app, found))
    entries = glossary.get_entries(app.env)
    used = {slug for page in pages for slug in page["terms"]}
    terms = {
        slug: {"term": entry.term, "short": glossary.short_definition(entry), "order": order}
        for order, (slug, entry) in enumerate(entries.items())
        if slug in used
    }
    for page in pages:
        page["terms"] = [slug for slug in page["terms"] if slug in terms]
    cited = {key for page in pages for key in page["sources"]}
    sources = {key: value for key, value in sources_html(app.env.get_domain("cite")).items() if key in cited}
    data = {
        "page": app.builder.get_target_uri(booklet_docname(app)),
        "disclaimer": disclaimer_html(app),
        "pages": pages,
        "terms": terms,
        "sources": sources,
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"/* termbase.booklet: generated at build time, see termbase/booklet/page_data.py */\nwindow.{GLOBAL} = {text};\n"


# -- Event handlers -------------------------------------------------------------------------------


def on_config_inited(app: Any, config: Any) -> None:
    """Ship the script and style from the package, settled before Sphinx compares configurations
    (appending later would report « The configuration has changed » at every build)."""
    if str(STATIC) not in map(str, config.html_static_path):
        config.html_static_path = [*config.html_static_path, str(STATIC)]


def on_builder_inited(app: Any) -> None:
    if app.builder.format != "html":
        return
    app.builder.termbase_booklet = Recorder(frozenset(), BuildCache(app, CACHE, fingerprint(("termbase",))))


def on_env_updated(app: Any, env: Any) -> None:
    found = recorder(app)
    if found is not None:
        found.eligible = eligible_pages(app)


def on_doctree_resolved(app: Any, doctree: nodes.document, docname: str) -> None:
    found = recorder(app)
    if found is not None and found.wants(docname):
        whole_page = docname in set(app.config.termbase_booklet_whole_pages)
        found.questions[docname] = tuple(mark_questions(doctree, docname, whole_page))


def on_html_page_context(app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    found = recorder(app)
    booklet = booklet_docname(app)
    if found is None or booklet is None:
        return
    page_uri = app.builder.get_target_uri(pagename)
    booklet_uri = posixpath.relpath(app.builder.get_target_uri(booklet), posixpath.dirname(page_uri) or ".")
    tags = [f'<meta name="{META_URL}" content="{booklet_uri}" />']
    if found.wants(pagename) and "body" in context:
        tags.append(f'<meta name="{META_PAGE}" content="{pagename}" />')
        body = printable_body(context["body"], pagename, page_uri)
        found.cache.put(pagename, (found.questions.get(pagename, ()), body))
    context["metatags"] = context.get("metatags", "") + "\n" + "\n".join(tags)


def on_build_finished(app: Any, exception: BaseException | None) -> None:
    found = recorder(app)
    if exception is not None or found is None or booklet_docname(app) is None:
        return
    script = data_script(app, found)
    target = Path(app.outdir) / "_static" / DATA_SCRIPT
    if not target.is_file() or target.read_text(encoding="utf-8") != script:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(script, encoding="utf-8")
    found.cache.save()


def setup(app: Any) -> None:
    app.add_css_file(STYLE)
    app.add_js_file(SCRIPT, loading_method="defer")
    app.connect("config-inited", on_config_inited, priority=901)  # after termbase.build settles the others
    app.connect("builder-inited", on_builder_inited)
    app.connect("env-updated", on_env_updated)
    app.connect("doctree-resolved", on_doctree_resolved)
    app.connect("html-page-context", on_html_page_context)
    app.connect("build-finished", on_build_finished)
