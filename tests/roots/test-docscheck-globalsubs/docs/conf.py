import os
import sys

sys.path.insert(0, os.path.abspath("."))

import _substitution_table
from _more_substitutions import more_substitutions

project = "Global substitutions"
extensions = ["sphinxcontrib.globalsubs"]
master_doc = "index"
exclude_patterns = ["_build"]
rst_prolog = """
.. role:: py(code)
   :language: python
"""
global_substitutions = {**_substitution_table.global_substitutions, **more_substitutions, "inline": ":term:`inline gizmo`"}
