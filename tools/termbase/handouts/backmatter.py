"""What a handout adds after the page's own text: its words, its sources, and where it comes from.

A handout leaves the guide behind, so it must carry what the links used to give: the definitions
of the glossary terms the page uses (and only those, so the sheet stays short), the references the
page cites (and only those), when the text was last reviewed, where the up-to-date version lives,
and the same medical disclaimer as the site.

The citation nodes are built exactly as sphinxcontrib-bibtex builds them for the bibliography page
(same ids, labels and formatted entries), so the page's ``{cite}`` references resolve to them and
the list looks like the full guide's bibliography.
"""

from __future__ import annotations

import copy
import datetime as _dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pybtex.plugin
from docutils import nodes

from docscheck.records import GlossaryEntry

from termbase.french.dates import french_date


WORDS_TITLE = "Les mots de cette fiche"
SOURCES_TITLE = "Sources citées"
ABOUT_TITLE = "À propos de cette fiche"
WORDS_ID = "handout-mots"
SOURCES_ID = "handout-sources"
ABOUT_ID = "handout-a-propos"


def titled_section(title: str, section_id: str) -> nodes.section:
    """An unnumbered section with a stable id (the LaTeX writer turns ids into labels)."""
    section = nodes.section("", ids=[section_id], names=[section_id])
    section += nodes.title(title, title)
    return section


# -- Mini-glossary ------------------------------------------------------------------------------------


def used_entries(entries: Mapping[str, GlossaryEntry], used: Iterable[str]) -> list[GlossaryEntry]:
    """The entries among ``used`` slugs, in the order of ``entries`` (termbase keeps French order)."""
    wanted = set(used)
    return [entry for slug, entry in entries.items() if slug in wanted]


#: From this many terms on, the words are set in three columns rather than two.
THREE_COLUMNS_FROM = 13


def word_columns(count: int) -> int:
    """Columns of the words section: two for a short list (three would look empty), else three."""
    return 3 if count >= THREE_COLUMNS_FROM else 2


def words_section(entries: Sequence[GlossaryEntry], definitions: Mapping[str, str]) -> nodes.section | None:
    """« Les mots de cette fiche »: one « **terme** : définition » paragraph per term.

    Run-in paragraphs in columns and a smaller type, rather than a definition list: a page may
    use fifty terms, and the sheet must stay within five pages. Three ragged-right columns once
    the list is long (:func:`word_columns`), like a dictionary.
    """
    if not entries:
        return None
    section = titled_section(WORDS_TITLE, WORDS_ID)
    section += nodes.raw("", rf"\begin{{multicols}}{{{word_columns(len(entries))}}}\footnotesize\raggedright", format="latex")
    for entry in entries:
        definition = definitions.get(entry.slug, "")
        paragraph = nodes.paragraph(classes=["termbase-handout-word"])
        paragraph += nodes.strong(entry.term, entry.term)
        paragraph += nodes.Text(f"\u00a0: {definition}" if definition else "")
        section += paragraph
    section += nodes.raw("", r"\end{multicols}", format="latex")
    return section


# -- Sources ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CitedSource:
    """One reference of the page: the citation node to print and the page that owns its target."""

    key: str
    node: nodes.citation
    docname: str


def cited_keys(domain: Any, docname: str) -> list[str]:
    """Keys the page cites, in order of first citation, without repeats."""
    keys: dict[str, None] = {}
    for ref in domain.citation_refs:
        if ref.docname == docname:
            for target in ref.targets:
                keys.setdefault(target.key, None)
    return list(keys)


def sheet_labels(labels: Sequence[str]) -> list[str]:
    """Numeric labels renumbered 1…n (the guide's [7], [23] mean nothing on a sheet); others kept."""
    if all(label.isdigit() for label in labels):
        return [str(number) for number in range(1, len(labels) + 1)]
    return list(labels)


