"""docscheck: a fast, static validator for Sphinx/MyST documentation with a structured glossary.

Layers, from the bottom up (imports only go downwards):

- :mod:`docscheck.records` — plain data records (pages, terms, citations, findings, the ``Config``);
- :mod:`docscheck.parsers` — files in, records out (MyST, reST, entries, BibTeX, ``conf.py``);
- :mod:`docscheck.rules` — pure functions over records, one module per family of codes;
- :mod:`docscheck.source_files` — the project's file tree: what is inside ROOT, relative paths,
  exclusion globs, walking, safe reading;
- :mod:`docscheck.discovery` — where the Sphinx sources, ``conf.py``, glossary and bibliography are;
- :mod:`docscheck.settings` — build the ``Config``: discovery, then ``[tool.docscheck]``, then the CLI;
- :mod:`docscheck.project` — load the configuration, list the files, parse, run every rule (the
  public API, with ``records``);
- :mod:`docscheck.cli` — the ``docscheck`` command.
"""

from __future__ import annotations

__version__ = "0.1.0"
