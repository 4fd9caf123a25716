"""docscheck's rules: pure functions ``(Corpus) -> Iterable[Finding]``, and their registry.

One module per family of codes: :mod:`.terms` (TERM), :mod:`.citations` (CITE), :mod:`.pages`
(PAGE), :mod:`.figures` (PAGE006), :mod:`.triage` (TRIAGE), :mod:`.jargon` (TERM008), with the pure helpers they use:
:mod:`.term_index` (which name resolves to which definition), :mod:`.term_mentions` (unlinked
mentions in prose, TERM007), :mod:`.readability` (Kandel–Moles, PAGE004) and :mod:`.figure_numbers`
(the figures of a text, PAGE003 and PAGE006). A rule never reads a file and never imports a parser or a front-end:
it sees only the records of :mod:`docscheck.records`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from docscheck.records import Corpus, Finding

from .citations import CITE_RULES
from .figures import FIGURE_RULES
from .jargon import JARGON_RULES
from .pages import PAGE_RULES
from .terms import TERM_RULES
from .triage import TRIAGE_RULES

Rule = Callable[[Corpus], Iterable[Finding]]

#: Every rule, in the order of the finding codes (FILE001 comes from the parsers).
RULES: list[Rule] = [*TERM_RULES, *JARGON_RULES, *CITE_RULES, *PAGE_RULES, *FIGURE_RULES, *TRIAGE_RULES]


def run_rules(corpus: Corpus, rules: list[Rule] | None = None) -> list[Finding]:
    """Run ``rules`` (default: all); a rule never reads files, so this is pure."""
    findings: list[Finding] = []
    for rule in RULES if rules is None else rules:
        findings.extend(rule(corpus))
    return findings
