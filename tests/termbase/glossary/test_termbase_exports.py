"""glossaire.json, glossaire.csv and glossaire.jsonld written next to the HTML, reproducibly."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.sphinx("html", testroot="termbase-forms")

FIELDS = {"slug", "term", "aliases", "forms", "en", "category", "definition", "short", "see_also", "sources", "reviewed", "url", "used_in"}


def export(app, name: str) -> str:
    return (Path(app.outdir) / name).read_text(encoding="utf-8")


def test_json_export_has_every_field_for_every_entry(app):
    app.build()
    records = json.loads(export(app, "glossaire.json"))
    assert [r["slug"] for r in records][:3] == ["effet", "eruption", "essai"]
    assert all(set(record) == FIELDS for record in records)


def test_json_export_carries_plain_text_definition_and_backlinks(app):
    app.build()
    record = next(r for r in json.loads(export(app, "glossaire.json")) if r["slug"] == "lymphocyte-t")
    assert record["definition"] == "Globule blanc qui reconnaît et tue les cellules anormales, dont les micrométastases."
    assert record["url"] == "glossaire.html#term-lymphocyte-t"
    assert record["used_in"] == [{"docname": "traitement", "title": "Le traitement", "url": "traitement.html"}]


def test_json_export_resolves_see_also_to_slugs(app):
    app.build()
    record = next(r for r in json.loads(export(app, "glossaire.json")) if r["slug"] == "micrometastase")
    assert record["see_also"] == ["lymphocyte-t", "oedeme"]
    assert record["reviewed"] == "2026-11-01"


def test_csv_export_round_trips_with_the_csv_module(app):
    app.build()
    rows = list(csv.DictReader(io.StringIO(export(app, "glossaire.csv"), newline="")))
    assert len(rows) == 10
    row = next(r for r in rows if r["slug"] == "micrometastase")
    assert row["term"] == "micrométastase"
    assert row["see_also"].split(" | ") == ["lymphocyte-t", "oedeme"]
    assert row["used_in"] == "traitement.html"


def test_jsonld_export_is_a_skos_concept_scheme(app):
    app.build()
    document = json.loads(export(app, "glossaire.jsonld"))
    assert document["@context"]["skos"] == "http://www.w3.org/2004/02/skos/core#"
    types = [node["@type"] for node in document["@graph"]]
    assert types.count("skos:ConceptScheme") == 1 and types.count("skos:Concept") == 10


def test_jsonld_concept_has_french_and_english_labels_alt_labels_and_relations(app):
    app.build()
    graph = json.loads(export(app, "glossaire.jsonld"))["@graph"]
    concept = next(node for node in graph if node.get("skos:notation") == "micrometastase")
    assert concept["@id"] == "glossaire.html#term-micrometastase"
    assert {"@value": "micrométastase", "@language": "fr"} in concept["skos:prefLabel"]
    assert {"@value": "micrometastasis", "@language": "en"} in concept["skos:prefLabel"]
    assert [label["@value"] for label in concept["skos:altLabel"]] == ["micro-métastase", "micrométastases"]
    assert concept["skos:definition"]["@language"] == "fr"
    assert concept["skos:related"] == [{"@id": "glossaire.html#term-lymphocyte-t"}, {"@id": "glossaire.html#term-oedeme"}]


@pytest.mark.sphinx("html", testroot="termbase-forms", confoverrides={"termbase_site_url": "https://example.org/guide/"})
def test_jsonld_uses_absolute_iris_when_the_site_url_is_set(app):
    app.build()
    graph = json.loads(export(app, "glossaire.jsonld"))["@graph"]
    assert graph[1]["@id"] == "https://example.org/guide/glossaire.html#term-effet"


def test_exports_are_byte_identical_across_builds(make_app, rootdir, tmp_path):
    outputs = []
    for name in ("first", "second"):
        srcdir = tmp_path / name
        shutil.copytree(rootdir / "test-termbase-forms", srcdir)
        app = make_app("html", srcdir=srcdir)
        app.build()
        outputs.append([(Path(app.outdir) / f).read_bytes() for f in ("glossaire.json", "glossaire.csv", "glossaire.jsonld")])
    assert outputs[0] == outputs[1]
