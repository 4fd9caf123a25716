"""How well the site's search finds what patients look for (issue 21): MRR@10 over a query set.

``benchmarks/search-queries.yaml`` lists French lay queries and the pages that answer each. This
runs every query through the search of a built site (``_build/html`` by default, ``make html``
first) in Debian's Chromium, exactly as the search page ranks them (``termbaseSearch.rank``),
and writes the figures between the markers of ``benchmarks/results.md``.

    python benchmarks/search_quality.py [--site _build/html] [--no-write]

tests/site/test_search_queries.py runs the same measure on the session's built site.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import re
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
QUERIES = HERE / "search-queries.yaml"
RESULTS = HERE / "results.md"
START, END = "<!-- benchmarks/search_quality.py: start -->", "<!-- benchmarks/search_quality.py: end -->"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


@dataclass(frozen=True)
class Outcome:
    query: str
    expect: tuple[str, ...]
    pages: tuple[str, ...]  # docnames, best first, anchors dropped, each once
    corrected: tuple[tuple[str, str], ...]
    answer: str | None
    #: the triage symptoms whose answer card the query shows (slugs), most urgent first
    triage: tuple[str, ...] = ()

    @property
    def rank(self) -> int | None:
        """1-based rank of the first right page in the top 10, else None."""
        for position, page in enumerate(self.pages[:10], 1):
            if page in self.expect:
                return position
        return None


def load_queries(path: Path = QUERIES) -> list[dict[str, Any]]:
    queries = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(queries, list) or not all(isinstance(q, dict) and q.get("query") and q.get("expect") for q in queries):
        raise SystemExit(f"{path}: expected a list of {{query: ..., expect: [pages]}}")
    return queries


def run_queries(page: Any, site_url: str, queries: list[dict[str, Any]]) -> list[Outcome]:
    """Every query through ``termbaseSearch.rank`` on the site's search page (*page*: Playwright)."""
    page.goto(f"{site_url}/search.html")
    page.wait_for_function("() => window.termbaseSearch && window.termbaseSearch.rank && Search._index")
    outcomes = []
    for item in queries:
        found = page.evaluate("q => termbaseSearch.rank(q)", item["query"])
        pages: list[str] = []
        for hit in found["pages"]:
            doc = hit.split("#", 1)[0]
            if doc not in pages:
                pages.append(doc)
        answer = found["answer"]["term"] if found["answer"] else None
        triage = tuple(found.get("triage") or ())
        outcomes.append(Outcome(item["query"], tuple(item["expect"]), tuple(pages), tuple(map(tuple, found["corrected"])), answer, triage))
    return outcomes


def mrr(outcomes: list[Outcome]) -> float:
    return sum(1 / o.rank for o in outcomes if o.rank) / len(outcomes)


def report(outcomes: list[Outcome]) -> str:
    ranks = [o.rank for o in outcomes]
    lines = [
        "## Search quality (French lay queries)",
        "",
        f"`benchmarks/search-queries.yaml`: {len(outcomes)} queries (symptoms, drugs by DCI and brand, cancers, rights,",
        "questions as patients write them, typos), each with the pages that answer it, run through the search of the",
        "built site in Chromium (`python benchmarks/search_quality.py`, also checked by tests/site/test_search_queries.py).",
        "A query counts as right when one of its listed pages comes first; MRR@10 is the mean of 1/rank of that page.",
        "The set includes issue 21's queries: « urgence » and « qui appeler la nuit » → « Quand appeler ? », « livret » → « Mon livret »,",
        "and symptoms in the patients' words (« j’ai de la fièvre », « diarrhée depuis hier », « je suis essouflé »…): they show the",
        "triage answer card (the symptom's level as on the patient card, a link to its questions) and « Quand appeler ? » comes first.",
        "",
        "| measure | value |",
        "|---|---:|",
        f"| MRR@10 | {mrr(outcomes):.3f} |",
        f"| right page first | {sum(r == 1 for r in ranks)} / {len(ranks)} |",
        f"| right page in the top 3 | {sum(bool(r) and r <= 3 for r in ranks)} / {len(ranks)} |",
        f"| queries without any result | {sum(not o.pages for o in outcomes)} |",
        f"| typos corrected | {sum(bool(o.corrected) for o in outcomes)} |",
        f"| queries answered by a definition card | {sum(bool(o.answer) for o in outcomes)} |",
        f"| queries answered by a triage card | {sum(bool(o.triage) for o in outcomes)} |",
        "",
        "| query | right page | rank | first result | triage card |",
        "|---|---|---:|---|---|",
    ]
    for o in outcomes:
        lines.append(f"| {o.query} | {', '.join(o.expect)} | {o.rank or '—'} | {o.pages[0] if o.pages else '(none)'} | {', '.join(o.triage) or '—'} |")
    return "\n".join(lines)


def write_results(text: str, path: Path = RESULTS) -> None:
    current = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    block = f"{START}\n{text}\n{END}"
    if START in current and END in current:
        current = re.sub(re.escape(START) + r".*?" + re.escape(END), lambda _m: block, current, flags=re.DOTALL)
    else:
        current = current.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(current, encoding="utf-8")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=HERE.parent / "_build" / "html")
    parser.add_argument("--no-write", action="store_true", help="print the figures, leave results.md alone")
    args = parser.parse_args(argv)
    if not (args.site / "search.html").is_file():
        print(f"{args.site}/search.html is missing: run 'make html' first", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(args.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            outcomes = run_queries(browser.new_page(), f"http://127.0.0.1:{server.server_address[1]}", load_queries())
            browser.close()
    finally:
        server.shutdown()
    text = report(outcomes)
    print(text)
    if not args.no_write:
        write_results(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
