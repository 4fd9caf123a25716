"""Search that knows the glossary: everyday words find the pages that explain them.

Sphinx's search finds pages holding every word of the query, ranks them by title or text match
and breaks ties alphabetically. A patient types « effets secondaires », « PD1 » or « Keytruda »
and gets nothing, or the right page fifth. ``static/termbase-search.js`` reworks the query on the
search page with what this module writes to ``_static/termbase-search-data.js``:

- **Glossary names.** Every term, alias, form and English equivalent of the glossary (the English
  one also split at its parentheses: « irAE » for « immune-related adverse event (irAE) ») is
  compared with the query with accents, case, hyphens and spaces ignored (:func:`name_key`:
  « CAR T » = « CAR-T », « PDL1 » = « PD-L1 »). A query that *is* a name lists the entry's
  glossary definition first, then the entry's main page, then every page that links the term,
  then the usual full-text results. A name *inside* a longer query (« effets secondaires du
  nivolumab ») is also searched as the entry's term (« effet indésirable du nivolumab »).
- **Synonyms.** Words readers use that are not names of an entry (brand names of drugs, « cancer
  de la peau »…) live in a small YAML file named by the configuration value
  ``termbase_search_synonyms`` (the guide: ``glossary/search-synonyms.yaml``), one
  ``words: glossary name`` line each; they then behave like a name of that entry. A target that is
  not a glossary name, or words that already are one, is a warning with the file and line.
- **The main page of an entry** is the content page whose title names the entry (any of its
  term, aliases and forms as whole words), else the page with a section title naming it, else the
  page linking the term most often (at least twice); among several, the one with the most links
  to the entry, then the shortest title. Computed at build time from the pages, never written by
  hand.
- **Ranking.** Full-text results also get a bonus from how often the query's words occur in each
  page (the most frequent stems of every page are kept) and how large a share of the page they
  are (its word count is kept), so the page about lymphocytes comes before a page that mentions
  them once, and the short « Quand appeler ? » page before the long pages that hold the same
  triage table. A page titled with the query's words only, and a page whose front-matter
  ``description`` holds most of them (« Un cancer peut-il disparaître tout seul ? »), rank
  higher; question words (« peut », « contre », « tout »…) earn no bonus.
- **Typos.** The data also holds the site's vocabulary: every folded word of 5 letters or more
  that a page or a glossary name uses, with how often. A query word of 6 letters or more that is
  neither in it nor in the index is replaced, in the browser, by the vocabulary word at the
  smallest edit distance (2 at most; insertions, deletions, substitutions, swaps of two
  neighbours), the most frequent on a tie: « diarée » finds « diarrhée », « hypofysite »
  « hypophysite ». Nothing is fetched: the vocabulary is computed here, at build time.
- **Answer card.** A query that names an entry shows its definition above the results, with a
  link « Voir dans le glossaire »; the results then start with the entry's main page.
- **Triage answer card.** A query that names a symptom of the triage table (« j’ai de la
  fièvre ») shows what to do first, above any definition card, and the results start with the
  page holding « Quand appeler ? » (:mod:`termbase.search.triage_answers`).
- **Snippets** and **no-result message**: the script drops the hidden tooltips from the text it
  shows under each result (« PD-1Frein situé… ») and replaces Sphinx's message about « catégories »
  with plain French that suggests the glossary.

What a page says is counted while it is read (:class:`SearchPagesCollector`, environment data
that survives incremental and parallel builds); the data file is written just before search.html
(``html-collect-pages``), so that page's ``?v=`` checksum is this build's.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import json
import pickle
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import yaml
from docutils import nodes
from sphinx import addnodes
from sphinx.environment.collectors import EnvironmentCollector
from sphinx.util import logging

from docscheck.records import GlossaryEntry, term_key

from termbase import build_cache
from termbase.anchors import term_anchor
from termbase.envdata import kept_on_env, termbase_data
from termbase.french.typography import french_spacing, is_french
from termbase.triage.entries import get_table

from . import triage_answers
from .folding import STATIC, compact, fold

logger = logging.getLogger(__name__)

SYNONYMS_CONFIG = "termbase_search_synonyms"
SEARCH_JS = "termbase-search.js"
DATA_JS = "termbase-search-data.js"
SEARCH_CSS = "termbase-search.css"
ENV_ATTRIBUTE = "termbase_search_pages"
#: A page that neither titles nor sections the term is its main page from this many uses on.
MAIN_PAGE_MIN_USES = 3
#: How many of a page's most frequent stems the ranking knows, and how often each must occur.
TOP_STEMS = 60
MIN_STEM_USES = 3
MESSAGES = {
    "entry": "Glossaire",
    "none": "Aucune page ne contient ces mots. Vérifiez l’orthographe ou essayez un mot plus simple.",
    "glossary": "Chercher le mot dans le glossaire",
    "corrected": "Résultats pour",
    "answer": "Voir dans le glossaire",
    "definition": "Définition",
}


def name_key(text: str) -> str:
    """How a glossary name and a query are compared: folded, hyphens and spaces dropped.

    « CAR T », « CAR-T » and « car‑t » give ``cart``; « PD-L1 » and « PDL1 » give ``pdl1``.
    ``nameKey`` in ``static/termbase-search.js`` must give the same key.
    """
    return re.sub(r"[\W_]+", "", fold(compact(text)))


#: Words shorter than this are not in the typo vocabulary (queries are corrected from 6 letters on,
#: and two edits away from a 6-letter word is a word of 4 letters or more).
VOCABULARY_MIN_LETTERS = 4


def vocabulary_words(text: str) -> list[str]:
    """The lowercase words of *text* that the typo vocabulary keeps: 4 letters or more, letters
    only once folded (« diarrhée » yes, « PD-1 » and « 2018 » no)."""
    return [word for word in re.split(r"[^\w]+", text.lower()) if len(word) >= VOCABULARY_MIN_LETTERS and re.fullmatch(r"[a-z]+", fold(word))]


def typo_vocabulary(counts: Counter[str]) -> tuple[dict[str, int], dict[str, str]]:
    """Folded word → occurrences, and folded word → its most frequent spelling where accents differ."""
    folded: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    for word, count in counts.items():
        key = fold(word)
        folded[key] += count
        spellings.setdefault(key, Counter())[word] += count
    spelled = {key: max(sorted(forms), key=forms.__getitem__) for key, forms in spellings.items()}
    return dict(sorted(folded.items())), {key: word for key, word in sorted(spelled.items()) if word != key}


def english_names(en: str | None) -> list[str]:
    """« immune-related adverse event (irAE) » → the phrase and « irAE », each a name."""
    if not en:
        return []
    inside = re.findall(r"\(([^()]*)\)", en)
    outside = re.sub(r"\([^()]*\)", " ", en)
    return [" ".join(part.split()) for part in (outside, *inside) if part.strip()]


# -- synonyms file ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Synonym:
    """One line of the synonyms file: what readers type, the glossary name it stands for."""

    words: str
    target: str
    line: int


class SynonymsError(Exception):
    """The synonyms file cannot be used as a whole (not YAML, not a mapping of text to text)."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message


