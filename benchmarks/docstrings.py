"""What reading docstrings and gallery scripts costs docscheck, on public projects that cite in them.

    python benchmarks/docstrings.py [--cache DIR] [--runs N]

Runs ``docscheck check`` zero-config on the unpacked sdists of :data:`PROJECTS` (downloaded by
``benchmarks/real_projects.py``, same ``--cache``), in cold subprocesses, with and without the
reading of Python sources (the second replaces ``docscheck.project.code_sources`` by a function
that reads nothing, and checks that fewer citations or term references were found), in alternate runs; prints the best wall and CPU time (user + system) of each as a
Markdown table for ``benchmarks/results.md``.

The subprocesses keep their bytecode (in a temporary ``PYTHONPYCACHEPREFIX``, even when the
environment sets ``PYTHONDONTWRITEBYTECODE``), as an installed docscheck does: compiling its
modules on every run would add the same fixed cost to both figures and hide the overhead.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from real_projects import unpack  # noqa: E402

PROJECTS = ["nilearn==0.14.1", "plasmapy==2025.8.0"]

RUN = """
import sys
import docscheck.project as project
if sys.argv[1] == "without":
    assert hasattr(project, "code_sources"), "docscheck.project.code_sources is gone: update benchmarks/docstrings.py"
    project.code_sources = lambda *args, **kwargs: ([], [])
from docscheck.cli import run
sys.argv = ["docscheck", "check", sys.argv[2], "--format", "json"]
run()
"""


def timed(mode: str, root: Path, env: dict[str, str]) -> tuple[float, float, dict[str, int]]:
    """Wall and CPU seconds of one cold ``docscheck check`` subprocess, and its stats."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", RUN, mode, str(root)], capture_output=True, text=True, check=False, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        stats = json.loads(result.stdout)["stats"]
    except (ValueError, KeyError):
        raise SystemExit(f"docscheck failed on {root} ({mode} docstrings): {result.stderr[-2000:]}") from None
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), stats


def python_files(root: Path) -> tuple[int, int]:
    files = [p for p in root.rglob("*.py") if "tests" not in p.parts]
    return len(files), sum(p.stat().st_size for p in files) // 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "docscheck-real-projects")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    pycache = tempfile.TemporaryDirectory(prefix="docscheck-bench-pycache-")
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = pycache.name
    print("| project | Python files (kB) | without docstrings (s) | with docstrings (s) | overhead, wall | overhead, CPU | load |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for requirement in PROJECTS:
        root = unpack(requirement, args.cache)
        best = {"without": (1e9, 1e9), "with": (1e9, 1e9)}
        # warm-up (bytecode written, files in the OS cache), and proof that "without" reads less
        counted = {mode: timed(mode, root, env)[2] for mode in ("without", "with")}
        if (counted["without"]["citations"], counted["without"]["term_refs"]) >= (counted["with"]["citations"], counted["with"]["term_refs"]):
            raise SystemExit(f"{requirement}: the run without docstrings found as much as the run with them: {counted}")
        for _run in range(args.runs):
            for mode in ("without", "with"):
                wall, cpu, _stats = timed(mode, root, env)
                best[mode] = (min(best[mode][0], wall), min(best[mode][1], cpu))
        (w0, c0), (w1, c1) = best["without"], best["with"]
        files, size = python_files(root)
        print(
            f"| {requirement} | {files} ({size}) | {w0:.2f} ({c0:.2f}) | {w1:.2f} ({c1:.2f}) | "
            f"{(w1 - w0) / w0:+.0%} | {(c1 - c0) / c0:+.0%} | {os.getloadavg()[0]:.1f} |",
            flush=True,
        )
    pycache.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
