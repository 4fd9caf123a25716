"""TERM008: rare words that no glossary entry defines (jargon), from a word-frequency list.

A word of a content page's plain prose is *jargon* when its Zipf frequency in the project's
language is at most ``jargon_max_zipf`` (wordfreq's scale: about 7 for « de », 3 for a word met
once per million words), it is not a word of a glossary name, alias or form, it is not linked
or inside a role anywhere on the page, and the project does not allow it (``jargon_allow``).
Code, link and role text never count (the parsers leave them out of plain prose).

French handling:

- elision: ``l’``, ``d’``, ``qu’``, ``jusqu’``… are dropped (« l’immunothérapie » is
  « immunothérapie »); other apostrophes belong to the word (« aujourd’hui »);
- plurals and forms: words are compared by TERM007's folded key (``lymphocytes`` is
  ``lymphocyte``), and a word is as common as its most common singular or plural spelling;
- hyphenated compounds: the whole may be a glossary name or allowed; otherwise each part of three
  letters or more is checked, and the compound is reported, as written, when a part is rare;
- a word holding a digit (« PD-1 », « HER2 », « 2023 ») is a code or a number, not checked; nor
  are words of one or two letters;
- capitals: wordfreq ignores case, so a proper noun at the start of a sentence or anywhere else is
  checked like any word: rare names of people, places and brands belong in the allow-list.

Each word is reported once per page, at the line where it first appears, with its frequency and
its rank among the page's rare words (1 = rarest). The frequency function comes from the
front-end (:mod:`docscheck.word_frequency`), so this rule stays pure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from docscheck.records import Corpus, Finding, Severity
from ..pages import is_content_page
from ..term_mentions import fold_word
from .french_words import MIN_LETTERS, TOKEN, french_lemmas, normalize, parts, tokens_of, without_elision, word_key


def name_keys(names: Iterable[str]) -> set[str]:
    """Keys of the words of glossary names: whole tokens and their parts."""
    keys: set[str] = set()
    for name in names:
        for token in TOKEN.findall(name):
            word = normalize(token)
            keys.add(word_key(word))
            keys.update(fold_word(p) for p in parts(word))
    return keys


class Rarity:
    """How common a word is, by normalized word, computed once per distinct word."""

    def __init__(self, frequency: Callable[[str], float], limit: float, french: bool) -> None:
        self.frequency = frequency
        self.limit = limit
        self.french = french
        self.known: dict[str, float] = {}

    def zipf(self, word: str) -> float:
        """The frequency of the word's most common spelling: itself, singular, plural; for a rare
        French word, also the dictionary forms it may be inflected from."""
        found = self.known.get(word)
        if found is None:
            base = fold_word(word)
            spellings = {word, base, base + "s", base + "x"}
            if base.endswith("al"):
                spellings.add(base[:-2] + "aux")
            found = max(map(self.frequency, spellings))
            if found <= self.limit and self.french:
                found = max([found, *map(self.frequency, french_lemmas(word))])
            self.known[word] = found
        return found


def rare_part(word: str, accepted: set[str], rarity: Rarity, limit: float) -> float | None:
    """The frequency of the rarest part of ``word`` that is neither accepted nor common, or None."""
    if word_key(word) in accepted:
        return None
    if "-" not in word and "'" not in word:
        return None if len(word) < MIN_LETTERS or (z := rarity.zipf(word)) > limit else z
    if "'" in word and "-" not in word and rarity.zipf(word) > limit:
        return None  # « aujourd'hui »
    rare = [z for p in parts(word) if len(p) >= MIN_LETTERS and fold_word(p) not in accepted and (z := rarity.zipf(p)) <= limit]
    return min(rare) if rare else None


class Verdicts:
    """Per distinct token: its key and, when it is rare given the glossary and allow-list, its frequency."""

    def __init__(self, defined: set[str], rarity: Rarity, limit: float) -> None:
        self.defined = defined
        self.rarity = rarity
        self.limit = limit
        self.known: dict[str, tuple[str, float | None]] = {}

    def __call__(self, token: str) -> tuple[str, float | None]:
        found = self.known.get(token)
        if found is None:
            if any(c.isdigit() or c == "_" for c in token):
                found = ("", None)
            else:
                word = normalize(token)
                found = (word_key(word), rare_part(word, self.defined, self.rarity, self.limit))
            self.known[token] = found
        return found


def rare_words(corpus: Corpus) -> Iterator[Finding]:
    """TERM008: each rare, undefined, unlinked, unallowed word of a content page, once."""
    settings = corpus.settings
    if not settings.jargon or settings.word_frequency is None:
        return
    defined = name_keys(name for entry in corpus.entries for name in entry.names)
    defined |= name_keys(term.term for page in corpus.pages for term in page.defined_terms)
    defined |= name_keys(settings.jargon_allow)
    limit = settings.jargon_max_zipf
    language = settings.language or "en"
    rarity = Rarity(settings.word_frequency, limit, language.lower().startswith("fr"))
    verdict = Verdicts(defined, rarity, limit)
    for page in corpus.pages:
        if not is_content_page(page):
            continue
        linked: set[str] = set()
        found: dict[str, tuple[int, str, float]] = {}
        seen: set[str] = set()
        for prose in page.prose:
            for _line, text, _order, kind in prose.segments:
                if kind == "link":
                    linked.update(verdict(token)[0] for token in tokens_of(text))
        for prose in page.prose:
            for line, text, _order, kind in prose.segments:
                if kind != "text":
                    continue
                tokens = set(tokens_of(text))
                tokens -= seen
                if not tokens:
                    continue
                seen |= tokens
                for token in sorted(tokens):
                    key, zipf = verdict(token)
                    if zipf is None or key in found or key in linked:
                        continue
                    if linked and ("-" in key or "'" in key):
                        zipf = rare_part(normalize(token), defined | linked, rarity, limit)
                        if zipf is None:
                            continue
                    found[key] = (line, without_elision(token), zipf)
        ranked = sorted(found.values(), key=lambda item: (item[2], item[0]))
        for rank, (line, written, zipf) in enumerate(ranked, 1):
            yield Finding(
                page.path, line, "TERM008", Severity.WARNING,
                f"rare word '{written}' (Zipf frequency {zipf:.2f} in '{language}', rarest {rank} of {len(ranked)} on this page) "
                "is not defined: add a glossary entry or link it (or list it in jargon_allow)",
            )  # fmt: skip


JARGON_RULES = [rare_words]
