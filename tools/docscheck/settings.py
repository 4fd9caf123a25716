"""docscheck settings: auto-detection, ``[tool.docscheck]`` in pyproject.toml, explicit overrides.

Precedence, lowest first: auto-detection, then ``[tool.docscheck]``, then ``overrides`` (the CLI).
Auto-detection finds the Sphinx source directory (the first of ``docs/``, ``docs/source/``,
``doc/``, ``doc/source/``, ``source/``, ``documentation/`` and ROOT holding a ``conf.py``), reads that
``conf.py`` statically, takes ``bibtex_bibfiles`` relative to it (else ``ROOT/references.bib``), and
takes ``glossary/`` (or conf.py's ``termbase_glossary_dir``) as a folder of entries only when its
files are entries. Nothing that resolves outside ROOT is read.

``[tool.docscheck]`` keys: ``docs`` (dir), ``glossary`` (dir), ``bib`` (file or list), ``review``
(bool, enables PAGE002 and PAGE005), ``exclude`` (globs relative to ROOT, ``**`` allowed),
``readability_min`` (number, PAGE004 threshold, default 50), ``min_words`` (PAGE004 ignores shorter
pages, default 80), ``language`` (overrides conf.py's), ``evidence`` (bool, enables CITE006),
``evidence_max_age`` (years, PAGE005, default 6, 0 = off) and the table ``[tool.docscheck.severity]``
mapping a code to ``"error"``, ``"warning"`` or ``"off"``. The table's mere presence opts the project
in to the editorial rules (PAGE001, PAGE003, PAGE004, TERM006, TERM007).
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
    "CITE006", "PAGE001", "PAGE002", "PAGE003", "PAGE004", "PAGE005", "FILE001",
)  # fmt: skip
SEVERITY_CHOICES = ("error", "warning", "off")
DEFAULT_MYST_EXTENSIONS = frozenset({"colon_fence", "deflist", "dollarmath"})
KNOWN_MYST_EXTENSIONS = frozenset(
    {
        "colon_fence", "deflist", "dollarmath", "amsmath", "fieldlist", "substitution", "strikethrough", "tasklist",
        "attrs_inline", "attrs_block", "html_admonition", "html_image", "replacements", "smartquotes",
    }
)  # fmt: skip


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
    #: conf.py's ``include_patterns`` (Sphinx's default ``**`` reads everything)
    docs_include: tuple[str, ...] = ("**",)
    myst_extensions: frozenset[str] = DEFAULT_MYST_EXTENSIONS
    today: _dt.date = field(default_factory=_dt.date.today)
    setup_findings: tuple[Finding, ...] = ()
    #: the project has a ``[tool.docscheck]`` table: editorial rules apply
    editorial: bool = False
    language: str | None = None
    evidence: bool = False
    evidence_max_age: int = 6
    #: the Sphinx conf.py that was read, if any
    conf: Path | None = None
    #: what discovery could not find or read fully, for the user (printed on stderr by the CLI)
    notes: tuple[str, ...] = ()

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


def _str_list(value: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"[tool.docscheck] {key} must be a string or a list of strings")


def _missing(path: Path, kind: str) -> str:
    """Why ``path`` cannot be used as ``kind`` ("a directory", "a file")."""
    return "does not exist" if not path.exists() else f"is not {kind}"


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



def inside(root: Path, path: Path) -> bool:
    """True when ``path``, symlinks resolved, lies within ROOT: nothing else is ever read."""
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a symlink loop
        return False


def outside_finding(rel: str, line: int = 1, what: str = "file") -> Finding:
    """FILE001 for a path that resolves outside ROOT; its content is never read, so never shown."""
    return Finding(rel, line, "FILE001", Severity.ERROR, f"{what} resolves outside the project, not read (docscheck reads only files under ROOT)")


def _rel(root: Path, path: Path) -> str:
    """POSIX path relative to ROOT, without resolving symlinks (as the user sees it)."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _read_conf(conf: Path, root: Path) -> tuple[SphinxConf | None, list[Finding]]:
    rel = _rel(root, conf)
    if not inside(root, conf):
        return None, [outside_finding(rel)]
    try:
        text = conf.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Finding(rel, 1, "FILE001", Severity.ERROR, f"cannot read conf.py: {exc.__class__.__name__}")]
    try:
        return parse_sphinx_conf(text, rel), []
    except SourceError as exc:
        return None, [Finding(exc.path, exc.line, "FILE001", Severity.ERROR, exc.message)]


#: Where Sphinx projects keep their source directory (the one holding conf.py), most common first.
SOURCE_DIRS = ("docs", "docs/source", "doc", "doc/source", "source", "documentation", ".")


def find_source_dir(root: Path) -> Path | None:
    """The directory holding the project's Sphinx ``conf.py`` among :data:`SOURCE_DIRS`."""
    for name in SOURCE_DIRS:
        conf = root / name / "conf.py"
        if conf.is_file():
            return (root / name) if name != "." else root
    return None


