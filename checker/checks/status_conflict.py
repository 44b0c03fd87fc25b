"""An event reported done must not be reported still planned by a source of the same time or later.

Events are identified as in ``date_conflict`` (top subject, event kind,
attribute, scope, ordinal). A claim with status ``operational`` says the
event was done by a date: its stated date, or its source's published date when
none is stated. A claim with status ``planned`` or ``under_construction`` says
the event was still to come when its source was published. When that
publication date is on or after the done-by date (less the rule's
``same_time_window_days``, 0 by default), the two contradict each other.

Planned-then-opened is the normal course of events and stays quiet: a plan
published before the opening is not compared. When the publication date of the
planned claim is unknown, or the done claim has no date, the claims are still
compared, and the finding says so and drops one severity level.

Each planned claim is compared with the done claim of the earliest done-by
date from another source: O(n log n).

**Conflict**
    a.md (2025-07-02): "Alibaba Cloud opened its third data center in Malaysia."
    b.md (2025-07-10): "Alibaba Cloud plans to open its third data center in Malaysia."

**No conflict**
    a.md (2025-06-01): "Alibaba Cloud plans to open its third data center in Malaysia."
    b.md (2025-07-02): "Alibaba Cloud opened its third data center in Malaysia."   (planned, then opened)
"""

from __future__ import annotations

import datetime as dt

from checker.checks.base import (
    CheckContext,
    CheckResult,
    RuleOptions,
    event_interval,
    event_groups,
    event_text,
    key_dict,
    lowered,
    make_finding,
    published,
)
from checker.models import Claim, Status
from checker.ruleset import Rule

KIND = "status_conflict"

NOT_YET = (Status.planned, Status.under_construction)


class Options(RuleOptions):
    """Options of status_conflict."""

    events: list[str] = ["opening", "launch"]
    same_time_window_days: int = 0
    min_confidence: float = 0.5


def check(rule: Rule, claims: list[Claim], ctx: CheckContext) -> CheckResult:
    """Per event, compare each not-yet claim with the earliest done claim from another source."""
    opts: Options = rule.options
    result = CheckResult()
    groups = event_groups(claims, opts.events, opts.min_confidence, ctx.lexicon)
    for key, group in groups.items():
        done = [c for c in group if c.status == Status.operational]
        if not done:
            continue
        # earliest done-by date first; undated done claims last
        done.sort(key=lambda c: (event_interval(c).end or dt.date.max, c.source, c.evidence.start))
        first = done[0]
        second = next((c for c in done if c.source != first.source), None)
        seen: set[tuple[str, str]] = set()
        for p in group:
            if p.status not in NOT_YET:
                continue
            d = first if first.source != p.source else second
            if d is None:
                continue
            result.compared += 1
            done_by = event_interval(d).end
            said = published(p, ctx.sources)
            unknown = done_by is None or said is None
            if not unknown and said < done_by - dt.timedelta(days=opts.same_time_window_days):
                result.passed += 1
                continue
            pair = tuple(sorted((d.source, p.source)))
            if pair in seen:
                continue
            seen.add(pair)
            message = (
                f"{p.source} says {p.evidence.quote!r} (still planned, published {said.isoformat() if said else 'date unknown'}) "
                f"but {d.source} says {d.evidence.quote!r} (done by {done_by.isoformat() if done_by else 'date unknown'}): "
                f"{event_text(d)} is reported both done and planned" + (", one date unknown." if unknown else ".")
            )
            explanation = {
                "key": key_dict(subject=key[0], event=key[1], attribute=key[2], scope=key[3], ordinal=key[4]),
                "done_by": done_by.isoformat() if done_by else None,
                "planned_published": said.isoformat() if said else None,
                "same_time_window_days": opts.same_time_window_days,
                "why": "a source published on or after the date the event was reported done still calls it planned"
                + ("; a date is unknown, so severity was lowered one level" if unknown else ""),
            }
            result.findings.append(make_finding(rule, [d, p], message, explanation, lowered(rule, unknown)))
    return result
