"""What PAGE006 reads besides pages: the figures file, and the texts of the SVG drawings figures show.

The figures file (``references-figures.yaml`` beside ``references.bib``) maps a bibliography key
to the figures that source supports, each with where it was seen::

    schmid2020:
      - figure: 64,8 %
        seen: DOSSIER.md, schmid2020 record, key figures

It is read with PyYAML's node tree, so that every figure keeps its line, and ``figure`` is kept
as written (« 0.10 », « 1 174 »), not as the number YAML would make of it. Any other shape is a
FILE001 at its line that says what to write instead; a figure without ``seen`` is not kept.

An SVG is read with expat for the texts a reader sees or hears: ``<text>`` (its ``<tspan>`` lines
joined), ``<title>`` and ``<desc>``, each at the line where it starts. Elements marked
``aria-hidden="true"`` are decoration (an axis, tick labels) and are left out. An SVG declaring
entities is not read (FILE001): expanding them is how a file bombs a parser.
"""

from __future__ import annotations

import functools
from typing import Any

from docscheck.records import Drawing, Finding, RecordedFigure, Severity

FIGURE_KEYS = ("figure", "seen")
#: How to write the file, for messages (findings are one line).
EXAMPLE = "a bibliography key, then one « - figure: 64,8 % » item per figure with « seen: where you saw it » under it"
#: SVG elements whose text a reader sees (``text``) or a screen reader reads (``title``, ``desc``).
TEXT_ELEMENTS = frozenset({"text", "title", "desc"})


def _error(path: str, line: int, message: str) -> Finding:
    return Finding(path, line, "FILE001", Severity.ERROR, message)


@functools.cache
def _loader() -> type:
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # type: ignore[no-any-return]


def _line(node: Any) -> int:
    return int(node.start_mark.line) + 1


