"""The guide's sidebar: termbase renders the theme's bytes; a large site shows every section and
the current section's pages only."""

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


def real_site_built_with(tmp_path_factory: pytest.TempPathFactory, name: str, setting: str) -> Path:
    """A copy of the real site built with one configuration value overridden (``-D setting``)."""
    root = tmp_path_factory.mktemp(name)
    for part in ("docs", "glossary", "references.bib", "pyproject.toml"):
        source = PROJECT_ROOT / part
        (shutil.copytree(source, root / part, ignore=shutil.ignore_patterns("_build")) if source.is_dir() else shutil.copy2(source, root / part))
    out = root / "html"
    result = sphinx_build("html", root / "docs", out, "-d", str(root / "doctrees"), "-D", setting)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def theme_sidebar_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site with the sidebar rendered by pydata-sphinx-theme, as without termbase."""
    return real_site_built_with(tmp_path_factory, "theme-sidebar", "termbase_sidebar_renderer=theme")


def test_termbase_renders_the_theme_s_sidebar_byte_for_byte(site_html: Path, theme_sidebar_site: Path) -> None:
    pages = sorted(path.relative_to(site_html) for path in site_html.rglob("*.html"))
    assert len(pages) > 20
    for name in pages:
        assert (site_html / name).read_bytes() == (theme_sidebar_site / name).read_bytes(), name


def test_the_sidebar_marks_the_current_page_and_its_section(site_html: Path) -> None:
    nav = sidebar(site_html / "faq.html")
    assert '<li class="toctree-l1 current active"><a aria-current="page" class="current reference internal" href="#">' in nav
    assert nav.count('<ul class="current nav bd-sidenav">') == 1
    assert nav.count("aria-current") == 1


@pytest.fixture(scope="module")
def capped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site built as if it were large: at most 5 pages in the sidebar."""
    return real_site_built_with(tmp_path_factory, "capped", "termbase_sidebar_max_pages=5")


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
