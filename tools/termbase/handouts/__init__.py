"""termbase.handouts: a short printable PDF « fiche » per topic page, and a print stylesheet.

Why a builder of its own rather than more ``latex_documents``: a sheet is not a page as written.
It needs back matter that depends on the build (the glossary terms that page uses, the references
it cites, its review dates) and its links must go, since the rest of the guide is not printed
with it. A small subclass of Sphinx's LaTeX builder (:mod:`termbase.handouts.builder`) does exactly
that while inheriting the whole toolchain of ``make pdf`` (xelatex, babel French, fonts, geometry,
bibliography style, latexmk Makefile), and it leaves ``latex_documents`` and ``make pdf`` alone.

The pipeline (``make handouts``)::

    sphinx-build -b handouts docs _build/handouts-latex -d _build/doctrees -n -W --keep-going
    make -C _build/handouts-latex all-pdf          # latexmk, one PDF per sheet
    cp _build/handouts-latex/<sheet>.pdf _build/handouts/   # for each <sheet>.tex (not figures)
    sphinx-build -M html docs _build -n -W --keep-going    # the site now links to the sheets

Why the HTML link can never be dead (:mod:`termbase.handouts.html_link`): an opted-in page gets its
« Version imprimable (PDF) » link only if its PDF exists in ``termbase_handouts_dir`` when the HTML
is built, and the same build copies that PDF into ``<html>/fiches/``. Without handouts the site
builds as before, without links; when PDFs appear or vanish, the pages concerned are rebuilt.
``static/print.css`` and ``static/termbase-print.js`` serve readers who print a page from their
browser (each definition printed once, the review dates, the page's address).

What print needs in every LaTeX build, the guide's PDF as much as the sheets, lives here too, each
its own extension loaded by ``extensions = ["termbase"]``: :mod:`termbase.handouts.latex_tables`
(printed tables fit the page) and :mod:`termbase.handouts.svg_pdf` (SVG figures stay vectors).

Configuration values:

``termbase_handouts_dir`` (str, default ``"../_build/handouts"``)
    Where ``make handouts`` leaves the PDFs, relative to the directory of ``conf.py``.
``termbase_handouts_html_dir`` (str, default ``"fiches"``)
    Folder of the HTML output the PDFs are copied into.
``termbase_handouts_bibtex_style`` (str, default ``""``: the guide's style)
    pybtex style of the « Sources citées » list, e.g. ``"plain_fr_compact"`` (three authors, then
    « et al. ») so that references do not fill a short sheet.
``termbase_report_error_url`` (str, default ``""``)
    Where readers report an error; see :mod:`termbase.handouts.report_error` (nothing is shown
    when it is empty).
``termbase_handouts_max_pages`` (int, default ``5``)
    A sheet that would run past this many pages at the guide's type size is set at 10 pt (LaTeX
    measures it on a first run; see :data:`termbase.handouts.builder.HANDOUT_PREAMBLE`).

Front matter read: ``handout: true`` opts a page in; ``title``, ``description``, ``last_reviewed``
and ``next_review`` feed the sheet; ``handout_layout: card`` prints the page's sphinx-design cards
of class ``carte-face`` as a wallet card to cut out and fold (:mod:`termbase.handouts.card`). ``termbase_site_url`` (from :mod:`termbase.glossary`) is
printed as the address of the online version.
"""

from __future__ import annotations

from typing import Any

from . import guide_pdf, html_link, report_error
from .builder import HandoutsBuilder


def setup(app: Any) -> dict[str, Any]:
    app.setup_extension("termbase.glossary")  # get_entries, get_usage, termbase_site_url
    app.add_config_value("termbase_handouts_dir", "../_build/handouts", "env", types=frozenset({str}))
    app.add_config_value("termbase_handouts_html_dir", "fiches", "env", types=frozenset({str}))
    app.add_config_value("termbase_handouts_bibtex_style", "", "env", types=frozenset({str}))
    app.add_config_value("termbase_handouts_max_pages", 5, "env", types=frozenset({int}))
    app.add_builder(HandoutsBuilder)
    html_link.register(app)
    report_error.register(app)
    guide_pdf.register(app)
    return {"version": "0.1.0", "parallel_read_safe": True, "parallel_write_safe": True}
