"""Turn the text of one documentation page into a :class:`Page` (dispatch on the file suffix).

Syntax problems that make a page unusable (unclosed front matter, bad YAML) are FILE001
findings; the rest of the page is still read when possible so that other checks keep working.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

from .glossary_entries import split_front_matter
from .markdown import MystPageParser
from .page_collector import IncludeReader, PageCollector
from docscheck.records import Finding, Page, Severity, SourceError
from .rest import RestPageParser, expand_tabs, read_docinfo
from .substitutions import ProjectSubstitutions, SubstitutionTable, definitions_in


#: Pages read as MyST; any other source suffix is reStructuredText (as ``source_suffix`` maps it).
MYST_SUFFIXES = (".md", ".markdown", ".myst")


def file_error(path: str, line: int, message: str) -> Finding:
    return Finding(path, line, "FILE001", Severity.ERROR, message)


def _collector(path: str, md: MarkdownIt, include_reader: IncludeReader | None) -> tuple[PageCollector, MystPageParser, RestPageParser]:
    """A collector with both page parsers wired to each other (``{eval-rst}``, MyST includes)."""
    collector = PageCollector(path)
    collector.include_reader = include_reader
    rest = RestPageParser(collector)
    myst = MystPageParser(md, collector, rest)
    rest.myst = myst
    return collector, myst, rest


def parse_myst_page(text: str, path: str, md: MarkdownIt, is_root: bool = False, include_reader: IncludeReader | None = None) -> tuple[Page, list[Finding]]:
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
    collector, myst, _rest = _collector(path, md, include_reader)
    with collector.reading():
        myst.parse(body, offset)
    return collector.page(meta, meta_lines, has_meta, is_root), findings + collector.findings


def parse_rest_page(
    text: str, path: str, md: MarkdownIt, is_root: bool = False, include_reader: IncludeReader | None = None, substitutions: ProjectSubstitutions | None = None
) -> tuple[Page, list[Finding]]:
    """Parse a reST page: the top field list is its metadata (as Sphinx reads it).

    The names it defines are read first: a global substitution applies only where the document
    does not define that name, wherever the definition is.
    """
    lines = expand_tabs(text.removeprefix("\ufeff").splitlines())
    meta, meta_lines, end = read_docinfo(lines)
    collector, _myst, rest = _collector(path, md, include_reader)
    collector.substitutions = SubstitutionTable(substitutions)
    if collector.substitutions and "replace::" in text:
        collector.substitutions.add(definitions_in(lines))
    with collector.reading():
        rest.parse(lines[end:], end + 1)
    return collector.page(meta, meta_lines, bool(meta), is_root), collector.findings


def parse_page(
    text: str, path: str, md: MarkdownIt, is_root: bool = False, include_reader: IncludeReader | None = None, substitutions: ProjectSubstitutions | None = None
) -> tuple[Page | None, list[Finding]]:
    """Parse a page of either syntax (``include_reader`` reads included fragments; without it,
    includes are not followed; ``substitutions``: the project's, for reST pages)."""
    if path.endswith(MYST_SUFFIXES):
        return parse_myst_page(text, path, md, is_root, include_reader)
    return parse_rest_page(text, path, md, is_root, include_reader, substitutions)
