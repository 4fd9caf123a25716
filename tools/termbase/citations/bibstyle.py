"""French bibliography and citation styles for sphinxcontrib-bibtex.

pybtex's ``plain`` style and sphinxcontrib-bibtex's ``author_year`` style are written for English
readers. The guide's variants:

- names are joined in French (« Everson et Cole », « Radha et al. »); BibTeX's ``and others`` (an
  incomplete author list) is « et al. », never a person called "others"; a list prints at most
  ten names (:attr:`FrenchPlainStyle.max_names`; three on handouts, ``plain_fr_compact``);
- two sources that would both be cited « Robert et al., 2015 » become « 2015a » and « 2015b »
  everywhere (citations, the list, handouts, the PDF), lettered in the order of the list
  (:func:`year_suffixes`);
- a source without author (an article whose authors were not verified) is cited by its journal,
  « Nature Reviews Cancer, 2021 », printed like an article (« 21(6):360–378 », never English words
  such as "issue" or "pages") and sorted under that name;
- titles keep their acronyms (« BRAF », « PD-L1 » even without braces); web pages, press releases
  and reports keep their title as written (they are names, not sentences to re-case);
- English titles and journal names are marked ``lang="en"`` in HTML (:func:`entry_language`), so
  screen readers pronounce them in English and the French spacing is not applied to them;
- month names are French; a date already written in ``howpublished`` is not printed twice;
- each reference of the list ends with its type of evidence, « Type de source : essai randomisé de
  phase 3, 945 patients. » (the ``evidence`` and ``participants`` fields, see
  :func:`docscheck.records.evidence_label`); the tooltip style ``plain_fr_reference`` leaves it out
  (the citation card shows it on its own line).

Language of an entry (``langid`` or ``language`` field): ``english``/``en``/``anglais`` is
English, ``french``/``fr``/``français`` is French; without the field, scholarly entries
(articles, books, chapters, proceedings, theses) are English, and other entries (web pages,
reports, press releases) carry no mark, i.e. the page's French. A French article therefore needs
``langid = {french}``; an English web page needs ``langid = {english}``.

Configure with ``bibtex_default_style = "plain_fr"``, ``bibtex_reference_style = "author_year_fr"``
and ``bibtex_tooltips_style = "plain_fr_reference"``; ``plain_fr_compact`` suits handouts
(``termbase_handouts_bibtex_style``).

Year letters are computed over the entries of each bibliography directive when sphinxcontrib-bibtex
formats it, and kept on the pybtex entry itself (:data:`SUFFIX_ATTRIBUTE`): the citation style, the
tooltip style and the handouts format the same entry objects, so they all agree. A project with
several bibliographies listing overlapping subsets gets the letters of the last one formatted.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import docutils.nodes
import pybtex.plugin
from pybtex.database import Entry
from pybtex.richtext import BaseMultipartText, Tag, Text
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.formatting.unsrt import date as unsrt_date
from pybtex.style.formatting.unsrt import pages
from pybtex.style.sorting import BaseSortingStyle
from pybtex.style.template import FieldIsMissing, _format_list, first_of, join, node, optional, optional_field, sentence, tag
from pybtex.style.template import field as pybtex_field
import sphinxcontrib.bibtex.plugin
from sphinxcontrib.bibtex.style.referencing import PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle
from sphinxcontrib.bibtex.style.referencing.basic_author_year import (
    BasicAuthorYearParentheticalReferenceStyle,
    BasicAuthorYearTextualReferenceStyle,
)
from sphinxcontrib.bibtex.style.referencing.extra_year import ExtraYearReferenceStyle
from sphinxcontrib.bibtex.style.template import first_of as bib_first_of
from sphinxcontrib.bibtex.style.template import join as bib_join
from sphinxcontrib.bibtex.style.template import join2, post_text, pre_text, reference
from sphinxcontrib.bibtex.style.template import optional as bib_optional
from sphinxcontrib.bibtex.style.template import tag as bib_tag
from sphinxcontrib.bibtex.style.template import field as bib_field

from docscheck.records import evidence_label

from termbase.french.collation import french_sort_key
from termbase.french.dates import FRENCH_MONTHS

AND = " et "
ET_AL = "et al."
EVIDENCE_PREFIX = "Type de source\u00a0: "
ENGLISH_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
#: BibTeX's month macros (``month = may``) expand to English names; print them in French.
MONTHS_FR = dict(zip(ENGLISH_MONTHS, FRENCH_MONTHS, strict=True))
#: Where the year letter (« a » of « 2015a ») of an entry is kept: an attribute of the pybtex entry.
SUFFIX_ATTRIBUTE = "termbase_year_suffix"
#: Entry types that are publications (their titles are re-cased, and are English unless told).
SCHOLARLY_TYPES = frozenset({
    "article", "book", "inbook", "incollection", "inproceedings", "conference", "proceedings",
    "phdthesis", "mastersthesis", "booklet",
})  # fmt: skip
LANGUAGES = {
    "english": "en", "en": "en", "anglais": "en", "american": "en", "british": "en",
    "french": "fr", "fr": "fr", "francais": "fr", "français": "fr",
}  # fmt: skip
#: A word of a title (hyphens included) outside braces and LaTeX commands.
TITLE_WORD = re.compile(r"(?<![\w\\])[\w-]+")


# -- Persons -----------------------------------------------------------------------------------


def split_others(persons: list[Any]) -> tuple[list[Any], bool]:
    """Remove BibTeX's ``others`` marker from a person list; say whether it was there."""
    if persons and str(persons[-1]).strip().lower() == "others":
        return list(persons[:-1]), True
    return list(persons), False


