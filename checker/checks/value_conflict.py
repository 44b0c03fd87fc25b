"""Counts or amounts for the same subject, attribute and scope must not disagree.

Two claims conflict only when they come from different sources, their value
intervals are disjoint after stated precision and qualifiers ("more than
5,000" is [5000, open), so it does not contradict "5,000"), and their
``as_of`` dates fall inside the same-time window (the rule's
``same_time_window_days``, else the attribute's in
``rules/lexicon/attributes.yaml``). Across a longer gap a count is expected to
change: that is growth, not a conflict (``count_decrease`` looks at falls).

Money claims compare on their USD value (``normalised``, converted at the
claim date's ECB rate); an amount that was converted from another currency is
widened by the rule's ``fx_tolerance`` (0.03 = 3%) first, so "380 billion
yuan" and "$53 billion" agree when the day's rate makes them agree. Amounts for
different spans ("over three years" vs "over five years") are not compared;
an amount with no stated span is compared with any.

Planned, closed and under-construction counts ("plans to open two") and
increments ("two new data centers") are not stocks and are left to other
checks, except *forecasts*: a planned count with a target date ("will create
26,500 jobs by 2030") is compared with forecasts for the same target date
made inside the window of each other's publication (a forecast revised a year
later is news, not a contradiction); ordinals ("its third data center") are left to ``ordinal_count``
unless the rule sets ``ordinals: true``. Planned amounts of money (a pledge)
are compared. Subjects are compared by their top parent (Alibaba Cloud and
Alibaba Group are one subject). An amount given again in another currency in
the same breath ("US$1 billion (about 32 billion baht)") is compared through
its first amount only: when the two agree nothing is lost, and when they do
not, ``conversion_consistency`` reports the one source rather than every pair
it then meets. Amounts for a state or a city are compared with the
country's: one pledge is often placed in the city where it is built and in
the country elsewhere.

When either date is unknown the claims are still compared, and the finding
says so and drops one severity level.

Each claim is compared once against the extremes of the claims inside its
window (the lowest upper bound and the highest lower bound), so a run is
O(n log n); ``compared`` in the summary counts claims that had a partner.

**Conflict**
    a.md (2025-07-02): "Alibaba Cloud runs five data centers in Malaysia."   -> data_centers[MY] = 5
    b.md (2025-07-03): "Alibaba Cloud runs two data centers in Malaysia."    -> data_centers[MY] = 2

**No conflict**
    a.md (2025-07-02): "Alibaba Cloud runs two data centers in Malaysia."
    b.md (2026-06-20): "Alibaba Cloud runs five data centers in Malaysia."   (a year later: growth)
    c.md (2025-07-02): "Alibaba Cloud has more than 5,000 customers in Malaysia."
    d.md (2025-07-03): "Alibaba Cloud has 5,000 customers in Malaysia."      (the intervals overlap)
"""

from __future__ import annotations

import datetime as dt

from checker.checks.base import (
    INACTIVE,
    CheckContext,
    CheckResult,
    RuleOptions,
    Window,
    country_of,
    date_text,
    from_published,
    group_by,
    has_subject,
    hour_before,
    key_dict,
    lowered,
    make_finding,
    noun,
    published,
    scope_text,
    show_value,
    start,
    undated,
    window_days,
)
from checker.models import Claim, Interval, Status
from checker.ruleset import Lexicon, Rule

KIND = "value_conflict"


class Options(RuleOptions):
    """Options of value_conflict."""

    attributes: list[str]
    same_time_window_days: int | None = None
    fx_tolerance: float = 0.0
    min_confidence: float = 0.5
    ordinals: bool = False
    toll_window_days: int = 0


def _eligible(c: Claim, opts: Options, attributes: set[str], lexicon: Lexicon) -> bool:
    if c.kind not in ("count", "money", "increment") or c.attribute not in attributes:
        return False
    if c.kind == "increment" and not projected(c):
        return False
    if c.equivalent_of is not None:
        return False  # "US$2.9 billion (about ¥290 billion)": the amount speaks for its conversion (conversion_consistency checks it)
    if not has_subject(c, lexicon) or c.scope is None or c.confidence < opts.min_confidence:
        return False
    if c.ordinal is not None and not opts.ordinals:
        return False
    return c.kind == "money" or c.status not in INACTIVE or forecast(c) or projected(c)


