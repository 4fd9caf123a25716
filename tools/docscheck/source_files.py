"""The project's file tree: what is inside ROOT, relative paths, exclusion, walking, safe reading.

Nothing that resolves outside ROOT is read (:func:`inside`; FILE001 « outside the project, not
read », :func:`outside_finding`). Findings name files relative to ROOT (:func:`relative`).
``exclude`` globs (``**`` for any depth) are matched on those relative paths (:func:`is_excluded`).
Directories are walked once each even through symlinks (loops are cut by remembering real
directories), build and hidden directories are skipped (:func:`walk_files`); :func:`page_files`
and :func:`entry_files` list what Sphinx and termbase read. Reading never raises: a file that
cannot be read or decoded becomes a FILE001 finding (:func:`read_text`, :func:`readable_files`),
and an included fragment is read only inside ROOT (:func:`include_reader`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .parsers.page_collector import IncludeReader
from .records import Config, Finding, Severity, SourceError

SKIPPED_DIRS = frozenset({"_build", "_static", "_templates", "node_modules", "__pycache__", "venv", "build"})


def inside(root: Path, path: Path) -> bool:
    """True when ``path``, symlinks resolved, lies within ROOT: nothing else is ever read."""
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a symlink loop
        return False


def outside_finding(rel: str, line: int = 1, what: str = "file") -> Finding:
    """FILE001 for a path that resolves outside ROOT; its content is never read, so never shown."""
    return Finding(rel, line, "FILE001", Severity.ERROR, f"{what} resolves outside the project, not read (docscheck reads only files under ROOT)")


def relative(root: Path, path: Path) -> str:
    """POSIX path relative to ROOT, without resolving symlinks (as the user sees it)."""
    try:
        return path.relative_to(root).as_posix()
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


def walk_files(top: Path, suffixes: tuple[str, ...], root: Path | None = None, findings: list[Finding] | None = None) -> Iterator[Path]:
    """Files under ``top`` with one of ``suffixes``, sorted, each real directory visited once.

    With ``root``, a symlink (to a file or a directory) that resolves outside ``root`` is not
    followed: it is reported in ``findings`` as FILE001 « outside the project, not read ».
    """
    seen: set[tuple[int, int]] = set()
    stack = [top]
    found: list[Path] = []
    while stack:
        directory = stack.pop()
        try:
            stat = directory.stat()
        except OSError:
            continue
        if (stat.st_dev, stat.st_ino) in seen:
            continue
        seen.add((stat.st_dev, stat.st_ino))
        try:
            children = list(os.scandir(directory))
        except OSError:
            continue
        for child in children:
            name = child.name
            if name.startswith("."):
                continue
            try:
                is_dir = child.is_dir()
                wanted = is_dir and name not in SKIPPED_DIRS or not is_dir and child.is_file() and name.endswith(suffixes)
                if wanted and root is not None and child.is_symlink() and not inside(root, Path(child.path)):
                    if findings is not None:
                        findings.append(outside_finding(relative(root, Path(child.path)), what="directory" if is_dir else "file"))
                    continue
                if wanted and is_dir:
                    stack.append(Path(child.path))
                elif wanted:
                    found.append(Path(child.path))
            except OSError:
                continue
    return iter(sorted(found))


def page_files(config: Config, findings: list[Finding] | None = None) -> list[Path]:
    """Pages Sphinx would read: source suffixes under docs, minus conf and project exclusions.

    The glossary folder's entries are not pages; symlinks leading outside ROOT are reported in
    ``findings`` and skipped.
    """
    files = _page_files(config, config.source_suffixes, findings)
    if not files and ".md" not in config.source_suffixes:
        # conf.py does not enable MyST, yet the project has only Markdown pages: a minimal
        # conf.py rather than pages nobody reads, so read them
        files = _page_files(config, (".md",), None)
    return files


def _page_files(config: Config, suffixes: tuple[str, ...], findings: list[Finding] | None) -> list[Path]:
    docs_patterns = tuple(glob_regex(p) for p in config.docs_exclude)
    include = () if config.docs_include == ("**",) else tuple(glob_regex(p) for p in config.docs_include)
    files = []
    for path in walk_files(config.docs, suffixes, config.root, findings):
        rel_docs = path.relative_to(config.docs).as_posix() if path.is_relative_to(config.docs) else path.name
        if any(p.match(rel_docs) for p in docs_patterns) or include and not any(p.match(rel_docs) for p in include):
            continue
        if any(folder is not None and path.is_relative_to(folder) for folder in (config.glossary, config.triage)):
            continue
        if is_excluded(config.relpath(path), config.exclude):
            continue
        files.append(path)
    return files


def entry_files(config: Config, findings: list[Finding] | None = None) -> list[Path]:
    """Glossary entry files; a README.md documents the folder and is not an entry (termbase agrees)."""
    return folder_entries(config.glossary, config, findings)


def triage_files(config: Config, findings: list[Finding] | None = None) -> list[Path]:
    """The triage table's files, one symptom each (its README.md is not one)."""
    return folder_entries(config.triage, config, findings)


