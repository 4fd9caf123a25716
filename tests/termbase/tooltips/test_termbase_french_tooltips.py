"""termbase.tooltips.terms: term links described by a hidden tooltip holding the short definition."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from termbase.tooltips.terms import STATIC, TOOLTIP_CSS, TOOLTIP_JS

NBSP = "\u00a0"
SHORT_MICROMETASTASE = f"Petit foyer de cellules cancéreuses, invisible à l’imagerie{NBSP}: trop petit pour être vu."
FIRST_SENTENCE_METASTASE = "Tumeur secondaire née de cellules parties de la tumeur d’origine."
LINK = re.compile(r'<a aria-describedby="(?P<id>[^"]+)" class="reference internal" href="(?P<href>[^"]+)">(?P<text>.*?)</a>')
TOOLTIP = re.compile(r'<span role="tooltip" id="(?P<id>[^"]+)" class="termbase-tooltip" hidden>(?P<text>[^<]*)</span>')


def page_html(app: Any, docname: str = "page") -> str:
    app.build()
    return (Path(app.outdir) / f"{docname}.html").read_text(encoding="utf-8")


@pytest.mark.sphinx("html", testroot="termbase-french-tooltips")
def test_every_term_link_is_described_by_the_tooltip_that_follows_it(app: Any) -> None:
    html = page_html(app)
    links = [m.group("id") for m in LINK.finditer(html)]
    tooltips = [m.group("id") for m in TOOLTIP.finditer(html)]
    assert links == tooltips == ["tt-micrometastase-1", "tt-metastase-1", "tt-micrometastase-2", "tt-micrometastase-3"]


@pytest.mark.sphinx("html", testroot="termbase-french-tooltips")
def test_tooltip_holds_the_short_field_with_french_spacing(app: Any) -> None:
    tooltips = {m.group("id"): m.group("text") for m in TOOLTIP.finditer(page_html(app))}
    assert tooltips["tt-micrometastase-1"] == SHORT_MICROMETASTASE


@pytest.mark.sphinx("html", testroot="termbase-french-tooltips")
def test_tooltip_falls_back_to_the_first_sentence_of_the_definition(app: Any) -> None:
    tooltips = {m.group("id"): m.group("text") for m in TOOLTIP.finditer(page_html(app))}
    assert tooltips["tt-metastase-1"] == FIRST_SENTENCE_METASTASE


@pytest.mark.sphinx("html", testroot="termbase-french-tooltips")
def test_term_link_keeps_its_href_to_the_entry(app: Any) -> None:
    hrefs = {m.group("text"): m.group("href") for m in LINK.finditer(page_html(app))}
    assert hrefs['<span class="xref std std-term">micrométastases</span>'] == "glossaire.html#term-micrometastase"
    assert hrefs['<span class="xref std std-term">ces foyers</span>'] == "glossaire.html#term-micrometastase"


@pytest.mark.sphinx("html", testroot="termbase-french-tooltips")
def test_tooltip_ids_are_unique_in_every_page(app: Any) -> None:
    app.build()
    for page in Path(app.outdir).glob("*.html"):
        ids = re.findall(r'\bid="([^"]+)"', page.read_text(encoding="utf-8"))
        assert len(ids) == len(set(ids)), page.name


@pytest.mark.sphinx("html", testroot="termbase-french-tooltips")
def test_pages_load_the_tooltip_script_and_style(app: Any) -> None:
    html = page_html(app)
    assert re.search(rf'<script [^>]*defer="defer" src="_static/{re.escape(TOOLTIP_JS)}(\?v=\w+)?"></script>', html)
    assert re.search(rf'<link rel="stylesheet" type="text/css" href="_static/{re.escape(TOOLTIP_CSS)}(\?v=\w+)?" />', html)


@pytest.mark.sphinx("html", testroot="termbase-french-tooltips")
def test_tooltip_assets_are_copied_to_static_and_fetch_nothing(app: Any) -> None:
    app.build()
    for name in (TOOLTIP_JS, TOOLTIP_CSS):
        copied = Path(app.outdir) / "_static" / name
        assert copied.read_bytes() == (STATIC / name).read_bytes()
        assert not re.search(r"https?:|//[a-z]|@import|url\(", copied.read_text(encoding="utf-8")), name


def test_tooltip_script_is_small() -> None:
    # It also places tooltips in the window and handles touch and citation cards (was < 3 KB).
    assert (STATIC / TOOLTIP_JS).stat().st_size < 6 * 1024


def test_tooltip_style_hides_tooltips_in_print_and_respects_reduced_motion() -> None:
    css = (STATIC / TOOLTIP_CSS).read_text(encoding="utf-8")
    assert re.search(r"@media print\s*{\s*\.termbase-tooltip\s*{\s*display:\s*none", css)
    assert "prefers-reduced-motion: no-preference" in css
    assert 'html[data-theme="dark"] .termbase-tooltip' in css


@pytest.mark.sphinx("latex", testroot="termbase-french-tooltips")
def test_latex_output_has_plain_term_links_without_tooltips(app: Any) -> None:
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert "{micrométastases}" in tex
    assert "tt-micrometastase" not in tex


@pytest.mark.sphinx("text", testroot="termbase-french-tooltips")
def test_text_output_has_no_tooltip(app: Any) -> None:
    app.build()
    text = (Path(app.outdir) / "page.txt").read_text(encoding="utf-8")
    assert "Les *micrométastases* sont des *métastases* minuscules." in text
    assert "Petit foyer" not in text
