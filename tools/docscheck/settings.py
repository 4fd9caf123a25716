"""docscheck settings: build the :class:`~docscheck.records.Config` of a project.

Precedence, lowest first: auto-detection (:mod:`docscheck.discovery`), then ``[tool.docscheck]`` in
pyproject.toml, then ``overrides`` (the CLI).

``[tool.docscheck]`` keys: ``docs`` (dir), ``glossary`` (dir), ``bib`` (file or list), ``review``
(bool, enables PAGE002 and PAGE005), ``exclude`` (globs relative to ROOT, ``**`` allowed),
``readability_min`` (number, PAGE004 threshold, default 50), ``min_words`` (PAGE004 ignores shorter
pages, default 80), ``language`` (overrides conf.py's), ``evidence`` (bool, enables CITE006),
``evidence_max_age`` (years, PAGE005, default 6, 0 = off), ``figures`` (bool, enables PAGE006),
``figures_file`` (default: ``<first bib file>-figures.yaml`` beside it), ``triage`` (dir of the triage
table, one symptom per file, TRIAGE001/TRIAGE002; default ``ROOT/triage`` when it exists) and the table ``[tool.docscheck.severity]``
mapping a code to ``"error"``, ``"warning"`` or ``"off"``; ``jargon`` (bool, enables TERM008),
``jargon_max_zipf`` (number, default 2.5) and ``jargon_allow`` (a list of words, or the path of a
file of words, one a line, ``#`` comments). The table's mere presence opts the project
in to the editorial rules (PAGE001, PAGE003, PAGE004, TERM006, TERM007).
"""

from __future__ import annotations

import datetime as _dt
import re
import tomllib
from pathlib import Path
from typing import Any

from .discovery import discover, documents, figures_file, myst_extensions, source_suffixes, str_list, triage_dir
from .records import Config, ConfigError, Finding, Severity
from .source_files import inside, outside_finding

__all__ = ["CODES", "Config", "ConfigError", "load_config"]

CODES = (
    "TERM001", "TERM002", "TERM003", "TERM004", "TERM005", "TERM006", "TERM007", "TERM008",
    "CITE001", "CITE002", "CITE003", "CITE004", "CITE005",
    "CITE006", "CITE007", "PAGE001", "PAGE002", "PAGE003", "PAGE004", "PAGE005", "PAGE006", "TRIAGE001", "TRIAGE002", "FILE001",
)  # fmt: skip
SEVERITY_CHOICES = ("error", "warning", "off")
#: TERM008: words at most this frequent on wordfreq's Zipf scale are rare (« sepsis » 1.9,
#: « immunothérapie » 2.3, « perfusion » 3.2, « médecin » 4.9)
DEFAULT_JARGON_MAX_ZIPF = 2.5


def _read_pyproject(root: Path) -> tuple[dict[str, Any] | None, list[Finding]]:
    """``[tool.docscheck]`` of ROOT/pyproject.toml, or None when the project has no such table."""
    path = root / "pyproject.toml"
    if not path.is_file():
        return None, []
    if not inside(root, path):
        return None, [outside_finding("pyproject.toml")]
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Finding("pyproject.toml", 1, "FILE001", Severity.ERROR, f"cannot read pyproject.toml: {exc.__class__.__name__}")]
    except tomllib.TOMLDecodeError as exc:
        line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(exc))) else 1
        return None, [Finding("pyproject.toml", line, "FILE001", Severity.ERROR, f"pyproject.toml is not valid TOML: {exc}")]
    tool = data.get("tool", {})
    settings = tool.get("docscheck") if isinstance(tool, dict) else None
    if settings is not None and not isinstance(settings, dict):
        raise ConfigError("pyproject.toml: [tool.docscheck] must be a table")
    return settings, []


def _severity_table(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ConfigError("[tool.docscheck.severity] must be a table such as TERM007 = \"error\"")
    table: dict[str, str] = {}
    for code, level in value.items():
        code = str(code).upper()
        if code not in CODES:
            raise ConfigError(f"[tool.docscheck.severity] unknown code {code}; known: {', '.join(CODES)}")
        if not isinstance(level, str) or level.lower() not in SEVERITY_CHOICES:
            raise ConfigError(f"[tool.docscheck.severity] {code} must be one of {', '.join(SEVERITY_CHOICES)}")
        table[code] = level.lower()
    return table


#: The keys of ``[tool.docscheck]`` (``severity`` is the ``[tool.docscheck.severity]`` table).
SETTINGS = frozenset({"docs", "glossary", "bib", "language", "today", "review", "exclude", "severity",
                      "readability_min", "min_words", "evidence", "evidence_max_age", "figures", "figures_file", "triage",
                      "jargon", "jargon_max_zipf", "jargon_allow"})  # fmt: skip


def _bool(settings: dict[str, Any], key: str, default: bool) -> bool:
    value = settings.get(key, default)
    if not isinstance(value, bool):
        raise ConfigError(f"[tool.docscheck] {key} must be true or false")
    return value


def _number(settings: dict[str, Any], key: str, default: float, kind: type = float, minimum: float | None = None) -> Any:
    value = settings.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int,) if kind is int else (int, float)):
        raise ConfigError(f"[tool.docscheck] {key} must be {'an integer' if kind is int else 'a number'}")
    if minimum is not None and value < minimum:
        raise ConfigError(f"[tool.docscheck] {key} must be at least {minimum:g}")
    return kind(value)


