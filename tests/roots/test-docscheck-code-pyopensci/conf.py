project = "Python packaging guide (fixture)"
extensions = ["myst_parser", "sphinxcontrib.bibtex"]
bibtex_bibfiles = ["bibliography.bib"]
exclude_patterns = ["_build"]
