"""``docscheck fix``: change the files of a project where a finding has one right fix.

- ``--link-terms`` (:mod:`.link_terms`): link the first unlinked mention of each defined term on
  each page (what TERM007 reports);
- ``--doi`` (:mod:`.doi`): remove ``doi:`` / ``https://doi.org/`` prefixes from BibTeX DOI fields.

Arguments: none (ROOT is ``.``), one directory (ROOT), or files and directories under the current
directory, which is then ROOT (only those pages or BibTeX files are fixed). A file is written
only when it changes, atomically (a temporary file beside it, then a rename), and never outside
ROOT. ``--dry-run`` writes nothing and prints a unified diff instead.

Exit status: 0 nothing to change, 1 files changed (with ``--dry-run``: would change), 2 a usage
or I/O problem.
"""

from __future__ import annotations

import argparse
import difflib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from docscheck.parsers.markdown import markdown_parser
from docscheck.project import load_glossary, load_pages
from docscheck.records import Config, ConfigError
from docscheck.settings import load_config
from docscheck.source_files import inside, page_files

from .doi import strip_doi_prefixes
from .link_terms import Terms, block_terms, link_terms


class FixError(Exception):
    """A usage problem (exit status 2)."""


def project_and_selection(paths: list[str]) -> tuple[Path, set[Path] | None]:
    """ROOT and the files to fix (None: every file of the project)."""
    if not paths:
        return Path(".").resolve(), None
    if len(paths) == 1 and Path(paths[0]).is_dir():
        return Path(paths[0]).resolve(), None
    root = Path(".").resolve()
    selected: set[Path] = set()
    for name in paths:
        path = Path(name)
        if not path.exists():
            raise FixError(f"{name}: no such file or directory")
        if not inside(root, path):
            raise FixError(f"{name} is outside the project ({root}); run docscheck fix from the project directory")
        if path.is_dir():
            selected.update(p.resolve() for p in path.rglob("*") if p.is_file())
        else:
            selected.add(path.resolve())
    return root, selected


def read(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` by ``text`` in one rename, keeping its permissions."""
    mode = path.stat().st_mode & 0o7777
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(text.encode("utf-8"))
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def link_changes(config: Config, selected: set[Path] | None, err: TextIO) -> Iterator[tuple[Path, str, str, list[str]]]:
    pages, _findings = load_pages(config)
    entries, _entry_findings = load_glossary(config.root, config)
    terms = Terms((*entries, *block_terms(pages)))
    md = markdown_parser(config.myst_extensions)
    for path in page_files(config):
        if selected is not None and path.resolve() not in selected:
            continue
        rel = config.relpath(path)
        text = read(path)
        if text is None:
            err.write(f"docscheck: note: {rel}: not UTF-8 or unreadable, not fixed\n")
            continue
        fixed = link_terms(text, rel, terms, md)
        messages = [f"{rel}:{line}: '{' '.join(written.split())}' → {role}" for line, written, role in fixed.linked]
        for line, words in fixed.skipped:
            err.write(f"docscheck: note: {rel}:{line}: the first mention of '{words}' cannot be linked without changing what the page shows; link it by hand\n")
        yield path, text, fixed.text, messages


def doi_changes(config: Config, selected: set[Path] | None, err: TextIO) -> Iterator[tuple[Path, str, str, list[str]]]:
    files = sorted(p for p in selected if p.suffix == ".bib") if selected is not None else list(config.bib)
    for path in files:
        rel = config.relpath(path)
        text = read(path)
        if text is None:
            err.write(f"docscheck: note: {rel}: not UTF-8 or unreadable, not fixed\n")
            continue
        fixed, changes = strip_doi_prefixes(text)
        yield path, text, fixed, [f"{rel}:{line}: '{key}': removed '{prefix}' from the DOI" for line, key, prefix in changes]


def run_fix(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        root, selected = project_and_selection(args.paths)
        config = load_config(root)
    except (FixError, ConfigError) as exc:
        err.write(f"docscheck: error: {exc}\n")
        return 2
    changes = doi_changes(config, selected, err) if args.doi else link_changes(config, selected, err)
    changed = 0
    for path, old, new, messages in changes:
        if new == old:
            continue
        changed += 1
        rel = config.relpath(path)
        if args.dry_run:
            out.writelines(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{rel}", f"b/{rel}"))
        elif not inside(config.root, path):
            err.write(f"docscheck: note: {rel} resolves outside the project, not written\n")
            continue
        else:
            write_atomically(path.resolve(), new)  # through a symlink inside ROOT, to the file it names
        for message in messages:
            err.write(f"docscheck: {'would fix' if args.dry_run else 'fixed'}: {message}\n")
    what = "would change" if args.dry_run else "changed"
    err.write(f"docscheck: {what} {changed} file(s)\n")
    return 1 if changed else 0
