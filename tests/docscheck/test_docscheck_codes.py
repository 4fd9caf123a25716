"""Each finding code, planted once in tests/roots/test-docscheck-defects, is reported at its place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from docscheck.cli import main

ROOTS = Path(__file__).resolve().parents[1] / "roots"
DEFECTS = ROOTS / "test-docscheck-defects"


@pytest.fixture(scope="module")
def findings() -> list[dict]:
    from io import StringIO
    from contextlib import redirect_stderr, redirect_stdout

    out = StringIO()
    with redirect_stdout(out), redirect_stderr(StringIO()):
        status = main(["check", str(DEFECTS), "--format", "json"])
    assert status == 1
    return json.loads(out.getvalue())["findings"]


def located(findings: list[dict], code: str) -> list[tuple[str, int, str]]:
    return [(f["path"], f["line"], f["severity"]) for f in findings if f["code"] == code]


@pytest.mark.parametrize(
    ("code", "path", "line", "severity"),
    [
        ("TERM001", "docs/immunite.md", 9, "error"),
        ("TERM002", "glossary/macrophage.md", 2, "warning"),
        ("TERM003", "glossary/plasmocyte.md", 3, "error"),
        ("TERM004", "glossary/invalide.md", 3, "error"),
        ("TERM005", "glossary/voir.md", 3, "error"),
        ("TERM006", "glossary/sans-sources.md", 3, "error"),
        ("TERM007", "docs/immunite.md", 7, "warning"),
        ("CITE001", "docs/immunite.md", 13, "error"),
        ("CITE002", "references.bib", 8, "error"),
        ("CITE003", "references.bib", 15, "error"),
        ("CITE004", "references.bib", 21, "error"),
        ("CITE005", "references.bib", 33, "error"),
        ("CITE007", "references.bib", 41, "warning"),
        ("PAGE001", "docs/sans-source.md", 1, "warning"),
        ("PAGE002", "docs/revue.md", 3, "error"),
        ("PAGE003", "docs/immunite.md", 15, "warning"),
        ("PAGE004", "docs/difficile.md", 8, "warning"),
        ("PAGE005", "docs/revue.md", 1, "warning"),
        ("FILE001", "glossary/casse.md", 3, "error"),
    ],
)
def test_planted_defect_is_reported_once_at_its_line(findings, code, path, line, severity):
    assert located(findings, code) == [(path, line, severity)]


def test_roles_in_code_spans_and_code_blocks_do_not_count(findings):
    messages = " ".join(f["message"] for f in findings)
    assert "ignore" not in messages and "bloc" not in messages


def test_readability_message_gives_the_score(findings):
    (message,) = [f["message"] for f in findings if f["code"] == "PAGE004"]
    assert "readability score -" in message and "below 50" in message


def test_plural_counts_as_first_mention(findings):
    (message,) = [f["message"] for f in findings if f["code"] == "TERM007"]
    assert "'lymphocytes'" in message


def test_clean_project_has_no_findings(capsys):
    assert main(["check", str(ROOTS / "test-docscheck-clean"), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []


def test_severity_override_turns_warning_into_error_or_off(tmp_path):
    from docscheck.project import check_project, load_config

    config = load_config(DEFECTS, {"severity": {"TERM007": "error", "PAGE004": "off"}})
    report = check_project(DEFECTS, config)
    assert [str(f.severity) for f in report.findings if f.code == "TERM007"] == ["error"]
    assert not [f for f in report.findings if f.code == "PAGE004"]


def test_exclude_drops_paths(tmp_path):
    from docscheck.project import check_project, load_config

    report = check_project(DEFECTS, load_config(DEFECTS, {"exclude": ["docs/immunite.md"]}))
    assert not [f for f in report.findings if f.path == "docs/immunite.md"]


def test_stats_count_pages_terms_and_citations():
    from docscheck.project import check_project

    stats = check_project(DEFECTS).stats
    assert stats == {"pages": 5, "terms": 6, "term_refs": 6, "bib_entries": 5, "citations": 7}
