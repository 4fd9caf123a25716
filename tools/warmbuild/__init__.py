"""Warm Sphinx builds: each build runs in a process forked from one that has already imported Sphinx.

Every ``sphinx-build`` first imports Sphinx, docutils, MyST and markdown-it, sphinxcontrib-bibtex
and pybtex, pydata-sphinx-theme (with BeautifulSoup, soupsieve and requests), Pygments, Jinja and
termbase: about 1.5 s on the project's 2-core machine, before a single page is read, which is
half of a one-page rebuild of the 10× benchmark corpus. :class:`WarmBuilds` imports them once in
its own process (:data:`PRELOAD`, :data:`PROJECT_PACKAGES`, then :mod:`warmbuild.warm`, which
also compiles soupsieve's selector patterns) and runs each build in a child it forks
(:func:`os.fork`). The child is a fresh copy of a process that has built nothing, as a new
``sphinx-build`` is: nothing a build changes in memory reaches the next one (that is why
sphinx-autobuild runs each build in a new process); only the imports are already done.

The project's own packages (termbase, docscheck) are watched: before each build the size and
mtime of every one of their ``.py`` files is compared with what was imported, and once one
changed, builds run as a plain ``python -m sphinx`` subprocess (cold, with the new code) and a
note says to restart for warm builds again. ``conf.py`` is never imported here (Sphinx executes
it in each build). Upgrading an installed library needs a restart.

- ``python -m warmbuild build [sphinx-build arguments]``: one build; the exit status is
  sphinx-build's.
- ``python -m warmbuild serve [sphinx-autobuild arguments]``: sphinx-autobuild, whose builds are
  warm (``make serve``). sphinx-autobuild runs ``python -m sphinx build …`` with
  :func:`subprocess.run` (in a worker process of its own, forked from this one); :func:`serve`
  gives its build module a :class:`WarmSubprocess`, which runs that command in a warm child and
  passes any other command (``--pre-build``) to :mod:`subprocess`.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
import os
import resource
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Libraries imported once (missing ones are skipped).
PRELOAD = (
    "sphinx.cmd.build", "sphinx.application", "sphinx.builders.html", "sphinx.builders.latex", "sphinx.search.fr",
    "docutils.parsers.rst", "jinja2", "pygments", "markdown_it", "myst_parser", "myst_parser.sphinx_ext.main",
    "myst_parser.parsers.sphinx_", "sphinxcontrib.bibtex", "pybtex", "latexcodec", "pyuca", "yaml",
    "pydata_sphinx_theme", "bs4", "sphinx_design", "warmbuild.warm",
)  # fmt: skip
#: The project's packages: preloaded, and watched for changes.
PROJECT_PACKAGES = ("termbase", "termbase.french", "termbase.citations", "termbase.glossary", "termbase.search",
                    "termbase.tooltips", "termbase.handouts", "termbase.build", "docscheck", "docscheck.project")


@dataclass(frozen=True)
class Outcome:
    """How a warm build ended: sphinx-build's exit status and the CPU seconds of the child (and
    of the processes it waited for, such as termbase's docscheck pass)."""

    status: int
    cpu_s: float
    warm: bool = True


def preload_modules() -> list[str]:
    """Sphinx's built-in extensions (which every build loads), :data:`PRELOAD` and the project."""
    try:
        from sphinx.application import builtin_extensions
    except ImportError:
        builtin_extensions = ()
    return [*builtin_extensions, *PRELOAD, *PROJECT_PACKAGES]


def project_code_state() -> tuple[tuple[str, int, int], ...]:
    """Path, size and mtime of every ``.py`` file of :data:`PROJECT_PACKAGES`."""
    files: set[Path] = set()
    for name in {package.split(".")[0] for package in PROJECT_PACKAGES}:
        spec = importlib.util.find_spec(name)
        for directory in (spec.submodule_search_locations or []) if spec is not None else []:
            files.update(Path(directory).rglob("*.py"))
    state = []
    for path in sorted(files):
        try:
            stat = path.stat()
        except OSError:
            continue
        state.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(state)


def _run_in_child(argv: list[str]) -> int:
    from sphinx.cmd.build import build_main

    try:
        return build_main(argv)
    except SystemExit as exc:  # argparse errors and the like
        return exc.code if isinstance(exc.code, int) else 2
    except BaseException:  # noqa: BLE001 - the child must never return into the parent's code
        import traceback

        traceback.print_exc()
        return 2


class WarmBuilds:
    """Builds in children forked from this process, which imports what every build imports."""

    def __init__(self) -> None:
        for name in preload_modules():
            try:
                importlib.import_module(name)
            except ImportError:
                pass
        # What was imported stays for good: the collector of each child need not walk it (nor copy
        # the pages it would touch).
        gc.collect()
        gc.freeze()
        self.code = project_code_state()
        #: set once the project's code changed after it was imported: builds are cold from then on
        self.stale = False

    def build(self, argv: Sequence[str]) -> Outcome:
        if not self.stale and project_code_state() != self.code:
            self.stale = True
            print("warmbuild: termbase or docscheck changed since they were imported; builds start a new "
                  "process from now on (restart make serve for warm builds)", file=sys.stderr)  # fmt: skip
        if self.stale:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            status = subprocess.run([sys.executable, "-m", "sphinx", *argv], check=False).returncode
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            return Outcome(status, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), warm=False)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            status = 2
            try:
                status = _run_in_child(list(argv))
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(status)
        _, wait_status, usage = os.wait4(pid, 0)
        return Outcome(os.waitstatus_to_exitcode(wait_status), usage.ru_utime + usage.ru_stime)


class WarmSubprocess:
    """What sphinx-autobuild's build module sees as :mod:`subprocess`: its Sphinx builds run warm."""

    CalledProcessError = subprocess.CalledProcessError

    def __init__(self, builds: WarmBuilds) -> None:
        self.builds = builds

    def run(self, command: Sequence[str], *args: Any, check: bool = False, **kwargs: Any) -> subprocess.CompletedProcess:
        command = list(command)
        if command[:3] != [sys.executable, "-m", "sphinx"] or args or kwargs:
            return subprocess.run(command, *args, check=check, **kwargs)
        argv = command[4:] if command[3:4] == ["build"] else command[3:]
        status = self.builds.build(argv).status
        if check and status:
            raise subprocess.CalledProcessError(status, command)
        return subprocess.CompletedProcess(command, status)


def serve(argv: Sequence[str]) -> int:
    """sphinx-autobuild with warm rebuilds."""
    try:
        import sphinx_autobuild.__main__ as autobuild_main
        import sphinx_autobuild.build as autobuild_build
    except ImportError:
        print("warmbuild serve: sphinx-autobuild is not installed; run `make serve`, which installs it (.[serve])", file=sys.stderr)
        return 2
    if not hasattr(autobuild_build, "subprocess"):
        print("warmbuild serve: this sphinx-autobuild does not build through subprocess.run; builds are not warm", file=sys.stderr)
    else:
        autobuild_build.subprocess = WarmSubprocess(WarmBuilds())
    autobuild_main.main(list(argv))
    return 0
