"""The PDF handout of the whole guide: French, A4, glossary and bibliography once each, French index order."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from conftest import DOCS, require_tool, sphinx_build
from pdf_files import has_language, overfull_table_lines
from termbase.french.dates import french_date

pytestmark = pytest.mark.slow

A4_POINTS = (595.28, 841.89)


@pytest.fixture(scope="session")
def guide_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the guide as `make pdf` does: Sphinx's LaTeX builder, then latexmk with xindy."""
    for tool in ("xelatex", "latexmk", "xindy", "rsvg-convert"):
        require_tool(tool)
    out = tmp_path_factory.mktemp("latex")
    result = sphinx_build("latex", DOCS, out, "-d", str(tmp_path_factory.mktemp("doctrees-latex")))
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr
    latex = subprocess.run(
        ["make", "-C", str(out), "all-pdf", "LATEXMKOPTS=-silent -interaction=nonstopmode -halt-on-error"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert latex.returncode == 0, latex.stdout[-4000:]
    return out / "immunoguide.pdf"


@pytest.fixture(scope="session")
def pdf_pages(guide_pdf: Path) -> list[str]:
    require_tool("pdftotext")
    text = subprocess.run(["pdftotext", "-layout", str(guide_pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")


def chapter_openings(pages: list[str]) -> list[str]:
    """Titles of the chapters that start on each page (fncychap prints « CHAPITRE n » above the title)."""
    titles = []
    for page in pages:
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        for index, line in enumerate(lines[:6]):
            if re.fullmatch(r"CHAPITRE\s*\d+", line) or line == "CHAPITRE":
                rest = [x for x in lines[index + 1 : index + 4] if not x.isdigit()]
                if rest:
                    titles.append(rest[0])
                break
    return titles


def pdfinfo(pdf: Path) -> dict[str, str]:
    require_tool("pdfinfo")
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def test_pdf_is_a4_with_several_pages(guide_pdf: Path) -> None:
    info = pdfinfo(guide_pdf)
    width, height = (float(x) for x in re.findall(r"[\d.]+", info["Page size"])[:2])
    assert (round(width), round(height)) == tuple(round(x) for x in A4_POINTS)
    assert int(info["Pages"]) >= 20


def review_dates() -> dict[str, tuple[dt.date, dt.date | None]]:
    """docname → (last_reviewed, next_review) of every page whose front matter gives them."""
    found = {}
    for path in sorted(DOCS.glob("*.md")):
        match = re.match(r"---\n(.*?)\n---\n", path.read_text(encoding="utf-8"), re.DOTALL)
        meta = yaml.safe_load(match.group(1)) if match else {}
        if meta and meta.get("last_reviewed"):
            found[path.stem] = (meta["last_reviewed"], meta.get("next_review"))
    return found


def test_title_page_gives_the_review_date_and_the_disclaimer(pdf_pages: list[str]) -> None:
    """The cover's date is the pages' latest review, not a date the pages have since passed."""
    title = " ".join(pdf_pages[0].split())
    latest = max(last for last, _next in review_dates().values())
    assert f"Révision éditoriale du {french_date(latest)}" in title
    assert "ne remplace pas l’avis de votre équipe soignante" in title


def test_each_chapter_shows_its_own_review_dates(pdf_pages: list[str]) -> None:
    text = " ".join(" ".join(pdf_pages).split())
    dates = review_dates()
    assert len(dates) >= 20
    lines = re.findall(r"Dernière relecture : (\d+(?:er)? \w+ \d{4}) · Prochaine relecture : (\d+(?:er)? \w+ \d{4})", text.replace("\u00a0", " "))
    expected = sorted((french_date(last), french_date(upcoming)) for last, upcoming in dates.values() if upcoming)
    assert sorted(lines) == expected


def test_figures_are_numbered_in_order_through_the_guide(pdf_pages: list[str]) -> None:
    numbers = [int(n) for n in re.findall(r"^\s*FIG\. (\d+) –", "\n".join(pdf_pages), re.M)]
    assert len(numbers) >= 6
    assert numbers == list(range(1, len(numbers) + 1))


def test_the_card_prints_whole_with_front_and_back_side_by_side(pdf_pages: list[str]) -> None:
    """The page tells the reader to cut along the dashes: the guide's card is the handout's card."""
    pages = [index for index, page in enumerate(pdf_pages) if "Carte patient · immunothérapie" in page]
    assert len(pages) == 1
    page = pdf_pages[pages[0]]
    assert "Pour le médecin des urgences" in page and "TOUT DE SUITE" in page and "En cas de doute, appelez." in page
    assert any("Carte patient · immunothérapie" in line and "Mon traitement" in line for line in page.splitlines()), "front and back side by side"
    assert any("URGENCE" in line and "Appelez le 15" in line for line in page.splitlines()), "the back is the triage card"
    assert "Recto : mon traitement" not in page


def test_no_placeholder_address_in_the_guide(pdf_pages: list[str]) -> None:
    assert "example.org" not in "".join(pdf_pages)
    assert "Signaler une erreur :" not in "".join(pdf_pages), "no report line while conf.py sets no address"


def test_timeline_leaders_do_not_cross_the_axis_years() -> None:
    """On paper and on screen, no event's leader line runs through a year under the axis."""
    svg = ET.parse(DOCS / "figures" / "frise-immunotherapie.svg").getroot()
    ns = "{http://www.w3.org/2000/svg}"
    years = [(float(t.get("x", 0)), float(t.get("y", 0))) for t in svg.iter(f"{ns}text") if re.fullmatch(r"\d{4}", t.text or "") and t.get("y") == "240"]
    assert len(years) == 5
    crossing = []
    for line in svg.iter(f"{ns}line"):
        x1, x2 = float(line.get("x1", 0)), float(line.get("x2", 0))
        top, bottom = sorted((float(line.get("y1", 0)), float(line.get("y2", 0))))
        for x, baseline in years:
            if x1 == x2 and abs(x1 - x) < 20 and top < baseline + 3 and bottom > baseline - 12:
                crossing.append((x, top, bottom))
    assert crossing == []


def test_glossary_and_bibliography_are_each_one_chapter(pdf_pages: list[str]) -> None:
    titles = chapter_openings(pdf_pages)
    assert titles.count("Glossaire") == 1, titles
    assert titles.count("Bibliographie") == 1, titles


def test_bibliography_list_sits_in_its_chapter(pdf_pages: list[str]) -> None:
    start = next(i for i, page in enumerate(pdf_pages) if "Bibliographie" in chapter_openings([page]))
    end = index_start(pdf_pages)
    text = " ".join(" ".join(pdf_pages[start:end]).split())
    assert "New England Journal of Medicine" in text
    assert "Hodi" in text and "doi:10.1056/NEJMoa1003466" in text
    assert "Scott Valastyan et Robert A. Weinberg" in text, "names are joined with « et », not « and »"
    assert "mai 2018" in text, "BibTeX month macros are printed in French"


def test_french_spacing_in_text(pdf_pages: list[str]) -> None:
    # The sources carry the no-break spaces (babel's automatic spacing is off for the bibliography).
    body = "\n".join(pdf_pages[2 : index_start(pdf_pages)])
    assert re.findall(r"[^\W\d]{2,}[?!;]", body) == []
    assert re.search(r"\w :", body) and re.search(r"\w \?", body)


def index_start(pages: list[str]) -> int:
    """Page number (0-based) where the index begins: its title stands alone on a line."""
    return max(i for i, page in enumerate(pages) if re.search(r"^\s*Index\s*$", page, re.MULTILINE))


def index_entries(pdf: Path, pages: list[str]) -> list[str]:
    """Index entries in reading order: each two-column page is read left column, then right."""
    width, height = (float(x) for x in re.findall(r"[\d.]+", pdfinfo(pdf)["Page size"])[:2])
    entries = []
    for number in range(index_start(pages) + 1, int(pdfinfo(pdf)["Pages"]) + 1):
        for x in (0, width / 2):
            column = subprocess.run(
                ["pdftotext", "-f", str(number), "-l", str(number), "-x", str(int(x)), "-y", "0",
                 "-W", str(int(width / 2)), "-H", str(int(height)), str(pdf), "-"],
                capture_output=True, text=True, check=True,
            ).stdout
            entries += [m.group(1) for m in re.finditer(r"^(\S.*?), \d+(?:, \d+)*$", column, re.MULTILINE)]
    return entries


def test_index_lists_accented_terms_in_french_order(guide_pdf: Path, pdf_pages: list[str]) -> None:
    from termbase.french.collation import french_sort_key

    entries = index_entries(guide_pdf, pdf_pages)
    assert len(entries) >= 60, entries
    assert entries == sorted(entries, key=french_sort_key)
    # In code-point order « échappement » would come after every word in z; in French it is an e-word.
    assert entries.index("échappement immunitaire") < entries.index("effet indésirable")
    assert entries.index("immunoédition") < entries.index("immunosurveillance")


# -- Print quality (issue 14, items 16-17) --------------------------------------------------------


def test_pdf_carries_title_author_and_french_language(guide_pdf: Path) -> None:
    info = pdfinfo(guide_pdf)
    assert info.get("Title") == "Immunoguide"
    assert "Immunoguide" in info.get("Author", "")
    assert has_language(guide_pdf, "fr"), "no /Lang (fr) in the document catalog"


def test_index_is_set_in_the_text_font_not_typewriter(guide_pdf: Path, pdf_pages: list[str]) -> None:
    require_tool("pdffonts")
    first, last = index_start(pdf_pages) + 1, len(pdf_pages)
    fonts = subprocess.run(["pdffonts", "-f", str(first), "-l", str(last), str(guide_pdf)], capture_output=True, text=True, check=True).stdout
    assert "Pagella" in fonts
    assert "Mono" not in fonts, fonts


def key_column_words() -> set[str]:
    """Words of the first column of every Markdown table of the guide that name something (capital or digit)."""
    words = set()
    for page in DOCS.glob("*.md"):
        for line in page.read_text(encoding="utf-8").splitlines():
            if not line.startswith("|") or re.fullmatch(r"[|:\- ]+", line):
                continue
            cell = line.strip("|").split("|")[0]
            cell = re.sub(r"\{[^}]+\}`([^`<]*?)\s*(?:<[^>]*>)?`", r"\1", cell)
            cell = re.sub(r"[*_`]", "", cell)
            words.update(w.strip(",.;:()[]") for w in cell.split() if re.search(r"[A-Z0-9]", w) and len(w) >= 4)
    return words


def test_table_key_columns_keep_their_words_whole(pdf_pages: list[str]) -> None:
    tokens = {token.strip(",.;:()[]") for token in " ".join(pdf_pages).split()}
    assert {"KEYNOTE-006", "CheckMate"} <= tokens
    assert not {"KEY", "KEYNOTE-", "Che-", "ck-", "Check-"} & tokens, "a trial name is cut or hyphenated"
    words = key_column_words()
    assert len(words) >= 10, words
    assert sorted(words - tokens) == []


def test_no_table_cell_overflows_its_column(guide_pdf: Path) -> None:
    assert overfull_table_lines(guide_pdf.with_suffix(".tex"), guide_pdf.with_suffix(".log")) == []


def test_tables_break_across_pages(guide_pdf: Path) -> None:
    tex = guide_pdf.with_suffix(".tex").read_text(encoding="utf-8")
    assert r"\begin{tabulary}" not in tex, "a tabulary cannot break across pages and squeezes short columns"
    assert r"\begin{longtable}" in tex


def test_a_table_that_runs_on_is_not_numbered_as_if_captioned(pdf_pages: list[str]) -> None:
    text = " ".join(" ".join(pdf_pages).split())
    assert "suite de la page précédente" in text, "no table runs onto a second page any more: the test checks nothing"
    assert not re.search(r"Tableau\s*\d+\s*–\s*suite", text)
