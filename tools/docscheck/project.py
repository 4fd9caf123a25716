"""The one entry point both front-ends use: load settings, parse a project, run every rule.

``check_project`` is what the CLI and the termbase Sphinx extension call, so that a project
gets the same findings from ``docscheck check`` and from ``sphinx-build``.

With :mod:`docscheck.records`, this module is docscheck's public API: other tools (termbase) import
from these two only, never from :mod:`docscheck.parsers` or :mod:`docscheck.rules`, so the parsers
can change without breaking them. ``parse_entry_text`` and ``validate_entry`` are re-exported for
tools that read glossary entries one file at a time; :func:`load_triage` reads the triage table for
tools that render it (termbase), with the problems that make an entry unusable.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .code.inventories import external_terms
from .parsers.bibtex import parse_bib_text
from .code.conf_code import ConfCode, names_generated_file, read_conf_code
from .parsers.figures import parse_figures_text, parse_svg_text
from .parsers.glossary_entries import parse_entry_text, validate_entry
from .parsers.markdown import markdown_parser
from .parsers.page_collector import IncludeReader
from .parsers.pages import MYST_SUFFIXES, file_error, parse_page
from .parsers.substitutions import ProjectSubstitutions
from .parsers.triage import parse_triage_text
from .records import BibEntry, Config, ConfigError, Corpus, Drawing, Finding, GlossaryEntry, Page, RecordedFigure, RuleSettings, Severity, SourceError, TriageEntry
from .rules import run_rules
from .rules.triage import entry_problems
from .settings import load_config
from .source_files import entry_files, folder_entries, include_reader, inside, is_excluded, outside_finding, page_files, read_text, readable_files, triage_files

__all__ = [
    "Config",
    "ConfigError",
    "ParseCache",
    "Report",
    "check_project",
    "load_bibliography",
    "load_config",
    "load_glossary",
    "load_pages",
    "load_triage",
    "parse_entry_text",
    "validate_entry",
]

#: More than this share of undefined term references means discovery probably went wrong.
UNDEFINED_SHARE_HINT = 0.5


@dataclass
class Report:
    """Findings (sorted by path, line, code) and counts; the parsed records for front-ends."""

    findings: list[Finding]
    stats: dict[str, int]
    entries: list[GlossaryEntry] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    bib: list[BibEntry] = field(default_factory=list)
    #: what the user should know about how the project was read (computed conf.py values…)
    notes: list[str] = field(default_factory=list)
    #: at most one line saying discovery probably went wrong, and what to pass instead
    hint: str | None = None

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]


def text_digest(text: str) -> bytes:
    import hashlib  # here, not at the top: only the Sphinx extension's cache hashes texts

    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


@dataclass
class ParseCache:
    """What a run parsed, by file and content, for a front-end that checks one project again and again.

    termbase re-checks the project at every Sphinx build; giving :func:`check_project` the cache
    of the previous run makes it parse only the files whose text changed (a page also when a
    fragment it includes changed). Rules always run on every record, so the findings are those of
    a fresh run. The cache is picklable and keeps only what its last run used.
    """

    results: dict[tuple[Any, ...], Any] = field(default_factory=dict)
    _used: dict[tuple[Any, ...], Any] = field(default_factory=dict, repr=False)

    def get(self, key: tuple[Any, ...], compute: Callable[[], Any], still_valid: Callable[[Any], bool] = lambda _: True) -> Any:
        value = self._used.get(key) or self.results.get(key)
        if value is None or not still_valid(value):
            value = compute()
        self._used[key] = value
        return value

    def finish(self) -> None:
        """Keep what this run used, drop the rest (call once per run)."""
        self.results, self._used = self._used, {}

    def __getstate__(self) -> dict[str, Any]:
        return {"results": self.results, "_used": {}}


def cached_page(
    cache: ParseCache | None, text: str, rel: str, md: Any, is_root: bool, reader: IncludeReader | None, extensions: Any, substitutions: ProjectSubstitutions | None = None
) -> tuple[Page | None, list[Finding]]:
    """``parse_page``, through ``cache`` when there is one (keyed by text, revalidated on includes)."""
    if cache is None:
        return parse_page(text, rel, md, is_root, reader, substitutions)
    included: list[tuple[str, str, bytes]] = []

    def recording(target: str, base: str) -> tuple[str, str]:
        found = reader(target, base)  # type: ignore[misc]
        included.append((target, base, text_digest(found[1])))
        return found

    def compute() -> tuple[tuple[Page | None, list[Finding]], tuple[tuple[str, str, bytes], ...]]:
        return parse_page(text, rel, md, is_root, recording if reader else None, substitutions), tuple(included)

    def unchanged(value: Any) -> bool:
        try:
            return all(text_digest(reader(target, base)[1]) == digest for target, base, digest in value[1])  # type: ignore[misc]
        except SourceError:
            return False

    return cache.get(("page", rel, text_digest(text), is_root, extensions, reader is not None, substitutions), compute, unchanged)[0]


def read_entry_text(text: str, rel: str) -> tuple[GlossaryEntry | None, list[Finding]]:
    return readable_or_file_error(lambda: validate_entry(parse_entry_text(text, rel)), rel)


def read_triage_text(text: str, rel: str) -> tuple[TriageEntry | None, list[Finding]]:
    return readable_or_file_error(lambda: (parse_triage_text(text, rel), []), rel)


def readable_or_file_error(read: Callable[[], tuple[Any, list[Finding]]], rel: str) -> tuple[Any, list[Finding]]:
    """``read()``, or a FILE001 finding for a file that cannot be read at all."""
    try:
        return read()
    except SourceError as exc:
        return None, [file_error(exc.path, exc.line, exc.message)]
    except RecursionError:
        return None, [file_error(rel, 1, "entry is nested too deeply to be read")]


def read_records(paths: list[Path], config: Config, findings: list[Finding], cache: ParseCache | None, kind: str, read: Callable[[str, str], tuple[Any, list[Finding]]]) -> list[Any]:
    """The record of each readable file (``read(text, rel)``), through ``cache`` when there is one."""
    records = []
    for _path, rel, text in readable_files(paths, config, findings):
        if cache is None:
            record, record_findings = read(text, rel)
        else:
            record, record_findings = cache.get((kind, rel, text_digest(text)), lambda: read(text, rel))
        findings += record_findings
        if record is not None:
            records.append(record)
    return records


def load_glossary(root: Path, config: Config | None = None, cache: ParseCache | None = None) -> tuple[list[GlossaryEntry], list[Finding]]:
    """Parse and validate ``glossary/*.md`` (TERM004 and FILE001 findings only)."""
    config = config or load_config(root)
    findings: list[Finding] = []
    entries = read_records(entry_files(config, findings), config, findings, cache, "entry", read_entry_text)
    return entries, findings


def read_triage(config: Config, cache: ParseCache | None = None, files: list[Path] | None = None) -> tuple[list[TriageEntry], list[Finding]]:
    """Every symptom of the triage table as read (FILE001 findings only; rules judge the rest)."""
    findings: list[Finding] = []
    paths = triage_files(config, findings) if files is None else files
    return read_records(paths, config, findings, cache, "triage", read_triage_text), findings


def load_triage(directory: Path, root: Path | None = None) -> tuple[list[TriageEntry], list[Finding]]:
    """The usable symptoms of the triage table in ``directory`` (for tools that render them) and the
    problems of the others: FILE001, and the TRIAGE001 problems an entry has by itself. Paths are
    relative to ``root`` (default: the directory's parent, as ``triage/fievre.md``); no settings are read.

    The checks that need the bibliography and the glossary (unknown keys and terms) and TRIAGE002
    are :func:`check_project`'s.
    """
    directory = Path(directory).resolve()
    root = Path(root).resolve() if root is not None else directory.parent
    config = Config(root=root, docs=root, glossary=None, bib=(), triage=directory)
    entries, findings = read_triage(config, files=folder_entries(directory, config, []) if directory.is_dir() else [])
    usable = []
    for entry in entries:
        problems = list(entry_problems(entry))
        findings += problems
        if not problems:
            usable.append(entry)
    return usable, findings


def load_entry_pages(entries: list[GlossaryEntry], config: Config, cache: ParseCache | None = None) -> list[Page]:
    """Entry bodies read as MyST, so roles inside definitions count as references and citations.

    Rules read only the roles of an entry body (its references and citations). MyST writes every
    role, directive and attribute with a ``{``, so a body without one is not parsed: its page
    is empty, which is what the token walk would give for everything rules read of it.
    """
    md = markdown_parser(config.myst_extensions)
    pages = []
    for entry in entries:
        if "{" not in entry.body:
            pages.append(Page(entry.path, {}, {}, False, (), (), (), ()))
            continue
        text = "\n" * (entry.body_line - 1) + entry.body
        page, _findings = cached_page(cache, text, entry.path, md, False, None, config.myst_extensions)
        if page is not None:
            pages.append(page)
    return pages


#: Pages are parsed in two processes from this many characters on (or when the documentation renders
#: code), when a second CPU is free: a fork and pickling the pages back cost about 10 ms, parsing
#: 300,000 characters about 100 ms.
TWO_PROCESSES_FROM = 300_000


class PageSources:
    """The pages of a project, read and ready to be parsed, in one process or in two.

    ``texts`` (when given) receives ``(path, text)`` of the pages that may name autodoc
    directives, for :func:`docscheck.code.sources.load_code_pages`; FILE001 findings of unreadable
    pages are in :attr:`findings`.
    """

    def __init__(self, config: Config, cache: ParseCache | None = None, conf: ConfCode | None = None, notes: list[str] | None = None, texts: list[tuple[str, str]] | None = None) -> None:
        self.config, self.cache = config, cache
        self.md = markdown_parser(config.myst_extensions)
        self.findings: list[Finding] = []
        literals = conf.literal_strings if conf else frozenset()
        self.reader = include_reader(config, lambda rel: names_generated_file(tuple(rel.split("/")), literals), notes)
        self.substitutions = conf.substitutions if conf else None
        root_doc = {config.root_doc + suffix for suffix in config.source_suffixes}
        #: ``(text, path, is_root)`` of each readable page
        self.sources: list[tuple[str, str, bool]] = []
        for path, rel, text in readable_files(page_files(config, self.findings), config, self.findings):
            if texts is not None and "auto" in text:
                texts.append((rel, text))
            is_root = path.is_relative_to(config.docs) and path.relative_to(config.docs).as_posix() in root_doc
            self.sources.append((text, rel, is_root))
        self.size = sum(len(text) for text, _rel, _root in self.sources)

    def parse_each(self, indices: Iterable[int], notes: list[str]) -> dict[int, tuple[tuple[Page | None, list[Finding]], list[str]]]:
        """The pages at ``indices``, each with the notes its includes gave (taken out of ``notes``,
        so that they can be put back in page order, whichever process parsed the page)."""
        parsed = {}
        for index in indices:
            before = len(notes)
            text, rel, is_root = self.sources[index]
            parsed[index] = (cached_page(self.cache, text, rel, self.md, is_root, self.reader, self.config.myst_extensions, self.substitutions), notes[before:])
            del notes[before:]
        return parsed

    def collect(self, parsed: dict[int, tuple[tuple[Page | None, list[Finding]], list[str]]], notes: list[str]) -> tuple[list[Page], list[Finding]]:
        """The pages and findings of :meth:`parse_each`'s results (from either process), in page
        order, each page's include notes put back into ``notes`` in the same order; a page missing
        from ``parsed`` (a failed child's) is parsed here."""
        parsed = {**parsed, **self.parse_each([i for i in range(len(self.sources)) if i not in parsed], notes)}
        pages, findings = [], list(self.findings)
        for index in range(len(self.sources)):
            (page, page_findings), page_notes = parsed[index]
            findings += page_findings
            notes += page_notes
            if page is not None:
                pages.append(page)
        return pages, findings


def load_pages(config: Config, cache: ParseCache | None = None, conf: ConfCode | None = None, notes: list[str] | None = None, texts: list[tuple[str, str]] | None = None) -> tuple[list[Page], list[Finding]]:
    """Parse the pages, in this process (see :class:`PageSources` for ``texts``)."""
    sources = PageSources(config, cache, conf, notes, texts)
    kept = notes if notes is not None else []
    return sources.collect({}, kept)  # every page is missing: parsed here


def spare_cpu() -> bool:
    """Linux (where ``fork`` is safe without threads; macOS's system libraries are not), a second
    CPU this process may use, and no other thread; ``DOCSCHECK_JOBS=1`` keeps docscheck in one process."""
    if os.environ.get("DOCSCHECK_JOBS", "").strip() == "1" or not hasattr(os, "sched_getaffinity"):
        return False
    import threading

    return len(os.sched_getaffinity(0)) > 1 and threading.active_count() == 1


class SharedQueue:
    """The numbers ``0 … count - 1``, taken in order by this process and by a child forked after it
    is made, each number by one of them: whichever is free takes the next, so that the two share
    the work however long each one's own part takes.

    The numbers (by chunks, at most :data:`TOKENS` of them) are written at once into a pipe whose
    writing end is then closed; a process takes a chunk by reading its four bytes (a read from a
    pipe is not split between readers), and the end of the pipe ends the numbers.
    """

    TOKENS = 1024  # 4 KiB: the pipe takes them all before anyone reads, on every system

    def __init__(self, count: int) -> None:
        self.count = count
        self.chunk = max(1, -(-count // self.TOKENS))
        self.read_end, write_end = os.pipe()
        os.write(write_end, b"".join(start.to_bytes(4, "little") for start in range(0, count, self.chunk)))
        os.close(write_end)

    def __iter__(self) -> Iterator[int]:
        while len(token := os.read(self.read_end, 4)) == 4:
            start = int.from_bytes(token, "little")
            yield from range(start, min(start + self.chunk, self.count))

    def close(self) -> None:
        os.close(self.read_end)


def in_child(work: Callable[[], Any]) -> Callable[[], Any] | None:
    """Run ``work`` in a forked child; the function returned waits for it and gives its result,
    or None if the child failed. None when no child can be started."""
    import pickle

    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # the child: never returns, never runs the parent's exit handlers or flushes its buffers
        status = 1
        try:
            os.close(read_end)
            data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)

    def result() -> Any:
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(pid, 0)
        if status != 0 or not data:
            return None
        return pickle.loads(data)

    return result


def prolog_pages(config: Config, conf: ConfCode, pages: list[Page]) -> list[Page]:
    """The roles of ``rst_prolog``/``rst_epilog``, at their lines in conf.py.

    Sphinx adds both to every reST document and checks their roles (substitution definitions
    included, used or not) at ``<rst_prologue>``; docscheck reports them once, in conf.py.
    """
    if not conf.prolog or config.conf is None or not any(not p.path.endswith(MYST_SUFFIXES) for p in pages):
        return []
    from .code.python_sources import TextBlock, blocks_page, holds_roles

    pages = []
    for line, text, exact in conf.prolog:
        if holds_roles(text):
            page = blocks_page(config.relpath(config.conf), [TextBlock(line, tuple(text.splitlines()))])
            if not exact:  # a concatenation: its first line stands for every role
                page = replace(page, term_refs=tuple(replace(r, line=line) for r in page.term_refs), citations=tuple(replace(c, line=line) for c in page.citations))
            pages.append(page)
    return pages


def load_bibliography(config: Config, cache: ParseCache | None = None) -> tuple[list[BibEntry], list[Finding]]:
    findings: list[Finding] = []
    files = [(rel, text) for _path, rel, text in readable_files(config.bib, config, findings)]
    if cache is None:
        entries, bib_findings = parse_bib_files(files)
    else:
        key = ("bib", tuple((rel, text_digest(text)) for rel, text in files))
        entries, bib_findings = cache.get(key, lambda: parse_bib_files(files))
    return entries, findings + bib_findings


def parse_bib_files(files: list[tuple[str, str]]) -> tuple[list[BibEntry], list[Finding]]:
    """The entries of every BibTeX file, in order (a key seen twice is CITE004)."""
    entries: list[BibEntry] = []
    findings: list[Finding] = []
    seen: dict[str, BibEntry] = {}
    for rel, text in files:
        try:
            file_entries, file_findings = parse_bib_text(text, rel, seen)
        except RecursionError:
            file_entries, file_findings = [], [file_error(rel, 1, "BibTeX file is nested too deeply to be read")]
        entries += file_entries
        findings += file_findings
    return entries, findings


def load_figures(config: Config, cache: ParseCache | None = None) -> tuple[list[RecordedFigure], list[Finding]]:
    """The figures each source supports (``figures = true``), from the figures file."""
    if not config.figures or config.figures_file is None:
        return [], []
    findings: list[Finding] = []
    for _path, rel, text in readable_files([config.figures_file], config, findings):
        if cache is None:
            figures, file_findings = parse_figures_text(text, rel)
        else:
            figures, file_findings = cache.get(("figures", rel, text_digest(text)), lambda: parse_figures_text(text, rel))
        return figures, findings + file_findings
    return [], findings


def load_drawings(config: Config, pages: list[Page], cache: ParseCache | None = None) -> tuple[dict[str, Drawing], list[Finding]]:
    """The SVG drawings that figures with a cited caption show, by :attr:`FigureBlock.image` (``figures = true``).

    Paths are taken as Sphinx takes them (relative to the page, or to the source directory with a
    leading ``/``); a missing image is Sphinx's to report, one outside ROOT is never read (FILE001).
    """
    drawings: dict[str, Drawing] = {}
    findings: list[Finding] = []
    if not config.figures:
        return drawings, findings
    for page in pages:
        for block in page.figures:
            if block.image in drawings or not block.keys or not block.image.lower().endswith(".svg"):
                continue
            path = config.docs / block.image.lstrip("/") if block.image.startswith("/") else config.root / block.image
            if not inside(config.root, path):
                findings.append(outside_finding(page.path, block.line, what=f"figure image {block.image!r}"))
                continue
            if not path.is_file():
                continue
            rel = config.relpath(Path(os.path.normpath(path)))
            text, problem = read_text(path, rel)
            if text is None:
                findings.append(problem)  # type: ignore[arg-type]
                continue
            if cache is None:
                drawing, svg_findings = parse_svg_text(text, rel)
            else:
                drawing, svg_findings = cache.get(("svg", rel, text_digest(text)), lambda: parse_svg_text(text, rel))  # noqa: B023
            drawings[block.image] = drawing
            findings += svg_findings
    return drawings, findings


def apply_severity(findings: list[Finding], config: Config) -> list[Finding]:
    """Apply ``[tool.docscheck.severity]`` (``off`` drops a code) and ``exclude`` to findings."""
    result = []
    for finding in findings:
        level = config.severity.get(finding.code)
        if level == "off" or is_excluded(finding.path, config.exclude):
            continue
        if level is not None and level != str(finding.severity):
            finding = Finding(finding.path, finding.line, finding.code, Severity(level), finding.message)
        result.append(finding)
    # a fragment included twice reports its problems once
    return sorted(dict.fromkeys(result), key=lambda f: (f.path, f.line, f.code, f.message))


def discovery_hint(config: Config, corpus: Corpus, findings: list[Finding]) -> str | None:
    """One line when the findings suggest docscheck read the project wrongly, saying what it read."""
    refs = sum(len(p.term_refs) for p in corpus.role_pages)
    undefined = sum(1 for f in findings if f.code == "TERM001")
    docs = config.relpath(config.docs) if config.docs != config.root else "."
    glossary = f"entries from {config.relpath(config.glossary)}/ ({len(corpus.entries)})" if config.glossary else "no glossary/ entries"
    blocks = sum(len(p.defined_terms) for p in corpus.pages)
    if refs >= 2 and undefined > UNDEFINED_SHARE_HINT * refs:
        return (
            f"{undefined} of {refs} term references are undefined; docscheck read pages under {docs}/, {glossary} "
            f"and {blocks} terms of glossary blocks: pass --docs DIR (the Sphinx source directory) or --glossary DIR if the terms live elsewhere"
        )
    if config.bib and not corpus.bib:
        names = ", ".join(config.relpath(b) for b in config.bib)
        return f"the bibliography ({names}) yields no entry; check that it is BibTeX, or pass --bib FILE to name the right one"
    return None


def word_frequency(config: Config, notes: list[str]) -> Callable[[str], float] | None:
    """TERM008's frequency lookup for the project's language (read only when ``jargon = true``)."""
    if not config.jargon:
        return None
    from .word_frequency import WordFrequencyError, load_table

    try:
        table = load_table(config.language)
    except WordFrequencyError as exc:
        raise ConfigError(str(exc)) from None
    if table is None:
        notes.append(f"jargon = true, but wordfreq has no word list for the language {config.language!r}: TERM008 not checked")
        return None
    return table.zipf


def renders_code(conf: ConfCode, page_texts: list[tuple[str, str]]) -> bool:
    """Pages that may name autodoc directives, or ``autoapi_dirs`` or a gallery in ``conf.py``."""
    return bool(page_texts or conf.autoapi_dirs or conf.examples_dirs)


def code_sources(config: Config, conf: ConfCode, page_texts: list[tuple[str, str]], cache: ParseCache | None) -> tuple[list[Page], list[str]]:
    """Pages of the docstrings and gallery text the documentation renders, with notes for stderr.

    :mod:`docscheck.code.sources` (and ``ast``-walking code behind it) is imported only for a project
    that renders code (:func:`renders_code`): a project of pages alone does not pay for it at every start.
    """
    if not renders_code(conf, page_texts):
        return [], []
    from .code.sources import load_code_pages

    return load_code_pages(config, conf, page_texts, cache)


def check_project(root: Path, config: Config | None = None, cache: ParseCache | None = None) -> Report:
    """Parse every page, entry and BibTeX file of the project at ``root`` and run all rules.

    With ``cache`` (a :class:`ParseCache` kept from the previous run), unchanged files are not parsed again.
    """
    config = config or load_config(root)
    findings = list(config.setup_findings)
    conf = read_conf_code(config.conf, config.root) if config.conf is not None else ConfCode()
    notes: list[str] = list(config.notes)
    page_texts: list[tuple[str, str]] = []
    sources = PageSources(config, cache, conf, notes, page_texts)
    # On a large project, or one whose documentation renders code, a forked child reads the
    # docstrings, then parses pages as this process does once it has read the rest: each takes the
    # next page from a shared queue. The result is the one of a single process (pages and notes in
    # page order; whatever a failed child did not give back is parsed here).
    code = renders_code(conf, page_texts)
    forking = cache is None and (sources.size >= TWO_PROCESSES_FROM or code) and spare_cpu()
    queue = SharedQueue(len(sources.sources)) if forking else None
    child = in_child(lambda: (code_sources(config, conf, page_texts, cache), sources.parse_each(queue, notes))) if queue is not None else None
    try:
        entries, entry_findings = load_glossary(config.root, config, cache)
        bib, bib_findings = load_bibliography(config, cache)
        figures, figure_findings = load_figures(config, cache)
        triage, triage_findings = read_triage(config, cache)
        external, inventory_notes = external_terms(config, conf)
        parsed = sources.parse_each(queue if queue is not None else range(len(sources.sources)), notes)
    finally:
        done = child() if child is not None else None
        if queue is not None:
            queue.close()
    if done is not None:
        (code_pages, code_notes), theirs = done
        parsed.update(theirs)
    else:
        code_pages, code_notes = code_sources(config, conf, page_texts, cache)
    pages, page_findings = sources.collect(parsed, notes)
    code_pages += prolog_pages(config, conf, pages)
    notes += [*conf.notes, *code_notes, *inventory_notes]
    drawings, drawing_findings = load_drawings(config, pages, cache)
    findings += entry_findings + page_findings + bib_findings + figure_findings + drawing_findings + triage_findings
    corpus = Corpus(
        pages=tuple(pages),
        entries=tuple(entries),
        bib=tuple(bib),
        figures=tuple(figures),
        drawings=drawings,
        entry_pages=tuple(load_entry_pages(entries, config, cache)),
        triage=tuple(triage),
        settings=RuleSettings(
            review=config.review,
            today=config.today,
            readability_min=config.readability_min,
            min_words=config.min_words,
            editorial=config.editorial,
            language=config.language,
            evidence=config.evidence,
            evidence_max_age=config.evidence_max_age,
            figures=config.figures,
            figures_file=config.relpath(config.figures_file) if config.figures_file else "references-figures.yaml",
            jargon=config.jargon,
            jargon_max_zipf=config.jargon_max_zipf,
            jargon_allow=config.jargon_allow,
            word_frequency=word_frequency(config, notes),
        ),
        code_pages=tuple(code_pages),
        external=external,
    )
    findings += run_rules(corpus)
    stats = {
        "pages": len(pages),
        "terms": len(entries) + sum(len(p.defined_terms) for p in pages),
        "term_refs": sum(len(p.term_refs) for p in corpus.role_pages),
        "bib_entries": len(bib),
        "citations": sum(len(p.citations) for p in (*pages, *code_pages)),
    }
    reported = apply_severity(findings, config)
    if cache is not None:
        cache.finish()
    return Report(reported, stats, entries, pages, bib, list(dict.fromkeys(notes)), discovery_hint(config, corpus, reported))
