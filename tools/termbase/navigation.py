"""The guide's sidebar on large sites: every section, and the pages of the current one.

Every page's sidebar lists the whole guide (``docs/_templates/guide-nav.html``): the page titles,
grouped by the captions of the root document's toctrees. pydata-sphinx-theme renders it for each
page, in time and bytes proportional to the number of pages, so the cold build is quadratic: at
100× the synthetic corpus (1,200 pages) that is 1.4 million sidebar links, about 200 MB of HTML,
and most of the build time (BeautifulSoup serialising each page's sidebar).

When the root toctrees list more than ``termbase_sidebar_max_pages`` pages (default 200, see
:mod:`termbase`), :func:`capped_sidebar` gives the template the captions of every section, each
linking to its first page, and, under the current page's caption, the pages of its section. The
template shows that instead of the full list; the real site (about 25 pages) keeps the full one.
The markup is the theme's own (``caption`` headings, ``bd-sidenav`` lists, ``current`` marks).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from sphinx import addnodes

CONTEXT_NAME = "termbase_capped_sidebar"


@dataclass(frozen=True)
class Section:
    """One toctree of the root document: its caption and its pages, in order."""

    caption: str
    docnames: tuple[str, ...]


def root_sections(env: Any) -> list[Section]:
    """The toctrees of the root document, in order (pages only, external links left out)."""
    sections = []
    for toctree in env.get_doctree(env.config.root_doc).findall(addnodes.toctree):
        docnames = tuple(ref for _title, ref in toctree["entries"] if ref in env.all_docs)
        if docnames:
            sections.append(Section(toctree.get("caption") or "", docnames))
    return sections


def page_link(builder: Any, env: Any, pagename: str, docname: str) -> str:
    title = env.titles.get(docname)
    text = html.escape(title.astext() if title is not None else docname)
    if docname == pagename:
        return f'<li class="toctree-l1 current active"><a class="current reference internal" aria-current="page" href="#">{text}</a></li>'
    return f'<li class="toctree-l1"><a class="reference internal" href="{html.escape(builder.get_relative_uri(pagename, docname))}">{text}</a></li>'


def sidebar_html(builder: Any, env: Any, pagename: str, sections: list[Section]) -> str:
    """Every caption; under the current page's caption, its section's pages."""
    parts = []
    for section in sections:
        caption = html.escape(section.caption)
        if pagename in section.docnames:
            parts.append(f'<p aria-level="2" class="caption" role="heading"><span class="caption-text">{caption}</span></p>')
            links = "\n".join(page_link(builder, env, pagename, docname) for docname in section.docnames)
            parts.append(f'<ul class="nav bd-sidenav">\n{links}\n</ul>')
        else:
            first = html.escape(builder.get_relative_uri(pagename, section.docnames[0]))
            parts.append(
                f'<p aria-level="2" class="caption" role="heading"><a class="reference internal" href="{first}">'
                f'<span class="caption-text">{caption or html.escape(str(env.titles[section.docnames[0]].astext()))}</span></a></p>'
            )
    return "\n".join(parts)


def capped_sidebar(app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """``html-page-context``: on a large site, the sidebar the template shows instead of the full list."""
    sections = getattr(app, "_termbase_root_sections", None)
    if sections is None:
        sections = app._termbase_root_sections = root_sections(app.env)
    if sum(len(section.docnames) for section in sections) <= app.config.termbase_sidebar_max_pages:
        return
    from markupsafe import Markup

    context[CONTEXT_NAME] = Markup(sidebar_html(app.builder, app.env, pagename, sections))


def setup(app: Any) -> None:
    app.add_config_value("termbase_sidebar_max_pages", 200, "html", types=frozenset({int}))
    app.connect("html-page-context", capped_sidebar)
