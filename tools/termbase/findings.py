"""docscheck's findings as Sphinx warnings, so ``sphinx-build -W`` fails where ``docscheck`` does.

The rules are docscheck's own (:func:`docscheck.project.check_project`, the function its CLI
calls): one truth, two doors. They run once per build, in the main process, when the environment
is checked for consistency; each finding becomes a warning at ``file:line`` with
``type="docscheck"`` and ``subtype=<code>``, so it can be filtered with ``suppress_warnings``.
"""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path
from typing import Any

from sphinx.util import logging

from .envdata import termbase_data
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


def report_docscheck(app: Any, env: Any) -> None:
    if not app.config.termbase_docscheck:
        return
    try:
        from docscheck.project import ConfigError, check_project
    except ImportError:  # pragma: no cover - docscheck ships in the same distribution
        return
    root = docscheck_root(app)
    try:
        report = check_project(root)
    except ConfigError as exc:
        logger.warning("docscheck cannot check %s: %s", root, exc, type="docscheck", subtype="config")
        return
    data = termbase_data(env)
    for finding in report.findings:
        report_finding(data, dataclasses.replace(finding, path=str(root / finding.path)))


def setup(app: Any) -> None:
    app.connect("env-check-consistency", report_docscheck)
