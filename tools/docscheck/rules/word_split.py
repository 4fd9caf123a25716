"""Split prose into words with a regular expression, fast on ordinary text.

Prose rules (TERM007, PAGE004) read every word of every page, and a regular expression over long
text is most of their time (``re`` tests each character's Unicode class). Most tokens of prose,
split at whitespace, are a word by themselves (only letters); only the others (punctuation,
digits, apostrophes) need the expression. Where the order of the words does not matter (counting
them, looking one up), the tokens are sorted out with ``str`` methods, in C.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable


def words_in_any_order(pattern: re.Pattern[str], text: str, whole: Callable[[str], bool]) -> list[str]:
    """The words of ``pattern.findall(text)``, each as many times, in some order.

    ``pattern`` never matches whitespace, and ``whole(token)`` holds only for a token ``pattern``
    matches entirely (``str.isalnum`` for ``\\w+``, ``str.isalpha`` for words of letters). No
    match spans whitespace, so the matches of the text are those of its tokens.
    """
    tokens = text.split()
    found = list(filter(whole, tokens))
    if len(found) < len(tokens):
        found += pattern.findall(" ".join(itertools.filterfalse(whole, tokens)))
    return found
