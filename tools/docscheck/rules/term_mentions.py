"""Find unlinked mentions of defined terms in prose, tolerant of French plural inflection.

Words are compared by a folded key: NFC, case-folded, and a final plural mark removed
(``-aux`` → ``-al``, final ``s``/``x`` dropped on words longer than three letters). Both the
names and the text are folded the same way, so *lymphocytes* mentions *lymphocyte* and
*cellules tumorales circulantes* mentions *cellule tumorale circulante* without listing forms.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable

from docscheck.records import GlossaryEntry, Prose, record
from .word_split import words_in_any_order

WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=1 << 16)
def fold_word(word: str) -> str:
    """A word's matching key (cached: prose repeats words, and this runs for every word)."""
    word = unicodedata.normalize("NFC", word).casefold()
    if len(word) > 4 and word.endswith("aux"):
        return word[:-3] + "al"
    if len(word) > 3 and word[-1] in "sx":
        return word[:-1]
    return word


def fold_name(name: str) -> tuple[str, ...]:
    return tuple(fold_word(w) for w in WORD.findall(unicodedata.normalize("NFC", name)))


@record
class Mention:
    """An unlinked mention of ``entry``'s name in prose, at ``line`` (``order``: its place in the page), as written."""

    entry: GlossaryEntry
    line: int
    order: int
    text: str


class MentionMatcher:
    """Longest-match search of every entry name (term, aliases, forms) in a stream of words."""

    def __init__(self, entries: tuple[GlossaryEntry, ...]) -> None:
        self.by_first: dict[str, list[tuple[tuple[str, ...], GlossaryEntry]]] = {}
        for entry in entries:
            for name in entry.names:
                folded = fold_name(name)
                if not folded or len("".join(folded)) < 3:
                    continue
                self.by_first.setdefault(folded[0], []).append((folded, entry))
        for candidates in self.by_first.values():
            candidates.sort(key=lambda c: -len(c[0]))

    def may_mention(self, blocks: Iterable[Prose]) -> bool:
        """Whether some of these blocks can hold a mention: a word of their plain text starts a name.

        Checked on all the words at once, in any order, each distinct word folded once: most
        pages of a well-linked site have no unlinked mention, and this is cheaper than a block by block search.
        """
        return self.starts_a_name(" ".join(text for prose in blocks for _line, text, _order, kind in prose.segments if kind == "text"))

    def starts_a_name(self, text: str) -> bool:
        """Whether some word of ``text`` is the first folded word of a name (each distinct word folded once)."""
        return not self.by_first.keys().isdisjoint(map(fold_word, set(words_in_any_order(WORD, nfc(text), str.isalnum))))

    def mentions(self, prose: Prose) -> list[Mention]:
        """Mentions in plain prose only: words inside links or roles are never mentions.

        The index maps a name's first folded word to its candidates: the text's words are folded
        once (cached), and only the positions whose word starts some name are compared further.
        A mention starts with a word of plain text, so a block whose plain words start no name
        has none: that is checked first, on the words in any order.
        """
        by_first = self.by_first
        if not any(kind == "text" and self.starts_a_name(text) for _line, text, _order, kind in prose.segments):
            return []
        folded: list[str] = []
        raw: list[str] = []
        starts: list[int] = []
        metas: list[tuple[int, int, str]] = []
        for line, text, order, kind in prose.segments:
            if kind == "break":
                continue
            words = WORD.findall(nfc(text))
            if words:
                starts.append(len(folded))
                metas.append((line, order, kind))
                raw += words
                folded += map(fold_word, words)
        found: list[Mention] = []
        covered = 0
        for index in [i for i, word in enumerate(folded) if word in by_first]:
            if index < covered:
                continue
            for names, entry in by_first[folded[index]]:
                end = index + len(names)
                if folded[index:end] == list(names):
                    kinds = {metas[bisect.bisect_right(starts, i) - 1][2] for i in range(index, end)}
                    if kinds == {"text"}:
                        line, order, _kind = metas[bisect.bisect_right(starts, index) - 1]
                        found.append(Mention(entry, line, order, " ".join(raw[index:end])))
                    covered = end
                    break
        return found


def nfc(text: str) -> str:
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)
