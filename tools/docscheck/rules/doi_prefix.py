"""A DOI written with a resolver or scheme prefix (``doi:``, ``https://doi.org/``): one pure function.

The DOI field of a BibTeX entry holds the bare DOI (``10.1000/xyz``, or the short form
``10/cn2h9c``); styles add the resolver. A prefix is a style slip that Sphinx builds fine: CITE007
reports it, and ``docscheck fix --doi`` removes it. Both use :func:`split_doi_prefix`.
"""

from __future__ import annotations

import re

#: ``doi:``, ``DOI: ``, ``http(s)://(dx.)doi.org/``, ``doi.org/``, before a DOI (``10.`` or short ``10/``).
DOI_PREFIX = re.compile(r"^\s*(?:doi\s*:\s*|(?:https?://)?(?:dx\.)?doi\.org/)(?=10[./])", re.IGNORECASE)


def split_doi_prefix(value: str) -> tuple[str, str]:
    """``(prefix, doi)``: the prefix to remove (empty when there is none) and the rest, unchanged.

    >>> split_doi_prefix("https://doi.org/10.1056/NEJMoa1910836")
    ('https://doi.org/', '10.1056/NEJMoa1910836')
    >>> split_doi_prefix("10/cn2h9c")
    ('', '10/cn2h9c')
    """
    m = DOI_PREFIX.match(value)
    if m is None:
        return "", value
    return value[: m.end()], value[m.end() :]
