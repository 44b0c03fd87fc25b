"""The rule engine: run every rule's check kind over the claims, sort the findings.

Each check kind groups claims by its own key and sweeps groups in time order,
so a run costs O(n log n) in the number of claims, never all pairs. Facts for
the ``reference`` kind may be given loaded or as the path of a facts ledger;
a bad ledger raises :class:`~checker.errors.RuleFileError` with one
``path:line: ...`` line per problem before any rule runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from checker.checks import CHECKS
from checker.checks.base import CheckContext
from checker.models import Claim, Finding, RuleSummary, Source
from checker.ruleset import Fact, Ruleset, load_facts


def resolve_facts(facts: Sequence[Fact] | str | Path | Sequence[str | Path] | None) -> list[Fact]:
    """Facts as a list: loaded facts are kept, paths are loaded (several paths are concatenated)."""
    if facts is None:
        return []
    if isinstance(facts, (str, Path)):
        return load_facts(facts)
    out: list[Fact] = []
    for item in facts:
        out.extend(load_facts(item) if isinstance(item, (str, Path)) else [item])
    return out


def run_rules(
    ruleset: Ruleset,
    claims: list[Claim],
    sources: list[Source],
    facts: Sequence[Fact] | str | Path | Sequence[str | Path] | None = None,
) -> tuple[list[Finding], list[RuleSummary]]:
    """Findings of all rules (sorted: severity, rule, sources, id) and what each rule compared."""
    ctx = CheckContext(lexicon=ruleset.lexicon, sources={s.id: s for s in sources}, facts=resolve_facts(facts))
    findings: list[Finding] = []
    summaries: list[RuleSummary] = []
    for rule in ruleset.rules:
        kind = CHECKS[rule.spec.kind]
        result = kind.check(rule, claims, ctx)
        unique = {f.id: f for f in result.findings}
        findings.extend(unique.values())
        summaries.append(
            RuleSummary(rule=rule.id, kind=rule.spec.kind, severity=rule.severity, compared=result.compared, passed=result.passed, flagged=len(unique))
        )
    findings.sort(key=lambda f: (-f.severity.rank, f.rule, f.sources, f.id))
    return findings, summaries
