"""termbase.triage in real builds: the table, the card and the guide in HTML and LaTeX, tooltips, warnings.

Each fixture root is built once per module (``sphinx-build -n -W --keep-going`` in a subprocess,
as ``make html`` runs it); the tests read what it wrote.
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from conftest import sphinx_build

ROOTS = Path(__file__).resolve().parents[2] / "roots"
NBSP, NNBSP = "\u00a0", "\u202f"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def valid_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("triage-html")
    result = sphinx_build("html", ROOTS / "test-triage-valid", out, "-d", str(tmp_path_factory.mktemp("triage-doctrees")))
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr
    return out


@pytest.fixture(scope="module")
def valid_latex(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("triage-latex")
    result = sphinx_build("latex", ROOTS / "test-triage-valid", out, "-d", str(tmp_path_factory.mktemp("triage-doctrees-latex")))
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr
    return (out / "triage.tex").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def invalid_warnings(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    out = tmp_path_factory.mktemp("triage-invalid")
    result = sphinx_build("html", ROOTS / "test-triage-invalid", out, "-d", str(tmp_path_factory.mktemp("triage-invalid-doctrees")))
    return ANSI.sub("", result.stderr), out


def text_of(html: str) -> str:
    """Visible text, ASCII whitespace collapsed (no-break spaces kept: they are tested)."""
    return re.sub(r"[ \t\r\n]+", " ", unescape(re.sub(r"<[^>]+>", "", html))).strip()


def rows(page: str) -> list[tuple[str, str, str]]:
    """(level class, sign text, action text) of each row of the triage tables of a page."""
    found = []
    for match in re.finditer(r'<tr class="triage-row triage-row-(\w+)[^"]*">(.*?)</tr>', page, re.S):
        cells = re.findall(r"<td>(.*?)</td>", match.group(2), re.S)
        action = re.search(r'<span class="triage-level[^"]*">(.*?)</span></span>', cells[1], re.S)
        found.append((match.group(1), text_of(cells[0]), text_of(action.group(1)) if action else ""))
    return found


def test_table_has_one_row_per_path_most_urgent_first(valid_html):
    page = (valid_html / "index.html").read_text(encoding="utf-8")
    assert [(level, sign) for level, sign, _action in rows(page)] == [
        ("samu", "Confusion"),
        ("immediat", "Diarrhée, avec du sang dans les selles"),
        ("journee", "Diarrhée, dans les autres cas"),
        ("samu", "Fièvre, avec du mal à respirer ou une confusion"),
        ("immediat", "Fièvre, 38 °C ou plus"),
        ("immediat", "Fièvre, si vous recevez aussi une chimiothérapie"),
        ("immediat", "Fièvre, après un traitement par cellules CAR-T"),
        ("journee", "Fièvre, dans les autres cas"),
    ]


def test_each_level_is_a_word_and_its_instruction(valid_html):
    actions = {level: action for level, _sign, action in rows((valid_html / "index.html").read_text(encoding="utf-8"))}
    assert actions == {
        "samu": "URGENCE Appelez le 15 (ou le 112)",
        "immediat": "TOUT DE SUITE Appelez votre équipe tout de suite, de jour comme de nuit",
        "journee": "DANS LA JOURNÉE Signalez-le à votre équipe dans la journée",
    }


def test_sources_are_cited_and_listed_in_the_bibliography(valid_html):
    page = (valid_html / "index.html").read_text(encoding="utf-8")
    assert re.search(r'class="triage-sources">Sources\xa0: <span class="bibtex-citation"', page)
    assert 'href="bibliographie.html#' in page
    bibliography = text_of((valid_html / "bibliographie.html").read_text(encoding="utf-8"))
    assert all(name in bibliography for name in ("Klastersky", "Haanen", "Lee", "UK Oncology Nursing Society"))


def test_fixed_lines_follow_the_table_with_french_spacing(valid_html):
    page = (valid_html / "index.html").read_text(encoding="utf-8")
    assert f"Votre équipe peut vous donner d’autres consignes{NNBSP}; suivez-les." in page
    assert "<strong>En cas de doute, appelez.</strong>" in page


def test_a_family_table_raises_levels_and_shows_no_family_row(valid_html):
    page = (valid_html / "par-famille.html").read_text(encoding="utf-8")
    assert [(level, sign) for level, sign, _action in rows(page)] == [  # in the order of :symptoms:
        ("samu", "Fièvre, avec du mal à respirer ou une confusion"),
        ("immediat", "Fièvre, 38 °C ou plus"),
        ("immediat", "Fièvre, dans les autres cas"),
        ("samu", "Confusion"),
    ]


def test_card_names_each_symptom_once_under_the_level_it_has_unanswered(valid_html):
    page = (valid_html / "carte.html").read_text(encoding="utf-8")
    start = page.index(">", page.index('class="triage-card')) + 1
    card = text_of(page[start:])
    boxes = f"Mon traitement{NBSP}: ☐{NBSP}immunothérapie seule ☐{NBSP}avec chimiothérapie ☐{NBSP}CAR-T ☐{NBSP}anticorps bispécifique"
    assert card.startswith(f"{boxes} ☐{NBSP}corticoïdes ou hormone de remplacement en cours")
    # Confusion is always the 15; the fever's severe form is the 15 too, but on the card its
    # unanswered « 38 °C ou plus » and the unknown family make it « tout de suite », like the diarrhoea.
    samu = card.index("URGENCE")
    immediat = card.index("TOUT DE SUITE")
    assert samu < card.index("Confusion") < card.index("formes graves des autres signes") < immediat
    assert f"Diarrhée · Fièvre" in card[immediat:]
    assert "DANS LA JOURNÉE" not in card
    assert card.count("Fièvre") == 1


def test_guide_carries_its_data_and_the_complete_table(valid_html):
    page = (valid_html / "guide.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" class="triage-data">(.*?)</script>', page, re.S).group(1))
    assert [entry["slug"] for entry in data["entries"]] == ["confusion", "diarrhee", "fievre"]
    fever = data["entries"][2]
    assert fever["questions"][1] == {"ask": f"Avez-vous 38 °C ou plus{NNBSP}?", "sign": "38 °C ou plus", "level": "immediat"}
    assert fever["families"] == {"chimiotherapie": "immediat", "car-t": "immediat"}
    assert fever["why"] == "La fièvre peut être le signe d’une infection."
    assert '<div class="triage-app" data-triage-app hidden></div>' in page
    assert len(rows(page)) == 8
    assert f"Numéro de mon équipe{NBSP}: ___" in page
    assert "triage-guide.js" in page
    assert "triage-guide.js" not in (valid_html / "index.html").read_text(encoding="utf-8")


def test_tooltip_of_a_related_term_ends_with_the_action_line(valid_html):
    page = (valid_html / "index.html").read_text(encoding="utf-8")
    tooltip = unescape(re.search(r'id="tt-neutropenie-1"[^>]*>(.*?)</span>', page).group(1))
    assert tooltip == (
        "Manque de globules blancs qui défendent contre les infections. Fièvre, avec du mal à respirer ou une "
        f"confusion{NBSP}: appelez le 15 (ou le 112){NNBSP}; 38 °C ou plus{NBSP}: appelez votre équipe tout de suite, de jour comme de nuit."
    )
    source = (ROOTS / "test-triage-valid" / "glossary" / "neutropenie.md").read_text(encoding="utf-8")
    assert "appelez" not in source


def test_latex_has_the_rows_levels_sources_and_boxes(valid_latex):
    assert valid_latex.count(r"\sphinxstylestrong{URGENCE}") >= 2
    assert r"\sphinxstylestrong{TOUT DE SUITE} \DUrole{triage-action}{Appelez votre équipe tout de suite, de jour comme de nuit}" in valid_latex
    assert re.search(r"Sources du tableau\xa0: \\DUrole\{bibtex-citation\}\{\{\[\}\\hyperlink\{cite\.bibliographie:", valid_latex)
    assert "$\\square$\u00a0corticoïdes ou hormone de remplacement en cours" in valid_latex
    assert "Fièvre}, 38" in valid_latex or "Fièvre}}, 38" in valid_latex
    assert "triage-data" not in valid_latex  # the interactive part is HTML only


def test_invalid_entries_are_warnings_at_their_lines_and_left_out(invalid_warnings):
    warnings, out = invalid_warnings
    assert re.search(r"triage/niveaux\.md:8: WARNING: question 1 has 'bientot'.*\[docscheck\.TRIAGE001\]", warnings)
    assert re.search(r"triage/niveaux\.md:19: WARNING: source 'inconnu2020' is not in the bibliography.*\[docscheck\.TRIAGE001\]", warnings)
    assert re.search(r"triage/yaml-casse\.md:4: WARNING: invalid YAML front matter.*\[docscheck\.FILE001\]", warnings)
    assert warnings.count("question 1 has 'bientot'") == 1  # termbase and docscheck report it once
    assert "Traceback" not in warnings
    assert [sign for _level, sign, _action in rows((out / "index.html").read_text(encoding="utf-8"))] == ["Toux"]
