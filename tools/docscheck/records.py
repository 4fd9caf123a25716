"""Plain data records shared by docscheck's parsers, its rules and the termbase extension.

Records are immutable and carry their own location (``path`` as the caller gave it, 1-based
``line``) so that a rule can report a finding without ever touching the file system.
"""

from __future__ import annotations

import datetime as _dt
import enum
import unicodedata
from dataclasses import dataclass, field


class Severity(str, enum.Enum):
    """How bad a finding is; ``error`` findings make the CLI exit with status 1."""

    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, order=True)
class Finding:
    """One problem found in the checked tree, as the CLI and the Sphinx extension report it."""

    path: str
    line: int
    code: str
    severity: Severity
    message: str

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": str(self.severity),
            "path": self.path,
            "line": self.line,
            "message": self.message,
        }


class SourceError(Exception):
    """A file that cannot be read or parsed at all (reported as FILE001 by front-ends)."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


def term_key(text: str) -> str:
    """The key under which a term, alias or form is matched: NFC, case-folded, single spaces.

    Sphinx's std domain lower-cases term names; we also fold case the Unicode way and
    normalise composed/decomposed accents so that NFD input finds NFC entries.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return " ".join(text.casefold().split())


@dataclass(frozen=True)
class GlossaryEntry:
    """One validated glossary entry (``glossary/<slug>.md``)."""

    slug: str
    path: str
    term: str
    body: str
    body_line: int
    sources: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    en: str | None = None
    category: str | None = None
    see_also: tuple[str, ...] = ()
    reviewed: _dt.date | None = None
    short: str | None = None
    line: int = 1
    key_lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name that resolves to this entry: the term first, then aliases, then forms."""
        return (self.term, *self.aliases, *self.forms)

    def line_of(self, key: str) -> int:
        """Line of a front-matter key (falls back to the entry's first line)."""
        return self.key_lines.get(key, self.line)
