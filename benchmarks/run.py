"""Benchmark docscheck against a cold sphinx-build of the same synthetic corpus.

    python benchmarks/run.py [--scales 1 10 100] [--repeat N]

For each scale: docscheck wall time (cold subprocess), its peak RSS, a cold ``sphinx-build -b
html -q`` time, the ratio, and linearity (largest/1× time). For scales 1 and 10 and the real
site, Sphinx time with and without termbase (overhead %). Writes results.json and results.md.
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

from corpus import generate  # noqa: E402

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


def sphinx_time(docs: Path, work: Path, repeat: int, termbase: bool | None, extra: list[str] | None = None) -> float:
    """Cold build: fresh output and doctree directories for every run."""
    times = []
    for run in range(repeat):
        out = work / f"build-{termbase}-{run}"
        env = dict(os.environ)
        if termbase is not None:
            env["IMMUNOGUIDE_BENCH_TERMBASE"] = "1" if termbase else "0"
        command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-d", str(out / "doctrees"), *(extra or []), str(docs), str(out / "html")]
        seconds, _rss, status = timed(command, env)
        if not (out / "html" / "index.html").is_file():
            raise SystemExit(f"benchmark build failed (exit {status}): {' '.join(command)}")
        times.append(seconds)
        shutil.rmtree(out, ignore_errors=True)
    return min(times)


def termbase_available() -> bool:
    return importlib.util.find_spec("termbase") is not None


def measure(scales: list[int], repeat: int) -> dict:
    results: dict = {"python": platform.python_version(), "machine": platform.machine(), "repeat": repeat, "scales": [], "termbase": []}
    docscheck = [sys.executable, "-m", "docscheck", "check"]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for scale in scales:
            root = work / f"corpus-{scale}"
            counts = generate(root, scale)
            check_s, rss_mb, status = best([*docscheck, str(root)], repeat)
            # The same corpus built by Sphinx with termbase, minus termbase's own docscheck pass.
            sphinx_s = sphinx_time(root / "docs", work, 1 if scale >= 100 else repeat, termbase=True, extra=["-D", "termbase_docscheck=0"])
            row = {"scale": scale, **counts, "docscheck_s": round(check_s, 3), "docscheck_rss_mb": round(rss_mb, 1), "docscheck_exit": status, "sphinx_s": round(sphinx_s, 2), "ratio": round(sphinx_s / check_s, 1)}
            results["scales"].append(row)
            print(f"scale {scale}: docscheck {check_s:.2f}s ({rss_mb:.0f} MB), sphinx {sphinx_s:.1f}s, ratio {sphinx_s / check_s:.1f}", file=sys.stderr)
            if scale in (1, 10):
                stock = work / f"stock-{scale}"
                generate(stock, scale, stock=True)
                results["termbase"].append(termbase_row(f"synthetic {scale}×", stock / "docs", root / "docs", work, repeat))
        results["termbase"].append(real_site_row(work, repeat))
    base = next((r for r in results["scales"] if r["scale"] == 1), None)
    if base is not None:
        for row in results["scales"]:
            row["time_vs_1x"] = round(row["docscheck_s"] / base["docscheck_s"], 1)
    return results


def termbase_row(label: str, stock_docs: Path, docs: Path, work: Path, repeat: int) -> dict:
    """Stock Sphinx glossary (baseline) against the same terms as termbase entries."""
    if not termbase_available():
        return {"corpus": label, "skipped": "termbase is not importable"}
    without = sphinx_time(stock_docs, work, repeat, termbase=False)
    with_tb = sphinx_time(docs, work, repeat, termbase=True)
    return {"corpus": label, "without_s": round(without, 2), "with_s": round(with_tb, 2), "overhead_pct": round(100 * (with_tb - without) / without, 1)}


def real_site_row(work: Path, repeat: int) -> dict:
    """The real site: its conf.py enables termbase; without it, extensions are overridden with -D.

    That baseline has no glossary at all (the glossary page is empty, terms do not resolve), so
    this row is an upper bound: it counts rendering the 90 entries as termbase's cost.
    """
    docs = REPO / "docs"
    if not (docs / "conf.py").is_file() or not termbase_available():
        return {"corpus": "real site", "skipped": "docs/conf.py or termbase missing"}
    stock = ["-D", "extensions=myst_parser,sphinx_design,sphinxcontrib.bibtex", "-D", "bibtex_default_style=plain", "-D", "bibtex_reference_style=author_year"]
    without = sphinx_time(docs, work, repeat, None, stock)
    with_tb = sphinx_time(docs, work, repeat, None)
    return {"corpus": "real site", "without_s": round(without, 2), "with_s": round(with_tb, 2), "overhead_pct": round(100 * (with_tb - without) / without, 1)}


def markdown(results: dict) -> str:
    lines = [
        "| scale | pages | terms | bib entries | docscheck (s) | peak RSS (MB) | sphinx-build (s) | speed-up | time vs 1× |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results["scales"]:
        lines.append(f"| {r['scale']}× | {r['pages']} | {r['terms']} | {r['bib_entries']} | {r['docscheck_s']} | {r['docscheck_rss_mb']} | {r['sphinx_s']} | {r['ratio']}× | {r.get('time_vs_1x', '')} |")
    lines += [
        "",
        "Synthetic rows compare a stock `{glossary}` block with the same terms as termbase entries; the real-site",
        "baseline has no glossary at all, so its overhead includes rendering the whole glossary page.",
        "",
        "| corpus | sphinx without termbase (s) | with termbase (s) | overhead |",
        "|---|---:|---:|---:|",
    ]
    for r in results["termbase"]:
        if "skipped" in r:
            lines.append(f"| {r['corpus']} | skipped: {r['skipped']} | | |")
        else:
            lines.append(f"| {r['corpus']} | {r['without_s']} | {r['with_s']} | {r['overhead_pct']} % |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="docscheck vs sphinx-build benchmarks")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    results = measure(args.scales, args.repeat)
    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    table = markdown(results)
    (HERE / "results.md").write_text("# Benchmark results\n\nGenerated by `python benchmarks/run.py`.\n\n" + table, encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
