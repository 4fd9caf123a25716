"""The glossary half of termbase, built with sphinx.testing on tests/roots/test-termbase-forms.

Pages reference entries by plural form, alias, other case and decomposed accents; the glossary
page lists entries in French order with letter navigation, metadata, sources and back-links.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from docutils import nodes

from termbase.glossary import get_entries, get_usage, short_definition

pytestmark = pytest.mark.sphinx("html", testroot="termbase-forms")


def read(app, name: str) -> str:
    return (Path(app.outdir) / name).read_text(encoding="utf-8")


def links_to(page: str, anchor: str) -> list[str]:
    """Texts of the links on ``page`` that point to ``anchor`` of the glossary page."""
    pattern = rf'<a class="reference internal" href="glossaire\.html#{re.escape(anchor)}"[^>]*>(.*?)</a>'
    return [html.unescape(re.sub(r"<[^>]+>", "", text)) for text in re.findall(pattern, page, re.DOTALL)]


def glossary_terms(page: str) -> list[str]:
    return [html.unescape(re.sub(r"<[^>]+>|¶", "", t)) for t in re.findall(r'<dt id="term-[^"]+">(.*?)</dt>', page, re.DOTALL)]


def entry_html(page: str, slug: str) -> str:
    match = re.search(rf'<dt id="term-{slug}">.*?</dd>', page, re.DOTALL)
    assert match, f"no entry {slug} on the glossary page"
    return match.group(0)


def test_plural_form_resolves_to_entry_anchor(app):
    app.build()
    assert "micrométastases" in links_to(read(app, "traitement.html"), "term-micrometastase")


def test_alias_with_explicit_title_resolves_to_same_anchor(app):
    app.build()
    assert "ces petits foyers" in links_to(read(app, "traitement.html"), "term-micrometastase")


def test_form_in_other_case_resolves(app):
    app.build()
    assert links_to(read(app, "traitement.html"), "term-lymphocyte-t") == ["Lymphocytes T"]


def test_decomposed_accents_resolve_like_composed_ones(app):
    app.build()
    page = read(app, "effets.html")
    assert links_to(page, "term-oedeme") and links_to(page, "term-eruption")


def test_resolved_term_links_carry_the_entry_slug(app):
    app.build()
    doctree = app.env.get_and_resolve_doctree("traitement", app.builder)
    slugs = [ref.get("termbase_slug") for ref in doctree.findall(nodes.reference) if ref.get("termbase_slug")]
    assert slugs == ["micrometastase", "micrometastase", "lymphocyte-t"]


def test_build_has_no_warning(app, warning):
    app.build(force_all=True)
    assert warning.getvalue() == ""


def test_glossary_page_lists_entries_in_french_order(app):
    app.build()
    assert glossary_terms(read(app, "glossaire.html")) == [
        "effet", "éruption", "essai", "Île", "îlot", "lymphocyte T", "micrométastase", "odeur", "œdème", "oncologue",
    ]  # fmt: skip


def test_letter_navigation_only_has_letters_with_entries(app):
    app.build()
    nav = re.search(r'<nav class="termbase-letter-nav"[^>]*>(.*?)</nav>', read(app, "glossaire.html"), re.DOTALL)
    assert nav is not None
    assert re.findall(r'href="#lettre-([a-z]+)">([A-Z])</a>', nav.group(1)) == [
        ("e", "E"), ("i", "I"), ("l", "L"), ("m", "M"), ("o", "O"),
    ]  # fmt: skip


def test_each_letter_is_a_section_heading(app):
    app.build()
    page = read(app, "glossaire.html")
    assert re.findall(r'<section class="termbase-letter" id="lettre-([a-z])">\s*<h2>([A-Z])', page) == [
        ("e", "E"), ("i", "I"), ("l", "L"), ("m", "M"), ("o", "O"),
    ]  # fmt: skip


def test_entry_shows_english_equivalent_in_english_and_category(app):
    app.build()
    entry = entry_html(read(app, "glossaire.html"), "micrometastase")
    assert '<span class="termbase-en" lang="en">micrometastasis</span>' in entry
    assert "maladie" in entry


@pytest.mark.sphinx("html", testroot="termbase-forms", confoverrides={"termbase_category_labels": {"maladie": "Maladies"}})
def test_category_is_shown_with_its_configured_label(app):
    app.build()
    entry = entry_html(read(app, "glossaire.html"), "micrometastase")
    assert '<span class="termbase-category">Maladies</span>' in entry


def test_definition_is_rendered_as_myst_with_working_roles(app):
    app.build()
    entry = entry_html(read(app, "glossaire.html"), "lymphocyte-t")
    assert "Globule blanc qui reconnaît" in entry
    assert links_to(entry, "term-micrometastase") == [] and 'href="#term-micrometastase"' in entry


def test_see_also_links_point_to_other_entries(app):
    app.build()
    see_also = re.search(r'<p class="termbase-see-also">(.*?)</p>', entry_html(read(app, "glossaire.html"), "micrometastase"), re.DOTALL)
    assert see_also is not None
    assert re.findall(r'href="#(term-[a-z-]+)"', see_also.group(1)) == ["term-lymphocyte-t", "term-oedeme"]


def test_sources_are_cited_and_listed_in_the_bibliography(app):
    app.build()
    sources = re.search(r'<p class="termbase-sources">(.*?)</p>', entry_html(read(app, "glossaire.html"), "micrometastase"), re.DOTALL)
    assert sources is not None and "Valastyan" in sources.group(1) and 'href="bibliographie.html#' in sources.group(1)
    assert "Tumor metastasis" in read(app, "bibliographie.html")


def test_backlinks_list_the_pages_that_use_the_term(app):
    app.build()
    backlinks = re.search(r'<p class="termbase-backlinks">(.*?)</p>', entry_html(read(app, "glossaire.html"), "micrometastase"), re.DOTALL)
    assert backlinks is not None
    assert "Où ce terme apparaît" in backlinks.group(1)
    assert re.findall(r'href="([a-z]+\.html)"', backlinks.group(1)) == ["traitement.html"]


def test_unused_entry_has_no_backlinks_paragraph(app):
    app.build()
    assert "termbase-backlinks" not in entry_html(read(app, "glossaire.html"), "odeur")


def test_glossary_page_links_the_three_exports(app):
    app.build()
    downloads = re.search(r'<p class="termbase-downloads">(.*?)</p>', read(app, "glossaire.html"), re.DOTALL)
    assert downloads is not None
    assert re.findall(r'href="([^"]+)"', downloads.group(1)) == ["glossaire.json", "glossaire.csv", "glossaire.jsonld"]


def test_general_index_is_in_french_order(app):
    app.build()
    order = re.findall(r'href="glossaire\.html#term-([a-z-]+)"', read(app, "genindex.html"))
    assert order == ["effet", "eruption", "essai", "ile", "ilot", "lymphocyte-t", "micrometastase", "odeur", "oedeme", "oncologue"]
    assert re.findall(r'<h2 id="([^"]+)">', read(app, "genindex.html")) == ["E", "I", "L", "M", "O"]


def test_get_entries_maps_slugs_to_entries_in_french_order(app):
    app.build()
    entries = get_entries(app.env)
    assert list(entries)[:3] == ["effet", "eruption", "essai"]
    assert entries["micrometastase"].forms == ("micrométastases",)


def test_get_usage_maps_pages_to_entry_slugs(app):
    app.build()
    usage = get_usage(app.env)
    assert usage["traitement"] == {"micrometastase", "lymphocyte-t"}
    assert usage["effets"] == {"oedeme", "eruption"}


def test_short_definition_prefers_the_short_field(app):
    app.build()
    assert short_definition(get_entries(app.env)["eruption"]) == "Boutons ou rougeurs sur la peau."


def test_short_definition_falls_back_to_first_sentence_without_markup(app):
    app.build()
    entries = get_entries(app.env)
    assert short_definition(entries["micrometastase"]) == "Petit amas de cellules cancéreuses, trop petit pour être vu à l’imagerie."
    assert short_definition(entries["lymphocyte-t"]) == "Globule blanc qui reconnaît et tue les cellules anormales, dont les micrométastases."


@pytest.mark.sphinx("latex", testroot="termbase-forms")
def test_latex_output_has_entries_under_letter_headings(app):
    app.build()
    tex = (Path(app.outdir) / "forms.tex").read_text(encoding="utf-8")
    chapter = tex[tex.index(r"\chapter{Glossaire}") :]
    assert re.findall(r"\\section\{([A-Z])\}", chapter)[:5] == ["E", "I", "L", "M", "O"]
    assert r"\label{\detokenize{glossaire:term-micrometastase}}" in chapter
    assert r"\index{micrométastase@\spxentry{micrométastase}" in chapter
    assert "Où ce terme apparaît" in chapter and r"\hyperref[\detokenize{traitement::doc}]" in chapter
    assert "Télécharger" not in tex


@pytest.mark.sphinx("latex", testroot="termbase-forms")
def test_latex_term_references_point_to_the_entry(app):
    app.build()
    tex = (Path(app.outdir) / "forms.tex").read_text(encoding="utf-8")
    assert r"\hyperref[\detokenize{glossaire:term-oedeme}]" in tex
