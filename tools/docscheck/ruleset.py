"""The registry of rules: each is a pure function ``(Corpus) -> Iterable[Finding]``."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .records import Corpus, Finding

Rule = Callable[[Corpus], Iterable[Finding]]

RULES: list[Rule] = []


def run_rules(corpus: Corpus, rules: list[Rule] | None = None) -> list[Finding]:
    findings: list[Finding] = []
    for rule in RULES if rules is None else rules:
        findings.extend(rule(corpus))
    return findings
