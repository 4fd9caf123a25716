"""French words of prose as TERM008 reads them: tokens, elision, folded keys, likely dictionary forms.

- a *token* is a run of word characters with inner hyphens and apostrophes (« c’est-à-dire »);
- elided words (``l’``, ``d’``, ``qu’``, ``jusqu’``…) are dropped, other apostrophes belong to the
  word (« aujourd’hui »);
- a word's *key* folds each part as TERM007 folds words (plurals: *-s*, *-x*, *-aux*);
- :func:`french_lemmas` guesses the dictionary forms an inflected verb or adjective comes from;
- paths, addresses and file names are not prose.
"""

from __future__ import annotations

import re
import unicodedata

from ..term_mentions import fold_word

#: A run of word characters, with inner hyphens and apostrophes (« c’est-à-dire », « anti-PD-1 »).
TOKEN = re.compile(r"\w+(?:[-\u2010\u2011'\u2019]\w+)*")
HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2019": "'"})
#: French elided words, dropped before the apostrophe (wordfreq stores « aujourd'hui » whole).
ELISIONS = frozenset({"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu"})
MIN_LETTERS = 3


ELIDED = re.compile(r"(\w+)['\u2019](?=\w)")


def without_elision(token: str) -> str:
    """The token as written, without a leading elided word (« l’immunothérapie » → « immunothérapie »)."""
    while (m := ELIDED.match(token)) and m.group(1).casefold() in ELISIONS:
        token = token[m.end() :]
    return token


def normalize(token: str) -> str:
    """NFC, case-folded, ASCII hyphens and apostrophe, French elision dropped."""
    return unicodedata.normalize("NFC", without_elision(token)).casefold().translate(HYPHENS)


def word_key(word: str) -> str:
    """The folded key of a normalized word: each part folded as TERM007 folds words."""
    return "-".join("'".join(fold_word(p) for p in part.split("'")) for part in word.split("-"))


def parts(word: str) -> list[str]:
    return [p for p in re.split(r"[-']", word) if p]


#: French inflections: an ending, and the endings of the dictionary forms it may come from. Crude,
#: but only ever used to find a *more common* spelling of a word already found rare, so a wrong
#: guess can only hide a word whose guessed lemma is common (« corrigeons » → « corriger »).
FRENCH_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("eraient", ("er", "e")), ("iraient", ("ir",)), ("issaient", ("ir",)), ("issent", ("ir",)), ("issons", ("ir",)),
    ("issez", ("ir",)), ("issait", ("ir",)), ("erions", ("er", "e")), ("eriez", ("er", "e")), ("erons", ("er", "e")),
    ("eront", ("er", "e")), ("erais", ("er", "e")), ("erait", ("er", "e")), ("iront", ("ir",)), ("irait", ("ir",)),
    ("aient", ("er", "ir", "re", "e")), ("èrent", ("er", "e")), ("eons", ("er", "e")), ("ions", ("er", "ir", "re", "e")),
    ("iez", ("er", "ir", "re", "e")), ("ons", ("er", "ir", "re", "e")), ("ez", ("er", "ir", "re", "e")),
    ("ent", ("er", "ir", "re", "e")), ("ais", ("er", "ir", "re", "e")), ("ait", ("er", "ir", "re", "e")),
    ("iennes", ("ien",)), ("ienne", ("ien",)), ("ives", ("if",)), ("ive", ("if",)), ("euses", ("eux",)),
    ("euse", ("eux",)), ("elles", ("el",)), ("elle", ("el",)), ("antes", ("ant", "er")), ("ante", ("ant", "er")),
    ("ants", ("ant", "er")), ("ant", ("er", "ir", "re", "e")), ("ées", ("er", "é", "e")), ("ée", ("er", "é", "e")),
    ("és", ("er", "é", "e")), ("é", ("er", "e")), ("ies", ("ier", "ie")), ("es", ("e", "er")), ("e", ("er", "e")),
)  # fmt: skip


def french_lemmas(word: str) -> set[str]:
    """Dictionary forms a French inflected word may come from (verbs, adjectives)."""
    found: set[str] = set()
    for ending, lemmas in FRENCH_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            found.update(stem + lemma for lemma in lemmas)
    return found


#: A dot inside a word: a file name or an address (``frise.svg``, ``ameli.fr``); with ``/``, ``@`` or
#: ``\\``, a chunk of text that is not prose. (A literal first: ``re`` then skips ahead quickly.)
INNER_DOT = re.compile(r"\.(?<=\w\.)(?=\w)")


def is_address(text: str) -> bool:
    return "/" in text or "@" in text or "\\" in text or INNER_DOT.search(text) is not None


def tokens_of(text: str) -> list[str]:
    """The tokens of a piece of prose, leaving out paths, addresses and file names."""
    if not is_address(text):
        return TOKEN.findall(text)
    return [token for chunk in text.split() if not is_address(chunk) for token in TOKEN.findall(chunk)]
