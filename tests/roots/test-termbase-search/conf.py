"""Search that knows the glossary, on a tiny site: three entries, two synonyms, three pages."""

extensions = ["myst_parser", "sphinxcontrib.bibtex", "termbase"]
language = "fr"
exclude_patterns = ["_build", "glossary"]
bibtex_bibfiles = ["refs.bib"]
termbase_glossary_dir = "glossary"
termbase_docscheck = False
termbase_search_synonyms = "glossary/synonymes.yaml"
