"""PAGE006: a figure next to a citation is one its sources record (tests/roots/test-docscheck-figures*)."""

from __future__ import annotations

import json
import shutil
from contextlib import redirect_stderr, redirect_stdout
from io import StringIO
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docscheck.cli import main
from docscheck.parsers.figures import parse_figures_text, parse_svg_text
from docscheck.project import ConfigError, check_project, load_config
from docscheck.records import BibEntry, Corpus, Page, Prose, RecordedFigure, RuleSettings
from docscheck.rules.figures import unsupported_figures

ROOTS = Path(__file__).resolve().parents[1] / "roots"
FIGURES = ROOTS / "test-docscheck-figures"
BAD = ROOTS / "test-docscheck-figures-bad"


def run(root: Path, *options: str) -> tuple[int, list[dict]]:
    out = StringIO()
    with redirect_stdout(out), redirect_stderr(StringIO()):
        status = main(["check", str(root), "--format", "json", *options])
    return status, json.loads(out.getvalue())["findings"]


@pytest.fixture(scope="module")
def findings() -> list[dict]:
    _status, found = run(FIGURES)
    return found


def figure_of(finding: dict) -> str:
    return finding["message"].split("'")[1]


def reported(findings: list[dict], code: str = "PAGE006") -> set[tuple[str, int, str]]:
    return {(f["path"], f["line"], figure_of(f)) for f in findings if f["code"] == code}


@pytest.mark.parametrize(
    ("where", "path", "line", "figure"),
    [
        ("a sentence", "chiffres.md", 9, "37 mois"),
        ("a list item under a cited lead-in", "chiffres.md", 21, "99 mois"),
        ("a table cell", "chiffres.md", 26, "51,2 %"),
        ("an SVG text of a figure", "figures/schema.svg", 5, "77 %"),
    ],
)
def test_an_unsupported_figure_is_reported_at_its_line(findings, where, path, line, figure):
    assert (path, line, figure) in reported(findings), where


def test_only_the_planted_figures_are_reported(findings):
    assert reported(findings) == {
        ("chiffres.md", 9, "37 mois"),
        ("chiffres.md", 15, "64,8 %"),
        ("chiffres.md", 21, "98 mois"),
        ("chiffres.md", 21, "99 mois"),
        ("chiffres.md", 26, "51,2 %"),
        ("figures/schema.svg", 5, "77 %"),
    }
    assert {f["severity"] for f in findings if f["code"] == "PAGE006"} == {"warning"}


def test_figures_match_as_a_reader_writes_them(findings):
    """« 64,8 % » recorded as « 64.8% », « 1 174 » as « 1174 », « 6 semaines » as the end of « 2 à 6 semaines »,
    2020 as schmid2020's year, and « 1 174 » in the SVG's desc: none is reported."""
    lines = {f["line"] for f in findings if f["code"] == "PAGE006" and f["path"] == "chiffres.md"}
    assert not lines & {8, 11, 19, 20, 25}
    assert "2020" not in {figure_of(f) for f in findings}
    assert not [f for f in findings if f["path"] == "figures/schema.svg" and f["line"] != 5]


def test_numbers_that_are_not_claims_are_not_reported(findings):
    """15 and 112, phase 3, grade 3, PD-1, list numbers, review dates, an aria-hidden axis label."""
    assert not [f for f in findings if f["line"] in (2, 3, 13) and f["path"] == "chiffres.md"]
    assert "1980" not in {figure_of(f) for f in findings}


def test_the_sentence_cites_before_its_paragraph(findings):
    (finding,) = [f for f in findings if f["code"] == "PAGE006" and f["line"] == 15]
    assert "recorded for larkin2015:" in finding["message"]


def test_the_message_names_the_keys_searched_and_the_fix(findings):
    (finding,) = [f for f in findings if f["line"] == 26]
    assert finding["message"] == (
        "figure '51,2 %' is not among the figures recorded for schmid2020: "
        "record it in references-figures.yaml with where you saw it in the source, or correct the page"
    )


def test_page003_reports_any_figure_in_a_paragraph_that_cites_nothing(findings):
    assert reported(findings, "PAGE003") == {("chiffres.md", 34, "22 mois")}


def test_page006_needs_figures_true_and_without_it_page003_reports_only_percentages(tmp_path):
    report = check_project(FIGURES, load_config(FIGURES, {"figures": False}))
    assert report.findings == []  # « 22 mois » is no percentage
    root = tmp_path / "project"
    shutil.copytree(FIGURES, root)
    (root / "chiffres.md").write_text((root / "chiffres.md").read_text(encoding="utf-8").replace("22 mois", "22 mois, soit 12 %"), encoding="utf-8")
    report = check_project(root, load_config(root, {"figures": False}))
    assert [(f.code, f.line, f.message.split("'")[:2]) for f in report.findings] == [("PAGE003", 34, ["percentage ", "12 %"])]


