"""On a large site the sidebar shows every section and the current section's pages only."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT, sphinx_build

pytestmark = pytest.mark.slow

SIDEBAR = re.compile(r'<nav class="bd-docs-nav bd-links".*?</nav>', re.DOTALL)


def sidebar(page: Path) -> str:
    match = SIDEBAR.search(page.read_text(encoding="utf-8"))
    assert match is not None, page
    return match.group(0)


@pytest.fixture(scope="module")
def capped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site built as if it were large: at most 5 pages in the sidebar."""
    root = tmp_path_factory.mktemp("capped")
    for name in ("docs", "glossary", "references.bib", "pyproject.toml"):
        source = PROJECT_ROOT / name
        (shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("_build")) if source.is_dir() else shutil.copy2(source, root / name))
    out = root / "html"
    result = sphinx_build("html", root / "docs", out, "-d", str(root / "doctrees"), "-D", "termbase_sidebar_max_pages=5")
    assert result.returncode == 0, result.stderr
    return out


def test_the_real_site_lists_every_page_in_the_sidebar(site_html: Path) -> None:
    nav = sidebar(site_html / "faq.html")
    assert 'href="systeme-immunitaire-et-cancer.html"' in nav
    assert 'href="essais-cliniques.html"' in nav


def test_a_large_site_shows_every_caption_and_the_pages_of_the_current_section(capped_site: Path) -> None:
    nav = sidebar(capped_site / "faq.html")
    for caption in ("Comprendre", "Les traitements", "Votre parcours", "Ressources"):
        assert f'<span class="caption-text">{caption}</span>' in nav
    assert 'href="glossaire.html"' in nav  # same section as the FAQ
    assert 'aria-current="page"' in nav
    assert 'href="essais-cliniques.html"' not in nav  # another section: only its caption, linked


def test_a_collapsed_section_links_to_its_first_page(capped_site: Path) -> None:
    nav = sidebar(capped_site / "faq.html")
    assert re.search(r'<a class="reference internal" href="systeme-immunitaire-et-cancer\.html"><span class="caption-text">Comprendre</span></a>', nav)