def read_synonyms(path: Path) -> list[Synonym]:
    """Parse ``words: glossary name`` lines; an empty file is an empty list."""
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SynonymsError(shown, 1, f"cannot read the search synonyms file ({exc}); check {SYNONYMS_CONFIG} in conf.py") from exc
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        line = exc.problem_mark.line + 1 if getattr(exc, "problem_mark", None) else 1
        raise SynonymsError(shown, line, f"not valid YAML: {getattr(exc, 'problem', exc)}") from exc
    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode):
        raise SynonymsError(shown, root.start_mark.line + 1, "expected lines of the form « words: glossary term »")
    synonyms = []
    for key, value in root.value:
        line = key.start_mark.line + 1
        if not (isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode)) or not key.value.strip() or not value.value.strip():
            raise SynonymsError(shown, line, "expected « words: glossary term », both plain text")
        synonyms.append(Synonym(key.value.strip(), value.value.strip(), line))
    return synonyms


def _index_stem(language: Any, word: str) -> str:
    """The index key of *word*, or "" for a word the index skips (stop word, number, one letter)."""
    stem = language.stem(word).lower()
    return stem if len(stem) > 1 and language.word_filter(word) else ""


def search_language(app: Any) -> Any:
    """The search language of the HTML index, whose stems are the index's keys."""
    lang = app.config.html_search_language or app.config.language or "en"
    return _language(lang, tuple(sorted(app.config.html_search_options.items())))


