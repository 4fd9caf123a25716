"""``docscheck check [ROOT] …``: a thin front-end over :func:`docscheck.project.check_project`.

Exit status: 0 no error finding, 1 at least one error (with ``--strict``: any finding),
2 usage or I/O problem; ``docscheck fix`` (:mod:`docscheck.fix`): 0 nothing changed, 1 files
changed. Never a traceback: unexpected internal errors are reported on stderr with exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import NoReturn, TextIO

from . import __version__
from .records import Finding, Severity


def _github_escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_text(findings: list[Finding], stats: dict[str, int]) -> str:
    return "".join(f"{f.path}:{f.line}: {f.code} {f.severity}: {f.message}\n" for f in findings)


def format_github(findings: list[Finding], stats: dict[str, int]) -> str:
    lines = []
    for f in findings:
        level = "error" if f.severity is Severity.ERROR else "warning"
        lines.append(f"::{level} file={_github_escape(f.path, True)},line={f.line},title={_github_escape(f.code, True)}::{_github_escape(f.message)}\n")
    return "".join(lines)


def format_json(findings: list[Finding], stats: dict[str, int]) -> str:
    document = {"version": 1, "findings": [f.as_dict() for f in findings], "stats": stats}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


FORMATS = {"text": format_text, "json": format_json, "github": format_github}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="docscheck", description="Check a Sphinx/MyST project: terms defined and linked, sources cited, pages reviewed.")
    parser.add_argument("--version", action="version", version=f"docscheck {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    check = commands.add_parser("check", help="check a project and report findings")
    check.add_argument("root", nargs="?", default=".", metavar="ROOT", help="project directory (default: .)")
    check.add_argument("--docs", metavar="DIR", help="directory of the pages (default: ROOT/docs, else ROOT)")
    check.add_argument("--glossary", metavar="DIR", help="directory of glossary entries (default: ROOT/glossary)")
    check.add_argument("--bib", metavar="FILE", nargs="+", action="extend", help="BibTeX file(s) (default: ROOT/references.bib or bibtex_bibfiles of docs/conf.py)")
    check.add_argument("--format", choices=sorted(FORMATS), default="text", help="output format (default: text)")
    check.add_argument("--strict", action="store_true", help="exit 1 on any finding, warnings included")
    fix = commands.add_parser("fix", help="fix what has one right fix: link first mentions of terms, DOI prefixes (exit 1 when files changed)")
    what = fix.add_mutually_exclusive_group(required=True)
    what.add_argument("--link-terms", action="store_true", help="link the first unlinked mention of each defined term on each page")
    what.add_argument("--doi", action="store_true", help="remove doi: and https://doi.org/ prefixes from BibTeX DOI fields")
    fix.add_argument("--dry-run", action="store_true", help="change nothing, print a unified diff")
    fix.add_argument("paths", nargs="*", metavar="ROOT or PATHS", help="the project directory (default: .), or files and directories under the current directory")
    inventories = commands.add_parser("inventories", help="cache the intersphinx inventories conf.py names (the only network use)")
    inventories.add_argument("root", nargs="?", default=".", metavar="ROOT", help="project directory (default: .)")
    inventories.add_argument("--fetch", action="store_true", required=True, help="download each inventory of intersphinx_mapping into the user cache")
    return parser


def run_inventories(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .code.inventories import fetch_inventories
    from .settings import ConfigError, load_config

    if not Path(args.root).is_dir():
        err.write(f"docscheck: error: ROOT {args.root!r} is not a directory\n")
        return 2
    try:
        config = load_config(Path(args.root))
    except ConfigError as exc:
        err.write(f"docscheck: error: {exc}\n")
        return 2
    return fetch_inventories(config, out, err)


def _cli_path(value: str | None, root: Path) -> str | None:
    """Command-line paths are relative to the current directory, else to ROOT."""
    if value is None:
        return None
    path = Path(value).expanduser()
    if path.is_absolute() or path.exists() or not (root / path).exists():
        return str(path.resolve())
    return str((root / path).resolve())


def run_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .project import check_project
    from .settings import ConfigError, load_config

    root = Path(args.root)
    if not root.is_dir():
        err.write(f"docscheck: error: ROOT {args.root!r} is not a directory\n")
        return 2
    overrides = {
        "docs": _cli_path(args.docs, root),
        "glossary": _cli_path(args.glossary, root),
        "bib": [_cli_path(b, root) for b in args.bib] if args.bib else None,
    }
    try:
        config = load_config(root, overrides)
        report = check_project(root, config)
    except ConfigError as exc:
        err.write(f"docscheck: error: {exc}\n")
        return 2
    out.write(FORMATS[args.format](report.findings, report.stats))
    for note in report.notes:
        err.write(f"docscheck: note: {note}\n")
    if report.hint:
        err.write(f"docscheck: hint: {report.hint}\n")
    errors = len(report.errors)
    warnings = len(report.findings) - errors
    s = report.stats
    err.write(f"docscheck: {errors} error(s), {warnings} warning(s) — {s['pages']} pages, {s['terms']} terms, {s['term_refs']} term references, {s['bib_entries']} bibliography entries, {s['citations']} citations\n")
    if errors or (args.strict and report.findings):
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    """Console entry point; returns the exit status instead of exiting (easy to test)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help/--version (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else 2
    try:
        if args.command == "fix":
            from .fix import run_fix

            return run_fix(args, sys.stdout, sys.stderr)
        if args.command == "inventories":
            return run_inventories(args, sys.stdout, sys.stderr)
        return run_check(args, sys.stdout, sys.stderr)
    except (OSError, RecursionError, MemoryError) as exc:
        sys.stderr.write(f"docscheck: error: {exc.__class__.__name__}: {exc}\n")
        return 2
    except Exception as exc:  # noqa: BLE001 - the contract: never a traceback
        sys.stderr.write(f"docscheck: internal error ({exc.__class__.__name__}: {exc}); please report it with the file that triggers it\n")
        return 2



def run() -> NoReturn:
    """The ``docscheck`` command (and ``python -m docscheck``): :func:`main` in a process of its own.

    Two things a library call must not do, and a command may: the garbage collector runs a
    twentieth as often (docscheck's records hold no cycles; every import and page would
    otherwise trigger collections for nothing), and the process ends with ``os._exit`` once the
    output is flushed, skipping the interpreter's teardown (freeing every object one by one, a last
    collection). Together about 6 % of a small project's check; mypy exits the same way.
    """
    import gc
    import os

    gc.set_threshold(100_000, 50, 100)
    status = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (docscheck check | head): nothing more to say
            status = status or 2
    os._exit(status)


if __name__ == "__main__":
    run()
