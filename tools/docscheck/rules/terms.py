"""TERM rules: references resolve, entries are used, names are unique, links are in place."""

from __future__ import annotations

from collections.abc import Iterator

from docscheck.records import Corpus, Finding, Page, Severity, term_key
from .term_index import TermIndex, build_index
from .term_mentions import Mention, MentionMatcher


def _error(path: str, line: int, code: str, message: str) -> Finding:
    return Finding(path, line, code, Severity.ERROR, message)


#: how close an undefined term must be to a local one to be called its misspelling
CLOSE_TERM = 0.85


def one_edit_apart(a: str, b: str) -> bool:
    """One letter replaced, added, dropped, or two neighbours swapped (``fMRl`` / ``fMRI``)."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def close_term(key: str, local: list[str]) -> str | None:
    """The local term ``key`` most likely misspells: difflib ratio ≥ :data:`CLOSE_TERM`, or one edit
    away for names of four letters or more (where one letter weighs too much for the ratio)."""
    import difflib  # here: only an undefined term needs it

    close = difflib.get_close_matches(key, local, n=1, cutoff=CLOSE_TERM)
    if close:
        return close[0]
    if len(key) >= 4:
        return next((name for name in local if one_edit_apart(key, name)), None)
    return None


def undefined_terms(corpus: Corpus) -> Iterator[Finding]:
    """TERM001: every term role (pages, entry bodies, docstrings) resolves to a defined name.

    A term of an intersphinx inventory docscheck read is defined. One found nowhere is an error
    when it is close to a local term (a misspelling: the message names it), when the project has no
    ``intersphinx_mapping``, or when every inventory was read; otherwise it may come from an
    inventory docscheck could not read offline: a warning naming those inventories.
    """
    index = build_index(corpus)
    external = corpus.external
    local = list(index.by_key)
    for page in corpus.role_pages:
        for ref in page.term_refs:
            key = term_key(ref.target)
            if key in index.by_key or key in external.keys:
                continue
            close = close_term(key, local)
            if close is not None:
                yield _error(ref.path, ref.line, "TERM001", f"undefined term '{ref.target}': did you mean '{index.by_key[close].name}' ({index.by_key[close].describe()})?")
            elif external.configured and external.unread:
                names = ", ".join(external.unread)
                yield Finding(ref.path, ref.line, "TERM001", Severity.WARNING, f"undefined term '{ref.target}': not defined in the project nor in the intersphinx inventories read; it may come from {names}, not read offline (run docscheck inventories --fetch to check it)")
            else:
                yield _error(ref.path, ref.line, "TERM001", f"undefined term '{ref.target}': add it to a glossary entry (term, aliases or forms) or fix the spelling")


def unreferenced_entries(corpus: Corpus) -> Iterator[Finding]:
    """TERM002: a term nobody links to: a glossary entry, or an item of a page's glossary block.

    For an entry, links from pages and from *other* entries count; an item with several term
    lines is used when any of them is linked.
    """
    index = build_index(corpus)
    used_entries: set[str] = set()
    used_items: set[tuple[str, int]] = set()
    for page in corpus.role_pages:
        for ref in page.term_refs:
            definition = index.by_key.get(term_key(ref.target))
            if definition is None:
                continue
            if definition.entry is not None:
                if definition.entry.path != ref.path:
                    used_entries.add(definition.entry.slug)
            elif definition.item is not None:
                used_items.add(definition.item)
    for entry in corpus.entries:
        if entry.slug not in used_entries:
            yield Finding(entry.path, entry.line_of("term"), "TERM002", Severity.WARNING, f"glossary entry '{entry.term}' is never referenced; link it with {{term}}`{entry.term}` where it is mentioned, or remove it")
    reported: set[tuple[str, int]] = set()
    for page in corpus.pages:
        for term in page.defined_terms:
            item = (term.path, term.item_line or term.line)
            if item in used_items or item in reported:
                continue
            reported.add(item)
            role = ":term:" if term.path.endswith(".rst") else "{term}"
            yield Finding(term.path, term.line, "TERM002", Severity.WARNING, f"glossary term '{term.term}' is never referenced; link it with {role}`{term.term}` where it is mentioned, or remove it")


def duplicate_terms(corpus: Corpus) -> Iterator[Finding]:
    """TERM003: a term, alias or form already defined elsewhere (case- and accent-form-insensitive)."""
    for first, again in build_index(corpus).duplicates:
        yield _error(again.path, again.line, "TERM003", f"'{again.name}' is already defined at {first.describe()}; keep one definition (or make it an alias of one entry)")


def unknown_see_also(corpus: Corpus) -> Iterator[Finding]:
    """TERM005: ``see_also`` names the slug or a name of another entry."""
    index = build_index(corpus)
    for entry in corpus.entries:
        for target in entry.see_also:
            definition = index.by_key.get(term_key(target))
            if target not in index.slugs and (definition is None or definition.entry is None):
                yield _error(entry.path, entry.line_of("see_also"), "TERM005", f"see_also '{target}' is not a glossary entry: use the slug (file name) or the term of an existing entry")


def entries_without_sources(corpus: Corpus) -> Iterator[Finding]:
    """TERM006: every definition rests on at least one bibliography key (editorial rule)."""
    if not corpus.settings.editorial:
        return
    for entry in corpus.entries:
        if not entry.sources:
            yield _error(entry.path, entry.line_of("sources"), "TERM006", f"entry '{entry.term}' has no sources; add sources: [key] with keys of the bibliography")


def unlinked_first_mentions(corpus: Corpus) -> Iterator[Finding]:
    """TERM007: on each page, the first mention of an entry's term is a ``{term}`` link.

    Headings, code, links, role text and glossary pages are ignored; plural forms count.
    An editorial rule: only for projects with a ``[tool.docscheck]`` table.
    """
    if not corpus.entries or not corpus.settings.editorial:
        return
    index = build_index(corpus)
    matcher = MentionMatcher(corpus.entries)
    for page in corpus.pages:
        for mention in unlinked_mentions(page, matcher, index):
            yield Finding(page.path, mention.line, "TERM007", Severity.WARNING, f"first mention of '{mention.text}' is not linked: write {{term}}`{mention.text} <{mention.entry.term}>`" if term_key(mention.text) != term_key(mention.entry.term) else f"first mention of '{mention.text}' is not linked: write {{term}}`{mention.text}`")


def unlinked_mentions(page: Page, matcher: MentionMatcher, index: TermIndex) -> Iterator[Mention]:
    """The first mention of each entry on ``page`` that comes before the entry's first link
    (TERM007 reports them, ``docscheck fix --link-terms`` links them)."""
    blocks = [prose for prose in page.prose if not prose.heading]
    if page.is_glossary_page or not matcher.may_mention(blocks):
        return
    first_link: dict[str, int] = {}
    for ref in page.term_refs:
        definition = index.by_key.get(term_key(ref.target))
        if definition is not None and definition.entry is not None:
            first_link.setdefault(definition.entry.slug, ref.order)
    reported: set[str] = set()
    for prose in blocks:
        for mention in matcher.mentions(prose):
            slug = mention.entry.slug
            if slug in reported:
                continue
            reported.add(slug)
            if mention.order < first_link.get(slug, 1 << 62):
                yield mention


TERM_RULES = [undefined_terms, unreferenced_entries, duplicate_terms, unknown_see_also, entries_without_sources, unlinked_first_mentions]
