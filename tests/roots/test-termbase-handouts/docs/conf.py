"""A tiny guide with one opted-in page: the LaTeX settings of the real guide, in small."""

project = "Guide d’essai"
author = "L’équipe d’essai"
copyright = "2026, L’équipe d’essai"
release = "1.0"
today = "23 novembre 2026"
language = "fr"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "termbase"]
exclude_patterns = ["_build"]
nitpicky = True
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

bibtex_bibfiles = ["../references.bib"]
bibtex_default_style = "plain"
bibtex_reference_style = "author_year"

termbase_glossary_dir = "../glossary"
termbase_site_url = "https://guide.example.org/"
termbase_docscheck = False

latex_engine = "xelatex"
latex_use_xindy = True
latex_documents = [("index", "guide.tex", "Guide d’essai", author, "manual")]
latex_elements = {
    "papersize": "a4paper",
    "pointsize": "11pt",
    "babel": r"\usepackage[french]{babel}",
    "fontpkg": "\\setmainfont{TeX Gyre Pagella}\n\\setsansfont{TeX Gyre Heros}\n\\setmonofont{FreeMono}\n",
    "fncychap": r"\usepackage[Sonny]{fncychap}",
    "sphinxsetup": "hmargin={2.2cm,2.2cm}, vmargin={2.4cm,2.4cm}",
    "preamble": r"""
\renewenvironment{sphinxthebibliography}[1]
  {\begingroup\renewcommand{\chapter}[2]{}\begin{thebibliography}{#1}}
  {\end{thebibliography}\endgroup}
""",
}
