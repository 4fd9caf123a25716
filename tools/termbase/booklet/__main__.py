"""``python -m termbase.booklet SOURCEDIR [PAGE…] [--questions=IDS] [--livret=ADDRESS]``: check a booklet before building it.

``make handout`` runs it first, so that a mistyped page name, a question of no page, LIVRET given
with PAGES or QUESTIONS, or an address holding no booklet gets one clear line and status 2,
before Sphinx starts and before anything is written (the ``booklet`` builder checks again, for
those who call ``sphinx-build -b booklet`` themselves, and checks what only the read pages can
tell: that each question id is one of its page's questions).
"""

from __future__ import annotations

import sys
from pathlib import Path

from .latex import BookletError, booklet_choice, check_pages, source_docnames

USAGE = "usage : python -m termbase.booklet DOSSIER_SOURCES [PAGE…] [--questions=ID…] [--livret=ADRESSE]"
OPTIONS = ("--questions=", "--livret=")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print(USAGE, file=sys.stderr)
        return 2
    srcdir = Path(args[0])
    if not srcdir.is_dir():
        print(f"make handout : {srcdir} n’est pas un dossier de sources. {USAGE}", file=sys.stderr)
        return 2
    options = {option: "" for option in OPTIONS}
    pages = []
    for arg in args[1:]:
        option = next((option for option in OPTIONS if arg.startswith(option)), None)
        if option is not None:
            options[option] = arg.removeprefix(option)
        elif arg.startswith("--"):
            print(f"make handout : option inconnue {arg}. {USAGE}", file=sys.stderr)
            return 2
        else:
            pages.append(arg)
    try:
        choice = booklet_choice(pages, options["--questions="], options["--livret="])
        check_pages(choice.pages, source_docnames(srcdir, [".md", ".rst"]), choice.questions)
    except BookletError as error:
        print(f"make handout : {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
