"""An ordinal event implies a count: "its third data center in Malaysia" means there are three.

An ordinal claim ("opened its third data center in Malaysia", ``ordinal=3``,
reported done or with unknown status) is compared with stated counts for the
same top subject, attribute and scope inside the same-time window (the
rule's ``same_time_window_days``, else the attribute's). It conflicts when the
count is below the ordinal ("two data centers": the third cannot have opened
if there are two) or well above it (more than ``above_margin`` above: "five
data centers" in the same week as "its third"). Planned ordinals ("plans to
open its fourth") say nothing about the count now and are left out, as are
planned counts and increments. An event claim and a count claim from the same
words count once.

Two ordinals for the same unit conflict too: "its first data centre in
Malaysia" and "its second data centre in Malaysia" for the same event, both
reported done (dated by when it happened) or both planned (dated by when they
were said), inside the window.

When either date is unknown the claims are still compared, and the finding
says so and drops one severity level. Each claim is compared once with the
extremes of the other side inside its window: O(n log n).

**Conflict**
    a.md (2025-07-02): "Alibaba Cloud opened its third data center in Malaysia."
    b.md (2025-07-03): "Alibaba Cloud runs two data centers in Malaysia."

**No conflict**
    a.md (2025-07-02): "Alibaba Cloud opened its third data center in Malaysia."
    b.md (2025-07-03): "Alibaba Cloud now runs three data centers in Malaysia."
    c.md (2026-09-03): "Alibaba Cloud runs six data centers in Malaysia."   (a year later: growth)
"""

from __future__ import annotations

import datetime as dt

from checker.checks.base import (
    INACTIVE,
    CheckContext,
    CheckResult,
    RuleOptions,
    Window,
    date_text,
    group_by,
    key_dict,
    lowered,
    make_finding,
    noun,
    ordinal_word,
    published,
    scope_text,
    singular,
    start,
    undated,
    window_days,
)
from checker.models import Claim, Interval, Status
from checker.ruleset import Rule

KIND = "ordinal_count"


class Options(RuleOptions):
    """Options of ordinal_count."""

    attributes: list[str] | None = None
    same_time_window_days: int | None = None
    above_margin: int = 1
    min_confidence: float = 0.5


def _value(c: Claim) -> Interval:
    return Interval(low=c.ordinal, high=c.ordinal) if c.ordinal is not None else c.value


def check(rule: Rule, claims: list[Claim], ctx: CheckContext) -> CheckResult:
    """Per key, sweep in time order: each claim meets the other side's extremes inside its window."""
    opts: Options = rule.options
    specs = ctx.lexicon.attributes.attributes
    attrs = set(opts.attributes) if opts.attributes is not None else {a for a, s in specs.items() if s.kind in ("count", "toll")}
    result = CheckResult()
    picked: dict[tuple[str, int, int], Claim] = {}
    planned: dict[tuple[str, int, int], Claim] = {}
    for c in claims:
        if c.attribute not in attrs or c.subject is None or c.scope is None or c.confidence < opts.min_confidence:
            continue
        if c.status in INACTIVE:
            if c.status == Status.planned and c.ordinal is not None and c.kind == "event" and c.event in ("opening", "launch"):
                planned[(c.source, c.evidence.start, c.evidence.end)] = c
            continue
        if c.ordinal is not None and c.kind in ("count", "event") and c.event in (None, "opening", "launch"):
            span = (c.source, c.evidence.start, c.evidence.end)
            if span not in picked or c.kind == "event":
                picked[span] = c
        elif c.ordinal is None and c.kind == "count":
            picked[(c.source, c.evidence.start, -1 - c.evidence.end)] = c
    groups = group_by(picked.values(), lambda c: (ctx.lexicon.root(c.subject), c.attribute, c.scope))
    for key, group in groups.items():
        window = window_days(opts.same_time_window_days, key[1], ctx.lexicon)
        nodate = [c for c in group if undated(c)]
        dated = [c for c in group if not undated(c)]
        side = {True: Window(_value), False: Window(_value)}  # is ordinal -> dated claims in the window
        unknown = {True: Window(_value), False: Window(_value)}  # is ordinal -> undated claims
        every = {True: Window(_value), False: Window(_value)}
        for c in group:
            every[c.ordinal is not None].add(c)
        for c in nodate:
            unknown[c.ordinal is not None].add(c)
        seen: set[tuple[str, str]] = set()
        for c in dated:
            horizon = start(c) - dt.timedelta(days=window)
            for w in side.values():
                w.expire(horizon)
            other = c.ordinal is None
            _meet(rule, opts, c, [side[other], unknown[other]], window, ctx, result, seen)
            side[c.ordinal is not None].add(c)
        for c in nodate:
            _meet(rule, opts, c, [every[c.ordinal is None]], window, ctx, result, seen)
    done = [c for c in picked.values() if c.ordinal is not None and not undated(c)]
    _ordinal_pairs(rule, opts, done, start, ctx, result)
    _ordinal_pairs(rule, opts, list(planned.values()), lambda c: published(c, ctx.sources), ctx, result)
    return result


