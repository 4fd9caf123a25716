import os
import sys

sys.path.insert(0, os.path.abspath("../src"))
sys.path.insert(0, os.path.abspath("."))

import _authors_from_cff

# writes about/_authors.rst at build time, as PlasmaPy's conf.py does
_authors_from_cff.write_authors()

project = "fakeplasma"
extensions = ["sphinx.ext.autodoc", "sphinx.ext.intersphinx", "sphinxcontrib.bibtex"]
bibtex_bibfiles = ["bibliography.bib"]
bibtex_default_style = "plain"
exclude_patterns = ["_build", "about/_authors.rst"]

# offline: the Python inventory is a file of the project; the Sphinx one is not here
intersphinx_mapping = {
    "python": ("https://docs.python.org/3/", "_inventories/python-objects.inv"),
    "sphinx": ("https://www.sphinx-doc.org/en/master/", "_inventories/sphinx-objects.inv"),
}
