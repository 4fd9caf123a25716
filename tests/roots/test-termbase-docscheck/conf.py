"""A project checked by docscheck during the Sphinx build (termbase_docscheck = True)."""

project = "Docscheck"
language = "fr"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "termbase.glossary"]
exclude_patterns = ["_build", "glossary"]
bibtex_bibfiles = ["refs.bib"]
termbase_glossary_dir = "glossary"
termbase_docscheck = True
