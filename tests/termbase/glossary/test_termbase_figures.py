"""PAGE006 findings reach the Sphinx build as warnings at file:line, like every docscheck finding."""

from __future__ import annotations

import re

import pytest

ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.sphinx("html", testroot="docscheck-figures", freshenv=True)
def test_an_unsupported_figure_is_a_sphinx_warning_at_its_line(app, warning):
    app.build()
    text = ANSI_ESCAPE.sub("", warning.getvalue())
    assert re.search(r"chiffres\.md:26: WARNING: figure '51,2 %' is not among the figures recorded for schmid2020.*\[docscheck\.PAGE006\]", text)
    assert re.search(r"figures/schema\.svg:5: WARNING: figure '77 %'.*\[docscheck\.PAGE006\]", text)


@pytest.mark.sphinx("html", testroot="docscheck-figures", freshenv=True)
def test_two_figures_on_one_line_are_two_warnings(app, warning):
    app.build()
    text = ANSI_ESCAPE.sub("", warning.getvalue())
    assert len(re.findall(r"chiffres\.md:21: WARNING: figure '9[89] mois'", text)) == 2