@functools.cache
def _language(lang: str, options: tuple[tuple[str, str], ...]) -> Any:
    """One instance per language and options (building a stemmer is not free)."""
    from sphinx.search import SearchEnglish, languages

    found = languages.get(lang) or languages.get(lang.partition("_")[0]) or SearchEnglish
    if isinstance(found, str):  # Sphinx's own languages are named "module.Class"
        module, _, name = found.rpartition(".")
        found = getattr(importlib.import_module(module), name)
    return found(dict(options))


# -- what each page says (collected while reading) --------------------------------------------------


@dataclass
class PageFacts:
    """What the search data needs from one page; pickled with the environment."""

    title: str = ""
    section_titles: list[str] = field(default_factory=list)
    #: term_key of every ``{term}`` target → how many links the page has to it
    term_links: dict[str, int] = field(default_factory=dict)
    #: the page's most frequent stems (as the search index stems them) → occurrences
    stems: dict[str, int] = field(default_factory=dict)
    #: lowercase words of VOCABULARY_MIN_LETTERS letters or more → occurrences (the typo vocabulary)
    words: dict[str, int] = field(default_factory=dict)
    #: how many indexed words the page has (a word used 19 times weighs more on a short page)
    length: int = 0
    #: the front matter's ``description``: one or two sentences that say what the page answers
    description: str = ""
    #: whether the page holds the interactive « Quand appeler ? » (``{triage-guide}``), where a
    #: symptom's triage answer card links to
    triage_guide: bool = False
    #: the symptoms (triage slugs) whose rows a triage table of the page shows
    triage_symptoms: list[str] = field(default_factory=list)


def page_facts_of(env: Any) -> dict[str, PageFacts]:
    return kept_on_env(env, ENV_ATTRIBUTE, dict)


def _searched_text(node: nodes.Node) -> Iterator[str]:
    """The text the search index sees: comments, raw, ``no-search`` parts and citation keys left out.

    (At read time a citation is still its key, « valastyan2011 »; the index sees its label.)
    """
    if isinstance(node, nodes.Text):
        yield node.astext()
        return
    if isinstance(node, (nodes.comment, nodes.raw)) or "no-search" in node.get("classes", ()):
        return
    if isinstance(node, addnodes.pending_xref) and node.get("refdomain") not in (None, "std"):
        return
    for child in node.children:
        yield from _searched_text(child)


class SearchPagesCollector(EnvironmentCollector):
    """Count, per page, its term links and its frequent stems; purge and merge like env data."""

    def clear_doc(self, app: Any, env: Any, docname: str) -> None:
        page_facts_of(env).pop(docname, None)

    def merge_other(self, app: Any, env: Any, docnames: set[str], other: Any) -> None:
        mine, theirs = page_facts_of(env), page_facts_of(other)
        for docname in docnames:
            if docname in theirs:
                mine[docname] = theirs[docname]

    def process_doc(self, app: Any, doctree: nodes.document) -> None:
        facts = PageFacts()
        titles = [node.astext() for node in doctree.findall(nodes.title) if isinstance(node.parent, nodes.section)]
        if titles:
            facts.title, facts.section_titles = titles[0], titles[1:]
        links: Counter[str] = Counter()
        for node in doctree.findall(nodes.Element):
            if node.get("refdomain") == "std" and node.get("reftype") == "term" and node.get("reftarget"):
                links[term_key(node["reftarget"])] += 1
        facts.term_links = dict(links)
        facts.stems, facts.words, facts.length = self._frequent_stems(app, _searched_text(doctree))
        description = app.env.metadata.get(app.env.current_document.docname, {}).get("description")
        facts.description = description.strip() if isinstance(description, str) else ""
        facts.triage_guide = any("triage-guide" in node["classes"] for node in doctree.findall(nodes.container))
        facts.triage_symptoms = triage_answers.table_symptoms(doctree)
        page_facts_of(app.env)[app.env.current_document.docname] = facts

    def _frequent_stems(self, app: Any, texts: Iterable[str]) -> tuple[dict[str, int], dict[str, int], int]:
        language = search_language(app)
        counts: Counter[str] = Counter()
        vocabulary: Counter[str] = Counter()
        for text in texts:
            for word in language.split(text):
                stem = _index_stem(language, word)
                if stem:
                    counts[stem] += 1
                vocabulary.update(vocabulary_words(word))
        frequent = [(stem, n) for stem, n in counts.items() if n >= MIN_STEM_USES]
        top = dict(sorted(frequent, key=lambda item: (-item[1], item[0]))[:TOP_STEMS])
        return top, dict(sorted(vocabulary.items())), sum(counts.values())


