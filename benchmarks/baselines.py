"""Baselines for termbase's overhead on the real site: the same site without termbase.

- "stock glossary" (the fair baseline): ``glossaire.md`` holds a stock MyST ``{glossary}`` block
  with the same 90 entries (term, aliases and forms as term lines; definition, English
  equivalent, category, see-also and sources as the definition), so every ``{term}`` in the pages
  resolves, the sources are cited and the glossary page has the same content to render.
- "no glossary": ``glossaire.md`` keeps termbase's directive, which nothing renders (the page is
  empty and terms do not resolve): an upper bound of the overhead, reported for comparison.

Both build with the site's conf.py, theme and templates, ``extensions`` overridden with ``-D``
and pybtex's stock styles (the French ones are termbase's).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from docscheck.project import load_glossary

STOCK_OPTIONS = (
    "-D", "extensions=myst_parser,sphinx_design,sphinxcontrib.bibtex",
    "-D", "bibtex_default_style=plain",
    "-D", "bibtex_reference_style=author_year",
    "-D", "bibtex_tooltips_style=",
)  # fmt: skip
NBSP = "\u00a0"


def glossary_item(entry, terms_by_slug: dict[str, str]) -> str:
    """One item of a ``{glossary}`` block: its names, then the indented definition."""
    names = list(dict.fromkeys(entry.names))
    parts = [entry.body.strip()]
    meta = []
    if entry.en:
        meta.append(f"**Anglais**{NBSP}: {entry.en}")
    if entry.category:
        meta.append(f"**Catégorie**{NBSP}: {entry.category}")
    if meta:
        parts.append(" · ".join(meta))
    see_also = [terms_by_slug.get(value, value) for value in entry.see_also]
    if see_also:
        parts.append(f"**Voir aussi**{NBSP}: " + ", ".join(f"{{term}}`{term}`" for term in see_also))
    if entry.sources:
        parts.append(f"**Sources**{NBSP}: {{cite:p}}`{','.join(entry.sources)}`")
    definition = textwrap.indent("\n\n".join(parts), "   ")
    return "\n".join(names) + "\n" + definition + "\n"


def write_stock_glossary(root: Path) -> int:
    """Replace ``root/docs/glossaire.md`` by a stock glossary of ``root/glossary``; entry count."""
    entries, _findings = load_glossary(root)
    entries.sort(key=lambda entry: entry.term.casefold())
    terms_by_slug = {entry.slug: entry.term for entry in entries}
    items = "\n".join(glossary_item(entry, terms_by_slug) for entry in entries)
    page = root / "docs" / "glossaire.md"
    head = page.read_text(encoding="utf-8").split("```{termbase-glossary}")[0]
    page.write_text(head + "````{glossary}\n" + items + "````\n", encoding="utf-8")
    return len(entries)
