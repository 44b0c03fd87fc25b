"""Counts or amounts for the same subject, attribute and scope must not disagree.

Two claims conflict only when they come from different sources, their value
intervals are disjoint after stated precision and qualifiers ("more than
5,000" is [5000, open)), and their ``as_of`` dates fall inside the same-time
window (the rule's ``same_time_window_days``, else the attribute's). Across a
longer gap a count is expected to change: that is growth, not a conflict.
Planned figures ("plans to open a second") and increments ("two new data
centers") are not stocks and are left to other checks. Subjects are compared
by their top parent (Alibaba Cloud and Alibaba Group are one subject).

When either date is unknown the claims are still compared, and the finding
says so and drops one severity level.

**Conflict**
    a.md (2025-07-02): "its third data center in Malaysia"      -> data_centers[MY] = 3
    b.md (2025-07-03): "runs two data centers in Malaysia"      -> data_centers[MY] = 2

**No conflict**
    a.md (2025-07-02): "its third data center in Malaysia"
    b.md (2026-06-20): "five data centers in Malaysia"   (a year later: growth)
"""

from __future__ import annotations

import datetime as dt
from collections import deque

from checker.checks.base import CheckContext, CheckResult, RuleOptions, date_text, group_by, make_finding, scope_text
from checker.models import Claim, Status
from checker.ruleset import Rule

KIND = "value_conflict"


class Options(RuleOptions):
    """Options of value_conflict."""

    attributes: list[str]
    same_time_window_days: int | None = None
    min_confidence: float = 0.5


def _eligible(c: Claim, attributes: set[str], min_conf: float) -> bool:
    return (
        c.kind in ("count", "money")
        and c.attribute in attributes
        and c.subject is not None
        and c.scope is not None
        and c.status not in (Status.planned, Status.closed, Status.under_construction)
        and c.confidence >= min_conf
    )


def check(rule: Rule, claims: list[Claim], ctx: CheckContext) -> CheckResult:
    """Sweep each (subject, attribute, scope, unit) group in time order within the window."""
    opts: Options = rule.options
    attrs = set(opts.attributes)
    result = CheckResult()
    groups = group_by(
        (c for c in claims if _eligible(c, attrs, opts.min_confidence)),
        lambda c: (ctx.lexicon.root(c.subject), c.attribute, c.scope, c.normalised.unit if c.normalised else c.unit),
    )
    for key, group in groups.items():
        attr_spec = ctx.lexicon.attributes.attributes.get(key[1])
        window = opts.same_time_window_days if opts.same_time_window_days is not None else (attr_spec.same_time_window_days if attr_spec else 14)
        undated = [c for c in group if c.as_of.start is None and c.as_of.end is None]
        dated = [c for c in group if c not in undated]
        recent: deque[Claim] = deque()
        seen_pairs: set[tuple[str, str]] = set()
        for c in dated:
            horizon = (c.as_of.start or c.as_of.end) - dt.timedelta(days=window)
            while recent and recent[0].as_of.end is not None and recent[0].as_of.end < horizon:
                recent.popleft()
            for other in list(recent) + undated:
                _compare(rule, other, c, window, ctx, result, seen_pairs)
            recent.append(c)
        for i, a in enumerate(undated):
            for b in undated[i + 1 :]:
                _compare(rule, a, b, window, ctx, result, seen_pairs)
    return result


def _value(c: Claim):
    return c.normalised.value if c.normalised else c.value


def _compare(rule: Rule, a: Claim, b: Claim, window: int, ctx: CheckContext, result: CheckResult, seen: set[tuple[str, str]]) -> None:
    if a.source == b.source:
        return
    gap = a.as_of.gap_days(b.as_of)
    if gap is not None and gap > window:
        return
    result.compared += 1
    va, vb = _value(a), _value(b)
    if not va.disjoint(vb):
        result.passed += 1
        return
    pair = tuple(sorted((a.source, b.source)))
    if pair in seen:
        return
    seen.add(pair)
    unknown = gap is None
    attr = a.attribute.replace("_", " ")
    message = (
        f"{a.source} says {a.evidence.quote!r} ({date_text(a, ctx.sources)}) but {b.source} says {b.evidence.quote!r} "
        f"({date_text(b, ctx.sources)}): {attr}{scope_text(a)} [{va.show()} vs {vb.show()}]"
        + (", one date unknown." if unknown else ".")
    )
    explanation = {
        "key": {"subject": ctx.lexicon.root(a.subject), "attribute": a.attribute, "scope": a.scope},
        "values": [va.show(), vb.show()],
        "as_of": [a.as_of.show(), b.as_of.show()],
        "gap_days": gap,
        "same_time_window_days": window,
        "why": "the value intervals are disjoint" + (" and the dates fall inside the same-time window" if not unknown else "; a publication date is unknown, so severity was lowered one level"),
    }
    result.findings.append(make_finding(rule, [a, b], message, explanation, rule.severity.lower() if unknown else None))
