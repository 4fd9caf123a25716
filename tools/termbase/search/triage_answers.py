"""Search that answers a symptom: « j’ai de la fièvre » shows what to do before any page.

A patient who types a symptom needs « what to do, whom to call, how fast » first, not a page that
mentions it. This module turns the triage table (``triage/<slug>.md``, read by
:mod:`termbase.triage`) into the part of ``_static/termbase-search-data.js`` that lets
``static/termbase-search.js`` recognise a symptom in a query and show a **triage answer card**:

- **What names a symptom.** Its name (cut at commas: « Fatigue intense, vertiges » gives two
  phrases) and its ``words``, as token lists (:func:`phrase_words`): folded like the search
  (case, accents, œ), elision dropped (« j’ai », « l’ »), the plural rule of the triage check
  (« maux » = « mal », « boutons » = « bouton »), small grammatical words left out (« de la »,
  « je suis », « très »). A query names a symptom when, so read, it holds one of these phrases as
  consecutive words, or a *distinctive* word (a word of one symptom's phrases only, 4 letters or
  more: « fatigué », « vision »); a phrase inside a longer phrase found in the query gives way to
  it (« malaise grave » is the severe malaise, not also « malaise »). Every other word of the query
  must be a word of context (:data:`CONTEXT_WORDS`: « depuis hier », « ce matin ») or a word of a
  symptom found (« je saigne du nez »: « nez » of « saignement du nez »), else the query is about
  something else (« prise de sang » names no bleeding) and no card is shown. Typos are
  corrected first by the search (the triage words are in its vocabulary).
- **The card** of each symptom found, the most urgent first: its name, the level it has when
  nobody answers its questions (:func:`termbase.triage.wording.card_level`, the very function of
  the ``{triage-card}``: the two cannot disagree), with the level's word and class as everywhere
  on the site (``triage.css``: word, border and icon, never colour alone), the rows of the table
  that call the 15 for a severe form of the symptom, the two lines every rendering of the table
  carries, and a link « Que faire : voir les questions » to the symptom on the page holding the
  ``{triage-guide}`` (``#<slug>`` opens its questions).
- **Order.** That page then comes first in the results. When a query also names a glossary entry,
  both cards are shown, the triage card first: the safety answer before the definition.

Everything shown is built here from the table and :mod:`termbase.triage.wording`; the script
holds no French and no medicine. :func:`symptoms_in` is the reference of the script's matching
(``triageMatches`` in ``static/termbase-search.js``), used by the tests.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from docscheck.records import TRIAGE_LEVELS, TriageEntry, level_rank
from docutils import nodes

from termbase.french.typography import french_spacing
from termbase.triage import wording

from .folding import fold

#: French elision: « j’ », « l’ », « qu’ »… (straight, typographic or modifier apostrophe).
ELISION = re.compile(r"(^|[^a-z0-9])(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’ʼ]")
TOKEN = re.compile(r"[a-z0-9]+")
ROW_CLASS = "triage-key-"

#: Small words that say nothing of the symptom, left out of the phrases and of the query
#: (compared as folded, before the plural rule).
STOP_WORDS = frozenset(
    "a ai as au aux avec avoir ca ce ces cet cette dans de des du elle en est et etre il ils j je la le les leur lui "
    "ma me mes moi mon ne nous on ou par que qui quoi sa se ses si son suis sur ta te tes toi ton tres tu "
    "un une vos votre vous y".split()
)  # fmt: skip

#: Words a patient adds to a symptom that do not change which one it is: when, since when, how
#: strong (« grande fatigue », « forte fièvre »: a stronger form is never a lesser level), under
#: which treatment, what to do. They may stand in a query beside a symptom; alone they name none.
#: (Numbers too: « depuis 3 jours ».)
CONTEXT_WORDS = (
    "aujourd’hui hier depuis matin soir nuit jours semaines heures mois soudain soudainement brutalement "
    "beaucoup peu encore toujours sous après avant pendant immunothérapie traitement perfusion faire "
    "appeler normal grave inquiet inquiète plus "
    "grand grande gros grosse fort forte intense violent violente extrême extrêmement énorme terrible horrible"
)

#: « ne … pas », « ne … plus », « ne … rien », « ne … jamais » are one word, « plus », and « ne » is
#: dropped: « il ne respire plus » = « il respire pas », but not « il respire ».
NEGATION = frozenset({"pas", "plus", "rien", "jamais"})

#: Words that begin a phrase of one symptom but do not name it alone (« gêne pour respirer »,
#: « grande difficulté à respirer », « lèvres bleues »): a query needs the whole phrase.
NOT_ALONE = (
    "arrête blanc crise dit envie garde gêne grande lèvres manque moins poids répond respire signes sucre "
    "tension tombé trouve"
)

#: A word of one symptom only names it alone from this many letters on.
DISTINCTIVE_MIN_LETTERS = 4

MESSAGES = {
    "title": "Que faire",
    "questions": french_spacing("Que faire : voir les questions"),
    "other": wording.OTHER_INSTRUCTIONS,
    "doubt": wording.WHEN_IN_DOUBT,
    # Under « no page holds these words »: a symptom the table does not name in the reader's words
    # (« brûlure en urinant ») must still lead to the guide.
    "none": french_spacing("Un signe nouveau ou qui vous inquiète ? Voyez"),
}


def plural(word: str) -> str:
    """The triage check's plural rule (docscheck TRIAGE002): « maux » → « mal », « fièvres » →
    « fievre », « toux » stays."""
    if len(word) > 4 and word.endswith("eaux"):
        return word[:-1]
    if len(word) > 3 and word.endswith("aux"):
        return word[:-3] + "al"
    if len(word) > 3 and word.endswith("s"):
        return word[:-1]
    return word


def phrase_words(text: str) -> list[str]:
    """The words of *text* as a symptom and a query are compared (see the module docstring).

    ``triageWords`` in ``static/termbase-search.js`` must give the same list.
    """
    folded = ELISION.sub(r"\1 ", fold(text))
    words = [word for word in TOKEN.findall(folded) if len(word) > 1 and word not in STOP_WORDS]
    return ["plus" if word in NEGATION else plural(word) for word in words]


def is_context(word: str, context: Iterable[str]) -> bool:
    """Whether a word of the query (as :func:`phrase_words` gives it) may stand beside a symptom."""
    return word.isdigit() or word in context


CONTEXT = frozenset(phrase_words(CONTEXT_WORDS))


def symptom_phrases(entry: TriageEntry) -> list[list[str]]:
    """The phrases that name *entry*: its name, its name's parts between commas, its words."""
    texts = [*((entry.symptom,) if entry.symptom else ()), *(entry.symptom or "").split(","), *entry.words]
    found: list[list[str]] = []
    for text in texts:
        words = phrase_words(text)
        if words and words not in found:
            found.append(words)
    return found


