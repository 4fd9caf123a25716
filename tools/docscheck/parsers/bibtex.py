"""Read BibTeX files with pybtex into :class:`BibEntry` records, keeping entry and field lines.

A light scanner first splits the file into entries (so that an unbalanced brace or a duplicate
key is reported at its own line and the other entries are still read), then pybtex parses the
text with those entries blanked out. A file whose entries are all plain (``name = {…}``,
``"…"`` or a number; no ``@string`` macros, no ``#``) is read by :func:`fast_fields` instead,
with the values pybtex gives (whitespace collapsed, outer delimiters removed): importing and
running pybtex is most of the cost of a small project's check. LaTeX accents such as ``{\\'e}`` are pybtex's business; the
decoded title is available through :func:`plain_text`.
"""

from __future__ import annotations

import re

from docscheck.records import BibEntry, Finding, Severity, bib_key, record

ENTRY_START = re.compile(r"@[ \t]*([A-Za-z]\w*)[ \t\r\n]*([{(])")
NEXT_ENTRY = re.compile(r"\n[ \t]*@[ \t]*[A-Za-z]\w*[ \t]*[{(]")
FIELD_NAME = re.compile(r"(?:^|[,{(])\s*([A-Za-z][\w:.+-]*)\s*=", re.MULTILINE)
#: The only characters brace matching looks at (the scans jump from one to the next).
BRACES = re.compile(r"[{}]")
BRACES_OR_PARENTHESIS = re.compile(r"[{})]")
DELIMITERS = re.compile(r'[{}"]')
NON_ENTRIES = frozenset({"comment", "string", "preamble"})


@record
class Chunk:
    """One ``@type{…}`` block of the file: its span, 1-based line, key and whether it closed."""

    kind: str
    key: str
    start: int
    end: int
    line: int
    closed: bool


def _line_at(text: str, index: int, cache: list[int]) -> int:
    """1-based line of ``index`` (``cache`` holds [last index, last line] for linear scans)."""
    last_index, last_line = cache
    if index < last_index:
        last_index, last_line = 0, 1
    line = last_line + text.count("\n", last_index, index)
    cache[:] = [index, line]
    return line


def scan_chunks(text: str) -> list[Chunk]:
    """Split BibTeX text into ``@`` blocks by brace matching; an unclosed block ends at the next ``@``."""
    chunks: list[Chunk] = []
    cache = [0, 1]
    position = 0
    while (m := ENTRY_START.search(text, position)) is not None:
        kind = m.group(1).lower()
        closer = "}" if m.group(2) == "{" else ")"
        depth = 1
        index = m.end()
        closed = False
        stop = NEXT_ENTRY.search(text, index)
        limit = stop.start() if stop else len(text)
        for brace in (BRACES if closer == "}" else BRACES_OR_PARENTHESIS).finditer(text, index, limit):
            char = brace.group()
            if char == "{":
                depth += 1
            elif char == "}" or (char == closer and depth == 1):
                depth -= 1
                if depth == 0:
                    closed = True
                    index = brace.end()
                    break
        else:
            index = max(index, limit)
        head = text[m.end() : index]
        key = head.split(",", 1)[0].strip() if kind not in NON_ENTRIES else ""
        chunks.append(Chunk(kind, key, m.start(), index, _line_at(text, m.start(), cache), closed))
        position = max(index, m.end())
    return chunks


def _blank(text: str, chunk: Chunk) -> str:
    """Replace a chunk by spaces, keeping its newlines so that pybtex's line numbers stay right."""
    piece = text[chunk.start : chunk.end]
    return text[: chunk.start] + re.sub(r"[^\n]", " ", piece) + text[chunk.end :]


def _field_lines(text: str, chunk: Chunk) -> dict[str, int]:
    lines: dict[str, int] = {}
    piece = text[chunk.start : chunk.end]
    for m in FIELD_NAME.finditer(piece):
        lines.setdefault(m.group(1).lower(), chunk.line + piece.count("\n", 0, m.start(1)))
    return lines


