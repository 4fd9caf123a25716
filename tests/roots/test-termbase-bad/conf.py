"""A project whose glossary holds broken entries and whose page uses an unknown term."""

project = "Bad"
language = "fr"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "termbase.glossary"]
exclude_patterns = ["_build", "glossary"]
bibtex_bibfiles = ["refs.bib"]
termbase_glossary_dir = "glossary"
termbase_docscheck = False
