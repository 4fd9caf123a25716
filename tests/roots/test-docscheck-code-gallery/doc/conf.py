project = "gallery fixture"
extensions = ["sphinx_gallery.gen_gallery", "sphinxcontrib.bibtex"]
bibtex_bibfiles = ["refs.bib"]
sphinx_gallery_conf = {
    "examples_dirs": "../examples/",
    "gallery_dirs": "auto_examples",
    "ignore_pattern": r"skip_me\.py",
}