# -- main page of an entry --------------------------------------------------------------------------


#: Longest name (in words) looked for in titles; longer names are cut to their first words.
MAX_NAME_WORDS = 8


@functools.lru_cache(maxsize=16384)
def _words(text: str) -> tuple[str, ...]:
    """The folded words of *text* (cached: each name is looked up in titles and in sections)."""
    return tuple(word for word in re.split(r"[\W_]+", fold(compact(text))) if word)


def _phrases(text: str) -> set[str]:
    """Every run of up to MAX_NAME_WORDS consecutive words of *text*, words joined by spaces."""
    words = _words(text)
    return {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(i + MAX_NAME_WORDS, len(words)) + 1)}


@dataclass(frozen=True)
class TitleIndex:
    """Which pages' titles (and section titles) hold a phrase: built once, asked once per entry."""

    titles: dict[str, set[str]]
    sections: dict[str, set[str]]

    @classmethod
    def of(cls, pages: dict[str, PageFacts]) -> TitleIndex:
        titles: dict[str, set[str]] = {}
        sections: dict[str, set[str]] = {}
        for doc, facts in pages.items():
            for phrase in _phrases(facts.title):
                titles.setdefault(phrase, set()).add(doc)
            for title in facts.section_titles:
                for phrase in _phrases(title):
                    sections.setdefault(phrase, set()).add(doc)
        return cls(titles, sections)

    def naming(self, names: tuple[str, ...], where: dict[str, set[str]]) -> list[str]:
        phrases = {" ".join(_words(name)[:MAX_NAME_WORDS]) for name in names}
        return sorted(set().union(*(where.get(phrase, set()) for phrase in phrases)))


def _stem_counts(doc: str, facts: PageFacts, stem: Callable[[str], str]) -> dict[str, int]:
    """Occurrences of each stem on the page: its frequent stems, completed from its words."""
    counts: Counter[str] = Counter()
    for word, count in getattr(facts, "words", {}).items():
        counts[stem(fold(word))] += count
    for key, count in facts.stems.items():
        counts[key] = max(counts[key], count)
    return counts


def main_page(
    entry: GlossaryEntry,
    pages: dict[str, PageFacts],
    links: dict[str, int],
    stem: Callable[[str], str],
    index: TitleIndex | None = None,
    stem_counts: dict[str, dict[str, int]] | None = None,
) -> str | None:
    """The content page about *entry* (see the module docstring).

    *pages*: docname → facts of the content pages; *links*: docname → links to the entry;
    *stem*: the search index's stemmer (how often a page uses the term is read from its stems);
    *index*: :meth:`TitleIndex.of` *pages*, when the caller asks for many entries;
    *stem_counts*: docname → :func:`_stem_counts`, likewise computed once by such a caller.
    """
    index = index or TitleIndex.of(pages)
    term_stems = {stem(word) for word in _words(entry.term)}

    def frequency(doc: str) -> int:
        # Every word of the page (not only its most frequent stems): « nivolumab » eleven times on
        # the page about checkpoint inhibitors is not among its 60 most frequent stems.
        counts = stem_counts[doc] if stem_counts is not None and doc in stem_counts else _stem_counts(doc, pages[doc], stem)
        return min(counts.get(s, 0) for s in term_stems) if term_stems else 0

    def best(candidates: list[str]) -> str | None:
        ranked = sorted(candidates, key=lambda doc: (-frequency(doc), -links.get(doc, 0), len(pages[doc].title), doc))
        return ranked[0] if ranked else None

    return (
        best(index.naming(entry.names, index.titles))
        or best(index.naming(entry.names, index.sections))
        or best([doc for doc in links if doc in pages and frequency(doc) >= MAIN_PAGE_MIN_USES])
    )


# -- the data file ----------------------------------------------------------------------------------


