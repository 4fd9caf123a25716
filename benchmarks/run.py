"""Benchmarks: docscheck against Sphinx, termbase's overhead, and the maintainer's edit loop.

    python benchmarks/run.py [--scales 1 10 100] [--repeat N] [--parts docscheck docscheck-dense termbase edit-loop]
                             [--edit-scales 10 100] [--before REV] [--before-scales 0 10]

- docscheck: for each scale of the synthetic corpus, docscheck's wall time (cold subprocess), its
  peak RSS, a cold ``sphinx-build -b html -q`` time, the ratio and linearity (largest/1× time).
- docscheck-dense: docscheck against ``sphinx-build`` and a regex scan on a corpus as dense as real
  pages, at 1× and 10× (:mod:`docscheck_dense`, which writes its own JSON file and table).
- termbase: Sphinx time with and without termbase on the synthetic corpus (1×, 10×: a stock
  ``{glossary}`` of the same terms) and on the real site, against two baselines (a stock glossary
  of the same entries, the fair one; and no glossary at all), see :mod:`baselines`.
- edit-loop: cold build, rebuild with nothing changed, rebuild after editing one page, on the real
  site (scale 0 below) and on the synthetic corpus built with the site's own configuration (theme
  included), see :mod:`edit_loop`; "before" is the same on the tree of ``--before``.

Writes results.json and its part of results.md (between markers; other sections are kept).
Never a timed test: these numbers depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from baselines import STOCK_OPTIONS, write_stock_glossary  # noqa: E402
from corpus import copy_site_configuration, edited_page, generate  # noqa: E402
import docscheck_dense  # noqa: E402
import edit_loop  # noqa: E402

#: The commit issue 15 started from: "before" in the edit-loop table.
BASELINE_REVISION = "3070349"
REAL_SITE = 0  # the real site in --edit-scales / --before-scales
REAL_SITE_PAGE = "docs/faq.md"
#: What identifies a row of each table, so that a partial run (``--parts``) updates only its rows.
ROW_KEYS = {"scales": ("scale",), "termbase": ("corpus",), "edit_loop": ("corpus", "variant")}
MARK_START, MARK_END = "<!-- benchmarks/run.py: start -->", "<!-- benchmarks/run.py: end -->"
#: docscheck-dense is :mod:`docscheck_dense` at 1× and 10× (its own JSON file and section of results.md).
PARTS = ["docscheck", "docscheck-dense", "termbase", "edit-loop"]

RSS_WRAPPER = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)"
)


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Wall seconds, peak RSS (MB) and exit status of a command run in a fresh process."""
    result = subprocess.run([sys.executable, "-c", RSS_WRAPPER, *command], capture_output=True, text=True, env=env)
    seconds, rss_kb, status = result.stdout.split()
    return float(seconds), int(rss_kb) / 1024, int(status)


def best(command: list[str], repeat: int, env: dict[str, str] | None = None) -> tuple[float, float, int]:
    runs = [timed(command, env) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs), runs[-1][2]


def sphinx_time(docs: Path, work: Path, repeat: int, termbase: bool | None, extra: list[str] | tuple[str, ...] = ()) -> float:
    """Cold build: fresh output and doctree directories for every run."""
    times = []
    for run in range(repeat):
        out = work / f"build-{termbase}-{run}"
        env = dict(os.environ)
        if termbase is not None:
            env["IMMUNOGUIDE_BENCH_TERMBASE"] = "1" if termbase else "0"
        command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-d", str(out / "doctrees"), *extra, str(docs), str(out / "html")]
        seconds, _rss, status = timed(command, env)
        if not (out / "html" / "index.html").is_file():
            raise SystemExit(f"benchmark build failed (exit {status}): {' '.join(command)}")
        times.append(seconds)
        shutil.rmtree(out, ignore_errors=True)
    return min(times)


def termbase_available() -> bool:
    return importlib.util.find_spec("termbase") is not None


