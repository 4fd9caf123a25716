"""Citation previews: hovering, focusing or tapping « [Robert et al., 2015] » shows the reference
and how strong the evidence is, without leaving the page.

A patient reading « 40 % des patients » wants to know where it comes from and what kind of study
says so. Every citation link that sphinxcontrib-bibtex resolves in HTML becomes a
:class:`termbase.tooltips.terms.term_reference` described by a card:

- « Type de source : essai randomisé de phase 3, 945 patients. », from the entry's ``evidence`` and
  ``participants`` fields in ``references.bib`` (:func:`docscheck.records.evidence_label`, the
  vocabulary documented in ``docscheck.records.EVIDENCE_TYPES``); left out when the entry has none;
- the full reference, as sphinxcontrib-bibtex renders it for the link's ``title`` (the project's
  bibliography style, plain text). The ``title`` itself is dropped: the card replaces it, and a
  browser's own tooltip would cover the card.

The card is the same hidden ``<span role="tooltip">`` as the term tooltips, with the same script
and style (``static/termbase-tooltips.*``): shown on hover and focus, read by screen readers
through ``aria-describedby``, a first tap shows it with « Voir dans la bibliographie », no request
leaves the site. A page holds one card per source, ``id="cite-<key>"``, after its first citation;
later citations of that source point to the same card (``aria-describedby``) and the script moves
it next to the link being read: the glossary page cites the same sources hundreds of times.

Formatting happens once per citation and build (:func:`card_parts`, memoised in
:func:`cards_of`), never once per link.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from docscheck.records import evidence_label

from termbase.envdata import kept_on_env
from termbase.tooltips.terms import term_reference

CITE_WRAPPER = "termbase-cite"
EVIDENCE_CLASS = "termbase-card-evidence"
REFERENCE_CLASS = "termbase-card-reference"
EVIDENCE_PREFIX = "Type de source\u00a0: "
ENV_ATTRIBUTE = "termbase_citation_cards"


def card_parts(citation: Any) -> tuple[tuple[str, str], ...]:
    """The card of one sphinxcontrib-bibtex ``Citation``: evidence (if known), then the reference."""
    import pybtex.plugin

    formatted = citation.tooltip_entry or citation.formatted_entry
    plaintext = pybtex.plugin.find_plugin("pybtex.backends", "plaintext")()
    reference = " ".join(formatted.text.render(plaintext).replace("\\url ", "").split())
    fields = {name.lower(): value for name, value in citation.entry.fields.items()}
    label = evidence_label(fields)
    parts = ((EVIDENCE_CLASS, f"{EVIDENCE_PREFIX}{label}."),) if label else ()
    return (*parts, (REFERENCE_CLASS, reference))


def cards_of(env: Any) -> dict[str, tuple[tuple[str, str], ...]]:
    """Cards by citation id (the bibliography entry's HTML id), formatted on first use."""
    return kept_on_env(env, ENV_ATTRIBUTE, dict)


def forget_cards(app: Any, env: Any) -> None:
    """A new build may format entries differently (bib file, style): start afresh."""
    setattr(env, ENV_ATTRIBUTE, {})


class CitationPreviews(SphinxPostTransform):
    """Wrap every resolved citation link with its card."""

    # After Sphinx resolves references (sphinxcontrib-bibtex's citations, priority 10).
    default_priority = 410
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        groups = [node for node in self.document.findall(nodes.inline) if "bibtex-citation" in node["classes"]]
        if not groups:
            return
        citations = {citation.citation_id: citation for citation in self.env.get_domain("cite").citations}
        cards = cards_of(self.env)
        written: set[str] = set()
        for group in groups:
            for link in list(group.findall(nodes.reference)):
                target = link.get("refid") or link.get("refuri", "").rpartition("#")[2]
                citation = citations.get(target)
                if citation is None or isinstance(link, term_reference):
                    continue
                if target not in cards:
                    cards[target] = card_parts(citation)
                card_id = "cite-" + (nodes.make_id(citation.key) or "source")
                attributes = {name: value for name, value in link.attributes.items() if name != "reftitle"}
                preview = term_reference(link.rawsource, "", *link.children, **attributes)
                preview["termbase_tooltip"] = None if card_id in written else cards[target]
                preview["termbase_tooltip_id"] = card_id
                written.add(card_id)
                preview["termbase_wrapper"] = CITE_WRAPPER
                link.replace_self(preview)


def register(app: Any) -> None:
    """The node, script and style are the term tooltips' (registered by termbase.tooltips.terms)."""
    app.add_post_transform(CitationPreviews)
    app.connect("env-updated", forget_cards)