#: A forecast for a stated year ("more than 40,000 jobs by 2030") is one forecast while it is repeated within a year.
FORECAST_WINDOW_DAYS = 365


def forecast(c: Claim) -> bool:
    """A planned count with a stated target date ("26,500 jobs by 2030"), not a plan with no date."""
    return c.kind == "count" and c.status == Status.planned and c.as_of.end is not None and not from_published(c)


def money_scope(c: Claim) -> str | None:
    """Where an amount goes, at country level: "US$3 billion into a region in Querétaro" is money for Mexico."""
    return country_of(c) or c.scope


def projected(c: Claim) -> bool:
    """A planned increment: a forecast flow ("could create 60,000 new jobs during its first four years")."""
    return c.kind == "increment" and c.status == Status.planned


def spent_to_date(c: Claim) -> bool:
    """Money spent up to the claim's date ("has put 52 billion pesos into Mexico since 2015", "invested $3.7 billion in India
    between 2016 and 2022"), not a pledge for what comes."""
    told = c.as_of.end or c.as_of.start
    return c.kind == "money" and c.period is not None and c.period.end is not None and told is not None and c.period.end <= told \
        and c.period.start is not None and c.period.start < c.period.end


def said_together(c: Claim) -> bool:
    """Forecasts and projected flows are compared only between sources published inside the window of each other."""
    return forecast(c) or projected(c)


def converted(c: Claim) -> bool:
    """True when the claim's value was converted from another currency or unit."""
    return c.normalised is not None and (c.normalised.unit != c.unit or c.normalised.rate not in (None, 1.0))


def compared_value(c: Claim, fx_tolerance: float) -> Interval:
    """The value a claim is compared on: normalised, widened by the FX tolerance when converted."""
    if c.normalised is None:
        return c.value
    return c.normalised.value.widened(fx_tolerance) if converted(c) else c.normalised.value


def check(rule: Rule, claims: list[Claim], ctx: CheckContext) -> CheckResult:
    """Sweep each (subject, attribute, scope, unit, period) group in time order within the window."""
    opts: Options = rule.options
    attrs = set(opts.attributes)
    result = CheckResult()

    def value(c: Claim) -> Interval:
        return compared_value(c, opts.fx_tolerance)

    groups = group_by(
        (c for c in claims if _eligible(c, opts, attrs, ctx.lexicon)),
        lambda c: (
            ctx.lexicon.root(c.subject),
            c.attribute,
            money_scope(c) if c.kind == "money" else c.scope,
            c.normalised.unit if c.normalised else c.unit,
            c.as_of.end if forecast(c) else None,  # forecasts meet forecasts for the same date only
            c.kind == "increment",  # projected flows meet projected flows, over the same span (_by_duration)
            spent_to_date(c),  # money spent so far meets money spent so far, not a pledge
        ),
    )
    # "has increased its planned investment to US$12 billion": an amount changed by its owner, dated
    revisions = group_by((c for c in claims if c.kind == "event" and c.event == "revision" and c.attribute in attrs and c.unit != "count"),
                         lambda c: (ctx.lexicon.root(c.subject), c.attribute, money_scope(c)))
    split = split_countries([c for group in groups.values() for c in group if c.kind == "money"], value, ctx)
    for key, whole in groups.items():
        seen: set[tuple[str, str]] = set()
        changed = sorted(d for c in revisions.get(key[:3], []) if (d := c.as_of.start or c.as_of.end) is not None)
        for group in _by_duration(whole):
            _sweep(rule, opts, key, group, value, ctx, result, seen, changed, key[:3] in split)
    return result


def split_countries(money: list[Claim], value, ctx: CheckContext) -> set[tuple]:
    """(subject, attribute, country) whose amounts the sources split by place: amounts for two places in the country
    ("US$4.4 billion in Telangana", "US$8.3 billion in Maharashtra"), or one source giving a place's amount beside a
    different one for the country. There a place's amount is a part of the national one, not another account of it."""
    places: dict[tuple, set[str]] = {}
    by_source: dict[tuple, list[Claim]] = {}
    for c in money:
        key = (ctx.lexicon.root(c.subject), c.attribute, money_scope(c))
        if c.scope != key[2]:
            places.setdefault(key, set()).add(c.scope or "")
        by_source.setdefault((*key, c.source), []).append(c)
    split = {key for key, found in places.items() if len(found) > 1}
    for (*key, _), told in by_source.items():
        inner = [c for c in told if c.scope != key[2]]
        outer = [c for c in told if c.scope == key[2]]
        if any(value(a).disjoint(value(b)) for a in inner for b in outer):
            split.add(tuple(key))
    return split


