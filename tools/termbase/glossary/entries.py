"""Load ``glossary/*.md`` into validated records, once per build, with the name index.

Parsing and validation are docscheck's (:mod:`docscheck.parsers.glossary_entries`): one truth for the CLI
and the extension. This module only reads the files, keeps the findings for the front-end to
report, orders entries in French and maps every term, alias and form (by
:func:`docscheck.records.term_key`) to the slug of its entry.

Every file is read at every build (the only way to notice an edit, an added or a deleted file),
but a file whose bytes are those of the previous build is not parsed again, and when no file
changed the previous glossary is kept as it is: no parsing, no French sorting.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from docscheck.records import Finding, GlossaryEntry, Severity, SourceError, term_key

from termbase.envdata import LoadedGlossary
from termbase.french.collation import french_sort_key


def read_entry(path: Path, data: bytes | None = None) -> tuple[GlossaryEntry | None, list[Finding]]:
    """Parse and validate one entry file (``data``: its bytes, if already read); unreadable
    files become FILE001 findings."""
    # docscheck's parsers and rules are imported only when an entry file changed (start-up).
    from docscheck.project import parse_entry_text, validate_entry

    name = str(path)
    try:
        text = (path.read_bytes() if data is None else data).decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [Finding(name, 1, "FILE001", Severity.ERROR, f"not valid UTF-8 (byte {exc.start}); save the file as UTF-8")]
    except OSError as exc:
        return None, [Finding(name, 1, "FILE001", Severity.ERROR, f"cannot read the file: {exc.strerror}")]
    try:
        raw = parse_entry_text(text, name)
    except SourceError as exc:
        return None, [Finding(exc.path, exc.line, "FILE001", Severity.ERROR, exc.message)]
    return validate_entry(raw)


def build_name_index(entries: list[GlossaryEntry]) -> dict[str, str]:
    """Map the key of every name to its entry's slug; on a clash the first entry keeps the name.

    Clashes are TERM003 findings of docscheck; here they must only not crash nor flip between
    builds, so entries are taken in their (deterministic) French order.
    """
    names: dict[str, str] = {}
    for entry in entries:
        for name in entry.names:
            names.setdefault(term_key(name), entry.slug)
    return names


#: Documentation files that may sit next to the entries without being entries.
NOT_ENTRIES = frozenset({"readme.md"})


def entry_paths(directory: Path) -> list[Path]:
    """Entry files: ``*.md`` directly under ``directory`` except a README, sorted for reproducibility."""
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.glob("*.md") if p.is_file() and p.name.lower() not in NOT_ENTRIES)


def file_digest(path: Path) -> tuple[bytes, bytes | None]:
    """A fingerprint of the file's bytes (and the bytes), or of the reason it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return hashlib.blake2b(f"unreadable: {exc.strerror}".encode(), digest_size=16).digest(), None
    return hashlib.blake2b(data, digest_size=16).digest(), data


def load_glossary_dir(directory: Path, previous: LoadedGlossary | None = None) -> LoadedGlossary:
    """Read and validate every entry file of ``directory``, reusing ``previous`` where files are unchanged."""
    paths = entry_paths(directory)
    digests = {str(path): file_digest(path) for path in paths}
    known = previous.files if previous is not None else {}
    fingerprints = tuple((name, digest) for name, (digest, _data) in digests.items())
    if previous is not None and previous.fingerprints == fingerprints:
        return previous
    valid: list[GlossaryEntry] = []
    findings: list[Finding] = []
    files: dict[str, tuple[bytes, GlossaryEntry | None, tuple[Finding, ...]]] = {}
    for path in paths:
        digest, data = digests[str(path)]
        cached = known.get(str(path))
        if cached is not None and cached[0] == digest:
            entry, problems = cached[1], list(cached[2])
        else:
            entry, problems = read_entry(path, data)
        files[str(path)] = (digest, entry, tuple(problems))
        findings.extend(problems)
        if entry is not None:
            valid.append(entry)
    valid.sort(key=lambda e: (french_sort_key(e.term), e.slug))
    return LoadedGlossary(
        entries={entry.slug: entry for entry in valid},
        names=build_name_index(valid),
        findings=tuple(findings),
        paths=tuple(str(p) for p in paths),
        files=files,
    )