def persons_of(context: dict[str, Any], role: str) -> tuple[list[Any], bool]:
    """The entry's persons in *role* without ``others``, and whether the list was truncated."""
    try:
        return split_others(context["entry"].persons[role])
    except KeyError:
        raise FieldIsMissing(role, context["entry"]) from None


@node
def names_fr(children: list[Any], context: dict[str, Any], role: str) -> Text:
    """Full name list for the bibliography: « A, B et C », « A, B et al. »."""
    assert not children
    persons, truncated = persons_of(context, role)
    style = context["style"]
    limit = getattr(style, "max_names", None)
    if limit is not None and len(persons) > limit + 1:
        persons, truncated = persons[:limit], True
    formatted = [style.format_name(person, style.abbreviate_names) for person in persons]
    if truncated:
        return Text(join(sep=", ")[formatted].format_data(context), " ", Tag("em", ET_AL))
    return join(sep=", ", sep2=AND, last_sep=AND)[formatted].format_data(context)


# -- What a citation calls an entry, and the year letters --------------------------------------


def last_names(person: Any) -> str:
    """« van de Velde », « Robert »: what an author-year citation prints of a person."""
    return " ".join(person.prelast_names + person.last_names)


def citation_name(entry: Entry) -> str:
    """The name part of the entry's citation as plain text: « Robert et al. », « Everson et Cole »,
    or the journal (else the title) of an entry without author or editor."""
    for role in ("author", "editor"):
        persons, truncated = split_others(list(entry.persons.get(role, [])))
        if persons:
            names = [last_names(person) for person in persons]
            if truncated or len(names) > 2:
                return f"{names[0]} {ET_AL}"
            return AND.join(names)
    return unbraced(entry.fields.get("journal") or entry.fields.get("title", ""))


def unbraced(text: str) -> str:
    return text.replace("{", "").replace("}", "")


