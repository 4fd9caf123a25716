"""The triage table in docscheck: its parser, TRIAGE001 and TRIAGE002 (pure rules), and the CLI on fixture roots."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from docscheck.cli import main
from docscheck.parsers.markdown import markdown_parser
from docscheck.parsers.pages import parse_page
from docscheck.parsers.triage import parse_triage_text
from docscheck.project import load_triage
from docscheck.records import BibEntry, Corpus, Finding, GlossaryEntry
from docscheck.rules.triage import fold_words, hand_written_levels, invalid_triage_entries

ROOTS = Path(__file__).resolve().parents[1] / "roots"
BIB = tuple(BibEntry(key, "misc", "refs.bib", 1) for key in ("ukons2025", "klastersky2016", "haanen2022", "lee2019"))

FEVER = """\
---
symptom: Fièvre
words: [fièvre, frissons, j’ai de la fièvre]
questions:
  - ask: Avez-vous du mal à respirer ?
    sign: avec du mal à respirer
    yes: samu
    sources: [ukons2025]
  - ask: Avez-vous 38 °C ou plus ?
    sign: 38 °C ou plus
    yes: immediat
    sources: [klastersky2016]
otherwise:
  level: journee
  sources: [haanen2022]
families:
  car-t: {level: immediat, sources: [lee2019]}
