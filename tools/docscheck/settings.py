"""docscheck settings: auto-detection, ``[tool.docscheck]`` in pyproject.toml, explicit overrides.

Precedence, lowest first: auto-detection (``docs/``, ``glossary/``, ``references.bib`` or
``bibtex_bibfiles`` of ``docs/conf.py``), then ``[tool.docscheck]``, then ``overrides`` (the CLI).

``[tool.docscheck]`` keys: ``docs`` (dir), ``glossary`` (dir), ``bib`` (file or list), ``review``
(bool, enables PAGE002), ``exclude`` (globs relative to ROOT, ``**`` allowed), ``readability_min``
(number, PAGE004 threshold, default 50), ``min_words`` (PAGE004 ignores shorter pages, default 80)
and the table ``[tool.docscheck.severity]`` mapping a code to ``"error"``, ``"warning"`` or ``"off"``.
"""

from __future__ import annotations

import datetime as _dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .records import Finding, Severity, SourceError
from .parsers.sphinx_conf import SphinxConf, parse_sphinx_conf

CODES = (
    "TERM001", "TERM002", "TERM003", "TERM004", "TERM005", "TERM006", "TERM007",
    "CITE001", "CITE002", "CITE003", "CITE004", "CITE005",
    "PAGE001", "PAGE002", "PAGE003", "PAGE004", "FILE001",
)  # fmt: skip
SEVERITY_CHOICES = ("error", "warning", "off")
DEFAULT_MYST_EXTENSIONS = frozenset({"colon_fence", "deflist", "dollarmath"})
KNOWN_MYST_EXTENSIONS = frozenset(
    {"colon_fence", "deflist", "dollarmath", "amsmath", "fieldlist", "substitution", "strikethrough", "tasklist", "attrs_inline", "attrs_block"}
)


class ConfigError(Exception):
    """Settings that cannot be used (missing directory, ill-typed key): a usage error, exit 2."""


