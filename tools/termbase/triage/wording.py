"""The French words of the triage table: levels, rows, fixed lines and tooltip action lines.

Every sentence a reader sees about « when to call » is built here from the table's records, never
typed in a page, so the wording cannot drift between the table, the card, the interactive page,
the handouts and the tooltips. Generated text carries its own French spacing (U+00A0 before
« : », U+202F before ; ! ?), because the LaTeX output takes it as it is (babel's automatic
spacing is off in this project) and tooltips are attributes the HTML spacing pass never sees.
"""

from __future__ import annotations

from dataclasses import dataclass

from docscheck.records import TRIAGE_FAMILIES, TRIAGE_LEVELS, TriageEntry, level_rank

from termbase.french.typography import french_spacing

#: The short word shown with each level (with a border and an icon: never colour alone).
LEVEL_TAGS: dict[str, str] = {"samu": "URGENCE", "immediat": "TOUT DE SUITE", "journee": "DANS LA JOURNÉE"}

#: How a row names a treatment family (« Fièvre, si vous recevez aussi une chimiothérapie »).
FAMILY_CONTEXT: dict[str, str] = {
    "seule": "sous immunothérapie seule",
    "chimiotherapie": "si vous recevez aussi une chimiothérapie",
    "car-t": "après un traitement par cellules CAR-T",
    "bispecifique": "sous anticorps bispécifique",
    "til": "après un traitement par lymphocytes infiltrant la tumeur (TIL)",
}

#: The tick boxes of the card, in this order (TIL is rare enough to go under « autre »).
CARD_FAMILIES: dict[str, str] = {
    "seule": "immunothérapie seule",
    "chimiotherapie": "avec chimiothérapie",
    "car-t": "CAR-T",
    "bispecifique": "anticorps bispécifique",
}
STEROIDS_LINE = "corticoïdes ou hormone de remplacement en cours"

OTHER_INSTRUCTIONS = french_spacing("Votre équipe peut vous donner d’autres consignes ; suivez-les.")
WHEN_IN_DOUBT = "En cas de doute, appelez."
MOST_URGENT = "Si plusieurs lignes vous concernent, suivez la plus urgente."
TEAM_NUMBER = french_spacing("Numéro de mon équipe : ______________________")
FICHE_HINT = "Notez le numéro de votre équipe, imprimez cette fiche et gardez-la près du téléphone."
PRINTED_SOURCES = french_spacing("Les sources de chaque ligne sont données sur la page « Quand appeler ? » du guide, en ligne.")
LEGEND = french_spacing("Que faire :")
HEADER_SIGN = "Signe"
HEADER_ACTION = "Que faire"
SOURCES = french_spacing("Sources :")
TABLE_SOURCES = french_spacing("Sources du tableau :")


def level_label(level: str) -> str:
    """The instruction of a level, as a sentence start (« Appelez le 15 (ou le 112) »)."""
    return french_spacing(TRIAGE_LEVELS[level])


def level_phrase(level: str) -> str:
    """The instruction inside a sentence (« appelez le 15 (ou le 112) »)."""
    label = level_label(level)
    return label[0].lower() + label[1:]


def family_label(family: str) -> str:
    return french_spacing(TRIAGE_FAMILIES.get(family, family))


@dataclass(frozen=True)
class Row:
    """One line of a triage table: what the reader has (``sign``) and what to do (``level``).

    ``key`` identifies the row within its entry (``q0``, ``f-car-t``, ``autres``): the interactive
    page shows the sources of the row that decided its answer. ``sources`` are bibliography keys.
    """

    entry: TriageEntry
    key: str
    sign: str
    level: str
    sources: tuple[str, ...]

    @property
    def symptom(self) -> str:
        return french_spacing(self.entry.symptom or self.entry.slug)

    @property
    def text(self) -> str:
        """« Fièvre, 38 °C ou plus » (the symptom alone when the row is its only one)."""
        return f"{self.symptom}, {self.sign}" if self.sign else self.symptom


