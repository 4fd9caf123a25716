"""Write the list of authors for the credits page (run by conf.py)."""

from pathlib import Path


def write_authors(rst_file="about/_authors.rst"):
    Path(rst_file).write_text("- Ada Lovelace\n- Charles Babbage\n", encoding="utf-8")
