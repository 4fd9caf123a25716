"""The HTML side of printing: what a page shows under its title, and the print stylesheet.

Under the title of every HTML page, in this order:

- its review dates, when the front matter gives them (:mod:`termbase.handouts.review_line`); the
  glossary page, whose front matter has none, gives the range of its entries' ``reviewed`` dates;
- « Imprimer cette page », a button that prints the page with ``static/print.css``. It needs no
  PDF, so it is there after ``make html`` alone; ``static/termbase-print.js`` reveals it (without
  JavaScript the button could do nothing, so it stays hidden);
- for paper only, the page's published address when ``termbase_site_url`` is set (nothing
  otherwise: a local preview's ``127.0.0.1`` means nothing to the reader of a printout);
- « Version imprimable (PDF) », for a page that opts in, only when its sheet's PDF exists (in
  ``termbase_handouts_dir``) at the time the page is written. The same build copies every such
  PDF into ``<outdir>/<termbase_handouts_html_dir>/``: the link and its file come and go together.
  Whether a page's PDF existed is remembered in the environment at read time, so a later build
  re-writes the pages whose PDF appeared or vanished (``make handouts`` rebuilds the HTML after
  the PDFs).

``static/print.css`` is the stylesheet for readers who print a page from their browser.
"""

from __future__ import annotations

import posixpath
import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.util import logging

from termbase.envdata import kept_on_env

from .pages import handout_basename, handout_docnames, opts_in
from .review_line import NO_SEARCH, glossary_review_line, review_line

logger = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"  # termbase/handouts/static/
PRINT_CSS = "print.css"
PRINT_JS = "termbase-print.js"
LINK_TEXT = "Version imprimable (PDF)"
LINK_CLASS = "termbase-handout-link"
PRINT_TEXT = "Imprimer cette page"
PRINT_BUTTON_CLASS = "termbase-print-button"
TOOLS_CLASS = "termbase-page-tools"
ENV_ATTRIBUTE = "termbase_handout_pdfs"


def handouts_dir(app: Any) -> Path:
    """Absolute folder where ``make handouts`` leaves the PDFs."""
    return (Path(app.confdir) / app.config.termbase_handouts_dir).resolve()


def handout_pdf(app: Any, docname: str) -> Path:
    return handouts_dir(app) / f"{handout_basename(docname)}.pdf"


def recorded(env: Any) -> dict[str, bool]:
    """docname → whether the opted-in page's PDF existed when the page was last read."""
    return kept_on_env(env, ENV_ATTRIBUTE, dict)


def link_uri(page_uri: str, html_dir: str, docname: str) -> str:
    """Relative address of the sheet from the page (``fiches/x.pdf``, ``../fiches/x.pdf``…)."""
    target = f"{html_dir.strip('/')}/{handout_basename(docname)}.pdf"
    return posixpath.relpath(target, posixpath.dirname(page_uri) or ".")


def tools_paragraph(pdf_uri: str | None) -> nodes.paragraph:
    """The print button, then the link to the PDF sheet when there is one::

        <p class="termbase-page-tools no-search"><button …>Imprimer cette page</button>
        <a class="termbase-handout-link …" href="…">Version imprimable (PDF)</a></p>
    """
    paragraph = nodes.paragraph(classes=[TOOLS_CLASS, NO_SEARCH])
    paragraph += nodes.raw(
        "", f'<button type="button" class="{PRINT_BUTTON_CLASS}" hidden>{PRINT_TEXT}</button>', format="html"
    )
    if pdf_uri is not None:
        paragraph += nodes.Text(" ")
        paragraph += nodes.reference(LINK_TEXT, LINK_TEXT, refuri=pdf_uri, classes=["reference", "external", LINK_CLASS])
    return paragraph


ADDRESS_CLASS = "termbase-print-address"
ADDRESS_LABEL = "Adresse de cette page\u00a0: "


