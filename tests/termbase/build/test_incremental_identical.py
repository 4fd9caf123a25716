"""An incremental build of the real site writes what a cold build of the same sources writes.

A copy of the real site is built once, then edited three ways, each followed by an incremental
build and by a cold build of the edited sources in fresh directories; every output file of the
two must be byte-identical. The log of each incremental build also says which pages were re-read
and re-written: the edited page and its toctree parent, the glossary page only when the set of
terms the page uses changed, every page only when a title changed.
"""

from __future__ import annotations

import filecmp
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT

pytestmark = pytest.mark.slow

SITE_PARTS = ("docs", "glossary", "triage", "references.bib", "references-figures.yaml", "pyproject.toml")
PAGE = "docs/faq.md"
#: Pages Sphinx writes at every build whatever changed (indices and search).
ALWAYS_WRITTEN = {"genindex", "search"}
#: Sphinx may start each progress line with an "erase line" escape (\x1b[2K), even with --no-color
#: (it does when CI=true).
READ = re.compile(r"^(?:\x1b\[[0-9;]*K)?reading sources\.\.\. \[\s*\d+%\] (\S+)", re.MULTILINE)
WRITTEN = re.compile(r"^(?:\x1b\[[0-9;]*K)?writing output\.\.\. \[\s*\d+%\] (\S+)", re.MULTILINE)


@dataclass
class Build:
    log: str
    read: set[str]
    written: set[str]


def run(srcroot: Path, build: Path, *extra: str) -> Build:
    """A strict build of ``srcroot/docs`` into ``build/html`` (doctrees in ``build/doctrees``), with its log."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1795392000"}
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-n", "-W", "--keep-going", "--no-color", *extra,
           "-d", str(build / "doctrees"), str(srcroot / "docs"), str(build / "html")]  # fmt: skip
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    return Build(result.stdout, set(READ.findall(result.stdout)), set(WRITTEN.findall(result.stdout)) - ALWAYS_WRITTEN)


def differing_files(left: Path, right: Path) -> list[str]:
    """Relative paths of files that are missing on one side or differ in a single byte."""
    names = {p.relative_to(left) for p in left.rglob("*") if p.is_file()} | {p.relative_to(right) for p in right.rglob("*") if p.is_file()}
    return sorted(
        str(name)
        for name in names
        if not ((left / name).is_file() and (right / name).is_file() and filecmp.cmp(left / name, right / name, shallow=False))
    )


@dataclass
class Site:
    root: Path
    work: Path
    cold_runs: int = 0

    def edit(self, old: str, new: str, page: str = PAGE) -> None:
        path = self.root / page
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{page} no longer contains {old!r}: adapt the test"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def append(self, text: str, page: str = PAGE) -> None:
        with (self.root / page).open("a", encoding="utf-8") as handle:
            handle.write(text)

    def incremental(self) -> Build:
        return run(self.root, self.work / "incremental")

    def cold(self) -> Path:
        self.cold_runs += 1
        out = self.work / f"cold-{self.cold_runs}"
        run(self.root, out)
        return out / "html"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """A copy of the real site, built once (the incremental build directory)."""
    root = tmp_path_factory.mktemp("real-site")
    for name in SITE_PARTS:
        source = PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("_build"))
        else:
            shutil.copy2(source, root / name)
    site = Site(root, tmp_path_factory.mktemp("builds"))
    site.incremental()
    return site


@pytest.fixture(scope="module")
def sentence_added(site: Site) -> Build:
    site.append("\nUne phrase de plus, sans terme du glossaire ni citation.\n")
    return site.incremental()


def test_rebuild_with_nothing_changed_reads_and_writes_no_page(site: Site) -> None:
    build = site.incremental()
    assert build.read == set()
    assert build.written == set()


def test_configuration_is_not_reported_as_changed(site: Site) -> None:
    assert "The configuration has changed" not in site.incremental().log


def test_editing_a_sentence_reads_only_that_page(sentence_added: Build) -> None:
    assert sentence_added.read == {"faq"}


def test_editing_a_sentence_writes_only_that_page_and_its_toctree_parent(sentence_added: Build) -> None:
    assert sentence_added.written == {"faq", "index"}


def test_editing_a_sentence_gives_the_bytes_of_a_cold_build(site: Site, sentence_added: Build) -> None:
    assert differing_files(site.work / "incremental" / "html", site.cold()) == []


def test_two_cold_builds_are_byte_identical(site: Site, sentence_added: Build) -> None:
    assert differing_files(site.cold(), site.cold()) == []


@pytest.fixture(scope="module")
def term_added(site: Site, sentence_added: Build) -> Build:
    faq = (site.root / PAGE).read_text(encoding="utf-8")
    assert "{term}`ipilimumab`" not in faq, "pick a term docs/faq.md does not use"
    site.append("\nL’{term}`ipilimumab` est cité ici pour le test.\n")
    return site.incremental()


def test_using_a_new_term_rewrites_the_glossary_page_without_reading_it(term_added: Build) -> None:
    assert term_added.read == {"faq"}
    assert term_added.written == {"faq", "index", "glossaire"}


def test_using_a_new_term_gives_the_bytes_of_a_cold_build(site: Site, term_added: Build) -> None:
    incremental = site.work / "incremental" / "html"
    entry = re.search(r'<dt id="term-ipilimumab">.*?</dd>', (incremental / "glossaire.html").read_text(encoding="utf-8"), re.DOTALL)
    assert entry is not None and 'href="faq.html"' in entry.group(0)
    assert differing_files(incremental, site.cold()) == []


@pytest.fixture(scope="module")
def title_changed(site: Site, term_added: Build) -> Build:
    site.edit("# Questions fréquentes", "# Questions fréquentes des patients")
    return site.incremental()


def test_changing_a_title_rewrites_every_page(site: Site, title_changed: Build) -> None:
    pages = {p.stem for p in (site.root / "docs").glob("*.md")}
    assert title_changed.read == {"faq"}
    assert title_changed.written == pages - ALWAYS_WRITTEN


def test_changing_a_title_gives_the_bytes_of_a_cold_build(site: Site, title_changed: Build) -> None:
    incremental = site.work / "incremental" / "html"
    assert "Questions fréquentes des patients" in (incremental / "glossaire.html").read_text(encoding="utf-8")
    assert differing_files(incremental, site.cold()) == []


@pytest.fixture(scope="module")
def reference_edited(site: Site, title_changed: Build) -> Build:
    site.edit("title   = {Efforts to explain spontaneous regression of cancer}",
              "title   = {Efforts to explain the spontaneous regression of cancer}", page="references.bib")  # fmt: skip
    return site.incremental()


def test_editing_a_reference_rewrites_the_pages_that_show_it(site: Site, reference_edited: Build) -> None:
    citing = {p.stem for p in (site.root / "docs").glob("*.md") if "cole1981" in p.read_text(encoding="utf-8")}
    if any("cole1981" in p.read_text(encoding="utf-8") for p in (site.root / "glossary").glob("*.md")):
        citing.add("glossaire")
    assert citing, "pick a reference that pages cite"
    assert citing | {"bibliographie"} <= reference_edited.written
    assert reference_edited.written < {p.stem for p in (site.root / "docs").glob("*.md")}


def test_editing_a_reference_gives_the_bytes_of_a_cold_build(site: Site, reference_edited: Build) -> None:
    assert differing_files(site.work / "incremental" / "html", site.cold()) == []
