"""Parse glossary entry files (YAML front matter + MyST body) into :class:`GlossaryEntry` records.

Two steps, so that the Sphinx extension and the CLI share them:

* :func:`split_front_matter` / :func:`parse_entry_text` turn text into a :class:`RawEntry`
  (syntax only; raises :class:`SourceError` for unreadable YAML, reported as FILE001);
* :func:`validate_entry` is pure: it checks keys and types (TERM004) and builds the record.

Front matter (of entries and of pages) is read by :func:`load_simple` when it is the simple
``key: value`` kind most files have, and by PyYAML otherwise.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import field
from pathlib import PurePath
from typing import Any

from docscheck.records import Finding, GlossaryEntry, Severity, SourceError, record

FENCE = re.compile(r"^---[ \t]*$")

#: Front-matter keys of an entry, with the Python types each accepts.
REQUIRED_KEYS = ("term", "sources")
OPTIONAL_KEYS = ("aliases", "forms", "en", "category", "see_also", "reviewed", "short")
LIST_KEYS = ("aliases", "forms", "see_also", "sources")


# -- the fast path for simple front matter ----------------------------------------------------
#
# A fast path for the front matter most files have: ``key: value`` lines with plain values.
#
# PyYAML costs an import and a parser start per file; on a corpus of hundreds of glossary entries
# that is a good share of a run. Front matter such as ``term: lymphocyte``, ``forms: [a, b]`` or
# ``last_reviewed: 2026-11-01`` is read here with the same result PyYAML's safe loader gives
# (YAML 1.1 types: ``true``/``on``/``yes`` booleans, ``null``, decimal integers, ISO dates).
# Anything else (quotes, comments, nested or block values, anchors, other numbers or timestamps)
# returns None and the caller uses PyYAML: the fast path never guesses.

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


# -- front matter, entries ----------------------------------------------------------------------


@record
class FrontMatter:
    """The YAML block at the top of a Markdown file, with the line of each top-level key."""

    data: Any
    line: int
    key_lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    present: bool = False


@functools.cache
def _safe_loader() -> type:
    """libyaml's safe loader when PyYAML was built with it (much faster), else the pure-Python one.

    A scalar that looks like a date but is not one (``2026-13-45``) stays a string, so that the
    rule checking the key reports it at its line; PyYAML itself would raise ``ValueError``.
    PyYAML is imported on first use: most front matter is read by :func:`load_simple`.
    """
    import yaml

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        pass

    def timestamp_or_text(loader: Any, node: Any) -> Any:
        try:
            return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
        except (ValueError, OverflowError):
            return loader.construct_scalar(node)

    Loader.add_constructor("tag:yaml.org,2002:timestamp", timestamp_or_text)
    return Loader


def _load_yaml(text: str) -> tuple[Any, Any]:
    """Parse YAML once: the node tree (for key lines) and the safe-loaded data."""
    loader = _safe_loader()(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return node, data


def split_front_matter(text: str, path: str) -> FrontMatter:
    """Split ``---`` front matter from a Markdown text.

    The text may start with a BOM and use CRLF line endings. A file without front matter gives
    ``present=False`` and the whole text as body. Unclosed front matter or invalid YAML raise
    :class:`SourceError` with the line of the problem.
    """
    text = text.removeprefix("\ufeff")
    lines = text.splitlines(keepends=True)
    if not lines or not FENCE.match(lines[0].rstrip("\r\n")):
        return FrontMatter(data=None, line=1, body=text, body_line=1, present=False)
    for index in range(1, len(lines)):
        if FENCE.match(lines[index].rstrip("\r\n")):
            break
    else:
        raise SourceError(path, 1, "front matter opened with '---' is never closed; add a '---' line after it")
    yaml_text = "".join(lines[1:index])
    body, body_line = "".join(lines[index + 1 :]), index + 2
    if (simple := load_simple(yaml_text)) is not None:
        data, relative = simple
        return FrontMatter(data=data, line=1, key_lines={k: 2 + n for k, n in relative.items()}, body=body, body_line=body_line, present=True)
    import yaml

    try:
        node, data = _load_yaml(yaml_text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = 2 + (mark.line if mark is not None else 0)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise SourceError(path, line, f"invalid YAML front matter: {problem}") from None
    except RecursionError:
        raise SourceError(path, 2, "YAML front matter is nested too deeply") from None
    except (ValueError, TypeError, OverflowError) as exc:  # a value PyYAML cannot build
        raise SourceError(path, 2, f"invalid YAML front matter: {exc}") from None
    key_lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _value in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key_lines[str(key_node.value)] = 2 + key_node.start_mark.line
    return FrontMatter(
        data=data,
        line=1,
        key_lines=key_lines,
        body="".join(lines[index + 1 :]),
        body_line=index + 2,
        present=True,
    )


@record
class RawEntry:
    """A glossary file after syntax parsing, before validation."""

    slug: str
    path: str
    front: FrontMatter


def slug_of(path: str) -> str:
    return PurePath(path).stem


def parse_entry_text(text: str, path: str) -> RawEntry:
    """Parse the text of ``glossary/<slug>.md``; raises :class:`SourceError` on bad syntax."""
    return RawEntry(slug=slug_of(path), path=path, front=split_front_matter(text, path))


def _invalid(raw: RawEntry, key: str | None, message: str) -> Finding:
    line = raw.front.key_lines.get(key, 1) if key else 1
    return Finding(raw.path, line, "TERM004", Severity.ERROR, message)


def _as_str_list(value: Any) -> tuple[str, ...] | None:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value):
        return tuple(str(v) for v in value)
    return None


def validate_entry(raw: RawEntry) -> tuple[GlossaryEntry | None, list[Finding]]:
    """Check keys and types of a parsed entry and build its record (pure, no I/O).

    A missing ``sources`` key (or an empty list) is TERM006, not TERM004, so that the two
    problems can be filtered separately; the entry is still built in that case.
    """
    findings: list[Finding] = []
    front = raw.front
    if not front.present:
        return None, [_invalid(raw, None, "entry has no YAML front matter; start the file with '---', 'term: …', 'sources: […]', '---'")]
    data = front.data
    if not isinstance(data, dict):
        kind = "empty" if data is None else type(data).__name__
        return None, [_invalid(raw, None, f"front matter must be a mapping of keys to values, not {kind}")]

    term = data.get("term")
    if not isinstance(term, str) or not term.strip():
        findings.append(_invalid(raw, "term" if "term" in data else None, "missing or empty 'term': give the canonical French term as text"))
        term = None

    lists: dict[str, tuple[str, ...]] = {}
    for key in LIST_KEYS:
        value = _as_str_list(data.get(key))
        if value is None:
            findings.append(_invalid(raw, key, f"'{key}' must be a list of strings, e.g. {key}: [a, b]"))
            value = ()
        lists[key] = tuple(v.strip() for v in value if v.strip())

    scalars: dict[str, str | None] = {}
    for key in ("en", "category", "short"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            findings.append(_invalid(raw, key, f"'{key}' must be text"))
            value = None
        scalars[key] = value.strip() if isinstance(value, str) and value.strip() else None

    reviewed = data.get("reviewed")
    if reviewed is not None and not isinstance(reviewed, _dt.date):
        try:
            reviewed = _dt.date.fromisoformat(str(reviewed))
        except ValueError:
            findings.append(_invalid(raw, "reviewed", f"'reviewed' must be an ISO date (YYYY-MM-DD), not {reviewed!r}"))
            reviewed = None
    if isinstance(reviewed, _dt.datetime):
        reviewed = reviewed.date()

    unknown = sorted(str(k) for k in data if k not in REQUIRED_KEYS + OPTIONAL_KEYS)
    for key in unknown:
        findings.append(_invalid(raw, key, f"unknown key '{key}'; allowed keys: {', '.join(REQUIRED_KEYS + OPTIONAL_KEYS)}"))

    if not front.body.strip():
        findings.append(Finding(raw.path, front.body_line, "TERM004", Severity.ERROR, "entry has an empty definition; write 1–3 sentences after the front matter"))

    if term is None:
        return None, findings
    entry = GlossaryEntry(
        slug=raw.slug,
        path=raw.path,
        term=term.strip(),
        body=front.body,
        body_line=front.body_line,
        sources=lists["sources"],
        aliases=lists["aliases"],
        forms=lists["forms"],
        en=scalars["en"],
        category=scalars["category"],
        see_also=lists["see_also"],
        reviewed=reviewed,
        short=scalars["short"],
        line=1,
        key_lines=dict(front.key_lines),
    )
    return entry, findings
