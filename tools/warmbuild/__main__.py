"""``python -m warmbuild build|serve ARGS``: see :mod:`warmbuild`."""

from __future__ import annotations

import sys

from warmbuild import WarmBuilds, serve

USAGE = "usage: python -m warmbuild build [sphinx-build arguments] | serve [sphinx-autobuild arguments]"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] not in ("build", "serve"):
        print(USAGE, file=sys.stderr)
        return 2
    if argv[0] == "serve":
        return serve(argv[1:])
    return WarmBuilds().build(argv[1:]).status


if __name__ == "__main__":
    raise SystemExit(main())
