"""What termbase keeps from one build to the next, beside the Sphinx environment.

Sphinx saves its environment only when a page was read, so a value computed in a build where
nothing changed (formatted references after a code edit, the sort keys of the general index, which
is written at every build) would be lost and computed again at every such build. These values
live in small pickles in the doctree directory instead, each under the fingerprint of what it was
computed from (:func:`code_fingerprint` of the code that computes it, plus its own inputs); a
different fingerprint, a damaged file or ``sphinx-build -E`` (fresh environment: everything from
scratch) means an empty cache. Only what a build used is saved, so a cache never grows.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import os
import pickle
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

PREFIX = "termbase-cache-"
#: Installed libraries counted by version: hashing their sources would cost more than it saves.
DISTRIBUTIONS = {"pybtex": "pybtex", "sphinxcontrib": "sphinxcontrib-bibtex", "latexcodec": "latexcodec", "pyuca": "pyuca",
                 "sphinx": "sphinx", "docutils": "docutils", "myst_parser": "myst-parser", "markdown_it": "markdown-it-py",
                 "snowballstemmer": "snowballstemmer"}  # fmt: skip


def package_sources(top: str) -> Iterator[Path]:
    """The ``.py`` files of an imported top-level package (or the module file itself)."""
    module = sys.modules.get(top)
    if module is None:
        return
    for directory in getattr(module, "__path__", []):
        yield from sorted(Path(directory).rglob("*.py"))
    if not hasattr(module, "__path__") and getattr(module, "__file__", None):
        yield Path(module.__file__)


@functools.cache
def code_fingerprint(packages: tuple[str, ...]) -> str:
    """Changes when the code of one of these top-level packages changes (sources, or version for
    installed libraries); computed once per process, as code does not change during a build."""
    digest = hashlib.sha256()
    for top in sorted(set(packages)):
        digest.update(f"\0{top}\0".encode())
        if top in DISTRIBUTIONS:
            try:
                digest.update(importlib.metadata.version(DISTRIBUTIONS[top]).encode())
            except importlib.metadata.PackageNotFoundError:
                pass
            continue
        for source in package_sources(top):
            digest.update(str(source).encode())
            digest.update(source.read_bytes())
    return digest.hexdigest()


def fingerprint(packages: Iterable[str], *inputs: bytes | str) -> str:
    """:func:`code_fingerprint` of ``packages`` combined with the cached values' own inputs."""
    digest = hashlib.sha256(code_fingerprint(tuple(sorted(set(packages)))).encode())
    for value in inputs:
        digest.update(b"\0" + (value.encode() if isinstance(value, str) else value))
    return digest.hexdigest()


def cache_path(app: Any, name: str) -> Path | None:
    """Where the cache ``name`` of this build lives, or None when it must start empty
    (no doctree directory, or ``-E``: a fresh environment means everything from scratch)."""
    doctreedir = getattr(app, "doctreedir", None)
    if not doctreedir:
        return None
    return Path(doctreedir) / f"{PREFIX}{name}.pickle"


class BuildCache:
    """One named cache: a dict loaded at the start, saved (if it changed) with only what was used."""

    def __init__(self, app: Any, name: str, key: str) -> None:
        self.key = key
        self.path = cache_path(app, name)
        fresh = bool(getattr(app, "_fresh_env_used", False))
        self.previous: dict[Any, Any] = self._load() if self.path is not None and not fresh else {}
        self.used: dict[Any, Any] = {}

    def _load(self) -> dict[Any, Any]:
        try:
            with self.path.open("rb") as handle:  # type: ignore[union-attr]
                key, values = pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            return {}
        return values if key == self.key and isinstance(values, dict) else {}

    def get(self, item: Any, compute: Any) -> Any:
        """The cached value of ``item``, else ``compute()`` (remembered)."""
        if item in self.used:
            return self.used[item]
        value = self.previous[item] if item in self.previous else compute()
        self.used[item] = value
        return value

    def put(self, item: Any, value: Any) -> None:
        """Remember ``value`` for ``item`` (replacing what an earlier build left)."""
        self.used[item] = value

    def save(self, force: bool = False) -> None:
        """Write the values used by this build, unless they are exactly what was loaded (or
        ``force``: a value changed in place)."""
        if self.path is None or (self.used == self.previous and not force):
            return
        save_pickle(self.path, (self.key, self.used))


def save_pickle(path: Path, value: Any) -> None:
    """Replace ``path`` in one step, so that an interrupted build never leaves half a file."""
    partial = path.with_name(f"{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as handle:
            pickle.dump(value, handle, pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)
    except OSError:
        partial.unlink(missing_ok=True)