def distinctive_words(phrases: dict[str, list[list[str]]]) -> dict[str, str]:
    """First word of a phrase → its symptom, when no other symptom's phrases use the word
    (« fatigue » of « fatigue intense », « vision » of « vision trouble »)."""
    owners: dict[str, set[str]] = {}
    for slug, lists in phrases.items():
        for words in lists:
            for word in words:
                owners.setdefault(word, set()).add(slug)
    heads = {words[0] for lists in phrases.values() for words in lists if len(words) > 1}
    return {
        word: next(iter(owners[word]))
        for word in sorted(heads)
        if len(owners[word]) == 1 and len(word) >= DISTINCTIVE_MIN_LETTERS and not is_context(word, CONTEXT) and word not in phrase_words(NOT_ALONE)
    }


def severe_rows(entry: TriageEntry) -> list[str]:
    """« Fièvre ou frissons, avec du mal à respirer… » for each row of the table that calls the 15
    when the card's level does not (the severe forms of the symptom)."""
    if wording.card_level(entry) == "samu":
        return []
    return [row.text for row in wording.rows(entry) if row.level == "samu"]


def table_symptoms(doctree: nodes.document) -> list[str]:
    """The symptoms whose rows the page's triage tables show (their rows' ``triage-key-<slug>--``
    classes, written by :mod:`termbase.triage.directives`)."""
    slugs: dict[str, None] = {}
    for row in doctree.findall(nodes.row):
        for name in row["classes"]:
            if name.startswith(ROW_CLASS) and "--" in name:
                slugs[name[len(ROW_CLASS) :].rpartition("--")[0]] = None
    return list(slugs)