def _synonyms(app: Any, resolve: Callable[[str], str | None], terms: dict[str, str]) -> list[tuple[str, str]]:
    """(words, slug) of the configured synonyms file; problems are warnings with file and line."""
    setting = getattr(app.config, SYNONYMS_CONFIG, "")
    if not setting:
        return []
    path = Path(app.confdir, setting).resolve()
    try:
        synonyms = read_synonyms(path)
    except SynonymsError as exc:
        logger.warning(exc.message, location=f"{exc.path}:{exc.line}", type="termbase", subtype="search_synonyms")
        return []
    found = []
    for synonym in synonyms:
        taken, slug = resolve(synonym.words), resolve(synonym.target)
        if taken:
            logger.warning(
                f"« {synonym.words} » is already a name of the glossary entry « {terms[taken]} »: remove the line",
                location=f"{path}:{synonym.line}",
                type="termbase",
                subtype="search_synonyms",
            )
        elif not slug:
            logger.warning(
                f"« {synonym.target} » is not a term, alias or form of the glossary: write it as in glossary/<slug>.md",
                location=f"{path}:{synonym.line}",
                type="termbase",
                subtype="search_synonyms",
            )
        else:
            found.append((synonym.words, slug))
    return found


def _synonyms_quietly(app: Any) -> list[tuple[str, int]]:
    """(words, line) of the synonyms file, without warnings (:func:`_synonyms` gives those)."""
    setting = getattr(app.config, SYNONYMS_CONFIG, "")
    if not setting:
        return []
    try:
        return [(synonym.words, synonym.line) for synonym in read_synonyms(Path(app.confdir, setting).resolve())]
    except SynonymsError:
        return []


def _spaced(text: str, french: bool) -> str:
    return french_spacing(text) if french else text


def search_data(app: Any) -> dict[str, Any]:
    """Everything ``termbase-search.js`` needs, as one JSON-ready dict."""
    from termbase import glossary  # the glossary half: registered before us

    data = termbase_data(app.env)
    entries = glossary.get_entries(app.env)
    glossary_doc = data.glossary_doc() or ""
    facts = page_facts_of(app.env)
    content = {doc: f for doc, f in facts.items() if doc not in data.glossary_docs}
    link_counts: dict[str, dict[str, int]] = {}
    for doc, page in content.items():
        for key, count in page.term_links.items():
            slug = data.glossary.resolve(key)
            if slug:
                link_counts.setdefault(slug, {})
                link_counts[slug][doc] = link_counts[slug].get(doc, 0) + count

    french = is_french(app.config.language)
    language = search_language(app)

    def stem(word: str) -> str:
        return language.stem(word).lower()

    titles = TitleIndex.of(content)
    counts = {doc: _stem_counts(doc, page, stem) for doc, page in content.items()}
    index = {slug: i for i, slug in enumerate(entries)}
    names: dict[str, int] = {}
    rows = []
    for slug, entry in entries.items():
        links = link_counts.get(slug, {})
        rows.append([entry.term, term_anchor(slug), main_page(entry, content, links, stem, titles, counts) or "", dict(sorted(links.items())), _spaced(glossary.short_definition(entry), french)])
        for name in entry.names:
            names.setdefault(name_key(name), index[slug])
    for entry in entries.values():  # English names after every French one: French wins a clash
        for name in english_names(entry.en):
            names.setdefault(name_key(name), index[entry.slug])

    def resolve(words: str) -> str | None:
        position = names.get(name_key(words))
        return list(entries)[position] if position is not None else data.glossary.resolve(words)

    for words, slug in _synonyms(app, resolve, {slug: entry.term for slug, entry in entries.items()}):
        names.setdefault(name_key(words), index[slug])
    names.pop("", None)
    vocabulary: Counter[str] = Counter()
    for page in content.values():
        vocabulary.update(getattr(page, "words", {}))
    for entry in entries.values():  # names count once each: a name the pages never write is still a word
        for name in (*entry.names, *english_names(entry.en)):
            vocabulary.update(dict.fromkeys(vocabulary_words(name), 1))
    for words, _slug in _synonyms_quietly(app):
        vocabulary.update(dict.fromkeys(vocabulary_words(words), 1))
    triage_entries = list(get_table(app.env).entries.values())
    for triage_entry in triage_entries:  # « essouflé » is corrected to the symptom's « essoufflé »
        for name in triage_entry.names:
            vocabulary.update(dict.fromkeys(vocabulary_words(name), 1))
    typo_words, spelled = typo_vocabulary(vocabulary)
    guide = next((doc for doc in sorted(content) if getattr(content[doc], "triage_guide", False)), None)
    tables = {doc: getattr(page, "triage_symptoms", []) for doc, page in sorted(content.items()) if doc != guide and getattr(page, "triage_symptoms", [])}
    return {
        "glossary": glossary_doc,
        "entries": rows,
        "names": dict(sorted(names.items())),
        # The glossary page uses every word of every definition: frequency says nothing there.
        "stems": {doc: content[doc].stems for doc in sorted(content)},
        # Section titles: a section titled only with words of the query (« Les vaccins » for
        # « vaccin grippe ») lifts its page above one where the words meet under another title.
        "sections": {doc: content[doc].section_titles for doc in sorted(content) if content[doc].section_titles},
        # Words per page: a page that uses the query's word often *for its size* (the « Quand
        # appeler ? » page, mostly the triage table, for « urgence ») is more about it.
        "lengths": {doc: getattr(content[doc], "length", 0) for doc in sorted(content)},
        # Descriptions (front matter) say in a sentence what a page answers, often as the reader
        # asks it (« Un cancer peut-il disparaître tout seul ? »).
        "descriptions": {doc: content[doc].description for doc in sorted(content) if getattr(content[doc], "description", "")},
        "messages": MESSAGES,
        "vocabulary": typo_words,
        # How the pages spell a folded word of the vocabulary, where accents make a difference.
        "spelled": spelled,
        # A query naming a symptom of the triage table: its answer card (termbase.search.triage_answers).
        "triage": triage_answers.triage_data(triage_entries, guide, tables, getattr(content[guide], "title", "") if guide else ""),
    }


