"""Figures next to citations, checked against the figures each source records (PAGE006)."""

project = "Chiffres"
language = "fr"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "termbase.glossary"]
exclude_patterns = ["_build", "glossary"]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["references.bib"]
termbase_glossary_dir = "glossary"
termbase_docscheck = True
