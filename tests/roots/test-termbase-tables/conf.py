"""Tables as the guide writes them: a narrow key column beside long sentences, one inside a note."""

project = "Tables"
author = "L’équipe d’essai"
language = "fr"
extensions = ["myst_parser", "termbase.handouts.latex_tables"]
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence"]
latex_engine = "xelatex"
latex_documents = [("index", "tables.tex", "Tables", author, "manual")]
