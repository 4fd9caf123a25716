"""docscheck installs on its own (``pip install ./tools/dist/docscheck``) and runs on another project."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ROOTS = REPO / "tests" / "roots"


@pytest.mark.slow
def test_standalone_distribution_installs_without_theme_or_termbase_and_runs(tmp_path):
    # Build from a copy, so that setuptools' build/ and egg-info never land in the work tree.
    shutil.copytree(REPO / "tools" / "docscheck", tmp_path / "tools" / "docscheck", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "tools" / "dist" / "docscheck", tmp_path / "tools" / "dist" / "docscheck")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    install = subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(tmp_path / "tools" / "dist" / "docscheck")], capture_output=True, text=True)
    assert install.returncode == 0, install.stderr

    installed = subprocess.run([str(python), "-m", "pip", "list", "--format", "json"], capture_output=True, text=True, check=True)
    names = {package["name"].lower() for package in json.loads(installed.stdout)}
    assert "docscheck" in names and not names & {"immunoguide", "pydata-sphinx-theme", "sphinx-design", "pyuca", "sphinxcontrib-bibtex", "sphinx", "myst-parser", "docutils"}
    assert subprocess.run([str(python), "-c", "import termbase"], capture_output=True).returncode != 0

    result = subprocess.run([str(venv / "bin" / "docscheck"), "check", str(ROOTS / "test-docscheck-layout-doc-myst"), "--format", "json"], capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    undefined = {f["message"].split("'")[1] for f in json.loads(result.stdout)["findings"] if f["code"] == "TERM001"}
    assert {"missing_term", "missing_in_fragment", "missing_in_csv", "missing_in_list"} <= undefined


def test_pre_commit_hook_runs_the_docscheck_command_on_the_whole_project():
    import yaml

    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "docscheck" and hook["entry"] == "docscheck check" and hook["language"] == "python"
    assert hook["pass_filenames"] is False
