"""Incremental and parallel builds stay correct although entries live outside the source tree."""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest


@pytest.fixture
def project(rootdir: Path, tmp_path: Path) -> Path:
    """A private copy of test-termbase-forms that the test may edit between builds."""
    srcdir = tmp_path / "forms"
    shutil.copytree(rootdir / "test-termbase-forms", srcdir)
    return srcdir


def write(path: Path, text: str) -> None:
    """Write a file and date it in the future, so that the next build sees it as changed."""
    path.write_text(text, encoding="utf-8")
    later = time.time() + 60
    os.utime(path, (later, later))


def build(make_app, srcdir: Path, **kwargs):
    app = make_app("html", srcdir=srcdir, **kwargs)
    app.build()
    return app


def page(app, name: str) -> str:
    return (Path(app.outdir) / name).read_text(encoding="utf-8")


def test_editing_an_entry_updates_the_glossary_page(make_app, project):
    build(make_app, project)
    entry = project / "glossary" / "odeur.md"
    write(entry, entry.read_text(encoding="utf-8").replace("Ce que sent le nez.", "Ce que perçoit l’odorat."))
    app = build(make_app, project)
    assert "Ce que perçoit l’odorat." in page(app, "glossaire.html")


def test_a_new_entry_resolves_a_term_that_was_unknown(make_app, project):
    write(project / "traitement.md", (project / "traitement.md").read_text(encoding="utf-8") + "\nUne {term}`rechute` est possible.\n")
    first = build(make_app, project)
    assert "term not in glossary: 'rechute'" in first.warning.getvalue()
    write(project / "glossary" / "rechute.md", "---\nterm: rechute\nsources: [waldman2020]\n---\nRetour de la maladie.\n")
    app = build(make_app, project)
    assert 'href="glossaire.html#term-rechute"' in page(app, "traitement.html")
    assert 'id="term-rechute"' in page(app, "glossaire.html")


def test_a_new_page_using_a_term_appears_in_the_backlinks(make_app, project):
    build(make_app, project)
    write(project / "suivi.md", "# Le suivi\n\nSurveiller l’{term}`odeur`.\n")
    write(project / "index.md", (project / "index.md").read_text(encoding="utf-8").replace("effets\n", "effets\nsuivi\n"))
    app = build(make_app, project)
    entry = re.search(r'<dt id="term-odeur">.*?</dd>', page(app, "glossaire.html"), re.DOTALL)
    assert entry is not None and 'href="suivi.html"' in entry.group(0)


def test_removing_the_last_use_of_a_term_removes_its_backlink(make_app, project):
    build(make_app, project)
    write(project / "effets.md", "# Les effets\n\nAucun terme ici.\n")
    app = build(make_app, project)
    entry = re.search(r'<dt id="term-oedeme">.*?</dd>', page(app, "glossaire.html"), re.DOTALL)
    assert entry is not None and "termbase-backlinks" not in entry.group(0)


def test_parallel_build_gives_the_same_glossary_as_a_serial_build(make_app, rootdir, tmp_path):
    pages = []
    for name, jobs in (("serial", 0), ("parallel", 2)):
        srcdir = tmp_path / name
        shutil.copytree(rootdir / "test-termbase-forms", srcdir)
        app = build(make_app, srcdir, parallel=jobs)
        pages.append((page(app, "glossaire.html"), page(app, "glossaire.json")))
    assert pages[0] == pages[1]


@pytest.fixture
def site(rootdir: Path, tmp_path: Path) -> Path:
    """A private copy of test-termbase-search (all of termbase, the render cache included)."""
    srcdir = tmp_path / "search"
    shutil.copytree(rootdir / "test-termbase-search", srcdir)
    return srcdir


def reused(app) -> set[str]:
    return {Path(path).name for path in app._termbase_render_cache.reused}


def test_pages_whose_context_did_not_change_are_not_rendered_again(make_app, site):
    project = site
    first = build(make_app, project)
    genindex, search = page(first, "genindex.html"), page(first, "search.html")
    write(project / "index.md", (project / "index.md").read_text(encoding="utf-8") + "\nUne phrase de plus.\n")
    second = build(make_app, project)
    assert reused(first) == set()
    assert {"genindex.html", "search.html"} <= reused(second)
    assert "index.html" not in reused(second)
    assert "Une phrase de plus." in page(second, "index.html")
    assert (page(second, "genindex.html"), page(second, "search.html")) == (genindex, search)


def test_a_page_whose_context_changed_is_rendered_again(make_app, site):
    build(make_app, site)
    conf = site / "conf.py"
    write(conf, conf.read_text(encoding="utf-8") + '\nhtml_title = "Un autre titre"\n')
    second = build(make_app, site)
    assert "genindex.html" not in reused(second)
    assert "Un autre titre" in page(second, "genindex.html")
