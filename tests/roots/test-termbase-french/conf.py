"""French output without the glossary half: typography, apostrophes, search."""

extensions = ["myst_parser", "termbase.french"]
language = "fr"
smartquotes = True
exclude_patterns = ["_build"]
