project = "Layout root conf.py"
extensions = ["myst_parser"]
exclude_patterns = ["_build", "README.md"]
