"""Sphinx configuration for Immunoguide (settings only; behaviour lives in tools/termbase)."""

# -- Project ---------------------------------------------------------------------------------------
project = "Immunoguide"
author = "L’équipe éditoriale d’Immunoguide"
copyright = "2026, L’équipe éditoriale d’Immunoguide — contenu sous licence CC BY-SA 4.0"
release = "2026.11"
version = release
# Date of the last editorial review of the whole guide, shown on the PDF title page and in footers.
today = "23 novembre 2026"
language = "fr"

# -- General ---------------------------------------------------------------------------------------
extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinxcontrib.bibtex",
    "termbase",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "README.md", "locale"]
templates_path = ["_templates"]
locale_dirs = ["locale/"]
gettext_compact = "theme"
nitpicky = True
smartquotes = True

# -- MyST ------------------------------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist", "attrs_inline", "attrs_block"]
myst_heading_anchors = 3

# -- Bibliography (sphinxcontrib-bibtex) -----------------------------------------------------------
bibtex_bibfiles = ["../references.bib"]
# French variants registered by termbase.citations.bibstyle: « Hodi et al. », « Everson et Cole »,
# « Robert et al., 2015a », ten names then « et al. », English titles marked lang="en", evidence type.
bibtex_default_style = "plain_fr"
bibtex_reference_style = "author_year_fr"
# Citation cards show the evidence type on their own line: their reference leaves it out.
bibtex_tooltips_style = "plain_fr_reference"

# -- Glossary (termbase) ---------------------------------------------------------------------------
termbase_glossary_dir = "../glossary"
# How the glossary page shows each category of glossary/README.md (entries keep the ASCII value).
termbase_category_labels = {
    "immunologie": "Immunologie",
    "maladie": "Maladie",
    "biologie": "Biologie",
    "traitement": "Traitements",
    "examens": "Examens",
    "essais-et-resultats": "Essais et résultats",
    "effets-indesirables": "Effets indésirables",
}
# Words readers search for that are not glossary names (brand names, everyday words): one file.
termbase_search_synonyms = "../glossary/search-synonyms.yaml"
# Handouts list three authors, then « et al. », to stay within a few pages.
termbase_handouts_bibtex_style = "plain_fr_compact"
# termbase_site_url (the published address, printed on handouts) is left unset until the guide has
# a real address: a sheet prints no address rather than an invented one.
# Where readers report an error (a form, an issue tracker or a mailto: address): shown on every page,
# on the handouts and the guide PDF when set; nothing is shown while it is empty.
termbase_report_error_url = ""

# -- HTML ------------------------------------------------------------------------------------------
html_theme = "pydata_sphinx_theme"
html_title = "Immunoguide"
html_static_path = ["_static"]
html_css_files = ["immunoguide.css"]
html_js_files = ["immunoguide.js"]
# Drawn for the guide (docs/_static/favicon.svg): browsers otherwise ask for /favicon.ico and get a 404.
html_favicon = "_static/favicon.svg"
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = None
html_theme_options = {
    "navbar_start": ["navbar-logo"],
    # Navigation lives in the left sidebar (guide-nav.html); the top bar keeps the title, search and theme.
    "navbar_center": [],
    "navbar_end": ["theme-switcher"],
    # Never empty: rendering them a second time only to check (the theme's default) doubles the sidebar's cost.
    "templates_skip_empty_check": ["guide-nav.html", "sidebar-nav-bs.html", "navbar-nav.html"],
    "navbar_persistent": ["search-button"],
    "footer_start": ["disclaimer", "report-error"],
    "footer_center": [],
    "footer_end": ["copyright"],
    "secondary_sidebar_items": ["page-toc"],
    "show_prev_next": True,
    "navigation_with_keys": False,
    "show_toc_level": 2,
    "pygments_light_style": "default",
    "pygments_dark_style": "github-dark",
}
html_sidebars = {"**": ["guide-nav"]}

