"""docscheck fix --link-terms on MyST pages with one-file-per-term entries (termbase.glossary)."""

project = "Fix"
language = "fr"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "termbase.glossary"]
exclude_patterns = ["_build", "glossary"]
myst_enable_extensions = ["colon_fence", "deflist"]
bibtex_bibfiles = ["refs.bib"]
termbase_glossary_dir = "glossary"
termbase_docscheck = False