def revised_between(a: Claim, b: Claim, changed: list[dt.date]) -> bool:
    """True when the amount was changed by its owner after the earlier claim and by the later one's date."""
    lo, hi = sorted((start(a), start(b)))
    return any(lo < d <= hi for d in changed)


def duration(c: Claim) -> float | None:
    """How long the claim's period runs, in years to the nearest half ("over 15 years" and "the next 15 years" agree)."""
    p = c.period
    if p is None or p.start is None or p.end is None:
        return None
    return round((p.end - p.start).days / 365.25 * 2) / 2


def _by_duration(group: list[Claim]) -> list[list[Claim]]:
    """Amounts spread over different spans ("over three years", "over five years") are not compared;
    an amount with no stated span is compared with every span."""
    spans = sorted({d for c in group if (d := duration(c)) is not None})
    if len(spans) <= 1:
        return [group]
    return [[c for c in group if duration(c) in (None, span)] for span in spans]


def _sweep(rule: Rule, opts: Options, key: tuple, group: list[Claim], value, ctx: CheckContext, result: CheckResult, seen: set,
           changed: list[dt.date], split: bool = False) -> None:
    """One group in time order: each claim meets the extremes of the claims in its window."""
    spec = ctx.lexicon.attributes.attributes.get(key[1])
    toll = spec is not None and spec.kind == "toll"
    if toll:
        window = opts.toll_window_days  # a running toll rises day by day: only same-day figures compare
        # ... so a toll dated only to a span ("earlier in the week", "in early September") has no day to meet another on
        group = [c for c in group if undated(c) or c.as_of.start == c.as_of.end]
    else:
        window = window_days(opts.same_time_window_days, key[1], ctx.lexicon)
    nodate = [c for c in group if undated(c)]
    dated = [c for c in group if not undated(c)]
    every = Window(value)
    unknown = Window(value)
    for c in nodate:
        unknown.add(c)
        every.add(c)
    for c in dated:
        every.add(c)
    recent = Window(value)
    for c in dated:
        recent.expire(start(c) - dt.timedelta(days=window))
        if not (recent.any_live(c.source) or unknown.any_live(c.source)):
            recent.add(c)
            continue
        result.compared += 1
        others = recent.disjoint_partners(c, c.source) + unknown.disjoint_partners(c, c.source)
        if toll:
            others = [o for o in others if not rose_within_day(o, c, value)]
        if changed:
            others = [o for o in others if undated(o) or not revised_between(o, c, changed)]
        if said_together(c):
            others = [o for o in others if _said_within(o, c, max(window, FORECAST_WINDOW_DAYS), ctx)]
        if split:
            others = [o for o in others if not parts_of_country(o, c, value)]
        if c.kind == "money":
            others = [o for o in others if not same_at_either_rate(o, c, opts.fx_tolerance)]
        if not others:
            result.passed += 1
        for other in others:  # a wrong figure contradicts every source it meets, each pair is a finding
            _report(rule, other, c, window, opts, ctx, result, seen)
        recent.add(c)
    for c in nodate:
        if not every.any_live(c.source):
            continue
        result.compared += 1
        others = every.disjoint_partners(c, c.source)
        if split:
            others = [o for o in others if not parts_of_country(o, c, value)]
        if c.kind == "money":
            others = [o for o in others if not same_at_either_rate(o, c, opts.fx_tolerance)]
        if not others:
            result.passed += 1
        for other in others:
            _report(rule, other, c, window, opts, ctx, result, seen)


