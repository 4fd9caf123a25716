"""The general index (genindex) in French order.

Sphinx sorts index entries by code point after NFD and lower-casing, so *éruption* follows
*essai* and *œdème* gets a letter group "Œ" of its own after *Z*. The entries themselves are fine;
only their order and grouping are redone here, in the page context, with the UCA key of
:mod:`termbase.french.collation`.

The PDF's index is sorted by xindy (``-L french``), which already orders accents the French way
but reads *anti-CTLA-4* as ``anti\\sphinxhyphen {}CTLA…``, a backslash that files every *anti-…*
before *anticorps*. :data:`XINDY_RULES`, appended to the ``sphinx.xdy`` of LaTeX builds, drops the
hyphen from xindy's key, so the PDF index follows the same order as the glossary.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from termbase.build_cache import BuildCache, fingerprint
from termbase.french.collation import french_sort_key, initial_letter

Entry = tuple[str, tuple[Any, list[tuple[str, Any]], Any]]


def french_genindex(genindex: list[tuple[str, list[Entry]]], sort_key: Callable[[str], Any] = french_sort_key) -> list[tuple[str, list[Entry]]]:
    """Regroup and re-sort Sphinx's ``genindexentries`` by French first letter and collation
    (``sort_key``: :func:`~termbase.french.collation.french_sort_key`, or a cache of it)."""
    symbols_label = next((key for key, entries in genindex if entries and initial_letter(entries[0][0]) == "#"), "Symboles")
    groups: dict[str, list[Entry]] = {}
    for _key, entries in genindex:
        for name, (targets, sub_items, category_key) in entries:
            letter = category_key or initial_letter(name)
            subs = sorted(sub_items, key=lambda pair: sort_key(pair[0]))
            groups.setdefault(letter, []).append((name, (targets, subs, category_key)))
    ordered = sorted(groups, key=lambda letter: (letter != "#", sort_key(letter)))
    return [
        (symbols_label if letter == "#" else letter, sorted(groups[letter], key=lambda entry: sort_key(entry[0])))
        for letter in ordered
    ]


def index_counts(genindex: list[tuple[str, list[Entry]]]) -> list[int]:
    """Lines per letter, as Sphinx computes them to balance the index columns."""
    return [sum(1 + len(subs) for _name, (_targets, subs, _key) in entries) for _letter, entries in genindex]


def on_html_page_context(app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if "genindexentries" not in context or context.get("split_index"):
        return
    # The index is written at every build: its sort keys are kept, so the collation table is not read.
    cache = BuildCache(app, "sort-keys", fingerprint(("termbase", "pyuca")))
    context["genindexentries"] = french_genindex(context["genindexentries"], lambda text: cache.get(text, lambda: french_sort_key(text)))
    cache.save()
    context["genindexcounts"] = index_counts(context["genindexentries"])


#: xindy rules: hyphens do not count when sorting (merge rules: they also define which entries
#: merge, so « PD-1 » and « PD1 » would become one entry; the glossary has one spelling of each
#: term), and neither do spaces (a sort rule), as in the glossary page's collation: « médecine
#: personnalisée » comes before « médecin traitant », letter by letter.
XINDY_RULES = """
;; termbase: hyphens and spaces are ignored when sorting, as in termbase.french.collation
(merge-rule "\\sphinxhyphen {}" "" :string)
(merge-rule "\\sphinxhyphen{}" "" :string)
(sort-rule " " "" :string)
"""


def on_build_finished(app: Any, exception: BaseException | None) -> None:
    """Add :data:`XINDY_RULES` to the ``sphinx.xdy`` that Sphinx copied into a LaTeX output."""
    if exception is not None or app.builder.format != "latex" or not app.config.latex_use_xindy:
        return
    xdy = Path(app.outdir) / "sphinx.xdy"
    if xdy.is_file():
        text = xdy.read_text(encoding="utf-8")
        if XINDY_RULES not in text:
            xdy.write_text(text + XINDY_RULES, encoding="utf-8")


def setup(app: Any) -> None:
    app.connect("html-page-context", on_html_page_context)
    app.connect("build-finished", on_build_finished)
