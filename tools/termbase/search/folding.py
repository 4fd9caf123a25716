"""Accent-insensitive French search: "micrometastase" finds "micrométastase".

Readers type queries without accents (phone keyboards, habit). Sphinx's French search stems both
the indexed words (Python, :meth:`SearchLanguage.stem`) and the query words (JavaScript, the
``Stemmer`` class embedded in ``language_data.js``); the two must agree. Both sides here first
fold the word (lowercase, NFD, combining marks dropped, œ/æ spelled out), then apply the same
Snowball French stemmer, so a query with or without accents reaches the same index key.

The JavaScript side wraps Sphinx's own minified Snowball French stemmer (shipped in
``sphinx/search/minified-js``) with ``static/french-folding-stemmer.js``; nothing is fetched.
Sphinx's French stop words are kept, plus their folded spellings ("ete" for "été") so that a
query typed without accents skips them too.

Readers also write names of molecules and trials in several ways: "PD1", "PD-1", "PD 1". The rule
(:func:`compact`, and ``compact`` in ``static/termbase-search.js``, which must agree) drops a
hyphen between two letters or digits, and spaces between a letter and a digit: "PD-1", "PD 1" and
"PD1" all become "PD1", "PD-L1" becomes "PDL1", "CAR-T" becomes "CART", "phase 3" becomes
"phase3". The query is compacted before Sphinx splits it; the index keeps every word as before and
also gets the compacted chains (:meth:`SearchFrenchFolded.split`), so both sides meet. Spaces
between two letters are kept ("lymphocytes T" stays two words): "CAR T" is found through the
glossary (:mod:`termbase.search.glossary_terms`), whose names are compared without any separator.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path
from typing import Any

import sphinx.search
from sphinx.search._stopwords.fr import FRENCH_STOPWORDS
from sphinx.search.fr import SearchFrench

STATIC = Path(__file__).resolve().parent / "static"  # termbase/search/static/
FOLDING_STEMMER_JS = STATIC / "french-folding-stemmer.js"
_SPHINX_MINIFIED_JS = Path(sphinx.search.__file__).parent / "minified-js"
# Letters that NFD does not decompose but a French reader spells with two letters.
# The block the JavaScript side strips too (U+0300–U+036F): both sides must fold identically.
_COMBINING_DIACRITICS = ("\u0300", "\u036f")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae"})


def fold(word: str) -> str:
    """Lowercase *word* and drop its accents: "Micrométastase" → "micrometastase", "œil" → "oeil"."""
    decomposed = unicodedata.normalize("NFD", word.translate(_LIGATURES))
    stripped = "".join(char for char in decomposed if not _COMBINING_DIACRITICS[0] <= char <= _COMBINING_DIACRITICS[1])
    return unicodedata.normalize("NFC", stripped).lower()


# A hyphen between two letters or digits, or spaces after a letter and before a digit.
_JOINER = re.compile(r"(?<=[^\W_])[-\u2010\u2011](?=[^\W_])|(?<=[^\W\d_])[ \u00a0\u202f]+(?=\d)")
_CHAIN = re.compile(r"[^\W_]+(?:(?:[-\u2010\u2011]|(?<=[^\W\d_])[ \u00a0\u202f]+(?=\d))[^\W_]+)+")


def compact(text: str) -> str:
    """Drop the separators inside names like "PD-1", "PD 1", "CAR-T": "PD1", "PD1", "CART"."""
    return _JOINER.sub("", text)


def chain_words(text: str) -> list[str]:
    """The compacted forms of every chain of *text* and of its consecutive parts, for the index.

    "anti-PD-L1" gives "antiPD", "antiPDL1", "PDL1"…: a page about anti-PD-1 is found by "PD1" too.
    Chains are short (a few parts), so listing every consecutive span stays cheap.
    """
    words: list[str] = []
    for match in _CHAIN.finditer(text):
        parts = [part for part in _JOINER.split(match.group()) if part]
        for start in range(len(parts) - 1):
            for end in range(start + 2, len(parts) + 1):
                words.append("".join(parts[start:end]))
    return words


FOLDED_FRENCH_STOPWORDS = frozenset(FRENCH_STOPWORDS) | frozenset(fold(word) for word in FRENCH_STOPWORDS)


def _javascript_stemmer() -> str:
    """Sphinx's base + French Snowball stemmers, then our folding wrapper as ``window.Stemmer``."""
    return "\n".join(
        (
            (_SPHINX_MINIFIED_JS / "base-stemmer.js").read_text(encoding="utf-8"),
            (_SPHINX_MINIFIED_JS / "french-stemmer.js").read_text(encoding="utf-8"),
            FOLDING_STEMMER_JS.read_text(encoding="utf-8"),
        )
    )


#: folded word → its Snowball French stem, for the process, and kept between builds (see register)
_STEMS: dict[str, str] = {}


def _french_stem(folded: str) -> str:
    """Snowball French stem of a folded word, memoised for the process and between builds.

    Sphinx memoises stems page by page only, and the search data of
    :mod:`termbase.search.glossary_terms` stems the same words (every entry's term, at every
    build): one cache serves both, and :func:`recall_stems` brings back the last build's.
    """
    stem = _STEMS.get(folded)
    if stem is None:
        stem = _STEMS[folded] = _snowball_french().stemWord(folded)
    return stem


def _stem_cache(app: Any) -> Any:
    from termbase.build_cache import BuildCache, fingerprint

    return BuildCache(app, "stems", fingerprint(("snowballstemmer",)))


def recall_stems(app: Any) -> None:
    """``builder-inited``: the stems earlier builds computed."""
    _STEMS.update(_stem_cache(app).previous)


def remember_stems(app: Any, exception: Exception | None) -> None:
    """``build-finished``: keep the stems (the vocabulary of the site, so the file stays small)."""
    if exception is None and app.builder.format == "html":
        cache = _stem_cache(app)
        for word, stem in _STEMS.items():
            cache.put(word, stem)
        cache.save()


@functools.cache
def _snowball_french() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("french")


class SearchFrenchFolded(SearchFrench):
    """French search language whose index keys and query words are folded before stemming."""

    lang = "fr"
    language_name = "French"
    stopwords = FOLDED_FRENCH_STOPWORDS
    # An empty raw code makes Sphinx embed ``js_stemmer_code`` as is (our folding wrapper)
    # instead of its own French stemmer file.
    js_stemmer_rawcode = ""

    def __init__(self, options: dict[str, str]) -> None:
        super().__init__(options)
        self.js_stemmer_code = _javascript_stemmer()

    def stem(self, word: str) -> str:
        return _french_stem(fold(word))

    def split(self, input: str) -> list[str]:  # noqa: A002 - Sphinx's parameter name
        """Sphinx's words, plus the compacted chains ("PD1" for "PD-1"), see :func:`compact`."""
        return super().split(input) + chain_words(input)

    def word_filter(self, word: str) -> bool:
        """Skip stop words whatever their case or accents ("Elle", "Été"), and numbers.

        Sphinx indexes the raw word when its stem is a stop word; without folding here, "Elle"
        at the start of a sentence would land in the index as its own key.
        """
        return not word.isdigit() and fold(word) not in self.stopwords


def register(app: Any) -> None:
    """Use the folding French search language for ``language = "fr"`` projects."""
    app.add_search_language(SearchFrenchFolded)
    app.connect("builder-inited", recall_stems)
    app.connect("build-finished", remember_stems)
