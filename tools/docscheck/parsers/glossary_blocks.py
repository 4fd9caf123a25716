"""Terms defined by Sphinx ``glossary`` directives (MyST ```` ```{glossary} ```` or reST ``.. glossary::``).

The splitting follows ``sphinx.domains.std.Glossary.run``: unindented lines are terms (several in
a row share one definition), `` : `` separates classifiers, indented lines are the definition.
A term line is inline markup of the page's syntax; the caller passes the function that turns it
into text (:func:`myst_term_text`, :func:`rest_term_text`), so ``**text**`` defines ``text``.

The text Sphinx registers for a term line is the line parsed as inline markup: Sphinx's
``Glossary`` directive splits off classifiers (`` : ``), parses the rest with the
inline parser of the page's syntax and registers ``term.astext()``. So the term of
``DICOM_DIR_MAP_FILE`` keeps its underscores (an intraword ``_`` is neither Markdown emphasis nor
reST markup), and MyST's ``[CommonMark](https://commonmark.org)`` registers « CommonMark ».

- :func:`myst_term_text` uses myst-parser's own markdown-it (the one that parses the page);
- :func:`rest_term_text` follows docutils' inline markup recognition rules for the constructs
  a term line can hold (literals, roles, references, emphasis, substitutions, escapes).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.token import Token

from docscheck.records import record

CLASSIFIER = re.compile(r" +: +")
EXPLICIT_TITLE = re.compile(r"^(.*?)\s*<[^<>]*>$", re.DOTALL)


def split_classifier(line: str) -> str:
    """The term part of a term line (Sphinx drops classifiers before parsing)."""
    return CLASSIFIER.split(line.strip(), maxsplit=1)[0]


def role_title(content: str) -> str:
    """What a role displays: the title of ``title <target>``, else its content."""
    if (m := EXPLICIT_TITLE.match(content)) and m.group(1):
        return m.group(1)
    return content


def inline_plain_text(children: list[Token]) -> str:
    """What docutils' ``astext()`` gives for MyST inline tokens: text, code and role titles."""
    parts: list[str] = []
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline", "math_inline", "math_inline_double"):
            parts.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif kind == "myst_role":
            parts.append(role_title(child.content))
    return "".join(parts).strip()


def myst_term_text(line: str, md: MarkdownIt) -> str:
    """Text of a MyST term line: the line parsed by markdown-it's inline rules."""
    return " ".join(inline_plain_text(token.children or []) for token in md.parseInline(split_classifier(line))).strip()


# docutils: inline markup starts after whitespace or an opening punctuation mark and ends before
# whitespace or a closing one (a simplification of its Unicode punctuation classes).
_START = r"(?<![^\s\-:/'\"<(\[{\u2018\u201c\u00ab])"
_END = r"(?![^\s\-.,:;!?\\/'\")\]}>\u2019\u201d\u00bb])"
_BODY = r"(\S(?:.*?\S)?)"


@functools.cache
def rest_inline() -> re.Pattern[str]:
    """The inline markup of a reST term line (compiled when a reST glossary is read: it takes as
    long to compile as a MyST page takes to parse)."""
    return re.compile(
        "|".join(
            (
                _START + r"``(?P<literal>\S(?:.*?\S)?)``" + _END,
                _START + r":(?P<role>[A-Za-z][\w.+:-]*):`(?P<role_content>(?:[^`\\]|\\.)+)`" + _END,
                _START + r"`(?P<interpreted>(?:[^`\\]|\\.)+)`(?::[A-Za-z][\w.+:-]*:|__?)?" + _END,
                _START + r"_`(?P<target>(?:[^`\\]|\\.)+)`" + _END,
                _START + r"\*\*(?P<strong>" + _BODY[1:-1] + r")\*\*" + _END,
                _START + r"\*(?P<emphasis>" + _BODY[1:-1] + r")\*" + _END,
                _START + r"\|(?P<substitution>" + _BODY[1:-1] + r")\|(?:__?)?" + _END,
                r"(?<![\w\\])(?P<reference>[^\W_]+(?:[-_.+:][^\W_]+)*)__?(?![\w])",
            )
        )
    )


ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def _unescape(text: str) -> str:
    """docutils escapes: ``\\x`` is ``x``; an escaped space disappears."""
    return ESCAPE.sub(lambda m: "" if m.group(1).isspace() else m.group(1), text)


def rest_term_text(line: str) -> str:
    """Text of a reST term line, as ``docutils`` renders it to plain text."""
    text = split_classifier(line)
    out: list[str] = []
    position = 0
    for m in rest_inline().finditer(text):
        out.append(_unescape(text[position : m.start()]))
        position = m.end()
        if m.group("literal") is not None:
            out.append(m.group("literal"))
        elif m.group("role") is not None:
            content = role_title(m.group("role_content"))
            if m.group("role") == "abbr":  # :abbr:`LIFO (last-in, first-out)` shows LIFO
                content = re.sub(r"\s*\([^()]*\)\s*$", "", content)
            out.append(_unescape(content))
        elif m.group("interpreted") is not None:
            out.append(_unescape(role_title(m.group("interpreted"))) or m.group("interpreted"))
        else:
            name = next(n for n in ("target", "strong", "emphasis", "substitution", "reference") if m.group(n) is not None)
            out.append(_unescape(m.group(name)))
    out.append(_unescape(text[position:]))
    return "".join(out).strip()


@record
class GlossaryItem:
    """One glossary item: its term lines ``(line, text)`` and its definition lines (dedented)."""

    terms: tuple[tuple[int, str], ...]
    definition: tuple[str, ...]
    definition_line: int


def split_glossary(lines: list[str], first_line: int, term_text: Callable[[str], str]) -> list[GlossaryItem]:
    """Split glossary content lines (already dedented) into items; ``first_line`` is 1-based."""
    items: list[tuple[list[tuple[int, str]], list[str], list[int]]] = []
    in_definition = True
    in_comment = False
    indent = 0
    for offset, line in enumerate(lines):
        lineno = first_line + offset
        if not line.strip():
            if in_definition and items:
                items[-1][1].append("")
            continue
        if not line[0].isspace():
            if line.startswith(".. "):  # a comment, with its indented lines (as Sphinx reads it)
                in_comment = True
                continue
            in_comment = False
            text = term_text(line)
            if in_definition or not items:
                items.append(([(lineno, text)], [], []))
                in_definition = False
            else:
                items[-1][0].append((lineno, text))
        elif in_comment:
            continue
        else:
            if not in_definition:
                in_definition = True
                indent = len(line) - len(line.lstrip())
            if items:
                if not items[-1][2]:
                    items[-1][2].append(lineno)
                items[-1][1].append(line[indent:] if line[:indent].isspace() else line.lstrip())
    return [
        GlossaryItem(tuple((n, t) for n, t in terms if t), tuple(definition), (start or [0])[0])
        for terms, definition, start in items
    ]
