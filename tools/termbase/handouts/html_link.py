"""The HTML side of handouts: a « Version imprimable (PDF) » link that is never dead, and print CSS.

A page links to its sheet only when the sheet's PDF exists (in ``termbase_handouts_dir``) at the
time the page is written, and the same build copies every such PDF into
``<outdir>/<termbase_handouts_html_dir>/``: the link and its file come and go together. Whether a
page's PDF existed is remembered in the environment at read time, so a later build re-writes the
pages whose PDF appeared or vanished (``make handouts`` rebuilds the HTML after the PDFs).

``static/print.css`` is the stylesheet for readers who print a page from their browser.
"""

from __future__ import annotations

import posixpath
import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.util import logging

from .pages import handout_basename, handout_docnames, opts_in

logger = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parents[1] / "static"  # termbase/static/, shared by every part
PRINT_CSS = "print.css"
LINK_TEXT = "Version imprimable (PDF)"
LINK_CLASS = "termbase-handout-link"
ENV_ATTRIBUTE = "termbase_handout_pdfs"


def handouts_dir(app: Any) -> Path:
    """Absolute folder where ``make handouts`` leaves the PDFs."""
    return (Path(app.confdir) / app.config.termbase_handouts_dir).resolve()


def handout_pdf(app: Any, docname: str) -> Path:
    return handouts_dir(app) / f"{handout_basename(docname)}.pdf"


def recorded(env: Any) -> dict[str, bool]:
    """docname → whether the opted-in page's PDF existed when the page was last read."""
    data = getattr(env, ENV_ATTRIBUTE, None)
    if not isinstance(data, dict):
        data = {}
        setattr(env, ENV_ATTRIBUTE, data)
    return data


def link_uri(page_uri: str, html_dir: str, docname: str) -> str:
    """Relative address of the sheet from the page (``fiches/x.pdf``, ``../fiches/x.pdf``…)."""
    target = f"{html_dir.strip('/')}/{handout_basename(docname)}.pdf"
    return posixpath.relpath(target, posixpath.dirname(page_uri) or ".")


def link_paragraph(uri: str) -> nodes.paragraph:
    """``<p class="termbase-handout-link"><a href="…">Version imprimable (PDF)</a></p>``."""
    paragraph = nodes.paragraph(classes=[LINK_CLASS])
    paragraph += nodes.reference(LINK_TEXT, LINK_TEXT, refuri=uri, classes=["reference", "external"])
    return paragraph


def insert_after_title(doctree: nodes.document, paragraph: nodes.paragraph) -> None:
    """Right under the page's first heading (at the top if the page has none)."""
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is not None and section.children and isinstance(section[0], nodes.title):
        section.insert(1, paragraph)
    else:
        doctree.insert(0, paragraph)


# -- Event handlers -------------------------------------------------------------------------------


def on_builder_inited(app: Any) -> None:
    """Ship print.css with HTML builds, from the package (no copy in the project)."""
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
    if app.builder.format != "html" or not opts_in(app.env.metadata.get(docname, {})):
        return
    if handout_pdf(app, docname).is_file():
        uri = link_uri(app.builder.get_target_uri(docname), app.config.termbase_handouts_html_dir, docname)
        insert_after_title(doctree, link_paragraph(uri))


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
    app.connect("builder-inited", on_builder_inited)
    app.connect("doctree-read", on_doctree_read)
    app.connect("env-get-outdated", on_env_get_outdated)
    app.connect("env-purge-doc", on_env_purge_doc)
    app.connect("env-merge-info", on_env_merge_info)
    app.connect("doctree-resolved", on_doctree_resolved)
    app.connect("build-finished", on_build_finished)
