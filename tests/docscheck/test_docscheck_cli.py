"""The CLI contract: exit status, --strict, and the text, JSON and GitHub formats."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from docscheck.cli import main

ROOTS = Path(__file__).resolve().parents[1] / "roots"


def test_clean_project_exits_0(capsys):
    assert main(["check", str(ROOTS / "test-docscheck-clean")]) == 0
    assert capsys.readouterr().out == ""


def test_error_finding_exits_1():
    assert main(["check", str(ROOTS / "test-docscheck-stock")]) == 1


def test_warnings_only_exit_0_but_1_with_strict(tmp_path, capsys):
    root = tmp_path / "p"
    (root / "docs").mkdir(parents=True)
    (root / "pyproject.toml").write_text("[tool.docscheck]\n", encoding="utf-8")
    (root / "references.bib").write_text("@misc{k, title = {T}, url = {https://example.org}}\n", encoding="utf-8")
    (root / "docs" / "page.md").write_text("# Titre\n\nUn texte sans source.\n\nAutre {cite:p}`k`.\n", encoding="utf-8")
    (root / "docs" / "other.md").write_text("# Titre\n\nUn texte sans source.\n", encoding="utf-8")
    assert main(["check", str(root)]) == 0
    assert main(["check", str(root), "--strict"]) == 1
    assert "PAGE001 warning" in capsys.readouterr().out


def test_missing_root_exits_2_without_traceback(tmp_path, capsys):
    assert main(["check", str(tmp_path / "absent")]) == 2
    err = capsys.readouterr().err
    assert "not a directory" in err and "Traceback" not in err


def test_bad_option_exits_2(capsys):
    assert main(["check", "--no-such-option"]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_missing_bib_option_file_exits_2(capsys):
    assert main(["check", str(ROOTS / "test-docscheck-clean"), "--bib", "nope.bib"]) == 2


def test_text_format_is_path_line_code_severity_message(capsys):
    main(["check", str(ROOTS / "test-docscheck-stock")])
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(re.fullmatch(r"[^:]+:\d+: [A-Z]+\d{3} (error|warning): .+", line) for line in lines)
    assert "docs/usage.rst:5: TERM001 error: undefined term 'undefined thing'" in "\n".join(lines)


def test_json_format_has_version_findings_and_stats(capsys):
    main(["check", str(ROOTS / "test-docscheck-stock"), "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    assert document["version"] == 1
    assert set(document["stats"]) == {"pages", "terms", "term_refs", "bib_entries", "citations"}
    assert set(document["findings"][0]) == {"code", "severity", "path", "line", "message"}


def test_github_format_uses_error_and_warning_commands(capsys):
    main(["check", str(ROOTS / "test-docscheck-defects"), "--format", "github"])
    lines = capsys.readouterr().out.splitlines()
    assert "::error file=docs/immunite.md,line=9,title=TERM001::undefined term 'tumeur inconnue'" in lines[1] or any(
        line.startswith("::error file=docs/immunite.md,line=9,title=TERM001::") for line in lines
    )
    assert any(line.startswith("::warning file=docs/immunite.md,line=7,title=TERM007::") for line in lines)


def test_python_dash_m_runs_the_same_cli():
    result = subprocess.run([sys.executable, "-m", "docscheck", "check", str(ROOTS / "test-docscheck-clean")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("count", [3, 600])
def test_the_command_flushes_everything_before_its_hard_exit(tmp_path, count):
    """``docscheck`` ends with ``os._exit`` (no interpreter teardown): its output must still be whole,
    smaller than a buffer (left in it without a flush) or larger than a pipe holds, with the exit
    status of :func:`main`."""
    root = tmp_path / "p"
    (root / "docs").mkdir(parents=True)
    (root / "glossary").mkdir()
    (root / "docs" / "page.md").write_text("".join(f"Ligne {i} : {{term}}`inconnu-{i}`.\n\n" for i in range(count)), encoding="utf-8")
    expected = io.StringIO()
    with contextlib.redirect_stdout(expected), contextlib.redirect_stderr(io.StringIO()):
        status = main(["check", str(root), "--format", "json"])
    buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # as most machines run it
    for command in ([sys.executable, "-m", "docscheck"], [str(Path(sys.executable).with_name("docscheck"))]):
        result = subprocess.run([*command, "check", str(root), "--format", "json"], capture_output=True, text=True, env=buffered)
        assert len(result.stdout) > (65536 if count > 100 else 500)
        assert result.stdout == expected.getvalue()
        assert (result.returncode, status) == (1, 1)
        assert result.stderr.endswith(f"{count} term references, 0 bibliography entries, 0 citations\n"), result.stderr


def test_cli_path_does_not_import_sphinx():
    code = "import sys; from docscheck.cli import main; main(['check', %r]); print([m for m in sys.modules if m.startswith('sphinx')])"
    result = subprocess.run([sys.executable, "-c", code % str(ROOTS / "test-docscheck-clean")], capture_output=True, text=True)
    assert result.stdout.strip().endswith("[]")
