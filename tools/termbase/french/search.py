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
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import sphinx.search
from sphinx.search._stopwords.fr import FRENCH_STOPWORDS
from sphinx.search.fr import SearchFrench

STATIC = Path(__file__).resolve().parents[1] / "static"  # termbase/static/, shared by every part
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
        return self.stemmer.stemWord(fold(word))

    def word_filter(self, word: str) -> bool:
        """Skip stop words whatever their case or accents ("Elle", "Été"), and numbers.

        Sphinx indexes the raw word when its stem is a stop word; without folding here, "Elle"
        at the start of a sentence would land in the index as its own key.
        """
        return not word.isdigit() and fold(word) not in self.stopwords


def register(app: Any) -> None:
    """Use the folding French search language for ``language = "fr"`` projects."""
    app.add_search_language(SearchFrenchFolded)
