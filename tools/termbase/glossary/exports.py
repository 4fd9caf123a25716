"""Machine-readable copies of the glossary next to the HTML: JSON, CSV and SKOS in JSON-LD.

Records are built once from the environment (entries, plain-text definitions, back-links) and
serialised by pure functions. Output is deterministic — French order, no timestamps, fixed key
order — so two builds of the same sources give byte-identical files.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from sphinx.util import logging

from termbase.anchors import term_anchor
from termbase.build_cache import BuildCache, fingerprint
from .backlinks import page_title, pages_using
from termbase.envdata import termbase_data
from .lookup import plain_text, short_definition

logger = logging.getLogger(__name__)

JSON_NAME, CSV_NAME, JSONLD_NAME = "glossaire.json", "glossaire.csv", "glossaire.jsonld"
CSV_FIELDS = ("slug", "term", "aliases", "forms", "en", "category", "definition", "short",
              "see_also", "sources", "reviewed", "url", "used_in")  # fmt: skip
LIST_SEPARATOR = " | "
SKOS_CONTEXT = {
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dct": "http://purl.org/dc/terms/",
}


def export_records(env: Any, builder: Any) -> list[dict[str, Any]]:
    """One dict per entry (French order), with URLs relative to the root of the HTML output."""
    data = termbase_data(env)
    glossary_doc = data.glossary_doc()
    page = builder.get_target_uri(glossary_doc) if glossary_doc else ""
    used_in = pages_using(env, data)
    records = []
    for slug, entry in data.entries.items():
        see_also = [s for s in dict.fromkeys(data.glossary.resolve(v) for v in entry.see_also) if s and s != slug]
        records.append({
            "slug": slug,
            "term": entry.term,
            "aliases": list(entry.aliases),
            "forms": list(entry.forms),
            "en": entry.en,
            "category": entry.category,
            "definition": plain_text(entry.body),
            "short": short_definition(entry),
            "see_also": see_also,
            "sources": list(entry.sources),
            "reviewed": entry.reviewed.isoformat() if entry.reviewed else None,
            "url": f"{page}#{term_anchor(slug)}",
            "used_in": [
                {"docname": doc, "title": page_title(env, doc), "url": builder.get_target_uri(doc)}
                for doc in used_in.get(slug, [])
            ],
        })  # fmt: skip
    return records


def to_json(records: list[dict[str, Any]]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(item["url"] if isinstance(item, dict) else str(item) for item in value)
    return str(value)


def to_csv(records: list[dict[str, Any]]) -> str:
    """UTF-8 CSV with a header; list fields joined with " | ", ``used_in`` as page URLs."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(CSV_FIELDS)
    for record in records:
        writer.writerow([csv_cell(record[name]) for name in CSV_FIELDS])
    return buffer.getvalue()


def to_jsonld(records: list[dict[str, Any]], base_url: str, title: str) -> str:
    """SKOS concept scheme: prefLabel @fr/@en, altLabel, definition, related, inScheme."""

    def iri(url: str) -> str:
        return urljoin(base_url, url) if base_url else url

    scheme_id = iri(records[0]["url"].split("#")[0]) if records else iri("glossaire")
    by_slug = {r["slug"]: r for r in records}
    concepts = []
    for record in records:
        labels = [{"@value": record["term"], "@language": "fr"}]
        if record["en"]:
            labels.append({"@value": record["en"], "@language": "en"})
        concept: dict[str, Any] = {
            "@id": iri(record["url"]),
            "@type": "skos:Concept",
            "skos:inScheme": {"@id": scheme_id},
            "skos:notation": record["slug"],
            "skos:prefLabel": labels,
        }
        alt = [{"@value": name, "@language": "fr"} for name in dict.fromkeys(record["aliases"] + record["forms"])]
        if alt:
            concept["skos:altLabel"] = alt
        concept["skos:definition"] = {"@value": record["definition"], "@language": "fr"}
        related = [{"@id": iri(by_slug[s]["url"])} for s in record["see_also"] if s in by_slug]
        if related:
            concept["skos:related"] = related
        if record["category"]:
            concept["dct:subject"] = record["category"]
        if record["sources"]:
            concept["dct:source"] = record["sources"]
        concepts.append(concept)
    scheme = {
        "@id": scheme_id,
        "@type": "skos:ConceptScheme",
        "skos:prefLabel": {"@value": title, "@language": "fr"},
        "skos:hasTopConcept": [{"@id": c["@id"]} for c in concepts],
    }
    document = {"@context": SKOS_CONTEXT, "@graph": [scheme, *concepts]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write_exports(app: Any, exception: Exception | None) -> None:
    """At the end of an HTML build, write the three exports into the output directory."""
    if exception is not None or app.builder.format != "html":
        return
    data = termbase_data(app.env)
    if data.glossary_doc() is None:
        return
    records = export_records(app.env, app.builder)
    outdir = Path(app.builder.outdir)
    title = f"Glossaire — {app.config.project}"
    # Serialising is most of the cost (json's indenting encoder is pure Python): the texts of the
    # previous build are reused when the records and settings are the same.
    cache = BuildCache(app, "exports", fingerprint(("termbase",)))
    inputs = (records, app.config.termbase_site_url, title)
    previous = cache.previous.get("files")
    if previous is not None and previous[0] == inputs:
        files = previous[1]
    else:
        files = {
            JSON_NAME: to_json(records),
            CSV_NAME: to_csv(records),
            JSONLD_NAME: to_jsonld(records, app.config.termbase_site_url, title),
        }
    cache.put("files", (inputs, files))
    cache.save()
    for name, text in files.items():
        target = outdir / name
        encoded = text.encode("utf-8")
        if not target.is_file() or target.read_bytes() != encoded:
            target.write_bytes(encoded)
    logger.info("termbase: wrote %s, %s and %s (%d entries)", JSON_NAME, CSV_NAME, JSONLD_NAME, len(records))


def setup(app: Any) -> None:
    app.connect("build-finished", write_exports)
