"""The real site, built with -n -W --keep-going: French, offline, with its disclaimer and typography."""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

import pytest

from conftest import DOCS, sphinx_build
from html_pages import is_external, parse_page

pytestmark = pytest.mark.slow

CONTENT_PAGES_MIN = 12


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.parts)


def test_site_builds_with_every_content_page(site_html: Path) -> None:
    sources = sorted(p.stem for p in DOCS.glob("*.md"))
    built = {p.stem for p in site_html.glob("*.html")}
    assert set(sources) <= built
    assert len(sources) >= CONTENT_PAGES_MIN + 3, "at least 12 content pages plus index, glossary and bibliography"


def test_every_page_declares_french(site_html: Path) -> None:
    wrong = [p.name for p in html_pages(site_html) if parse_page(p).html_lang != "fr"]
    assert wrong == []


def test_every_page_shows_the_medical_disclaimer_in_its_footer(site_html: Path) -> None:
    for page in html_pages(site_html):
        footer = parse_page(page).footer_text
        assert "ne remplace pas l’avis de votre équipe soignante" in footer, page.name
        assert "15 ou le 112" in footer, page.name


def test_no_page_loads_anything_from_outside_the_site(site_html: Path) -> None:
    external = {
        (page.name, url)
        for page in html_pages(site_html)
        for url in parse_page(page).resources
        if is_external(url)
    }
    assert external == set()


def test_stylesheets_import_nothing_from_outside(site_html: Path) -> None:
    pattern = re.compile(r"""(?:@import\s+(?:url\()?|url\()\s*['"]?((?:https?:)?//[^'")\s]+)""")
    found = {
        (css.name, match)
        for css in site_html.rglob("*.css")
        for match in pattern.findall(css.read_text(encoding="utf-8", errors="replace"))
    }
    assert found == set()


def test_french_spacing_before_high_punctuation(site_html: Path) -> None:
    texts = [parse_page(p).text for p in html_pages(site_html)]
    joined = "\n".join(texts)
    assert "\u202f?" in joined and "\u00a0:" in joined
    assert "«\u00a0" in joined and "\u00a0»" in joined
    # A plain space before ? ! ; or inside guillemets is a missed non-breaking space.
    offenders = [m.group(0) for t in texts for m in re.finditer(r"\w+ [?!;»]|« \w+", t)]
    assert offenders == []


def test_apostrophes_are_never_turned_into_closing_quotes(site_html: Path) -> None:
    texts = "\n".join(parse_page(p).text for p in html_pages(site_html))
    assert re.search(r"\b(?:[lLdDjJnNsStTmMcC]|[qQ]u)”", texts) is None
    assert "l’" in texts


def test_two_builds_with_the_same_date_are_byte_identical(site_html: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    result = sphinx_build("html", DOCS, again, "-d", str(tmp_path / "doctrees"))
    assert result.returncode == 0, result.stderr
    first = {p.relative_to(site_html) for p in html_pages(site_html)}
    second = {p.relative_to(again) for p in html_pages(again)}
    assert first == second
    different = [str(rel) for rel in sorted(first) if not filecmp.cmp(site_html / rel, again / rel, shallow=False)]
    assert different == []
