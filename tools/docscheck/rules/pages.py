"""PAGE rules: content pages cite sources, carry review dates, source their figures, read easily.

A *content page* is a page with at least one paragraph of prose that is not the root document
(``index``, a landing page), not a glossary page (it has a glossary block or a glossary
directive) and not a bibliography page (it has a ``bibliography`` directive).

- PAGE003 (a figure in a paragraph that cites nothing) finds figures as PAGE006 does
  (:mod:`.figure_numbers`: percentages, counts, durations, ranges, years, ratios; not names,
  classifications, emergency numbers or numbering): every figure with ``figures = true``,
  percentages only without it.
- PAGE001, PAGE003 and PAGE004 are editorial rules: they apply only when the project opted in
  with a ``[tool.docscheck]`` table; PAGE001 and PAGE003 also need a bibliography, and PAGE004
  (a French formula) a French project (``language = "fr"``).
- PAGE002 (``review = true``) applies to content pages and to any page that declares
  ``last_reviewed`` or ``next_review``; a declared date that is not a date is reported even
  without ``review = true``.
- PAGE005 (``review = true``, ``evidence_max_age`` > 0) applies to content pages that cite sources,
  unless their front matter says ``historical: true``.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator

from .figure_numbers import prose_figures
from .readability import score_blocks
from docscheck.records import TRIAGE_DIRECTIVES, BibEntry, Corpus, Finding, Page, Severity

REVIEW_KEYS = ("last_reviewed", "next_review")
YEAR_START = re.compile(r"\d{4}(?!\d)")
MAX_REVIEW_SPAN_YEARS = 3


def is_content_page(page: Page) -> bool:
    if page.is_root or page.is_glossary_page or page.is_bibliography_page:
        return False
    return any(not prose.heading and prose.text.strip() for prose in page.prose)


def _first_prose_line(page: Page) -> int:
    return next((p.line for p in page.prose if not p.heading), 1)


def cites_are_expected(corpus: Corpus) -> bool:
    """Citation-presence rules need an opted-in project that has a bibliography."""
    return corpus.settings.editorial and bool(corpus.bib)


def pages_without_citations(corpus: Corpus) -> Iterator[Finding]:
    """PAGE001: a content page cites at least one source (a triage directive cites the table's)."""
    if not cites_are_expected(corpus):
        return
    for page in corpus.pages:
        if is_content_page(page) and not page.citations and not page.directives & TRIAGE_DIRECTIVES:
            yield Finding(page.path, 1, "PAGE001", Severity.WARNING, "content page cites no source; support its statements with {cite:p}`key`")


def _as_date(value: object) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _add_years(day: _dt.date, years: int) -> _dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def malformed_review_dates(page: Page) -> Iterator[Finding]:
    for key in REVIEW_KEYS:
        if key in page.meta and _as_date(page.meta[key]) is None:
            yield Finding(page.path, page.meta_lines.get(key, 1), "PAGE002", Severity.ERROR, f"'{key}' must be an ISO date (YYYY-MM-DD), not {page.meta[key]!r}")


def review_metadata(corpus: Corpus) -> Iterator[Finding]:
    """PAGE002: ``last_reviewed`` and ``next_review`` are ISO dates, at most 3 years apart, not overdue."""
    if not corpus.settings.review:
        for page in corpus.pages:
            yield from malformed_review_dates(page)
        return
    today = corpus.settings.today
    for page in corpus.pages:
        declared = any(key in page.meta for key in REVIEW_KEYS)
        if not declared and not is_content_page(page):
            continue
        dates: dict[str, _dt.date] = {}
        for key in REVIEW_KEYS:
            line = page.meta_lines.get(key, 1)
            if key not in page.meta:
                yield Finding(page.path, 1, "PAGE002", Severity.ERROR, f"missing review metadata '{key}': add {key}: YYYY-MM-DD to the front matter")
                continue
            value = _as_date(page.meta[key])
            if value is None:
                yield Finding(page.path, line, "PAGE002", Severity.ERROR, f"'{key}' must be an ISO date (YYYY-MM-DD), not {page.meta[key]!r}")
            else:
                dates[key] = value
        last, following = dates.get("last_reviewed"), dates.get("next_review")
        line = page.meta_lines.get("next_review", 1)
        if following is not None and following < today:
            yield Finding(page.path, line, "PAGE002", Severity.ERROR, f"next_review {following.isoformat()} is in the past: review the page and update last_reviewed and next_review")
        if last is not None and following is not None:
            if following < last:
                yield Finding(page.path, line, "PAGE002", Severity.ERROR, f"next_review {following.isoformat()} is before last_reviewed {last.isoformat()}")
            elif following > _add_years(last, MAX_REVIEW_SPAN_YEARS):
                yield Finding(page.path, line, "PAGE002", Severity.ERROR, f"next_review {following.isoformat()} is more than {MAX_REVIEW_SPAN_YEARS} years after last_reviewed {last.isoformat()}")


def uncited_figures(corpus: Corpus) -> Iterator[Finding]:
    """PAGE003: a paragraph (or table) giving a figure (:mod:`.figure_numbers`) cites its source.

    Every figure in a project that checks figures (``figures = true``, PAGE006), percentages in
    the others. One finding per paragraph, at its first figure.
    """
    if not cites_are_expected(corpus):
        return
    every = corpus.settings.figures
    what = "figure" if every else "percentage"
    for page in corpus.pages:
        for prose in page.prose:
            if prose.cited or prose.heading:
                continue
            read, found = prose_figures(prose)
            if read is not None and (first := next((n for n in found if every or n.percent), None)):
                line = read.line_at(first.start)
                yield Finding(page.path, line, "PAGE003", Severity.WARNING, f"{what} '{first.text}' in a paragraph that cites nothing; add {{cite:p}}`key` to this paragraph")


def readability(corpus: Corpus) -> Iterator[Finding]:
    """PAGE004: Kandel–Moles score of a content page's prose at or above the threshold.

    The formula is French: it applies only to an opted-in project whose language is French.
    """
    language = (corpus.settings.language or "").replace("-", "_").split("_")[0].lower()
    if not corpus.settings.editorial or language != "fr":
        return
    threshold = corpus.settings.readability_min
    for page in corpus.pages:
        if not is_content_page(page):
            continue
        result = score_blocks([p.text for p in page.prose if not p.heading])
        if result is None:
            continue
        score, words = result
        if words >= corpus.settings.min_words and score < threshold:
            yield Finding(page.path, _first_prose_line(page), "PAGE004", Severity.WARNING, f"readability score {score:.1f} (Kandel–Moles) is below {threshold:g}: use shorter sentences and simpler words")


def _flag(value: object) -> bool:
    """A front-matter switch: YAML ``true``, or the text ``true``/``yes``/``1`` (reST field lists)."""
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "1", "on")
    return value is True