def measure_docscheck(scales: list[int], repeat: int, work: Path, results: dict) -> None:
    docscheck = [*docscheck_dense.docscheck_command(), "check"]
    for scale in scales:
        root = work / f"corpus-{scale}"
        counts = generate(root, scale)
        check_s, rss_mb, status = best([*docscheck, str(root)], repeat)
        # The same corpus built by Sphinx with termbase, minus termbase's own docscheck pass.
        sphinx_s = sphinx_time(root / "docs", work, 1 if scale >= 100 else repeat, termbase=True, extra=["-D", "termbase_docscheck=0"])
        row = {"scale": scale, **counts, "docscheck_s": round(check_s, 3), "docscheck_rss_mb": round(rss_mb, 1), "docscheck_exit": status, "sphinx_s": round(sphinx_s, 2), "ratio": round(sphinx_s / check_s, 1)}
        results["scales"].append(row)
        print(f"scale {scale}: docscheck {check_s:.2f}s ({rss_mb:.0f} MB), sphinx {sphinx_s:.1f}s, ratio {sphinx_s / check_s:.1f}", file=sys.stderr)


def relate_to_1x(rows: list[dict]) -> None:
    """``time_vs_1x`` of each docscheck row, from the 1× row of the table (also when only some scales were run again)."""
    base = next((r for r in rows if r["scale"] == 1), None)
    for row in rows:
        if base is not None:
            row["time_vs_1x"] = round(row["docscheck_s"] / base["docscheck_s"], 1)


def measure_termbase(repeat: int, work: Path, results: dict) -> None:
    for scale in (1, 10):
        root, stock = work / f"tb-corpus-{scale}", work / f"tb-stock-{scale}"
        generate(root, scale)
        generate(stock, scale, stock=True)
        results["termbase"].append(termbase_row(f"synthetic {scale}×", stock / "docs", root / "docs", work, repeat))
    results["termbase"].extend(real_site_rows(work, repeat))


def termbase_row(label: str, stock_docs: Path, docs: Path, work: Path, repeat: int) -> dict:
    """Stock Sphinx glossary (baseline) against the same terms as termbase entries."""
    if not termbase_available():
        return {"corpus": label, "skipped": "termbase is not importable"}
    without = sphinx_time(stock_docs, work, repeat, termbase=False)
    with_tb = sphinx_time(docs, work, repeat, termbase=True)
    return overhead_row(label, without, with_tb)


def overhead_row(label: str, without: float, with_tb: float) -> dict:
    return {"corpus": label, "without_s": round(without, 2), "with_s": round(with_tb, 2), "overhead_pct": round(100 * (with_tb - without) / without, 1)}


def real_site_rows(work: Path, repeat: int) -> list[dict]:
    """The real site with termbase, against a stock glossary of the same entries and no glossary."""
    if not (REPO / "docs" / "conf.py").is_file() or not termbase_available():
        return [{"corpus": "real site", "skipped": "docs/conf.py or termbase missing"}]
    site = edit_loop.copy_site(work / "real-site")
    stock = edit_loop.copy_site(work / "real-site-stock")
    write_stock_glossary(stock)
    with_tb = sphinx_time(site / "docs", work, repeat, None)
    fair = sphinx_time(stock / "docs", work, repeat, None, STOCK_OPTIONS)
    bare = sphinx_time(site / "docs", work, repeat, None, STOCK_OPTIONS)
    return [overhead_row("real site, vs stock glossary of the same entries", fair, with_tb), overhead_row("real site, vs no glossary", bare, with_tb)]


