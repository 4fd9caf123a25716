"""docscheck: a fast, static validator for Sphinx/MyST documentation with a structured glossary."""

from __future__ import annotations

__version__ = "0.1.0"
