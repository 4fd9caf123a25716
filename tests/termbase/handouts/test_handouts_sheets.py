"""Every sheet of the real guide, as ``make handouts`` prints it: short, honest about its address, labelled.

One build of all the guide's handouts (``sphinx-build -b handouts`` then latexmk), read back with
``pdftotext``/``pdfinfo``.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from conftest import DOCS
from termbase.handouts.backmatter import ABOUT_TITLE

from pdf_files import has_language, overfull_table_lines, pdfinfo
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


#: A sheet that carries the whole triage table (« Quand appeler ? ») may take one page more: the
#: safety table is never cut to fit.
TRIAGE_EXTRA_PAGES = 1


def carries_triage_table(name: str) -> bool:
    source = (DOCS / f"{name}.md").read_text(encoding="utf-8")
    return "{triage-table}" in source or "{triage-guide}" in source


def test_every_sheet_fits_in_a_consultation(sheets: dict[str, Path]) -> None:
    counts = {name: pdf_pages(pdf) for name, pdf in sheets.items()}
    limit = {name: MAX_PAGES + (TRIAGE_EXTRA_PAGES if carries_triage_table(name) else 0) for name in counts}
    assert {name: count for name, count in counts.items() if count > limit[name]} == {}, counts
    assert carries_triage_table("effets-indesirables") and not carries_triage_table("faq")
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


def test_no_table_of_any_sheet_overflows_its_columns(sheets: dict[str, Path]) -> None:
    with_tables = [pdf for pdf in sheets.values() if r"\begin{longtable}" in pdf.with_suffix(".tex").read_text(encoding="utf-8")]
    assert len(with_tables) >= 3
    assert {pdf.stem: overfull_table_lines(pdf.with_suffix(".tex"), pdf.with_suffix(".log")) for pdf in with_tables} == {
        pdf.stem: [] for pdf in with_tables
    }


def test_trial_table_keeps_trial_names_whole(sheets: dict[str, Path]) -> None:
    tokens = {token.strip(",.;:()[]") for token in pdf_text(sheets["inhibiteurs-points-de-controle"]).split()}
    assert {"KEYNOTE-006", "CheckMate"} <= tokens
    assert not {"KEY", "KEYNOTE-", "Che-", "ck-"} & tokens


# -- The patient card (handout_layout: card) -------------------------------------------------------


def test_patient_card_is_one_printable_page(sheets: dict[str, Path]) -> None:
    assert "carte-patient" in sheets
    assert pdf_pages(sheets["carte-patient"]) == 1
    assert "595.28 x 841.89" in pdfinfo(sheets["carte-patient"])["Page size"]


def test_patient_card_has_blanks_warning_signs_and_a_line_for_emergency_doctors(sheets: dict[str, Path]) -> None:
    text = " ".join(unicodedata.normalize("NFKC", pdf_text(sheets["carte-patient"])).split())  # ﬃ → ffi
    for label in ("Nom :", "Médicament (nom en DCI) :", "Depuis le :", "Mon équipe, en semaine :", "La nuit et le week-end :"):
        assert label in text, label
    assert "J’appelle le 15 (ou le 112) tout de suite" in text and "J’appelle mon équipe le jour même" in text
    assert "du mal à respirer" in text and "une fièvre de 38 °C ou plus" in text
    assert "Pour le médecin des urgences." in text
    assert "Ce n’est pas un document officiel." in text
    # The card carries no citation brackets: the sheet lists the sources under it.
    card = text[text.index("Carte patient · immunothérapie") : text.index("Ces signes sont ceux")]
    assert "[" not in card and "Haanen" not in card
    assert "Haanen" in text and "Lee" in text and "Schneider" in text


def test_patient_card_is_drawn_to_credit_card_size(sheets: dict[str, Path]) -> None:
    tex = sheets["carte-patient"].with_suffix(".tex").read_text(encoding="utf-8")
    assert "width=85.6mm, height=54mm" in tex
    assert tex.count(r"\begin{termbasecardface}") == 2
    assert tex.count(r"\hrulefill") >= 6, "each blank is a line to write on"
    assert r"\draw[dashed]" in tex and r"\draw[densely dotted]" in tex
