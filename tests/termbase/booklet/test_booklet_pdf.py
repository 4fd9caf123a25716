"""``make handout PAGES="effets-indesirables carte-patient"``: one PDF booklet, as a reader gets it.

The real target of the Makefile, run once with its build folder in a temporary directory, read
back with ``pdftotext``: both pages, one glossary, one list of sources, the review dates of each
page and the disclaimer; a page name that is not a page of the guide stops it with status 2
before anything is written.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT, require_tool

pytestmark = pytest.mark.slow

PAGES = "effets-indesirables carte-patient"
TITLES = ("Les effets indésirables de l’immunothérapie", "Carte patient à imprimer")


def make_handout(builddir: Path, pages: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1795392000")}
    return subprocess.run(
        ["make", "-C", str(PROJECT_ROOT), "--no-print-directory", "handout", f"PAGES={pages}", f"BUILDDIR={builddir}"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip


@pytest.fixture(scope="module")
def booklet(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The build folder and the booklet's PDF."""
    for tool in ("xelatex", "latexmk", "rsvg-convert", "pdftotext"):
        require_tool(tool)
    builddir = tmp_path_factory.mktemp("booklet-build")
    result = make_handout(builddir, PAGES)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return builddir, builddir / "handouts" / "livret.pdf"


def lines_of(pdf: Path) -> list[str]:
    """Lines of text in reading order (``-raw``: the glossary and the sources are in columns)."""
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [line.strip("\f ") for line in text.splitlines()]


def test_the_booklet_holds_both_pages_in_order(booklet: tuple[Path, Path]) -> None:
    lines = lines_of(booklet[1])
    assert lines[0] == "Mon livret"
    starts = [lines.index(title) for title in TITLES]
    assert starts[0] < starts[1], starts
    assert "Carte patient · immunothérapie" in lines, "the card is laid out as on its sheet"


def test_the_booklet_has_one_glossary_and_one_bibliography(booklet: tuple[Path, Path]) -> None:
    lines = lines_of(booklet[1])
    assert lines.count("Glossaire") == 1 and lines.count("Sources citées") == 1
    assert lines.count("Les mots de cette fiche") == 0
    # Each glossary item is « \sphinxstylestrong{term} : definition » in the LaTeX (the PDF's lines
    # cannot tell a term from a wrapped definition that holds a colon).
    tex = (booklet[0] / "booklet-latex" / "livret.tex").read_text(encoding="utf-8")
    back = tex[tex.index("Glossaire") :]
    terms = re.findall(r"^\\sphinxstylestrong\{([^{}]+)\}\s*:", back, flags=re.M)
    assert len(terms) >= 10 and len(terms) == len(set(terms)), terms
    sources = " ".join(lines[lines.index("Sources citées") :])
    assert sources.count("Haanen") >= 1 and sources.count("Immune-related adverse events") <= 1


def test_the_booklet_ends_with_each_page_review_dates_and_the_disclaimer(booklet: tuple[Path, Path]) -> None:
    about = " ".join(" ".join(lines_of(booklet[1])).split())
    about = about[about.index("À propos de ce livret") :]
    for title in TITLES:
        assert f"{title} : relue le 6 décembre 2026" in about.replace("\u00a0", " ")
    assert "ne remplace pas l’avis de votre équipe soignante" in about


def test_an_unknown_page_is_a_usage_error_and_writes_nothing(booklet: tuple[Path, Path]) -> None:
    builddir, pdf = booklet
    before = pdf.read_bytes()
    latex_dir = builddir / "booklet-latex"
    tex_before = (latex_dir / "livret.tex").stat().st_mtime_ns
    result = make_handout(builddir, "effets-indesirables carte-patiente")
    assert result.returncode == 2
    assert "page(s) inconnue(s) : carte-patiente" in result.stderr and "Traceback" not in result.stderr
    assert pdf.read_bytes() == before
    assert (latex_dir / "livret.tex").stat().st_mtime_ns == tex_before
