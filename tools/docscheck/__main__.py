"""``python -m docscheck`` is the same as the ``docscheck`` console script."""

from __future__ import annotations

from .cli import run

run()
