"""Plain data records shared by docscheck's parsers, its rules and the termbase extension.

Records are immutable and carry their own location (``path`` as the caller gave it, 1-based
``line``) so that a rule can report a finding without ever touching the file system.
"""

from __future__ import annotations

import datetime as _dt
import enum
import operator
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar, dataclass_transform

_T = TypeVar("_T")


def _record_eq(self: Any, other: object) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented
    key = self.__class__._record_key
    return bool(key(self) == key(other))


def _record_hash(self: Any) -> int:
    return hash(self.__class__._record_key(self))


def _record_repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__class__._record_shown)
    return f"{self.__class__.__qualname__}({shown})"


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: type[_T]) -> type[_T]:
    """``@dataclass(frozen=True)``, made faster at import: the same class (``fields``, ``replace``,
    pickling and immutability as for any frozen dataclass), whose ``__eq__``, ``__hash__`` and
    ``__repr__`` are shared functions over its fields instead of code compiled for each class.

    Python 3.11 compiles six functions for a frozen dataclass; docscheck defines about forty, and
    compiling their methods was a sixth of a small project's check. Equality, hash and repr keep
    the dataclass rules: same class, fields with ``compare`` (and ``hash``) in order, fields with
    ``repr``.
    """
    cls = dataclass(frozen=True, repr=False, eq=False)(cls)
    compared = [f.name for f in fields(cls) if f.compare]  # type: ignore[arg-type]
    if any(f.hash is not None and f.hash != f.compare for f in fields(cls)):  # type: ignore[arg-type]
        raise TypeError(f"{cls.__qualname__}: a record hashes the fields it compares (field(hash=...) must follow compare)")
    cls._record_key = operator.attrgetter(*compared) if len(compared) > 1 else (lambda self: tuple(getattr(self, name) for name in compared))  # type: ignore[attr-defined]
    cls._record_shown = tuple(f.name for f in fields(cls) if f.repr)  # type: ignore[attr-defined, arg-type]
    cls.__eq__ = _record_eq  # type: ignore[method-assign, assignment]
    cls.__hash__ = _record_hash  # type: ignore[method-assign, assignment]
    cls.__repr__ = _record_repr  # type: ignore[method-assign, assignment]
    return cls


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
    """The key under which a term, alias or form is matched: NFC, lower-cased, single spaces.

    Sphinx's std domain matches terms with ``str.lower()``, so we do too (after composing
    accents, so that NFD input finds NFC entries). Not ``casefold()``: it would make ``Straße``
    match ``STRASSE``, which Sphinx reports as an undefined term.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u2019", "'")
    return " ".join(text.lower().split())


def bib_key(key: str) -> str:
    """How pybtex compares keys to find duplicates: ignoring case (citations match exactly)."""
    return key.lower()


#: A resolver or scheme prefix before a DOI (``doi:``, ``https://doi.org/``, ``http://dx.doi.org/``):
#: a style slip that Sphinx builds fine, reported by CITE007 and removed by ``docscheck fix --doi``.
DOI_PREFIX = re.compile(r"^\s*(?:doi\s*:\s*|(?:https?://)?(?:dx\.)?doi\.org/)(?=10[./])", re.IGNORECASE)


def split_doi_prefix(value: str) -> tuple[str, str]:
    """``(prefix, doi)`` of a DOI field: the prefix to remove (empty when there is none) and the rest.

    >>> split_doi_prefix("https://doi.org/10.1056/NEJMoa1910836")
    ('https://doi.org/', '10.1056/NEJMoa1910836')
    >>> split_doi_prefix("10/cn2h9c")
    ('', '10/cn2h9c')
    """
    m = DOI_PREFIX.match(value)
    if m is None:
        return "", value
    return value[: m.end()], value[m.end() :]


@record
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


@record
class TermRef:
    """A ``{term}`` / ``:term:`` role: ``target`` is what Sphinx looks up, ``order`` its rank on the page."""

    path: str
    line: int
    target: str
    text: str
    order: int = 0


@record
class Citation:
    """One key of a ``{cite:p}`` (or similar) role; a role with ``k1,k2`` gives two citations."""

    path: str
    line: int
    key: str
    role: str = "cite:p"


@record
class DefinedTerm:
    """A term defined by a ``{glossary}`` / ``.. glossary::`` block of a page (stock Sphinx).

    ``item_line`` is the line of the first term of its glossary item: the term lines of one item
    share a definition, so they are one term for TERM002 and TERM003 (``Ajax`` / ``AJAX``).
    """

    path: str
    line: int
    term: str
    item_line: int = 0


@record
class BibliographyBlock:
    """A ``bibliography`` directive: with ``:all:`` or ``:filter:`` it lists entries nobody cites."""

    path: str
    line: int
    all: bool = False
    notcited: bool = False
    filter: str | None = None
    #: BibTeX files named by the directive's argument (base names); empty means all of them
    files: tuple[str, ...] = ()


@record
class FigureBlock:
    """A ``figure`` directive: the image it shows and the keys its caption cites.

    ``image`` is relative to ROOT (normalised), or to the Sphinx source directory when it starts
    with ``/``, as Sphinx reads it.
    """

    path: str
    line: int
    image: str
    keys: tuple[str, ...] = ()


@record
class Prose:
    """Visible running text of one paragraph-like block (no code, no links, no role content).

    ``segments`` are ``(line, text, order, kind)`` pieces in reading order, so a rule can say on
    which line a word sits and whether it comes before a given role (``order`` is shared with
    :class:`TermRef`). ``kind`` is ``"text"`` for plain prose, ``"link"`` for the text of a link
    or of a role (visible, but already linked), ``"break"`` for a gap (code, math, line break).
    """

    line: int
    segments: tuple[tuple[int, str, int, str], ...]
    cited: bool
    heading: bool = False
    #: ``(segment index, key)`` of each citation, where it sits in ``segments`` (PAGE006 finds the
    #: sentence a citation belongs to)
    cites: tuple[tuple[int, str], ...] = ()
    #: the index in ``segments`` where each row of a table starts (empty: not a table)
    rows: tuple[int, ...] = ()
    #: keys that source the block when it cites nothing itself: those of a cited lead-in paragraph
    #: ending with « : » (for the list or table it introduces) or of a table's caption
    context: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """All visible text (prose and link text), gaps as spaces: what a reader reads."""
        return "".join(text if kind != "break" else " " for _line, text, _order, kind in self.segments)


@record
class Page:
    """One documentation page (``.md`` MyST or ``.rst``) reduced to what the rules need."""

    path: str
    meta: dict[str, object]
    meta_lines: dict[str, int]
    has_meta: bool
    term_refs: tuple[TermRef, ...]
    citations: tuple[Citation, ...]
    defined_terms: tuple[DefinedTerm, ...]
    prose: tuple[Prose, ...]
    directives: frozenset[str] = frozenset()
    is_root: bool = False
    bibliographies: tuple[BibliographyBlock, ...] = ()
    figures: tuple[FigureBlock, ...] = ()

    @property
    def is_glossary_page(self) -> bool:
        """Glossary pages define or list terms; they are not expected to link or cite them."""
        return bool(self.defined_terms) or any("glossa" in name for name in self.directives)

    @property
    def is_bibliography_page(self) -> bool:
        return any(name.endswith("bibliography") for name in self.directives)


@record
class BibEntry:
    """One BibTeX entry, with the line of the entry and of each field for precise findings."""

    key: str
    type: str
    path: str
    line: int
    fields: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    persons: dict[str, int] = field(default_factory=dict, compare=False, hash=False)
    field_lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)

    def line_of(self, name: str) -> int:
        return self.field_lines.get(name.lower(), self.line)


@record
class RecordedFigure:
    """A figure a bibliography entry supports, from the figures file (``references-figures.yaml``):
    as a reader writes it (``figure``) and where it was seen in the source (``seen``)."""

    key: str
    figure: str
    seen: str
    path: str
    line: int


@record
class Drawing:
    """The texts a reader sees in an SVG a figure shows (``<text>``, ``<title>``, ``<desc>``), at their lines."""

    path: str
    texts: tuple[tuple[int, str], ...] = ()


#: The vocabulary of the ``evidence`` field of a BibTeX entry: what kind of source it is, as a code
#: (stable, ASCII) and the French label readers see in citation previews and in the bibliography.
#: An optional ``participants`` field (an integer) adds the number of patients analysed:
#: « essai randomisé de phase 3, 945 patients ». Rule CITE006 reports entries without a valid code.
EVIDENCE_TYPES: dict[str, str] = {
    "essai-phase-3": "essai randomisé de phase 3",
    "essai-randomise-phase-2": "essai randomisé de phase 2",
    "essai-phase-1-2": "essai de phase 1/2",
    "essai-phase-2": "essai de phase 2",
    "essai-phase-1": "essai de phase 1",
    "analyse-groupee": "analyse groupée d’essais",
    "meta-analyse": "méta-analyse",
    "etude-observationnelle": "étude observationnelle",
    "serie-de-cas": "série de cas",
    "cas-clinique": "cas clinique unique",
    "etude-preclinique": "étude en laboratoire",
    "modelisation": "étude de modélisation",
    "protocole-essai": "protocole d’essai",
    "revue": "revue",
    "recommandation": "recommandation de pratique",
    "classification": "classification de référence",
    "page-institutionnelle": "page institutionnelle",
    "communique": "communiqué officiel",
    "ouvrage": "ouvrage",
}


def evidence_label(fields: dict[str, str]) -> str | None:
    """The French label of a BibTeX entry's evidence, or None when it has no known type.

    >>> evidence_label({"evidence": "essai-phase-3", "participants": "945"})
    'essai randomisé de phase 3, 945 patients'
    """
    label = EVIDENCE_TYPES.get(fields.get("evidence", "").strip().lower())
    if label is None:
        return None
    count = fields.get("participants", "").strip()
    if count.isdigit() and int(count) > 0:
        number = f"{int(count):,}".replace(",", "\u202f")
        return f"{label}, {number} patient{'s' if int(count) > 1 else ''}"
    return label


@record
class RuleSettings:
    """The few settings rules depend on (kept apart from paths so rules stay pure)."""

    review: bool = False
    today: _dt.date = field(default_factory=_dt.date.today)
    readability_min: float = 50.0
    min_words: int = 80
    #: the project opted in to editorial rules (PAGE001, PAGE003, PAGE004, TERM006, TERM007) with a
    #: ``[tool.docscheck]`` table; stock Sphinx projects never asked for them
    editorial: bool = False
    #: the Sphinx ``language``; PAGE004's formula is French, so it applies only to ``"fr"``
    language: str | None = None
    #: CITE006: every bibliography entry has an ``evidence`` type
    evidence: bool = False
    #: PAGE005: years after which a page's newest source is stale (0 turns the rule off)
    evidence_max_age: int = 6
    #: PAGE006: every figure next to a citation is one its sources record
    figures: bool = False
    #: the figures file, as findings name it
    figures_file: str = "references-figures.yaml"
    #: TERM008 (``jargon = true``): words at most this common (Zipf scale) are rare, unless allowed
    jargon: bool = False
    jargon_max_zipf: float = 2.5
    jargon_allow: tuple[str, ...] = ()
    #: TERM008: a word's Zipf frequency in the project's language, given by the front-end
    word_frequency: Callable[[str], float] | None = field(default=None, compare=False, repr=False)


@record
class ExternalTerms:
    """What ``intersphinx_mapping`` contributes to term resolution, read offline.

    ``keys`` are the :func:`term_key` of every ``std:term`` of the inventories read; ``unread``
    names the mapping entries whose inventory was neither a local file nor in the cache.
    """

    configured: bool = False
    keys: frozenset[str] = frozenset()
    unread: tuple[str, ...] = ()


@record
class Corpus:
    """Everything parsed from a project: the single input of every rule."""

    pages: tuple[Page, ...] = ()
    entries: tuple[GlossaryEntry, ...] = ()
    bib: tuple[BibEntry, ...] = ()
    #: what each source supports (``figures = true``), and the drawings of figures by their
    #: :attr:`FigureBlock.image`
    figures: tuple[RecordedFigure, ...] = ()
    drawings: dict[str, Drawing] = field(default_factory=dict, compare=False, hash=False)
    #: glossary entry bodies read as pages (their roles count as references and citations)
    entry_pages: tuple[Page, ...] = ()
    settings: RuleSettings = field(default_factory=RuleSettings)
    #: the symptoms of the triage table (empty: the project has none, TRIAGE rules are off)
    triage: tuple[TriageEntry, ...] = ()
    #: docstrings the documentation renders and gallery text, one page per ``.py`` file: their
    #: roles count and are checked like those of entry bodies; prose rules do not read them
    code_pages: tuple[Page, ...] = ()
    #: terms of the intersphinx inventories docscheck could read, and those it could not
    external: ExternalTerms = field(default_factory=lambda: ExternalTerms())

    @property
    def role_pages(self) -> tuple[Page, ...]:
        """Everything whose roles are references and citations: pages, entry bodies, docstrings."""
        return (*self.pages, *self.entry_pages, *self.code_pages)


#: MyST extensions assumed when conf.py does not name them (see :mod:`docscheck.discovery`).
DEFAULT_MYST_EXTENSIONS = frozenset({"colon_fence", "deflist", "dollarmath"})


class ConfigError(Exception):
    """Settings that cannot be used (missing directory, ill-typed key): a usage error, exit 2."""


@record
class Config:
    """Everything a check needs to know about a project; paths are absolute.

    Built by :func:`docscheck.settings.load_config`.
    """

    root: Path
    docs: Path
    glossary: Path | None
    bib: tuple[Path, ...]
    #: the triage table's folder (``triage/<slug>.md``); None: the project has none, TRIAGE rules are off
    triage: Path | None = None
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
    #: PAGE006, and the file recording the figures each source supports
    figures: bool = False
    figures_file: Path | None = None
    #: TERM008 (``jargon = true``), its threshold and the allowed words
    jargon: bool = False
    jargon_max_zipf: float = 2.5
    jargon_allow: tuple[str, ...] = ()
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


# -- the triage table (``triage/<slug>.md``): « when to call » instructions, one symptom per file ----

#: The three action levels, lowest first (there is no « wait and see » level: the lowest is still a
#: call), with the instruction a reader sees. Codes are the values of the entry files.
TRIAGE_LEVELS: dict[str, str] = {
    "journee": "Signalez-le à votre équipe dans la journée",
    "immediat": "Appelez votre équipe tout de suite, de jour comme de nuit",
    "samu": "Appelez le 15 (ou le 112)",
}

#: Treatment families whose level may differ, with their French label.
TRIAGE_FAMILIES: dict[str, str] = {
    "seule": "immunothérapie seule (inhibiteur de point de contrôle)",
    "chimiotherapie": "immunothérapie avec chimiothérapie",
    "car-t": "cellules CAR-T",
    "bispecifique": "anticorps bispécifique",
    "til": "lymphocytes infiltrant la tumeur (TIL)",
}

#: The termbase directives that show the table (and cite its sources) in a page.
TRIAGE_DIRECTIVES = frozenset({"triage-table", "triage-card", "triage-guide"})

#: At most this many yes/no questions per symptom.
TRIAGE_MAX_QUESTIONS = 3


def level_rank(level: str) -> int:
    """How urgent a level is (0 lowest); -1 for an unknown level."""
    return list(TRIAGE_LEVELS).index(level) if level in TRIAGE_LEVELS else -1


def highest_level(levels: Iterable[str]) -> str | None:
    """The most urgent of ``levels`` (None when there is none)."""
    return max(levels, key=level_rank, default=None)


@record
class TriageLevel:
    """One level stated by an entry (a question's ``yes``, ``otherwise`` or a family) and its sources."""

    level: str
    sources: tuple[str, ...]
    line: int


@record
class TriageQuestion:
    """A yes/no question: ``ask`` is put to the reader, ``sign`` names it in tables; « oui » gives ``yes``."""

    ask: str
    sign: str
    yes: TriageLevel | None
    line: int


@record
class TriagePath:
    """One way through an entry's questions: the answers given, the level they reach, and the
    question that decided it (None: every answer was « non », ``otherwise`` applies)."""

    answers: tuple[bool, ...]
    level: str
    question: int | None
    #: family → its level, for the families that raise this path's level
    raised: tuple[tuple[str, str], ...] = ()


@record
class TriageEntry:
    """One symptom of the triage table (``triage/<slug>.md``), as read; validity is TRIAGE001's job.

    A key that is missing is None (or empty); a key the reader could not use as its type is None
    too, with what was wrong in ``malformed`` (``(line, message)``), so rules report it.
    ``key_lines`` holds the line of every key, nested ones as dotted paths
    (``questions.1.yes``, ``otherwise.level``, ``families.car-t``).
    """

    slug: str
    path: str
    symptom: str | None
    words: tuple[str, ...]
    questions: tuple[TriageQuestion, ...]
    otherwise: TriageLevel | None
    families: tuple[tuple[str, TriageLevel], ...] = ()
    see_glossary: tuple[str, ...] = ()
    reviewed: _dt.date | None = None
    body: str = ""
    body_line: int = 1
    line: int = 1
    key_lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)
    malformed: tuple[tuple[int, str], ...] = ()

    def line_of(self, key: str) -> int:
        """Line of a (dotted) front-matter key, else of its nearest parent, else the entry's first line."""
        while key:
            if key in self.key_lines:
                return self.key_lines[key]
            key = key.rpartition(".")[0]
        return self.line

    @property
    def names(self) -> tuple[str, ...]:
        """What a reader may call this symptom: its name, then its words."""
        return (self.symptom, *self.words) if self.symptom else self.words

    @property
    def levels(self) -> tuple[TriageLevel, ...]:
        """Every level the entry states, questions first."""
        stated = [q.yes for q in self.questions if q.yes is not None]
        if self.otherwise is not None:
            stated.append(self.otherwise)
        return (*stated, *(level for _family, level in self.families))

    def family_level(self, family: str | None) -> str | None:
        """The lowest level for ``family``; for an unknown family (None), the highest of any family."""
        if family is None:
            return highest_level(level.level for _name, level in self.families)
        return next((level.level for name, level in self.families if name == family), None)

    def decide(self, answers: Sequence[bool | None], family: str | None = "") -> str | None:
        """The level for these answers (in question order) and treatment family.

        The first « oui » gives its level; an unanswered question counts as « oui »; every « non »
        gives ``otherwise``. The family raises the result to its own level when that is higher;
        ``family=None`` means « je ne sais pas » (the family with the highest level), ``""`` none given.
        """
        level: str | None = self.otherwise.level if self.otherwise is not None else None
        for index, question in enumerate(self.questions):
            answer = answers[index] if index < len(answers) else None
            if answer is None or answer:
                level = question.yes.level if question.yes is not None else None
                break
        if family != "":
            raised = self.family_level(family)
            if raised is not None and level is not None and level_rank(raised) > level_rank(level):
                level = raised
        return level

    def paths(self) -> tuple[TriagePath, ...]:
        """Every answer path: « oui » at question n (after n « non »), then all « non »."""
        found = []
        count = len(self.questions)
        for index in range(count + 1):
            answers = (False,) * index + ((True,) if index < count else ())
            level = self.decide(answers)
            if level is None:
                continue
            raised = tuple((name, item.level) for name, item in self.families if level_rank(item.level) > level_rank(level))
            found.append(TriagePath(answers, level, index if index < count else None, raised))
        return tuple(found)