def same_at_either_rate(a: Claim, b: Claim, tolerance: float) -> bool:
    """Amounts in two currencies that agree at one of their two dates' rates: "NZ$7.5 billion" (2021) and "about €3.8 billion at
    current exchange rates" (2025) are one pledge whose worth moved with the currencies, not two accounts of it."""
    from checker.normalise import fx

    if a.unit == b.unit or a.normalised is None or b.normalised is None:
        return False
    for day in {a.normalised.rate_date, b.normalised.rate_date} - {None}:
        va, vb = fx.to_usd(a.value, a.unit, day), fx.to_usd(b.value, b.unit, day)
        if va is not None and vb is not None and not va.value.widened(tolerance).disjoint(vb.value.widened(tolerance)):
            return True
    return False


def parts_of_country(a: Claim, b: Claim, value) -> bool:
    """Amounts for two places in one country ("US$4.4 billion in Telangana", "US$8.3 billion in Maharashtra"), or a place's
    amount below its country's ("US$12.7 billion in India"): parts of a national plan, not two accounts of one amount.

    Money is compared at country level (:func:`money_scope`: "US$5 billion for its Querétaro region" is Mexico's pledge), so
    only a place's amount above its country's, or one place's two amounts, can disagree.
    """
    in_a, in_b = a.scope != money_scope(a), b.scope != money_scope(b)
    if in_a and in_b:
        return a.scope != b.scope
    if not (in_a or in_b):
        return False
    part, whole = (value(a), value(b)) if in_a else (value(b), value(a))
    return part.high is not None and whole.low is not None and part.high < whole.low


def rose_within_day(a: Claim, b: Claim, value) -> bool:
    """Two tolls given at different hours of one day, the later one higher: a running toll rising ("2,300 by
    mid-morning", "more than 5,300 on Tuesday evening"), not a conflict."""
    if not (hour_before(a, b) or hour_before(b, a)):
        return False
    early, late = (a, b) if hour_before(a, b) else (b, a)
    high, low = value(early).high, value(late).low
    return high is not None and low is not None and high < low


def _said_within(a: Claim, b: Claim, window: int, ctx: CheckContext) -> bool:
    """True when the two sources were published inside the window of each other (an unknown date counts as inside)."""
    pa, pb = published(a, ctx.sources), published(b, ctx.sources)
    return pa is None or pb is None or abs((pa - pb).days) <= window


def _report(rule: Rule, a: Claim, b: Claim, window: int, opts: Options, ctx: CheckContext, result: CheckResult, seen: set[tuple[str, str]]) -> None:
    pair = tuple(sorted((a.source, b.source)))
    if pair in seen:
        return
    seen.add(pair)
    a, b = sorted((a, b), key=lambda x: (undated(x), start(x), x.source))
    gap = a.as_of.gap_days(b.as_of)
    unknown = gap is None
    va, vb = compared_value(a, opts.fx_tolerance), compared_value(b, opts.fx_tolerance)
    unit = a.normalised.unit if a.normalised else a.unit
    shown = f"{show_value(va, unit)} vs {show_value(vb, unit)}" + ("" if unit == "count" else f" {unit}")
    money = a.kind == "money"
    message = (
        f"{a.source} says {a.evidence.quote!r} ({date_text(a, ctx.sources)}) but {b.source} says {b.evidence.quote!r} "
        f"({date_text(b, ctx.sources)}): {noun(a.attribute)}{scope_text(a)} [{shown}]"
        + (", one date unknown." if unknown else ".")
    )
    explanation = {
        "key": key_dict(subject=ctx.lexicon.root(a.subject), attribute=a.attribute, scope=a.scope, unit=unit,
                        period=f"{duration(a):g} years" if duration(a) is not None else (f"{duration(b):g} years" if duration(b) is not None else None)),
        "values": [a.value.text or a.value.show(), b.value.text or b.value.show()],
        "compared_values": [show_value(va, unit), show_value(vb, unit)],
        "as_of": [a.as_of.show(), b.as_of.show()],
        "gap_days": gap,
        "same_time_window_days": window,
        "why": "the value intervals are disjoint" + (" and the dates fall inside the same-time window" if not unknown else "; a date is unknown, so severity was lowered one level"),
    }
    if money:
        explanation["fx_tolerance"] = opts.fx_tolerance
        explanation["rates"] = [
            key_dict(currency=c.unit, rate=c.normalised.rate if c.normalised else None, rate_date=c.normalised.rate_date.isoformat() if c.normalised and c.normalised.rate_date else None)
            for c in (a, b)
        ]
    result.findings.append(make_finding(rule, [a, b], message, explanation, lowered(rule, unknown)))
