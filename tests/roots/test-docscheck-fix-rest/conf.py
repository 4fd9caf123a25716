"""docscheck fix --link-terms on a stock reStructuredText project with a glossary directive."""

project = "FixRest"
language = "fr"
extensions = []
exclude_patterns = ["_build"]