def _ordinal_pairs(rule: Rule, opts: Options, claims: list[Claim], when, ctx: CheckContext, result: CheckResult) -> None:
    """Two sources give the same unit different ordinals ("its first" vs "its second") at the same time.

    Claims are keyed by subject, attribute, scope and event kind, and swept by
    ``when`` (the event's date for done claims, the publication day for plans).
    """
    groups = group_by((c for c in claims if when(c) is not None), lambda c: (ctx.lexicon.root(c.subject), c.attribute, c.scope, c.event))
    for key, claims_of in groups.items():
        window = window_days(opts.same_time_window_days, key[1], ctx.lexicon)
        group = sorted(((when(c), c) for c in claims_of), key=lambda dc: (dc[0], dc[1].source, dc[1].evidence.start))
        seen: set[tuple[str, str]] = set()
        live: list[tuple[dt.date, Claim]] = []
        for d, c in group:
            live = [(e, o) for e, o in live if (d - e).days <= window]
            others = [o for _, o in live if o.source != c.source]
            if others:
                result.compared += 1
                conflicting = [o for o in others if o.ordinal != c.ordinal]
                if not conflicting:
                    result.passed += 1
                for o in conflicting:
                    pair = tuple(sorted((o.source, c.source)))
                    if pair not in seen:
                        seen.add(pair)
                        _report_ordinals(rule, o, c, window, ctx, result)
            live.append((d, c))


def _report_ordinals(rule: Rule, a: Claim, b: Claim, window: int, ctx: CheckContext, result: CheckResult) -> None:
    thing = singular(a.attribute)
    planned = a.status == Status.planned
    message = (
        f"{a.source} says {a.evidence.quote!r} ({date_text(a, ctx.sources)}) but {b.source} says {b.evidence.quote!r} "
        f"({date_text(b, ctx.sources)}): one {'planned ' if planned else ''}{thing}{scope_text(a)} cannot be both the "
        f"{ordinal_word(a.ordinal)} and the {ordinal_word(b.ordinal)}."
    )
    explanation = {
        "key": key_dict(subject=ctx.lexicon.root(a.subject), attribute=a.attribute, scope=a.scope, event=a.event),
        "ordinals": [a.ordinal, b.ordinal],
        "status": a.status.value,
        "dated_by": "publication" if planned else "event date",
        "as_of": [a.as_of.show(), b.as_of.show()],
        "same_time_window_days": window,
        "why": "two ordinals for the same " + ("plan, said inside the same-time window" if planned else "event, inside the same-time window"),
    }
    result.findings.append(make_finding(rule, [a, b], message, explanation))


def _meet(rule: Rule, opts: Options, c: Claim, windows: list[Window], window: int, ctx: CheckContext, result: CheckResult, seen: set) -> None:
    """Compare ``c`` with the other side: ordinals with counts, counts with ordinals."""
    if not any(w.any_live(c.source) for w in windows):
        return
    result.compared += 1
    conflicts: list[tuple[Claim, Claim, str]] = []  # (ordinal claim, count claim, direction)
    for w in windows:
        # the two extremes answer "is there any conflict?" in O(log n); only then are all partners listed
        extremes = [x for x in (w.lowest_high(c.source), w.highest_low(c.source)) if x is not None]
        pairs = (lambda other: (c, other)) if c.ordinal is not None else (lambda other: (other, c))
        if any(_direction(*pairs(x), opts) for x in extremes):
            conflicts += [(o, n, how) for o, n in map(pairs, w.live(c.source)) if (how := _direction(o, n, opts))]
    for o, n, how in conflicts:
        _report(rule, o, n, how, opts, window, ctx, result, seen)
    if not conflicts:
        result.passed += 1


def _direction(o: Claim, n: Claim, opts: Options) -> str | None:
    """'below' when the count ``n`` is under the ordinal ``o``, 'above' when it is more than the margin over it."""
    if n.value.high is not None and n.value.high < o.ordinal:
        return "below"
    if n.value.low is not None and n.value.low > o.ordinal + opts.above_margin:
        return "above"
    return None


def _report(rule: Rule, o: Claim, n: Claim, how: str, opts: Options, window: int, ctx: CheckContext, result: CheckResult, seen: set) -> None:
    pair = tuple(sorted((o.source, n.source)))
    if pair in seen:
        return
    seen.add(pair)
    gap = o.as_of.gap_days(n.as_of)
    unknown = gap is None
    thing = singular(o.attribute)
    if how == "below":
        frame = f"a {ordinal_word(o.ordinal)} {thing}{scope_text(o)} needs at least {o.ordinal} [{n.value.show()} < {o.ordinal}]"
    else:
        frame = f"a {ordinal_word(o.ordinal)} {thing}{scope_text(o)} means about {o.ordinal} {noun(o.attribute)} [{n.value.show()} > {o.ordinal} + {opts.above_margin}]"
    a, b = sorted((o, n), key=lambda x: (undated(x), start(x), x.source))
    message = (
        f"{a.source} says {a.evidence.quote!r} ({date_text(a, ctx.sources)}) but {b.source} says {b.evidence.quote!r} "
        f"({date_text(b, ctx.sources)}): {frame}" + (", one date unknown." if unknown else ".")
    )
    explanation = {
        "key": key_dict(subject=ctx.lexicon.root(o.subject), attribute=o.attribute, scope=o.scope),
        "ordinal": o.ordinal,
        "count": n.value.text or n.value.show(),
        "count_interval": n.value.show(),
        "direction": how,
        "above_margin": opts.above_margin,
        "as_of": [o.as_of.show(), n.as_of.show()],
        "gap_days": gap,
        "same_time_window_days": window,
        "why": ("the stated count is below the ordinal" if how == "below" else f"the stated count is more than {opts.above_margin} above the ordinal")
        + (" inside the same-time window" if not unknown else "; a date is unknown, so severity was lowered one level"),
    }
    result.findings.append(make_finding(rule, [a, b], message, explanation, lowered(rule, unknown)))