def cited_sources(domain: Any, docname: str | Sequence[str], style_name: str = "") -> list[CitedSource]:
    """Citation nodes for the keys the page (or pages: a booklet) cites, in the order of the guide's bibliography.

    Mirrors sphinxcontrib-bibtex: a key resolves to the citation a ``{cite}`` role would link to
    (the last ``citation``-style bibliography listing it), and the node is built as its
    ``BibliographyTransform`` builds it, so labels and formatting match the full guide. With
    *style_name* (a pybtex formatting style), the entries are formatted again in that style,
    e.g. with shorter author lists for a two-page sheet.
    """
    from sphinxcontrib.bibtex.transforms import BibliographyTransform, node_text_transform

    docnames = [docname] if isinstance(docname, str) else list(docname)
    wanted = {key for name in docnames for key in cited_keys(domain, name)}
    chosen = {
        citation.key: citation
        for citation in domain.citations
        if citation.key in wanted and domain.bibliographies[citation.bibliography_key].list_ == "citation"
    }
    order = {citation.key: index for index, citation in enumerate(domain.citations) if citation.key in chosen}
    keys = sorted(chosen, key=order.__getitem__)
    labels = sheet_labels([chosen[key].formatted_entry.label for key in keys])
    sources = []
    for key, label in zip(keys, labels, strict=True):
        citation = chosen[key]
        bibliography = domain.bibliographies[citation.bibliography_key]
        node = copy.deepcopy(bibliography.citation_nodes[key])
        node += nodes.label("", label, support_smartquotes=False)
        formatted = citation.formatted_entry
        if style_name:
            style = pybtex.plugin.find_plugin("pybtex.style.formatting", style_name)()
            formatted = style.format_entry(formatted.label, citation.entry)
        node += BibliographyTransform.backend.paragraph(formatted)
        node["docname"] = citation.bibliography_key.docname
        node[-1].insert(0, latex_label(node["docname"], node["ids"][0]))
        node["backrefs"] = []
        node_text_transform(node)
        sources.append(CitedSource(key, node, citation.bibliography_key.docname))
    return sources


def latex_label(docname: str, node_id: str) -> nodes.raw:
    """A LaTeX label for a citation: ``\\bibitem`` defines none, and ``{cite}`` links need one."""
    return nodes.raw("", rf"\phantomsection\label{{\detokenize{{{docname}:{node_id}}}}}", format="latex")


def sources_section(sources: Sequence[CitedSource]) -> nodes.section | None:
    """« Sources citées »: the page's references only (LaTeX gathers them into thebibliography)."""
    if not sources:
        return None
    section = titled_section(SOURCES_TITLE, SOURCES_ID)
    for source in sources:
        section += source.node
    return section


# -- Review dates, address, disclaimer ----------------------------------------------------------------


def review_paragraph(last: _dt.date | None, upcoming: _dt.date | None) -> nodes.paragraph | None:
    """« Relue le … ; prochaine relecture prévue le … » (either part may be missing)."""
    parts = []
    if last is not None:
        parts.append(f"Fiche relue le {french_date(last)}")
    if upcoming is not None:
        parts.append(f"prochaine relecture prévue le {french_date(upcoming)}" if parts else f"Prochaine relecture prévue le {french_date(upcoming)}")
    if not parts:
        return None
    text = "\u202f; ".join(parts) + "."
    return nodes.paragraph(text, text, classes=["termbase-handout-review"])


def page_url(site_url: str, docname: str) -> str:
    """Published address of a page (``html`` builder layout) under the site's address."""
    return f"{site_url.rstrip('/')}/{docname}.html"


def address_paragraph(site_url: str, docname: str) -> nodes.paragraph | None:
    """Where the reader finds the current version of the page, as printed text and link."""
    if not site_url.strip():
        return None
    url = page_url(site_url.strip(), docname)
    paragraph = nodes.paragraph(classes=["termbase-handout-address"])
    paragraph += nodes.Text("Version en ligne, tenue à jour\u00a0: ")
    paragraph += nodes.reference(url, url, refuri=url)
    return paragraph


def disclaimer_paragraph(runs: Sequence[tuple[str, bool]]) -> nodes.paragraph:
    """The disclaimer, keeping its bold runs."""
    paragraph = nodes.paragraph(classes=["termbase-handout-disclaimer"])
    for text, bold in runs:
        paragraph += nodes.strong(text, text) if bold else nodes.Text(text)
    return paragraph


def about_section(
    review: tuple[_dt.date | None, _dt.date | None],
    site_url: str,
    docname: str,
    disclaimer: Sequence[tuple[str, bool]],
    report_url: str = "",
) -> nodes.section:
    """« À propos de cette fiche »: review dates, online address, where to report an error, disclaimer."""
    from .report_error import report_paragraph

    section = titled_section(ABOUT_TITLE, ABOUT_ID)
    for paragraph in (review_paragraph(*review), address_paragraph(site_url, docname), report_paragraph(report_url), disclaimer_paragraph(disclaimer)):
        if paragraph is not None:
            section += paragraph
    return section
