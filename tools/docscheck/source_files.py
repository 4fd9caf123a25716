"""Find and read the files of a project: pages under the docs dir, entries, BibTeX files.

Directories are walked once each even through symlinks (loops are cut by remembering real
directories), build and hidden directories are skipped, and reading never raises: a file that
cannot be read or decoded becomes a FILE001 finding.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .records import Finding, Severity
from .settings import Config, glob_regex, inside, is_excluded, outside_finding

SKIPPED_DIRS = frozenset({"_build", "_static", "_templates", "node_modules", "__pycache__", "venv", "build"})


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
                        findings.append(outside_finding(_relative(Path(child.path), root), what="directory" if is_dir else "file"))
                    continue
                if wanted and is_dir:
                    stack.append(Path(child.path))
                elif wanted:
                    found.append(Path(child.path))
            except OSError:
                continue
    return iter(sorted(found))


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


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
        if config.glossary is not None and path.is_relative_to(config.glossary):
            continue
        if is_excluded(config.relpath(path), config.exclude):
            continue
        files.append(path)
    return files


def entry_files(config: Config, findings: list[Finding] | None = None) -> list[Path]:
    """Glossary entry files; a README.md documents the folder and is not an entry (termbase agrees)."""
    if config.glossary is None:
        return []
    try:
        paths = sorted(p for p in config.glossary.glob("*.md") if p.is_file() and p.name.lower() != "readme.md")
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
