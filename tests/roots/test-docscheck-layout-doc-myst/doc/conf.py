project = "Layout doc/ MyST"
extensions = ["myst_parser", "sphinxcontrib.bibtex"]
myst_enable_extensions = ["deflist", "attrs_block", "colon_fence"]
bibtex_bibfiles = ["../refs/library.bib"]
exclude_patterns = ["_build", "_parts"]
