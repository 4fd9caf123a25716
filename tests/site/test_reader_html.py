"""The built site's HTML for issue 21, part 4: the glossary page reads in the patient's order, says
how fresh it is, and no page shows a placeholder address or a report link that goes nowhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT

pytestmark = pytest.mark.slow

PLACEHOLDER = "example.org"


def glossary(site_html: Path) -> str:
    text = (site_html / "glossaire.html").read_text(encoding="utf-8")
    return text[text.index('<main') : text.index("</main>")]


def test_the_glossary_opens_with_its_letters_and_entries(site_html: Path) -> None:
    main = glossary(site_html)
    letters, first_entry = main.index("termbase-letter-nav"), main.index('<dl class="glossary')
    downloads = main.index('class="termbase-downloads"')
    assert letters < first_entry < downloads
    assert downloads > main.rindex("<dt"), "the files come after the last entry"


def test_the_downloads_close_the_glossary_under_pour_les_professionnels(site_html: Path) -> None:
    main = glossary(site_html)
    heading = re.search(r"<h2>Pour les professionnels", main)
    assert heading and heading.start() > main.rindex("<dt")
    end = main[heading.start() :]
    links = re.findall(r'href="(glossaire\.(?:json|csv|jsonld))"', end)
    assert links == ["glossaire.json", "glossaire.csv", "glossaire.jsonld"]
    text = re.sub(r"<[^>]+>", "", end)
    assert "fichiers, pour les reprendre dans un autre outil." in text and "{" not in text


def test_the_glossary_shows_when_its_definitions_were_reviewed(site_html: Path) -> None:
    reviewed = sorted(
        re.search(r"^reviewed:\s*(\S+)", path.read_text(encoding="utf-8"), re.M).group(1)  # type: ignore[union-attr]
        for path in (PROJECT_ROOT / "glossary").glob("*.md")
        if re.search(r"^reviewed:", path.read_text(encoding="utf-8"), re.M)
    )
    line = re.search(r'<p class="termbase-review-dates[^"]*">(.*?)</p>', glossary(site_html), re.S)
    assert line, "the glossary page has a review line under its title"
    dates = re.findall(r'<time datetime="([\d-]+)">', line.group(1))
    assert dates == sorted({reviewed[0], reviewed[-1]})
    assert line.group(1).startswith("Définitions relues")


def test_no_page_shows_a_placeholder_address(site_html: Path) -> None:
    found = [path.name for path in site_html.rglob("*.html") if PLACEHOLDER in path.read_text(encoding="utf-8")]
    assert found == []
    sources = [path.name for path in (PROJECT_ROOT / "docs").glob("*.md") if PLACEHOLDER in path.read_text(encoding="utf-8")]
    assert sources == []


def test_without_a_report_address_no_page_shows_a_report_link(site_html: Path) -> None:
    """conf.py leaves termbase_report_error_url empty until the guide has a real address."""
    shown = [path.name for path in site_html.glob("*.html") if "termbase-report-error" in path.read_text(encoding="utf-8")]
    assert shown == []
    about = (site_html / "a-propos.html").read_text(encoding="utf-8")
    assert "Signalez-la, ou ouvrez un ticket" in about
