"""A small guide with a valid triage table: three symptoms, the table, the card and the guide."""

project = "Triage"
language = "fr"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "termbase"]
exclude_patterns = ["_build", "glossary", "triage"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "plain_fr"
bibtex_reference_style = "author_year_fr"
termbase_glossary_dir = "glossary"
termbase_triage_dir = "triage"
termbase_docscheck = True
html_theme = "basic"
