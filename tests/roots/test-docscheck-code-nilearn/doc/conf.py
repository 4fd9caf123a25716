import sys
from pathlib import Path

# the package is documented from the parent directory, as nilearn does
sys.path.insert(0, str(Path("..").absolute()))

project = "fakenilearn"
extensions = ["sphinx.ext.autodoc", "sphinx.ext.autosummary", "sphinxcontrib.bibtex"]
autosummary_generate = True
bibtex_bibfiles = ["./references.bib", "./soft_references.bib"]
bibtex_reference_style = "author_year"
exclude_patterns = ["_build"]
