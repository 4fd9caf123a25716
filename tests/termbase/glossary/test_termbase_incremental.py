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
