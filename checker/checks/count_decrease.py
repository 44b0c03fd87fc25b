"""A cumulative count should not fall over time unless a closure was reported.

Data centers, regions or a disaster's death toll accumulate: a later source
giving a clearly lower figure for the same subject, attribute and scope
(top subject, as in ``value_conflict``) says something was closed, or one of
the two figures is wrong. This check looks at gaps *longer* than the
same-time window (inside it, ``value_conflict`` already compares the two).

A fall is flagged when the later claim's whole interval lies below an earlier
claim's ("five" then "three"; "more than 5,000" then "4,000"), the two come
from different sources, and no closure was reported for the same key between
them: a claim with status ``closed`` (count or event), an event of kind
``closure``, or a ``revision`` (a toll its source says was revised down). A
closure or a revision resets the comparison: counts before it are not
compared with counts after it.

Attributes are the rule's ``attributes``, else every attribute whose lexicon
``kind`` is in ``attribute_kinds`` (``count`` and ``toll``; tallies such as
votes are final, not cumulative). Planned, under-construction and closed
counts and increments are not stocks and are left out. Claims without a date
cannot be ordered and are left out. Each claim is compared once with the
highest earlier figure: O(n log n).

**Conflict**
    a.md (2025-01-10): "Alibaba Cloud runs five data centers in Malaysia."
    b.md (2025-06-10): "Alibaba Cloud runs three data centers in Malaysia."

**No conflict**
    a.md (2025-01-10): "Alibaba Cloud runs three data centers in Malaysia."
    b.md (2025-06-10): "Alibaba Cloud runs five data centers in Malaysia."   (growth)
"""

from __future__ import annotations

import datetime as dt
import heapq

from checker.checks.base import (
    INACTIVE,
    CheckContext,
    CheckResult,
    RuleOptions,
    Window,
    date_text,
    end,
    group_by,
    has_subject,
    key_dict,
    make_finding,
    noun,
    scope_text,
    start,
    undated,
    window_days,
)
from checker.models import Claim, Status
from checker.ruleset import Rule

KIND = "count_decrease"


class Options(RuleOptions):
    """Options of count_decrease."""

    attributes: list[str] | None = None
    attribute_kinds: list[str] = ["count", "toll"]
    same_time_window_days: int | None = None
    min_confidence: float = 0.5


def _is_closure(c: Claim) -> bool:
    """A closure, or a fall the source itself reports ("the UN revised its toll down to 3,958")."""
    return c.status == Status.closed or (c.kind == "event" and c.event in ("closure", "revision"))


def check(rule: Rule, claims: list[Claim], ctx: CheckContext) -> CheckResult:
    """Per key, sweep in time order keeping the highest earlier figure older than the window."""
    opts: Options = rule.options
    specs = ctx.lexicon.attributes.attributes
    attrs = set(opts.attributes) if opts.attributes is not None else {a for a, s in specs.items() if s.kind in opts.attribute_kinds}
    result = CheckResult()

    def relevant(c: Claim) -> bool:
        return (c.attribute in attrs and has_subject(c, ctx.lexicon) and c.scope is not None and not undated(c)
                and c.confidence >= opts.min_confidence and not specs[c.attribute].may_fall)

    # a rank ("its third region in India") implies a count, but ordinal_count already weighs it against the counts; as the
    # earlier figure here it would make one wrong rank a fall against every later count
    groups = group_by((c for c in claims if relevant(c) and (_is_closure(c) or (c.kind == "count" and c.status not in INACTIVE and c.ordinal is None))),
                      lambda c: (ctx.lexicon.root(c.subject), c.attribute, c.scope))
    for key, group in groups.items():
        window = window_days(opts.same_time_window_days, key[1], ctx.lexicon)
        # closures sort before counts of the same day: a count that day may already reflect it
        timeline = sorted(group, key=lambda c: (start(c), not _is_closure(c), c.source, c.evidence.start))
        older = Window(lambda c: c.value)
        pending: list[tuple[dt.date, int, Claim]] = []
        seen: set[tuple[str, str]] = set()
        for n, c in enumerate(timeline):
            if _is_closure(c):
                older, pending = Window(lambda c: c.value), []
                continue
            horizon = start(c) - dt.timedelta(days=window)
            while pending and pending[0][0] < horizon:
                older.add(heapq.heappop(pending)[2])
            if older.any_live(c.source):
                result.compared += 1
                top = older.highest_low(c.source)
                if top is not None and c.value.high is not None and top.value.low is not None and c.value.high < top.value.low:
                    pair = tuple(sorted((top.source, c.source)))
                    if pair not in seen:
                        seen.add(pair)
                        _report(rule, top, c, window, ctx, result)
                else:
                    result.passed += 1
            heapq.heappush(pending, (end(c), n, c))
    return result


def _report(rule: Rule, a: Claim, b: Claim, window: int, ctx: CheckContext, result: CheckResult) -> None:
    message = (
        f"{a.source} says {a.evidence.quote!r} ({date_text(a, ctx.sources)}) but the later {b.source} says {b.evidence.quote!r} "
        f"({date_text(b, ctx.sources)}): {noun(a.attribute)}{scope_text(a)} fell [{a.value.show()} -> {b.value.show()}] with no closure reported in between."
    )
    explanation = {
        "key": key_dict(subject=ctx.lexicon.root(a.subject), attribute=a.attribute, scope=a.scope),
        "values": [a.value.text or a.value.show(), b.value.text or b.value.show()],
        "as_of": [a.as_of.show(), b.as_of.show()],
        "gap_days": a.as_of.gap_days(b.as_of),
        "same_time_window_days": window,
        "why": "a cumulative count is lower in a later source, more than the same-time window later, and no closure was reported between them",
    }
    result.findings.append(make_finding(rule, [a, b], message, explanation))
