"""``docscheck fix --link-terms``: link the first unlinked mention of each defined term on a page.

Which mention to link is TERM007's answer (:func:`docscheck.rules.terms.unlinked_mentions`, with
its matcher: French elision, plurals, hyphen/space variants), so after a fix TERM007 has nothing
left to say. Where the mention sits in the source is then found by searching its words, as
written, near its line; each candidate edit is accepted only if the page, parsed again, reads
the same: the same visible text block by block (headings included), the same mentions except
the one now linked, exactly one more term reference, resolving to the right entry, and no new
parse problem. So code, links, headings, existing roles, directive options and front matter are
never changed: an edit there does not pass that test, and a mention that no edit can link is
reported for the user to link by hand.

The role keeps the words as written: ``{term}`micrométastases``` when the written form resolves
(a term, alias or form of that entry), else ``{term}`micrométastases <micrométastase>```; reST
gets ``:term:``. A reST role must also stand where docutils recognises inline markup (after a
space or punctuation, not inside emphasis or other markup).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from markdown_it import MarkdownIt

from docscheck.parsers.pages import MYST_SUFFIXES, parse_page
from docscheck.parsers.glossary_blocks import rest_inline
from docscheck.records import GlossaryEntry, Page, term_key
from docscheck.rules.term_index import Definition, TermIndex
from docscheck.rules.term_mentions import Mention, MentionMatcher, nfc
from docscheck.rules.terms import unlinked_mentions

#: What may stand between two words of a name in the source: spaces, line breaks, hyphens, apostrophes.
SEPARATOR = r"[\s\u00a0\u202f\-\u2010\u2011'\u2019]+"
#: At most this many places are tried for one mention (each try parses the page again).
MAX_TRIES = 12
REST_BEFORE = frozenset("-:/'\"<([{")
REST_AFTER = frozenset("-.,:;!?\\/'\")]}>")


@dataclass
class Terms:
    """Every defined term of the project, as entries the matcher reads and an index of their names."""

    entries: tuple[GlossaryEntry, ...]
    matcher: MentionMatcher = field(init=False)
    index: TermIndex = field(init=False)

    def __post_init__(self) -> None:
        self.matcher = MentionMatcher(self.entries)
        by_key: dict[str, Definition] = {}
        for entry in self.entries:
            for name in entry.names:
                by_key.setdefault(term_key(name), Definition(name, entry.path, entry.line, entry))
        self.index = TermIndex(by_key, (), {})

    def resolves_to(self, written: str, entry: GlossaryEntry) -> bool:
        definition = self.index.by_key.get(term_key(written))
        return definition is not None and definition.entry is entry


def block_terms(pages: list[Page]) -> list[GlossaryEntry]:
    """The items of ``{glossary}`` / ``.. glossary::`` blocks as entries (their term lines are its names)."""
    items: dict[tuple[str, int], list[str]] = {}
    for page in pages:
        for term in page.defined_terms:
            items.setdefault((term.path, term.item_line or term.line), []).append(term.term)
    return [GlossaryEntry(f"{path}#{line}", path, names[0], "", line, (), tuple(names[1:]), line=line) for (path, line), names in items.items()]


@dataclass
class PageFix:
    """What fixing one page did: the new text, the links made and the mentions left alone."""

    text: str
    linked: list[tuple[int, str, str]] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)


def read_page(text: str, path: str, md: MarkdownIt) -> tuple[Page | None, int]:
    page, findings = parse_page(text, path, md)
    return page, len(findings)


def all_mentions(page: Page, matcher: MentionMatcher) -> list[tuple[int, str, str]]:
    """Every mention of a defined term in the page's prose (block, entry, words), in reading order."""
    return [(number, m.entry.slug, m.text) for number, prose in enumerate(page.prose) if not prose.heading for m in matcher.mentions(prose)]


def role_for(written: str, entry: GlossaryEntry, terms: Terms, myst: bool) -> str | None:
    shown = re.sub(r"\s+", " ", written.replace("\u00a0", " ").replace("\u202f", " ")) if "\n" in written else written
    if terms.resolves_to(shown, entry):
        content = shown
    elif any(c in entry.term for c in "`<>"):
        return None
    else:
        content = f"{shown} <{entry.term}>"
    return f"{{term}}`{content}`" if myst else f":term:`{content}`"


