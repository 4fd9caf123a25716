"""« Signaler une erreur »: one configurable address, shown on every page, in the PDFs and in text.

A patient who finds a wrong or outdated sentence must be able to say so, and the guide must never
print an address nobody reads. So there is one configuration value, and nothing is shown without
it:

``termbase_report_error_url`` (str, default ``""``)
    Where readers report an error (a form, an issue tracker, a ``mailto:`` address). When set:
    the footer of every HTML page links to it (``_templates/disclaimer.html`` reads
    ``termbase_report_error_url`` from the page context), each handout's « À propos de cette
    fiche » and the guide PDF's title page (``\\termbasereporterror`` in ``maketitle``) print it,
    and the ``{report-error}`` role links its text to it. When empty: no link, no line, no
    address; the role's text stays plain.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.parsers.rst.states import Inliner

CONFIG = "termbase_report_error_url"
LINK_TEXT = "Signaler une erreur"
PRINTED_LABEL = "Signaler une erreur\u00a0: "
LATEX_MACRO = "termbasereporterror"


def report_url(config: Any) -> str:
    return str(getattr(config, CONFIG, "") or "").strip()


def report_paragraph(url: str) -> nodes.paragraph | None:
    """« Signaler une erreur : <address> » for printed sheets, or None without an address."""
    if not url:
        return None
    paragraph = nodes.paragraph(classes=["termbase-report-error"])
    paragraph += nodes.Text(PRINTED_LABEL)
    paragraph += nodes.reference(url, url.removeprefix("mailto:"), refuri=url)
    return paragraph


def latex_escape_url(url: str) -> str:
    """A URL inside ``\\url{}`` (hyperref): only %, # and the braces need care."""
    return url.replace("\\", "/").replace("%", "\\%").replace("#", "\\#").replace("{", "").replace("}", "")


def latex_macro(url: str) -> str:
    """``\\termbasereporterror``: the line on the guide's title page, or nothing."""
    if not url:
        return "\n\\providecommand{\\%s}{}\n" % LATEX_MACRO
    shown = latex_escape_url(url.removeprefix("mailto:"))
    return "\n\\providecommand{\\%s}{\\par\\vspace{1em}{\\small %s\\href{%s}{\\nolinkurl{%s}}\\par}}\n" % (
        LATEX_MACRO,
        PRINTED_LABEL.replace("\u00a0", "~"),
        latex_escape_url(url),
        shown,
    )


def on_config_inited(app: Any, config: Any) -> None:
    """Define ``\\termbasereporterror`` in the LaTeX preamble (empty without an address)."""
    elements = dict(config.latex_elements)
    elements["preamble"] = elements.get("preamble", "") + latex_macro(report_url(config))
    config.latex_elements = elements


def on_html_page_context(app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    context[CONFIG] = report_url(app.config)


def report_error_role(
    name: str, rawtext: str, text: str, lineno: int, inliner: Inliner, options: dict[str, Any] | None = None, content: list[str] | None = None
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{report-error}`text```: a link to the report address when set, else the text alone."""
    url = report_url(inliner.document.settings.env.config)
    if not url:
        return [nodes.Text(text)], []
    return [nodes.reference(rawtext, text, refuri=url, classes=["termbase-report-error-link"])], []


def register(app: Any) -> None:
    app.add_config_value(CONFIG, "", "env", types=frozenset({str}))
    app.connect("config-inited", on_config_inited)
    app.connect("html-page-context", on_html_page_context)
    app.add_role("report-error", report_error_role)
