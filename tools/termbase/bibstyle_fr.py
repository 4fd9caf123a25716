"""Former name of :mod:`termbase.citations.bibstyle`, kept for ``conf.py`` files that list it in
``extensions``. New projects load ``"termbase"`` (or ``"termbase.citations.bibstyle"``)."""

from __future__ import annotations

from termbase.citations.bibstyle import setup

__all__ = ["setup"]
