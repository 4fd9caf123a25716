"""The registry of rules: each is a pure function ``(Corpus) -> Iterable[Finding]``."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .records import Corpus, Finding
from .rules_citations import CITE_RULES
from .rules_pages import PAGE_RULES
from .rules_terms import TERM_RULES

Rule = Callable[[Corpus], Iterable[Finding]]

#: Every rule, in the order of the finding codes (FILE001 comes from the parsers).
RULES: list[Rule] = [*TERM_RULES, *CITE_RULES, *PAGE_RULES]


def run_rules(corpus: Corpus, rules: list[Rule] | None = None) -> list[Finding]:
    """Run ``rules`` (default: all); a rule never reads files, so this is pure."""
    findings: list[Finding] = []
    for rule in RULES if rules is None else rules:
        findings.extend(rule(corpus))
    return findings
