"""Terms defined by Sphinx ``glossary`` directives (MyST ```` ```{glossary} ```` or reST ``.. glossary::``).

The splitting follows ``sphinx.domains.std.Glossary.run``: unindented lines are terms (several in
a row share one definition), `` : `` separates classifiers, indented lines are the definition.
A term line is inline markup, so ``\\`text\\``` or ``**text**`` defines ``text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CLASSIFIER = re.compile(r" +: +")
ROLE = re.compile(r"(?::[\w:+.-]+:|\{[\w:+.-]+\})`((?:[^`\\]|\\.)*)`")
LITERAL = re.compile(r"(`+)(.+?)\1")
EMPHASIS = re.compile(r"(\*\*|\*|__|_)(?=\S)(.+?)(?<=\S)\1")
EXPLICIT_TITLE = re.compile(r"^(.*?)\s*<[^<>]*>$", re.DOTALL)
ESCAPE = re.compile(r"\\(.)")


def _role_text(match: re.Match[str]) -> str:
    content = match.group(1)
    if m := EXPLICIT_TITLE.match(content):
        content = m.group(1)
    return content


def term_text(line: str) -> str:
    """The text Sphinx registers for a glossary term line: markup removed, classifiers dropped."""
    term = CLASSIFIER.split(line.strip(), maxsplit=1)[0]
    term = ROLE.sub(_role_text, term)
    term = LITERAL.sub(lambda m: m.group(2).strip(), term)
    term = EMPHASIS.sub(lambda m: m.group(2), term)
    term = re.sub(r"`([^`]+)`_{1,2}", r"\1", term)
    return ESCAPE.sub(r"\1", term).strip()


@dataclass(frozen=True)
class GlossaryItem:
    """One glossary item: its term lines ``(line, text)`` and its definition lines (dedented)."""

    terms: tuple[tuple[int, str], ...]
    definition: tuple[str, ...]
    definition_line: int


def split_glossary(lines: list[str], first_line: int) -> list[GlossaryItem]:
    """Split glossary content lines (already dedented) into items; ``first_line`` is 1-based."""
    items: list[tuple[list[tuple[int, str]], list[str], list[int]]] = []
    in_definition = True
    indent = 0
    for offset, line in enumerate(lines):
        lineno = first_line + offset
        if not line.strip():
            if in_definition and items:
                items[-1][1].append("")
            continue
        if not line[0].isspace():
            if line.startswith(".."):
                continue
            text = term_text(line)
            if in_definition or not items:
                items.append(([(lineno, text)], [], []))
                in_definition = False
            else:
                items[-1][0].append((lineno, text))
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
