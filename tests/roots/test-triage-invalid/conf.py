"""A triage table with one entry of each kind of TRIAGE001 problem (and one that is fine)."""

project = "Triage invalide"
language = "fr"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "termbase"]
exclude_patterns = ["_build", "glossary", "triage"]
bibtex_bibfiles = ["refs.bib"]
termbase_glossary_dir = "glossary"
termbase_triage_dir = "triage"
termbase_docscheck = True
html_theme = "basic"
