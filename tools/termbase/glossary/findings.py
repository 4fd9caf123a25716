"""docscheck's findings as Sphinx warnings, so ``sphinx-build -W`` fails where ``docscheck`` does.

The rules are docscheck's own (:func:`docscheck.project.check_project`, the function its CLI
calls): one truth, two doors. Each finding becomes a warning at ``file:line`` with
``type="docscheck"`` and ``subtype=<code>``, so it can be filtered with ``suppress_warnings``.

The check reads the project from disk and does not depend on Sphinx, so it starts in a forked
process when Sphinx begins reading and its findings are collected, once per build in the main
process, when the build has written everything (``build-finished``, before Sphinx counts the
warnings, so ``-W`` still fails): the check runs while pages are read *and* written, and on a
multi-core machine it costs the build almost nothing. Where ``fork`` is unavailable it simply
runs in line.

It is also incremental: what docscheck parsed is kept in the doctree directory (a
:class:`docscheck.project.ParseCache`, under the fingerprint of docscheck's code), so after an edit only the edited files are parsed again
and the rules run on the records (about 0.1 s on the real site instead of 0.5 s). The rules see
every record, so the findings are those of a full check. A build that reads nothing (no page
changed) does not check at all, like Sphinx, which does not repeat its own warnings either.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import pickle
import tomllib
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from docscheck.records import Finding
from sphinx.util import logging

from termbase import build_cache
from termbase.envdata import termbase_data
from .loading import glossary_dir, report_finding

logger = logging.getLogger(__name__)


def has_docscheck_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    tool = data.get("tool")
    return isinstance(tool, dict) and isinstance(tool.get("docscheck"), dict)


def docscheck_root(app: Any) -> Path:
    """``termbase_docscheck_root``, else the nearest ancestor of confdir configuring docscheck,
    else the directory holding the glossary."""
    confdir = Path(app.confdir).resolve()
    if app.config.termbase_docscheck_root:
        return (confdir / app.config.termbase_docscheck_root).resolve()
    for directory in (confdir, *confdir.parents):
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and has_docscheck_table(pyproject):
            return directory
    return glossary_dir(app).parent


CACHE = "docscheck"


def load_cache(path: Path | None, key: str) -> Any:
    """The parse cache of the previous check, or a new one (another code, a damaged or a missing
    file, or no cache path: a fresh environment)."""
    from docscheck.project import ParseCache

    if path is not None:
        try:
            with path.open("rb") as handle:
                stored_key, cache = pickle.load(handle)
            if stored_key == key and isinstance(cache, ParseCache):
                return cache
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            pass
    return ParseCache()


def run_docscheck(root: Path, cache_path: Path | None = None) -> list[Finding] | str:
    """Findings of the whole project with absolute paths, or the reason docscheck cannot run.

    ``cache_path``: where the previous run's parse cache is, and this run's goes (None: none).
    """
    from docscheck.project import ConfigError, check_project

    key = build_cache.fingerprint(("docscheck",))
    cache = load_cache(cache_path, key)
    try:
        report = check_project(root, cache=cache)
    except ConfigError as exc:
        return str(exc)
    if cache_path is not None:
        build_cache.save_pickle(cache_path, (key, cache))
    return [dataclasses.replace(finding, path=str(root / finding.path)) for finding in report.findings]


def _child(root: Path, cache_path: Path | None, connection: Connection) -> None:
    connection.send(run_docscheck(root, cache_path))
    connection.close()


@dataclasses.dataclass
class PendingCheck:
    """A docscheck run under way in a child process."""

    root: Path
    cache_path: Path | None = None
    process: Any = None
    connection: Connection | None = None

    def start(self) -> None:
        if "fork" not in multiprocessing.get_all_start_methods():
            return
        receiver, sender = multiprocessing.get_context("fork").Pipe(duplex=False)
        self.process = multiprocessing.get_context("fork").Process(target=_child, args=(self.root, self.cache_path, sender), daemon=True)
        self.process.start()
        sender.close()
        self.connection = receiver

    def result(self) -> list[Finding] | str:
        if self.connection is not None:
            try:
                return self.connection.recv()
            except (EOFError, OSError):
                pass  # the child died: run the check here instead
            finally:
                self.stop()
        return run_docscheck(self.root, self.cache_path)

    def stop(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None
        if self.process is not None:
            if self.process.is_alive():
                self.process.terminate()
            self.process.join()
            self.process = None


#: Checks under way, by application (an app builds once; several apps may live in one process).
_PENDING: dict[int, PendingCheck] = {}


def parse_cache_path(app: Any) -> Path | None:
    """Where the parse cache is kept; with ``-E`` the check starts from scratch but saves one."""
    path = build_cache.cache_path(app, CACHE)
    if path is not None and getattr(app, "_fresh_env_used", False):
        path.unlink(missing_ok=True)
    return path


def start_docscheck(app: Any, env: Any, docnames: list[str]) -> None:
    if not app.config.termbase_docscheck or not docnames or id(app) in _PENDING:
        return
    check = PendingCheck(docscheck_root(app), parse_cache_path(app))
    check.start()
    _PENDING[id(app)] = check


def report_docscheck(app: Any, env: Any) -> None:
    """The findings of the check started for this build (or of one run now) as warnings."""
    if not app.config.termbase_docscheck:
        return
    check = _PENDING.pop(id(app), None) or PendingCheck(docscheck_root(app), parse_cache_path(app))
    result = check.result()
    if isinstance(result, str):
        logger.warning("docscheck cannot check %s: %s", check.root, result, type="docscheck", subtype="config")
        return
    data = termbase_data(env)
    for finding in result:
        report_finding(data, finding)


def finish_docscheck(app: Any, exception: Exception | None) -> None:
    """``build-finished``: report a check started by this build; after a failed build, only
    make sure no child is left behind."""
    if exception is None and id(app) in _PENDING:
        report_docscheck(app, app.env)
    check = _PENDING.pop(id(app), None)
    if check is not None:
        check.stop()


def setup(app: Any) -> None:
    app.connect("env-before-read-docs", start_docscheck)
    app.connect("build-finished", finish_docscheck)
