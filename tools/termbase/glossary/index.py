"""The general index (genindex) in French order.

Sphinx sorts index entries by code point after NFD and lower-casing, so *éruption* follows
*essai* and *œdème* gets a letter group "Œ" of its own after *Z*. The entries themselves are fine;
only their order and grouping are redone here, in the page context, with the UCA key of
:mod:`termbase.french.collation`. (The PDF's index is sorted by xindy.)
"""

from __future__ import annotations

from typing import Any

from termbase.french.collation import french_sort_key, initial_letter

Entry = tuple[str, tuple[Any, list[tuple[str, Any]], Any]]


def french_genindex(genindex: list[tuple[str, list[Entry]]]) -> list[tuple[str, list[Entry]]]:
    """Regroup and re-sort Sphinx's ``genindexentries`` by French first letter and collation."""
    symbols_label = next((key for key, entries in genindex if entries and initial_letter(entries[0][0]) == "#"), "Symboles")
    groups: dict[str, list[Entry]] = {}
    for _key, entries in genindex:
        for name, (targets, sub_items, category_key) in entries:
            letter = category_key or initial_letter(name)
            subs = sorted(sub_items, key=lambda pair: french_sort_key(pair[0]))
            groups.setdefault(letter, []).append((name, (targets, subs, category_key)))
    ordered = sorted(groups, key=lambda letter: (letter != "#", french_sort_key(letter)))
    return [
        (symbols_label if letter == "#" else letter, sorted(groups[letter], key=lambda entry: french_sort_key(entry[0])))
        for letter in ordered
    ]


def index_counts(genindex: list[tuple[str, list[Entry]]]) -> list[int]:
    """Lines per letter, as Sphinx computes them to balance the index columns."""
    return [sum(1 + len(subs) for _name, (_targets, subs, _key) in entries) for _letter, entries in genindex]


def on_html_page_context(app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if "genindexentries" not in context or context.get("split_index"):
        return
    context["genindexentries"] = french_genindex(context["genindexentries"])
    context["genindexcounts"] = index_counts(context["genindexentries"])


def setup(app: Any) -> None:
    app.connect("html-page-context", on_html_page_context)
