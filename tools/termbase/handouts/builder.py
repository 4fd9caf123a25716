"""The ``handouts`` builder: one short LaTeX document per opted-in page, typeset like the full guide.

It is Sphinx's own LaTeX builder with three differences: the documents are the pages whose front
matter says ``handout: true`` (not ``latex_documents``); each document is one page plus the back
matter of :mod:`termbase.handouts.backmatter`; and the LaTeX elements of ``conf.py`` are reused
with only what a two-to-four-page sheet must change (``howto`` class, no table of contents, no
index, no chapter headings, no section numbers, a compact title block with the page's summary).
Everything else (fonts, babel French, geometry, bibliography style, SVG figures as vectors, the
Makefile and latexmkrc that ``make all-pdf`` uses) is inherited, so the sheets match the guide.

Links cannot leave a sheet: references to other pages already fall back to their text (Sphinx's
``NoUri``), and :func:`unlink_outside_targets` turns any link left whose target is not printed
on the sheet (term links, links to the bibliography page) into plain text, so LaTeX never
prints a dangling reference.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.builders.latex import LaTeXBuilder
from sphinx.builders.latex.nodes import thebibliography
from sphinx.util import logging, texescape

from termbase import glossary
from . import card
from .backmatter import SOURCES_ID, about_section, cited_sources, sources_section, used_entries, words_section
from .disclaimer import find_disclaimer
from .report_error import report_url
from .pages import handout_basename, handout_docnames, review_date

logger = logging.getLogger(__name__)

#: LaTeX of the title block; ``\\@title`` comes from the page title, the summary from its description.
TITLE_BLOCK = r"""\makeatletter
\begin{center}
  {\sffamily\LARGE\bfseries \@title\par}
  \vspace{0.5em}
