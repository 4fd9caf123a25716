"""``docscheck fix --link-terms`` and ``--doi`` on copies of fixture roots (MyST and reST)."""

from __future__ import annotations

import html.parser
import json
import os
import shutil
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from io import StringIO
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from docscheck.cli import main
from docscheck.fix.doi import strip_doi_prefixes
from docscheck.fix.link_terms import Terms, link_terms
from docscheck.parsers.markdown import markdown_parser
from docscheck.records import GlossaryEntry
from docscheck.records import DEFAULT_MYST_EXTENSIONS

ROOTS = Path(__file__).resolve().parents[1] / "roots"
MYST = ROOTS / "test-docscheck-fix-myst"
REST = ROOTS / "test-docscheck-fix-rest"


def copy(root: Path, tmp_path: Path) -> Path:
    target = tmp_path / root.name
    shutil.copytree(root, target)
    return target


def run(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(list(argv))
    return status, out.getvalue(), err.getvalue()


def findings(root: Path, code: str) -> list[dict]:
    status, out, _err = run("check", str(root), "--format", "json")
    return [f for f in json.loads(out)["findings"] if f["code"] == code]


# -- --link-terms -----------------------------------------------------------------------------------


def test_myst_first_mentions_are_linked_as_written(tmp_path):
    root = copy(MYST, tmp_path)
    status, _out, err = run("fix", "--link-terms", str(root))
    assert status == 1, err
    text = (root / "traitement.md").read_text(encoding="utf-8")
    assert "L’{term}`immunothérapie` agit sur les {term}`micrométastases`." in text  # elision; a listed form resolves
    assert "Les {term}`tumeurs <tumeur>` et le {term}`PD 1 <PD-1>`" in text  # plural and space variant keep their words
    assert "{term}`cellules tumorales circulantes <cellule tumorale circulante>`" in text  # across a line break
    assert "le *{term}`lymphocyte`* attaque" in text


def test_myst_fix_leaves_code_links_headings_roles_options_and_front_matter_alone(tmp_path):
    root = copy(MYST, tmp_path)
    run("fix", "--link-terms", str(root))
    text = (root / "traitement.md").read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Les micrométastases et l’immunothérapie\n---\n# Traitement des micrométastases\n")
    assert "Le `lymphocyte` en code et un [lymphocyte](https://example.org) en lien" in text
    assert ":class: lymphocyte\n" in text and 'x = "micrométastases et tumeurs"' in text
    assert "Une {term}`cytokine` aide, puis une cytokine encore." in text  # linked first already
    assert "Puis l’immunothérapie encore." in text  # only the first mention
    assert (root / "glossary" / "tumeur.md").read_text(encoding="utf-8") == (MYST / "glossary" / "tumeur.md").read_text(encoding="utf-8")


def test_after_fix_term007_is_clean(tmp_path):
    root = copy(MYST, tmp_path)
    assert findings(root, "TERM007")
    run("fix", "--link-terms", str(root))
    assert findings(root, "TERM007") == []
    assert findings(root, "TERM001") == []


def test_fix_is_idempotent(tmp_path):
    root = copy(MYST, tmp_path)
    run("fix", "--link-terms", str(root))
    once = (root / "traitement.md").read_bytes()
    status, out, _err = run("fix", "--link-terms", str(root))
    assert (status, out) == (0, "")
    assert (root / "traitement.md").read_bytes() == once


def test_dry_run_prints_a_unified_diff_and_writes_nothing(tmp_path):
    root = copy(MYST, tmp_path)
    before = (root / "traitement.md").read_bytes()
    status, out, err = run("fix", "--link-terms", "--dry-run", str(root))
    assert status == 1
    assert out.startswith("--- a/traitement.md\n+++ b/traitement.md\n@@ ")
    assert "\n-L’immunothérapie agit sur les micrométastases." in out and "\n+L’{term}`immunothérapie` agit" in out
    assert (root / "traitement.md").read_bytes() == before
    assert "would change 1 file(s)" in err


def test_paths_restrict_the_fix_to_those_pages(tmp_path, monkeypatch):
    root = copy(MYST, tmp_path)
    monkeypatch.chdir(root)
    status, _out, err = run("fix", "--link-terms", "index.md")
    assert status == 0, err
    assert (root / "traitement.md").read_bytes() == (MYST / "traitement.md").read_bytes()
    assert run("fix", "--link-terms", "traitement.md")[0] == 1


def test_rest_roles_are_linked_where_docutils_reads_them(tmp_path):
    root = copy(REST, tmp_path)
    status, _out, err = run("fix", "--link-terms", str(root))
    assert status == 1
    text = (root / "usage.rst").read_text(encoding="utf-8")
    assert "L’:term:`immunothérapie` agit. Les :term:`tumeurs <tumeur>` reculent, *lymphocyte* compris. Le :term:`PD 1 <PD-1>` aussi." in text
    assert text.startswith("Usage de l’immunothérapie\n=========================\n")
    assert "usage.rst:6: the first mention of 'lymphocyte' cannot be linked" in err  # inside emphasis: by hand
    assert "tumeur en bloc littéral" in text and ":class: tumeur\n" in text


def test_usage_errors_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("fix", "--link-terms", "missing.md")[0] == 2
    assert run("fix", "--link-terms", str(MYST / "traitement.md"))[0] == 2  # outside ROOT (the current directory)
    assert run("fix")[0] == 2
    assert run("fix", "--link-terms", "--doi")[0] == 2


def test_never_writes_through_a_symlink_leaving_root(tmp_path):
    outside = tmp_path / "outside.md"
    outside.write_text("# Dehors\n\nL’immunothérapie agit.\n", encoding="utf-8")
    root = copy(MYST, tmp_path)
    os.symlink(outside, root / "dehors.md")
    run("fix", "--link-terms", str(root))
    assert outside.read_text(encoding="utf-8") == "# Dehors\n\nL’immunothérapie agit.\n"


class TextOf(html.parser.HTMLParser):
    """The text of a Sphinx page's body (what a reader reads), whitespace normalised."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        if self.depth or ("role", "main") in attrs or tag == "main":
            self.depth += 1

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self.depth:
            self.parts.append(data)

    @classmethod
    def of(cls, path: Path) -> str:
        reader = cls()
        reader.feed(path.read_text(encoding="utf-8"))
        return " ".join("".join(reader.parts).split())


def build(source: Path, out: Path) -> Path:
    result = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-n", "-W", "-q", "-E", str(source), str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.slow
@pytest.mark.parametrize(("root", "page", "links"), [(MYST, "traitement", 6), (REST, "usage", 3)])
def test_fixed_copy_builds_with_n_w_and_reads_the_same_with_new_links(tmp_path, root, page, links):
    fixed = copy(root, tmp_path)
    run("fix", "--link-terms", str(fixed))
    before = build(root, tmp_path / "before") / f"{page}.html"
    after = build(fixed, tmp_path / "after") / f"{page}.html"
    assert TextOf.of(after) == TextOf.of(before)
    count = lambda path: path.read_text(encoding="utf-8").count('class="reference internal"')  # noqa: E731
    assert count(after) - count(before) == links


# -- --doi ------------------------------------------------------------------------------------------

BIB = (
    "% a comment: doi:10.1/keep\r\n"
    "@article{a,\r\n  title = {T},\r\n  doi = {https://doi.org/10.1056/NEJMoa1910836},\r\n}\r\n"
    '@misc{b, doi = "doi: 10/cn2h9c", url = {https://doi.org/10.1/x}}\n'
    "@misc{c,\n  DOI={http://dx.doi.org/10.1000/ABC},\n  note = {doi:10.2/y}\n}\n"
    "@misc{d,\n  doi = {10.1000/already}\n}\n"
)


def test_doi_prefixes_are_removed_and_every_other_byte_kept():
    fixed, changes = strip_doi_prefixes(BIB)
    assert fixed == BIB.replace("https://doi.org/10.1056", "10.1056").replace('"doi: 10/cn2h9c"', '"10/cn2h9c"').replace("http://dx.doi.org/10.1000/ABC", "10.1000/ABC")
    assert [(line, key) for line, key, _prefix in changes] == [(4, "a"), (6, "b"), (8, "c")]


def test_fix_doi_rewrites_the_bibliography_then_has_nothing_to_do(tmp_path):
    root = copy(MYST, tmp_path)
    bib = root / "refs.bib"
    bib.write_bytes(bib.read_bytes().replace(b"  year = {2011},", b"  year = {2011},\n  doi = {doi:10.1016/j.cell.2011.09.024},"))
    status, out, _err = run("fix", "--doi", "--dry-run", str(root))
    assert status == 1 and "-  doi = {doi:10.1016/j.cell.2011.09.024},\n+  doi = {10.1016/j.cell.2011.09.024}," in out
    assert run("fix", "--doi", str(root))[0] == 1
    assert b"  doi = {10.1016/j.cell.2011.09.024}," in bib.read_bytes()
    assert run("fix", "--doi", str(root))[0] == 0


# -- robustness ------------------------------------------------------------------------------------

TERMS = Terms((GlossaryEntry("t", "glossary/t.md", "tumeur", "D.", 5, ("k",)), GlossaryEntry("p", "glossary/p.md", "PD-1", "D.", 5, ("k",))))


@given(st.text(alphabet=st.sampled_from(list("tumeurs PD-1 l’`{}*[]()#:\n>-_\\<>|term")), max_size=200), st.sampled_from(["p.md", "p.rst"]))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_arbitrary_text_never_crashes_the_fixer_and_a_second_pass_changes_nothing(text, path):
    md = markdown_parser(DEFAULT_MYST_EXTENSIONS)
    once = link_terms(text, path, TERMS, md).text
    assert link_terms(once, path, TERMS, md).text == once


@given(st.text(max_size=300), st.sampled_from(["p.md", "p.rst"]))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_unicode_text_never_crashes_the_fixer(text, path):
    fixed = link_terms(text, path, TERMS, markdown_parser(DEFAULT_MYST_EXTENSIONS))
    assert fixed.text == text or len(fixed.linked) >= 1
