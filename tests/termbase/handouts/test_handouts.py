"""Printable handouts: one short PDF per opted-in page, with that page's words and sources only.

Built as ``make handouts`` does (``sphinx-build -b handouts`` then the latexmk Makefile), on the
fixture project ``tests/roots/test-termbase-handouts`` and on two real pages of the guide; the PDFs
are read back with ``pdftotext``/``pdfinfo``, and what they must hold is computed from the same
build's environment (termbase's usage data, sphinxcontrib-bibtex's citations).
"""

from __future__ import annotations

import pickle
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pybtex.database
import pytest

from conftest import DOCS, PROJECT_ROOT, require_tool, sphinx_build
from termbase.handouts.backmatter import ABOUT_TITLE, SOURCES_TITLE, WORDS_TITLE, french_date
from termbase.handouts.pages import review_date

pytestmark = pytest.mark.slow

ROOT = PROJECT_ROOT / "tests" / "roots" / "test-termbase-handouts"
LATEXMKOPTS = "LATEXMKOPTS=-silent -interaction=nonstopmode -halt-on-error"
DISCLAIMER = "ne remplace pas l’avis de votre équipe soignante"
REAL_PAGES = ("inhibiteurs-points-de-controle", "effets-indesirables")
#: A sheet handed over in a consultation stays within five pages (long ones are set at 10 pt).
MAX_PAGES = 6


# -- Helpers --------------------------------------------------------------------------------------


def squeeze(text: str) -> str:
    """Text with spaces, line breaks and hyphens removed: immune to line breaking and hyphenation."""
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'")
    return re.sub(r"[\s\-\u2010\u2011\u00ad]+", "", text).casefold()


def pdf_text(pdf: Path) -> str:
    """The text in reading order (``-raw``: words and sources are set in two columns).

    Page numbers (a line holding only digits) are dropped: a reference that runs onto the next
    page would otherwise have the number in the middle of its title.
    """
    require_tool("pdftotext")
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return "\n".join(line for line in text.splitlines() if not line.strip().isdigit())


def pdf_pages(pdf: Path) -> int:
    require_tool("pdfinfo")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))


def section(text: str, title: str, following: tuple[str, ...]) -> str:
    """The text from a back-matter heading to the next of ``following`` (or the end)."""
    start = text.index(title)
    ends = [text.find(other, start + len(title)) for other in following]
    return text[start + len(title) : min([end for end in ends if end != -1], default=len(text))]


def build_handouts(srcdir: Path, out: Path, doctrees: Path, *pages: str) -> None:
    """``sphinx-build -b handouts`` (strict), then latexmk through Sphinx's Makefile."""
    for tool in ("xelatex", "latexmk", "rsvg-convert"):
        require_tool(tool)
    result = sphinx_build("handouts", srcdir, out, "-d", str(doctrees))
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr
    targets = [f"{page}.pdf" for page in pages] or ["all-pdf"]
    latex = subprocess.run(["make", "-C", str(out), *targets, LATEXMKOPTS], capture_output=True, text=True, check=False)
    assert latex.returncode == 0, latex.stdout[-4000:]


def load_env(doctrees: Path) -> Any:
    """The build's pickled environment: what termbase and sphinxcontrib-bibtex recorded."""
    with (doctrees / "environment.pickle").open("rb") as stream:
        return pickle.load(stream)  # noqa: S301 - our own build's file


@dataclass(frozen=True)
class Expected:
    """What one sheet must show, from the build's own data."""

    used_terms: list[str]
    used_definitions: list[str]
    unused_terms: list[str]
    cited_titles: list[str]
    cited_authors: list[str]
    uncited_titles: list[str]
    last_reviewed: str


def unbraced(bibtex_text: str) -> str:
    """BibTeX text without its case-protecting braces, as the formatted list prints it."""
    return bibtex_text.replace("{", "").replace("}", "")


def expected_for(env: Any, docname: str, bibfile: Path) -> Expected:
    from termbase import glossary

    entries = glossary.get_entries(env)
    used = glossary.get_usage(env).get(docname, set())
    cited = {target.key for ref in env.domaindata["cite"]["citation_refs"] if ref.docname == docname for target in ref.targets}
    bib = pybtex.database.parse_file(str(bibfile))
    last = review_date(env.metadata[docname], "last_reviewed")
    assert last is not None
    return Expected(
        used_terms=[entries[slug].term for slug in entries if slug in used],
        used_definitions=[glossary.short_definition(entries[slug]) for slug in entries if slug in used],
        unused_terms=[entries[slug].term for slug in entries if slug not in used],
        cited_titles=[unbraced(bib.entries[key].fields["title"]) for key in sorted(cited)],
        cited_authors=[
            unbraced(str(bib.entries[key].persons["author"][0].last_names[0]))
            for key in sorted(cited)
            if bib.entries[key].persons.get("author")
        ],
        uncited_titles=[unbraced(entry.fields["title"]) for key, entry in bib.entries.items() if key not in cited],
        last_reviewed=french_date(last),
    )


