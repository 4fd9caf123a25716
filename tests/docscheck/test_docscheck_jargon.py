"""TERM008: rare words nobody defined, on pages parsed from text, with a small frequency table.

The unit tests give the rule a hand-made frequency function (Zipf values like wordfreq's), so
they say exactly which word is rare; the end-to-end tests run ``docscheck check`` with wordfreq's
own French list.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings as hsettings, strategies as st

from docscheck.parsers.markdown import markdown_parser
from docscheck.parsers.pages import parse_page
from docscheck.project import load_config
from docscheck.records import Corpus, GlossaryEntry, RuleSettings
from docscheck.rules.jargon import rare_words
from docscheck.records import DEFAULT_MYST_EXTENSIONS, ConfigError

import pytest

ZIPF = {
    "titre": 4.5, "le": 7.5, "la": 7.5, "de": 7.7, "les": 7.4, "un": 7.2, "une": 7.1, "est": 7.0, "et": 7.5, "des": 7.3, "traitement": 4.8,
    "médecin": 4.9, "patient": 4.6, "soigne": 3.9, "parle": 4.9, "aujourd'hui": 5.6, "sepsis": 1.93, "hydrocortisone": 1.75,
    "bévacizumab": 1.14, "immunothérapie": 2.33, "corriger": 4.1, "anti": 4.9, "grave": 5.0, "avec": 7.0, "puis": 6.0,
}  # fmt: skip


def frequency(word: str) -> float:
    return ZIPF.get(word, 0.0)


def entry(term: str, *forms: str, aliases: tuple[str, ...] = ()) -> GlossaryEntry:
    return GlossaryEntry(term.replace(" ", "-"), f"glossary/{term}.md", term, "Définition.", 5, ("k",), aliases, forms)


def page(text: str, path: str = "docs/page.md"):
    parsed, _findings = parse_page(text, path, markdown_parser(DEFAULT_MYST_EXTENSIONS))
    return parsed


def check(text: str, entries: tuple[GlossaryEntry, ...] = (), **options) -> list:
    rule_settings = RuleSettings(**{"jargon": True, "language": "fr", "word_frequency": frequency, **options})
    corpus = Corpus(pages=(page("# Titre\n\n" + text),), entries=entries, settings=rule_settings)
    return list(rare_words(corpus))


def words(findings: list) -> list[str]:
    return [re.search(r"rare word '([^']+)'", f.message).group(1) for f in findings]


def test_rare_word_is_reported_once_at_its_first_line():
    findings = check("Le patient parle.\n\nUn sepsis est grave.\n\nLe sepsis puis le sepsis.\n")
    assert [(f.code, f.line, str(f.severity)) for f in findings] == [("TERM008", 5, "warning")]
    assert words(findings) == ["sepsis"]
    assert "add a glossary entry or link it" in findings[0].message


def test_rare_words_are_ranked_by_rarity():
    findings = check("Le sepsis et le bévacizumab avec hydrocortisone.\n")
    ranks = {w: int(re.search(r"rarest (\d+) of 3", f.message).group(1)) for w, f in zip(words(findings), findings)}
    assert ranks == {"bévacizumab": 1, "hydrocortisone": 2, "sepsis": 3}
    assert "Zipf frequency 1.14 in 'fr'" in findings[[*ranks].index("bévacizumab")].message


def test_glossary_term_alias_and_form_are_not_reported():
    entries = (entry("sepsis"), entry("corticoïde", aliases=("hydrocortisone",)), entry("anticorps", "bévacizumab"))
    assert check("Le sepsis, les hydrocortisones et le bévacizumab.\n", entries) == []


def test_plural_of_a_glossary_term_is_not_reported():
    assert check("Les sepsis et les immunothérapies.\n", (entry("immunothérapie"), entry("sepsis"))) == []


def test_allowed_words_are_not_reported_in_any_case_or_plural():
    assert words(check("Le Sepsis et les bévacizumabs avec hydrocortisone.\n", jargon_allow=("sepsis", "Bévacizumab"))) == ["hydrocortisone"]


def test_elided_article_is_dropped_and_the_word_kept_as_written():
    findings = check("Le médecin parle de l’hydrocortisone et d'immunothérapie.\n")
    assert words(findings) == ["hydrocortisone", "immunothérapie"]
    assert check("Aujourd’hui, le médecin parle.\n") == []


def test_linked_or_role_word_is_not_reported_anywhere_on_the_page():
    text = "Le {term}`sepsis <choc>` est grave.\n\nPuis le sepsis, [bévacizumab](https://example.org) et `hydrocortisone`.\n"
    assert check(text, (entry("choc"),)) == []


def test_words_in_code_and_directive_options_are_not_reported():
    text = "```python\nsepsis = 1\n```\n\n:::{note}\n:class: hydrocortisone\nLe patient parle.\n:::\n"
    assert check(text) == []


def test_hyphenated_compound_is_reported_whole_when_a_part_is_rare():
    assert words(check("Un anti-sepsis est grave.\n")) == ["anti-sepsis"]
    assert check("Un anti-sepsis est grave.\n", (entry("sepsis"),)) == []


def test_words_with_digits_short_words_paths_and_addresses_are_not_checked():
    assert check("Le PD-1 et HER2 en 2023, xz, figures/sepsis.svg et sepsis.fr.\n") == []


def test_french_verb_is_as_common_as_its_infinitive():
    assert check("Le médecin corrigeons.\n") == []


def test_rule_is_off_unless_jargon_is_true():
    assert check("Le sepsis.\n", jargon=False) == []


def test_threshold_follows_jargon_max_zipf():
    assert words(check("Le sepsis et le traitement.\n", jargon_max_zipf=4.8)) == ["sepsis", "Titre", "traitement"]
    assert check("Le sepsis.\n", jargon_max_zipf=1.0) == []


@given(st.text(max_size=300))
@hsettings(max_examples=200, deadline=None)
def test_arbitrary_text_never_crashes_the_rule(text):
    for finding in check(text):
        assert finding.code == "TERM008"


# -- settings and end to end ----------------------------------------------------------------------


def project(tmp_path: Path, table: str, page_text: str) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "conf.py").write_text('language = "fr"\nextensions = ["myst_parser"]\n', encoding="utf-8")
    (tmp_path / "docs" / "index.md").write_text("# Accueil\n\n```{toctree}\npage\n```\n", encoding="utf-8")
    (tmp_path / "docs" / "page.md").write_text(page_text, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(f"[tool.docscheck]\n{table}\n", encoding="utf-8")
    return tmp_path


def run(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "docscheck", "check", str(root), "--format", "json"], capture_output=True, text=True)


PAGE = "# Page\n\nLe médecin parle du sepsis et de l’hydrocortisone avec le patient.\n"


def test_jargon_allow_file_has_one_word_a_line_and_comments(tmp_path):
    (tmp_path / "allow.txt").write_text("# names\nsepsis  # plain enough\n\nKeytruda\n", encoding="utf-8")
    config = load_config(project(tmp_path, 'jargon = true\njargon_allow = "allow.txt"', PAGE))
    assert config.jargon and config.jargon_allow == ("sepsis", "Keytruda") and config.jargon_max_zipf == 2.5


def test_missing_jargon_allow_file_is_a_usage_error(tmp_path):
    with pytest.raises(ConfigError, match="jargon_allow"):
        load_config(project(tmp_path, 'jargon = true\njargon_allow = "missing.txt"', PAGE))


def test_cli_reports_rare_french_words_with_wordfreq(tmp_path):
    result = run(project(tmp_path, "jargon = true\njargon_allow = ['hydrocortisone']", PAGE))
    assert result.returncode == 0, result.stderr
    findings = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "TERM008"]
    assert [(f["path"], f["line"], f["severity"]) for f in findings] == [("docs/page.md", 3, "warning")]
    assert "'sepsis'" in findings[0]["message"]


def test_cli_without_jargon_reports_no_term008(tmp_path):
    result = run(project(tmp_path, "review = false", PAGE))
    assert not [f for f in json.loads(result.stdout)["findings"] if f["code"] == "TERM008"]


# -- the word-frequency table ----------------------------------------------------------------------


def test_cached_table_agrees_with_wordfreq(tmp_path):
    import wordfreq

    from docscheck.word_frequency import load_table

    built = load_table("fr", tmp_path)
    cached = load_table("fr", tmp_path)
    assert len(list(tmp_path.glob("wordfreq-fr-*.zipf"))) == 1
    for word in ("de", "médecin", "immunothérapie", "sepsis", "aujourd'hui", "pembrolizumab", "qzxv"):
        assert built.zipf(word) == cached.zipf(word) == wordfreq.zipf_frequency(word, "fr")


def test_unwritable_cache_still_gives_frequencies(tmp_path):
    from docscheck.word_frequency import load_table

    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    assert load_table("fr", blocker / "docscheck").zipf("médecin") > 4


def test_language_without_a_list_gives_none_and_a_note(tmp_path):
    from docscheck.word_frequency import load_table

    assert load_table("tlh", tmp_path) is None
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "conf.py").write_text('language = "tlh"\n', encoding="utf-8")
    (tmp_path / "docs" / "index.md").write_text("# Qapla\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.docscheck]\njargon = true\n", encoding="utf-8")
    result = run(tmp_path)
    assert result.returncode == 0 and "wordfreq has no word list for the language 'tlh'" in result.stderr


def test_jargon_without_wordfreq_is_a_usage_error(tmp_path, monkeypatch, capsys):
    import importlib.util

    from docscheck.cli import main

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "wordfreq" else real(name, *a))
    monkeypatch.setitem(sys.modules, "wordfreq", None)
    root = project(tmp_path, "jargon = true", PAGE)
    assert main(["check", str(root)]) == 2
    assert "needs the wordfreq package: pip install wordfreq" in capsys.readouterr().err