def measure_edit_loop(scales: list[int], before_scales: list[int], before: str, repeat: int, work: Path, results: dict) -> None:
    """Edit-loop rows: for each scale, "before" (older code) when asked, then "after" (this tree).

    Both build the same content (this tree's pages, entries and bibliography, or the same
    synthetic corpus); "before" takes the tools and the site configuration (``docs/conf.py``,
    templates, static files) of the older commit, "after" those of this tree.
    """
    old_tree = edit_loop.export_revision(before, work / "before-tree") if before_scales else None
    label = edit_loop.describe(before)
    for scale in scales:
        variants = [("after", REPO, None)]
        if old_tree is not None and scale in before_scales:
            variants.insert(0, (f"before ({label})", old_tree, old_tree / "tools"))
        for variant, tree, pythonpath in variants:
            root = work / f"loop-{scale}-{variant.split()[0]}"
            shutil.rmtree(root, ignore_errors=True)
            if scale == REAL_SITE:
                edit_loop.copy_site(root, REPO)
                corpus, page = "real site", REAL_SITE_PAGE
            else:
                counts = generate(root, scale)
                corpus, page = f"synthetic {scale}× ({counts['pages']} pages), site configuration", edited_page(scale)
            copy_site_configuration(root, tree)  # the site configuration of the code measured
            runs = 1 if scale >= 100 else repeat
            started = time.perf_counter()
            loop = edit_loop.measure(root, page, corpus, variant, runs, pythonpath, warm=variant == "after")
            row = loop.row()
            results["edit_loop"].append(row)
            print(f"edit loop {corpus} [{variant}]: cold {row['cold_s']}s ({row['cold_cpu_s']}s CPU), no change {row['no_change_s']}s "
                  f"({row['no_change_pct']} %), one page {row['one_page_s']}s ({row['one_page_pct']} %) [{time.perf_counter() - started:.0f}s]",
                  file=sys.stderr)  # fmt: skip
            shutil.rmtree(root, ignore_errors=True)


