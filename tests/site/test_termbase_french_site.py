"""The real site speaks French in its interface: no English UI string left by Sphinx or the theme."""

from __future__ import annotations

import html.parser
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

# English strings that Sphinx, its basic theme or pydata-sphinx-theme put on pages when a
# translation is missing (text, title, aria-label, placeholder…).
ENGLISH_UI_STRINGS = [
    "Skip to main content",
    "Search the docs",
    "Back to top",
    "On this page",
    "Previous",
    "Next",
    "previous page",
    "next page",
    "Show Source",
    "Created using",
    "Copyright",
    "Built with",
    "Theme by",
    "Last updated",
    "Edit on",
    "Light",
    "Dark",
    "System Settings",
    "Color mode",
    "Section Navigation",
    "Site navigation",
    "Breadcrumb",
    "Home",
    "Search Results",
    "Preparing search",
    "Please activate JavaScript",
    "Link to this heading",
    "Permalink",
    "Table of Contents",
    "Expand Sidebar",
    "Collapse Sidebar",
    "Announcement",
    "Version warning",
]
UI_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt", "aria-roledescription", "data-title"}
PAGES = ["index.html", "search.html", "genindex.html", "glossaire.html"]


class _UiText(html.parser.HTMLParser):
    """Visible text and the attribute values a reader or a screen reader meets."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self._hidden += 1
        self.chunks.extend(value for name, value in attrs if name in UI_ATTRIBUTES and value)

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.chunks.append(data)


def ui_text(page: Path) -> str:
    parser = _UiText()
    parser.feed(page.read_text(encoding="utf-8"))
    return "\n".join(parser.chunks)


def english_strings_in(text: str) -> list[str]:
    return [s for s in ENGLISH_UI_STRINGS if re.search(rf"(?<![\w-]){re.escape(s)}(?![\w-])", text)]


def a_content_page(site: Path) -> Path:
    """A page with previous and next links: the middle of the site's reading order."""
    for page in sorted(site.glob("*.html")):
        text = page.read_text(encoding="utf-8")
        if 'class="left-prev"' in text and 'class="right-next"' in text:
            return page
    pytest.fail("no page has both previous and next links")


@pytest.mark.parametrize("name", PAGES)
def test_site_pages_have_no_english_ui_string(site_html: Path, name: str) -> None:
    assert english_strings_in(ui_text(site_html / name)) == []


def test_content_page_has_no_english_ui_string(site_html: Path) -> None:
    assert english_strings_in(ui_text(a_content_page(site_html))) == []


def test_previous_and_next_links_are_in_french(site_html: Path) -> None:
    text = ui_text(a_content_page(site_html))
    assert "précédent" in text and "suivant" in text


def test_search_box_invites_in_french(site_html: Path) -> None:
    assert 'placeholder="Rechercher dans le guide…"' in (site_html / "index.html").read_text(encoding="utf-8")


def test_english_ui_string_detector_finds_the_theme_defaults() -> None:
    assert english_strings_in("Skip to main content\nSearch the docs ...\n© Copyright 2026.") == ["Skip to main content", "Search the docs", "Copyright"]
