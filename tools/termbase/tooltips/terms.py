"""Term links that show the entry's short definition on hover and keyboard focus.

A reader meeting a term should not have to leave the page to learn what it means. In HTML, every
link that the glossary half marked with ``node["termbase_slug"]`` becomes a
:class:`term_reference`: the same link (its ``href`` still leads to the entry, so it works with
JavaScript off), described by a hidden ``<span role="tooltip">`` holding the short definition
(``aria-describedby``, so screen readers read it). ``static/termbase-tooltips.js`` shows and hides
it (mouse, focus, Escape, and on a touch screen a first tap that shows it with a « Voir dans le
glossaire » link instead of leaving the page) and keeps it inside the window (above or below the
link, clear of the sticky top bar, clamped sideways, fixed so that a scrolling table cannot clip
it); ``static/termbase-tooltips.css`` styles it. Both are small local files: no request leaves the
site. Citation cards (:mod:`termbase.tooltips.citation_cards`) use the same node, script and style.

Tooltip ids are ``tt-<slug>-<n>`` (the n-th link to that entry in the page): unique per page and
identical from one build to the next.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from termbase.french.typography import french_spacing, is_french
from termbase.triage.tooltip_lines import action_lines

STATIC = Path(__file__).resolve().parent / "static"  # termbase/tooltips/static/
TOOLTIP_JS = "termbase-tooltips.js"
TOOLTIP_CSS = "termbase-tooltips.css"
TERM_WRAPPER = "termbase-term"
MORE_TERM = "Voir dans le glossaire"
MORE_CITE = "Voir dans la bibliographie"


class term_reference(nodes.reference):  # noqa: N801 - docutils node classes are lowercase
    """A link described by a hidden tooltip: a glossary term, or a citation (its card).

    ``termbase_tooltip`` is the tooltip's text, or a tuple of ``(css class, text)`` parts, each
    written as a ``<span>`` (a citation card: evidence, then reference), or None when an earlier
    link of the page holds the same tooltip; ``termbase_tooltip_id`` its id; ``termbase_wrapper`` the class of the wrapper, ``termbase-term`` unless set
    (``termbase-cite`` for citations, see :mod:`termbase.tooltips.citation_cards`).
    """


def tooltip_id(slug: str, occurrence: int) -> str:
    """The id of the *occurrence*-th (1-based) tooltip for *slug* in a page."""
    return f"tt-{slug}-{occurrence}"


class TermTooltips(SphinxPostTransform):
    """Turn marked term links into :class:`term_reference` nodes with their definition."""

    # After the glossary half marks resolved term links (priority ~20), before French spacing
    # (900), which must not see the definition text: it is not part of the document's Text.
    default_priority = 400
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        links = [node for node in self.document.findall(nodes.reference) if node.get("termbase_slug")]
        if not links:
            return
        definitions = _ShortDefinitions(self.env, french=is_french(self.config.language))
        occurrences: Counter[str] = Counter()
        for link in links:
            slug = link["termbase_slug"]
            definition = definitions.get(slug)
            if not definition:
                continue
            occurrences[slug] += 1
            replacement = term_reference(link.rawsource, "", *link.children, **link.attributes)
            replacement["termbase_tooltip"] = definition
            replacement["termbase_tooltip_id"] = tooltip_id(slug, occurrences[slug])
            link.replace_self(replacement)


class _ShortDefinitions:
    """Short definitions by slug, from the glossary half, computed once per page and slug; an entry
    a symptom of the triage table names in ``see_glossary`` ends with its action line
    (:func:`termbase.triage.action_lines`), which its own file never holds.

    The tooltip text is a node attribute, out of reach of the FrenchSpacing transform, so it is
    given French spacing here.
    """

    def __init__(self, env: Any, *, french: bool) -> None:
        from termbase import glossary  # the glossary half: imported late, it registers first

        self._glossary = glossary
        self._french = french
        self._entries = glossary.get_entries(env)
        self._actions = action_lines(env)
        self._cache: dict[str, str] = {}

    def get(self, slug: str) -> str:
        if slug not in self._cache:
            entry = self._entries.get(slug)
            text = self._glossary.short_definition(entry).strip() if entry is not None else ""
            if text and slug in self._actions:
                text = f"{text} {self._actions[slug]}"  # what to do, from the triage table
            self._cache[slug] = french_spacing(text) if self._french else text
        return self._cache[slug]


def visit_term_reference_html(self: Any, node: term_reference) -> None:
    """``<span class="termbase-term"><a … aria-describedby="tt-…">``: the link, described."""
    self.body.append(f'<span class="{self.attval(node.get("termbase_wrapper", TERM_WRAPPER))}">')
    start = len(self.body)
    self.visit_reference(node)
    link_tag = self.body[start]
    if link_tag.startswith("<a "):
        described = f'<a aria-describedby="{self.attval(node["termbase_tooltip_id"])}" '
        self.body[start] = described + link_tag[len("<a ") :]


def depart_term_reference_html(self: Any, node: term_reference) -> None:
    """Close the link, then the hidden tooltip right after it (so hovering it keeps it open)."""
    self.depart_reference(node)
    content = node["termbase_tooltip"]
    if content is None:  # described by a tooltip written after an earlier link
        self.body.append("</span>")
        return
    if isinstance(content, str):
        inner = self.encode(content)
    else:
        # Spaces between the parts: screen readers join the texts of the description as they are.
        inner = " ".join(f'<span class="{self.attval(css)}">{self.encode(text)}</span>' for css, text in content)
    self.body.append(f'<span role="tooltip" id="{self.attval(node["termbase_tooltip_id"])}" class="termbase-tooltip" hidden>{inner}</span></span>')


def visit_term_reference_plain(self: Any, node: term_reference) -> None:
    """Other writers never see these nodes (HTML-only transform); render a plain link anyway."""
    self.visit_reference(node)


def depart_term_reference_plain(self: Any, node: term_reference) -> None:
    self.depart_reference(node)


def add_static_path(app: Any) -> None:
    """Ship the JS/CSS with the HTML output, from the package (no copy in the project)."""
    if app.builder.format == "html":
        app.config.html_static_path.append(str(STATIC))


def register(app: Any) -> None:
    """Register the node, its writers, the transform and the static assets."""
    plain = (visit_term_reference_plain, depart_term_reference_plain)
    app.add_node(
        term_reference,
        html=(visit_term_reference_html, depart_term_reference_html),
        latex=plain,
        text=plain,
        man=plain,
        texinfo=plain,
    )
    app.add_post_transform(TermTooltips)
    # The labels of the link a tap adds to an open tooltip (the script itself knows no language).
    app.add_js_file(TOOLTIP_JS, loading_method="defer", **{"data-more-term": MORE_TERM, "data-more-cite": MORE_CITE})
    app.add_css_file(TOOLTIP_CSS)
    app.connect("builder-inited", add_static_path)