ENTRY_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(?:.*\r?\n)*?term[ \t]*:", re.MULTILINE)


def looks_like_entries(folder: Path, root: Path) -> bool:
    """A folder of glossary entries: most of its Markdown files open with front matter giving ``term:``.

    A ``glossary/`` folder of ordinary pages (holding ``glossary`` directives) is not one.
    """
    try:
        files = [p for p in folder.glob("*.md") if p.name.lower() != "readme.md" and p.is_file() and inside(root, p)]
    except OSError:
        return False
    if not files:
        return False
    entries = 0
    for path in files:
        try:
            head = path.read_bytes()[:4096].decode("utf-8", "replace")
        except OSError:
            continue
        if ENTRY_FRONT_MATTER.match(head):
            entries += 1
    return entries * 2 >= len(files)


#: The keys of ``[tool.docscheck]`` (``severity`` is the ``[tool.docscheck.severity]`` table).
SETTINGS = frozenset({"docs", "glossary", "bib", "language", "today", "review", "exclude", "severity",
                      "readability_min", "min_words", "evidence", "evidence_max_age"})  # fmt: skip


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


def _myst_extensions(conf: SphinxConf | None) -> frozenset[str]:
    """MyST extensions as Sphinx would enable them: conf.py's list (a computed one: all of them)."""
    if conf is None:
        return DEFAULT_MYST_EXTENSIONS
    value = conf.get("myst_enable_extensions")
    if "myst_enable_extensions" in conf.partial:
        return KNOWN_MYST_EXTENSIONS  # computed: be permissive rather than miss a directive
    if isinstance(value, (list, tuple, set)):
        return frozenset(e for e in value if isinstance(e, str) and e in KNOWN_MYST_EXTENSIONS)
    if "myst_enable_extensions" in conf.lines:
        return KNOWN_MYST_EXTENSIONS
    # not set: MyST enables none, but `:::` fences, `$math$` and `term\n: definition` lists only
    # change how roles are grouped, never whether they are read: keep the common ones
    return DEFAULT_MYST_EXTENSIONS


def _source_suffixes(conf: SphinxConf | None) -> tuple[str, ...]:
    """``source_suffix`` of conf.py, else what Sphinx reads: ``.rst``, plus ``.md`` with MyST."""
    if conf is None:
        return (".md", ".rst")
    suffixes = _suffixes(conf.get("source_suffix"))
    if suffixes:
        return tuple(s if s.startswith(".") else "." + s for s in suffixes)
    extensions = conf.get("extensions")
    if not isinstance(extensions, list) or "extensions" in conf.partial:
        return (".md", ".rst")
    myst = any(isinstance(e, str) and e.split(".")[0] in ("myst_parser", "myst_nb") for e in extensions)
    return (".md", ".rst") if myst else (".rst",)


