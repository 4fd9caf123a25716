"""Parsers read what Sphinx reads: term lines, conf.py, CSV cells, tabs."""

from __future__ import annotations

from pathlib import Path

import pytest

from docscheck.discovery import KNOWN_MYST_EXTENSIONS
from docscheck.parsers.markdown import markdown_parser, myst_markdown_it
from docscheck.records import DEFAULT_MYST_EXTENSIONS
from docscheck.parsers.rest import expand_tabs
from docscheck.parsers.sphinx_conf import parse_sphinx_conf
from docscheck.parsers.page_collector import csv_cells
from docscheck.parsers.glossary_blocks import myst_term_text, rest_term_text


@pytest.mark.parametrize(
    ("line", "term"),
    [
        ("DICOM_DIR_MAP_FILE", "DICOM_DIR_MAP_FILE"),
        ("**Sphinx**", "Sphinx"),
        ("``docstring``", "docstring"),
        ("API : Application Programming Interface", "API"),
        ("`Python <https://python.org>`_", "Python"),
        ("`interpreted`", "interpreted"),
        ("target_", "target"),
        (r"escaped \*star\*", "escaped *star*"),
        (":abbr:`LIFO (last in, first out)`", "LIFO"),
    ],
)
def test_rest_term_line_text_is_what_docutils_renders(line, term):
    assert rest_term_text(line) == term


@pytest.mark.parametrize(
    ("line", "term"),
    [
        ("DICOM_DIR_MAP_FILE", "DICOM_DIR_MAP_FILE"),
        ("[CommonMark](https://commonmark.org)", "CommonMark"),
        ("**MyST**", "MyST"),
        ("`literal_term`", "literal_term"),
        ("_emphasis_", "emphasis"),
        ("R&amp;D", "R&D"),
        ("snake_case : a classifier", "snake_case"),
    ],
)
def test_myst_term_line_text_is_what_myst_renders(line, term):
    assert myst_term_text(line, markdown_parser(frozenset())) == term


def test_tabs_expand_to_eight_columns_like_docutils():
    assert expand_tabs(["\tdefinition", "ab\tc", "plain"]) == ["        definition", "ab      c", "plain"]


def test_computed_conf_values_keep_their_literal_part():
    conf = parse_sphinx_conf('import os\nexclude_patterns = ["_build"] + os.environ.get("X", "").split()\nexclude_patterns.append("drafts")\nlanguage = os.environ["L"]\n', "conf.py")
    assert conf.get("exclude_patterns") == ["_build", "drafts"]
    assert conf.partial == {"exclude_patterns": 2}
    assert conf.get("language") is None


def test_csv_cells_keep_their_row_line_and_quoted_newlines():
    rows = ['"a", ":term:`x`"', '"multi', 'line", b']
    assert list(csv_cells(rows)) == [(0, "a"), (0, ":term:`x`"), (1, "multi\nline"), (2, "b")]


# -- the simple front-matter reader agrees with PyYAML whenever it answers --------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from docscheck.parsers.glossary_entries import _load_yaml  # noqa: E402
from docscheck.parsers.glossary_entries import load_simple  # noqa: E402

ATOMS = ["lymphocyte", "yes", "No", "on", "null", "12", "012", "-3", "2026-11-01", "2026-13-45", "2026-1-5", "a, b", "l’immunité", "x: y",
         "# c", "'q'", '"d"', "[a, b]", "[]", "[k2001, k2002]", "[a, [b]]", "1.5", "~", "=", "é«»", "a #b", "- x", "&a", "", "3:20", "+5", "TRUE"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["term", "forms", "sources", "yes", "null", "see-also", "reviewed", "x_1"]), st.sampled_from(ATOMS)), min_size=1, max_size=6))
def test_simple_front_matter_reads_like_pyyaml(pairs):
    text = "".join(f"{key}: {value}\n" if value else f"{key}:\n" for key, value in pairs)
    simple = load_simple(text)
    if simple is None:
        return
    _node, data = _load_yaml(text)
    assert simple[0] == data


def test_simple_front_matter_gives_key_lines_and_leaves_the_rest_to_pyyaml():
    assert load_simple("term: x\n\nforms: [a, b]\n") == ({"term": "x", "forms": ["a", "b"]}, {"term": 0, "forms": 2})
    assert load_simple("term: x\nforms:\n  - a\n") is None
    assert load_simple("title: 'Quoted'\n") is None


# -- plain BibTeX is read without pybtex, with pybtex's values --------------------------------

