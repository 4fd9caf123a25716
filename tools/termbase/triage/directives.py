"""The directives that show the triage table: ``triage-table``, ``triage-card`` and ``triage-guide``.

They produce plain docutils nodes (tables, paragraphs, lists, inline text with classes), so they
work in every builder: HTML, the LaTeX PDF and the handouts. Sources are cited with
sphinxcontrib-bibtex's own ``cite:p`` role, parsed in the page's syntax, so they land in the
page's bibliography and in its handout's « Sources citées ». A level is shown with a word (« TOUT
DE SUITE ») and its instruction, never colour alone: the HTML adds a border style and an icon per
level (``static/triage.css``), which survive grayscale printing.

- ``triage-table`` — « Signe | Que faire », one row per answer path of each symptom, then « Votre
  équipe peut vous donner d’autres consignes ; suivez-les. » and « En cas de doute, appelez. ».
  Options: ``:symptoms:`` (slugs, space-separated; default every symptom) and ``:family:`` (a
  treatment family: levels raised for it, no family rows).
- ``triage-card`` — the card's action lines grouped by level, tick boxes for the treatment
  family, « corticoïdes ou hormone de remplacement en cours »; option ``:symptoms:``.
- ``triage-guide`` — the interactive « Quand appeler ? » (:mod:`.guide`) above the complete table.
"""

from __future__ import annotations

from typing import Any

from docscheck.records import TRIAGE_FAMILIES, TRIAGE_LEVELS, TriageEntry
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import wording
from .entries import get_table, note_dependencies

logger = logging.getLogger(__name__)


class tick_box(nodes.Inline, nodes.TextElement):  # noqa: N801 - docutils node classes are lowercase
    """An empty box to tick by hand (☐ in HTML and text, ``$\\square$`` in LaTeX)."""


def visit_tick_box_html(translator: Any, node: tick_box) -> None:
    translator.body.append('<span class="triage-box" aria-hidden="true">☐</span>')
    raise nodes.SkipNode


def visit_tick_box_latex(translator: Any, node: tick_box) -> None:
    translator.body.append(r"$\square$")
    raise nodes.SkipNode


def visit_tick_box_text(translator: Any, node: tick_box) -> None:
    translator.add_text("[ ]")
    raise nodes.SkipNode


def level_node(level: str) -> nodes.inline:
    """« TOUT DE SUITE Appelez votre équipe tout de suite, de jour comme de nuit » with its classes."""
    node = nodes.inline(classes=["triage-level", f"triage-level-{level}"])
    tag = wording.LEVEL_TAGS[level]
    node += nodes.strong(tag, tag, classes=["triage-tag"])
    node += nodes.Text(" ")
    label = wording.level_label(level)
    node += nodes.inline(label, label, classes=["triage-action"])
    return node


def legend(*classes: str) -> nodes.paragraph:
    """« Que faire : URGENCE Appelez le 15 (ou le 112) · … »: on paper, rows show only the word."""
    paragraph = nodes.paragraph(classes=["triage-legend", *classes])
    paragraph += nodes.Text(wording.LEGEND + " ")
    for index, level in enumerate(reversed(TRIAGE_LEVELS)):
        if index:
            paragraph += nodes.Text(" · ")
        paragraph += level_node(level)
    return paragraph


class TriageDirective(SphinxDirective):
    """What the three directives share: the table of this build, option checks, citations."""

    has_content = False
    option_spec: dict[str, Any] = {"symptoms": directives.unchanged}

    def entries(self) -> list[TriageEntry]:
        note_dependencies(self.env)
        table = get_table(self.env)
        slugs = self.options.get("symptoms", "").split()
        for slug in slugs:
            if slug not in table.entries:
                logger.warning(
                    "triage: no usable symptom '%s' in %s; known: %s", slug, self.config.termbase_triage_dir,
                    ", ".join(table.entries) or "none", location=self.get_location(), type="termbase", subtype="triage",
                )  # fmt: skip
        return table.select(slugs)

    def family(self) -> str | None:
        family = self.options.get("family")
        if family and family not in TRIAGE_FAMILIES:
            logger.warning(
                "triage: unknown treatment family '%s'; the families are %s", family, ", ".join(TRIAGE_FAMILIES),
                location=self.get_location(), type="termbase", subtype="triage",
            )  # fmt: skip
            return None
        return family or None

    def citation(self, keys: tuple[str, ...]) -> list[nodes.Node]:
        """sphinxcontrib-bibtex's ``cite:p`` role on ``keys``, parsed as the page's syntax would."""
        if not keys:
            return []
        myst = hasattr(self.state, "_renderer")
        text = f"{{cite:p}}`{','.join(keys)}`" if myst else f":cite:p:`{','.join(keys)}`"
        parsed, messages = self.state.inline_text(text, self.lineno)
        return [*parsed, *messages]

    def fixed_lines(self, *extra: str) -> list[nodes.paragraph]:
        lines = [wording.MOST_URGENT, wording.OTHER_INSTRUCTIONS, *extra]
        result = [nodes.paragraph(text, text, classes=["triage-note"]) for text in lines]
        doubt = nodes.paragraph(classes=["triage-note", "triage-doubt"])
        doubt += nodes.strong(wording.WHEN_IN_DOUBT, wording.WHEN_IN_DOUBT)
        return [*result, doubt]

    def all_sources(self, entries: list[TriageEntry], family: str | None = None) -> nodes.paragraph:
        """Every source of the table in one line, for paper (see :class:`SourcesByFormat`)."""
        keys = dict.fromkeys(key for entry in entries for row in wording.rows(entry, family) for key in row.sources)
        line = nodes.paragraph(classes=["triage-sources-all"])
        line += nodes.Text(wording.TABLE_SOURCES + " ")
        line.extend(self.citation(tuple(keys)))
        return line

    def table(self, entries: list[TriageEntry], family: str | None = None) -> nodes.table:
        """« Signe | Que faire »: one row per path, a symptom's first row marked for a heavier rule."""
        table = nodes.table(classes=["triage-table"])
        group = nodes.tgroup(cols=2)
        table += group
        group += nodes.colspec(colwidth=45)
        group += nodes.colspec(colwidth=55)
        head = nodes.thead()
        header = nodes.row()
        for text in (wording.HEADER_SIGN, wording.HEADER_ACTION):
            header += nodes.entry("", nodes.paragraph(text, text))
        head += header
        group += head
        body = nodes.tbody()
        for entry in entries:
            for index, row in enumerate(wording.rows(entry, family)):
                classes = ["triage-row", f"triage-row-{row.level}", f"triage-key-{entry.slug}--{row.key}"]
                line = nodes.row(classes=[*classes, "triage-first"] if index == 0 else classes)
                sign = nodes.paragraph()
                sign += nodes.strong(row.symptom, row.symptom)
                if row.sign:
                    sign += nodes.Text(f", {row.sign}")
                line += nodes.entry("", sign)
                action = nodes.entry()
                action += nodes.paragraph("", "", level_node(row.level))
                cited = self.citation(row.sources)
                if cited:
                    sources = nodes.paragraph(classes=["triage-sources"])
                    sources += nodes.Text(wording.SOURCES + " ")
                    sources.extend(cited)
                    action += sources
                line += action
                body += line
        group += body
        return table


