"""termbase.tooltips.citation_cards: each citation link is described by a card (evidence, reference)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

NBSP = "\u00a0"
CARD = re.compile(
    r'<span class="termbase-cite"><a aria-describedby="(?P<id>cite-[^"]+)" class="reference internal" href="(?P<href>[^"]+)">(?P<label>.*?)</a>'
    r'<span role="tooltip" id="(?P=id)" class="termbase-tooltip" hidden>(?P<card>.*?)</span></span>'
)


def built(app: Any, docname: str) -> str:
    app.build()
    return (Path(app.outdir) / f"{docname}.html").read_text(encoding="utf-8")


@pytest.mark.sphinx("html", testroot="termbase-search")
def test_citation_link_is_described_by_a_card_with_evidence_then_reference(app: Any) -> None:
    found = [m.groupdict() for m in CARD.finditer(built(app, "freins"))]
    assert len(found) == 1
    card = found[0]
    assert card["id"] == "cite-valastyan2011"
    assert card["href"].startswith("bibliographie.html#")
    assert card["card"].startswith(f'<span class="termbase-card-evidence">Type de source{NBSP}: revue.</span> <span class="termbase-card-reference">')
    assert "Tumor metastasis: molecular insights and evolving paradigms" in card["card"]


@pytest.mark.sphinx("html", testroot="termbase-search")
def test_citation_link_loses_its_title_the_card_replaces_it(app: Any) -> None:
    html = built(app, "freins")
    link = re.search(r'<a aria-describedby="cite-[^>]*>', html)
    assert link and "title=" not in link.group()


@pytest.mark.sphinx("html", testroot="termbase-french-tooltips")
def test_entry_without_evidence_gets_a_card_with_the_reference_only(app: Any) -> None:
    html = built(app, "glossaire")
    cards = [m.group("card") for m in CARD.finditer(html)]
    assert cards, "the glossary cites its sources"
    assert all("termbase-card-evidence" not in card and "termbase-card-reference" in card for card in cards)


@pytest.mark.sphinx("latex", testroot="termbase-search")
def test_latex_output_has_no_card(app: Any) -> None:
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert "Type de source" not in tex and "cite-valastyan2011" not in tex


@pytest.mark.sphinx("html", testroot="termbase-search")
def test_a_source_cited_several_times_has_one_card_that_every_citation_points_to(app: Any) -> None:
    html = built(app, "glossaire")  # three entries cite valastyan2011
    described = re.findall(r'<a aria-describedby="(cite-[^"]+)"', html)
    assert described.count("cite-valastyan2011") == 3
    assert html.count('id="cite-valastyan2011"') == 1
