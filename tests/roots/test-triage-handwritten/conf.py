"""Pages and glossary entries that write a level by hand next to a symptom (TRIAGE002), and one that may."""

project = "Triage à la main"
language = "fr"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "termbase"]
exclude_patterns = ["_build", "glossary", "triage"]
bibtex_bibfiles = ["refs.bib"]
termbase_glossary_dir = "glossary"
termbase_triage_dir = "triage"
termbase_docscheck = True
html_theme = "basic"