def _pybtex_error(exc: BaseException, path: str, line: int | None = None, key: str | None = None) -> Finding:
    """FILE001 for a pybtex error; ``line`` (the entry's) wins over pybtex's own line number."""
    if line is None:
        lineno = getattr(exc, "lineno", None)
        line = lineno if isinstance(lineno, int) and lineno > 0 else 1
    message = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
    where = f" in entry '{key}'" if key else ""
    return Finding(path, line, "FILE001", Severity.ERROR, f"BibTeX syntax error{where}: {message}")


def _parse(text: str):  # type: ignore[no-untyped-def]
    from pybtex.database import parse_string

    return parse_string(text, "bibtex")


PARSE_ERRORS: tuple[type[BaseException], ...] = (ValueError, KeyError, IndexError, TypeError, RecursionError, UnicodeError, AttributeError)


def _parse_errors() -> tuple[type[BaseException], ...]:
    from pybtex.exceptions import PybtexError

    return (PybtexError, *PARSE_ERRORS)


def parse_bib_text(text: str, path: str, seen: dict[str, BibEntry] | None = None) -> tuple[list[BibEntry], list[Finding]]:
    """Parse one .bib file. ``seen`` maps case-folded keys of earlier files (for CITE004)."""
    seen = {} if seen is None else seen
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    findings: list[Finding] = []
    chunks = scan_chunks(text)
    kept: list[Chunk] = []
    clean = text
    for chunk in chunks:
        if not chunk.closed:
            findings.append(Finding(path, chunk.line, "FILE001", Severity.ERROR, f"unbalanced braces in @{chunk.kind}{{{chunk.key}…: close the entry with '}}' before the next '@'"))
            clean = _blank(clean, chunk)
        elif chunk.kind == "comment":
            clean = _blank(clean, chunk)
        elif chunk.kind not in NON_ENTRIES:
            folded = bib_key(chunk.key)
            if not chunk.key:
                findings.append(Finding(path, chunk.line, "FILE001", Severity.ERROR, f"@{chunk.kind} entry without a key"))
                clean = _blank(clean, chunk)
            elif folded in seen:
                first = seen[folded]
                findings.append(Finding(path, chunk.line, "CITE004", Severity.ERROR, f"duplicate bibliography key '{chunk.key}' (first defined at {first.path}:{first.line})"))
                clean = _blank(clean, chunk)
            else:
                seen[folded] = BibEntry(chunk.key, chunk.kind, path, chunk.line)
                kept.append(chunk)
    if not any(c.kind in ("string", "preamble") for c in chunks):
        fast = [(chunk, fast_fields(text, chunk)) for chunk in kept]
        if all(fields is not None for _chunk, fields in fast):
            result = [_record(chunk, fields, path, text) for chunk, fields in fast]  # type: ignore[arg-type]
            for record in result:
                seen[bib_key(record.key)] = record
            return result, findings
    errors = _parse_errors()
    try:
        data = _parse(clean)
        parsed = {bib_key(chunk.key): chunk for chunk in kept}
        entries = data.entries
    except errors as exc:
        # Localise the problem: parse the @string definitions with each entry alone.
        if not kept:
            findings.append(_pybtex_error(exc, path))
        strings = "\n".join(text[c.start : c.end] for c in chunks if c.kind in ("string", "preamble") and c.closed)
        entries = {}
        parsed = {}
        for chunk in kept:
            try:
                one = _parse(strings + "\n" + text[chunk.start : chunk.end])
            except errors as exc2:
                findings.append(_pybtex_error(exc2, path, chunk.line, chunk.key))
                continue
            entries.update(one.entries)
            parsed[bib_key(chunk.key)] = chunk
    result: list[BibEntry] = []
    for key, entry in entries.items():
        chunk = parsed.get(bib_key(key))
        if chunk is None:
            continue
        record = BibEntry(
            key=chunk.key,
            type=entry.type.lower(),
            path=path,
            line=chunk.line,
            # persons also as text (``Last, First and …``), as bibliography filters see them
            fields={
                **{role.lower(): " and ".join(str(p) for p in people) for role, people in entry.persons.items()},
                **{name.lower(): str(value) for name, value in entry.fields.items()},
            },
            persons={role.lower(): len(people) for role, people in entry.persons.items()},
            field_lines=_field_lines(text, chunk),
        )
        seen[bib_key(key)] = record
        result.append(record)
    result.sort(key=lambda e: e.line)
    return result, findings


