"""Deterministic synthetic Immunoguide-like corpus for benchmarks (seeded, no network).

Scale 1 ≈ 12 pages, 60 terms, 35 bibliography entries; scale N multiplies each, the pages in
sections of 12 under toctree captions (as the real site groups its pages). The project
has docs/*.md with front matter, {term} and {cite:p} roles, glossary/*.md entries,
references.bib and docs/conf.py; set IMMUNOGUIDE_BENCH_TERMBASE=1 to build with termbase.

The "site" variant builds the pages with the real site's own configuration instead of a minimal
one: ``docs/conf.py`` (pydata-sphinx-theme, sidebar templates, termbase), ``_templates``,
``_static``, ``locale`` and the ``[tool.docscheck]`` settings of ``pyproject.toml``.

The "stock" variant holds the same terms, forms and definitions in a stock MyST ``{glossary}``
block instead (no glossary/ folder): it is the fair baseline for termbase's overhead, since every
``{term}`` resolves in both variants.

    python benchmarks/corpus.py OUTDIR [--scale N] [--stock | --site]
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
#: What the "site" variant copies from the real site, besides the pages (conf.py and its folders).
SITE_FILES = ("conf.py", "_templates", "_static", "locale")

PAGES, TERMS, BIB = 12, 60, 35
SYLLABLES = ["ca", "lo", "mi", "té", "ra", "pu", "no", "si", "vé", "dé", "lu", "cho", "gra", "fi"]
FILLER = "Le traitement agit sur le corps. Les médecins suivent chaque patient avec soin. Les résultats varient selon les personnes."

CONF = '''import os
project = "Bench"
language = "fr"
extensions = ["myst_parser", "sphinxcontrib.bibtex"]
if os.environ.get("IMMUNOGUIDE_BENCH_TERMBASE", "0") == "1":
    extensions.append("termbase")
    termbase_glossary_dir = "../glossary"
bibtex_bibfiles = ["../references.bib"]
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
suppress_warnings = ["docscheck"]
'''


def word(rng: random.Random, index: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)) + f"{index:05d}x"


def copy_site_configuration(out: Path, site: Path = REPO) -> None:
    """Give the project at ``out`` the site configuration of ``site``: conf.py, templates, static
    files, catalogs and docscheck settings (replacing its own), keeping its content.

    Files the configuration names next to the entries (search synonyms) are created empty when the
    project has none: the real ones name real glossary terms.
    """
    for name in SITE_FILES:
        source, target = site / "docs" / name, out / "docs" / name
        if target.is_dir():
            shutil.rmtree(target)
        if source.is_dir():
            shutil.copytree(source, target)
        elif source.is_file():
            shutil.copy2(source, target)
    shutil.copy2(site / "pyproject.toml", out / "pyproject.toml")
    for extra in (site / "glossary").glob("*.yaml"):
        if not (out / "glossary" / extra.name).exists():
            (out / "glossary").mkdir(exist_ok=True)
            (out / "glossary" / extra.name).write_text("", encoding="utf-8")


def edited_page(scale: int) -> str:
    """The page the edit-loop benchmark edits: one in the middle of the guide."""
    return f"docs/page{PAGES * scale // 2:05d}.md"


def generate(out: Path, scale: int = 1, seed: int = 2026, stock: bool = False, site: bool = False) -> dict[str, int]:
    """Write the corpus under ``out`` (created) and return its counts."""
    rng = random.Random(seed)
    pages, terms, bib = PAGES * scale, TERMS * scale, BIB * scale
    (out / "docs").mkdir(parents=True, exist_ok=True)
    if site:
        copy_site_configuration(out)
    else:
        (out / "docs" / "conf.py").write_text(CONF, encoding="utf-8")
        (out / "pyproject.toml").write_text("[tool.docscheck]\nreview = true\n", encoding="utf-8")
    names = [word(rng, i) for i in range(terms)]
    keys = [f"auteur{i:05d}" for i in range(bib)]
    if stock:
        blocks = [f"{name}\n{name}s\n   Définition courte du terme {name} {{cite:p}}`{keys[i % bib]}`.\n" for i, name in enumerate(names)]
        glossary_page = "# Glossaire\n\n```{glossary}\n" + "\n".join(blocks) + "```\n"
    else:
        (out / "glossary").mkdir(exist_ok=True)
        for i, name in enumerate(names):
            (out / "glossary" / f"{name}.md").write_text(
                f"---\nterm: {name}\nforms: [{name}s]\nsources: [{keys[i % bib]}]\n---\nDéfinition courte du terme {name}.\n", encoding="utf-8"
            )
        glossary_page = "# Glossaire\n\n```{termbase-glossary}\n```\n"
    with (out / "references.bib").open("w", encoding="utf-8") as bibfile:
        for i, key in enumerate(keys):
            # Recent, typed sources, so the site's own docscheck settings (review, evidence) find nothing.
            bibfile.write(
                f"@article{{{key},\n  author = {{Auteur, A{i}}},\n  title = {{Titre {i}}},\n  journal = {{Revue}},\n"
                f"  year = {{{2020 + i % 7}}},\n  evidence = {{revue}}\n}}\n\n"
            )
    # Sections of PAGES pages under toctree captions, then the resources, as the real site's index.md.
    toctrees = [
        f"```{{toctree}}\n:caption: Partie {first // PAGES + 1}\n\n" + "\n".join(f"page{p:05d}" for p in range(first, min(first + PAGES, pages))) + "\n```\n"
        for first in range(0, pages, PAGES)
    ]
    toctrees.append("```{toctree}\n:caption: Ressources\n\nglossaire\nbibliographie\n```\n")
    (out / "docs" / "index.md").write_text("# Bench\n\n" + "\n".join(toctrees), encoding="utf-8")
    (out / "docs" / "glossaire.md").write_text(glossary_page, encoding="utf-8")
    (out / "docs" / "bibliographie.md").write_text("# Bibliographie\n\n```{bibliography}\n```\n", encoding="utf-8")
    per_page = max(1, terms // pages)
    for p in range(pages):
        body = [f"---\nlast_reviewed: 2097-01-01\nnext_review: 2099-01-01\n---\n# Page {p}\n"]
        for t in range(per_page):
            name = names[(p * per_page + t) % terms]
            key = keys[(p * per_page + t) % bib]
            body.append(f"Le {{term}}`{name}` est expliqué ici {{cite:p}}`{key}`. {FILLER}\n")
        body.append("```{note}\n" + FILLER + "\n```\n")
        (out / "docs" / f"page{p:05d}.md").write_text("\n".join(body), encoding="utf-8")
    return {"pages": pages + 3, "terms": terms, "bib_entries": bib}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=int, default=1)
    variant = parser.add_mutually_exclusive_group()
    variant.add_argument("--stock", action="store_true", help="stock {glossary} block instead of glossary/ entries")
    variant.add_argument("--site", action="store_true", help="the real site's conf.py, theme and templates")
    args = parser.parse_args(argv)
    print(generate(args.out, args.scale, stock=args.stock, site=args.site))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