class TriageTable(TriageDirective):
    """``triage-table``: the table of some symptoms (or all), for every family or one."""

    option_spec = {"symptoms": directives.unchanged, "family": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        entries = self.entries()
        if not entries:
            return []
        container = nodes.container(classes=["triage-block"])
        container += legend("triage-paper-only")
        container += self.table(entries, self.family())
        container += self.all_sources(entries, self.family())
        container.extend(self.fixed_lines())
        return [container]


class TriageCard(TriageDirective):
    """``triage-card``: what to do, grouped by level, with the treatment to tick.

    A bank card cannot hold every row of the table, so each symptom appears once, by name, under the
    level it has when the reader cannot say more (:func:`wording.card_level`); the severe forms that
    raise a sign to the 15 are named in the table the card points to.
    """

    def run(self) -> list[nodes.Node]:
        entries = self.entries()
        card = nodes.container(classes=["triage-card"])
        treatment = nodes.paragraph(classes=["triage-card-families"])
        treatment += nodes.strong("Mon traitement", "Mon traitement")
        treatment += nodes.Text("\u00a0: ")
        for index, label in enumerate(wording.CARD_FAMILIES.values()):
            treatment += nodes.Text(" " if index else "")
            treatment += tick_box()
            treatment += nodes.Text(f"\u00a0{label}")
        card += treatment
        steroids = nodes.paragraph(classes=["triage-card-steroids"])
        steroids += tick_box()
        steroids += nodes.Text(f"\u00a0{wording.STEROIDS_LINE}")
        card += steroids
        groups = wording.card_groups(entries)
        for level in reversed(TRIAGE_LEVELS):
            names = groups.get(level)
            if not names:
                continue
            title = nodes.paragraph(classes=["triage-card-level"])
            title += level_node(level)
            title += nodes.Text("\u00a0:")
            card += title
            text = " · ".join(names)
            card += nodes.paragraph(text, text, classes=["triage-card-signs"])
            if level == "samu" and wording.has_severe_forms(entries):
                card += nodes.paragraph(wording.SEVERE_FORMS, wording.SEVERE_FORMS, classes=["triage-card-signs"])
        card.extend(self.fixed_lines())
        return [card]


class PaperTable(SphinxPostTransform):
    """On screen each row says its level in full and names its sources; on paper (the PDF and the
    handouts) a legend above the table says each level once, rows keep its word, and one line under
    the table names every source, so a long table keeps to a few pages. The directives write both,
    because one doctree serves every builder; this keeps what the output needs. HTML keeps both
    source forms: a phone shows the one line under the table (triage.css), a wider screen each row's."""

    default_priority = 5  # before the citations are resolved

    def run(self, **kwargs: Any) -> None:
        paper = self.app.builder.format == "latex"
        drop = {"triage-sources"} if paper else {"triage-paper-only"}
        for node in list(self.document.findall(nodes.paragraph)):
            if drop & set(node["classes"]):
                node.parent.remove(node)
        if paper:
            for table in self.document.findall(nodes.table):
                if "triage-table" in table["classes"]:
                    for label in list(table.findall(nodes.inline)):
                        if "triage-action" in label["classes"]:
                            label.parent.remove(label)


def setup(app: Any) -> None:
    skip_text = (visit_tick_box_text, None)
    app.add_node(tick_box, html=(visit_tick_box_html, None), latex=(visit_tick_box_latex, None), text=skip_text, man=skip_text, texinfo=skip_text)
    app.add_directive("triage-table", TriageTable)
    app.add_directive("triage-card", TriageCard)
    app.add_post_transform(PaperTable)
