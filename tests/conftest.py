"""Shared pytest fixtures: the real site built once per session, a local HTTP server, Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest_plugins = ["sphinx.testing.fixtures"]

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DOCS = PROJECT_ROOT / "docs"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``sphinx.testing`` finds ``tests/roots/test-*`` fixture projects."""
    return PROJECT_ROOT / "tests" / "roots"


def sphinx_build(builder: str, srcdir: Path, outdir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run a strict ``sphinx-build`` (``-n -W --keep-going``) in a subprocess and return it."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1795392000")}
    cmd = [sys.executable, "-m", "sphinx", "-b", builder, "-n", "-W", "--keep-going", "-q", "--no-color", *extra, str(srcdir), str(outdir)]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)


@pytest.fixture(scope="session")
def site_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once for the whole session with zero warnings allowed."""
    out = tmp_path_factory.mktemp("site-html")
    result = sphinx_build("html", DOCS, out, "-d", str(tmp_path_factory.mktemp("doctrees-html")))
    assert result.returncode == 0, f"sphinx-build html failed:\n{result.stderr}"
    assert result.stderr.strip() == "", f"sphinx-build html printed warnings:\n{result.stderr}"
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass


@pytest.fixture(scope="session")
def site_url(site_html: Path) -> Iterator[str]:
    """The built site served on a loopback port (browser tests use it)."""
    handler = functools.partial(_QuietHandler, directory=str(site_html))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, object]) -> dict[str, object]:
    """Drive Debian's Chromium: Playwright must never download a browser of its own."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run 'make test' (it installs Debian's chromium) or apt-get install chromium")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


def require_tool(name: str) -> str:
    """Path of an external program the test needs; fail (not skip) with the fix when missing."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"'{name}' is not installed: run 'make test', which installs the Debian packages it needs")
    return path
