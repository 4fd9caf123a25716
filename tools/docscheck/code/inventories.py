"""Intersphinx inventories, offline: a local file the mapping names, or the user's cache.

``conf.py``'s ``intersphinx_mapping`` says which projects' terms a ``:term:`` role may resolve to.
Sphinx downloads their ``objects.inv`` at every build; ``docscheck check`` never uses the network,
so it reads an inventory from a local file the mapping names (relative to the source directory,
inside ROOT) or from the cache that ``docscheck inventories --fetch`` fills. The cache lives in the
user's cache directory (``$XDG_CACHE_HOME/docscheck/inventories``, default ``~/.cache/…``), never
inside ROOT: docscheck does not write into the project.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TextIO

from .conf_code import ConfCode, read_conf_code
from .intersphinx import inventory_terms
from docscheck.records import Config, ExternalTerms, SourceError
from docscheck.source_files import inside

FETCH_TIMEOUT = 30


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "docscheck" / "inventories"


def cache_file(url: str) -> Path:
    """Where the inventory at ``url`` is cached: a readable name and a short digest."""
    import hashlib  # here: only a remote inventory needs it

    readable = re.sub(r"[^A-Za-z0-9.-]+", "_", url.split("://", 1)[-1]).strip("_")[:80]
    return cache_dir() / f"{readable}-{hashlib.sha256(url.encode()).hexdigest()[:12]}.inv"


def is_url(location: str) -> bool:
    return "://" in location


def _local(config: Config, location: str) -> Path:
    return Path(os.path.normpath(config.docs / location))


def external_terms(config: Config, conf: ConfCode) -> tuple[ExternalTerms, list[str]]:
    """Terms of every inventory readable offline, and the mapping names whose inventory was not."""
    keys: set[str] = set()
    unread: list[str] = []
    notes: list[str] = []
    for target in conf.intersphinx:
        read = False
        for location in target.locations():
            path = cache_file(location) if is_url(location) else _local(config, location)
            if not is_url(location) and not inside(config.root, path):
                notes.append(f"intersphinx_mapping['{target.name}'] names {location!r}, outside ROOT: not read")
                continue
            if not path.is_file():
                continue
            try:
                keys |= inventory_terms(path.read_bytes(), str(path))
                read = True
                break
            except (OSError, SourceError) as exc:
                notes.append(f"intersphinx inventory {path} of '{target.name}' cannot be read: {getattr(exc, 'message', exc)}")
        if not read:
            unread.append(target.name)
    if conf.has_intersphinx and not conf.intersphinx:
        unread.append("intersphinx_mapping (computed)")
    return ExternalTerms(conf.has_intersphinx, frozenset(keys), tuple(unread)), notes


def fetch_inventories(config: Config, out: TextIO, err: TextIO) -> int:
    """``docscheck inventories --fetch``: download each URL inventory of the mapping into the cache.

    The only network use of docscheck. Returns 0 when every inventory was fetched, 1 when some
    could not be (each named on stderr, no traceback), 2 when the cache would be inside ROOT.
    """
    conf = read_conf_code(config.conf, config.root) if config.conf is not None else ConfCode()
    if not conf.intersphinx:
        out.write("docscheck: no intersphinx_mapping with literal entries in conf.py; nothing to fetch\n")
        return 0
    directory = cache_dir()
    if inside(config.root, directory):
        err.write(f"docscheck: error: the inventory cache {directory} is inside ROOT; docscheck never writes into the project: set XDG_CACHE_HOME elsewhere\n")
        return 2
    import urllib.error  # only this command uses the network: every check is spared the import (~25 ms)
    import urllib.request

    failed = 0
    for target in conf.intersphinx:
        for location in target.locations():
            if not is_url(location):
                out.write(f"{target.name}: local file {location} (read from the project, nothing to fetch)\n")
                break
            try:
                with urllib.request.urlopen(location, timeout=FETCH_TIMEOUT) as response:  # noqa: S310 - asked for
                    data = response.read()
                terms = inventory_terms(data, location)
            except (urllib.error.URLError, OSError, ValueError) as exc:
                reason = getattr(exc, "reason", exc)
                err.write(f"docscheck: {target.name}: cannot fetch {location}: {reason}\n")
                continue
            except SourceError as exc:
                err.write(f"docscheck: {target.name}: {location} is not an inventory: {exc.message}\n")
                continue
            directory.mkdir(parents=True, exist_ok=True)
            cache_file(location).write_bytes(data)
            out.write(f"{target.name}: {len(terms)} terms cached from {location}\n")
            break
        else:
            if not target.locations():
                err.write(f"docscheck: {target.name}: its URL is computed in conf.py; not fetched\n")
            failed += 1
    if failed:
        err.write(f"docscheck: {failed} of {len(conf.intersphinx)} inventories not fetched; docscheck check still runs, and reports the terms they may define as warnings\n")
    return 1 if failed else 0
