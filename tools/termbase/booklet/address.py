"""The booklet's address as the browser writes and reads it: ``mon-livret.html#p=a,b&q=a.1f2e3d``.

The Python twin of ``formatState`` and ``parseState`` in ``static/termbase-livret.js``, so that
``make handout LIVRET="<address>"`` prints the booklet the reader sees under that address:
``p`` lists the pages, ``q`` the question ids (``page.digest``, :mod:`termbase.booklet.questions`),
both in the order the reader chose them, each item percent-encoded as ``encodeURIComponent`` does.
The patient card has no key of its own: it is chosen as its page (``carte-patient``).

What the browser reads is the fragment (after ``#``); the fragment alone, with or without its
``#``, is accepted too (``p=a,b&q=a.1f2e3d``), and so is a query (``?p=…``) when the address has
no fragment. As in the browser, a pair is ``key=value`` with ``key`` ``p`` or ``q``, other pairs are
ignored, an item that cannot be decoded or comes twice is dropped, and text without a ``p=`` or
``q=`` pair holds no booklet (:func:`parse_address` returns ``None``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote, unquote

KEYS = ("p", "q")
#: What ``parseState`` requires before it reads anything.
HAS_BOOKLET = re.compile(r"(^|&)(p|q)=")
#: A ``%`` not followed by two hex digits: ``decodeURIComponent`` throws (the item is dropped).
BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
#: Characters ``encodeURIComponent`` leaves as they are, besides letters, digits and ``-_.~``.
SAFE = "!*'()"


@dataclass(frozen=True)
class Choice:
    """A booklet: its pages and its question ids, in the reader's order."""

    pages: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()


def clean_list(items: Iterable[str]) -> tuple[str, ...]:
    """Non-empty strings, each once, in order (``cleanList``)."""
    return tuple(dict.fromkeys(item for item in items if item))


def decode(item: str) -> str:
    """``decodeURIComponent``, or ``""`` where it throws (bad escape, bytes that are not UTF-8)."""
    if BAD_ESCAPE.search(item):
        return ""
    try:
        return unquote(item, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        return ""


def fragment(address: str) -> str:
    """The part of an address that carries the booklet (see the module's docstring)."""
    text = address.strip()
    if "#" in text:
        return text.split("#", 1)[1]
    if "?" in text:
        return text.split("?", 1)[1]
    return text


def parse_address(address: str) -> Choice | None:
    """The booklet in an address (``parseState``), or ``None`` when it holds none."""
    text = fragment(address)
    if not HAS_BOOKLET.search(text):
        return None
    found: dict[str, tuple[str, ...]] = {"p": (), "q": ()}
    for part in text.split("&"):
        pair = part.split("=")
        if pair[0] in KEYS and len(pair) > 1 and pair[1]:
            found[pair[0]] = clean_list(decode(item) for item in pair[1].split(","))
    return Choice(found["p"], found["q"])


def format_address(choice: Choice) -> str:
    """The fragment the browser writes for a booklet (``formatState``), without its ``#``."""
    pages = ",".join(quote(name, safe=SAFE) for name in choice.pages)
    questions = ",".join(quote(question, safe=SAFE) for question in choice.questions)
    return f"p={pages}&q={questions}"
