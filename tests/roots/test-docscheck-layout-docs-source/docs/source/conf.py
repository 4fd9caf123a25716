# A conf.py as projects write it: some settings are computed.
import os

project = "Layout docs/source"
extensions = ["sphinxcontrib.bibtex"]
bibtex_bibfiles = ["refs.bib"]
_drafts = [name for name in os.environ.get("LAYOUT_DRAFTS", "").split(",") if name]
exclude_patterns = ["_build", "_fragments"] + _drafts