PERSON_FIELDS = ("author", "editor")
FIELD_START = re.compile(r"\s*,?\s*([A-Za-z][\w:.+-]*)\s*=\s*")
NUMBER = re.compile(r"\d+")


def _delimited(body: str, start: int) -> tuple[str, int] | None:
    """The text of ``{…}`` or ``"…"`` at ``start`` (inner braces kept) and the index after it."""
    opener = body[start]
    depth = 0
    for delimiter in DELIMITERS.finditer(body, start):
        char, index = delimiter.group(), delimiter.start()
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0 and opener == "{":
                return body[start + 1 : index], index + 1
            if depth < 0:
                return None
        elif opener == '"' and index > start and depth == 0:
            return body[start + 1 : index], index + 1
    return None


def fast_fields(text: str, chunk: Chunk) -> dict[str, str] | None:
    """Fields of a plain entry, or None when pybtex must read it (macros, ``#``, anything odd)."""
    body = text[chunk.start : chunk.end]
    head = body.index("{") if "{" in body[: body.find(",") if "," in body else len(body)] else -1
    comma = body.find(",", head + 1)
    if head < 0 or comma < 0 or not body.endswith("}"):
        return None
    inner = body[comma:-1]
    fields: dict[str, str] = {}
    position = 0
    while position < len(inner):
        if not inner[position:].strip(" \t\n,"):
            break
        m = FIELD_START.match(inner, position)
        if m is None:
            return None
        name, position = m.group(1).lower(), m.end()
        if position >= len(inner):
            return None
        if inner[position] in "{\"":
            found = _delimited(inner, position)
            if found is None:
                return None
            value, position = found
        elif number := NUMBER.match(inner, position):
            value, position = number.group(), number.end()
        else:
            return None  # a macro (month abbreviations, @string names)
        rest = inner[position:].lstrip(" \t\n")
        if rest and rest[0] != ",":
            return None  # concatenation with #, or a syntax error pybtex should explain
        if name in fields:
            return None  # pybtex reports duplicate fields
        fields[name] = " ".join(value.split())
        position = len(inner) - len(rest)
    return fields


def _split_names(value: str) -> list[str]:
    """Names of a person field: ``and`` (any case) at brace depth 0 separates them."""
    names, depth, start = [], 0, 0
    for m in re.finditer(r"[{}]|\s+and\s+", value, re.IGNORECASE):
        token = m.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        elif depth == 0:
            names.append(value[start : m.start()])
            start = m.end()
    names.append(value[start:])
    return [name.strip() for name in names if name.strip()]


def _words(name: str) -> list[str]:
    """Words of a name, a braced group (``{Org and Co}``) being one word."""
    words, depth, current = [], 0, ""
    for char in name:
        depth += (char == "{") - (char == "}")
        if char.isspace() and depth == 0:
            if current:
                words.append(current)
            current = ""
        else:
            current += char
    return [*words, current] if current else words


def person_text(name: str) -> str:
    """A name as pybtex prints a person, ``von Last, First`` (for bibliography filters)."""
    if "," in name:
        return name
    words = _words(name)
    if len(words) < 2:
        return name
    # First names run up to the first lower-case word (the « von » part) or to the last word.
    von = next((i for i in range(1, len(words) - 1) if words[i][:1].islower()), len(words) - 1)
    return " ".join(words[von:]) + ", " + " ".join(words[:von])


def _record(chunk: Chunk, fields: dict[str, str], path: str, text: str) -> BibEntry:
    persons = {role: _split_names(fields.pop(role)) for role in PERSON_FIELDS if role in fields}
    return BibEntry(
        key=chunk.key,
        type=chunk.kind,
        path=path,
        line=chunk.line,
        fields={**{role: " and ".join(person_text(n) for n in names) for role, names in persons.items()}, **fields},
        persons={role: len(names) for role, names in persons.items()},
        field_lines=_field_lines(text, chunk),
    )


def plain_text(latex: str) -> str:
    """Field text with LaTeX accents and braces resolved (``Caf{\\'e}`` → ``Café``)."""
    from pybtex.richtext import Text

    try:
        return Text.from_latex(latex).render_as("text")
    except Exception:  # noqa: BLE001 - display helper: fall back to the raw text
        return latex