def search_data_inputs(app: Any) -> bytes:
    """Everything :func:`search_data` reads: the entries' files, the pages' facts, the glossary
    pages, the language, the synonyms file and the triage table."""
    data = termbase_data(app.env)
    setting = getattr(app.config, SYNONYMS_CONFIG, "")
    try:
        synonyms = Path(app.confdir, setting).resolve().read_bytes() if setting else b""
    except OSError:
        synonyms = None
    facts = sorted(page_facts_of(app.env).items())
    triage = get_table(app.env).digest
    return pickle.dumps((data.glossary.fingerprints, facts, sorted(data.glossary_docs), app.config.language, setting, synonyms, triage))


def write_search_data(app: Any, exception: Exception | None) -> None:
    """Write ``_static/termbase-search-data.js`` next to Sphinx's own search files, unless the
    file there was written from the same inputs (kept in the ``search-data`` build cache)."""
    if exception is not None or app.builder.format != "html" or not getattr(app.builder, "search", False):
        return
    target = Path(app.outdir, "_static", DATA_JS)
    cache = build_cache.BuildCache(app, "search-data", build_cache.fingerprint(("termbase", "docscheck", "snowballstemmer")))
    inputs = hashlib.sha256(search_data_inputs(app)).hexdigest()
    if cache.previous.get(str(target)) == inputs and target.is_file():
        return
    warnings = app._warncount
    text = json.dumps(search_data(app), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f"window.termbaseSearchData = {text};\n", encoding="utf-8")
    if app._warncount == warnings:  # a warning must come again at the next build
        cache.put(str(target), inputs)
    cache.save(force=True)


def write_search_data_before_search_page(app: Any) -> list[Any]:
    """``html-collect-pages`` comes before ``search.html`` is written, so the page's ``?v=``
    checksum is that of this build's data, in a cold and in an incremental build alike."""
    write_search_data(app, None)
    return []


def add_search_scripts(app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Only the search page loads the glossary data, the query rewriting and the answer cards' style."""
    if pagename == "search":
        app.add_js_file(DATA_JS, loading_method="defer")
        app.add_js_file(SEARCH_JS, loading_method="defer")
        app.add_css_file(SEARCH_CSS)


def add_static_path(app: Any) -> None:
    """Ship ``termbase-search.js`` (and the folding stemmer) with HTML builds, from the package."""
    if app.builder.format == "html" and str(STATIC) not in map(str, app.config.html_static_path):
        app.config.html_static_path.append(str(STATIC))


def register(app: Any) -> None:
    app.add_config_value(SYNONYMS_CONFIG, "", "html", types=frozenset({str}))
    app.connect("builder-inited", add_static_path)
    app.add_env_collector(SearchPagesCollector)
    app.connect("html-page-context", add_search_scripts)
    app.connect("html-collect-pages", write_search_data_before_search_page)