def test_bad_yaml_is_file001_at_its_line():
    status, found = run(BAD)
    (error,) = [f for f in found if f["code"] == "FILE001"]
    assert status == 1
    assert (error["path"], error["line"]) == ("references-figures.yaml", 5)
    assert "invalid YAML" in error["message"] and "at line 4" in error["message"] and "« seen:" in error["message"]


def test_a_key_the_bibliography_lacks_is_cite001_in_the_figures_file(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(FIGURES, root)
    with (root / "references-figures.yaml").open("a", encoding="utf-8") as handle:
        handle.write("absent2021:\n  - figure: 12 %\n    seen: Table 1\n")
    cite = [f for f in check_project(root).findings if f.code == "CITE001"]
    assert [(f.path, f.line) for f in cite] == [("references-figures.yaml", 11)]
    assert "'absent2021'" in cite[0].message


def test_a_missing_default_figures_file_is_a_note_and_every_cited_figure_is_reported(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(FIGURES, root)
    (root / "references-figures.yaml").unlink()
    report = check_project(root)
    assert any("references-figures.yaml does not exist" in note for note in report.notes)
    assert ("chiffres.md", 8) in {(f.path, f.line) for f in report.findings if f.code == "PAGE006"}


def test_a_named_figures_file_must_exist():
    with pytest.raises(ConfigError, match="figures_file"):
        load_config(FIGURES, {"figures_file": "absent.yaml"})


# -- the figures file and SVG readers ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        ("k2020:\n  - figure: 12 %\n", 2, "has no 'seen'"),
        ("k2020:\n  - figure: 12 %\n    seen: Table 1\n    note: x\n", 4, "unknown key 'note'"),
        ("k2020: 12 %\n", 1, "must have a list of figures"),
        ("k2020:\n  - 12 %\n", 2, "must be a mapping"),
        ("k2020:\n  - figure: douze\n    seen: p. 3\n", 2, "no number written with digits"),
        ("k2020: []\nk2020: []\n", 2, "listed twice (first at line 1)"),
        ("- k2020\n", 1, "must map bibliography keys"),
    ],
)
def test_a_figures_file_of_the_wrong_shape_is_file001_at_its_line(text, line, says):
    _figures, found = parse_figures_text(text, "references-figures.yaml")
    assert [(f.code, f.line) for f in found] == [("FILE001", line)]
    assert says in found[0].message


def test_a_figure_without_seen_is_not_kept_but_one_with_an_unknown_key_is():
    assert parse_figures_text("k2020:\n  - figure: 12 %\n", "f.yaml")[0] == []
    assert [f.figure for f in parse_figures_text("k2020:\n  - figure: 12 %\n    seen: p. 2\n    note: x\n", "f.yaml")[0]] == ["12 %"]


def test_a_figure_is_kept_as_written_with_its_line():
    figures, found = parse_figures_text("k2020:\n  - figure: 0.10\n    seen: Table 2\n", "f.yaml")
    assert found == []
    assert figures == [RecordedFigure("k2020", "0.10", "Table 2", "f.yaml", 2)]


def test_svg_texts_are_read_at_their_lines_without_hidden_ones():
    text = '<svg xmlns="http://www.w3.org/2000/svg">\n<title>T 1</title>\n<g aria-hidden="true"><text>1980</text></g>\n<text>A<tspan>B 2</tspan></text>\n</svg>'
    drawing, found = parse_svg_text(text, "f.svg")
    assert found == [] and drawing.texts == ((2, "T 1"), (4, "A B 2"))


@pytest.mark.parametrize(("text", "says"), [("<svg><text>1</svg>", "not well-formed"), ('<!DOCTYPE svg [<!ENTITY a "x">]><svg>&a;</svg>', "declares entities")])
def test_a_broken_or_entity_declaring_svg_is_file001(text, says):
    _drawing, found = parse_svg_text(text, "f.svg")
    assert [f.code for f in found] == ["FILE001"] and says in found[0].message


# -- the pure rule on hand-made records ----------------------------------------------------------


