"""TRIAGE rules: the triage table is valid (TRIAGE001) and is the only place that states a level (TRIAGE002).

The triage table (``triage/<slug>.md``) is the only home of the guide's « when to call »
instructions: every page, card, handout and tooltip shows its levels through termbase's
directives. Two ways it can go wrong:

- **TRIAGE001** (error): an entry a reader could be misled by: a missing or ill-typed key, an
  unknown level, family or key, a question without a « oui » level, more than three questions, a
  level without sources or citing a key the bibliography lacks, a later question more urgent
  than an earlier one (the first « oui » must be the highest), a « oui » less urgent than
  « non », a family that does not raise the level, a ``see_glossary`` that names no entry.
- **TRIAGE002** (warning): a sentence of a page, of a glossary entry's definition or of its
  ``short`` text that gives an action level by hand (« appelez le 15 », « tout de suite »,
  « dans la journée »…) next to a word of a symptom the table covers. The directives' output is
  never in the sources, so only hand-written levels are found.

Words are compared folded (:func:`fold_words`): case, accents, ``œ``, French elision (« l’ »,
« d’ », « j’ », « qu’ »…) and a final plural ``s``/``x`` do not matter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from docscheck.records import (
    TRIAGE_FAMILIES,
    TRIAGE_LEVELS,
    TRIAGE_MAX_QUESTIONS,
    Corpus,
    Finding,
    GlossaryEntry,
    Page,
    Prose,
    Severity,
    TriageEntry,
    TriageLevel,
    level_rank,
    term_key,
    record,
)

from .term_index import build_index

# -- TRIAGE001 ---------------------------------------------------------------------------------------

REQUIRED = ("symptom", "words", "otherwise", "reviewed")
#: Allowed key paths (dotted, ``N`` a list index, ``F`` a family name).
ALLOWED_KEYS = re.compile(
    r"(?:symptom|words(?:\.\d+)?|see_glossary(?:\.\d+)?|reviewed|questions(?:\.\d+(?:\.(?:ask|sign|yes|sources(?:\.\d+)?))?)?"
    r"|otherwise(?:\.(?:level|sources(?:\.\d+)?))?|families(?:\.[^.]+(?:\.(?:level|sources(?:\.\d+)?))?)?)"
)
KEYS_HELP = "symptom, words, questions (ask, sign, yes, sources), otherwise (level, sources), families, see_glossary, reviewed"


def _error(entry: TriageEntry, line: int, message: str) -> Finding:
    return Finding(entry.path, line, "TRIAGE001", Severity.ERROR, message)


def _level_problems(entry: TriageEntry, level: TriageLevel, where: str) -> Iterator[Finding]:
    if level.level not in TRIAGE_LEVELS:
        shown = f"'{level.level}'" if level.level else "no level"
        yield _error(entry, level.line, f"{where} has {shown}; the levels are {', '.join(TRIAGE_LEVELS)} (samu: « {TRIAGE_LEVELS['samu']} »)")
    if not level.sources:
        yield _error(entry, level.line, f"{where} states a level without sources; add sources: [key] with keys of the bibliography that support it")


def entry_problems(entry: TriageEntry) -> Iterator[Finding]:
    """TRIAGE001 problems an entry has by itself (no bibliography or glossary needed).

    termbase renders only entries without any of these.
    """
    for line, message in entry.malformed:
        yield _error(entry, line, message)
    if entry.malformed and entry.symptom is None and not entry.key_lines:
        return  # no front matter at all: one finding says it
    malformed_lines = {line for line, _message in entry.malformed}
    for key in REQUIRED:
        value = getattr(entry, key)
        if value in (None, ()) and entry.line_of(key) not in malformed_lines:
            yield _error(entry, entry.line_of(key), f"missing or empty '{key}'; every entry has {', '.join(REQUIRED)}")
    for path, line in entry.key_lines.items():
        if line in malformed_lines:
            continue  # inside a value of the wrong shape, already reported
        if not ALLOWED_KEYS.fullmatch(path) and ALLOWED_KEYS.fullmatch(path.rpartition(".")[0] or "symptom"):
            yield _error(entry, line, f"unknown key '{path}'; the keys of an entry are {KEYS_HELP}")
    if len(entry.questions) > TRIAGE_MAX_QUESTIONS:
        yield _error(entry, entry.line_of(f"questions.{TRIAGE_MAX_QUESTIONS}"), f"{len(entry.questions)} questions; ask at most {TRIAGE_MAX_QUESTIONS}, the most urgent first")
    previous: tuple[int, TriageLevel] | None = None
    for index, question in enumerate(entry.questions, 1):
        key = f"questions.{index - 1}"
        for part in ("ask", "sign"):
            if not getattr(question, part):
                yield _error(entry, entry.line_of(f"{key}.{part}"), f"question {index} has no '{part}'; give the question put to the reader (ask) and its short name for tables (sign)")
        if question.yes is None:
            yield _error(entry, question.line, f"question {index} has no 'yes': say which level « oui » leads to ({', '.join(TRIAGE_LEVELS)})")
            continue
        yield from _level_problems(entry, question.yes, f"question {index}")
        rank = level_rank(question.yes.level)
        if previous is not None and rank > level_rank(previous[1].level) >= 0:
            yield _error(entry, question.yes.line, f"question {index} leads to {question.yes.level}, more urgent than question {previous[0]} ({previous[1].level}); ask the most urgent question first")
        if entry.otherwise is not None and 0 <= rank < level_rank(entry.otherwise.level):
            yield _error(entry, question.yes.line, f"« oui » to question {index} leads to {question.yes.level}, less urgent than « non » ({entry.otherwise.level}); a yes can only raise the level")
        previous = (index, question.yes)
    if entry.otherwise is not None:
        yield from _level_problems(entry, entry.otherwise, "otherwise")
    for name, level in entry.families:
        if name not in TRIAGE_FAMILIES:
            yield _error(entry, entry.line_of(f"families.{name}"), f"unknown treatment family '{name}'; the families are {', '.join(TRIAGE_FAMILIES)}")
        yield from _level_problems(entry, level, f"family {name}")
        if entry.otherwise is not None and 0 <= level_rank(level.level) <= level_rank(entry.otherwise.level):
            yield _error(entry, level.line, f"family {name} gives {level.level}, not more urgent than otherwise ({entry.otherwise.level}): a family can only raise the level; remove it")


def invalid_triage_entries(corpus: Corpus) -> Iterator[Finding]:
    """TRIAGE001: every entry is complete and consistent, its sources and glossary terms exist."""
    if not corpus.triage:
        return
    known = {entry.key for entry in corpus.bib}
    index = build_index(corpus)
    for entry in corpus.triage:
        yield from entry_problems(entry)
        for level in entry.levels:
            for key in level.sources:
                if key not in known:
                    yield _error(entry, level.line, f"source '{key}' is not in the bibliography; add it to the .bib file or fix the key")
        for target in entry.see_glossary:
            definition = index.by_key.get(term_key(target))
            if target not in index.slugs and (definition is None or definition.entry is None):
                yield _error(entry, entry.line_of("see_glossary"), f"see_glossary '{target}' is not a glossary entry: use the slug (file name) or the term of an existing entry")


# -- TRIAGE002 ---------------------------------------------------------------------------------------

#: Phrases that give an action level (as written; folded before use).
LEVEL_PHRASES = (
    "appelez le 15", "appeler le 15", "j’appelle le 15", "le 112", "tout de suite", "de jour comme de nuit",
    "le jour même", "dans la journée", "sans attendre",
)  # fmt: skip
ELISION = re.compile(r"\b(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’ʼ]", re.IGNORECASE)
TOKEN = re.compile(r"(?P<end>[.!?…;]+)|(?P<word>[^\W_]+)")
ROLE = re.compile(r"\{(?P<name>[\w:.-]+)\}`(?P<content>[^`]*)`")
EXPLICIT_TITLE = re.compile(r"^(.*?)\s*<[^<>]*>$", re.DOTALL)


def fold_word(word: str) -> str:
    """Case, accents, ``œ``/``æ`` and a final plural mark removed: « Fièvres » → « fievre », « maux » → « mal »."""
    word = unicodedata.normalize("NFKD", word.casefold().replace("œ", "oe").replace("æ", "ae"))
    word = "".join(c for c in word if not unicodedata.combining(c))
    if len(word) > 4 and word.endswith("eaux"):
        return word[:-1]
    if len(word) > 3 and word.endswith("aux"):
        return word[:-3] + "al"  # maux → mal
    if len(word) > 3 and word[-1] == "s":
        return word[:-1]
    return word  # a final x is kept: « toux » is not « tous »


def fold_words(text: str) -> tuple[str, ...]:
    """The folded words of a phrase, elided articles and pronouns (« l’ », « j’ ») left out."""
    return tuple(fold_word(m.group("word")) for m in TOKEN.finditer(ELISION.sub(" ", text)) if m.group("word"))


@record
class Sentence:
    """The folded words of one sentence, each with its line."""

    words: tuple[str, ...]
    lines: tuple[int, ...]

    def find(self, phrase: tuple[str, ...]) -> int:
        """Index of the first occurrence of ``phrase`` (a run of folded words), or -1."""
        size = len(phrase)
        for start in range(len(self.words) - size + 1):
            if self.words[start : start + size] == phrase:
                return start
        return -1


def sentences(pieces: Iterable[tuple[int, str, bool]]) -> Iterator[Sentence]:
    """Sentences of a text given as ``(line, text, boundary before)`` pieces."""
    words: list[str] = []
    lines: list[int] = []

    def flush() -> Iterator[Sentence]:
        if words:
            yield Sentence(tuple(words), tuple(lines))
        words.clear()
        lines.clear()

    for line, text, boundary in pieces:
        if boundary:
            yield from flush()
        for match in TOKEN.finditer(ELISION.sub(" ", text)):
            if match.group("end"):
                yield from flush()
            else:
                words.append(fold_word(match.group("word")))
                lines.append(line)
    yield from flush()


def page_pieces(page: Page) -> Iterator[tuple[int, str, bool]]:
    """Every prose block of a page; in a table (no line break between lines), each row apart."""
    for prose in page.prose:
        yield from page_pieces_of(prose)


def markdown_pieces(text: str, first_line: int) -> Iterator[tuple[int, str, bool]]:
    """Lines of a MyST text (a definition, a ``short``): roles shown as their text, citations dropped."""

    def shown(match: re.Match[str]) -> str:
        if "cite" in match.group("name"):
            return " "
        content = match.group("content")
        title = EXPLICIT_TITLE.match(content)
        return title.group(1) if title and title.group(1) else content

    blank = True
    for offset, line in enumerate(text.splitlines()):
        if not line.strip():
            blank = True
            continue
        yield first_line + offset, ROLE.sub(shown, line), blank
        blank = False


class LevelFinder:
    """Sentences that state a level next to a symptom's word, over any text given as pieces."""

    def __init__(self, entries: Iterable[TriageEntry]) -> None:
        self.levels = [(fold_words(phrase), phrase) for phrase in LEVEL_PHRASES]
        #: (folded words, the name as written, its entry), for every name of every symptom
        self.symptoms: list[tuple[tuple[str, ...], str, TriageEntry]] = []
        for entry in entries:
            for name in dict.fromkeys(entry.names):
                words = fold_words(name)
                if words and len("".join(words)) >= 3:
                    self.symptoms.append((words, name, entry))
        self.first_words = {words[0] for words, _name, _entry in self.symptoms}

    def findings(self, path: str, pieces: Iterable[tuple[int, str, bool]]) -> Iterator[Finding]:
        for sentence in sentences(pieces):
            if self.first_words.isdisjoint(sentence.words):
                continue
            at = [(index, phrase) for folded, phrase in self.levels if (index := sentence.find(folded)) >= 0]
            if not at:
                continue
            index, phrase = min(at)
            matched: dict[str, tuple[str, TriageEntry]] = {}
            for words, name, entry in self.symptoms:
                if entry.slug not in matched and sentence.find(words) >= 0:
                    matched[entry.slug] = (name, entry)
            if not matched:
                continue
            named = "; ".join(f"« {name} » is a word of {entry.path}" for name, entry in list(matched.values())[:3])
            yield Finding(
                path, sentence.lines[index], "TRIAGE002", Severity.WARNING,
                f"a level is written by hand (« {phrase} ») next to a symptom of the triage table ({named}): "
                "the triage table is the only home of this instruction: use the {triage-table} directive or remove the level",
            )  # fmt: skip


    def level_in(self, sentence: Sentence) -> tuple[int, str] | None:
        """Where the first level phrase of ``sentence`` starts, and the phrase."""
        at = [(index, phrase) for folded, phrase in self.levels if (index := sentence.find(folded)) >= 0]
        return min(at) if at else None

    def symptom_in(self, sentence: Sentence) -> tuple[int, str, TriageEntry] | None:
        """Where the first symptom word of ``sentence`` starts, the name as written and its entry."""
        if self.first_words.isdisjoint(sentence.words):
            return None
        at = [(index, name, entry) for words, name, entry in self.symptoms if (index := sentence.find(words)) >= 0]
        return min(at, key=lambda item: item[0]) if at else None

    def heading_findings(self, path: str, page: Page) -> Iterator[Finding]:
        """A title that states a level (« J’appelle le 15 », an admonition's or a section's) over
        blocks that name symptoms: the level is written by hand for each of them, as surely as in
        one sentence. The title governs the blocks up to the next title."""
        scope: tuple[str, int] | None = None
        for prose in page.prose:
            found = list(sentences(page_pieces_of(prose)))
            if prose.heading:
                scope = None
                for sentence in found:
                    level = self.level_in(sentence)
                    if level is not None and self.symptom_in(sentence) is None:
                        scope = (level[1], sentence.lines[level[0]])
                        break
                continue
            if scope is None:
                continue
            for sentence in found:
                if self.level_in(sentence) is not None:
                    continue  # the sentence itself is checked by findings()
                symptom = self.symptom_in(sentence)
                if symptom is not None:
                    index, name, entry = symptom
                    phrase, title_line = scope
                    yield Finding(
                        path, sentence.lines[index], "TRIAGE002", Severity.WARNING,
                        f"a level is written by hand (« {phrase} », in the title at line {title_line}) over a symptom "
                        f"of the triage table (« {name} » is a word of {entry.path}): the triage table is the only home "
                        "of this instruction: use the {triage-table} directive or remove the level",
                    )  # fmt: skip
                    break


