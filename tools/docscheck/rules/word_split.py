"""Split prose into words with a regular expression, fast on ordinary text.

Prose rules (TERM007, PAGE004) read every word of every page, and ``re.findall`` over long text
is most of their time. Most whitespace-separated tokens of prose are a word by themselves (only
letters); only the others (punctuation, digits, apostrophes) need the expression.
"""

from __future__ import annotations

import re
from collections.abc import Callable


def split_words(pattern: re.Pattern[str], text: str, whole: Callable[[str], bool]) -> list[str]:
    """Exactly ``pattern.findall(text)``, for a ``pattern`` that never matches whitespace and a test
    ``whole(token)`` that holds only for a token ``pattern`` matches entirely (``str.isalnum`` for
    ``\\w+``, ``str.isalpha`` for words of letters).

    No match spans whitespace, so the matches of the text are those of its tokens, in order.
    """
    found: list[str] = []
    findall = pattern.findall
    for token in text.split():
        if whole(token):
            found.append(token)
        else:
            found += findall(token)
    return found
