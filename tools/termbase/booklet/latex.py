"""The ``booklet`` builder: the pages of one consultation as one PDF, laid out as the handouts.

``make handout PAGES="effets-indesirables carte-patient"`` runs it with
``-D termbase_booklet_pages=…``. It is the ``handouts`` builder (same preamble, title block,
margins, back matter, unlinking) writing one document, ``livret.tex``: the pages in the order
given, each from its title (the patient card laid out to cut out, as on its own sheet), then
*one* glossary of the terms all of them use, *one* list of the sources all of them cite, and
« À propos de ce livret » with each page's review dates and the disclaimer. The pages' blocks
meant for the website only (``{only} not builder_handouts``) stay out, as on the sheets.

A page name that is not a page of the guide is a usage error, reported before anything is read
or written (Sphinx exits with status 2), with the names it accepts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.utils import new_document
from sphinx import addnodes
from sphinx.errors import SphinxError
from sphinx.util import logging

from termbase import glossary
from termbase.french.dates import french_date
from termbase.handouts import card
from termbase.handouts.backmatter import (
    ABOUT_ID,
    cited_sources,
    disclaimer_paragraph,
    sources_section,
    titled_section,
    used_entries,
    words_section,
)
from termbase.handouts.builder import (
    HandoutsBuilder,
    drop_toctrees,
    latex_target,
    move_bibliography,
    printed_targets,
    title_block,
    top_section,
    unlink,
)
from termbase.handouts.disclaimer import find_disclaimer
from termbase.handouts.pages import review_date

logger = logging.getLogger(__name__)

BASENAME = "livret"
TITLE = "Mon livret"
WORDS_TITLE = "Glossaire"
ABOUT_TITLE = "À propos de ce livret"
SEPARATORS = re.compile(r"[\s,]+")
#: Pages a booklet may run to, per page it holds, before it is set in the smaller type.
PAGES_PER_PAGE = 5


class BookletError(SphinxError):
    category = "Livret"


def booklet_pages(value: str | Sequence[str]) -> list[str]:
    """Page names from ``-D termbase_booklet_pages`` (spaces or commas), in order, each once."""
    names = SEPARATORS.split(value) if isinstance(value, str) else [part for item in value for part in SEPARATORS.split(item)]
    names = [name.removesuffix(".md").removesuffix(".html") for name in names if name]
    return list(dict.fromkeys(names))


def check_pages(pages: Sequence[str], known: set[str]) -> None:
    """Raise a usage error naming what is wrong and what is accepted."""
    usage = 'Exemple : make handout PAGES="effets-indesirables carte-patient"'
    if not pages:
        raise BookletError(f"aucune page demandée pour le livret. {usage}")
    unknown = [name for name in pages if name not in known]
    if unknown:
        raise BookletError(
            f"page(s) inconnue(s) : {', '.join(unknown)}. Pages possibles : {', '.join(sorted(known))}. {usage}"
        )


def source_docnames(srcdir: Path, suffixes: Sequence[str]) -> set[str]:
    """Every page name under the source folder (checked before Sphinx reads anything)."""
    found = set()
    for suffix in suffixes:
        for path in srcdir.rglob(f"*{suffix}"):
            relative = path.relative_to(srcdir)
            if not any(part.startswith(("_", ".")) for part in relative.parts):
                found.add(relative.with_suffix("").as_posix())
    return found


def review_paragraph(title: str, metadata: Any) -> nodes.paragraph:
    """« Titre : relue le …, prochaine relecture prévue le … »."""
    last, upcoming = review_date(metadata, "last_reviewed"), review_date(metadata, "next_review")
    parts = []
    if last is not None:
        parts.append(f"relue le {french_date(last)}")
    if upcoming is not None:
        parts.append(f"prochaine relecture prévue le {french_date(upcoming)}")
    paragraph = nodes.paragraph(classes=["termbase-handout-review"])
    paragraph += nodes.strong(title, title)
    text = "\u00a0: " + ", ".join(parts) + "." if parts else "."
    paragraph += nodes.Text(text)
    return paragraph


class BookletBuilder(HandoutsBuilder):
    """One LaTeX document, ``livret.tex``, of the pages in ``termbase_booklet_pages``."""

    name = "booklet"
    epilog = "Le livret LaTeX est dans %(outdir)s ; lancez « make -C %(outdir)s all-pdf » pour le PDF."

    def init(self) -> None:
        self.booklet_pages = booklet_pages(self.config.termbase_booklet_pages)
        suffixes = list(self.config.source_suffix)
        check_pages(self.booklet_pages, source_docnames(Path(self.srcdir), suffixes))
        super().init()
        self.tags.add("builder_handouts")  # the pages' {only} blocks, as on their sheets

    def init_document_data(self) -> None:
        check_pages(self.booklet_pages, set(self.env.found_docs))
        author = self.config.latex_documents[0][3] if self.config.latex_documents else self.config.author
        self.document_data = [(self.booklet_pages[0], f"{BASENAME}.tex", TITLE, author, "howto", False)]
        self.titles = []

    def page_title(self, docname: str) -> str:
        return str(self.env.metadata[docname].get("title") or self.env.titles[docname].astext())

    def assemble_doctree(self, indexfile: str, toctree_only: bool, appendices: list[str]) -> nodes.document:
        pages = self.booklet_pages
        sources = cited_sources(self.env.get_domain("cite"), pages, self.config.termbase_handouts_bibtex_style)
        self.docnames = {*pages, *(source.docname for source in sources)}
        first = self.env.get_doctree(pages[0])
        tree = new_document("<livret>", first.settings)
        tree["docname"] = pages[0]
        # The LaTeX writer takes the first title as the document's (the title block prints
        # « Mon livret »): give it one, so that every page keeps its own title.
        opening = nodes.section("", ids=["livret"])
        opening += nodes.title(TITLE, TITLE)
        tree += opening
        targets: set[str] = set()
        has_card = False
        for docname in pages:
            page = first if docname == pages[0] else self.env.get_doctree(docname)
            drop_toctrees(page)
            if card.is_card(self.env.metadata[docname].get("handout_layout")):
                has_card = card.lay_out_cards(page) or has_card
            targets |= printed_targets(page, docname)
            if docname == pages[0]:  # the document's own labels are this page's already
                tree += top_section(page)
            else:
                tree += nodes.raw("", r"\clearpage", format="latex")  # each page starts a sheet
                wrapper = addnodes.start_of_file(docname=docname)
                wrapper += top_section(page)
                tree += wrapper
        used = set().union(*(glossary.get_usage(self.env).get(docname, set()) for docname in pages))
        entries = used_entries(glossary.get_entries(self.env), used)
        words = words_section(entries, {entry.slug: glossary.short_definition(entry) for entry in entries})
        if words is not None:
            words[0] = nodes.title(WORDS_TITLE, WORDS_TITLE)
        about = titled_section(ABOUT_TITLE, ABOUT_ID)
        for docname in pages:
            about += review_paragraph(self.page_title(docname), self.env.metadata[docname])
        about += disclaimer_paragraph(find_disclaimer(Path(self.confdir), list(self.config.templates_path)))
        for section in (words, sources_section(sources), about):
            if section is not None:
                tree += section
        self.env.resolve_references(tree, pages[0], self)
        move_bibliography(tree)
        targets |= printed_targets(tree, pages[0])
        for reference in list(tree.findall(nodes.reference)):
            target = latex_target(reference.get("refuri", ""))
            if reference.get("termbase_slug") or (target is not None and target not in targets):
                unlink(reference)
        max_pages = self.config.termbase_handouts_max_pages * len(pages)
        self.context["preamble"] = (
            self.sheet_preamble + (card.CARD_PREAMBLE if has_card else "") + f"\n\\renewcommand\\termbasemaxpages{{{max_pages}}}\n"
        )
        summary = "Pages choisies\u00a0: " + " · ".join(self.page_title(docname) for docname in pages)
        self.context["maketitle"] = title_block(self.config.project, summary, self.config.latex_engine)
        return tree


def setup(app: Any) -> None:
    app.add_builder(BookletBuilder)
