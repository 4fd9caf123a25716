"""Warm builds: the bytes and status of ``sphinx-build``, and ``make serve`` showing an edit."""

from __future__ import annotations

import filecmp
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import warmbuild
from conftest import PROJECT_ROOT, sphinx_build

pytestmark = pytest.mark.slow


@pytest.fixture
def project(rootdir: Path, tmp_path: Path) -> Path:
    """A private copy of test-termbase-search (all of termbase, a glossary, citations)."""
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-termbase-search", srcdir)
    return srcdir


@pytest.fixture(scope="module")
def builds() -> warmbuild.WarmBuilds:
    return warmbuild.WarmBuilds()


def strict(srcdir: Path, out: Path) -> list[str]:
    return ["-b", "html", "-n", "-W", "--keep-going", "-q", "--no-color", "-d", str(out / "doctrees"), str(srcdir), str(out / "html")]


def differing(left: Path, right: Path) -> list[str]:
    names = {p.relative_to(left) for p in left.rglob("*") if p.is_file()} | {p.relative_to(right) for p in right.rglob("*") if p.is_file()}
    return sorted(str(n) for n in names if not ((left / n).is_file() and (right / n).is_file() and filecmp.cmp(left / n, right / n, shallow=False)))


def test_a_warm_build_writes_the_bytes_of_sphinx_build(builds, project, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795392000")
    outcome = builds.build(strict(project, tmp_path / "warm"))
    assert (outcome.status, outcome.warm) == (0, True)
    assert outcome.cpu_s > 0
    assert sphinx_build("html", project, tmp_path / "cold" / "html", "-d", str(tmp_path / "cold" / "doctrees")).returncode == 0
    assert (tmp_path / "warm" / "html" / "index.html").is_file()
    assert differing(tmp_path / "warm" / "html", tmp_path / "cold" / "html") == []


def test_an_incremental_warm_build_sees_the_edit(builds, project, tmp_path):
    assert builds.build(strict(project, tmp_path)).status == 0
    page = project / "effets.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nUne phrase ajoutée au chaud.\n", encoding="utf-8")
    assert builds.build(strict(project, tmp_path)).status == 0
    assert "Une phrase ajoutée au chaud." in (tmp_path / "html" / "effets.html").read_text(encoding="utf-8")


def test_a_failed_build_gives_sphinx_build_s_status(builds, project, tmp_path):
    (project / "effets.md").write_text("# Effets\n\nUn {term}`terme inconnu`.\n", encoding="utf-8")
    assert builds.build(strict(project, tmp_path)).status == 1


def test_after_a_change_of_the_project_s_code_builds_are_cold_and_use_it(project, tmp_path, monkeypatch):
    builds = warmbuild.WarmBuilds()
    first = builds.build(strict(project, tmp_path))
    assert (first.status, first.warm) == (0, True)
    monkeypatch.setattr(warmbuild, "project_code_state", lambda: (("termbase/edited.py", 1, 1),))
    second = builds.build(strict(project, tmp_path))
    assert (second.status, second.warm) == (0, False)
    assert builds.stale


def test_other_commands_go_to_subprocess(builds):
    shim = warmbuild.WarmSubprocess(builds)
    assert shim.run([sys.executable, "-c", "raise SystemExit(3)"]).returncode == 3
    with pytest.raises(subprocess.CalledProcessError):
        shim.run([sys.executable, "-m", "sphinx", "build", "--no-such-option"], check=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def test_serve_shows_an_edit_in_the_served_page(project, tmp_path):
    port = free_port()
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1795392000", "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "warmbuild", "serve", str(project), str(tmp_path / "html"), "-d", str(tmp_path / "doctrees"),
               "-n", "-W", "--keep-going", "--port", str(port), "--host", "127.0.0.1"]  # fmt: skip
    server = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}/effets.html"
        assert wait_for(lambda: "<html" in fetch(url), 120), "the first build was never served"
        page = project / "effets.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nUne phrase vue dans le navigateur.\n", encoding="utf-8")
        assert wait_for(lambda: "Une phrase vue dans le navigateur." in fetch(url), 120), "the edit was never served"
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "Traceback" not in output, output[-3000:]