def entry_year(entry: BibEntry) -> int | None:
    """Year of publication from ``year`` (four digits) or the start of a biblatex ``date``."""
    for name in ("year", "date"):
        if m := YEAR_START.match(entry.fields.get(name, "").strip().strip("{}")):
            return int(m.group())
    return None


def stale_evidence(corpus: Corpus) -> Iterator[Finding]:
    """PAGE005: the newest source a content page cites is at most ``evidence_max_age`` years old.

    Only with ``review = true``; a history page opts out with ``historical: true``.
    """
    max_age = corpus.settings.evidence_max_age
    if not corpus.settings.review or max_age <= 0:
        return
    years = {entry.key: (entry_year(entry), entry.key) for entry in corpus.bib}
    oldest_allowed = corpus.settings.today.year - max_age
    for page in corpus.pages:
        if not is_content_page(page) or _flag(page.meta.get("historical")):
            continue
        dated = [years[k] for k in {c.key for c in page.citations} if k in years and years[k][0] is not None]
        if not dated:
            continue
        year, key = max(dated, key=lambda item: (item[0], item[1]))
        if year < oldest_allowed:  # type: ignore[operator]
            yield Finding(
                page.path, 1, "PAGE005", Severity.WARNING,
                f"newest cited source is '{key}' ({year}), older than {max_age} years (evidence_max_age): "
                f"cite a source from {oldest_allowed} or later, or mark a history page with historical: true",
            )  # fmt: skip


PAGE_RULES = [pages_without_citations, review_metadata, uncited_figures, readability, stale_evidence]