def year_suffixes(entries: Sequence[Entry]) -> dict[str, str]:
    """Letters for entries that share a citation (« Robert et al., 2015 »), in the order given.

    The order given is the order of the reference list, so « 2015a » is the first of the two
    there. Entries whose citation is unique get no letter (they are left out of the result).
    """
    groups: dict[tuple[str, str], list[str]] = {}
    for entry in entries:
        groups.setdefault((citation_name(entry).casefold(), entry.fields.get("year", "").strip()), []).append(entry.key)
    suffixes = {}
    for keys in groups.values():
        if len(keys) > 1:
            suffixes.update({key: letter_for(index) for index, key in enumerate(keys)})
    return suffixes


def letter_for(index: int) -> str:
    """a, b, …, z, then aa, ab…: never runs out."""
    letters = string.ascii_lowercase
    return letters[index] if index < len(letters) else letter_for(index // len(letters) - 1) + letters[index % len(letters)]


def mark_year_suffixes(entries: Iterable[Entry]) -> None:
    """Store each entry's letter on the entry (empty when its citation is unique)."""
    entries = list(entries)
    suffixes = year_suffixes(entries)
    for entry in entries:
        setattr(entry, SUFFIX_ATTRIBUTE, suffixes.get(entry.key, ""))


def year_suffix(entry: Entry) -> str:
    return str(getattr(entry, SUFFIX_ATTRIBUTE, ""))


# -- Language ----------------------------------------------------------------------------------


def entry_language(entry: Entry) -> str | None:
    """``"en"``, ``"fr"`` or None (unknown: the page's language) for an entry's titles."""
    declared = (entry.fields.get("langid") or entry.fields.get("language") or "").strip().casefold()
    if declared:
        return LANGUAGES.get(declared)
    return "en" if entry.type.lower() in SCHOLARLY_TYPES or entry.fields.get("journal") else None


class Lang(BaseMultipartText):
    """Text in another language than the page's: ``<span lang="en">`` in HTML, plain elsewhere.

    docutils writes ``lang="en"`` for an inline node with the class ``language-en``; LaTeX and
    plain text (tooltips) get the text alone.
    """

    def __init__(self, language: str, *parts: Any) -> None:
        self.language = language
        self.info = (language,)
        super().__init__(*parts)

    def __repr__(self) -> str:
        return f"Lang({self.language!r}, {', '.join(repr(part) for part in self.parts)})"

    def render(self, backend: Any) -> Any:
        text = super().render(backend)
        if getattr(backend, "name", "") == "docutils":
            return [docutils.nodes.inline("", "", *text, classes=[f"language-{self.language}"])]
        return text


@node
def in_language(children: list[Any], data: dict[str, Any], language: str | None) -> Text:
    """Wrap the children's text in :class:`Lang` when *language* differs from the guide's French."""
    text = Text(*_format_list(children, data))
    if language and language != "fr" and len(text):
        return Text(Lang(language, *text.parts))
    return text


# -- Entries -----------------------------------------------------------------------------------


def is_acronym(word: str) -> bool:
    """BRAF, PD-L1, CAR-T, mRNA, CTLA-4: a part with two capitals, or a capital and a digit.

    « Long-Term » or « Wild-Type » are title-cased words, not acronyms: each part has one capital.
    """
    for part in word.split("-"):
        capitals = sum(char.isupper() for char in part)
        if capitals >= 2 or (capitals and any(char.isdigit() for char in part)):
            return True
    return False


def protect_acronyms(title: str) -> str:
    """Brace the acronyms of a title outside existing braces, so re-casing keeps them."""

    def protect(text: str) -> str:
        return TITLE_WORD.sub(lambda match: f"{{{match.group(0)}}}" if is_acronym(match.group(0)) else match.group(0), text)

    out, depth, start = [], 0, 0
    for index, char in enumerate(title):
        if char in "{}":
            if depth == 0 and char == "{":
                out.append(protect(title[start:index]))
                start = index
            depth = max(0, depth + (1 if char == "{" else -1))
            if depth == 0 and char == "}":
                out.append(title[start : index + 1])
                start = index + 1
    out.append(protect(title[start:]) if depth == 0 else title[start:])
    return "".join(out)


def prepared(entry: Entry) -> Entry:
    """A copy of *entry* as the styles print it: French month, year letter, protected acronyms."""
    fields = dict(entry.fields)
    month = MONTHS_FR.get(fields.get("month", "").strip().lower())
    if month is not None:
        fields["month"] = month
    if year_suffix(entry) and fields.get("year"):
        fields["year"] = fields["year"].strip() + year_suffix(entry)
    if fields.get("title"):
        fields["title"] = protect_acronyms(fields["title"])
    copy = Entry(entry.type, fields=fields, persons=entry.persons)
    copy.key = entry.key
    setattr(copy, SUFFIX_ATTRIBUTE, year_suffix(entry))
    return copy


def with_french_month(entry: Entry) -> Entry:
    """A copy of *entry* whose English month name is French (the entry itself is left alone)."""
    return prepared(entry)


def date_in_howpublished(entry: Entry) -> bool:
    """Whether ``howpublished`` already gives the year (« Press release, 1 October 2018 »)."""
    year = entry.fields.get("year", "").strip()[:4]
    return bool(year) and year in entry.fields.get("howpublished", "")


class FrenchPlainStyle(PlainStyle):
    """pybtex's ``plain`` style for French readers (see the module docstring)."""

    default_sorting_style = "author_year_title_fr"
    #: Names printed before « et al. » (a list one longer is printed whole).
    max_names = 10
    #: End each reference with « Type de source : … ».
    show_evidence = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        label_formatter = self.format_labels

        def format_labels(sorted_entries: Iterable[Entry]) -> Iterable[str]:
            """Letter the years first: sphinxcontrib-bibtex calls this on the sorted list."""
            sorted_entries = list(sorted_entries)
            mark_year_suffixes(sorted_entries)
            return label_formatter(sorted_entries)

        self.format_labels = format_labels

    def format_entry(self, label: str, entry: Entry, bib_data: Any = None) -> Any:
        formatted = super().format_entry(label, prepared(entry), bib_data=bib_data)
        label_text = evidence_label({name.lower(): value for name, value in entry.fields.items()})
        if self.show_evidence and label_text:
            formatted.text = Text(formatted.text, " ", EVIDENCE_PREFIX, label_text, ".")
        return formatted

    def format_names(self, role: str, as_sentence: bool = True) -> Any:
        formatted = names_fr(role)
        return sentence[formatted] if as_sentence else formatted

    def format_title(self, e: Entry, which_field: str, as_sentence: bool = True) -> Any:
        """Publication titles in sentence case; titles of pages and reports as written."""
        if e.type.lower() in SCHOLARLY_TYPES or e.fields.get("journal"):
            title = pybtex_field(which_field, apply_func=lambda text: text.capitalize())
        else:
            title = pybtex_field(which_field)
        formatted = in_language(language=entry_language(e))[title]
        return sentence[formatted] if as_sentence else formatted

    def format_btitle(self, e: Entry, which_field: str, as_sentence: bool = True) -> Any:
        formatted = in_language(language=entry_language(e))[tag("em")[pybtex_field(which_field)]]
        return sentence[formatted] if as_sentence else formatted

    def journal(self, e: Entry) -> Any:
        return in_language(language=entry_language(e))[tag("em")[pybtex_field("journal")]]

    def get_article_template(self, e: Entry) -> Any:
        volume_and_pages = first_of[
            optional[join[pybtex_field("volume"), optional["(", pybtex_field("number"), ")"], ":", pages]],
            optional[join["n°\u00a0", pybtex_field("number"), ", p.\u00a0", pages]],
            join["p.\u00a0", pages],
        ]
        return toplevel[
            optional[self.format_names("author")],
            self.format_title(e, "title"),
            sentence[self.journal(e), optional[volume_and_pages], unsrt_date],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def get_misc_template(self, e: Entry) -> Any:
        """An authorless article kept as ``@misc`` prints as an article; a date is given once."""
        if e.fields.get("journal"):
            return self.get_article_template(e)
        date = [] if date_in_howpublished(e) else [optional[unsrt_date]]
        return toplevel[
            optional[sentence[self.format_names("author")]],
            optional[self.format_title(e, "title")],
            sentence(capfirst=True)[optional[pybtex_field("howpublished")], *date],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]


class CompactFrenchPlainStyle(FrenchPlainStyle):
    """``plain_fr`` for short printed sheets: three names before « et al. », no evidence sentence
    (a line per source; the sheet must stay within five pages, and its text says what each
    study was)."""

    max_names = 3
    show_evidence = False


class ReferenceFrenchPlainStyle(FrenchPlainStyle):
    """``plain_fr`` without the evidence sentence: the citation card shows it on its own line."""

    show_evidence = False


class FrenchSortingStyle(BaseSortingStyle):
    """Author, year, title, in French order; an entry without author sorts under its journal or title."""

    def sorting_key(self, entry: Entry) -> tuple[Any, ...]:
        persons = entry.persons.get("author") or entry.persons.get("editor")
        if persons:
            who = "   ".join(unbraced(f"{last_names(p)}  {' '.join(p.first_names + p.middle_names)}") for p in persons)
        else:
            who = citation_name(entry)
        return (french_sort_key(who), entry.fields.get("year", ""), french_sort_key(unbraced(entry.fields.get("title", ""))))


# -- Citations ---------------------------------------------------------------------------------


#: Name lists of citations already formatted, by entry (held, so its id stays its own) and
#: options: a page cites a source many times, and formatting names was most of the cost of
#: resolving citations (issue 15). The texts are never modified in place, so they can be shared.
_CITATION_NAMES: dict[tuple[Any, ...], tuple[Entry, Text]] = {}
_CITATION_NAMES_MAX = 20_000


@node
def citation_names_fr(children: list[Any], data: dict[str, Any], role: str, full: bool) -> Text:
    """Names in a citation: « Hodi et al. », « Everson et Cole », « Radha et al. »."""
    assert not children
    entry, style = data["entry"], data["style"]
    key = (id(entry), role, full, type(style.person.style_plugin), style.person.abbreviate)
    cached = _CITATION_NAMES.get(key)
    if cached is not None and cached[0] is entry:
        return cached[1]
    persons, truncated = persons_of(data, role)
    if not persons:
        raise FieldIsMissing(role, entry)
    formatted = [style.person.style_plugin.format(p, style.person.abbreviate) for p in persons]
    et_al = Text(" ", Tag("em", ET_AL))
    if truncated and (full or len(persons) < 3):
        text = Text(bib_join(sep=", ")[formatted].format_data(data), et_al)
    else:
        text = bib_join(sep=", ", sep2=AND, last_sep=AND, other=None if full else et_al)[formatted].format_data(data)
    if len(_CITATION_NAMES) >= _CITATION_NAMES_MAX:
        _CITATION_NAMES.clear()
    _CITATION_NAMES[key] = (entry, text)
    return text


@node
def year_fr(children: list[Any], data: dict[str, Any]) -> Text:
    """The year of a citation with its letter (« 2015a »), or « s.d. » (sans date)."""
    assert not children
    year = data["entry"].fields.get("year", "").strip()
    return Text(year + year_suffix(data["entry"])) if year else Text("s.d.")


@dataclass
class FrenchPersonStyle(PersonStyle):
    """Person style of citations with French separators and ``others`` handled."""

    sep2: Any = AND
    last_sep: Any = AND
    other: Any = field(default_factory=lambda: Text(" ", Tag("em", ET_AL)))

    def names(self, role: str, full: bool) -> Any:
        return citation_names_fr(role=role, full=full)

    def author_or_editor_or_title(self, full: bool) -> Any:
        return bib_first_of[
            bib_optional[citation_names_fr(role="author", full=full)],
            bib_optional[citation_names_fr(role="editor", full=full)],
            bib_optional[bib_tag("em")[bib_field("journal")]],
            bib_tag("em")[bib_field("title")],
        ]


@dataclass
class FrenchParentheticalStyle(BasicAuthorYearParentheticalReferenceStyle):
    """« [Robert et al., 2015a] »: the link covers the names and the year."""

    def inner(self, role_name: str) -> Any:
        return join2(sep1=self.pre_text_sep, sep2=self.post_text_sep)[
            pre_text,
            reference[bib_join(sep=self.author_year_sep)[self.person.author_or_editor_or_title(full="s" in role_name), year_fr]],
            post_text,
        ]


@dataclass
class FrenchTextualStyle(BasicAuthorYearTextualReferenceStyle):
    """« Pardoll [2012] »: one link for the names and the year, never a link that reads « 2012 »."""

    def inner(self, role_name: str) -> Any:
        return reference[
            bib_join(sep=self.text_reference_sep)[
                self.person.author_or_editor_or_title(full="s" in role_name),
                bib_join[
                    self.bracket.left,
                    join2(sep1=self.pre_text_sep, sep2=self.post_text_sep)[pre_text, year_fr, post_text],
                    self.bracket.right,
                ],
            ]
        ]


@dataclass
class FrenchYearStyle(ExtraYearReferenceStyle):
    """``{cite:year}``: the year with its letter."""

    def inner(self, role_name: str) -> Any:
        return reference[year_fr]


@dataclass
class FrenchAuthorYearReferenceStyle(AuthorYearReferenceStyle):
    """``author_year`` citations, in French: « [Hodi et al., 2010] », « Pardoll [2012] »."""

    person: PersonStyle = field(default_factory=FrenchPersonStyle)

    def __post_init__(self) -> None:
        super().__post_init__()
        replacements = {
            BasicAuthorYearParentheticalReferenceStyle: lambda: FrenchParentheticalStyle(
                bracket=self.bracket_parenthetical,
                person=self.person,
                author_year_sep=self.author_year_sep,
                pre_text_sep=self.pre_text_sep,
                post_text_sep=self.post_text_sep,
            ),
            BasicAuthorYearTextualReferenceStyle: lambda: FrenchTextualStyle(
                bracket=self.bracket_textual,
                person=self.person,
                text_reference_sep=self.text_reference_sep,
                pre_text_sep=self.pre_text_sep,
                post_text_sep=self.post_text_sep,
            ),
            ExtraYearReferenceStyle: lambda: FrenchYearStyle(bracket=self.bracket_year),
        }
        self.styles = [replacements[type(style)]() if type(style) in replacements else style for style in self.styles]
        self.role_style = {name: style for style in self.styles for name in style.role_names()}


def register() -> None:
    """Make the styles known to pybtex's and sphinxcontrib-bibtex's plugin systems (idempotent)."""
    formatting = "pybtex.style.formatting"
    pybtex.plugin.register_plugin(formatting, "plain_fr", FrenchPlainStyle, force=True)
    pybtex.plugin.register_plugin(formatting, "plain_fr_compact", CompactFrenchPlainStyle, force=True)
    pybtex.plugin.register_plugin(formatting, "plain_fr_reference", ReferenceFrenchPlainStyle, force=True)
    pybtex.plugin.register_plugin("pybtex.style.sorting", "author_year_title_fr", FrenchSortingStyle, force=True)
    sphinxcontrib.bibtex.plugin.register_plugin(
        "sphinxcontrib.bibtex.style.referencing", "author_year_fr", FrenchAuthorYearReferenceStyle, force=True
    )


def setup(app: Any) -> dict[str, Any]:
    register()
    return {"version": "2", "parallel_read_safe": True, "parallel_write_safe": True}