def words_of(text: str) -> str:
    return section(text, WORDS_TITLE, (SOURCES_TITLE, ABOUT_TITLE))


def sources_of(text: str) -> str:
    return section(text, SOURCES_TITLE, (ABOUT_TITLE,))


# -- The fixture project --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fixture_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(project copy, LaTeX output) of the fixture project, PDFs made."""
    project = tmp_path_factory.mktemp("handouts-root") / "project"
    shutil.copytree(ROOT, project)
    out = project / "_build" / "handouts-latex"
    build_handouts(project / "docs", out, project / "_build" / "doctrees")
    return project, out


@pytest.fixture(scope="module")
def fiche_text(fixture_build: tuple[Path, Path]) -> str:
    return pdf_text(fixture_build[1] / "fiche.pdf")


@pytest.fixture(scope="module")
def fiche_tex(fixture_build: tuple[Path, Path]) -> str:
    return (fixture_build[1] / "fiche.tex").read_text(encoding="utf-8")


def test_only_pages_that_opt_in_get_a_sheet(fixture_build: tuple[Path, Path]) -> None:
    assert sorted(path.name for path in fixture_build[1].glob("*.tex")) == ["fiche.tex"]


def test_sheet_opens_with_the_title_and_the_one_line_summary(fiche_text: str) -> None:
    opening = " ".join(fiche_text.split())[:200]
    assert opening.startswith("Les freins du système immunitaire")
    assert "Comment un médicament desserre un frein des lymphocytes, en une page." in opening


def test_sheet_keeps_the_page_text_its_key_points_and_questions(fiche_text: str) -> None:
    flat = " ".join(fiche_text.split())
    assert "Un anticorps peut lever un frein des lymphocytes T." in flat
    assert "Questions à poser à votre équipe soignante" in flat
    assert flat.index("À retenir") < flat.index(WORDS_TITLE) < flat.index(SOURCES_TITLE) < flat.index(ABOUT_TITLE)


def test_words_are_exactly_the_terms_the_page_uses_in_french_order(fiche_text: str) -> None:
    words = squeeze(words_of(fiche_text))
    used = ["anticorps", "cytokine", "érythème", "lymphocyte T"]  # é sorts with e, before l
    positions = [words.find(squeeze(term + " :")) for term in used]
    assert -1 not in positions and positions == sorted(positions), positions
    assert squeeze("œdème") not in words  # defined, used by another page only


def test_words_come_with_their_short_definition(fiche_text: str) -> None:
    assert squeeze("Rougeur de la peau due à une inflammation.") in squeeze(words_of(fiche_text))


def test_sources_are_exactly_the_references_the_page_cites(fiche_text: str) -> None:
    sources = squeeze(sources_of(fiche_text))
    assert squeeze("The blockade of immune checkpoints in cancer immunotherapy") in sources
    assert squeeze("Immune-related adverse events associated with immune checkpoint blockade") in sources
    assert squeeze("the first effective immunotherapy") not in squeeze(fiche_text)  # cited elsewhere only


def test_citations_in_the_text_link_to_the_sources_of_the_sheet(fixture_build: tuple[Path, Path], fiche_tex: str) -> None:
    assert r"\hyperref[\detokenize{bibliographie:" in fiche_tex
    log = (fixture_build[1] / "fiche.log").read_text(encoding="utf-8", errors="replace")
    assert "undefined" not in log.casefold()


def test_review_dates_address_and_disclaimer_close_the_sheet(fiche_text: str) -> None:
    about = " ".join(section(fiche_text, ABOUT_TITLE, ()).split())
    assert "Fiche relue le 23 novembre 2026" in about
    assert "prochaine relecture prévue le 23 novembre 2027" in about
    assert "https://guide.example.org/fiche.html" in about
    assert "Avertissement" in about and "En cas d’urgence, appelez le 15 ou le 112." in about


def test_links_to_other_pages_and_terms_become_plain_text(fiche_tex: str, fiche_text: str) -> None:
    assert r"\detokenize{autre" not in fiche_tex and r"\detokenize{glossaire" not in fiche_tex
    assert r"\sphinxtermref" not in fiche_tex
    assert "La page Une autre page parle des cytokines" in " ".join(fiche_text.split())
    assert "??" not in fiche_text


def test_links_inside_the_sheet_still_work(fiche_tex: str) -> None:
    assert r"\hyperref[\detokenize{fiche:fig-frein}]" in fiche_tex
    assert r"\hyperref[\detokenize{fiche:le-frein-et-son-blocage}]" in fiche_tex


def test_no_table_of_contents_index_chapters_or_section_numbers(fiche_tex: str, fiche_text: str) -> None:
    preamble, body = fiche_tex.split(r"\begin{document}")
    assert r"\setcounter{secnumdepth}{0}" in preamble
    assert r"\sphinxtableofcontents" not in body and r"\printindex" not in body and r"\chapter" not in body
    assert "Table des matières" not in fiche_text and "CHAPITRE" not in fiche_text.upper()
    assert not re.search(r"^\s*1\s+Le frein et son blocage", fiche_text, re.MULTILINE)


