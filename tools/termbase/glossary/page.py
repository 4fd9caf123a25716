"""The ``termbase-glossary`` directive: the whole glossary, in French order, as Sphinx nodes.

Each entry becomes a std-domain glossary term (so ``{term}`` resolves to it in HTML and LaTeX, and
it appears in the general index) followed by its English equivalent, category, definition,
see-also links, sources and back-links. Definitions and the sources line are rendered by the
page's own MyST renderer with the entry file as source, so roles work and warnings point to
``glossary/<slug>.md:<line>``. Letters are sections (headings in the PDF); the HTML-only letter
bar and download links are placeholders that :func:`fill_widgets` fills or drops per builder.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from itertools import groupby
from typing import Any

from docutils import nodes
from docscheck.records import GlossaryEntry, term_key
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from termbase.anchors import letter_anchor, term_anchor
from termbase.french.collation import initial_letter
from termbase.envdata import termbase_data

logger = logging.getLogger(__name__)

EXPORTS = (("JSON", "glossaire.json"), ("CSV", "glossaire.csv"), ("JSON-LD (SKOS)", "glossaire.jsonld"))
NBSP = "\u00a0"


class letter_nav(nodes.General, nodes.Element):
    """A–Z links to the letter sections (HTML only; the PDF has the letter headings)."""


class downloads(nodes.General, nodes.Element):
    """Placeholder for the links to the exports, filled for HTML builders only."""


class backlinks(nodes.General, nodes.Element):
    """Placeholder for "Où ce terme apparaît", filled once every page has been read."""


@contextlib.contextmanager
def source_of(renderer: Any, path: str) -> Iterator[None]:
    """Make nodes and warnings produced by ``renderer`` point to ``path`` (as MyST's include does)."""
    document, reporter = renderer.document, renderer.reporter
    saved = document["source"], reporter.source, getattr(reporter, "get_source_and_line", None)
    document["source"] = reporter.source = path
    reporter.get_source_and_line = lambda line=None: (path, line)
    try:
        yield
    finally:
        document["source"], reporter.source = saved[0], saved[1]
        if saved[2] is None:
            del reporter.get_source_and_line
        else:
            reporter.get_source_and_line = saved[2]


def label(text: str) -> nodes.strong:
    return nodes.strong(text, text)


def labelled_list(css_class: str, title: str, items: list[nodes.Node]) -> nodes.paragraph:
    """« **Titre** : a, b, c » — the shape of the see-also and back-link lines (classes space-separated)."""
    paragraph = nodes.paragraph(classes=css_class.split())
    paragraph += label(title)
    paragraph += nodes.Text(f"{NBSP}: ")
    for index, item in enumerate(items):
        if index:
            paragraph += nodes.Text(", ")
        paragraph += item
    return paragraph


def register_names(std: Any, entry: GlossaryEntry, names: dict[str, str], anchor: str, location: nodes.Node) -> None:
    """Note every distinct name of the entry as a std-domain term pointing to ``anchor``."""
    seen: set[str] = set()
    for name in entry.names:
        key = term_key(name)
        if key in seen or names.get(key) != entry.slug:
            continue  # clashes are docscheck's TERM003; the first entry keeps the name
        seen.add(key)
        if hasattr(std, "_note_term"):
            std._note_term(name, anchor, location=location)
        else:  # pragma: no cover - future Sphinx without the private helper
            std.note_object("term", name, anchor, location=location)


def term_xref(target: str, text: str, docname: str) -> addnodes.pending_xref:
    """A ``{term}`` reference built in code, resolved by Sphinx like one written in a page."""
    xref = addnodes.pending_xref(
        "", refdomain="std", reftype="term", reftarget=target, refexplicit=True, refwarn=True, refdoc=docname
    )
    xref += nodes.inline(text, text, classes=["xref", "std", "std-term"])
    return xref


def referenced_entries(node: nodes.Element, names: dict[str, str]) -> set[str]:
    """Slugs of the entries that ``{term}`` references inside ``node`` point to."""
    keys = {
        term_key(xref["reftarget"])
        for xref in node.findall(addnodes.pending_xref)
        if xref.get("refdomain") == "std" and xref.get("reftype") == "term"
    }  # fmt: skip
    return {names[key] for key in keys if key in names}


class TermbaseGlossary(SphinxDirective):
    """``termbase-glossary``: render every entry of ``termbase_glossary_dir``."""

    has_content = False
    required_arguments = 0
    optional_arguments = 0

    def run(self) -> list[nodes.Node]:
        data = termbase_data(self.env)
        docname = self.env.current_document.docname
        data.glossary_docs.add(docname)
        for path in data.glossary.paths:
            self.env.note_dependency(path)
        renderer = getattr(self.state, "_renderer", None)
        if renderer is None or not hasattr(renderer, "nested_render_text"):
            logger.warning(
                "the termbase-glossary directive must be used in a MyST (Markdown) page",
                location=self.get_location(), type="termbase", subtype="directive",
            )  # fmt: skip
            return []
        # The reader comes for the words: letters and entries first; the files for other tools
        # close the page, under « Pour les professionnels » (HTML only, see fill_widgets).
        result: list[nodes.Node] = []
        entries = list(data.entries.values())
        groups = [(letter, list(group)) for letter, group in groupby(entries, key=lambda e: initial_letter(e.term))]
        nav = letter_nav()
        links = nodes.paragraph(classes=["termbase-letters"])
        for index, (letter, _group) in enumerate(groups):
            if index:
                links += nodes.Text(" ")
            shown = "#" if letter == "#" else letter
            links += nodes.reference(shown, shown, refid=letter_anchor(letter), internal=True)
        nav += links
        result.append(nav)
        for letter, group in groups:
            result.append(self.letter_section(letter, group, renderer, docname))
        result.append(downloads(docname=docname))
        return result

    def letter_section(self, letter: str, group: list[GlossaryEntry], renderer: Any, docname: str) -> nodes.section:
        title = "Symboles" if letter == "#" else letter
        section = nodes.section(ids=[letter_anchor(letter)], classes=["termbase-letter"])
        section += nodes.title(title, title)
        self.state.document.set_id(section)
        glossary = addnodes.glossary(sorted=False)
        items = nodes.definition_list(classes=["glossary", "termbase-glossary"])
        for entry in group:
            items += self.entry_item(entry, renderer, docname)
        glossary += items
        section += glossary
        return section

    def entry_item(self, entry: GlossaryEntry, renderer: Any, docname: str) -> nodes.definition_list_item:
        data = termbase_data(self.env)
        anchor = term_anchor(entry.slug)
        item = nodes.definition_list_item(classes=["termbase-entry"])
        term = nodes.term(entry.term, entry.term, ids=[anchor])
        term.source, term.line = entry.path, entry.line
        self.state.document.set_id(term)
        index = addnodes.index(entries=[("single", entry.term, anchor, "main", None)])
        index.source, index.line = entry.path, entry.line
        term += index
        register_names(self.env.domains.standard_domain, entry, data.glossary.names, anchor, term)
        definition = nodes.definition()
        meta = self.meta_paragraph(entry)
        if meta is not None:
            definition += meta
        with source_of(renderer, entry.path), renderer.current_node_context(definition):
            renderer.nested_render_text(entry.body, entry.body_line - 1)
            data.entry_usage[entry.slug] = referenced_entries(definition, data.glossary.names)
            see_also = self.see_also_paragraph(entry, docname)
            if see_also is not None:
                definition += see_also
            if entry.sources:
                keys = ",".join(entry.sources)
                paragraph = nodes.paragraph(classes=["termbase-sources"])
                with renderer.current_node_context(paragraph):
                    renderer.nested_render_text(f"**Sources**{NBSP}: {{cite:p}}`{keys}`", entry.line_of("sources") - 1, inline=True)
                definition += paragraph
        definition += backlinks(termbase_slug=entry.slug, docname=docname)
        item += term
        item += definition
        return item

    def meta_paragraph(self, entry: GlossaryEntry) -> nodes.paragraph | None:
        parts: list[list[nodes.Node]] = []
        if entry.en:
            parts.append([label("Anglais"), nodes.Text(f"{NBSP}: "), nodes.inline(entry.en, entry.en, classes=["termbase-en", "language-en"])])
        if entry.category:
            shown = self.config.termbase_category_labels.get(entry.category, entry.category)
            parts.append([label("Catégorie"), nodes.Text(f"{NBSP}: "), nodes.inline(shown, shown, classes=["termbase-category"])])
        if not parts:
            return None
        paragraph = nodes.paragraph(classes=["termbase-meta"])
        for index, part in enumerate(parts):
            if index:
                paragraph += nodes.Text(" · ")
            paragraph.extend(part)
        return paragraph

    def see_also_paragraph(self, entry: GlossaryEntry, docname: str) -> nodes.paragraph | None:
        data = termbase_data(self.env)
        targets = [data.glossary.resolve(value) for value in entry.see_also]
        slugs = [slug for slug in dict.fromkeys(targets) if slug and slug != entry.slug]
        if not slugs:
            return None  # unknown targets are docscheck's TERM005
        links: list[nodes.Node] = [term_xref(data.entries[s].term, data.entries[s].term, docname) for s in slugs]
        return labelled_list("termbase-see-also", "Voir aussi", links)


def download_paragraph(builder: Any, docname: str) -> nodes.paragraph:
    """« Télécharger le glossaire : JSON · CSV · JSON-LD (SKOS) » with links relative to the page."""
    page = builder.get_target_uri(docname)
    paragraph = nodes.paragraph(classes=["termbase-downloads"])
    paragraph += nodes.Text(f"Télécharger le glossaire{NBSP}: ")
    for index, (text, filename) in enumerate(EXPORTS):
        if index:
            paragraph += nodes.Text(" · ")
        paragraph += nodes.reference(text, text, refuri=relative_uri(page, filename), internal=True)
    return paragraph


PROFESSIONALS_TITLE = "Pour les professionnels"
PROFESSIONALS_ID = "pour-les-professionnels"


def professionals_section(builder: Any, docname: str) -> nodes.section:
    """« Pour les professionnels », at the end of the glossary: what the files are, then the links."""
    section = nodes.section(ids=[PROFESSIONALS_ID], names=[PROFESSIONALS_ID], classes=["termbase-professionals"])
    section += nodes.title(PROFESSIONALS_TITLE, PROFESSIONALS_TITLE)
    intro = (
        "Les définitions de ce glossaire, leurs sources et les pages qui les emploient existent aussi sous forme de "
        "fichiers, pour les reprendre dans un autre outil."
    )
    section += nodes.paragraph(intro, intro)
    section += download_paragraph(builder, docname)
    return section


def fill_widgets(app: Any, doctree: nodes.document, docname: str) -> None:
    """Fill the download links for HTML builders; drop HTML-only widgets for every other builder."""
    html = app.builder.format == "html"
    for node in list(doctree.findall(downloads)):
        if html:
            # Last of the page's sections, after the letters (a body element placed after
            # sections by a directive does not stay there).
            parent = node.parent
            parent.remove(node)
            parent.append(professionals_section(app.builder, node["docname"]))
        else:
            node.parent.remove(node)
    if not html:
        for nav in list(doctree.findall(letter_nav)):
            nav.parent.remove(nav)


def visit_letter_nav(translator: Any, node: letter_nav) -> None:
    translator.body.append('<nav class="termbase-letter-nav" aria-label="Lettres du glossaire">')


def depart_letter_nav(translator: Any, node: letter_nav) -> None:
    translator.body.append("</nav>")


def skip(translator: Any, node: nodes.Node) -> None:
    raise nodes.SkipNode


def setup(app: Any) -> None:
    visitors = {fmt: (skip, None) for fmt in ("latex", "text", "man", "texinfo")}
    app.add_node(letter_nav, html=(visit_letter_nav, depart_letter_nav), **visitors)
    app.add_node(downloads, html=(skip, None), **visitors)
    app.add_node(backlinks, html=(skip, None), **visitors)
    app.add_directive("termbase-glossary", TermbaseGlossary)
    app.connect("doctree-resolved", fill_widgets)
