"""Which pages get a printable handout, and what its files are called.

One truth shared by the LaTeX side (which documents to write) and the HTML side (which pages link
to a PDF), so the two can never disagree about a page's handout.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

#: Front-matter values that opt a page in (YAML gives a bool; docutils metadata may give text).
TRUE_VALUES = frozenset({"true", "yes", "oui", "1"})


def opts_in(metadata: Mapping[str, Any]) -> bool:
    """Whether a page's front matter asks for a handout (``handout: true``)."""
    value = metadata.get("handout", False)
    if isinstance(value, bool):
        return value
    return str(value).strip().casefold() in TRUE_VALUES


def handout_docnames(env: Any) -> list[str]:
    """Every opted-in document of the build, sorted (stable output names and order)."""
    return sorted(docname for docname in env.found_docs if opts_in(env.metadata.get(docname, {})))


def handout_basename(docname: str) -> str:
    """File name (without suffix) of a page's handout: flat, so ``a/b`` becomes ``a-b``."""
    return docname.replace("/", "-")


def review_date(metadata: Mapping[str, Any], key: str) -> _dt.date | None:
    """An ISO date from the front matter (``last_reviewed``, ``next_review``), if well-formed."""
    value = metadata.get(key)
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return None