%(summary)s  {\small\sffamily %(project)s\,\textendash\,fiche à emporter\par}
\end{center}
\vspace{0.5em}
\makeatother
\termbasesheetsize
"""

#: Added after conf.py's preamble: no section numbers; the bibliography list, in a smaller type and
#: two columns, carries no heading of its own (article's ``thebibliography`` opens
#: ``\section*{\refname}``; the sheet has its own « Sources citées » title). Headings keep less
#: space around them than in the guide, figures take at most a third of the page: a sheet handed
#: over in a consultation must stay short without cutting any of its text.
#:
#: Long sheets are set at 10 pt. LaTeX measures, no estimate: each run writes to the ``.aux`` how
#: many pages the sheet fills at 11 pt (a compact run passes the measured value on), and the next
#: run sets the body in ``\small`` when that passed the limit. latexmk reruns until the ``.aux``
#: is stable, and :meth:`HandoutsBuilder.write_documents` deletes the ``.aux`` of every sheet whose
#: source changed, so the choice is always measured on the current text, never left over.
HANDOUT_PREAMBLE = r"""
%% -- termbase handouts ------------------------------------------------------------------------
\usepackage{multicol}
\setcounter{secnumdepth}{0}
\renewenvironment{sphinxthebibliography}[1]
  {\begingroup\footnotesize\raggedright\setlength{\columnsep}{1.5em}\begin{multicols}{2}\renewcommand{\section}[2]{}%%
   \begin{thebibliography}{#1}\setlength{\itemsep}{0.2em}}
  {\end{thebibliography}\end{multicols}\endgroup}
%% Addresses in two narrow columns: let them break after hyphens too.
\expandafter\def\expandafter\UrlBreaks\expandafter{\UrlBreaks\do\-}
\titlespacing*{\section}{0pt}{1.6ex plus 0.6ex minus 0.2ex}{0.6ex plus 0.2ex}
\titlespacing*{\subsection}{0pt}{1.3ex plus 0.5ex minus 0.2ex}{0.4ex plus 0.2ex}
\titlespacing*{\subsubsection}{0pt}{1.1ex plus 0.4ex minus 0.2ex}{0.3ex plus 0.1ex}
\makeatletter
%% Figures at most a third of the page high (Sphinx scales them down keeping their proportions).
\AtBeginDocument{\spx@image@maxheight=0.3\textheight}
%% Pages the sheet fills at the normal size, as measured by the previous run (0: not measured yet).
\gdef\termbase@normalpages{0}
\newcommand\termbasenormalpages[1]{\gdef\termbase@normalpages{#1}}
\newif\iftermbasecompact
\newcommand\termbasemaxpages{%(max_pages)d}
\AtBeginDocument{\ifnum\termbase@normalpages>\termbasemaxpages\relax\termbasecompacttrue\fi}
\AtEndDocument{\clearpage\immediate\write\@auxout{\string\termbasenormalpages{%%
  \iftermbasecompact\termbase@normalpages\else\the\numexpr\c@page-1\relax\fi}}}
\makeatother
%% Put at the start of the body: a long sheet is set at 10 pt on 11.5 pt lines.
\newcommand\termbasesheetsize{\iftermbasecompact\linespread{0.96}\small\fi}
"""

#: Margins of a sheet, narrower than the bound guide's (appended to conf.py's ``sphinxsetup``: the
#: last value of a key wins).
HANDOUT_MARGINS = "hmargin={1.8cm,1.8cm}, vmargin={1.8cm,2cm}"


def handout_latex_elements(latex_elements: dict[str, str], max_pages: int = 5) -> dict[str, str]:
    """The guide's LaTeX elements with what a short sheet must change (title block set per page)."""
    return {
        "tableofcontents": "",
        "printindex": "",
        "makeindex": "",
        "fncychap": "",
        "extraclassoptions": "",  # the guide's "openany" means nothing to the article-based howto class
        "preamble": latex_elements.get("preamble", "") + HANDOUT_PREAMBLE % {"max_pages": max_pages},
        "sphinxsetup": ", ".join(part for part in (latex_elements.get("sphinxsetup", ""), HANDOUT_MARGINS) if part),
    }


def title_block(project: str, summary: str, latex_engine: str) -> str:
    """The compact title block of one sheet: title, one-line summary, the guide's name."""
    summary_line = f"  {{\\large\\itshape {texescape.escape(summary, latex_engine)}\\par}}\n  \\vspace{{0.4em}}\n" if summary else ""
    return TITLE_BLOCK % {"summary": summary_line, "project": texescape.escape(project, latex_engine)}


def top_section(tree: nodes.document) -> nodes.Element:
    """The page's title section (where the back matter goes), or the document itself."""
    return next((child for child in tree.children if isinstance(child, nodes.section)), tree)


def drop_toctrees(tree: nodes.document) -> None:
    """A sheet is one page: toctrees (and their wrappers) would pull in or point to others."""
    for toctree in list(tree.findall(addnodes.toctree)):
        wrapper = toctree.parent
        if isinstance(wrapper, nodes.compound) and "toctree-wrapper" in wrapper.get("classes", []):
            wrapper.parent.remove(wrapper)
        else:
            toctree.parent.remove(toctree)


def printed_targets(tree: nodes.document, docname: str) -> set[str]:
    """LaTeX labels (``doc:id``) the sheet defines; citations keep the docname of their page."""
    targets = set()
    for node in tree.findall(nodes.Element):
        owner = node.get("docname", docname) if isinstance(node, nodes.citation) else docname
        targets.update(f"{owner}:{node_id}" for node_id in node.get("ids", []))
    return targets


def latex_target(refuri: str) -> str | None:
    """The label a ``%doc#id`` (or ``%doc``) reference points to, as the LaTeX writer computes it."""
    if not refuri.startswith("%"):
        return None
    return refuri[1:].replace("#", ":") if "#" in refuri else refuri[1:] + "::doc"


def unlink(reference: nodes.reference) -> None:
    """Keep a link's text, drop the link."""
    reference.replace_self(nodes.inline("", "", *reference.children))


def unlink_outside_targets(tree: nodes.document, docname: str) -> None:
    """Term links and links whose target is not on the sheet become plain text."""
    targets = printed_targets(tree, docname)
    for reference in list(tree.findall(nodes.reference)):
        target = latex_target(reference.get("refuri", ""))
        if reference.get("termbase_slug") or (target is not None and target not in targets):
            unlink(reference)


def move_bibliography(tree: nodes.document) -> None:
    """Put the list Sphinx gathers at the end of the document back under « Sources citées »."""
    section = next((node for node in tree.findall(nodes.section) if SOURCES_ID in node["ids"]), None)
    for bibliography in list(tree.findall(thebibliography)):
        if section is not None:
            bibliography.parent.remove(bibliography)
            section += bibliography


class HandoutsBuilder(LaTeXBuilder):
    """LaTeX sources of one printable sheet per page with ``handout: true``."""

    name = "handouts"
    epilog = "Les fiches LaTeX sont dans %(outdir)s ; lancez « make -C %(outdir)s all-pdf » pour les PDF."

    def init_context(self) -> None:
        super().init_context()
        self.context.update(handout_latex_elements(self.config.latex_elements, self.config.termbase_handouts_max_pages))
        self.sheet_preamble = self.context["preamble"]

    def init_document_data(self) -> None:
        """One ``howto`` document per opted-in page, named after it; stale sheets are removed."""
        self.document_data = []
        self.titles = []
        author = self.config.latex_documents[0][3] if self.config.latex_documents else self.config.author
        for docname in handout_docnames(self.env):
            title = str(self.env.metadata[docname].get("title") or self.env.titles[docname].astext())
            self.document_data.append((docname, handout_basename(docname) + ".tex", title, author, "howto", False))
        if not self.document_data:
            logger.info("termbase: aucune page n’a « handout: true » dans son en-tête ; aucune fiche à écrire")
        remove_stale_sheets(Path(self.outdir), (entry[1] for entry in self.document_data))

    def write_documents(self, docnames: Any) -> None:
        """Write the sheets; a sheet whose source changed loses its ``.aux`` (see HANDOUT_PREAMBLE).

        Sphinx rewrites a ``.tex`` only when its text changed, and latexmk then reruns LaTeX; the
        ``.aux`` still holds the page count measured on the old text, which would decide the type
        size of the new one. Without it, LaTeX measures again.
        """
        outdir = Path(self.outdir)
        before = {entry[1]: _read_bytes(outdir / entry[1]) for entry in self.document_data}
        super().write_documents(docnames)
        for name, old in before.items():
            if _read_bytes(outdir / name) != old:
                (outdir / name).with_suffix(".aux").unlink(missing_ok=True)

    def assemble_doctree(self, indexfile: str, toctree_only: bool, appendices: list[str]) -> nodes.document:
        """The page alone, then its words, its sources and the « À propos » block, resolved.

        A page with ``handout_layout: card`` gets its faces laid out as a cut-out card
        (:mod:`termbase.handouts.card`) and no words section.
        """
        docname = indexfile
        tree = self.env.get_doctree(docname)
        tree["docname"] = docname
        drop_toctrees(tree)
        sources = cited_sources(self.env.get_domain("cite"), docname, self.config.termbase_handouts_bibtex_style)
        # Citations link into the bibliography page: let those links resolve, to the copies below.
        self.docnames = {docname, *(source.docname for source in sources)}
        metadata = self.env.metadata[docname]
        # A card sheet is one page: the card and its instructions, no words section.
        is_card = card.is_card(metadata.get("handout_layout")) and card.lay_out_cards(tree)
        self.context["preamble"] = self.sheet_preamble + (card.CARD_PREAMBLE if is_card else "")
        used = set() if is_card else glossary.get_usage(self.env).get(docname, set())
        entries = used_entries(glossary.get_entries(self.env), used)
        definitions = {entry.slug: glossary.short_definition(entry) for entry in entries}
        body = top_section(tree)
        back_matter = (
            words_section(entries, definitions),
            sources_section(sources),
            about_section(
                (review_date(metadata, "last_reviewed"), review_date(metadata, "next_review")),
                self.config.termbase_site_url,
                docname,
                find_disclaimer(Path(self.confdir), list(self.config.templates_path)),
                report_url(self.config),
            ),
        )
        for section in back_matter:
            if section is not None:
                body += section
        self.env.resolve_references(tree, docname, self)
        move_bibliography(tree)
        unlink_outside_targets(tree, docname)
        summary = " ".join(str(metadata.get("description", "")).split())
        self.context["maketitle"] = title_block(self.config.project, summary, self.config.latex_engine)
        return tree


def _read_bytes(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None


def remove_stale_sheets(outdir: Path, current: Iterable[str]) -> None:
    """Delete ``.tex`` sheets of pages that no longer opt in (``make all-pdf`` builds every one)."""
    keep = set(current)
    if outdir.is_dir():
        for path in outdir.glob("*.tex"):
            if path.name not in keep:
                path.unlink()
