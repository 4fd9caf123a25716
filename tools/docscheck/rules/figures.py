"""PAGE006: a figure next to a citation is one of the figures its sources record.

How a figure is matched (the README's « How PAGE006 decides » says the same):

- *Where*: every figure (:mod:`.figure_numbers`) of a sentence, list item, table row or figure
  caption, and of the texts (``<text>``, ``<title>``, ``<desc>``) of an SVG a ``figure`` directive
  shows. Headings are not claims.
- *Its sources*: the keys the sentence cites; if it cites none, those of its paragraph (a list
  item is a paragraph), then those of a cited lead-in paragraph ending with « : » that introduces
  the list or table. A table cell is sourced by its row, then by the table's caption (or lead-in),
  then by any citation of the table. An SVG is sourced by its figure's caption. A citation placed
  just after a sentence's full stop belongs to that sentence. No source at all: PAGE003's business.
- *Supported*: a value equal to one recorded for any of those sources, at the page's precision
  (« 65 % » is supported by a recorded « 64,8 % », not the other way round); both ends of a range;
  a ratio (« 3 patients sur 10 ») when the same ratio is recorded, when both its numbers are, or a
  percentage it rounds (30 % for « 3 sur 10 », within half a step of its denominator). The entry's
  own publication year is always supported. Units are not compared: a reviewer reads them.

The figures file's keys must be bibliography keys (CITE001 at the file's line otherwise).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from docscheck.records import Corpus, Finding, Prose, Severity

from .figure_numbers import Number, ReadProse, figures, prose_figures
from .pages import entry_year

#: Page figures with up to this many decimals may be rounded from a recorded one.
ROUNDED_DECIMALS = 2
#: Where a sentence ends: a full stop, « ! », « ? » or « … » (with closing quotes) before a space.
SENTENCE_END = frozenset(".!?…")
CLOSERS = frozenset("»”\")\u00a0\u202f")
#: Words a full stop does not end a sentence after (« et al. », « p. ex. »).
ABBREVIATIONS = frozenset({"al", "ex", "cf", "env", "p", "pp", "vol", "no", "n°", "m", "dr", "pr", "etc"})


@dataclass
class Support:
    """What the figures recorded for one source (and its publication year) support."""

    values: set[tuple[int, Decimal]] = field(default_factory=set)
    exact: set[Decimal] = field(default_factory=set)
    ratios: set[tuple[Decimal, Decimal]] = field(default_factory=set)
    percents: list[Decimal] = field(default_factory=list)

    def add_value(self, value: Decimal) -> None:
        self.exact.add(value)
        for decimals in range(ROUNDED_DECIMALS + 1):
            self.values.add((decimals, value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)))

    def add(self, number: Number) -> None:
        if number.kind == "ratio":
            self.ratios.add((number.values[0], number.values[1]))
            return
        for value in number.values:
            self.add_value(value)
            if number.percent:
                self.percents.append(value)

    def has(self, value: Decimal) -> bool:
        decimals = max(0, -int(value.as_tuple().exponent))
        if decimals > ROUNDED_DECIMALS:
            return value in self.exact
        return (decimals, value) in self.values

    def has_ratio(self, part: Decimal, whole: Decimal) -> bool:
        if (part, whole) in self.ratios:
            return True
        share = 100 * part / whole
        return any(abs(percent - share) <= 50 / whole for percent in self.percents)


def supports(corpus: Corpus) -> dict[str, Support]:
    """Key → what its recorded figures and its year support."""
    table: dict[str, Support] = {}
    for recorded in corpus.figures:
        support = table.setdefault(recorded.key, Support())
        for number in figures(recorded.figure, thousands_comma=True):
            support.add(number)
    for entry in corpus.bib:
        if (year := entry_year(entry)) is not None:
            table.setdefault(entry.key, Support()).add_value(Decimal(year))
    return table


def is_supported(number: Number, sources: Iterable[Support]) -> bool:
    found = list(sources)
    if number.kind == "ratio":
        part, whole = number.values
        if whole and any(s.has_ratio(part, whole) for s in found):
            return True
    return all(any(s.has(value) for s in found) for value in number.values)


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences start (the first is 0)."""
    starts = [0]
    for index, char in enumerate(text):
        if char not in SENTENCE_END:
            continue
        end = index + 1
        while end < len(text) and text[end] in CLOSERS:
            end += 1
        if end >= len(text) or not text[end].isspace():
            continue
        word_start = index
        while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "°"):
            word_start -= 1
        word = text[word_start:index].lower()
        if char == "." and (word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())):
            continue  # « et al. », an initial (« T. Honjo »)
        starts.append(end)
    return starts