def folder_entries(folder: Path | None, config: Config, findings: list[Finding] | None = None) -> list[Path]:
    """``folder/*.md`` but README.md, not excluded; a file that resolves outside ROOT is reported, not read."""
    if folder is None:
        return []
    try:
        paths = sorted(p for p in folder.glob("*.md") if p.is_file() and p.name.lower() != "readme.md")
    except OSError:
        return []
    kept = []
    for path in paths:
        if is_excluded(config.relpath(path), config.exclude):
            continue
        if path.is_symlink() and not inside(config.root, path):  # the folder itself was vetted
            if findings is not None:
                findings.append(outside_finding(config.relpath(path)))
            continue
        kept.append(path)
    return kept


def read_text(path: Path, rel: str) -> tuple[str | None, Finding | None]:
    """UTF-8 text of a file (BOM allowed) or a FILE001 finding that says how to fix it."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, Finding(rel, 1, "FILE001", Severity.ERROR, f"cannot read file: {exc.strerror or exc.__class__.__name__}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, Finding(rel, line, "FILE001", Severity.ERROR, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); save the file as UTF-8")
    if "\x00" in text:
        return None, Finding(rel, 1, "FILE001", Severity.ERROR, "file contains NUL bytes; it is not a text file")
    return text, None


def readable_files(paths: Iterable[Path], config: Config, findings: list[Finding]) -> Iterator[tuple[Path, str, str]]:
    """``(path, relative path, text)`` of each file that reads as UTF-8; FILE001 for the others.

    A file that resolves outside ROOT is never opened (FILE001 « outside the project, not read »).
    """
    for path in paths:
        rel = config.relpath(path)
        if path.is_symlink() and not inside(config.root, path):  # directories were vetted when walked
            findings.append(outside_finding(rel))
            continue
        text, problem = read_text(path, rel)
        if problem is not None or text is None:
            findings.append(problem)  # type: ignore[arg-type]
            continue
        yield path, rel, text


def include_reader(config: Config, generated: Callable[[str], bool] | None = None, notes: list[str] | None = None) -> IncludeReader:
    """Read fragments named by include directives, never outside ROOT (paths as Sphinx takes them).

    A missing fragment that ``generated(rel)`` says the build writes (``conf.py`` names it as a
    literal string) reads as empty, with a note in ``notes``, not a FILE001.
    """

    def read(target: str, base: str) -> tuple[str, str]:
        if target.startswith("/"):
            path = config.docs / target.lstrip("/")
        else:
            path = (config.root / base).parent / target
        rel = config.relpath(Path(os.path.normpath(path)))
        if not inside(config.root, path):
            raise SourceError("", 0, f"included file {target!r} resolves outside the project, not read")
        if not path.is_file():
            if not path.exists() and generated is not None and generated(rel):
                if notes is not None:
                    notes.append(f"{rel} (included by {base}) does not exist; conf.py names it, so the build writes it: not checked")
                return rel, ""
            raise SourceError("", 0, f"included file {target!r} not found (looked for {rel})")
        text, problem = read_text(path, rel)
        if text is None:
            raise SourceError("", 0, f"included file {rel}: {problem.message if problem else 'unreadable'}")
        return rel, text

    return read
