"""docscheck's parsers: one module per input format, each turning text into records.

- :mod:`.markdown` — MyST pages, through myst-parser's own markdown-it configuration;
- :mod:`.rest` — reStructuredText pages, with a line-based reader (no docutils on the CLI path);
- :mod:`.pages` — which of the two reads a page (by suffix), front matter and docinfo;
- :mod:`.page_collector` — what both page parsers accumulate into a :class:`~docscheck.records.Page`;
- :mod:`.glossary_entries` — ``glossary/<slug>.md`` entry files (PyYAML front matter + body);
- :mod:`.glossary_blocks` — terms of Sphinx ``glossary`` directives inside pages;
- :mod:`.bibtex` — BibTeX files, with pybtex;
- :mod:`.sphinx_conf` — ``conf.py`` read statically with :mod:`ast`, never executed.

Parsers import only :mod:`docscheck.records` and each other; they never read settings or run rules.
Unreadable input raises :class:`~docscheck.records.SourceError` or becomes a FILE001 finding.
"""
