"""The guide's sidebar on large sites: every section, and the pages of the current one.

Every page's sidebar lists the whole guide (``docs/_templates/guide-nav.html``): the page titles,
grouped by the captions of the root document's toctrees. pydata-sphinx-theme renders it for each
page, in time and bytes proportional to the number of pages, so the cold build is quadratic: at
100× the synthetic corpus (1,200 pages) that is 1.4 million sidebar links, about 200 MB of HTML,
and most of the build time (BeautifulSoup serialising each page's sidebar).

When the root toctrees list more than ``termbase_sidebar_max_pages`` pages (default 200, see
:mod:`termbase`), :func:`sidebar_html` gives the template the captions of every section, each
linking to its first page, and, under the current page's caption, the pages of its section. The
template shows that instead of the full list; the real site (about 25 pages) keeps the full one.
The markup is the theme's own (``caption`` headings, ``bd-sidenav`` lists, ``current`` marks).

On a site of any size the full list is rendered here too (:func:`full_sidebar_html`), from the
same environment data, instead of by the theme's ``generate_toctree_html``: that resolves the root
toctree and parses it with BeautifulSoup for each page (compiling soupsieve's CSS patterns in
every process), which was a third of a one-page rebuild. The bytes are the theme's (a test
compares both on every page of the real site); a guide that is not flat (a listed page with its
own toctree), an external link, a ``self`` entry or a title with markup keeps the theme's sidebar.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from docutils import nodes
from sphinx import addnodes

CONTEXT_NAME = "termbase_sidebar"


@dataclass(frozen=True)
class Section:
    """One toctree of the root document: its caption and its pages, in order."""

    caption: str
    docnames: tuple[str, ...]
    #: docname → the toctree entry's explicit title, where it has one
    titles: tuple[tuple[str, str], ...] = ()
    #: an entry the flat rendering cannot show as the theme does (external link, ``self``)
    other_entries: bool = False


def root_sections(env: Any) -> list[Section]:
    """The toctrees of the root document, in order (pages only, external links left out)."""
    sections = []
    for toctree in env.get_doctree(env.config.root_doc).findall(addnodes.toctree):
        entries = toctree["entries"]
        docnames = tuple(ref for _title, ref in entries if ref in env.all_docs)
        if docnames:
            titles = tuple((ref, title) for title, ref in entries if ref in env.all_docs and title)
            sections.append(Section(toctree.get("caption") or "", docnames, titles, len(docnames) != len(entries)))
    return sections


def is_flat(env: Any, sections: list[Section]) -> bool:
    """Whether :func:`full_sidebar_html` gives the theme's bytes: plain pages, one level, plain titles."""
    for section in sections:
        if section.other_entries:
            return False
        for docname in section.docnames:
            title = env.titles.get(docname)
            if env.toctree_includes.get(docname) or title is None or any(not isinstance(child, nodes.Text) for child in title.children):
                return False
    return True


def entry_title(env: Any, section: Section, docname: str) -> str:
    explicit = dict(section.titles).get(docname)
    return explicit if explicit is not None else env.titles[docname].astext()


def full_sidebar_html(builder: Any, env: Any, pagename: str, sections: list[Section]) -> str:
    """Every caption and every page, as ``generate_toctree_html("sidebar", startdepth=0,
    maxdepth=1, titles_only=True, includehidden=True)`` renders a flat guide."""
    parts = []
    for section in sections:
        if section.caption:
            parts.append(f'<p aria-level="2" class="caption" role="heading"><span class="caption-text">{html.escape(section.caption, quote=False)}</span></p>')
        parts.append('<ul class="current nav bd-sidenav">' if pagename in section.docnames else '<ul class="nav bd-sidenav">')
        for docname in section.docnames:
            parts.append(page_link(builder, pagename, docname, html.escape(entry_title(env, section, docname), quote=False)))
        parts.append("</ul>")
    return "\n".join(parts) + "\n"


def page_link(builder: Any, pagename: str, docname: str, text: str) -> str:
    """The sidebar item of ``docname`` as seen from ``pagename``; ``text`` is already escaped."""
    if docname == pagename:
        return f'<li class="toctree-l1 current active"><a aria-current="page" class="current reference internal" href="#">{text}</a></li>'
    return f'<li class="toctree-l1"><a class="reference internal" href="{html.escape(builder.get_relative_uri(pagename, docname))}">{text}</a></li>'


def capped_title(env: Any, docname: str) -> str:
    title = env.titles.get(docname)
    return html.escape(title.astext() if title is not None else docname)


def sidebar_html(builder: Any, env: Any, pagename: str, sections: list[Section]) -> str:
    """Every caption; under the current page's caption, its section's pages."""
    parts = []
    for section in sections:
        caption = html.escape(section.caption)
        if pagename in section.docnames:
            parts.append(f'<p aria-level="2" class="caption" role="heading"><span class="caption-text">{caption}</span></p>')
            links = "\n".join(page_link(builder, pagename, docname, capped_title(env, docname)) for docname in section.docnames)
            parts.append(f'<ul class="nav bd-sidenav">\n{links}\n</ul>')
        else:
            first = html.escape(builder.get_relative_uri(pagename, section.docnames[0]))
            parts.append(
                f'<p aria-level="2" class="caption" role="heading"><a class="reference internal" href="{first}">'
                f'<span class="caption-text">{caption or html.escape(str(env.titles[section.docnames[0]].astext()))}</span></a></p>'
            )
    return "\n".join(parts)


def guide_sidebar(app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """``html-page-context``: the sidebar the template shows (capped on a large site), or nothing
    when the theme must render it (the guide is not flat, or ``termbase_sidebar_renderer = "theme"``)."""
    cached = getattr(app, "_termbase_root_sections", None)
    if cached is None:
        sections = root_sections(app.env)
        cached = app._termbase_root_sections = (sections, is_flat(app.env, sections))
    sections, flat = cached
    from markupsafe import Markup

    if sum(len(section.docnames) for section in sections) > app.config.termbase_sidebar_max_pages:
        context[CONTEXT_NAME] = Markup(sidebar_html(app.builder, app.env, pagename, sections))
    elif flat and sections and app.config.termbase_sidebar_renderer == "termbase":
        context[CONTEXT_NAME] = Markup(full_sidebar_html(app.builder, app.env, pagename, sections))


def setup(app: Any) -> None:
    app.add_config_value("termbase_sidebar_max_pages", 200, "html", types=frozenset({int}))
    app.add_config_value("termbase_sidebar_renderer", "termbase", "html", types=frozenset({str}))
    app.connect("html-page-context", guide_sidebar)
