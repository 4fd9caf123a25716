"""A small MyST project with structured glossary entries (termbase.glossary only)."""

project = "Forms"
language = "fr"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "termbase.glossary"]
exclude_patterns = ["_build", "glossary"]
myst_enable_extensions = ["colon_fence", "deflist"]
bibtex_bibfiles = ["refs.bib"]
bibtex_reference_style = "author_year"
termbase_glossary_dir = "glossary"
termbase_docscheck = False
latex_documents = [("index", "forms.tex", "Forms", "Auteur", "manual")]