def parse_figures_text(text: str, path: str) -> tuple[list[RecordedFigure], list[Finding]]:
    """The figures recorded in a figures file, and FILE001 findings for what cannot be used."""
    import yaml

    try:
        root = yaml.compose(text, Loader=_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context, opened = getattr(exc, "context", None), getattr(exc, "context_mark", None)
        if context and opened is not None and mark is not None and opened.line != mark.line:
            problem += f" ({context} at line {opened.line + 1})"
        return [], [_error(path, mark.line + 1 if mark is not None else 1, f"invalid YAML: {problem}; write {EXAMPLE}")]
    except RecursionError:
        return [], [_error(path, 1, "YAML nested too deeply to be read")]
    if root is None:
        return [], []
    if not isinstance(root, yaml.MappingNode):
        return [], [_error(path, _line(root), f"the figures file must map bibliography keys to lists of figures: write {EXAMPLE}")]
    figures: list[RecordedFigure] = []
    findings: list[Finding] = []
    seen_keys: dict[str, int] = {}
    for key_node, value in root.value:
        if not isinstance(key_node, yaml.ScalarNode) or not key_node.value.strip():
            findings.append(_error(path, _line(key_node), "a key must be a bibliography key (text), such as schmid2020"))
            continue
        key = key_node.value.strip()
        if key in seen_keys:
            findings.append(_error(path, _line(key_node), f"'{key}' is listed twice (first at line {seen_keys[key]}): merge its figures into one list"))
            continue
        seen_keys[key] = _line(key_node)
        if not isinstance(value, yaml.SequenceNode):
            findings.append(_error(path, _line(value), f"'{key}' must have a list of figures: write {EXAMPLE}"))
            continue
        for item in value.value:
            figure = _figure(item, key, path, findings)
            if figure is not None:
                figures.append(figure)
    return figures, findings


def _figure(item: Any, key: str, path: str, findings: list[Finding]) -> RecordedFigure | None:
    """One item of a key's list, or None (with the FILE001 that says why)."""
    import yaml

    line = _line(item)
    if not isinstance(item, yaml.MappingNode):
        findings.append(_error(path, line, f"a figure of '{key}' must be a mapping « figure: … » and « seen: … », not {item.value!r}" if isinstance(item, yaml.ScalarNode) else f"a figure of '{key}' must be a mapping « figure: … » and « seen: … »"))
        return None
    fields: dict[str, str] = {}
    for name_node, value_node in item.value:
        name = str(name_node.value) if isinstance(name_node, yaml.ScalarNode) else "?"
        if name not in FIGURE_KEYS:
            findings.append(_error(path, _line(name_node), f"unknown key '{name}' in a figure of '{key}'; a figure has only: {', '.join(FIGURE_KEYS)}"))
            continue
        if not isinstance(value_node, yaml.ScalarNode) or value_node.tag.endswith(":null"):
            findings.append(_error(path, _line(value_node), f"'{name}' of a figure of '{key}' must be text"))
            continue
        fields[name] = str(value_node.value).strip()
    figure, seen = fields.get("figure", ""), fields.get("seen", "")
    if not figure:
        findings.append(_error(path, line, f"a figure of '{key}' has no 'figure': write the number as a reader writes it (« 64,8 % », « 1 174 », « 2 à 6 semaines »)"))
        return None
    if not any(c.isdigit() for c in figure):
        findings.append(_error(path, line, f"figure '{figure}' of '{key}' holds no number written with digits"))
        return None
    if not seen:
        findings.append(_error(path, line, f"figure '{figure}' of '{key}' has no 'seen': say where you saw it in the source (the dossier record, or the page or table of the source you read)"))
        return None
    return RecordedFigure(key, figure, seen, path, line)


class _SvgTexts:
    """expat handlers collecting the visible texts of an SVG with their lines."""

    def __init__(self, parser: Any) -> None:
        self.parser = parser
        self.texts: list[tuple[int, str]] = []
        self.depth = 0
        self.hidden_at: int | None = None  # depth of the aria-hidden element we are in
        self.text_at: int | None = None  # depth of the text element we are collecting
        self.line = 0
        self.buffer: list[str] = []

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.depth += 1
        if self.hidden_at is None and attrs.get("aria-hidden", "").strip().lower() == "true":
            self.hidden_at = self.depth
        if self.hidden_at is not None:
            return
        local = name.rsplit(":", 1)[-1]
        if self.text_at is None and local in TEXT_ELEMENTS:
            self.text_at, self.line, self.buffer = self.depth, self.parser.CurrentLineNumber, []
        elif self.text_at is not None:
            self.buffer.append(" ")  # a <tspan> is another line of the text

    def end(self, _name: str) -> None:
        if self.text_at == self.depth:
            if text := " ".join("".join(self.buffer).split()):
                self.texts.append((self.line, text))
            self.text_at = None
        if self.hidden_at == self.depth:
            self.hidden_at = None
        self.depth -= 1

    def data(self, text: str) -> None:
        if self.text_at is not None:
            self.buffer.append(text)


def parse_svg_text(text: str, path: str) -> tuple[Drawing, list[Finding]]:
    """The texts of an SVG (``<text>``, ``<title>``, ``<desc>``) at their lines, or FILE001."""
    if "<!ENTITY" in text:
        line = text.count("\n", 0, text.index("<!ENTITY")) + 1
        return Drawing(path), [_error(path, line, "the SVG declares entities, which docscheck does not expand: remove the DOCTYPE's entity declarations")]
    from xml.parsers import expat  # here: most projects have no SVG, and expat costs 1 ms to import

    parser = expat.ParserCreate()
    collector = _SvgTexts(parser)
    parser.StartElementHandler = collector.start
    parser.EndElementHandler = collector.end
    parser.CharacterDataHandler = collector.data
    try:
        parser.Parse(text, True)
    except expat.ExpatError as exc:
        return Drawing(path, tuple(collector.texts)), [_error(path, exc.lineno, f"the SVG is not well-formed XML ({expat.ErrorString(exc.code)}); fix it, browsers do not show it either")]
    except RecursionError:
        return Drawing(path), [_error(path, 1, "the SVG is nested too deeply to be read")]
    return Drawing(path, tuple(collector.texts)), []
