"""Discovery: where a Sphinx project keeps its pages, its ``conf.py``, its glossary and its bibliography.

The first step of loading a configuration (:func:`docscheck.settings.load_config`), and the one that
makes docscheck work with no configuration at all. What ``[tool.docscheck]`` or the command line
names wins; otherwise the Sphinx source directory is the first of :data:`SOURCE_DIRS` (``docs/``,
``docs/source/``, ``doc/``, ``doc/source/``, ``source/``, ``documentation/`` and ROOT) holding a
``conf.py``, which is read statically (never run); ``bibtex_bibfiles`` are taken relative to it
(else ``ROOT/references.bib``), and ``glossary/`` (or conf.py's ``termbase_glossary_dir``) is a
folder of entries only when its files are entries. Nothing that resolves outside ROOT is read
(:mod:`docscheck.source_files`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .parsers.sphinx_conf import SphinxConf, parse_sphinx_conf
from .records import DEFAULT_MYST_EXTENSIONS, ConfigError, Finding, Severity, SourceError
from .source_files import inside, outside_finding, relative

KNOWN_MYST_EXTENSIONS = frozenset(
    {
        "colon_fence", "deflist", "dollarmath", "amsmath", "fieldlist", "substitution", "strikethrough", "tasklist",
        "attrs_inline", "attrs_block", "html_admonition", "html_image", "replacements", "smartquotes",
    }
)  # fmt: skip


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


def read_conf(conf: Path, root: Path) -> tuple[SphinxConf | None, list[Finding]]:
    """conf.py's literal values, or the FILE001 finding that says why it could not be read."""
    rel = relative(root, conf)
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


@dataclass
class Discovery:
    """What :func:`discover` found: the project's Sphinx source directory, ``conf.py``, glossary
    entries and bibliography, with what could not be read (``findings``) or found (``notes``)."""

    docs: Path
    conf_path: Path | None
    conf: SphinxConf | None
    #: conf.py as findings and notes name it
    conf_rel: str
    glossary: Path | None
    bib: list[Path]
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def discover(root: Path, settings: dict[str, Any]) -> Discovery:
    """Where the project at ``root`` keeps its pages, ``conf.py``, entries and bibliography.

    ``docs``, ``glossary`` and ``bib`` in ``settings`` (``[tool.docscheck]`` and the CLI) win;
    raises :class:`ConfigError` when one of them names nothing. Anything else is found as the
    module docstring says, and nothing that resolves outside ROOT is kept.
    """
    findings: list[Finding] = []
    notes: list[str] = []
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
            notes.append(f"no Sphinx conf.py found (searched {searched}); reading pages under {relative(root, docs) or '.'}/ with default settings; pass --docs DIR to name the Sphinx source directory")
    if not inside(root, docs):
        findings.append(outside_finding(relative(root, docs), what="directory"))
        docs = root

    conf: SphinxConf | None = None
    if conf_path is not None:
        conf, conf_findings = read_conf(conf_path, root)
        findings += conf_findings
    conf_rel = relative(root, conf_path) if conf_path else "conf.py"
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
        findings.append(outside_finding(relative(root, glossary), what="glossary directory"))
        glossary = None

    bib: list[Path] = []
    if "bib" in settings:
        for name in str_list(settings["bib"], "bib"):
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
                findings.append(Finding(conf_rel, line, "FILE001", Severity.ERROR, f"bibtex_bibfiles names {name!r}, which does not exist (paths are relative to {relative(root, conf_path.parent) or '.'}/)"))
    elif (root / "references.bib").is_file() and not _without_bibtex(conf):
        bib.append(root / "references.bib")
    safe_bib = []
    for path in bib:
        if inside(root, path):
            safe_bib.append(path)
        else:
            findings.append(outside_finding(relative(root, path), what="bibliography file"))

    return Discovery(docs, conf_path, conf, conf_rel, glossary, safe_bib, findings, notes)


def figures_file(root: Path, settings: dict[str, Any], bib: list[Path], figures: bool) -> tuple[Path | None, list[Finding], list[str]]:
    """The figures file (PAGE006): ``figures_file``, else ``<first bib file stem>-figures.yaml`` beside
    it (ROOT without a bibliography), with findings and notes.

    A named file must exist (:class:`ConfigError`); the default one may not (with ``figures = true``,
    a note says so). One that resolves outside ROOT is never read (FILE001).
    """
    if "figures_file" in settings:
        value = settings["figures_file"]
        if not isinstance(value, str):
            raise ConfigError('[tool.docscheck] figures_file must be a path, e.g. "references-figures.yaml"')
        path = _resolve(root, value)
        if not path.is_file():
            raise ConfigError(f"figures file {path} {_missing(path, 'a file')}; fix [tool.docscheck] figures_file")
    else:
        path = bib[0].with_name(bib[0].stem + "-figures.yaml") if bib else root / "references-figures.yaml"
        if not path.is_file():
            note = f"figures = true but {relative(root, path)} does not exist: no source records a figure, so PAGE006 reports every cited figure"
            return None, [], [note] if figures else []
    if not inside(root, path):
        return None, [outside_finding(relative(root, path), what="figures file")], []
    return path, [], []


def triage_dir(root: Path, settings: dict[str, Any], findings: list[Finding]) -> Path | None:
    """``[tool.docscheck] triage``, else ``ROOT/triage`` when the project has one (never outside ROOT)."""
    if "triage" in settings:
        triage = _resolve(root, str(settings["triage"]))
        if not triage.is_dir():
            raise ConfigError(f"triage directory {triage} {_missing(triage, 'a directory')}; fix [tool.docscheck] triage")
    elif (root / "triage").is_dir():
        triage = root / "triage"
    else:
        return None
    if not inside(root, triage):
        findings.append(outside_finding(relative(root, triage), what="triage directory"))
        return None
    return triage.resolve()


def documents(conf: SphinxConf | None) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """``root_doc``, the exclusion globs (``exclude_patterns``, ``templates_path``) and
    ``include_patterns`` of conf.py, relative to the source directory, as Sphinx takes them."""
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
    return root_doc, docs_exclude, docs_include


def myst_extensions(conf: SphinxConf | None) -> frozenset[str]:
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


def source_suffixes(conf: SphinxConf | None) -> tuple[str, ...]:
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


def _suffixes(value: object) -> tuple[str, ...] | None:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)):
        return tuple(v for v in value if isinstance(v, str))
    if isinstance(value, dict):
        return tuple(k for k, v in value.items() if isinstance(k, str) and v in ("restructuredtext", "markdown"))
    return None



def _without_bibtex(conf: SphinxConf | None) -> bool:
    """conf.py lists its extensions literally and sphinxcontrib-bibtex is not among them."""
    if conf is None or "extensions" in conf.partial:
        return False
    extensions = conf.get("extensions")
    return isinstance(extensions, list) and not any(isinstance(e, str) and e.startswith("sphinxcontrib.bibtex") for e in extensions)


def str_list(value: Any, key: str) -> tuple[str, ...]:
    """A ``[tool.docscheck]`` value that is a string or a list of strings, as a tuple."""
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
