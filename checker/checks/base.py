"""What check kinds share: options base, results, grouping and finding construction."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict

from checker.models import Claim, Finding, Severity, Source
from checker.ruleset import Lexicon, Rule


class RuleOptions(BaseModel):
    """Base of every check kind's options: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass
class CheckContext:
    """What a check may look at besides the claims."""

    lexicon: Lexicon
    sources: dict[str, Source]
    facts: list[Any] = field(default_factory=list)


@dataclass
class CheckResult:
    """Findings of one rule, with how many comparisons passed, so silence can be trusted."""

    findings: list[Finding] = field(default_factory=list)
    compared: int = 0
    passed: int = 0


def group_by(claims: Iterable[Claim], key: Callable[[Claim], Hashable | None]) -> dict[Hashable, list[Claim]]:
    """Claims grouped by key (claims whose key is None are left out), each group in time order."""
    groups: dict[Hashable, list[Claim]] = defaultdict(list)
    for c in claims:
        k = key(c)
        if k is not None:
            groups[k].append(c)
    for g in groups.values():
        g.sort(key=lambda c: (c.as_of.start or c.as_of.end or _MIN, c.source, c.evidence.start))
    return dict(sorted(groups.items(), key=lambda kv: str(kv[0])))


import datetime as _dt  # noqa: E402

_MIN = _dt.date.min


def claim_key(c: Claim) -> str:
    """What identifies a claim across re-runs even if its offsets shift."""
    return f"{c.source}|{c.attribute}|{c.scope}|{c.value.text}|{c.evidence.quote}"


def finding_id(rule_id: str, claims: Iterable[Claim]) -> str:
    """Stable finding id: hash of the rule id and the claims' keys."""
    raw = rule_id + "\n" + "\n".join(sorted(claim_key(c) for c in claims))
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def make_finding(rule: Rule, claims: list[Claim], message: str, explanation: dict, severity: Severity | None = None) -> Finding:
    """A Finding with its stable id, sources in claim order."""
    sources: list[str] = []
    for c in claims:
        if c.source not in sources:
            sources.append(c.source)
    return Finding(
        id=finding_id(rule.id, claims),
        rule=rule.id,
        severity=severity or rule.severity,
        message=message,
        claims=[c.id for c in claims],
        sources=sources,
        explanation=explanation,
    )


def date_text(c: Claim, sources: dict[str, Source]) -> str:
    """The claim's date for a message: its as_of, or 'date unknown'."""
    if c.as_of.start is None and c.as_of.end is None:
        return "date unknown"
    return c.as_of.show()


def scope_text(c: Claim) -> str:
    """'in Malaysia', 'globally', or ''."""
    if c.scope == "global":
        return " globally"
    if c.scope_name:
        return f" in {c.scope_name.removeprefix('the ')}"
    return f" in {c.scope}" if c.scope else ""
