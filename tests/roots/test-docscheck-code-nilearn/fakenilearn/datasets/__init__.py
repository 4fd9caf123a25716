"""Fetch datasets and :term:`atlas` maps."""

from ._utils import fill_doc
from .atlas import fetch_atlas_msdl, load_mask

__all__ = ["fetch_atlas_msdl", "load_mask"]
