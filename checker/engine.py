"""The rule engine: run every rule's check kind over the claims, sort the findings.

Each check kind groups claims by its own key and sweeps groups in time order,
so a run costs O(n log n) in the number of claims, never all pairs.
"""

from __future__ import annotations

from checker.checks import CHECKS
from checker.checks.base import CheckContext
from checker.models import Claim, Finding, RuleSummary, Source
from checker.ruleset import Ruleset


def run_rules(ruleset: Ruleset, claims: list[Claim], sources: list[Source], facts: list | None = None) -> tuple[list[Finding], list[RuleSummary]]:
    """Findings of all rules (sorted: severity, rule, id) and what each rule compared."""
    ctx = CheckContext(lexicon=ruleset.lexicon, sources={s.id: s for s in sources}, facts=facts or [])
    findings: list[Finding] = []
    summaries: list[RuleSummary] = []
    for rule in ruleset.rules:
        kind = CHECKS[rule.spec.kind]
        result = kind.check(rule, claims, ctx)
        unique = {f.id: f for f in result.findings}
        findings.extend(unique.values())
        summaries.append(RuleSummary(rule=rule.id, kind=rule.spec.kind, severity=rule.severity, compared=result.compared, passed=result.passed, flagged=len(unique)))
    findings.sort(key=lambda f: (-f.severity.rank, f.rule, f.sources, f.id))
    return findings, summaries
