"""The real site's glossary page: every entry says where it is used; English is marked as English.

Built once per session (``site_html`` of tests/conftest.py, ``-n -W --keep-going``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ENTRY = re.compile(r'<dt id="term-([^"]+)">(.*?)</dd>', re.DOTALL)
DEFINITION_LINK = re.compile(r'<a class="reference internal" href="#term-([^"]+)"')


def entries(site: Path) -> dict[str, str]:
    """slug → the HTML of its ``<dt>…</dd>`` on the glossary page."""
    return dict(ENTRY.findall((site / "glossaire.html").read_text(encoding="utf-8")))


def test_every_entry_says_where_it_is_used(site_html: Path) -> None:
    silent = [slug for slug, html in entries(site_html).items() if "termbase-backlinks" not in html]
    assert silent == []


def test_an_entry_used_only_in_definitions_lists_those_entries(site_html: Path) -> None:
    found = entries(site_html)
    only_in_definitions = {slug: html for slug, html in found.items() if "Utilisé dans les définitions de" in html}
    assert only_in_definitions, "the real site has entries used only inside other definitions"
    for slug, html in only_in_definitions.items():
        assert "Où ce terme apparaît" not in html
        line = html[html.index("Utilisé dans les définitions de") :]
        targets = DEFINITION_LINK.findall(line.split("</p>", 1)[0])
        assert targets, slug
        for target in targets:
            assert target in found and target != slug
            assert f'href="#term-{slug}"' in found[target] or f'href="glossaire.html#term-{slug}"' in found[target], (slug, target)


def test_english_equivalents_are_marked_as_english(site_html: Path) -> None:
    spans = re.findall(r'<span class="termbase-en"[^>]*>', (site_html / "glossaire.html").read_text(encoding="utf-8"))
    assert spans
    assert all('lang="en"' in span for span in spans)