def triage_data(
    entries: Iterable[TriageEntry], guide: str | None, tables: dict[str, list[str]] | None = None, guide_title: str = ""
) -> dict[str, Any]:
    """The ``triage`` part of the search data: levels, messages, each symptom, distinctive words.

    *guide*: the page with the ``{triage-guide}`` (a docname), or None when no page has it, and
    *guide_title* its title (the link under « no page holds these words »);
    *tables*: docname → the symptoms its triage tables show (the side-effect pages), which come
    right after the guide in the results of a query naming one of them.
    """
    usable = [entry for entry in entries if wording.card_level(entry) is not None]
    phrases = {entry.slug: symptom_phrases(entry) for entry in usable}
    symptoms = [
        {
            "slug": entry.slug,
            "symptom": french_spacing(entry.symptom or entry.slug),
            "level": wording.card_level(entry),
            "severe": severe_rows(entry),
            "phrases": phrases[entry.slug],
        }
        for entry in usable
    ]
    return {
        "guide": guide or "",
        "guideTitle": french_spacing(guide_title or guide or ""),
        "tables": tables or {},
        "levels": {level: {"tag": wording.LEVEL_TAGS[level], "label": wording.level_label(level)} for level in TRIAGE_LEVELS},
        # The levels, least urgent first (the data file's keys are sorted).
        "ranks": list(TRIAGE_LEVELS),
        "messages": MESSAGES,
        "symptoms": symptoms,
        "distinctive": distinctive_words(phrases),
        "stop": sorted(STOP_WORDS),
        "negation": sorted(NEGATION),
        "context": sorted(CONTEXT),
    }


def symptoms_in(query: str, data: dict[str, Any]) -> list[str]:
    """The slugs of the symptoms *query* names, the most urgent first (then in table order);
    empty when it names none or holds words that are neither symptom nor context."""
    words = phrase_words(query)
    if not words:
        return []
    symptoms = {symptom["slug"]: symptom for symptom in data["symptoms"]}
    found: list[tuple[int, int, str]] = []  # (start, end, slug) of every phrase in the query
    for slug, symptom in symptoms.items():
        for phrase in symptom["phrases"]:
            for start in range(len(words) - len(phrase) + 1):
                if words[start : start + len(phrase)] == phrase:
                    found.append((start, start + len(phrase), slug))
    kept: list[tuple[int, int, str]] = []
    for start, end, slug in sorted(found, key=lambda f: (f[0] - f[1], f[0])):  # longest first
        if not any(s <= start and end <= e and e - s > end - start for s, e, _slug in kept):
            kept.append((start, end, slug))
    covered = {i for start, end, _slug in kept for i in range(start, end)}
    named = {slug for _start, _end, slug in kept}
    rest = [word for index, word in enumerate(words) if index not in covered]
    named |= {data["distinctive"][word] for word in rest if word in data["distinctive"]}
    # A word of a named symptom's phrases says more of it (« je saigne du nez »).
    told = {word for slug in named for phrase in symptoms[slug]["phrases"] for word in phrase}
    if any(word not in data["distinctive"] and word not in told and not is_context(word, data["context"]) for word in rest):
        return []
    order = list(symptoms)
    return sorted(named, key=lambda slug: (-level_rank(symptoms[slug]["level"]), order.index(slug)))
