"""The medical disclaimer of a handout: the same words as the site's footer.

The site shows ``_templates/disclaimer.html``; copying its text into Python would let the two drift
apart, so the handout reads that template (first one found along ``templates_path``) and keeps its
text and its ``<strong>`` runs. A project without the template gets :data:`DEFAULT_DISCLAIMER`.
"""

from __future__ import annotations

import html.parser
import re
from pathlib import Path

TEMPLATE_NAME = "disclaimer.html"
ASCII_WHITESPACE = re.compile(r"[ \t\r\n]+")

#: (text, bold) runs used when the project has no ``disclaimer.html`` template.
DEFAULT_DISCLAIMER: tuple[tuple[str, bool], ...] = (
    ("Avertissement\u00a0:", True),
    (
        " ce guide donne des informations générales. Il ne remplace pas l’avis de votre équipe"
        " soignante, qui connaît votre situation. En cas d’urgence, appelez le 15 ou le 112.",
        False,
    ),
)


class _RunsParser(html.parser.HTMLParser):
    """Collect text runs, marking those inside ``<strong>``/``<b>``; whitespace is collapsed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.runs: list[tuple[str, bool]] = []
        self._bold = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"strong", "b"}:
            self._bold += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"strong", "b"} and self._bold:
            self._bold -= 1

    def handle_data(self, data: str) -> None:
        # Collapse ASCII whitespace only: the template's no-break spaces are typography, keep them.
        text = ASCII_WHITESPACE.sub(" ", data)
        if text:
            self.runs.append((text, bool(self._bold)))


def disclaimer_runs(html_text: str) -> tuple[tuple[str, bool], ...]:
    """The (text, bold) runs of a disclaimer template, trimmed; empty if it holds no text."""
    parser = _RunsParser()
    parser.feed(html_text)
    parser.close()
    runs = [(text, bold) for text, bold in parser.runs if text.strip() or text == " "]
    while runs and not runs[0][0].strip():
        runs.pop(0)
    while runs and not runs[-1][0].strip():
        runs.pop()
    if runs:
        runs[0] = (runs[0][0].lstrip(), runs[0][1])
        runs[-1] = (runs[-1][0].rstrip(), runs[-1][1])
    return tuple(runs)


def find_disclaimer(confdir: Path, templates_path: list[str]) -> tuple[tuple[str, bool], ...]:
    """The project's disclaimer runs, from its first ``disclaimer.html`` template, else the default."""
    for directory in templates_path:
        template = (confdir / directory / TEMPLATE_NAME).resolve()
        if template.is_file():
            runs = disclaimer_runs(template.read_text(encoding="utf-8"))
            if runs:
                return runs
    return DEFAULT_DISCLAIMER
