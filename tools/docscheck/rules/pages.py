"""PAGE rules: content pages cite sources, carry review dates, source their figures, read easily.

A *content page* is a page with at least one paragraph of prose that is not the root document
(``index``, a landing page), not a glossary page (it has a glossary block or a glossary
directive) and not a bibliography page (it has a ``bibliography`` directive). PAGE001 and
PAGE004 apply to content pages; PAGE002 (only when ``review = true``) applies to content pages
and to any page that declares ``last_reviewed`` or ``next_review``.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator

from .readability import score_blocks
from docscheck.records import Corpus, Finding, Page, Severity

PERCENT = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?:[ \u00a0\u202f]*[–—-][ \u00a0\u202f]*\d+(?:[.,]\d+)?)?[ \u00a0\u202f]*%")
REVIEW_KEYS = ("last_reviewed", "next_review")
MAX_REVIEW_SPAN_YEARS = 3


def is_content_page(page: Page) -> bool:
    if page.is_root or page.is_glossary_page or page.is_bibliography_page:
        return False
    return any(not prose.heading and prose.text.strip() for prose in page.prose)


def _first_prose_line(page: Page) -> int:
    return next((p.line for p in page.prose if not p.heading), 1)


def pages_without_citations(corpus: Corpus) -> Iterator[Finding]:
    """PAGE001: a content page cites at least one source."""
    for page in corpus.pages:
        if is_content_page(page) and not page.citations:
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


def review_metadata(corpus: Corpus) -> Iterator[Finding]:
    """PAGE002: ``last_reviewed`` and ``next_review`` are ISO dates, at most 3 years apart, not overdue."""
    if not corpus.settings.review:
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


def uncited_percentages(corpus: Corpus) -> Iterator[Finding]:
    """PAGE003: a paragraph (or table) giving a percentage cites its source."""
    for page in corpus.pages:
        for prose in page.prose:
            if prose.cited or prose.heading:
                continue
            for line, text, _order, kind in prose.segments:
                if kind != "break" and (m := PERCENT.search(text)):
                    yield Finding(page.path, line, "PAGE003", Severity.WARNING, f"percentage '{m.group()}' in a paragraph that cites nothing; add {{cite:p}}`key` to this paragraph")
                    break


def readability(corpus: Corpus) -> Iterator[Finding]:
    """PAGE004: Kandel–Moles score of a content page's prose at or above the threshold."""
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


PAGE_RULES = [pages_without_citations, review_metadata, uncited_percentages, readability]