def page_pieces_of(prose: Prose) -> Iterator[tuple[int, str, bool]]:
    """The pieces of one prose block (see :func:`page_pieces`)."""
    boundary = True
    previous_line, previous_kind = prose.line, "text"
    for line, text, _order, kind in prose.segments:
        if kind == "break":
            previous_kind = kind
            continue
        yield line, " " + text, boundary or (line != previous_line and previous_kind != "break")
        boundary = False
        previous_line, previous_kind = line, kind


def hand_written_levels(corpus: Corpus) -> Iterator[Finding]:
    """TRIAGE002: no page, definition or ``short`` text states a level for a symptom of the table."""
    if not corpus.triage:
        return
    finder = LevelFinder(corpus.triage)
    if not finder.symptoms:
        return
    for page in corpus.pages:
        yield from finder.findings(page.path, page_pieces(page))
        yield from finder.heading_findings(page.path, page)
    for entry in corpus.entries:
        yield from entry_findings(finder, entry)


def entry_findings(finder: LevelFinder, entry: GlossaryEntry) -> Iterator[Finding]:
    yield from finder.findings(entry.path, markdown_pieces(entry.body, entry.body_line))
    if entry.short:
        yield from finder.findings(entry.path, ((entry.line_of("short"), entry.short, True),))


TRIAGE_RULES = [invalid_triage_entries, hand_written_levels]
