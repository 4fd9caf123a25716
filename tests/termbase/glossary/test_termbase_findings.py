"""Problems in glossary entries and docscheck findings surface as Sphinx warnings at file:line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest


ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


def warnings_of(warning) -> str:
    """Warnings printed during the build, without terminal colours."""
    return ANSI_ESCAPE.sub("", warning.getvalue())


@pytest.mark.sphinx("html", testroot="termbase-bad", freshenv=True)
def test_entry_without_term_warns_with_file_and_line(app, warning):
    app.build()
    assert re.search(r"glossary/sans-terme\.md:1: WARNING: missing or empty 'term'.*\[docscheck\.TERM004\]", warnings_of(warning))


@pytest.mark.sphinx("html", testroot="termbase-bad", freshenv=True)
def test_entry_with_broken_yaml_warns_with_file_and_line(app, warning):
    app.build()
    assert re.search(r"glossary/yaml-casse\.md:4: WARNING: invalid YAML front matter.*\[docscheck\.FILE001\]", warnings_of(warning))


@pytest.mark.sphinx("html", testroot="termbase-bad", freshenv=True)
def test_bad_entries_never_stop_the_build(app, warning):
    app.build()
    assert "Traceback" not in warnings_of(warning)
    page = (Path(app.outdir) / "glossaire.html").read_text(encoding="utf-8")
    assert 'id="term-valide"' in page
    assert 'href="glossaire.html#term-valide"' in (Path(app.outdir) / "index.html").read_text(encoding="utf-8")


@pytest.mark.sphinx("html", testroot="termbase-bad", freshenv=True)
def test_unknown_term_keeps_sphinx_own_warning(app, warning):
    app.build()
    assert re.search(r"index\.md:3: WARNING: term not in glossary: 'inconnu'", warnings_of(warning))


@pytest.mark.sphinx("html", testroot="termbase-docscheck", freshenv=True)
def test_docscheck_error_is_a_warning_with_its_code_as_subtype(app, warning):
    app.build()
    assert re.search(r"refs\.bib:8: WARNING: bibliography entry 'orphan2021' is never cited.*\[docscheck\.CITE002\]", warnings_of(warning))


@pytest.mark.sphinx("html", testroot="termbase-docscheck", freshenv=True)
def test_docscheck_warning_severity_is_reported_too(app, warning):
    app.build()
    assert re.search(r"glossary/jamais-cite\.md:2: WARNING: .*'antigène' is never referenced.*\[docscheck\.TERM002\]", warnings_of(warning))


@pytest.mark.sphinx("html", testroot="termbase-docscheck", freshenv=True, confoverrides={"suppress_warnings": ["docscheck.TERM002"]})
def test_docscheck_findings_can_be_suppressed_by_code(app, warning):
    app.build()
    text = warnings_of(warning)
    assert "TERM002" not in text and "CITE002" in text


@pytest.mark.sphinx("html", testroot="termbase-docscheck", freshenv=True, confoverrides={"termbase_docscheck": False})
def test_docscheck_findings_are_off_when_disabled(app, warning):
    app.build()
    assert "docscheck." not in warnings_of(warning)


@pytest.mark.sphinx("html", testroot="termbase-docscheck", freshenv=True, parallel=2)
def test_docscheck_findings_are_reported_once_in_parallel_builds(app, warning):
    app.build()
    assert warnings_of(warning).count("[docscheck.CITE002]") == 1


@pytest.mark.sphinx("html", testroot="termbase-bad", freshenv=True, confoverrides={"termbase_docscheck": True})
def test_a_bad_entry_is_reported_once_when_docscheck_also_checks_it(app, warning):
    app.build()
    assert warnings_of(warning).count("sans-terme.md:1: WARNING") == 1


@pytest.mark.sphinx("html", testroot="termbase-bad", freshenv=True)
def test_warnings_inside_a_definition_point_to_the_entry_file_and_line(app, warning):
    app.build()
    assert re.search(r"glossary/valide\.md:7: WARNING: term not in glossary: 'fantôme'", warnings_of(warning))
