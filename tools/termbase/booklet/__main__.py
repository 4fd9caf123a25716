"""``python -m termbase.booklet SOURCEDIR PAGE…``: check the pages of a booklet before building it.

``make handout`` runs it first, so that a mistyped page name gets one clear line and status 2,
before Sphinx starts and before anything is written (the ``booklet`` builder checks again, for
those who call ``sphinx-build -b booklet`` themselves).
"""

from __future__ import annotations

import sys
from pathlib import Path

from .latex import BookletError, booklet_pages, check_pages, source_docnames

USAGE = "usage : python -m termbase.booklet DOSSIER_SOURCES PAGE [PAGE…]"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print(USAGE, file=sys.stderr)
        return 2
    srcdir = Path(args[0])
    if not srcdir.is_dir():
        print(f"make handout : {srcdir} n’est pas un dossier de sources. {USAGE}", file=sys.stderr)
        return 2
    try:
        check_pages(booklet_pages(args[1:]), source_docnames(srcdir, [".md", ".rst"]))
    except BookletError as error:
        print(f"make handout : {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