def test_svg_figure_is_kept_as_a_vector_pdf(fixture_build: tuple[Path, Path], fiche_tex: str) -> None:
    assert (fixture_build[1] / "frein.pdf").is_file()
    assert r"\sphinxincludegraphics[width=0.500\linewidth]{{frein}.pdf}" in fiche_tex


def test_sheet_is_a4_and_short(fixture_build: tuple[Path, Path]) -> None:
    pdf = fixture_build[1] / "fiche.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "595.28 x 841.89" in info
    assert 1 <= pdf_pages(pdf) <= 4


# -- The HTML side: a link only when the PDF exists, and the PDF served next to the page ------------


def build_html(project: Path, out: Path) -> None:
    result = sphinx_build("html", project / "docs", out, "-d", str(project / "_build" / "doctrees-html"))
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr


def test_without_handouts_pages_have_no_link(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT, project)
    build_html(project, project / "_build" / "html")
    html = (project / "_build" / "html" / "fiche.html").read_text(encoding="utf-8")
    assert "Version imprimable" not in html
    assert not (project / "_build" / "html" / "fiches").exists()


def test_page_links_to_its_sheet_served_from_the_html_output(fixture_build: tuple[Path, Path], tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT, project)
    out = project / "_build" / "html"
    build_html(project, out)  # first without PDFs: the link must appear once they exist
    (project / "_build" / "handouts").mkdir(parents=True)
    shutil.copyfile(fixture_build[1] / "fiche.pdf", project / "_build" / "handouts" / "fiche.pdf")
    build_html(project, out)
    html = (out / "fiche.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'<a [^>]*href="([^"]+\.pdf)"[^>]*>Version imprimable \(PDF\)</a>', html)
    assert hrefs == ["fiches/fiche.pdf"]
    assert (out / hrefs[0]).read_bytes() == (fixture_build[1] / "fiche.pdf").read_bytes()
    assert "Version imprimable" not in (out / "autre.html").read_text(encoding="utf-8")


# -- Two real pages of the guide ------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    """(LaTeX output, environment) of the real guide's handouts, PDFs made for REAL_PAGES."""
    out = tmp_path_factory.mktemp("real-handouts")
    doctrees = tmp_path_factory.mktemp("real-handouts-doctrees")
    build_handouts(DOCS, out, doctrees, *REAL_PAGES)
    return out, load_env(doctrees)


@pytest.fixture(scope="module", params=REAL_PAGES)
def real_page(request: pytest.FixtureRequest, real_build: tuple[Path, Any]) -> tuple[str, str, Expected, Path]:
    out, env = real_build
    docname = request.param
    pdf = out / f"{docname}.pdf"
    return docname, pdf_text(pdf), expected_for(env, docname, PROJECT_ROOT / "references.bib"), pdf


def test_real_sheet_lists_every_term_the_page_uses(real_page: tuple[str, str, Expected, Path]) -> None:
    _, text, expected, _ = real_page
    words = squeeze(words_of(text))
    assert expected.used_terms, "the page uses no glossary term: pick another page for this test"
    missing = [term for term in expected.used_terms if squeeze(term) not in words]
    assert not missing


def test_real_sheet_lists_no_term_the_page_does_not_use(real_page: tuple[str, str, Expected, Path]) -> None:
    _, text, expected, _ = real_page
    words = squeeze(words_of(text))
    used_text = squeeze(" ".join(expected.used_terms + expected.used_definitions))
    # Only terms that cannot appear inside a used term or definition tell something here.
    telling = [term for term in expected.unused_terms if squeeze(term) not in used_text]
    assert len(telling) >= 3
    assert [term for term in telling if squeeze(term) in words] == []


def test_real_sheet_lists_exactly_the_references_the_page_cites(real_page: tuple[str, str, Expected, Path]) -> None:
    _, text, expected, _ = real_page
    sources = squeeze(sources_of(text))
    assert expected.cited_titles
    assert [title for title in expected.cited_titles if squeeze(title) not in sources] == []
    assert [author for author in expected.cited_authors if squeeze(author) not in sources] == []
    assert [title for title in expected.uncited_titles if squeeze(title) in sources] == []


def test_real_sheet_gives_its_review_date_and_the_disclaimer(real_page: tuple[str, str, Expected, Path]) -> None:
    _, text, expected, _ = real_page
    about = " ".join(section(text, ABOUT_TITLE, ()).split())
    assert f"Fiche relue le {expected.last_reviewed}" in about
    assert DISCLAIMER in about


def test_real_sheet_fits_in_two_to_six_pages(real_page: tuple[str, str, Expected, Path]) -> None:
    """A sheet takes one page more when it carries the whole triage table (never cut to fit)."""
    name, _, _, pdf = real_page
    source = (DOCS / f"{name}.md").read_text(encoding="utf-8")
    extra = 1 if "{triage-table}" in source or "{triage-guide}" in source else 0
    assert 2 <= pdf_pages(pdf) <= MAX_PAGES + extra
