"""French bibliography and citation styles for sphinxcontrib-bibtex.

pybtex's ``plain`` style and sphinxcontrib-bibtex's ``author_year`` style join names with
English words (« Everson and Cole », « Radha and others »). The guide is French, so both get a
French variant: « Everson et Cole », « Radha et al. », « Hodi et al. ». BibTeX's ``and others``
(an incomplete author list) always becomes « et al. », never a person called "others".

Configure with ``bibtex_default_style = "plain_fr"`` and ``bibtex_reference_style = "author_year_fr"``;
``plain_fr_compact`` (three names, then « et al. ») suits handouts (``termbase_handouts_bibtex_style``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pybtex.plugin
from pybtex.database import Entry
from pybtex.richtext import Tag, Text
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.template import FieldIsMissing, join, node, sentence
import sphinxcontrib.bibtex.plugin
from sphinxcontrib.bibtex.style.referencing import PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle
from sphinxcontrib.bibtex.style.template import first_of, optional, tag
from sphinxcontrib.bibtex.style.template import field as bib_field
from sphinxcontrib.bibtex.style.template import join as bib_join

from .dates import FRENCH_MONTHS

AND = " et "
ET_AL = "et al."
ENGLISH_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
#: BibTeX's month macros (``month = may``) expand to English names; print them in French.
MONTHS_FR = dict(zip(ENGLISH_MONTHS, FRENCH_MONTHS, strict=True))


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


def with_french_month(entry: Entry) -> Entry:
    """A copy of *entry* whose English month name is French (the entry itself is left alone)."""
    month = entry.fields.get("month", "")
    french = MONTHS_FR.get(month.strip().lower())
    if french is None:
        return entry
    fields = dict(entry.fields)
    fields["month"] = french
    copy = Entry(entry.type, fields=fields, persons=entry.persons)
    copy.key = entry.key
    return copy


class FrenchPlainStyle(PlainStyle):
    """pybtex's ``plain`` style with French name lists and month names."""

    default_sorting_style = "author_year_title"

    def format_entry(self, label: str, entry: Entry, bib_data: Any = None) -> Any:
        return super().format_entry(label, with_french_month(entry), bib_data=bib_data)

    def format_names(self, role: str, as_sentence: bool = True) -> Any:
        formatted = names_fr(role)
        return sentence[formatted] if as_sentence else formatted


class CompactFrenchPlainStyle(FrenchPlainStyle):
    """``plain_fr`` with at most three names before « et al. », for short printed sheets."""

    max_names = 3


@node
def citation_names_fr(children: list[Any], data: dict[str, Any], role: str, full: bool) -> Text:
    """Names in a citation: « Hodi et al. », « Everson et Cole », « Radha et al. »."""
    assert not children
    persons, truncated = persons_of(data, role)
    style = data["style"]
    formatted = [style.person.style_plugin.format(p, style.person.abbreviate) for p in persons]
    et_al = Text(" ", Tag("em", ET_AL))
    if truncated and (full or len(persons) < 3):
        return Text(bib_join(sep=", ")[formatted].format_data(data), et_al)
    return bib_join(sep=", ", sep2=AND, last_sep=AND, other=None if full else et_al)[formatted].format_data(data)


@dataclass
class FrenchPersonStyle(PersonStyle):
    """Person style of citations with French separators and ``others`` handled."""

    sep2: Any = AND
    last_sep: Any = AND
    other: Any = field(default_factory=lambda: Text(" ", Tag("em", ET_AL)))

    def names(self, role: str, full: bool) -> Any:
        return citation_names_fr(role=role, full=full)

    def author_or_editor_or_title(self, full: bool) -> Any:
        return first_of[
            optional[citation_names_fr(role="author", full=full)],
            optional[citation_names_fr(role="editor", full=full)],
            tag("em")[bib_field("title")],
        ]


@dataclass
class FrenchAuthorYearReferenceStyle(AuthorYearReferenceStyle):
    """``author_year`` citations, in French: « (Hodi et al., 2010) »."""

    person: PersonStyle = field(default_factory=FrenchPersonStyle)


def register() -> None:
    """Make the two styles known to pybtex's plugin system (idempotent)."""
    pybtex.plugin.register_plugin("pybtex.style.formatting", "plain_fr", FrenchPlainStyle, force=True)
    pybtex.plugin.register_plugin("pybtex.style.formatting", "plain_fr_compact", CompactFrenchPlainStyle, force=True)
    sphinxcontrib.bibtex.plugin.register_plugin(
        "sphinxcontrib.bibtex.style.referencing", "author_year_fr", FrenchAuthorYearReferenceStyle, force=True
    )


def setup(app: Any) -> dict[str, Any]:
    register()
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