# -- LaTeX / PDF -----------------------------------------------------------------------------------
latex_engine = "xelatex"
latex_use_xindy = True
latex_documents = [
    ("index", "immunoguide.tex", "Immunoguide", "L’équipe éditoriale d’Immunoguide", "manual"),
]
latex_show_urls = "no"
latex_show_pagerefs = False
latex_elements = {
    # Document metadata (pdfinfo Title/Author, /Lang for screen readers) from \title and \author,
    # so each handout carries its own page title.
    "passoptionstopackages": r"\PassOptionsToPackage{pdfusetitle,pdflang=fr}{hyperref}",
    "papersize": "a4paper",
    "pointsize": "11pt",
    # Printed at home or at the hospital, usually one-sided: no blank pages before chapters.
    "extraclassoptions": "openany,oneside",
    # French spacing comes from the text itself (authors type U+202F/U+00A0, termbase fixes titles);
    # babel's automatic spaces would also hit "372(4):320" and "doi:10.1056" in the bibliography.
    # English is loaded too (French stays the main language, last): the bibliography's English titles,
    # marked language-en by termbase.citations.bibstyle, are hyphenated as English.
    "babel": r"\usepackage[english,main=french]{babel}\frenchsetup{AutoSpacePunctuation=false}",
    "fontpkg": r"""
\setmainfont{TeX Gyre Pagella}
\setsansfont{TeX Gyre Heros}
\setmonofont{FreeMono}
""",
    "fncychap": r"\usepackage[Sonny]{fncychap}",
    "sphinxsetup": "hmargin={2.2cm,2.2cm}, vmargin={2.4cm,2.4cm}, TitleColor={rgb}{0.05,0.27,0.45}",
    # Sphinx moves the citation list to the end of the document, right after the "Bibliographie"
    # chapter of bibliographie.md (the last page of the toctree): drop the unnumbered chapter (and
    # its table-of-contents line) that thebibliography would add, so the chapter appears once.
    "preamble": r"""
\setlength{\headheight}{14pt}
% Chapters (one per page of the guide) are numbered; sections are not (« 15.1 A » in the glossary, « 5.2.1 » in
% a patient guide help nobody).
\setcounter{secnumdepth}{0}
% Figures are numbered through the guide (Figure 1 to 6), not within each chapter (six « Figure 1 »).
% (Handouts are « howto » documents, without chapters.)
\ifcsname c@chapter\endcsname\counterwithout{figure}{chapter}\fi
% TeX Gyre Heros (headings) has no narrow no-break space (U+202F): typeset it as a thin unbreakable space.
\usepackage{newunicodechar}
\newunicodechar{^^^^202f}{\nobreak\hspace{0.16667em}}
% Citations inside figure captions: \hyperlink must survive the caption's moving argument.
\robustify{\hyperlink}
% Sphinx names the table of contents after the first toctree caption (« Comprendre »); keep the usual title.
\addto\captionsfrench{\renewcommand{\contentsname}{Table des matières}}
% English passages (bibliography titles, class language-en) are hyphenated as English.
\expandafter\newcommand\csname DUrolelanguage-en\endcsname[1]{\foreignlanguage{english}{#1}}
% sphinx-design card titles (the faces of the patient card) on a line of their own, as headings.
\newenvironment{sphinxclasssd-card-title}{\par\medskip\sffamily\bfseries}{\par}
% The guide's tables have no caption, hence no number: a table running onto the next page says
% « suite de la page précédente », not « Tableau 1 – suite… » (every uncaptioned table would be « 1 »).
\protected\def\sphinxtablecontinued#1{\textsf{\small\def\tablename{}\def\thetable{}\def\textendash{}\ignorespaces#1}}
% Index entries are words of the guide, not code: the text font, not Sphinx's typewriter default.
\protected\def\sphinxstyleindexentry#1{#1}
\renewenvironment{sphinxthebibliography}[1]
  {\begingroup\renewcommand{\chapter}[2]{}\begin{thebibliography}{#1}}
  {\end{thebibliography}\endgroup}
""",
    "maketitle": r"""
\makeatletter
\begin{titlepage}
  \centering
  \vspace*{3cm}
  {\sffamily\Huge\bfseries \@title\par}
  \vspace{1.2em}
  {\Large Guide de l’immunothérapie des cancers\\ pour les patients et leurs proches\par}
  \vspace{2.5em}
  {\large Révision éditoriale du \@date\par}
  \vfill
  \begin{minipage}{0.82\textwidth}\small
    \textbf{Avertissement :} ce guide donne des informations générales. Il ne remplace pas l’avis de
    votre équipe soignante, qui connaît votre situation. En cas d’urgence, appelez le 15 ou le 112.
  \end{minipage}
  \termbasereporterror
  \par\vspace{1.5em}
  {\small \@author\par}
\end{titlepage}
\makeatother
""",
}