def unit_keys(prose: Prose, read: ReadProse) -> tuple[list[int], list[tuple[str, ...]]]:
    """The claim units of a block (sentences, or table rows) by start offset, and the keys each cites."""
    if prose.rows:
        starts = [read.starts[index] if index < len(read.starts) else len(read.text) for index in prose.rows]
        if not starts or starts[0] != 0:
            starts.insert(0, 0)
    else:
        starts = sentence_starts(read.text)
    keys: list[list[str]] = [[] for _ in starts]
    for index, key in prose.cites:
        offset = read.starts[index] if index < len(read.starts) else len(read.text)
        unit = bisect.bisect_right(starts, offset) - 1
        if unit > 0 and not prose.rows and not any(c.isalnum() for c in read.text[starts[unit] : offset]):
            unit -= 1  # « … 64,8 %. {cite:p}`k` »: the citation closes the sentence before it
        if key not in keys[unit]:
            keys[unit].append(key)
    return starts, [tuple(k) for k in keys]


def claim_sources(prose: Prose, unit: tuple[str, ...]) -> tuple[str, ...]:
    """The keys sourcing a claim unit: its own, then its block's or its context's (module doc)."""
    if unit:
        return unit
    block = tuple(dict.fromkeys(key for _index, key in prose.cites))
    if prose.rows:
        return prose.context or block
    return block or prose.context


def message(number: Number, keys: tuple[str, ...], figures_file: str) -> str:
    return (
        f"figure '{number.text}' is not among the figures recorded for {', '.join(keys)}: "
        f"record it in {figures_file} with where you saw it in the source, or correct the page"
    )


def unsupported_figures(corpus: Corpus) -> Iterator[Finding]:
    """PAGE006 (``figures = true``): each figure next to citations is recorded for one of them."""
    if not corpus.settings.figures:
        return
    table = supports(corpus)
    empty = Support()
    figures_file = corpus.settings.figures_file

    def unsupported(number: Number, keys: tuple[str, ...]) -> bool:
        return not is_supported(number, (table.get(key, empty) for key in keys))

    for page in corpus.pages:
        for prose in page.prose:
            if prose.heading or not prose.cited:
                continue
            read, found = prose_figures(prose)
            if read is None or not found:
                continue
            starts, keys = unit_keys(prose, read)
            for number in found:
                sources = claim_sources(prose, keys[bisect.bisect_right(starts, number.start) - 1])
                if sources and unsupported(number, sources):
                    yield Finding(page.path, read.line_at(number.start), "PAGE006", Severity.WARNING, message(number, sources, figures_file))
        for block in page.figures:
            drawing = corpus.drawings.get(block.image)
            if drawing is None or not block.keys:
                continue
            for line, text in drawing.texts:
                for number in figures(text):
                    if unsupported(number, block.keys):
                        yield Finding(drawing.path, line, "PAGE006", Severity.WARNING, message(number, block.keys, figures_file))


def figures_of_unknown_sources(corpus: Corpus) -> Iterator[Finding]:
    """CITE001 in the figures file: figures recorded for a key the bibliography does not have."""
    if not corpus.settings.figures:
        return
    known = {entry.key for entry in corpus.bib}
    reported: set[str] = set()
    for recorded in corpus.figures:
        if recorded.key not in known and recorded.key not in reported:
            reported.add(recorded.key)
            yield Finding(
                recorded.path, recorded.line, "CITE001", Severity.ERROR,
                f"figures recorded for '{recorded.key}', which is not a key of the bibliography: correct the key or add the entry",
            )  # fmt: skip


FIGURE_RULES = [unsupported_figures, figures_of_unknown_sources]
