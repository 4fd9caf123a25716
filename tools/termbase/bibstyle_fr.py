"""Former name of :mod:`termbase.french.bibstyle`, kept for ``conf.py`` files that list it in
``extensions``. New projects load ``"termbase"`` (or ``"termbase.french.bibstyle"``)."""

from __future__ import annotations

from termbase.french.bibstyle import setup

__all__ = ["setup"]
