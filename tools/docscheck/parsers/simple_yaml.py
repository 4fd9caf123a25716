"""A fast path for the front matter most files have: ``key: value`` lines with plain values.

PyYAML costs an import and a parser start per file; on a corpus of hundreds of glossary entries
that is a good share of a run. Front matter such as ``term: lymphocyte``, ``forms: [a, b]`` or
``last_reviewed: 2026-11-01`` is read here with the same result PyYAML's safe loader gives
(YAML 1.1 types: ``true``/``on``/``yes`` booleans, ``null``, decimal integers, ISO dates).
Anything else (quotes, comments, nested or block values, anchors, other numbers or timestamps)
returns None and the caller uses PyYAML: the fast path never guesses.
"""

from __future__ import annotations

import datetime as _dt
import re

KEY_LINE = re.compile(r"([A-Za-z_][\w-]*):(?:[ ]+(.*?))?[ ]*")
#: characters that make a plain scalar mean something else, or that we leave to PyYAML
SPECIAL_START = frozenset("-?:,[]{}#&*!|>'\"%@`.+0123456789~ \t")
SPECIAL_ANYWHERE = re.compile(r"[#\t{}\[\]]|: |:$")
BOOLEANS = {w: True for w in ("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON")}
BOOLEANS |= {w: False for w in ("no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF")}
NULLS = frozenset({"null", "Null", "NULL"})
INTEGER = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
TIMESTAMPISH = re.compile(r"[0-9][0-9_:.eE+-]*")


class NotSimple(Exception):
    """The text needs the real YAML parser."""


def _scalar(value: str) -> object:
    if value == "=":  # YAML's « value » key type, which the safe loader refuses
        raise NotSimple
    if value in BOOLEANS:
        return BOOLEANS[value]
    if value in NULLS:
        return None
    if INTEGER.fullmatch(value):
        return int(value)
    if DATE.fullmatch(value):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            return value  # like docscheck's PyYAML loader: an impossible date stays text
    if value[0] in SPECIAL_START or SPECIAL_ANYWHERE.search(value) or TIMESTAMPISH.fullmatch(value):
        raise NotSimple
    return value


def _flow_sequence(value: str) -> list[object]:
    inner = value[1:-1].strip()
    if not inner:
        return []
    items = [item.strip() for item in inner.split(",")]
    if any(not item or item[0] in SPECIAL_START or SPECIAL_ANYWHERE.search(item) or ":" in item for item in items):
        raise NotSimple
    return [_scalar(item) for item in items]


def load_simple(text: str) -> tuple[dict[str, object], dict[str, int]] | None:
    """``(data, key lines relative to the text, 0-based)`` or None when PyYAML must read ``text``."""
    data: dict[str, object] = {}
    lines: dict[str, int] = {}
    try:
        for number, line in enumerate(text.splitlines()):
            if not line.strip():
                continue
            match = KEY_LINE.fullmatch(line.rstrip("\r"))
            if match is None:
                return None
            key, value = match.group(1), match.group(2)
            if key in BOOLEANS or key in NULLS:  # a YAML boolean or null as a key
                return None
            if not value:
                data[key] = None
            elif value.startswith("[") and value.endswith("]"):
                data[key] = _flow_sequence(value)
            else:
                data[key] = _scalar(value)
            lines[key] = number
    except NotSimple:
        return None
    if not data:
        return None
    return data, lines
