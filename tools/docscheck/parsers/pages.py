"""Turn the text of one documentation page into a :class:`Page` (dispatch on the file suffix).

Syntax problems that make a page unusable (unclosed front matter, bad YAML) are FILE001
findings; the rest of the page is still read when possible so that other checks keep working.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

from .glossary_entries import split_front_matter
from .markdown import MystPageParser
from .page_collector import PageCollector
from docscheck.records import Finding, Page, Severity, SourceError
from .rest import RestPageParser, read_docinfo


def file_error(path: str, line: int, message: str) -> Finding:
    return Finding(path, line, "FILE001", Severity.ERROR, message)


def parse_myst_page(text: str, path: str, md: MarkdownIt, is_root: bool = False) -> tuple[Page, list[Finding]]:
    """Parse a MyST page: front matter (metadata with key lines) then the token walk."""
    text = text.removeprefix("\ufeff")
    findings: list[Finding] = []
    meta: dict[str, object] = {}
    meta_lines: dict[str, int] = {}
    has_meta = False
    body, offset = text, 0
    try:
        front = split_front_matter(text, path)
    except SourceError as exc:
        findings.append(file_error(exc.path, exc.line, exc.message))
        lines = text.splitlines(keepends=True)
        body, offset = "".join(lines[1:]), 1
    else:
        if front.present:
            has_meta = True
            body, offset = front.body, front.body_line - 1
            if isinstance(front.data, dict):
                meta = {str(k): v for k, v in front.data.items()}
                meta_lines = dict(front.key_lines)
            elif front.data is not None:
                findings.append(file_error(path, 2, f"front matter must be a mapping of keys to values, not {type(front.data).__name__}"))
    collector = PageCollector(path)
    rest = RestPageParser(collector)
    MystPageParser(md, collector, rest).parse(body, offset)
    return collector.page(meta, meta_lines, has_meta, is_root), findings


def parse_rest_page(text: str, path: str, is_root: bool = False) -> tuple[Page, list[Finding]]:
    """Parse a reST page: the top field list is its metadata (as Sphinx reads it)."""
    lines = text.removeprefix("\ufeff").splitlines()
    meta, meta_lines, end = read_docinfo(lines)
    collector = PageCollector(path)
    RestPageParser(collector).parse(lines[end:], end + 1)
    return collector.page(meta, meta_lines, bool(meta), is_root), []


def parse_page(text: str, path: str, md: MarkdownIt, is_root: bool = False) -> tuple[Page | None, list[Finding]]:
    """Parse a page of either syntax; a parser blow-up on pathological input becomes FILE001."""
    try:
        if path.endswith(".rst"):
            return parse_rest_page(text, path, is_root)
        return parse_myst_page(text, path, md, is_root)
    except RecursionError:
        return None, [file_error(path, 1, "page is nested too deeply to be read (directives or lists)")]
