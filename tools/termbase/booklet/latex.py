"""The ``booklet`` builder: the questions and pages of one consultation as one PDF, laid out as the handouts.

``make handout PAGES="effets-indesirables carte-patient" QUESTIONS="effets-indesirables.3fa2c1"``
runs it with ``-D termbase_booklet_pages=… -D termbase_booklet_questions=…``; ``make handout
LIVRET="<address of « Mon livret »>"`` with ``-D termbase_booklet_address=…``, read as the browser
reads it (:mod:`termbase.booklet.address`), so the PDF is the booklet the reader sees. LIVRET
carries both the pages and the questions: given with PAGES or QUESTIONS it is a usage error (which
should win is not obvious, and a merged booklet would be neither of them).

It is the ``handouts`` builder (same preamble, title block, margins, back matter, unlinking)
writing one document, ``livret.tex``, in the order of the browser's printed booklet: « Mes
questions », the chosen questions in the reader's order, each with the title of its page and
ruled lines to write the answer (no section when no question is chosen); then the pages in the
order given, each from its title on a new sheet (the patient card laid out to cut out, as on its
own sheet), then *one* glossary of the terms the pages use, *one* list of the sources they cite,
and « À propos de ce livret » with the review dates of every page the booklet draws on (its pages,
then those of its questions) and the disclaimer. The pages' blocks meant for the website only
(``{only} not builder_handouts``) stay out, as on the sheets.

A page name that is not a page of the guide, or a question id that is not one of its page's
questions (the ids of ``_static/livret-data.js``, :mod:`termbase.booklet.questions`), is a usage
error, reported before anything is written (Sphinx exits with status 2), with what it accepts.
``python -m termbase.booklet`` checks what it can (page names, the page of each question, LIVRET)
before Sphinx starts; the questions' digests need the pages read, so the builder checks them.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from docutils import nodes
from docutils.utils import new_document
from sphinx import addnodes
from sphinx.errors import SphinxError
from sphinx.util import logging
from sphinx.util.nodes import process_only_nodes
from sphinx.util.tags import Tags

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

from .address import Choice, parse_address
from .questions import Question, mark_questions

logger = logging.getLogger(__name__)

BASENAME = "livret"
TITLE = "Mon livret"
WORDS_TITLE = "Glossaire"
ABOUT_TITLE = "À propos de ce livret"
#: The words of the browser's printed booklet (static/termbase-livret.js).
QUESTIONS_TITLE = "Mes questions"
QUESTIONS_ID = "livret-questions"
FROM_PAGE = "Page\u00a0: "
SEPARATORS = re.compile(r"[\s,]+")
#: Pages a booklet may run to, per page it holds, before it is set in the smaller type.
PAGES_PER_PAGE = 5
#: Questions with their answer lines on one sheet (each takes about 5 cm: four fit, seen on the PDF).
QUESTIONS_PER_SHEET = 4
#: Before each question: room for it, its page and its lines, or a new sheet (never a question
#: on one sheet and its lines on the next).
QUESTION_NEEDSPACE = r"\par\needspace{52mm}"
#: Ruled space to write the answer: four grey lines 8 mm apart across the text width, as the
#: browser prints four ruled lines.
ANSWER_LINES = 4
ANSWER_LINE = r"\noindent\rule{0pt}{8mm}\rule{\linewidth}{0.5pt}\par\nopagebreak" + "\n"
ANSWER_SPACE = r"\par\nopagebreak" + "\n" + r"{\color{black!55}%" + "\n" + ANSWER_LINE * ANSWER_LINES + r"}\par\vspace{4mm}" + "\n"
USAGE = (
    'Exemples : make handout PAGES="effets-indesirables carte-patient"'
    ' QUESTIONS="effets-indesirables.3fa2c1" (codes des questions : voir _build/html/_static/livret-data.js) ;'
    " make handout LIVRET='<adresse de la page « Mon livret »>'"
)


class BookletError(SphinxError):
    category = "Livret"


def booklet_pages(value: str | Sequence[str]) -> list[str]:
    """Page names from ``-D termbase_booklet_pages`` (spaces or commas), in order, each once."""
    names = SEPARATORS.split(value) if isinstance(value, str) else [part for item in value for part in SEPARATORS.split(item)]
    names = [name.removesuffix(".md").removesuffix(".html") for name in names if name]
    return list(dict.fromkeys(names))


def question_ids(value: str | Sequence[str]) -> list[str]:
    """Question ids from ``-D termbase_booklet_questions`` (spaces or commas), in order, each once."""
    ids = SEPARATORS.split(value) if isinstance(value, str) else [part for item in value for part in SEPARATORS.split(item)]
    return list(dict.fromkeys(question for question in ids if question))


def booklet_choice(pages: str | Sequence[str], questions: str | Sequence[str], address: str) -> Choice:
    """The booklet asked for: PAGES and QUESTIONS, or LIVRET (an address), never both."""
    names, ids = booklet_pages(pages), question_ids(questions)
    if not address.strip():
        return Choice(tuple(names), tuple(ids))
    if names or ids:
        given = " et ".join(name for name, value in (("PAGES", names), ("QUESTIONS", ids)) if value)
        raise BookletError(
            f"LIVRET ne se combine pas avec {given} : l’adresse du livret porte déjà ses pages et ses questions."
            " Donnez soit LIVRET seul, soit PAGES et QUESTIONS."
        )
    choice = parse_address(address)
    if choice is None:
        raise BookletError(
            f"LIVRET ne contient pas de livret : « {address.strip()[:120]} ». L’adresse doit finir par « #p=…&q=… »,"
            " comme celle de la page « Mon livret » une fois le livret ouvert (copiez-la depuis la barre d’adresse"
            " ou le lien « lien vers ce livret »)."
        )
    return choice


def question_page(question_id: str) -> str:
    """The page a question id belongs to (``effets-indesirables.3fa2c1`` → ``effets-indesirables``)."""
    return question_id.rpartition(".")[0]


def check_pages(pages: Sequence[str], known: set[str], questions: Sequence[str] = ()) -> None:
    """Raise a usage error naming what is wrong and what is accepted (pages; the page of each question)."""
    if not pages and not questions:
        raise BookletError(f"aucune page ni question demandée pour le livret. {USAGE}")
    unknown = [name for name in pages if name not in known]
    if unknown:
        raise BookletError(
            f"page(s) inconnue(s) : {', '.join(unknown)}. Pages possibles : {', '.join(sorted(known))}. {USAGE}"
        )
    homeless = [question for question in questions if question_page(question) not in known]
    if homeless:
        raise BookletError(
            f"question(s) inconnue(s) : {', '.join(homeless)} (aucune page de ce nom). Une question s’écrit"
            f" « page.code », par exemple effets-indesirables.3fa2c1. {USAGE}"
        )


def check_questions(wanted: Sequence[str], offered: Sequence[Question]) -> list[Question]:
    """The questions asked for, in that order; a usage error naming those that do not exist,
    with the ids their pages offer."""
    by_id = {question.id: question for question in offered}
    unknown = [question for question in wanted if question not in by_id]
    if unknown:
        pages = {question_page(question) for question in unknown}
        choices = [f"{q.id} (« {q.text} »)" for q in offered if question_page(q.id) in pages]
        offer = ("Questions de ces pages : " + " ; ".join(choices) + ".") if choices else "Ces pages n’ont pas de question à cocher."
        raise BookletError(
            f"question(s) inconnue(s) : {', '.join(unknown)}. {offer} Une question dont le texte a changé"
            f" change de code : reprenez l’adresse de « Mon livret » ou les codes ci-dessus. {USAGE}"
        )
    return [by_id[question] for question in wanted]


def answer_block(number: int, question: Question, page_title: str) -> list[nodes.Node]:
    """One question of « Mes questions »: its text, its page, the lines for the answer."""
    text = f"{number}. {question.text}"
    asked = nodes.paragraph(classes=["termbase-livret-question-text"])
    asked += nodes.strong(text, text)
    source = FROM_PAGE + page_title
    where = nodes.paragraph(classes=["termbase-livret-from"])
    where += nodes.emphasis(source, source)
    return [
        nodes.raw("", QUESTION_NEEDSPACE, format="latex"),
        asked,
        where,
        nodes.raw("", ANSWER_SPACE, format="latex"),
    ]


def questions_section(chosen: Iterable[tuple[Question, str]]) -> nodes.section | None:
    """« Mes questions », numbered as the browser's list; ``None`` without questions."""
    chosen = list(chosen)
    if not chosen:
        return None
    section = titled_section(QUESTIONS_TITLE, QUESTIONS_ID)
    for number, (question, page_title) in enumerate(chosen, start=1):
        section.extend(answer_block(number, question, page_title))
    return section


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


