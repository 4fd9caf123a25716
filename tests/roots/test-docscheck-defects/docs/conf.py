project = "Défauts"
extensions = ["myst_parser", "sphinxcontrib.bibtex"]
bibtex_bibfiles = ["../references.bib"]
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
language = "fr"