@dataclass(frozen=True)
class Config:
    """Everything a check needs to know about a project; paths are absolute."""

    root: Path
    docs: Path
    glossary: Path | None
    bib: tuple[Path, ...]
    review: bool = False
    exclude: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    readability_min: float = 50.0
    min_words: int = 80
    source_suffixes: tuple[str, ...] = (".md", ".rst")
    root_doc: str = "index"
    docs_exclude: tuple[str, ...] = ()
    myst_extensions: frozenset[str] = DEFAULT_MYST_EXTENSIONS
    today: _dt.date = field(default_factory=_dt.date.today)
    setup_findings: tuple[Finding, ...] = ()

    def relpath(self, path: Path) -> str:
        """``path`` relative to ROOT in POSIX form (as findings report it)."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def glob_regex(pattern: str) -> re.Pattern[str]:
    """Translate a glob with ``**`` (any depth) into a regex over POSIX relative paths."""
    out = []
    i = 0
    pattern = pattern.strip().lstrip("./") if pattern.startswith("./") else pattern.strip()
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + "(?:/.*)?$")


def is_excluded(relpath: str, patterns: tuple[str, ...]) -> bool:
    return any(glob_regex(p).match(relpath) for p in patterns)


def _read_pyproject(root: Path) -> tuple[dict[str, Any], list[Finding]]:
    path = root / "pyproject.toml"
    if not path.is_file():
        return {}, []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [Finding("pyproject.toml", 1, "FILE001", Severity.ERROR, f"cannot read pyproject.toml: {exc.__class__.__name__}")]
    except tomllib.TOMLDecodeError as exc:
        line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(exc))) else 1
        return {}, [Finding("pyproject.toml", line, "FILE001", Severity.ERROR, f"pyproject.toml is not valid TOML: {exc}")]
    tool = data.get("tool", {})
    settings = tool.get("docscheck", {}) if isinstance(tool, dict) else {}
    if not isinstance(settings, dict):
        raise ConfigError("pyproject.toml: [tool.docscheck] must be a table")
    return settings, []


def _read_conf(docs: Path, root: Path) -> tuple[SphinxConf | None, Path | None, list[Finding]]:
    conf = docs / "conf.py"
    if not conf.is_file():
        conf = root / "conf.py"
        if not conf.is_file():
            return None, None, []
    rel = conf.relative_to(root).as_posix() if conf.is_relative_to(root) else conf.as_posix()
    try:
        text = conf.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return None, conf, [Finding(rel, 1, "FILE001", Severity.ERROR, f"cannot read conf.py: {exc.__class__.__name__}")]
    try:
        return parse_sphinx_conf(text, rel), conf, []
    except SourceError as exc:
        return None, conf, [Finding(exc.path, exc.line, "FILE001", Severity.ERROR, exc.message)]


def _str_list(value: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"[tool.docscheck] {key} must be a string or a list of strings")


def _resolve(root: Path, value: str | Path) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else root / path


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


def _suffixes(value: object) -> tuple[str, ...] | None:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)):
        return tuple(v for v in value if isinstance(v, str))
    if isinstance(value, dict):
        return tuple(k for k, v in value.items() if isinstance(k, str) and v in ("restructuredtext", "markdown"))
    return None


def load_config(root: Path, overrides: dict[str, Any] | None = None) -> Config:
    """Build the :class:`Config` of the project at ``root``; raises :class:`ConfigError` on bad settings."""
    root = Path(root).resolve()
    if not root.is_dir():
        raise ConfigError(f"{root}: no such directory (ROOT must be the project directory)")
    settings, findings = _read_pyproject(root)
    settings = {**settings, **{k: v for k, v in (overrides or {}).items() if v is not None}}

    if "docs" in settings:
        docs = _resolve(root, str(settings["docs"]))
        if not docs.is_dir():
            raise ConfigError(f"docs directory {docs} does not exist; fix --docs or [tool.docscheck] docs")
    else:
        docs = root / "docs" if (root / "docs").is_dir() else root

    conf, conf_path, conf_findings = _read_conf(docs, root)
    findings += conf_findings

    if "glossary" in settings:
        glossary: Path | None = _resolve(root, str(settings["glossary"]))
        if not glossary.is_dir():
            raise ConfigError(f"glossary directory {glossary} does not exist; fix --glossary or [tool.docscheck] glossary")
    else:
        glossary = root / "glossary" if (root / "glossary").is_dir() else None

    bib: list[Path] = []
    if "bib" in settings:
        for name in _str_list(settings["bib"], "bib"):
            path = _resolve(root, name)
            if not path.is_file():
                raise ConfigError(f"bibliography file {path} does not exist; fix --bib or [tool.docscheck] bib")
            bib.append(path)
    elif conf is not None and conf.get("bibtex_bibfiles") is not None:
        names = conf.get("bibtex_bibfiles")
        names = [names] if isinstance(names, str) else names
        for name in names if isinstance(names, (list, tuple)) else []:
            if not isinstance(name, str):
                continue
            path = (conf_path.parent / name) if conf_path else root / name  # type: ignore[union-attr]
            if path.is_file():
                bib.append(path)
            else:
                rel = conf_path.relative_to(root).as_posix() if conf_path and conf_path.is_relative_to(root) else "conf.py"
                line = conf.lines.get("bibtex_bibfiles", 1)
                findings.append(Finding(rel, line, "FILE001", Severity.ERROR, f"bibtex_bibfiles names {name!r}, which does not exist"))
    elif (root / "references.bib").is_file():
        bib.append(root / "references.bib")

    review = settings.get("review", False)
    if not isinstance(review, bool):
        raise ConfigError("[tool.docscheck] review must be true or false")
    readability = settings.get("readability_min", 50)
    if isinstance(readability, bool) or not isinstance(readability, (int, float)):
        raise ConfigError("[tool.docscheck] readability_min must be a number")
    min_words = settings.get("min_words", 80)
    if isinstance(min_words, bool) or not isinstance(min_words, int):
        raise ConfigError("[tool.docscheck] min_words must be an integer")

    suffixes = (".md", ".rst")
    root_doc = "index"
    docs_exclude: tuple[str, ...] = ()
    myst_extensions = DEFAULT_MYST_EXTENSIONS
    if conf is not None:
        suffixes = _suffixes(conf.get("source_suffix")) or suffixes
        doc = conf.get("root_doc", conf.get("master_doc"))
        root_doc = doc if isinstance(doc, str) else root_doc
        patterns = conf.get("exclude_patterns")
        if isinstance(patterns, (list, tuple)):
            docs_exclude = tuple(p for p in patterns if isinstance(p, str))
        ext = conf.get("myst_enable_extensions")
        if isinstance(ext, (list, tuple, set)):
            myst_extensions = frozenset(e for e in ext if e in KNOWN_MYST_EXTENSIONS)

    today = settings.get("today", _dt.date.today())
    if not isinstance(today, _dt.date):
        raise ConfigError("today must be a date")
    return Config(
        root=root,
        docs=docs.resolve(),
        glossary=glossary.resolve() if glossary else None,
        bib=tuple(p.resolve() for p in bib),
        review=review,
        exclude=_str_list(settings.get("exclude", []), "exclude"),
        severity=_severity_table(settings.get("severity", {})),
        readability_min=float(readability),
        min_words=min_words,
        source_suffixes=tuple(s if s.startswith(".") else "." + s for s in suffixes),
        root_doc=root_doc,
        docs_exclude=docs_exclude,
        myst_extensions=myst_extensions,
        today=today,
        setup_findings=tuple(findings),
    )
