"""``triage-guide``: the interactive « Quand appeler ? » page, built on the complete table.

Without JavaScript (and in the PDF, the handouts and on paper) the reader gets the complete table:
every symptom, every answer path, every family difference, the fixed lines and « Numéro de mon
équipe : ____ », printable as one A4 sheet to keep by the phone (``static/triage.css``: on paper
the page prints only its title and this table, whose rows show the level's word, explained once
by a legend, and no sources, which the sheet says are on the page).

With JavaScript (``static/triage-guide.js``, no library, no request), an HTML-only block above it
lets the reader pick a symptom from a list or a search box that knows the patients' words, answer
at most three yes/no questions and, when it can change the answer, say which treatment they
receive; then one action is shown in large type with the team-number blank, the sources of the
row that decided it (copied from the table) and « En cas de doute, appelez ».

The script knows no French and no medicine: everything it shows comes from the JSON this
directive writes (the table's records, the wording of :mod:`.wording`, the interface strings
below), so the page, the table and the script cannot disagree.

State lives in the URL hash, so a link can be shared and the back button works::

    #<symptom>[/<answer>…][/<family>]

``<symptom>`` is the file's slug, each ``<answer>`` is ``oui``, ``non`` or ``nsp`` (« je ne sais
pas », which counts as « oui »), in question order; the last segment, when it is not an answer,
is the treatment family (``seule``, ``chimiotherapie``, ``car-t``, ``bispecifique``, ``til``, or
``inconnu`` for « je ne sais pas », which counts as the family with the highest level). The
family is asked only when it can raise the level reached: ``#fievre/non/non/car-t``.
"""

from __future__ import annotations

import json
from typing import Any

from docscheck.records import TRIAGE_FAMILIES, TRIAGE_LEVELS, TriageEntry
from docutils import nodes

from termbase.french.typography import french_spacing
from termbase.plain_text import markdown_to_plain

from . import wording
from .directives import TriageDirective, legend, level_node

#: The interface strings of the script (it holds none of its own).
UI: dict[str, str] = {
    "title": "Trouver quoi faire",
    "search_label": "Que ressentez-vous ?",
    "search_hint": "Par exemple : j’ai de la fièvre, diarrhée, je vois flou.",
    "list_label": "Choisissez un signe",
    "count_one": "1 signe correspond.",
    "count_many": "{n} signes correspondent.",
    "count_none": "Aucun signe ne correspond. Essayez un autre mot, ou choisissez dans la liste complète.",
    "show_all": "Voir tous les signes",
    "question_of": "Question {i} sur {n}",
    "yes": "Oui",
    "no": "Non",
    "unsure": "Je ne sais pas",
    "family_ask": "Quel traitement recevez-vous ?",
    "family_unknown": "Je ne sais pas",
    "result_title": "Que faire",
    "team": wording.TEAM_NUMBER,
    "sources": wording.SOURCES,
    "other": wording.OTHER_INSTRUCTIONS,
    "doubt": wording.WHEN_IN_DOUBT,
    "restart": "Choisir un autre signe",
    "back": "Revenir à la question précédente",
    "your_answers": "Vos réponses",
}


def entry_data(entry: TriageEntry) -> dict[str, Any]:
    """What the script needs of one symptom (levels as codes, texts with French spacing)."""
    return {
        "slug": entry.slug,
        "symptom": french_spacing(entry.symptom or entry.slug),
        "why": french_spacing(" ".join(markdown_to_plain(entry.body).split())),
        "words": [french_spacing(word) for word in entry.names],
        "questions": [
            {"ask": french_spacing(q.ask), "sign": french_spacing(q.sign), "level": q.yes.level}
            for q in entry.questions
            if q.yes is not None
        ],
        "otherwise": entry.otherwise.level if entry.otherwise is not None else None,
        "families": {name: level.level for name, level in entry.families},
    }


def guide_data(entries: list[TriageEntry]) -> dict[str, Any]:
    return {
        "levels": {code: {"label": wording.level_label(code), "tag": wording.LEVEL_TAGS[code]} for code in reversed(TRIAGE_LEVELS)},
        "families": {code: wording.family_label(code) for code in TRIAGE_FAMILIES},
        "ui": {key: french_spacing(text) for key, text in UI.items()},
        "entries": [entry_data(entry) for entry in entries],
    }


def script_json(data: dict[str, Any]) -> str:
    """JSON safe inside ``<script>`` (no ``</`` can close it)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


class TriageGuide(TriageDirective):
    """``triage-guide``: the interactive page (HTML with JavaScript) above the complete table."""

    def run(self) -> list[nodes.Node]:
        entries = self.entries()
        guide = nodes.container(classes=["triage-guide"])
        if not entries:
            return [guide]
        app = (
            '<div class="triage-app" data-triage-app hidden></div>'
            f'<script type="application/json" class="triage-data">{script_json(guide_data(entries))}</script>'
        )
        guide += nodes.raw("", app, format="html")
        fiche = nodes.container(classes=["triage-fiche"])
        title = "Tout le tableau"
        fiche += nodes.rubric(title, title, heading_level=2, classes=["triage-fiche-title"])
        fiche += nodes.paragraph(wording.FICHE_HINT, wording.FICHE_HINT, classes=["triage-fiche-hint"])
        fiche += nodes.paragraph(wording.TEAM_NUMBER, wording.TEAM_NUMBER, classes=["triage-team"])
        fiche += legend()
        fiche += self.table(entries)
        fiche += self.all_sources(entries)
        fiche.extend(self.fixed_lines())
        fiche += nodes.paragraph(wording.PRINTED_SOURCES, wording.PRINTED_SOURCES, classes=["triage-print-only"])
        guide += fiche
        return [guide]


def setup(app: Any) -> None:
    app.add_directive("triage-guide", TriageGuide)
