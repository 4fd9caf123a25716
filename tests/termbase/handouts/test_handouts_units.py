"""The pure parts of the handouts: opting in, names, dates, labels, links, the disclaimer text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from termbase.handouts.backmatter import french_date, page_url, sheet_labels, word_columns
from termbase.handouts.builder import handout_latex_elements, latex_target
from termbase.handouts.disclaimer import DEFAULT_DISCLAIMER, disclaimer_runs, find_disclaimer
from termbase.handouts.html_link import link_uri
from termbase.handouts.pages import handout_basename, opts_in, review_date

PROJECT_ROOT = Path(__file__).resolve().parents[3]


def test_front_matter_true_opts_in_and_anything_else_does_not() -> None:
    assert opts_in({"handout": True}) and opts_in({"handout": "true"}) and opts_in({"handout": "Oui"})
    assert not opts_in({}) and not opts_in({"handout": False}) and not opts_in({"handout": "no"})


def test_sheet_of_a_page_in_a_folder_gets_a_flat_name() -> None:
    assert handout_basename("effets-indesirables") == "effets-indesirables"
    assert handout_basename("traitements/car-t") == "traitements-car-t"


def test_review_dates_are_read_from_iso_text_or_dates() -> None:
    assert review_date({"last_reviewed": "2026-11-23"}, "last_reviewed") == dt.date(2026, 11, 23)
    assert review_date({"next_review": dt.date(2027, 1, 1)}, "next_review") == dt.date(2027, 1, 1)
    assert review_date({"next_review": "bientôt"}, "next_review") is None


def test_dates_are_written_the_french_way() -> None:
    assert french_date(dt.date(2026, 11, 23)) == "23 novembre 2026"
    assert french_date(dt.date(2027, 8, 1)) == "1er août 2027"


def test_numeric_labels_are_renumbered_from_one_and_others_kept() -> None:
    assert sheet_labels(["7", "23", "31"]) == ["1", "2", "3"]
    assert sheet_labels(["Par12", "Pos18"]) == ["Par12", "Pos18"]


def test_page_address_is_under_the_site_address() -> None:
    assert page_url("https://guide.example.org/", "faq") == "https://guide.example.org/faq.html"


def test_latex_target_is_the_label_the_writer_links_to() -> None:
    assert latex_target("%bibliographie#id3") == "bibliographie:id3"
    assert latex_target("%autre") == "autre::doc"
    assert latex_target("https://example.org/") is None


def test_handout_latex_drops_contents_index_and_chapters_but_keeps_the_preamble() -> None:
    elements = handout_latex_elements({"preamble": r"\setlength{\headheight}{14pt}"})
    assert elements["tableofcontents"] == elements["printindex"] == elements["makeindex"] == elements["fncychap"] == ""
    assert elements["preamble"].startswith(r"\setlength{\headheight}{14pt}")
    assert r"\setcounter{secnumdepth}{0}" in elements["preamble"]


def test_sheets_get_narrower_margins_than_the_guide_and_a_page_limit() -> None:
    elements = handout_latex_elements({"sphinxsetup": "hmargin={2.2cm,2.2cm}"}, max_pages=4)
    assert elements["sphinxsetup"].startswith("hmargin={2.2cm,2.2cm}, ")  # the sheet's value comes last, and wins
    assert "hmargin={1.8cm,1.8cm}" in elements["sphinxsetup"]
    # A sheet measured past the limit on the previous LaTeX run is set compact.
    assert r"\newcommand\termbasemaxpages{4}" in elements["preamble"]
    assert r"\ifnum\termbase@normalpages>\termbasemaxpages\relax\termbasecompacttrue" in elements["preamble"]


def test_long_word_lists_take_three_columns() -> None:
    assert word_columns(4) == 2 and word_columns(30) == 3


def test_link_to_the_sheet_is_relative_to_the_page() -> None:
    assert link_uri("faq.html", "fiches", "faq") == "fiches/faq.pdf"
    assert link_uri("traitements/car-t.html", "fiches", "traitements/car-t") == "../fiches/traitements-car-t.pdf"


def test_disclaimer_keeps_the_template_words_and_bold_runs() -> None:
    runs = disclaimer_runs('<p class="x">\n  <strong>Avertissement&#160;:</strong> ce guide\n  aide.\n</p>')
    assert runs == (("Avertissement\u00a0:", True), (" ce guide aide.", False))


def test_disclaimer_comes_from_the_project_template() -> None:
    runs = find_disclaimer(PROJECT_ROOT / "docs", ["_templates"])
    text = "".join(text for text, _ in runs)
    assert "Il ne remplace pas l’avis de votre équipe soignante" in text
    assert runs[0][1] is True  # « Avertissement : » in bold, as on the site


def test_disclaimer_falls_back_to_the_default_without_template(tmp_path: Path) -> None:
    assert find_disclaimer(tmp_path, ["_templates"]) == DEFAULT_DISCLAIMER