def load_config(root: Path, overrides: dict[str, Any] | None = None) -> Config:
    """Build the :class:`Config` of the project at ``root``; raises :class:`ConfigError` on bad settings.

    Zero-config discovery: the Sphinx source directory is the first of :data:`SOURCE_DIRS` that
    holds a ``conf.py``; ``bibtex_bibfiles`` are relative to it; ``glossary/`` is a folder of entries
    only when its files are entries. What could not be found is said in ``Config.notes``.
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

    conf_path: Path | None = None
    if "docs" in settings:
        docs = _resolve(root, str(settings["docs"]))
        if not docs.is_dir():
            raise ConfigError(f"docs directory {docs} {_missing(docs, 'a directory')}; fix --docs or [tool.docscheck] docs")
        for candidate in (docs / "conf.py", root / "conf.py"):
            if candidate.is_file():
                conf_path = candidate
                break
    else:
        found = find_source_dir(root)
        if found is not None:
            docs, conf_path = found, found / "conf.py"
        else:
            docs = root / "docs" if (root / "docs").is_dir() else root
            searched = ", ".join(f"{d}/" for d in SOURCE_DIRS if d != ".") + " and ROOT"
            notes.append(f"no Sphinx conf.py found (searched {searched}); reading pages under {_rel(root, docs) or '.'}/ with default settings; pass --docs DIR to name the Sphinx source directory")
    if not inside(root, docs):
        findings.append(outside_finding(_rel(root, docs), what="directory"))
        docs = root

    conf: SphinxConf | None = None
    if conf_path is not None:
        conf, conf_findings = _read_conf(conf_path, root)
        findings += conf_findings
    conf_rel = _rel(root, conf_path) if conf_path else "conf.py"
    if conf is not None:
        for name, line in sorted(conf.partial.items(), key=lambda item: item[1]):
            literal = ", ".join(repr(v) for v in conf.get(name, []))  # type: ignore[union-attr]
            notes.append(f"{conf_rel}:{line}: {name} is computed; docscheck never runs conf.py and uses only its literal part ({literal or 'nothing'}); set [tool.docscheck] in pyproject.toml to say more")

    glossary: Path | None = None
    if "glossary" in settings:
        glossary = _resolve(root, str(settings["glossary"]))
        if not glossary.is_dir():
            raise ConfigError(f"glossary directory {glossary} {_missing(glossary, 'a directory')}; fix --glossary or [tool.docscheck] glossary")
    elif conf is not None and isinstance(conf.get("termbase_glossary_dir"), str) and conf_path is not None:
        candidate = conf_path.parent / str(conf.get("termbase_glossary_dir"))
        glossary = candidate if candidate.is_dir() else None
    elif (root / "glossary").is_dir() and looks_like_entries(root / "glossary", root):
        glossary = root / "glossary"
    if glossary is not None and not inside(root, glossary):
        findings.append(outside_finding(_rel(root, glossary), what="glossary directory"))
        glossary = None

    bib: list[Path] = []
    if "bib" in settings:
        for name in _str_list(settings["bib"], "bib"):
            path = _resolve(root, name)
            if not path.is_file():
                raise ConfigError(f"bibliography file {path} {_missing(path, 'a file')}; fix --bib or [tool.docscheck] bib")
            bib.append(path)
    elif conf is not None and conf.get("bibtex_bibfiles") is not None and conf_path is not None:
        names = conf.get("bibtex_bibfiles")
        names = [names] if isinstance(names, str) else names
        line = conf.lines.get("bibtex_bibfiles", 1)
        for name in names if isinstance(names, (list, tuple)) else []:
            if not isinstance(name, str):
                continue
            path = conf_path.parent / name
            if not inside(root, path):
                findings.append(outside_finding(conf_rel, line, what=f"bibtex_bibfiles entry {name!r}"))
            elif path.is_file():
                bib.append(path)
            else:
                findings.append(Finding(conf_rel, line, "FILE001", Severity.ERROR, f"bibtex_bibfiles names {name!r}, which does not exist (paths are relative to {_rel(root, conf_path.parent) or '.'}/)"))
    elif (root / "references.bib").is_file() and not _without_bibtex(conf):
        bib.append(root / "references.bib")
    safe_bib = []
    for path in bib:
        if inside(root, path):
            safe_bib.append(path)
        else:
            findings.append(outside_finding(_rel(root, path), what="bibliography file"))

    language = settings.get("language")
    if language is not None and not isinstance(language, str):
        raise ConfigError("[tool.docscheck] language must be text, e.g. \"fr\"")
    if language is None and conf is not None and conf.get("language") is not None:
        language = conf.get("language")
        if not isinstance(language, str):
            line = conf.lines.get("language", 1)
            notes.append(f"{conf_rel}:{line}: language is {language!r}, not text; docscheck reads the pages as if no language were set")
            language = None

    root_doc = "index"
    docs_exclude: tuple[str, ...] = ()
    docs_include: tuple[str, ...] = ("**",)
    if conf is not None:
        doc = conf.get("root_doc", conf.get("master_doc"))
        root_doc = doc if isinstance(doc, str) else root_doc
        patterns: list[str] = []
        for name in ("exclude_patterns", "templates_path"):
            value = conf.get(name)
            if isinstance(value, (list, tuple)):
                patterns += [p for p in value if isinstance(p, str)]
        docs_exclude = tuple(patterns)
        included = conf.get("include_patterns")
        if isinstance(included, (list, tuple)) and "include_patterns" not in conf.partial:
            docs_include = tuple(p for p in included if isinstance(p, str))

    today = settings.get("today", _dt.date.today())
    if not isinstance(today, _dt.date):
        raise ConfigError("today must be a date")
    return Config(
        root=root,
        docs=docs.resolve(),
        glossary=glossary.resolve() if glossary else None,
        bib=tuple(p.resolve() for p in safe_bib),
        review=_bool(settings, "review", False),
        exclude=_str_list(settings.get("exclude", []), "exclude"),
        severity=_severity_table(settings.get("severity", {})),
        readability_min=_number(settings, "readability_min", 50.0),
        min_words=_number(settings, "min_words", 80, int),
        source_suffixes=_source_suffixes(conf),
        root_doc=root_doc,
        docs_exclude=docs_exclude,
        docs_include=docs_include,
        myst_extensions=_myst_extensions(conf),
        today=today,
        setup_findings=tuple(findings),
        editorial=editorial,
        language=language,
        evidence=_bool(settings, "evidence", False),
        evidence_max_age=_number(settings, "evidence_max_age", 6, int, minimum=0),
        conf=conf_path.resolve() if conf_path is not None and inside(root, conf_path) else None,
        notes=tuple(notes),
    )


def _without_bibtex(conf: SphinxConf | None) -> bool:
    """conf.py lists its extensions literally and sphinxcontrib-bibtex is not among them."""
    if conf is None or "extensions" in conf.partial:
        return False
    extensions = conf.get("extensions")
    return isinstance(extensions, list) and not any(isinstance(e, str) and e.startswith("sphinxcontrib.bibtex") for e in extensions)
