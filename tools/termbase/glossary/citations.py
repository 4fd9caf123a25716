"""Keep the glossary's citations cheap to resolve.

Every glossary entry cites its sources, which roughly doubles the citations of a site.
sphinxcontrib-bibtex looks up pybtex's ``plaintext`` backend for each citation it resolves, and
pybtex answers by scanning the installed distributions' entry points every time (about 4 ms a
citation). Registering the very same class as a runtime plugin, with pybtex's public
``register_plugin``, turns the lookup into a dictionary access; behaviour is unchanged.
"""

from __future__ import annotations

from typing import Any

import pybtex.backends.plaintext
import pybtex.plugin


def setup(app: Any) -> None:
    pybtex.plugin.register_plugin("pybtex.backends", "plaintext", pybtex.backends.plaintext.Backend, force=True)
