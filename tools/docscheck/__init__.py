"""docscheck: a fast, static validator for Sphinx/MyST documentation with a structured glossary.

Layers, from the bottom up (imports only go downwards):

- :mod:`docscheck.records` — plain data records (pages, terms, citations, findings);
- :mod:`docscheck.parsers` — files in, records out (MyST, reST, entries, BibTeX, ``conf.py``);
- :mod:`docscheck.rules` — pure functions over records, one module per family of codes;
- :mod:`docscheck.settings` and :mod:`docscheck.source_files` — configuration and the files of a project;
- :mod:`docscheck.project` — load a project and run every rule (the public API, with ``records``);
- :mod:`docscheck.cli` — the ``docscheck`` command.
"""

from __future__ import annotations

__version__ = "0.1.0"