def jargon_allow(root: Path, value: Any) -> tuple[str, ...]:
    """``jargon_allow``: a list of words, or a file under ROOT holding one word a line (``#`` starts a comment)."""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.strip() for v in value if v.strip())
    if not isinstance(value, str):
        raise ConfigError("[tool.docscheck] jargon_allow must be a list of words or the path of a file of words (one a line)")
    path = Path(value).expanduser()
    path = path if path.is_absolute() else root / path
    if not inside(root, path):
        raise ConfigError(f"[tool.docscheck] jargon_allow file {value!r} resolves outside the project, not read")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"[tool.docscheck] jargon_allow file {value!r} cannot be read ({exc.__class__.__name__}); give a UTF-8 file of words, one a line") from None
    return tuple(word for line in text.splitlines() if (word := line.split("#", 1)[0].strip()))


def load_config(root: Path, overrides: dict[str, Any] | None = None) -> Config:
    """Build the :class:`Config` of the project at ``root``; raises :class:`ConfigError` on bad settings.

    Three steps: read ``[tool.docscheck]``, merged with ``overrides``; find the project's files
    (:func:`docscheck.discovery.discover`, zero-config); check and gather the values. What could
    not be found is said in ``Config.notes``.
    """
    root = Path(root).resolve()
    if not root.is_dir():
        raise ConfigError(f"{root}: no such directory (ROOT must be the project directory)")
    table, findings = _read_pyproject(root)
    editorial = table is not None
    settings = {**(table or {}), **{k: v for k, v in (overrides or {}).items() if v is not None}}
    notes: list[str] = []
    unknown = sorted(set(table or {}) - SETTINGS)
    if unknown:
        notes.append(f"pyproject.toml: [tool.docscheck] has no setting {', '.join(map(repr, unknown))} (ignored); the settings are {', '.join(sorted(SETTINGS))}")

    found = discover(root, settings)
    findings += found.findings
    notes += found.notes
    conf, conf_rel = found.conf, found.conf_rel

    language = settings.get("language")
    if language is not None and not isinstance(language, str):
        raise ConfigError("[tool.docscheck] language must be text, e.g. \"fr\"")
    if language is None and conf is not None and conf.get("language") is not None:
        language = conf.get("language")
        if not isinstance(language, str):
            line = conf.lines.get("language", 1)
            notes.append(f"{conf_rel}:{line}: language is {language!r}, not text; docscheck reads the pages as if no language were set")
            language = None

    root_doc, docs_exclude, docs_include = documents(conf)
    figures = _bool(settings, "figures", False)
    figures_path, figures_findings, figures_notes = figures_file(root, settings, found.bib, figures)
    findings += figures_findings
    notes += figures_notes
    triage = triage_dir(root, settings, findings)

    today = settings.get("today", _dt.date.today())
    if not isinstance(today, _dt.date):
        raise ConfigError("today must be a date")
    return Config(
        root=root,
        docs=found.docs.resolve(),
        glossary=found.glossary.resolve() if found.glossary else None,
        triage=triage,
        bib=tuple(p.resolve() for p in found.bib),
        review=_bool(settings, "review", False),
        exclude=str_list(settings.get("exclude", []), "exclude"),
        severity=_severity_table(settings.get("severity", {})),
        readability_min=_number(settings, "readability_min", 50.0),
        min_words=_number(settings, "min_words", 80, int),
        source_suffixes=source_suffixes(conf),
        root_doc=root_doc,
        docs_exclude=docs_exclude,
        docs_include=docs_include,
        myst_extensions=myst_extensions(conf),
        today=today,
        setup_findings=tuple(findings),
        editorial=editorial,
        language=language,
        evidence=_bool(settings, "evidence", False),
        evidence_max_age=_number(settings, "evidence_max_age", 6, int, minimum=0),
        figures=figures,
        figures_file=figures_path,
        jargon=_bool(settings, "jargon", False),
        jargon_max_zipf=_number(settings, "jargon_max_zipf", DEFAULT_JARGON_MAX_ZIPF, minimum=0),
        jargon_allow=jargon_allow(root, settings["jargon_allow"]) if "jargon_allow" in settings else (),
        conf=found.conf_path.resolve() if found.conf_path is not None and inside(root, found.conf_path) else None,
        notes=tuple(notes),
    )
