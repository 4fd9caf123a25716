"""What docscheck reads of a project that documents code, statically (never imported, never run).

:mod:`.conf_code` reads what ``conf.py`` says about the code (``sys.path`` lines, ``autoapi_dirs``,
the gallery, ``intersphinx_mapping``, files the build writes); :mod:`.python_sources` turns
docstrings and gallery text into pages; :mod:`.sources` finds the modules the documentation
renders; :mod:`.intersphinx` reads ``objects.inv``; :mod:`.inventories` finds inventories offline
and fills their cache (``docscheck inventories --fetch``).
"""
