"""A fixture mimicking PlasmaPy's layout (``src/``, automodapi, intersphinx)."""
