"""Imported by :class:`warmbuild.WarmBuilds` after the other preloaded modules: work every build would repeat,
done once. It only fills a library's own cache of something that never changes during a session
(compiled patterns, the installed plugins), so a build gives the same bytes."""

from __future__ import annotations

import contextlib

with contextlib.suppress(ImportError):
    import soupsieve

    # pydata-sphinx-theme selects with CSS selectors in every page; soupsieve compiles its
    # tokenizer's regular expressions on first use (about 0.1 s).
    soupsieve.compile(".toc-h1 > details, li.toctree-l1")

with contextlib.suppress(ImportError):
    import importlib.metadata

    import pygments.plugin

    # pydata-sphinx-theme lists Pygments' styles at every build, and Pygments scans every
    # installed distribution's entry points for each group it looks up: scan once (what is
    # installed does not change while a server runs; restart it after an upgrade).
    _scanned = importlib.metadata.entry_points()

    def _iter_entry_points(group_name: str):  # noqa: ANN202 - the signature of the original
        return _scanned.select(group=group_name)

    pygments.plugin.iter_entry_points = _iter_entry_points
