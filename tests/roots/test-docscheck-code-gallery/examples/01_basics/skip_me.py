"""Ignored by ignore_pattern: :term:`ignored` is not checked."""
