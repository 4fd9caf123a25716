"""A newcomer's path: clone the repository and run `make html`, with nothing prepared."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT
from html_pages import parse_page

pytestmark = pytest.mark.slow


def test_make_html_works_on_a_fresh_clone(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.fail("git is not installed: run 'make test', which installs it")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(PROJECT_ROOT), str(clone)], check=True)
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "SPHINXOPTS", "MAKEFLAGS", "MAKELEVEL"}}
    result = subprocess.run(["make", "html"], cwd=clone, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "_build/html/index.html" in result.stdout
    index = clone / "_build" / "html" / "index.html"
    assert parse_page(index).html_lang == "fr"
    assert (clone / ".venv" / "bin" / "sphinx-build").exists()
