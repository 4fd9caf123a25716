"""Citations in the guide's French styles: two « Robert et al., 2015 », an authorless article, {cite:t}."""

project = "Bibliographie d’essai"
language = "fr"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "termbase.citations.bibstyle"]
exclude_patterns = ["_build"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "plain_fr"
bibtex_reference_style = "author_year_fr"
bibtex_tooltips_style = "plain_fr_reference"
