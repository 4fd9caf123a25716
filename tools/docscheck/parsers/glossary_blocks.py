"""Terms defined by Sphinx ``glossary`` directives (MyST ```` ```{glossary} ```` or reST ``.. glossary::``).

The splitting follows ``sphinx.domains.std.Glossary.run``: unindented lines are terms (several in
a row share one definition), `` : `` separates classifiers, indented lines are the definition.
A term line is inline markup of the page's syntax; the caller passes the function that turns it
into text (:mod:`.term_text`), so ``**text**`` defines ``text``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
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