reviewed: 2026-12-06
---
La fièvre peut venir d’une infection.
"""


def entry(text: str = FEVER, path: str = "triage/fievre.md"):
    return parse_triage_text(textwrap.dedent(text), path)


def triage001(text: str, **corpus: object) -> list[tuple[int, str]]:
    found = invalid_triage_entries(Corpus(triage=(entry(text),), bib=BIB, **corpus))  # type: ignore[arg-type]
    return [(f.line, f.message) for f in found]


def replace(old: str, new: str) -> str:
    assert old in FEVER
    return FEVER.replace(old, new)


def page(text: str, path: str = "docs/page.md"):
    parsed, _findings = parse_page(textwrap.dedent(text), path, markdown_parser(frozenset({"colon_fence"})))
    return parsed


def triage002(*pages: object, entries: tuple[GlossaryEntry, ...] = ()) -> list[Finding]:
    return list(hand_written_levels(Corpus(pages=pages, entries=entries, triage=(entry(),))))  # type: ignore[arg-type]


# -- parser ------------------------------------------------------------------------------------------


def test_yes_is_read_as_a_key_not_as_the_yaml_boolean():
    assert [q.yes.level for q in entry().questions] == ["samu", "immediat"]


def test_every_nested_key_keeps_its_line():
    fever = entry()
    assert fever.line_of("questions.1.yes") == 11
    assert fever.otherwise.line == 14
    assert fever.line_of("families.car-t") == 17
    assert fever.line_of("questions.1.nonexistent") == 9  # the nearest key that exists


def test_ill_typed_value_is_noted_with_its_line_and_left_out():
    fever = entry(replace("words: [fièvre, frissons, j’ai de la fièvre]", "words: {a: b}"))
    assert fever.words == ()
    assert fever.malformed == ((3, "'words' must be a list of text, e.g. words: [a, b]"),)


def test_answer_paths_each_reach_one_level_and_families_raise_them():
    paths = entry().paths()
    assert [(p.answers, p.level, p.question) for p in paths] == [((True,), "samu", 0), ((False, True), "immediat", 1), ((False, False), "journee", None)]
    assert paths[2].raised == (("car-t", "immediat"),)
    assert entry().decide([False, False], "car-t") == "immediat"


def test_unanswered_question_and_unknown_family_take_the_higher_level():
    assert entry().decide([]) == "samu"
    assert entry().decide([False, False], None) == "immediat"


def test_load_triage_skips_the_readme_and_keeps_only_usable_entries():
    usable, findings = load_triage(ROOTS / "test-triage-invalid" / "triage")
    assert [e.slug for e in usable] == ["valide"]
    assert {f.path for f in findings} == {"triage/incomplet.md", "triage/niveaux.md", "triage/yaml-casse.md"}


# -- TRIAGE001 ---------------------------------------------------------------------------------------


def test_valid_entry_has_no_triage001():
    assert triage001(FEVER) == []


def test_unknown_level_is_reported_at_its_line():
    assert triage001(replace("yes: immediat", "yes: bientot")) == [(11, "question 2 has 'bientot'; the levels are journee, immediat, samu (samu: « Appelez le 15 (ou le 112) »)")]


def test_question_without_yes_is_reported():
    found = triage001(replace("    yes: immediat\n", ""))
    assert found == [(9, "question 2 has no 'yes': say which level « oui » leads to (journee, immediat, samu)")]


def test_level_without_sources_is_reported():
    assert triage001(replace("sources: [haanen2022]", "sources: []")) == [(14, "otherwise states a level without sources; add sources: [key] with keys of the bibliography that support it")]


def test_source_missing_from_the_bibliography_is_reported():
    assert triage001(replace("[lee2019]", "[lee2091]")) == [(17, "source 'lee2091' is not in the bibliography; add it to the .bib file or fix the key")]


def test_unknown_family_and_unknown_key_are_reported():
    found = triage001(replace("  car-t: {", "  radiotherapie: {").replace("reviewed:", "couleur: rouge\nreviewed:"))
    messages = [message for _line, message in found]
    assert any(m.startswith("unknown treatment family 'radiotherapie'") for m in messages)
    assert (18, "unknown key 'couleur'; the keys of an entry are symptom, words, questions (ask, sign, yes, sources), otherwise (level, sources), families, see_glossary, reviewed") in found


def test_later_question_more_urgent_than_an_earlier_one_is_reported():
    swapped = replace("yes: samu", "yes: journee").replace("yes: immediat", "yes: samu")
    assert any(line == 11 and "more urgent than question 1" in message for line, message in triage001(swapped))


def test_more_than_three_questions_is_reported():
    extra = "  - ask: Et encore ?\n    sign: encore\n    yes: journee\n    sources: [haanen2022]\n"
    four = replace("otherwise:", extra * 2 + "otherwise:")
    assert any("4 questions; ask at most 3" in message for _line, message in triage001(four))


def test_missing_required_keys_are_reported():
    found = triage001(replace("symptom: Fièvre\n", "").replace("reviewed: 2026-12-06\n", ""))
    assert {m for _l, m in found} >= {"missing or empty 'symptom'; every entry has symptom, words, otherwise, reviewed", "missing or empty 'reviewed'; every entry has symptom, words, otherwise, reviewed"}


def test_family_that_does_not_raise_the_level_is_reported():
    found = triage001(replace("car-t: {level: immediat", "car-t: {level: journee"))
    assert found == [(17, "family car-t gives journee, not more urgent than otherwise (journee): a family can only raise the level; remove it")]


def test_unknown_see_glossary_term_is_reported_and_a_known_one_is_not():
    colite = GlossaryEntry("colite", "glossary/colite.md", "colite", "Inflammation.", 5, ("haanen2022",))
    text = replace("reviewed:", "see_glossary: [colite, pancreatite]\nreviewed:")
    found = triage001(text, entries=(colite,))
    assert found == [(18, "see_glossary 'pancreatite' is not a glossary entry: use the slug (file name) or the term of an existing entry")]


def test_triage_sources_count_as_citations():
    from docscheck.rules.citations import uncited_entries

    assert list(uncited_entries(Corpus(triage=(entry(),), bib=BIB))) == []
    assert [f.message for f in uncited_entries(Corpus(bib=BIB[:1]))] == ["bibliography entry 'ukons2025' is never cited; cite it with {cite:p}`ukons2025` or remove it"]


# -- TRIAGE002 ---------------------------------------------------------------------------------------


def test_folding_ignores_case_accents_plurals_and_elision():
    assert fold_words("J’ai des FIÈVRES") == ("ai", "des", "fievre")
    assert fold_words("l’œdème") == ("oedeme",)
    assert fold_words("toux tous maux") == ("toux", "tou", "mal")  # « toux » is not the plural « tous »


def test_hand_written_level_next_to_a_symptom_word_is_reported_at_the_level_line():
    found = triage002(page("# T\n\nSi vous avez des frissons, appelez votre équipe\ntout de suite.\n"))
    assert [(f.path, f.line, f.code) for f in found] == [("docs/page.md", 4, "TRIAGE002")]
    assert "« frissons » is a word of triage/fievre.md" in found[0].message
    assert "the triage table is the only home of this instruction: use the {triage-table} directive or remove the level" in found[0].message


def test_level_phrase_without_a_symptom_word_is_not_reported():
    assert triage002(page("# T\n\nEn cas d’urgence, appelez le 15 ou le 112, de jour comme de nuit.\n")) == []


def test_symptom_and_level_in_different_sentences_are_not_reported():
    assert triage002(page("# T\n\nLa fièvre est fréquente. Lisez la suite tout de suite.\n")) == []


def test_each_row_of_a_hand_written_table_is_a_sentence():
    found = triage002(page("# T\n\n| Signe | Que faire |\n|---|---|\n| Toux | Rien |\n| Fièvre | Dans la journée |\n"))
    assert [f.line for f in found] == [6]


def test_glossary_definition_and_short_are_checked():
    neutropenie = GlossaryEntry(
        "neutropenie", "glossary/neutropenie.md", "neutropénie", "Peu de globules blancs.\n\nAvec de la {term}`fièvre`,\nappelez le 15.\n", 6, ("k",),
        short="En cas de fièvre, sans attendre.", key_lines={"short": 3},
    )  # fmt: skip
    assert sorted((f.line, f.code) for f in triage002(entries=(neutropenie,))) == [(3, "TRIAGE002"), (9, "TRIAGE002")]


# -- CLI on the fixture roots ------------------------------------------------------------------------


def cli_json(root: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, object]]]:
    status = main(["check", str(ROOTS / root), "--format", "json"])
    return status, json.loads(capsys.readouterr().out)["findings"]


def test_valid_triage_root_is_clean(capsys):
    assert cli_json("test-triage-valid", capsys) == (0, [])


def test_invalid_triage_root_reports_each_problem_at_its_line(capsys):
    status, findings = cli_json("test-triage-invalid", capsys)
    assert status == 1
    found = {(f["path"], f["line"], f["code"]) for f in findings}
    assert found == {
        ("triage/incomplet.md", 1, "TRIAGE001"),  # no symptom
        ("triage/incomplet.md", 2, "TRIAGE001"),  # words is a mapping
        ("triage/incomplet.md", 6, "TRIAGE001"),  # « oui » less urgent than « non »
        ("triage/incomplet.md", 11, "TRIAGE001"),  # reviewed is not a date
        ("triage/niveaux.md", 4, "TRIAGE001"),  # unknown key
        ("triage/niveaux.md", 8, "TRIAGE001"),  # unknown level
        ("triage/niveaux.md", 10, "TRIAGE001"),  # question without yes
        ("triage/niveaux.md", 15, "TRIAGE001"),  # no sources
        ("triage/niveaux.md", 17, "TRIAGE001"),  # a fourth question
        ("triage/niveaux.md", 19, "TRIAGE001"),  # more urgent than the one before; unknown source key
        ("triage/niveaux.md", 23, "TRIAGE001"),  # unknown key under otherwise
        ("triage/niveaux.md", 26, "TRIAGE001"),  # unknown family
        ("triage/niveaux.md", 27, "TRIAGE001"),  # a family that does not raise the level
        ("triage/niveaux.md", 28, "TRIAGE001"),  # unknown glossary term
        ("triage/yaml-casse.md", 4, "FILE001"),
    }
    assert all(f["severity"] == "error" for f in findings)


def test_hand_written_levels_are_warnings_at_their_lines(capsys):
    status, findings = cli_json("test-triage-handwritten", capsys)
    assert status == 0
    assert sorted((f["path"], f["line"], f["code"], f["severity"]) for f in findings) == [
        ("glossary/neutropenie.md", 3, "TRIAGE002", "warning"),
        ("glossary/neutropenie.md", 9, "TRIAGE002", "warning"),
        ("index.md", 5, "TRIAGE002", "warning"),
        ("index.md", 9, "TRIAGE002", "warning"),
        ("index.md", 16, "TRIAGE002", "warning"),  # an admonition whose title states the level
    ]


def test_triage_findings_in_text_and_github_formats(capsys):
    main(["check", str(ROOTS / "test-triage-handwritten")])
    assert "index.md:5: TRIAGE002 warning: a level is written by hand (« tout de suite »)" in capsys.readouterr().out
    main(["check", str(ROOTS / "test-triage-invalid"), "--format", "github"])
    assert "::error file=triage/niveaux.md,line=8,title=TRIAGE001::question 1 has 'bientot'" in capsys.readouterr().out


def test_triage_codes_can_be_turned_off(tmp_path, capsys):
    import shutil

    root = tmp_path / "p"
    shutil.copytree(ROOTS / "test-triage-handwritten", root)
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8") + '\n[tool.docscheck.severity]\nTRIAGE002 = "off"\n', encoding="utf-8")
    assert cli_json(str(root), capsys) == (0, [])


def test_project_without_triage_folder_has_no_triage_rules(tmp_path, capsys):
    import shutil

    root = tmp_path / "p"
    shutil.copytree(ROOTS / "test-triage-handwritten", root, ignore=shutil.ignore_patterns("triage"))
    (root / "pyproject.toml").write_text((root / "pyproject.toml").read_text(encoding="utf-8").replace('triage = "triage"\n', ""), encoding="utf-8")
    _status, findings = cli_json(str(root), capsys)
    assert not [f for f in findings if str(f["code"]).startswith("TRIAGE")]
