"""Every sheet of the real guide, as ``make handouts`` prints it: short, honest about its address, labelled.

One build of all the guide's handouts (``sphinx-build -b handouts`` then latexmk), read back with
``pdftotext``/``pdfinfo``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DOCS
from termbase.handouts.backmatter import ABOUT_TITLE

from pdf_files import has_language, pdfinfo
from test_handouts import MAX_PAGES, build_handouts, pdf_pages, pdf_text, section

pytestmark = pytest.mark.slow



@pytest.fixture(scope="module")
def sheets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every handout PDF of the guide, by page name."""
    out = tmp_path_factory.mktemp("all-handouts")
    build_handouts(DOCS, out, tmp_path_factory.mktemp("all-handouts-doctrees"))
    pdfs = {path.stem: path for path in sorted(out.glob("*.pdf")) if path.with_suffix(".tex").is_file()}
    assert len(pdfs) >= 10, sorted(pdfs)
    return pdfs


def test_every_sheet_fits_in_a_consultation(sheets: dict[str, Path]) -> None:
    counts = {name: pdf_pages(pdf) for name, pdf in sheets.items()}
    assert {name: count for name, count in counts.items() if count > MAX_PAGES} == {}, counts
    assert counts["idees-recues"] <= MAX_PAGES


def test_subtitle_has_a_real_dash(sheets: dict[str, Path]) -> None:
    for name, pdf in sheets.items():
        opening = pdf_text(pdf)[:600]
        assert re.search(r"Immunoguide\s*–\s*fiche à emporter", opening), name
        assert "--" not in opening, name


def test_no_invented_address_is_printed(sheets: dict[str, Path]) -> None:
    for name, pdf in sheets.items():
        text = pdf_text(pdf)
        assert "example.org" not in text and "example.com" not in text, name
        assert "Version en ligne" not in " ".join(section(text, ABOUT_TITLE, ()).split()), name


def test_sheets_carry_their_title_author_and_language(sheets: dict[str, Path]) -> None:
    for name, pdf in sheets.items():
        info = pdfinfo(pdf)
        assert info.get("Title") and info["Title"] != "Immunoguide", name
        assert "Immunoguide" in info.get("Author", ""), name
        assert has_language(pdf, "fr"), name


def test_trial_table_keeps_trial_names_whole(sheets: dict[str, Path]) -> None:
    tokens = {token.strip(",.;:()[]") for token in pdf_text(sheets["inhibiteurs-points-de-controle"]).split()}
    assert {"KEYNOTE-006", "CheckMate"} <= tokens
    assert not {"KEY", "KEYNOTE-", "Che-", "ck-"} & tokens