def rest_markup_allowed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """docutils recognises a role here: after a space or an opening punctuation, before a space or
    a closing one, and not inside other inline markup (which does not nest in reST)."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if not (before.isspace() or before in REST_BEFORE or unicodedata.category(before) in ("Ps", "Pi", "Pf", "Pd", "Po")):
        return False
    if not (after.isspace() or after in REST_AFTER or unicodedata.category(after) in ("Pe", "Pi", "Pf", "Pd", "Po")):
        return False
    return not any(s < end and start < e for s, e in spans)


def candidate_spans(text: str, words: list[str], line: int) -> list[tuple[int, int]]:
    """Where the mention's words stand in the source: from its line on first, then before it."""
    pattern = re.compile(r"(?<!\w)" + SEPARATOR.join(re.escape(w) for w in words) + r"(?!\w)")
    offset = 0
    for _ in range(max(0, line - 1)):
        offset = text.find("\n", offset) + 1
        if offset == 0:
            offset = len(text)
            break
    after = [m.span() for m in pattern.finditer(text, offset)]
    before = [m.span() for m in pattern.finditer(text, 0, offset) if m.end() <= offset]
    return (after + before)[:MAX_TRIES]


def reads_the_same(old: Page, new: Page, old_mentions: list[tuple[int, str, str]], linked: int, entry: GlossaryEntry, terms: Terms) -> bool:
    """The edited page reads as before, with only mention number ``linked`` turned into a link to ``entry``."""
    if [(p.text, p.heading) for p in old.prose] != [(p.text, p.heading) for p in new.prose]:
        return False
    if all_mentions(new, terms.matcher) != old_mentions[:linked] + old_mentions[linked + 1 :]:
        return False
    added = Counter((r.target, r.text) for r in new.term_refs) - Counter((r.target, r.text) for r in old.term_refs)
    if len(new.term_refs) != len(old.term_refs) + 1 or sum(added.values()) != 1:
        return False
    ((target, _text),) = added
    definition = terms.index.by_key.get(term_key(target))
    return definition is not None and definition.entry is entry


def link_terms(text: str, path: str, terms: Terms, md: MarkdownIt) -> PageFix:
    """Link, in ``text`` (the page at ``path``), the first unlinked mention of each defined term."""
    result = PageFix(text)
    myst = path.endswith(MYST_SUFFIXES)
    tried: set[str] = set()
    while True:
        page, problems = read_page(result.text, path, md)
        if page is None:
            return result
        todo = [m for m in unlinked_mentions(page, terms.matcher, terms.index) if m.entry.slug not in tried]
        if not todo:
            return result
        mention = todo[0]
        tried.add(mention.entry.slug)
        mentions = all_mentions(page, terms.matcher)
        number = next(i for i, (_block, slug, _words) in enumerate(mentions) if slug == mention.entry.slug)
        edited = try_link(result.text, path, page, problems, mentions, number, mention, terms, md, myst)
        if edited is None:
            result.skipped.append((mention.line, mention.text))
            continue
        result.text, written, role = edited
        result.linked.append((mention.line, written, role))


def try_link(text: str, path: str, page: Page, problems: int, mentions: list[tuple[int, str, str]], number: int, mention: Mention, terms: Terms, md: MarkdownIt, myst: bool) -> tuple[str, str, str] | None:
    """The text with the mention linked, the words and the role, or None when no edit reads the same."""
    words = nfc(mention.text).split(" ")
    spans = [] if myst else [m.span() for m in rest_inline().finditer(text)]
    for start, end in candidate_spans(text, words, mention.line):
        written = text[start:end]
        if start and text[start - 1] == "\\":
            continue
        if not myst and not rest_markup_allowed(text, start, end, spans):
            continue
        role = role_for(written, mention.entry, terms, myst)
        if role is None:
            return None
        candidate = text[:start] + role + text[end:]
        new_page, new_problems = read_page(candidate, path, md)
        if new_page is not None and new_problems <= problems and reads_the_same(page, new_page, mentions, number, mention.entry, terms):
            return candidate, written, role
    return None
