"""docscheck inside the build re-parses only what changed, and still reports what a full check does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from docscheck.project import ParseCache, check_project
from termbase.glossary.findings import load_cache, run_docscheck


@pytest.fixture
def project(rootdir: Path, tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(rootdir / "test-termbase-docscheck", root)
    return root


def codes(findings: list) -> list[tuple[str, int, str]]:
    return sorted((Path(f.path).name, f.line, f.code) for f in findings)


def test_a_check_with_the_cache_of_an_earlier_run_finds_what_a_fresh_check_finds(project: Path, tmp_path: Path) -> None:
    cache_file = tmp_path / "cache.pickle"
    run_docscheck(project, cache_file)
    (project / "index.md").write_text("# Accueil\n\nUn {term}`inconnu` et {cite:p}`absent2020`.\n\n```{toctree}\nglossaire\n```\n", encoding="utf-8")
    cached = run_docscheck(project, cache_file)
    fresh = run_docscheck(project)
    assert isinstance(cached, list) and isinstance(fresh, list)
    assert codes(cached) == codes(fresh)
    assert {"TERM001", "CITE001"} <= {code for _name, _line, code in codes(cached)}


def test_unchanged_files_are_not_parsed_again(project: Path) -> None:
    cache = ParseCache()
    check_project(project, cache=cache)
    parsed = dict(cache.results)
    (project / "index.md").write_text((project / "index.md").read_text(encoding="utf-8") + "\nUne phrase.\n", encoding="utf-8")
    check_project(project, cache=cache)
    kept = [key for key in cache.results if key in parsed and cache.results[key] is parsed[key]]
    reparsed = [key for key in cache.results if key not in parsed]
    assert [key[1] for key in reparsed] == ["index.md"]
    assert kept, "the other files' records come from the cache"


def test_a_cache_of_other_code_or_a_damaged_file_is_ignored(tmp_path: Path) -> None:
    damaged = tmp_path / "cache.pickle"
    damaged.write_bytes(b"not a pickle")
    assert load_cache(damaged, "key").results == {}
    assert load_cache(tmp_path / "missing.pickle", "key").results == {}
