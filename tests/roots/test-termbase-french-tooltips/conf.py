"""Term tooltips on a tiny glossary: two entries, one with a ``short`` field, one without."""

extensions = ["myst_parser", "sphinxcontrib.bibtex", "termbase"]
language = "fr"
exclude_patterns = ["_build", "glossary"]
bibtex_bibfiles = ["refs.bib"]
termbase_glossary_dir = "glossary"
termbase_docscheck = False
