"""Find unlinked mentions of defined terms in prose, tolerant of French plural inflection.

Words are compared by a folded key: NFC, case-folded, and a final plural mark removed
(``-aux`` → ``-al``, final ``s``/``x`` dropped on words longer than three letters). Both the
names and the text are folded the same way, so *lymphocytes* mentions *lymphocyte* and
*cellules tumorales circulantes* mentions *cellule tumorale circulante* without listing forms.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from docscheck.records import GlossaryEntry, Prose

WORD = re.compile(r"\w+")


def fold_word(word: str) -> str:
    word = unicodedata.normalize("NFC", word).casefold()
    if len(word) > 4 and word.endswith("aux"):
        return word[:-3] + "al"
    if len(word) > 3 and word[-1] in "sx":
        return word[:-1]
    return word


def fold_name(name: str) -> tuple[str, ...]:
    return tuple(fold_word(w) for w in WORD.findall(unicodedata.normalize("NFC", name)))


@dataclass(frozen=True)
class Mention:
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

    def mentions(self, prose: Prose) -> list[Mention]:
        """Mentions in plain prose only: words inside links or roles are never mentions."""
        words: list[tuple[str, int, int, str, str]] = []
        for line, text, order, kind in prose.segments:
            if kind == "break":
                continue
            for m in WORD.finditer(unicodedata.normalize("NFC", text)):
                words.append((fold_word(m.group()), line, order, kind, m.group()))
        found: list[Mention] = []
        index = 0
        while index < len(words):
            candidates = self.by_first.get(words[index][0], ())
            step = 1
            for folded, entry in candidates:
                window = words[index : index + len(folded)]
                if len(window) == len(folded) and all(w[0] == f for w, f in zip(window, folded)):
                    if all(w[3] == "text" for w in window):
                        found.append(Mention(entry, window[0][1], window[0][2], " ".join(w[4] for w in window)))
                    step = len(folded)
                    break
            index += step
        return found
