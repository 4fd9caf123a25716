"""Parse the triage table (``triage/<slug>.md``, one symptom per file) into :class:`TriageEntry` records.

The front matter is read with PyYAML's node tree rather than its loaded data, for two reasons:
every key, nested ones included, keeps its line (``questions.1.yes``, ``families.car-t``), so a
finding points at the line to fix; and keys are taken as written. YAML 1.1 reads a bare ``yes``
as the boolean *true*, also as a key, and ``yes: samu`` is exactly how an entry says what « oui »
leads to.

Reading is syntax and shape only: a value of the wrong type is noted in ``malformed`` and left
out; whether levels, families and sources are valid is decided by the TRIAGE001 rule.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import PurePath
from typing import Any

from docscheck.records import SourceError, TriageEntry, TriageLevel, TriageQuestion

from .glossary_entries import split_front_matter

#: Scalar tags PyYAML's safe resolver gives plain values, and how to turn their text into a value.
_BOOLEAN_TEXT = {"yes", "true", "on", "y"}


def _scalar(node: Any) -> Any:
    tag, text = node.tag.rsplit(":", 1)[-1], node.value
    if tag == "null":
        return None
    if tag == "bool":
        return text.lower() in _BOOLEAN_TEXT
    if tag == "int":
        try:
            return int(text.replace("_", ""), 0)
        except ValueError:
            return text
    if tag == "float":
        try:
            return float(text.replace("_", ""))
        except ValueError:
            return text
    if tag == "timestamp":
        try:
            return _dt.date.fromisoformat(text[:10])
        except ValueError:
            return text
    return text


def build(node: Any, path: str, lines: dict[str, int], offset: int) -> Any:
    """The value of a YAML node, mapping keys as written; note each key's file line under its dotted path."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            child = f"{path}.{key}" if path else key
            lines[child] = offset + key_node.start_mark.line
            mapping[key] = build(value_node, child, lines, offset)
        return mapping
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            child = f"{path}.{index}" if path else str(index)
            lines[child] = offset + item.start_mark.line
            items.append(build(item, child, lines, offset))
        return items
    return _scalar(node)


def compose_front_matter(text: str, path: str) -> tuple[Any, dict[str, int], str, int, bool]:
    """``(data, key lines, body, body line, present)`` of a Markdown file's front matter.

    Raises :class:`SourceError` (FILE001) for unclosed front matter or invalid YAML.
    """
    import yaml

    front = split_front_matter(text, path)  # the fence, the body and YAML syntax errors
    if not front.present:
        return None, {}, front.body, front.body_line, False
    lines = text.removeprefix("\ufeff").splitlines()
    yaml_text = "\n".join(lines[1 : front.body_line - 2])
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(yaml_text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as exc:  # pragma: no cover - split_front_matter has raised already
        raise SourceError(path, 2, f"invalid YAML front matter: {exc}") from None
    finally:
        loader.dispose()
    key_lines: dict[str, int] = {}
    data = build(node, "", key_lines, 2) if node is not None else None
    return data, key_lines, front.body, front.body_line, True


class _Reader:
    """Turns the front-matter mapping into typed fields, noting what has the wrong shape."""

    def __init__(self, key_lines: dict[str, int]) -> None:
        self.key_lines = key_lines
        self.malformed: list[tuple[int, str]] = []

    def line(self, key: str) -> int:
        while key and key not in self.key_lines:
            key = key.rpartition(".")[0]
        return self.key_lines.get(key, 1)

    def wrong(self, key: str, message: str) -> None:
        self.malformed.append((self.line(key), message))

    def text(self, value: Any, key: str) -> str | None:
        if value is None:
            return None
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return str(value).strip() or None
        self.wrong(key, f"'{key}' must be text")
        return None

    def texts(self, value: Any, key: str) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if isinstance(value, list) and all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value):
            return tuple(s for s in (str(v).strip() for v in value) if s)
        self.wrong(key, f"'{key}' must be a list of text, e.g. {key.rpartition('.')[2]}: [a, b]")
        return ()

    def level(self, value: Any, key: str, level_key: str) -> TriageLevel | None:
        """A level stated as ``{level: …, sources: […]}`` (``level_key`` names its level key)."""
        if value is None:
            return None
        if not isinstance(value, dict):
            self.wrong(key, f"'{key}' must be a mapping such as {{{level_key}: journee, sources: [key]}}")
            return None
        level = self.text(value.get(level_key), f"{key}.{level_key}")
        return TriageLevel(level or "", self.texts(value.get("sources"), f"{key}.sources"), self.line(f"{key}.{level_key}"))

    def question(self, value: Any, key: str) -> TriageQuestion | None:
        if not isinstance(value, dict):
            self.wrong(key, "each question must be a mapping with ask, sign, yes and sources")
            return None
        yes = self.level(value, key, "yes") if "yes" in value else None
        return TriageQuestion(self.text(value.get("ask"), f"{key}.ask") or "", self.text(value.get("sign"), f"{key}.sign") or "", yes, self.line(key))

    def families(self, value: Any) -> tuple[tuple[str, TriageLevel], ...]:
        if value is None:
            return ()
        if not isinstance(value, dict):
            self.wrong("families", "'families' must be a mapping such as families: {car-t: {level: immediat, sources: [key]}}")
            return ()
        found = []
        for name, item in value.items():
            level = self.level(item, f"families.{name}", "level")
            if level is not None:
                found.append((str(name), level))
        return tuple(found)

    def date(self, value: Any, key: str) -> _dt.date | None:
        if value is None or isinstance(value, _dt.date):
            return value
        self.wrong(key, f"'{key}' must be an ISO date (YYYY-MM-DD), not {value!r}")
        return None


def parse_triage_text(text: str, path: str) -> TriageEntry:
    """Read the text of ``triage/<slug>.md``; raises :class:`SourceError` on bad syntax (FILE001)."""
    data, key_lines, body, body_line, present = compose_front_matter(text, path)
    slug = PurePath(path).stem
    reader = _Reader(key_lines)
    if not present or not isinstance(data, dict):
        what = "has no YAML front matter" if not present else "front matter must be a mapping of keys to values"
        return TriageEntry(slug, path, None, (), (), None, body=body, body_line=body_line, key_lines=key_lines, malformed=((1, f"entry {what}; start the file with '---', 'symptom: …', 'words: […]', '---'"),))
    questions: list[TriageQuestion] = []
    raw_questions = data.get("questions")
    if raw_questions is not None and not isinstance(raw_questions, list):
        reader.wrong("questions", "'questions' must be a list of up to three questions (- ask: …)")
    for index, item in enumerate(raw_questions if isinstance(raw_questions, list) else []):
        question = reader.question(item, f"questions.{index}")
        if question is not None:
            questions.append(question)
    return TriageEntry(
        slug=slug,
        path=path,
        symptom=reader.text(data.get("symptom"), "symptom"),
        words=reader.texts(data.get("words"), "words"),
        questions=tuple(questions),
        otherwise=reader.level(data.get("otherwise"), "otherwise", "level"),
        families=reader.families(data.get("families")),
        see_glossary=reader.texts(data.get("see_glossary"), "see_glossary"),
        reviewed=reader.date(data.get("reviewed"), "reviewed"),
        body=body,
        body_line=body_line,
        key_lines=key_lines,
        malformed=tuple(reader.malformed),
    )
