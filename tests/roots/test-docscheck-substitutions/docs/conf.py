project = "Substitutions"
extensions = ["sphinxcontrib.bibtex"]
bibtex_bibfiles = ["refs.bib"]
master_doc = "index"
exclude_patterns = ["_build"]
rst_prolog = """
.. |prolog-good| replace:: the :term:`widget`
.. |prolog-bad| replace:: a :term:`prolog gizmo`
.. |overridden| replace:: :term:`overridden gizmo`
"""
rst_epilog = (
    "\n.. |epilog-bad| replace:: :term:`epilog gizmo`\n"
    ".. |unused-epilog| replace:: :term:`never used`\n"
)