def usage_error(error: BookletError) -> NoReturn:
    """Stop with one clear line and status 2 (a ``SphinxError`` would print a traceback)."""
    print(f"make handout : {error}", file=sys.stderr)
    raise SystemExit(2)


def site_tags(tags: Iterable[str], builder: Any) -> Tags:
    """The tags of an HTML build of the same project: the builder's own become ``html``'s."""
    own = {builder.format, builder.name, f"format_{builder.format}", f"builder_{builder.name}", "builder_handouts"}
    return Tags([tag for tag in tags if tag not in own] + ["html", "format_html", "builder_html"])


class BookletBuilder(HandoutsBuilder):
    """One LaTeX document, ``livret.tex``: the chosen questions, then the chosen pages."""

    name = "booklet"
    epilog = "Le livret LaTeX est dans %(outdir)s ; lancez « make -C %(outdir)s all-pdf » pour le PDF."

    def init(self) -> None:
        config = self.config
        try:
            self.booklet = booklet_choice(config.termbase_booklet_pages, config.termbase_booklet_questions, config.termbase_booklet_address)
            suffixes = list(self.config.source_suffix)
            check_pages(self.booklet.pages, source_docnames(Path(self.srcdir), suffixes), self.booklet.questions)
        except BookletError as error:
            usage_error(error)
        self.booklet_pages = list(self.booklet.pages)
        super().init()
        self.tags.add("builder_handouts")  # the pages' {only} blocks, as on their sheets

    def init_document_data(self) -> None:
        """Check the choice against the pages read, then one document, named after the first page
        (or the first question's page, for a booklet of questions only)."""
        try:
            check_pages(self.booklet_pages, set(self.env.found_docs), self.booklet.questions)
            self.booklet_questions = check_questions(self.booklet.questions, self.offered_questions())
        except BookletError as error:
            usage_error(error)
        first = self.booklet_pages[0] if self.booklet_pages else question_page(self.booklet_questions[0].id)
        author = self.config.latex_documents[0][3] if self.config.latex_documents else self.config.author
        self.document_data = [(first, f"{BASENAME}.tex", TITLE, author, "howto", False)]
        self.titles = []

    def offered_questions(self) -> list[Question]:
        """The questions of the pages the chosen questions belong to, as the site offers them: the
        same marking, on the page as the HTML build resolves it (its ``{only}`` blocks kept or
        dropped for HTML: the card page's questions are on the site only), so the same ids."""
        whole_pages = set(self.config.termbase_booklet_whole_pages)
        tags = site_tags(self.tags, self)
        offered: list[Question] = []
        # Every page resolvable, as on the site: a reference to a page outside the booklet would
        # keep its raw text (a citation its key, « larkin2015 », not « [Larkin et al., 2015] »).
        printed, self.docnames = self.docnames, set(self.env.found_docs)
        try:
            for docname in dict.fromkeys(question_page(question) for question in self.booklet.questions):
                doctree = self.env.get_doctree(docname)
                process_only_nodes(doctree, tags)
                self.env.apply_post_transforms(doctree, docname)
                offered += mark_questions(doctree, docname, docname in whole_pages)
        finally:
            self.docnames = printed
        return offered

    def page_title(self, docname: str) -> str:
        return str(self.env.metadata[docname].get("title") or self.env.titles[docname].astext())

    def assemble_doctree(self, indexfile: str, toctree_only: bool, appendices: list[str]) -> nodes.document:
        pages = self.booklet_pages
        questions = self.booklet_questions
        sources = cited_sources(self.env.get_domain("cite"), pages, self.config.termbase_handouts_bibtex_style)
        self.docnames = {*pages, *(source.docname for source in sources)}
        first = self.env.get_doctree(indexfile)
        tree = new_document("<livret>", first.settings)
        tree["docname"] = indexfile
        # The LaTeX writer takes the first title as the document's (the title block prints
        # « Mon livret »): give it one, so that every page keeps its own title.
        opening = nodes.section("", ids=["livret"])
        opening += nodes.title(TITLE, TITLE)
        tree += opening
        asked = questions_section((question, self.page_title(question_page(question.id))) for question in questions)
        if asked is not None:
            tree += asked
        targets: set[str] = set()
        has_card = False
        for docname in pages:
            page = first if docname == indexfile else self.env.get_doctree(docname)
            drop_toctrees(page)
            if card.is_card(self.env.metadata[docname].get("handout_layout")):
                has_card = card.lay_out_cards(page) or has_card
            targets |= printed_targets(page, docname)
            if asked is not None or docname != pages[0]:
                tree += nodes.raw("", r"\clearpage", format="latex")  # each page starts a sheet
            if docname == indexfile:  # the document's own labels are this page's already
                tree += top_section(page)
            else:
                wrapper = addnodes.start_of_file(docname=docname)
                wrapper += top_section(page)
                tree += wrapper
        used = set().union(*(glossary.get_usage(self.env).get(docname, set()) for docname in pages))
        entries = used_entries(glossary.get_entries(self.env), used)
        words = words_section(entries, {entry.slug: glossary.short_definition(entry) for entry in entries})
        if words is not None:
            words[0] = nodes.title(WORDS_TITLE, WORDS_TITLE)
        about = titled_section(ABOUT_TITLE, ABOUT_ID)
        # As the browser: the pages, then the pages of the questions.
        for docname in dict.fromkeys([*pages, *(question_page(question.id) for question in questions)]):
            about += review_paragraph(self.page_title(docname), self.env.metadata[docname])
        about += disclaimer_paragraph(find_disclaimer(Path(self.confdir), list(self.config.templates_path)))
        for section in (words, sources_section(sources), about):
            if section is not None:
                tree += section
        self.env.resolve_references(tree, indexfile, self)
        move_bibliography(tree)
        targets |= printed_targets(tree, indexfile)
        for reference in list(tree.findall(nodes.reference)):
            target = latex_target(reference.get("refuri", ""))
            if reference.get("termbase_slug") or (target is not None and target not in targets):
                unlink(reference)
        max_pages = self.config.termbase_handouts_max_pages * len(pages) + math.ceil(len(questions) / QUESTIONS_PER_SHEET)
        self.context["preamble"] = (
            self.sheet_preamble + (card.CARD_PREAMBLE if has_card else "") + f"\n\\renewcommand\\termbasemaxpages{{{max_pages}}}\n"
        )
        self.context["maketitle"] = title_block(self.config.project, self.summary(), self.config.latex_engine)
        return tree

    def summary(self) -> str:
        """« Pages choisies : A · B », and how many questions."""
        parts = []
        if self.booklet_pages:
            parts.append("Pages choisies\u00a0: " + " · ".join(self.page_title(docname) for docname in self.booklet_pages))
        if self.booklet_questions:
            count = len(self.booklet_questions)
            parts.append(f"{count}\u00a0question{'s' if count > 1 else ''}\u00a0à\u00a0poser")
        return " — ".join(parts)


def setup(app: Any) -> None:
    app.add_builder(BookletBuilder)