def markdown(results: dict) -> str:
    lines: list[str] = []
    if results.get("scales"):
        lines += [
            "## docscheck against Sphinx",
            "",
            "`sphinx-build` builds the corpus with its minimal conf.py (Sphinx's default theme, whose sidebar lists every",
            "page on every page, hence its quadratic 100× time) and without termbase's own docscheck pass.",
            "",
            "| scale | pages | terms | bib entries | docscheck (s) | peak RSS (MB) | sphinx-build (s) | speed-up | time vs 1× |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for r in results["scales"]:
            lines.append(f"| {r['scale']}× | {r['pages']} | {r['terms']} | {r['bib_entries']} | {r['docscheck_s']} | {r['docscheck_rss_mb']} | {r['sphinx_s']} | {r['ratio']}× | {r.get('time_vs_1x', '')} |")
        lines.append("")
    if results.get("termbase"):
        lines += [
            "## termbase's overhead",
            "",
            "Synthetic rows compare a stock `{glossary}` block with the same terms as termbase entries. The real site is",
            "compared with the same site whose glossary page is a stock `{glossary}` of the same entries (the fair",
            "baseline), and with the same site without any glossary (an upper bound: it counts rendering the entries).",
            "",
            "| corpus | sphinx without termbase (s) | with termbase (s) | overhead |",
            "|---|---:|---:|---:|",
        ]
        for r in results["termbase"]:
            if "skipped" in r:
                lines.append(f"| {r['corpus']} | skipped: {r['skipped']} | | |")
            else:
                lines.append(f"| {r['corpus']} | {r['without_s']} | {r['with_s']} | {r['overhead_pct']} % |")
        lines.append("")
    if results.get("edit_loop"):
        lines += [
            "## The edit loop",
            "",
            "Wall time of `sphinx-build -b html -n --keep-going` (a fresh process, start-up included), best of the",
            "repeats (one run at 100×): a cold build into empty directories, a rebuild with nothing changed, and a",
            "rebuild after appending a sentence to one page (`docs/faq.md`; the middle page of a synthetic corpus).",
            "\"before\" is the code and site configuration of the commit issue 15 started from, on the same content,",
            "measured in the same run. \"in CPU time\" is the one-page ratio in CPU time (process and children),",
            "which the machine's load disturbs less. The last two columns are the same rebuilds as `make serve` runs",
            "them (`tools/warmbuild`: forked from a process that has already imported Sphinx, the theme and termbase),",
            "against the same cold build; only for this tree's code.",
            "",
            "| corpus | code | cold (s) | no change (s) | no change / cold | one page (s) | one page / cold | in CPU time "
            "| make serve: no change / cold | make serve: one page (s) / cold |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for r in results["edit_loop"]:
            cpu = f"{100 * r['one_page_cpu_s'] / r['cold_cpu_s']:.1f} %" if r.get("cold_cpu_s") else ""
            warm_no_change = f"{r['warm_no_change_pct']} %" if "warm_no_change_pct" in r else ""
            warm_one_page = f"{r['warm_one_page_s']} s, {r['warm_one_page_pct']} %" if "warm_one_page_pct" in r else ""
            lines.append(
                f"| {r['corpus']} | {r['variant']} | {r['cold_s']} | {r['no_change_s']} | {r['no_change_pct']} % | "
                f"{r['one_page_s']} | {r['one_page_pct']} % | {cpu} | {warm_no_change} | {warm_one_page} |"
            )
        lines.append("")
    return "\n".join(lines)


def row_order(table: str, row: dict) -> tuple:
    """Rows in a stable order: by scale (the real site first), then "before" before "after"."""
    if table == "scales":
        return (row.get("scale", 0),)
    if table == "edit_loop":
        corpus = row.get("corpus", "")
        scale = int(corpus.split("×")[0].split()[-1]) if "×" in corpus else 0
        return (scale, not row.get("variant", "").startswith("before"))
    return ()


def write_results(results: dict) -> str:
    """results.json (parts not measured this time are kept) and this script's part of results.md."""
    json_path, md_path = HERE / "results.json", HERE / "results.md"
    previous = json.loads(json_path.read_text(encoding="utf-8")) if json_path.is_file() else {}
    merged = {**previous, **{key: value for key, value in results.items() if not isinstance(value, list)}}
    for key, identity in ROW_KEYS.items():  # rows measured now replace theirs; the others stay
        fresh = results.get(key, [])
        measured = {tuple(row.get(name) for name in identity) for row in fresh}
        kept = [row for row in previous.get(key, []) if tuple(row.get(name) for name in identity) not in measured]
        merged[key] = sorted(kept + fresh, key=lambda row: row_order(key, row))
    relate_to_1x(merged["scales"])
    json_path.write_text(json.dumps(merged, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    table = markdown(merged)
    block = f"{MARK_START}\n{table}{MARK_END}\n"
    text = md_path.read_text(encoding="utf-8") if md_path.is_file() else ""
    if MARK_START in text and MARK_END in text:
        head, _, rest = text.partition(MARK_START)
        _, _, tail = rest.partition(MARK_END)
        text = head + block + tail.lstrip("\n")
    else:  # first run with markers: the whole file used to be this script's
        text = "# Benchmark results\n\nGenerated by `python benchmarks/run.py` (`make bench`).\n\n" + block
    md_path.write_text(text, encoding="utf-8")
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="docscheck, termbase and edit-loop benchmarks")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100], help="synthetic scales for docscheck")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--parts", nargs="+", choices=PARTS, default=PARTS)
    parser.add_argument("--edit-scales", type=int, nargs="+", default=[REAL_SITE, 10, 100], help="0 is the real site")
    parser.add_argument("--before", default=BASELINE_REVISION, help="revision measured as \"before\"")
    parser.add_argument("--before-scales", type=int, nargs="*", default=[REAL_SITE, 10], help="edit-loop scales also measured before")
    args = parser.parse_args(argv)
    results: dict = {"python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count(), "repeat": args.repeat,
                     "scales": [], "termbase": [], "edit_loop": []}  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if "docscheck" in args.parts:
            measure_docscheck(args.scales, args.repeat, work, results)
        if "docscheck-dense" in args.parts:
            docscheck_dense.main(["--scales", "1", "10", "--repeat", str(args.repeat)])
        if "termbase" in args.parts:
            measure_termbase(args.repeat, work, results)
        if "edit-loop" in args.parts:
            measure_edit_loop(args.edit_scales, args.before_scales, args.before, args.repeat, work, results)
    print(write_results(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
