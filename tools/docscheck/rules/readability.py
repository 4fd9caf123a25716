"""French readability: a syllable counter and the Kandel–Moles adaptation of Flesch (1958/1981).

Score = 207 − 1.015 × (words / sentences) − 73.6 × (syllables / words); higher is easier.

Syllables are counted as written French is read aloud, from vowel groups:

* a vowel group (``a e i o u y`` and accented forms, ``œ æ``) is one syllable: ``oi``, ``eau``,
  ``ie`` in *thérapie* count once;
* ``é``, ``è``, ``ê`` after another vowel, and ``ï``, ``ë``, ``ü`` (diaeresis), start a new
  syllable (*réaction* 3, *naïf* 2, *créée* 2);
* the **mute e** is not counted: a final ``e`` or ``es`` after a consonant (*lymphocyte* 3,
  *cellules* 2), provided another vowel group remains. ``-ent`` is kept (it is often spoken:
  *patient*, *traitement*), a deliberate and documented bias towards more syllables;
* every word has at least one syllable (``l’`` elided forms belong to the next word).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

from .word_split import words_in_any_order

VOWELS = "aeiouyàâäéèêëîïôöùûüÿœæ"
GROUP = re.compile(f"[{VOWELS}]+")
SPLIT_BEFORE = set("éèêïëü")
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
MUTE_E = re.compile(f"[^{VOWELS}]es?$")
SPLIT_WORD = re.compile(r"['’-]")
SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$|[»\")\]])")


def _group_syllables(group: str, before: str) -> int:
    """Syllables in one vowel group: hiatus around é/è/ê and diaeresis split it."""
    count = 1
    for index in range(1, len(group)):
        char, previous = group[index], group[index - 1]
        silent_u = previous == "u" and index == 1 and before in ("g", "q")
        if (char in SPLIT_BEFORE and not silent_u) or (previous in "éèê" and char != "e"):
            count += 1
    return count


@functools.lru_cache(maxsize=1 << 16)
def count_syllables(word: str) -> int:
    """Spoken syllables of one French word (see the module docstring for the rules)."""
    word = unicodedata.normalize("NFC", word.casefold())
    total = 0
    for part in SPLIT_WORD.split(word):
        if not part:
            continue
        groups = 0
        for match in GROUP.finditer(part):
            groups += _group_syllables(match.group(), part[match.start() - 1] if match.start() else "")
        if groups > 1 and MUTE_E.search(part):
            groups -= 1  # mute e
        total += groups
    return max(total, 1)


def words_of(text: str) -> list[str]:
    """The words of a text, in some order (counts do not need it)."""
    return words_in_any_order(WORD, text, str.isalpha)


def sentence_count(text: str) -> int:
    """Sentences in one block of text: terminal punctuation, and the block end closes one too."""
    pieces = [p for p in SENTENCE_END.split(text) if WORD.search(p)]
    return max(len(pieces), 1 if WORD.search(text) else 0)


def kandel_moles(words: int, sentences: int, syllables: int) -> float:
    """The score for counts (``words`` and ``sentences`` must be positive)."""
    return 207 - 1.015 * (words / sentences) - 73.6 * (syllables / words)


def score_blocks(blocks: list[str]) -> tuple[float, int] | None:
    """Kandel–Moles score and word count of paragraphs; None when there are no words.

    Syllables are counted once per distinct word (prose repeats its words).
    """
    words = sentences = 0
    distinct: Counter[str] = Counter()
    for block in blocks:
        found = words_of(block)
        if not found:
            continue
        words += len(found)
        distinct.update(found)
        sentences += sentence_count(block)
    if not words:
        return None
    syllables = sum(count_syllables(word) * times for word, times in distinct.items())
    return kandel_moles(words, sentences, syllables), words