def address_paragraph(site_url: str, target_uri: str) -> nodes.paragraph | None:
    """« Adresse de cette page : <published address> », printed on paper only (print.css), or None
    while ``termbase_site_url`` is unset: never the address the page happened to be read at
    (``127.0.0.1`` in a preview, a ``file://`` path)."""
    if not site_url.strip():
        return None
    url = f"{site_url.strip().rstrip('/')}/{target_uri}"
    return nodes.paragraph("", ADDRESS_LABEL + url, classes=[ADDRESS_CLASS, NO_SEARCH])


def insert_after_title(doctree: nodes.document, paragraphs: list[nodes.paragraph]) -> None:
    """Right under the page's first heading, in order (at the top if the page has none)."""
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is not None and section.children and isinstance(section[0], nodes.title):
        section[1:1] = paragraphs
    else:
        doctree[0:0] = paragraphs


# -- Event handlers -------------------------------------------------------------------------------


def on_builder_inited(app: Any) -> None:
    """Ship print.css and termbase-print.js with HTML builds, from the package (no copy in the project)."""
    if app.builder.format == "html" and str(STATIC) not in map(str, app.config.html_static_path):
        app.config.html_static_path.append(str(STATIC))


def on_doctree_read(app: Any, doctree: nodes.document) -> None:
    docname = app.env.current_document.docname
    if opts_in(app.env.metadata.get(docname, {})):
        recorded(app.env)[docname] = handout_pdf(app, docname).is_file()


def on_env_get_outdated(app: Any, env: Any, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """Pages whose PDF appeared or vanished since they were last read."""
    return sorted(
        docname
        for docname, had_pdf in recorded(env).items()
        if docname in env.found_docs and handout_pdf(app, docname).is_file() != had_pdf
    )


def on_env_purge_doc(app: Any, env: Any, docname: str) -> None:
    recorded(env).pop(docname, None)


def on_env_merge_info(app: Any, env: Any, docnames: set[str], other: Any) -> None:
    theirs = recorded(other)
    recorded(env).update({docname: theirs[docname] for docname in docnames if docname in theirs})


def on_doctree_resolved(app: Any, doctree: nodes.document, docname: str) -> None:
    if app.builder.format != "html":
        return
    metadata = app.env.metadata.get(docname, {})
    pdf_uri = None
    if opts_in(metadata) and handout_pdf(app, docname).is_file():
        pdf_uri = link_uri(app.builder.get_target_uri(docname), app.config.termbase_handouts_html_dir, docname)
    review = review_line(metadata)
    if review is None:
        review = glossary_review(app, docname)
    address = address_paragraph(app.config.termbase_site_url, app.builder.get_target_uri(docname))
    paragraphs = [review, tools_paragraph(pdf_uri), address]
    insert_after_title(doctree, [paragraph for paragraph in paragraphs if paragraph is not None])


def glossary_review(app: Any, docname: str) -> nodes.paragraph | None:
    """The glossary page's review line, from its entries' dates (its own page has none)."""
    from termbase.envdata import termbase_data

    data = termbase_data(app.env)
    if docname not in data.glossary_docs:
        return None
    return glossary_review_line([entry.reviewed for entry in data.entries.values() if entry.reviewed is not None])


def on_build_finished(app: Any, exception: BaseException | None) -> None:
    """Copy the PDFs the pages link to into the HTML output."""
    if exception is not None or app.builder.format != "html":
        return
    destination = Path(app.outdir) / app.config.termbase_handouts_html_dir
    for docname in handout_docnames(app.env):
        pdf = handout_pdf(app, docname)
        if pdf.is_file():
            destination.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(pdf, destination / pdf.name)


def register(app: Any) -> None:
    app.add_css_file(PRINT_CSS)
    app.add_js_file(PRINT_JS, loading_method="defer")
    app.connect("builder-inited", on_builder_inited)
    app.connect("doctree-read", on_doctree_read)
    app.connect("env-get-outdated", on_env_get_outdated)
    app.connect("env-purge-doc", on_env_purge_doc)
    app.connect("env-merge-info", on_env_merge_info)
    app.connect("doctree-resolved", on_doctree_resolved)
    app.connect("build-finished", on_build_finished)