def rows(entry: TriageEntry, family: str | None = None) -> list[Row]:
    """The rows of one symptom, most urgent first: each question, each family that raises the
    level, then every other case.

    With ``family``, the table is that family's: levels are raised for it and no family row is shown.
    """
    found: list[Row] = []
    for index, question in enumerate(entry.questions):
        if question.yes is None:
            continue
        level = entry.decide((False,) * index + (True,), family or "")
        found.append(Row(entry, f"q{index}", french_spacing(question.sign), level or question.yes.level, sources_for(entry, question.yes.sources, level, family)))
    if family is None:
        for name, item in entry.families:
            if entry.otherwise is not None and level_rank(item.level) > level_rank(entry.otherwise.level):
                found.append(Row(entry, f"f-{name}", FAMILY_CONTEXT.get(name, name), item.level, item.sources))
    if entry.otherwise is not None:
        level = entry.decide((False,) * len(entry.questions), family or "")
        sign = "dans les autres cas" if found else ""
        found.append(Row(entry, "autres", sign, level or entry.otherwise.level, sources_for(entry, entry.otherwise.sources, level, family)))
    found.sort(key=lambda row: -level_rank(row.level))  # stable: questions keep their order
    return found


def sources_for(entry: TriageEntry, own: tuple[str, ...], level: str | None, family: str | None) -> tuple[str, ...]:
    """A row's sources: its own, or the family's when the family raised its level."""
    if family:
        for name, item in entry.families:
            if name == family and item.level == level:
                return item.sources
    return own


SEVERE_FORMS = french_spacing("Et les formes graves des autres signes : le tableau « Quand appeler ? » les décrit.")


def card_level(entry: TriageEntry) -> str | None:
    """The level a symptom has on the card, where nobody answers its questions.

    The questions that lead to the 15 are answered « non » (their severe forms are in the table the
    card points to); every other question stays unanswered and the family unknown, so the higher
    level applies, as everywhere else in the table.
    """
    answers = tuple(False if question.yes is not None and question.yes.level == "samu" else None for question in entry.questions)
    return entry.decide(answers, None)


def card_groups(entries: list[TriageEntry]) -> dict[str, list[str]]:
    """The symptoms' names by :func:`card_level`, in the table's order."""
    groups: dict[str, list[str]] = {}
    for entry in entries:
        level = card_level(entry)
        if level is not None:
            groups.setdefault(level, []).append(french_spacing(entry.symptom or entry.slug))
    return groups


def has_severe_forms(entries: list[TriageEntry]) -> bool:
    """Whether some symptom reaches the 15 only in a severe form (a « oui » to a question)."""
    return any(question.yes is not None and question.yes.level == "samu" and card_level(entry) != "samu" for entry in entries for question in entry.questions)


MORE_SIGNS = french_spacing("Pour les autres signes, voyez « Quand appeler ? ».")


def action_line(entries: list[TriageEntry]) -> str:
    """The line a glossary tooltip ends with, for the symptoms that name its entry.

    Always the most urgent row's sign and action, first. One symptom adds its next level (at most
    two clauses): « Fièvre, avec du mal à respirer : appelez le 15 (ou le 112) ; 38 °C ou plus :
    appelez votre équipe tout de suite, de jour comme de nuit. » Several symptoms keep the tooltip
    short: the most urgent row of all, then where the others are.
    """
    every = [row for entry in entries for row in rows(entry)]
    if not every:
        return ""
    top = max(every, key=lambda row: level_rank(row.level))  # the first of the most urgent rows
    clauses = [f"{top.text} : {level_phrase(top.level)}"]
    if len(entries) == 1:
        lower = next((row for row in every if level_rank(row.level) < level_rank(top.level)), None)
        if lower is not None:
            clauses.append(f"{lower.sign or lower.symptom} : {level_phrase(lower.level)}")
        return french_spacing(" ; ".join(clauses) + ".")
    return french_spacing(f"{clauses[0]}. {MORE_SIGNS}")
