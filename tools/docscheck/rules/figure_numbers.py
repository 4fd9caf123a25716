"""The figures a French reader writes, found in a text: what PAGE003 and PAGE006 check.

A *figure* is a number that states something: « 64,8 % », « 1 174 patients », « 22 mois »,
« 2 à 6 semaines », « 10–15 % », « 1985 », « 3 patients sur 10 » (a ratio: also « 1 cas pour 60 000 »,
« 52 des 131 cas », « 1/3 »). Numbers are read as French
text writes them: a decimal comma (a decimal point too), thousands grouped by a space, a no-break
space or a narrow no-break space (« 1 174 »). The figures file may also write English thousands
(« 1,174 »): :func:`figures` reads them with ``thousands_comma=True``.

Numbers that are not claims are left out, each by one rule (the README's « How PAGE006 decides »
says the same):

- *names*: a number glued to letters, or to a hyphen, slash or point that touches letters
  (PD-1, CTLA-4, IL-2, KEYNOTE-522, CD19, NCT01234567, v6.0, 1er, 2e, 1b/2), or right after a
  word with a capital letter past its first one (CheckMate 067, KEYNOTE 522, SAMU 15);
- *classifications*: numbers right after « phase », « grade », « stade », « type », « version »,
  « ligne », « niveau », « étape » (singular or plural) and a few reference words (« tableau »,
  « figure », « chapitre », « page », « article », « annexe »), with the numbers joined to them
  (« grades 3 et 4 », « phase 1/2 »);
- *emergency numbers*: 15, 17, 18, 112, 114 and 3114 after « le », « au », « du », « appeler »,
  « composer », or joined to another one (« 15/112 », « 15 ou 112 »), when no unit, month or
  « % » follows;
- *numbering*: an integer below 100 that opens the text or a sentence and is followed by « . »,
  « ) » or « : » (« 1. Prélever », « 2 : des cellules… »);
- *idioms*: a ratio of a number to itself (« 24 heures sur 24 », « 7 jours sur 7 »);
- *dates written with digits only* (« 2026-11-01 », « 01/12/2026 »: metadata, not prose), URLs
  and e-mail addresses. Code, link targets and role targets never reach this module: the page
  parsers keep only visible text.

Years (« en 1992 ») and dates in words (« 27 décembre 2024 »: 27 and 2024) are figures.
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal, InvalidOperation

from docscheck.records import Prose, record

SPACE = "[ \u00a0\u202f]"
#: An integer with its thousands groups (« 1 174 »), or any run of digits, with decimals.
NUMBER = rf"(?<![\d])(?<!\d[.,])(?:\d{{1,3}}(?:{SPACE}\d{{3}}(?!\d))+|\d+)(?:[.,]\d+)?(?!\d)"
UNITS = (
    "%|pour cent|mois|ans?|années?|semaines?|jours?|heures?|h|minutes?|min|patients?|patientes?|personnes?|"
    "malades?|cas|fois|mg|g|kg|ml|mL|cm|mm|°C"
)
#: A number, an optional second one making a range or a ratio, and the unit that follows.
FIGURE = re.compile(
    rf"(?P<a>{NUMBER})(?P<ap>{SPACE}*%)?"
    rf"(?:(?P<range>{SPACE}*[–—-]{SPACE}*|{SPACE}+à{SPACE}+)(?P<b>{NUMBER})"
    rf"|(?P<ratio>(?:(?:{SPACE}+[a-zà-ÿ]+){{0,4}}{SPACE}+(?:sur|pour)|{SPACE}+des){SPACE}+|/)(?P<m>{NUMBER}))?"
    rf"(?P<unit>{SPACE}*%|{SPACE}+(?:{UNITS})\b)?"
)
#: More digits than this make an identifier, not a figure.
MAX_DIGITS = 15
#: Dates written with digits (review dates, forms) and telephone numbers: never figures.
MASKED = re.compile(
    r"(?=\d)(?:\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    rf"|(?<![\d.,])0{SPACE}?\d(?:(?:{SPACE}|\.)?\d){{2,}})"  # telephone numbers and codes: « 0 805 123 124 », « 01 44 23 04 04 »
)
#: Addresses, looked for only in a text with « @ », « :// » or « www. » (most texts have none).
ADDRESSES = re.compile(r"https?://\S+|\bwww\.\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+")
#: Tokens with a digit that may hold a name: letters, digits and the joiners of names (only tokens
#: with a digit are matched, from their start: most words never reach the Python check).
TOKEN = re.compile(r"(?<![\w°.,/+\-–—])[\w°.,/+\-–—]*?\d[\w°.,/+\-–—]*")
CLASSIFIERS = frozenset(
    {
        "phase", "phases", "grade", "grades", "stade", "stades", "type", "types", "version", "versions",
        "ligne", "lignes", "niveau", "niveaux", "étape", "étapes", "tableau", "tableaux", "figure",
        "figures", "chapitre", "chapitres", "page", "pages", "p", "article", "articles", "annexe", "annexes",
    }
)  # fmt: skip
EMERGENCY = frozenset({15, 17, 18, 112, 114, 3114})
CALLING_WORDS = frozenset({"le", "au", "du", "appeler", "appelez", "appelle", "composer", "composez", "numéro", "ou"})
MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
)
NOT_A_CALL_AFTER = re.compile(rf"{SPACE}*(?:%|(?:{MONTHS}|{UNITS})\b)", re.IGNORECASE)
PREVIOUS_WORD = re.compile(r"([\w’'-]+)(?:[\s\u00a0\u202f]+[A-Z]\.)?[\s\u00a0\u202f.(«“\"≥≤<>=~]*$")
#: What joins a classified number to the next one (« grades 3 et 4 », « phase 1/2 »).
JOINER = re.compile(rf"{SPACE}*(?:,|et|ou|à|/|[–—-]){SPACE}*$")
NUMBERING_AFTER = re.compile(rf"{SPACE}*[.):](?:\s|$)")
#: What may stand between a sentence end and a numbering (spaces, an opening quote or bracket).
OPENERS = " \t\n\u00a0\u202f«\"“("
PREFILTER = re.compile(r"\d")
SPACES = re.compile(SPACE)
ENGLISH_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
ELISION = re.compile(r"[’']")


@record
class Number:
    """A figure found in a text: where it is, how it is written, and its value(s).

    ``values`` holds one value, the two ends of a range, or the two numbers of a ratio
    (``kind == "ratio"``: « 3 sur 10 » is ``(3, 10)``). ``percent``: written with « % ».
    """

    start: int
    end: int
    text: str
    values: tuple[Decimal, ...]
    kind: str = "value"
    percent: bool = False


def value_of(text: str, thousands_comma: bool = False) -> Decimal | None:
    """The value of one written number: « 64,8 » and « 64.8 » are 64.8, « 1 174 » is 1174.

    With ``thousands_comma``, « 1,174 » (English thousands) is 1174.
    """
    compact = SPACES.sub("", text)
    if sum(c.isdigit() for c in compact) > MAX_DIGITS:
        return None
    if thousands_comma and ENGLISH_THOUSANDS.fullmatch(compact):
        compact = compact.replace(",", "")
    try:
        return Decimal(compact.replace(",", "."))
    except InvalidOperation:
        return None


def _mask(text: str, pattern: re.Pattern[str], keep: object = None) -> str:
    """``text`` with each match of ``pattern`` blanked out (same length, so offsets hold)."""

    def blank(m: re.Match[str]) -> str:
        token = m.group()
        if keep is not None and not keep(token):  # type: ignore[operator]
            return token
        return " " * len(token)

    return pattern.sub(blank, text)


def _is_name_token(token: str) -> bool:
    """A token with both a digit and a letter (PD-1, CD19, v6.0, 1er) names something."""
    return not token.isdigit() and any(c.isalpha() for c in token)


def _previous_word(text: str, start: int) -> str:
    """The word before ``start`` (after an elided article: « l’étape » gives « étape »)."""
    m = PREVIOUS_WORD.search(text, max(0, start - 40), start)
    return ELISION.split(m.group(1))[-1] if m else ""


def _names_something(word: str) -> bool:
    """CheckMate, KEYNOTE, SAMU: a capital past the first letter (a trial, a guideline, a service)."""
    return any(c.isupper() for c in word[1:])


def _is_emergency_call(text: str, m: re.Match[str], previous: str) -> bool:
    if m.group("ap") or m.group("unit") or m.group("b") or NOT_A_CALL_AFTER.match(text, m.end("a")):
        return False
    first = value_of(m.group("a"))
    if first is None or first not in EMERGENCY:
        return False
    if m.group("m") is not None:  # « 15/112 », « 15 sur 112 » makes no sense otherwise
        second = value_of(m.group("m"))
        return second in EMERGENCY
    return previous.lower() in CALLING_WORDS


def _is_numbering(text: str, m: re.Match[str]) -> bool:
    if m.group("b") or m.group("m") or m.group("ap") or m.group("unit"):
        return False
    value = value_of(m.group("a"))
    if value is None or value != value.to_integral_value() or value >= 100 or not m.group("a").isdigit():
        return False
    if not NUMBERING_AFTER.match(text, m.end("a")):
        return False
    start = m.start()
    while start > 0 and text[start - 1] in OPENERS:
        start -= 1
    return start == 0 or (start < m.start() and text[start - 1] in ".!?:…")


def figures(text: str, thousands_comma: bool = False) -> list[Number]:
    """The figures of ``text`` in order, leaving out the numbers that are not claims (module doc)."""
    if not PREFILTER.search(text):
        return []
    masked = _mask(text, MASKED)
    if "@" in text or "://" in text or "www." in text:
        masked = _mask(masked, ADDRESSES)
    masked = _mask(masked, TOKEN, _is_name_token)
    found: list[Number] = []
    classified_end = -1  # end of the last number left out as a classification
    for m in FIGURE.finditer(masked):
        previous = _previous_word(text, m.start())
        joined = classified_end >= 0 and JOINER.match(masked[classified_end : m.start()]) is not None
        if previous.lower() in CLASSIFIERS or joined:
            classified_end = m.end("b") if m.group("b") else m.end("m") if m.group("m") else m.end("a")
            continue
        classified_end = -1
        if _names_something(previous) or _is_emergency_call(text, m, previous) or _is_numbering(text, m):
            continue
        first = value_of(m.group("a"), thousands_comma)
        if first is None:
            continue
        percent = bool(m.group("ap") or (m.group("unit") or "").strip() in ("%", "pour cent"))
        if m.group("m") is not None:
            second = value_of(m.group("m"), thousands_comma)
            if second is None or second == first:  # « 24 heures sur 24 »: an idiom, not a claim
                continue
            if first > second:  # « publiée en 2019 sur 500 patients »: two figures, not a ratio
                found.append(Number(m.start("a"), m.end("a"), m.group("a"), (first,)))
                found.append(Number(m.start("m"), m.end(), text[m.start("m") : m.end()].strip(), (second,), "value", percent))
                continue
            found.append(Number(m.start(), m.end(), text[m.start() : m.end()].strip(), (first, second), "ratio", percent))
        elif m.group("b") is not None:
            second = value_of(m.group("b"), thousands_comma)
            if second is not None and second < first and "à" not in m.group("range"):
                continue  # « 322-1 »: a reference number, not a range
            values = (first,) if second is None else (first, second)
            found.append(Number(m.start(), m.end(), text[m.start() : m.end()].strip(), values, "range", percent))
        else:
            found.append(Number(m.start(), m.end(), text[m.start() : m.end()].strip(), (first,), "value", percent))
    return found


@record
class ReadProse:
    """A block's visible text in one string, with where each segment starts (and its line)."""

    text: str
    starts: tuple[int, ...]
    lines: tuple[int, ...]

    def line_at(self, offset: int) -> int:
        return self.lines[max(0, bisect.bisect_right(self.starts, offset) - 1)]


def read_prose(prose: Prose) -> ReadProse:
    pieces: list[str] = []
    starts: list[int] = []
    position = 0
    for _line, text, _order, kind in prose.segments:
        piece = " " if kind == "break" else text
        starts.append(position)
        pieces.append(piece)
        position += len(piece)
    return ReadProse("".join(pieces), tuple(starts), tuple(line for line, _text, _order, _kind in prose.segments))


def prose_figures(prose: Prose) -> tuple[ReadProse | None, list[Number]]:
    """The figures of a block (none, and no text read, when no segment holds a digit)."""
    if not any(PREFILTER.search(text) for _line, text, _order, kind in prose.segments if kind != "break"):
        return None, []
    read = read_prose(prose)
    return read, figures(read.text)