def corpus(sentence: str, recorded: str) -> Corpus:
    prose = Prose(3, ((3, sentence, 1, "text"), (3, " ", 2, "break")), True, cites=((1, "k2020"),))
    page = Page("p.md", {}, {}, False, (), (), (), (prose,))
    figures = tuple(RecordedFigure("k2020", figure, "Table 1", "f.yaml", 1) for figure in recorded.split(" ; "))
    bib = (BibEntry("k2020", "article", "refs.bib", 1, {"year": "2020"}),)
    return Corpus(pages=(page,), bib=bib, figures=figures, settings=RuleSettings(figures=True))


@pytest.mark.parametrize(
    ("sentence", "recorded"),
    [
        ("environ 65 % des patients", "64,8 %"),  # rounded to the page's precision
        ("3 patients sur 10", "30 %"),  # a ratio a recorded percentage rounds to
        ("52 des 131 cas", "52 ; 131"),  # both numbers of a ratio recorded
        ("entre 4 et 6 semaines", "4 à 6 semaines"),  # each end of a recorded range
        ("publié en 2020", "1"),  # the entry's year
    ],
)
def test_supported_figures(sentence, recorded):
    assert list(unsupported_figures(corpus(sentence, recorded))) == []


@pytest.mark.parametrize(
    ("sentence", "recorded"),
    [
        ("64,8 % des patients", "65 %"),  # a rounded record does not support a more precise page
        ("4 patients sur 10", "30 %"),
        ("2 à 8 semaines", "2 à 6 semaines"),
        ("publié en 2021", "1"),
    ],
)
def test_unsupported_figures(sentence, recorded):
    assert [f.code for f in unsupported_figures(corpus(sentence, recorded))] == ["PAGE006"]


# -- what the page parsers keep for PAGE006 ------------------------------------------------------


def parsed(text: str) -> Page:
    from docscheck.parsers.markdown import markdown_parser
    from docscheck.parsers.pages import parse_page

    page, _findings = parse_page(text, "p.md", markdown_parser(frozenset({"colon_fence"})))
    assert page is not None
    return page


def test_a_list_table_cell_is_sourced_by_the_table_caption():
    page = parsed(":::{list-table} Réponses {cite:p}`k2020`\n* - A\n  - 64,8 %\n:::\n")
    cell = next(p for p in page.prose if "64,8" in p.text)
    assert cell.cited and cell.context == ("k2020",)


def test_a_table_keeps_its_rows_and_its_cells_apart():
    page = parsed("| a | b |\n|---|---|\n| x | 12 % {cite:p}`k2020` |\n")
    (table,) = page.prose
    assert len(table.rows) == 2 and "x 12 %" in " ".join(table.text.split())
    assert [key for _index, key in table.cites] == ["k2020"]


def test_a_figure_records_its_image_and_caption_keys_and_its_argument_is_not_prose():
    page = parsed(":::{figure} img/a.svg\n:alt: A\n\nLégende {cite:p}`k2020` et {cite:t}`j2019`.\n:::\n")
    (block,) = page.figures
    assert (block.image, block.keys, block.line) == ("img/a.svg", ("k2020", "j2019"), 1)
    assert all("svg" not in p.text for p in page.prose)


SEGMENT = st.tuples(st.integers(1, 9), st.text(alphabet=st.sampled_from(list("0123456789 ,.%–-:!?«»abcé\u202f\u00a0")), max_size=30), st.sampled_from(["text", "link", "break"]))


@settings(max_examples=200, deadline=None)
@given(st.lists(SEGMENT, max_size=8), st.lists(st.tuples(st.integers(0, 9), st.sampled_from(["k2020", "x"])), max_size=4), st.lists(st.integers(0, 9), max_size=3))
def test_arbitrary_prose_never_crashes_page006(segments, cites, rows):
    prose = Prose(1, tuple((line, text, order, kind) for order, (line, text, kind) in enumerate(segments)), True, cites=tuple(cites), rows=tuple(sorted(rows)))
    page = Page("p.md", {}, {}, False, (), (), (), (prose,))
    found = Corpus(pages=(page,), figures=(RecordedFigure("k2020", "1 sur 3", "p. 1", "f.yaml", 1),), settings=RuleSettings(figures=True))
    for finding in unsupported_figures(found):
        assert finding.line in {line for line, _text, _kind in segments}


def test_a_rest_figure_records_its_image_relative_to_the_page():
    from docscheck.parsers.markdown import markdown_parser
    from docscheck.parsers.pages import parse_page

    page, _findings = parse_page(".. figure:: img/a.svg\n\n   Légende :cite:p:`k2020`.\n", "docs/p.rst", markdown_parser(frozenset()))
    assert page is not None and [(b.image, b.keys, b.line) for b in page.figures] == [("docs/img/a.svg", ("k2020",), 1)]
    assert all("svg" not in p.text for p in page.prose)
