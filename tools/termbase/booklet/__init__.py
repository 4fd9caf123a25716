"""termbase.booklet: « Mon livret », one booklet for one consultation.

A reader preparing a consultation picks, on any page, the pages to take along (« Ajouter au
livret ») and the questions to ask (a checkbox beside each question of the « Questions à poser »
lists); the booklet page (``{livret}`` directive) lists them and prints them as one document: the
questions with ruled space for the answers, the pages, one mini-glossary of the terms they use,
their sources, their review dates and the site's disclaimer. ``make handout PAGES="a b"
QUESTIONS="a.1f2e3d"``, or ``make handout LIVRET="<the booklet page's address>"``, prints the same
booklet as one PDF (the ``booklet`` builder, :mod:`termbase.booklet.latex`; the address is read
by :mod:`termbase.booklet.address`, the Python twin of the script's).

Why a data script and no requests: the guide must work from ``file://`` and offline, where a
browser refuses to fetch or read other pages. The HTML build therefore writes
``_static/livret-data.js`` (:mod:`termbase.booklet.page_data`), one global holding, per page, its
title, address, review dates, questions, printable body, glossary terms and cited sources; only the
booklet page loads it. Every other page needs nothing but its own markup: the questions are marked
at build time (:mod:`termbase.booklet.questions`) and a small script
(``static/termbase-livret.js``) adds the controls. Without JavaScript no control is shown (it could
do nothing) and each page's own print still works. The reader's choice lives in
``localStorage`` and in the booklet page's address (``mon-livret.html#p=a,b&q=a.1f2e3d``), so a
booklet can be bookmarked or sent.

Configuration values:

``termbase_booklet_page`` (str, default ``"mon-livret"``)
    The page holding the ``{livret}`` directive; without it, pages get no booklet controls.
``termbase_booklet_whole_pages`` (list of str, default ``["questions-a-poser"]``)
    Pages whose every list of questions is offered (elsewhere, only the lists under a heading or
    rubric starting with « Questions à poser »).
``termbase_booklet_pages`` (str or list, default ``""``)
    For the ``booklet`` builder only: the pages of the PDF booklet, in order, separated by spaces
    or commas (``-D termbase_booklet_pages="effets-indesirables carte-patient"``).
``termbase_booklet_questions`` (str or list, default ``""``)
    For the ``booklet`` builder only: the ids of the questions printed first, under « Mes
    questions », in order (``-D termbase_booklet_questions="effets-indesirables.3fa2c1"``).
``termbase_booklet_address`` (str, default ``""``)
    For the ``booklet`` builder only: the booklet page's address (or its ``#p=…&q=…`` part), read
    as the browser reads it (:mod:`termbase.booklet.address`); it replaces the two values above,
    which must then be empty.
"""

from __future__ import annotations

from typing import Any


def setup(app: Any) -> dict[str, Any]:
    from . import directive, latex, page_data

    app.setup_extension("termbase.handouts")  # print styles, back matter, the handouts builder
    app.add_config_value("termbase_booklet_page", "mon-livret", "env", types=frozenset({str}))
    app.add_config_value("termbase_booklet_whole_pages", ["questions-a-poser"], "env", types=frozenset({list, tuple}))
    app.add_config_value("termbase_booklet_pages", "", "", types=frozenset({str, list, tuple}))
    app.add_config_value("termbase_booklet_questions", "", "", types=frozenset({str, list, tuple}))
    app.add_config_value("termbase_booklet_address", "", "", types=frozenset({str}))
    page_data.setup(app)
    directive.setup(app)
    latex.setup(app)
    # Bodies are taken in html-page-context, which parallel writing runs in child processes.
    return {"version": "0.1.0", "parallel_read_safe": True, "parallel_write_safe": False}
