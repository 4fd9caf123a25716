project = "Layout source/"
extensions = ["sphinxcontrib.bibtex"]
bibtex_bibfiles = ["../references.bib"]
exclude_patterns = ["_build"]
