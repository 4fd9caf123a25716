"""``make handout LIVRET="<address>"``: one PDF booklet, as a reader gets it.

The real target of the Makefile, run once with its build folder in a temporary directory and the
address of the booklet that tests/site/test_browser_livret.py fills in the browser (the same two
pages, the same two questions, written as the script writes it), read back with ``pdftotext``:
« Mes questions » first, the chosen questions in order with lines for the answers, then both
pages, one glossary, one list of sources, the review dates of each page and the disclaimer.
PAGES and QUESTIONS give the same booklet; a page or question that is not one of the guide's,
or LIVRET with PAGES, stops it with status 2 before anything is written.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DOCS, PROJECT_ROOT, require_tool
from termbase.booklet.address import Choice, format_address
from termbase.booklet.questions import digest

pytestmark = pytest.mark.slow

PAGES = "effets-indesirables carte-patient"
TITLES = ("Les effets indésirables de l’immunothérapie", "Carte patient à imprimer")
#: The questions the browser test ticks (its QUESTIONS), in its order, as the pages write them.
QUESTIONS = {
    "effets-indesirables": "Quels symptômes dois-je signaler tout de suite, et à qui\u202f?",
    "carte-patient": "Quel numéro dois-je appeler la nuit et le week-end\u202f?",
}
#: A question of the first page the reader did not tick.
NOT_CHOSEN = "Quels effets indésirables sont les plus probables avec mon traitement\u202f?"
CHOICE = Choice(tuple(PAGES.split()), tuple(f"{page}.{digest(text)}" for page, text in QUESTIONS.items()))
#: Where the reader copies it from: the booklet page's address bar, from file://.
ADDRESS = "file:///home/lecteur/immunoguide/_build/html/mon-livret.html#" + format_address(CHOICE)


def make_handout(builddir: Path, *assignments: str) -> subprocess.CompletedProcess[str]:
    """``make handout`` with ``PAGES=…``, ``QUESTIONS=…`` or ``LIVRET=…`` (one argument each,
    no shell: the address goes as the reader's quoted argument would)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1795392000")}
    return subprocess.run(
        ["make", "-C", str(PROJECT_ROOT), "--no-print-directory", "handout", *assignments, f"BUILDDIR={builddir}"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip


@pytest.fixture(scope="module")
def booklet(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The build folder and the PDF of the booklet at ADDRESS."""
    for tool in ("xelatex", "latexmk", "rsvg-convert", "pdftotext"):
        require_tool(tool)
    builddir = tmp_path_factory.mktemp("booklet-build")
    result = make_handout(builddir, f"LIVRET={ADDRESS}")
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


def my_questions(lines: list[str]) -> list[str]:
    """The lines of « Mes questions », after its title, up to the first page's title (no blank
    line, no page number)."""
    start = lines.index("Mes questions")
    return [line for line in lines[start + 1 : lines.index(TITLES[0], start)] if line and not line.isdigit()]


def test_my_questions_come_first_in_the_reader_order_each_with_its_page(booklet: tuple[Path, Path]) -> None:
    lines = lines_of(booklet[1])
    assert lines.count("Mes questions") == 1 and lines.index("Mes questions") < lines.index(TITLES[0])
    asked = my_questions(lines)
    # As the browser prints them: « 1. question », then « Page : title » (pdftotext writes the
    # narrow space before « ? » as nothing, the no-break space before « : » as a space).
    expected = []
    for number, (text, title) in enumerate(zip(QUESTIONS.values(), TITLES, strict=True), start=1):
        expected += [f"{number}. {text.replace(chr(0x202F), '')}", f"Page : {title}"]
    assert [line.replace("\u00a0", " ") for line in asked] == expected


def test_a_question_not_ticked_is_not_in_my_questions(booklet: tuple[Path, Path]) -> None:
    lines = lines_of(booklet[1])
    words = NOT_CHOSEN.replace("\u202f", "")
    assert not any(words in line for line in my_questions(lines))
    assert any(words in line for line in lines[lines.index(TITLES[0]) :]), "it is a question of that page, printed with it"


def test_each_question_has_ruled_lines_for_the_answer(booklet: tuple[Path, Path]) -> None:
    tex = (booklet[0] / "booklet-latex" / "livret.tex").read_text(encoding="utf-8")
    start = tex.index("{Mes questions}")
    part = tex[start : tex.index(r"\clearpage", start)]  # up to the first page's sheet
    assert part.count(r"\rule{\linewidth}{0.5pt}") == 4 * len(QUESTIONS)
    assert part.count(r"\needspace{") == len(QUESTIONS), "a question and its lines stay on one sheet"


def test_pages_and_questions_give_the_same_booklet_as_the_address(booklet: tuple[Path, Path], tmp_path: Path) -> None:
    """Sphinx alone (LaTeX would print the same text): the same ``livret.tex``."""
    builddir = booklet[0]
    ids = " ".join(CHOICE.questions)
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "booklet", "-q", str(DOCS), str(tmp_path), "-d", str(builddir / "doctrees-handouts"),
         "-D", f"termbase_booklet_pages={PAGES}", "-D", f"termbase_booklet_questions={ids}"],
        capture_output=True, text=True, check=False, env={**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1795392000")},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert (tmp_path / "livret.tex").read_text(encoding="utf-8") == (builddir / "booklet-latex" / "livret.tex").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("assignments", "message"),
    [
        (("PAGES=effets-indesirables carte-patiente",), "page(s) inconnue(s) : carte-patiente"),
        ((f"PAGES={PAGES}", "QUESTIONS=effets-indesirables.000000"), "question(s) inconnue(s) : effets-indesirables.000000"),
        ((f"PAGES={PAGES}", f"LIVRET={ADDRESS}"), "LIVRET ne se combine pas avec PAGES"),
        (("LIVRET=file:///home/lecteur/immunoguide/_build/html/mon-livret.html",), "LIVRET ne contient pas de livret"),
    ],
    ids=["unknown-page", "unknown-question", "pages-and-livret", "address-without-booklet"],
)
def test_a_wrong_choice_is_a_usage_error_and_writes_nothing(booklet: tuple[Path, Path], assignments: tuple[str, ...], message: str) -> None:
    builddir, pdf = booklet
    before = pdf.read_bytes()
    latex_dir = builddir / "booklet-latex"
    tex_before = (latex_dir / "livret.tex").stat().st_mtime_ns
    result = make_handout(builddir, *assignments)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert pdf.read_bytes() == before
    assert (latex_dir / "livret.tex").stat().st_mtime_ns == tex_before
