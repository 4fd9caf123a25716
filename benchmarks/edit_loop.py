"""The maintainer's edit loop: cold build, rebuild with nothing changed, rebuild after one edit.

Each measurement is the wall time of a fresh ``python -m sphinx`` process (start-up included, as
a maintainer waits for it), best of ``repeat``; the CPU time of the process and its children is
kept too, because a shared machine makes wall time noisy. The one-page edit appends a plain
sentence to one content page (no new term, title or citation), so that page is re-read and the
build decides what else to write.

For this tree's code ("after") the no-change and one-page rebuilds are also measured warm, as
``make serve`` runs them: :class:`warmbuild.WarmBuilds` forks each build from this process, which
has imported Sphinx, the theme and termbase once (CPU time is the child's).

"before" runs the very same measurements with the code of an older commit (``git archive``): its
``tools/`` come first on ``PYTHONPATH`` (they shadow the editable install) and its site
configuration (``docs/conf.py``, templates, static files) replaces this tree's, on the same
content; so before and after are measured on the same pages, on this machine, in one run.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
#: What a copy of the site needs to build (docs/conf.py reads ../glossary and ../references.bib).
SITE_PARTS = ("docs", "glossary", "triage", "references.bib", "references-figures.yaml", "pyproject.toml")
EDIT = "\nUne phrase ajoutée pour mesurer la reconstruction d’une seule page ({n}).\n"
SPHINX_OPTIONS = ("-b", "html", "-n", "--keep-going", "-q")


@dataclass(frozen=True)
class Timing:
    wall_s: float
    cpu_s: float


@dataclass(frozen=True)
class EditLoop:
    """Best-of-repeat times of the three builds of the loop, with ratios to the cold build."""

    corpus: str
    variant: str
    cold: Timing
    no_change: Timing
    one_page: Timing
    #: the same rebuilds as ``make serve`` runs them (this tree's code only)
    warm_no_change: Timing | None = None
    warm_one_page: Timing | None = None

    def row(self) -> dict:
        cold = self.cold.wall_s
        names = [name for name in ("cold", "no_change", "one_page", "warm_no_change", "warm_one_page") if getattr(self, name) is not None]
        return {
            "corpus": self.corpus,
            "variant": self.variant,
            **{f"{name}_s": round(getattr(self, name).wall_s, 2) for name in names},
            **{f"{name}_cpu_s": round(getattr(self, name).cpu_s, 2) for name in names},
            **{f"{name}_pct": round(100 * getattr(self, name).wall_s / cold, 1) for name in names if name != "cold"},
        }


def run_build(root: Path, out: Path, pythonpath: Path | None, extra: tuple[str, ...] = ()) -> Timing:
    """One ``sphinx-build`` of ``root/docs`` into ``out``; fails loudly if no page was written."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "1795392000"))
    if pythonpath is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(pythonpath), env.get("PYTHONPATH", "")]))
    command = [sys.executable, "-m", "sphinx", *SPHINX_OPTIONS, *extra, "-d", str(out / "doctrees"), str(root / "docs"), str(out / "html")]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if not (out / "html" / "index.html").is_file():
        raise SystemExit(f"benchmark build failed (exit {result.returncode}): {' '.join(command)}\n{result.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, cpu)


def best(timings: list[Timing]) -> Timing:
    return Timing(min(t.wall_s for t in timings), min(t.cpu_s for t in timings))


_WARM: list[Any] = []


def warm_builds() -> Any:
    """One :class:`warmbuild.WarmBuilds` for the whole run (it imports Sphinx into this process)."""
    if not _WARM:
        sys.path.insert(0, str(REPO / "tools"))
        from warmbuild import WarmBuilds

        _WARM.append(WarmBuilds())
    return _WARM[0]


def run_warm(root: Path, out: Path) -> Timing:
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1795392000")
    argv = [*SPHINX_OPTIONS, "-d", str(out / "doctrees"), str(root / "docs"), str(out / "html")]
    start = time.perf_counter()
    outcome = warm_builds().build(argv)
    wall = time.perf_counter() - start
    if outcome.status != 0 or not outcome.warm:
        raise SystemExit(f"warm benchmark build failed (exit {outcome.status}, warm={outcome.warm}): {' '.join(argv)}")
    return Timing(wall, outcome.cpu_s)


def measure(root: Path, page: str, corpus: str, variant: str, repeat: int, pythonpath: Path | None = None, warm: bool = False) -> EditLoop:
    """Cold, no-change and one-page builds of the project at ``root`` (edited in place); with
    ``warm``, the no-change and one-page rebuilds again, warm."""
    work = Path(tempfile.mkdtemp(prefix="edit-loop-"))
    try:
        cold: list[Timing] = []
        for _ in range(repeat):
            shutil.rmtree(work / "build", ignore_errors=True)
            cold.append(run_build(root, work / "build", pythonpath))
        no_change = [run_build(root, work / "build", pythonpath) for _ in range(repeat)]
        one_page: list[Timing] = []
        for n in range(repeat):
            with (root / page).open("a", encoding="utf-8") as handle:
                handle.write(EDIT.format(n=n + 1))
            one_page.append(run_build(root, work / "build", pythonpath))
        if not warm:
            return EditLoop(corpus, variant, best(cold), best(no_change), best(one_page))
        warm_no_change = [run_warm(root, work / "build") for _ in range(repeat)]
        warm_one_page: list[Timing] = []
        for n in range(repeat):
            with (root / page).open("a", encoding="utf-8") as handle:
                handle.write(EDIT.format(n=f"warm {n + 1}"))
            warm_one_page.append(run_warm(root, work / "build"))
        return EditLoop(corpus, variant, best(cold), best(no_change), best(one_page), best(warm_no_change), best(warm_one_page))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def copy_site(destination: Path, source: Path = REPO) -> Path:
    """A copy of the site's sources (the edit must not touch the working tree)."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in SITE_PARTS:
        path = source / name
        if path.is_dir():
            shutil.copytree(path, destination / name, ignore=shutil.ignore_patterns("_build"))
        elif path.is_file():  # an older commit may lack a part (triage/, the figures file)
            shutil.copy2(path, destination / name)
    return destination


def export_revision(revision: str, destination: Path) -> Path:
    """The whole tree of ``revision`` (code, pages, configuration), as ``git archive`` gives it."""
    destination.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", revision], check=True, capture_output=True).stdout
    with tempfile.TemporaryFile() as handle:
        handle.write(archive)
        handle.seek(0)
        with tarfile.open(fileobj=handle) as tar:
            tar.extractall(destination, filter="data")
    return destination


def describe(revision: str) -> str:
    result = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", revision], capture_output=True, text=True)
    return result.stdout.strip() or revision


def asdict_loop(loop: EditLoop) -> dict:
    return {**loop.row(), "timings": asdict(loop)}