REPO = __import__("pathlib").Path(__file__).resolve().parents[2]
BIB_FILES = sorted(str(p.relative_to(REPO)) for p in [REPO / "references.bib", *(REPO / "tests" / "roots").rglob("*.bib")])


@pytest.mark.parametrize("name", BIB_FILES)
def test_plain_bibtex_reads_like_pybtex(name, monkeypatch):
    from docscheck.parsers import bibtex

    text = (REPO / name).read_text(encoding="utf-8")
    fast = bibtex.parse_bib_text(text, name)
    monkeypatch.setattr(bibtex, "fast_fields", lambda _text, _chunk: None)
    slow = bibtex.parse_bib_text(text, name)
    assert fast[1] == slow[1]
    assert [(e.key, e.type, e.fields, e.persons, e.field_lines) for e in fast[0]] == [(e.key, e.type, e.fields, e.persons, e.field_lines) for e in slow[0]]


@pytest.mark.parametrize("text", ["@string{j = {J}}\n@article{a, journal = j}", "@misc{a, title = {x} # {y}}", "@misc{a, month = jan}", "@misc{a, title = {x}, title = {y}}"])
def test_macros_concatenation_and_odd_entries_go_to_pybtex(text):
    from docscheck.parsers.bibtex import fast_fields, scan_chunks

    assert any(fast_fields(text, chunk) is None for chunk in scan_chunks(text) if chunk.kind not in ("string", "preamble"))


def test_person_names_print_like_pybtex():
    from docscheck.parsers.bibtex import person_text

    assert [person_text(n) for n in ("Albert Einstein", "Ludwig van Beethoven", "Einstein, Albert", "{Org and Co}")] == ["Einstein, Albert", "van Beethoven, Ludwig", "Einstein, Albert", "{Org and Co}"]


#: Every extension's syntax on one page, for the wiring test below.
MYST_SAMPLE = """---
title: Sample
---
# Title {#anchor}

(target)=
Text with {term}`a role`, a footnote[^1], "quotes" -- (c) ... ~~struck~~ and ~single~.
$x^2$ inline, $$y$$ display and a [span]{.class} with `code`{.lang}.

[^1]: The footnote.

$$
a = b
$$ (label)

\\begin{equation}
c = d
\\end{equation}

:::{note}
Inside a colon fence with {cite:p}`key`.
:::

::::{admonition} Nested
:::{tip}
Deeper.
:::
::::

Term
: Its definition with {term}`x`.

:field: value
:other: {term}`y`

- [ ] a task
- [x] done

{{ substitution }} and {{ other | filter }}

{#block-id .cls}
A paragraph with attributes.

| a | b |
|---|---|
| {term}`c` | d |

+++ a block break

% a comment
"""


def _myst_samples() -> list[str]:
    root = Path(__file__).resolve().parents[2]
    pages = sorted([*root.glob("tests/roots/**/*.md"), *root.glob("docs/*.md"), *root.glob("glossary/*.md")])
    return [MYST_SAMPLE, *(p.read_text(encoding="utf-8") for p in pages)]


def _token_rows(tokens) -> list[tuple]:
    return [
        (t.type, t.tag, t.nesting, t.map, t.level, t.content, t.markup, t.info, t.meta, tuple(sorted(t.attrs.items())), t.block, t.hidden, _token_rows(t.children or []))
        for t in tokens
    ]


@pytest.mark.parametrize(
    "extensions",
    [frozenset(), DEFAULT_MYST_EXTENSIONS, KNOWN_MYST_EXTENSIONS, *(frozenset({name}) for name in sorted(KNOWN_MYST_EXTENSIONS))],
    ids=lambda e: "+".join(sorted(e)) or "none",
)
def test_myst_wiring_is_myst_parsers_own(extensions):
    """docscheck builds MyST's markdown-it itself (to start without importing myst-parser): the
    same active rules, options and tokens as ``create_md_parser`` for a Sphinx build."""
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser
    from markdown_it.renderer import RendererHTML

    ours = myst_markdown_it(extensions)
    theirs = create_md_parser(MdParserConfig(enable_extensions=set(extensions)), RendererHTML)
    theirs.disable("wordcount", ignoreInvalid=True)
    assert ours.get_active_rules() == theirs.get_active_rules()
    options = {k: v for k, v in theirs.options.items() if k != "myst_config"}
    assert dict(ours.options.items()) == options
    for text in _myst_samples():
        assert _token_rows(ours.parse(text, {})) == _token_rows(theirs.parse(text, {}))
