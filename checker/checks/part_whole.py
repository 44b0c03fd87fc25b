"""A count in a place cannot exceed the count in a place that contains it.

"Three data centers in Johor" and "two data centers in Malaysia" at the same
time cannot both be right: Johor (``MY-01``) lies in Malaysia (``MY``). The
containing scopes of a claim are its ``scope_parents`` (a subdivision's or
city's country), the multi-country regions of ``rules/lexicon/places.yaml``
that list its country ("Southeast Asia" contains Malaysia), and ``global``.

A part conflicts with its whole when the part's whole interval lies above the
whole's (for the same top subject and attribute) and their dates fall inside
the same-time window (the rule's ``same_time_window_days``, else the
attribute's). One source may contradict itself here, so claims of the same
source are compared too. Planned, closed and under-construction counts and
increments are not stocks and are left out.

When either date is unknown the claims are still compared, and the finding
says so and drops one severity level. Each claim is compared once with the
extreme of the other side inside its window, per containing scope: O(n log n).

**Conflict**
    a.md (2025-07-02): "Alibaba Cloud runs three data centers in Johor."
    b.md (2025-07-03): "Alibaba Cloud runs two data centers in Malaysia."

**No conflict**
    a.md (2025-07-02): "Alibaba Cloud runs two data centers in Johor."
    b.md (2025-07-03): "Alibaba Cloud runs three data centers in Malaysia."
    c.md (2025-07-03): "Alibaba Cloud runs four data centers in Singapore."   (Singapore is not in Malaysia)
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from checker.checks.base import (
    INACTIVE,
    CheckContext,
    CheckResult,
    RuleOptions,
    Window,
    country_of,
    date_text,
    from_published,
    has_subject,
    hour_before,
    key_dict,
    lowered,
    make_finding,
    noun,
    scope_text,
    start,
    undated,
    window_days,
)
from checker.models import Claim, Status
from checker.ruleset import Lexicon, Rule

KIND = "part_whole"



class Options(RuleOptions):
    """Options of part_whole."""

    attributes: list[str] | None = None
    same_time_window_days: int | None = None
    min_confidence: float = 0.5


def forecast_year(c: Claim) -> int | None:
    """The year a forecast is for ("40,000 new jobs in Selangor by 2028", "37,575 jobs between 2025 and 2028"); None for a stock.

    Forecasts for one year are parts and wholes of each other: a state's cannot exceed its country's.
    """
    if c.status != Status.planned or c.as_of.end is None or from_published(c):
        return None
    return c.as_of.end.year


def containing(c: Claim, lexicon: Lexicon) -> list[str]:
    """Scopes that contain the claim's scope: its parents, regions listing its country, and global."""
    if c.scope is None or c.scope == "global":
        return []
    out = [p for p in c.scope_parents if p != c.scope]
    country = country_of(c)
    if country and country != c.scope:
        out.append(country)  # already a parent, or the prefix of an ISO 3166-2 code: MY-01
    if country:
        out.extend(rid for rid, spec in lexicon.places.regions.items() if country in spec.members and rid != c.scope)
    out.append("global")
    return list(dict.fromkeys(out))


def check(rule: Rule, claims: list[Claim], ctx: CheckContext) -> CheckResult:
    """Per (subject, attribute, containing scope): sweep parts and wholes in time order."""
    opts: Options = rule.options
    specs = ctx.lexicon.attributes.attributes
    attrs = set(opts.attributes) if opts.attributes is not None else {a for a, s in specs.items() if s.kind in ("count", "toll", "tally")}
    result = CheckResult()
    eligible = [
        c for c in claims
        if c.kind in ("count", "increment") and c.attribute in attrs and has_subject(c, ctx.lexicon) and c.scope is not None
        and ((c.kind == "count" and c.status not in INACTIVE) or forecast_year(c) is not None) and c.confidence >= opts.min_confidence
    ]
    # (subject, attribute, whole scope, forecast year) -> [(is_part, claim)]
    groups: dict[tuple, list[tuple[bool, Claim]]] = defaultdict(list)
    for c in eligible:
        root, year = ctx.lexicon.root(c.subject), forecast_year(c)
        groups[(root, c.attribute, c.scope, year)].append((False, c))
        for whole in containing(c, ctx.lexicon):
            groups[(root, c.attribute, whole, year)].append((True, c))
    for key in sorted(groups, key=str):
        items = groups[key]
        if not any(p for p, _ in items) or all(p for p, _ in items):
            continue
        window = window_days(opts.same_time_window_days, key[1], ctx.lexicon)
        items.sort(key=lambda pc: (undated(pc[1]), start(pc[1]), pc[1].source, pc[1].evidence.start))
        live = {True: Window(lambda c: c.value), False: Window(lambda c: c.value)}
        every = {True: Window(lambda c: c.value), False: Window(lambda c: c.value)}
        seen: set[tuple[str, str]] = set()
        forecasts: dict[bool, list[Claim]] = {True: [], False: []}
        for is_part, c in items:
            if key[3] is not None:  # forecasts for one year: each meets every one said before it, whenever said
                _meet_all(rule, key, is_part, c, forecasts[not is_part], window, ctx, result, seen)
                forecasts[is_part].append(c)
                continue
            if undated(c):
                _meet(rule, key, is_part, c, [every[not is_part]], window, ctx, result, seen)
                continue
            horizon = start(c) - dt.timedelta(days=window)
            for w in live.values():
                w.expire(horizon)
            _meet(rule, key, is_part, c, [live[not is_part]], window, ctx, result, seen)
            live[is_part].add(c)
            every[is_part].add(c)
    return result


def _meet(rule: Rule, key: tuple, is_part: bool, c: Claim, windows: list[Window], window: int, ctx: CheckContext, result: CheckResult, seen: set) -> None:
    if not any(w.size and w.any_live(None) for w in windows):
        return
    result.compared += 1
    for w in windows:
        if is_part:
            whole = w.lowest_high(None)
            if whole is not None and c.value.low is not None and whole.value.high < c.value.low:
                return _report(rule, key, c, whole, window, ctx, result, seen)
        else:
            part = w.highest_low(None)
            if part is not None and c.value.high is not None and part.value.low > c.value.high:
                return _report(rule, key, part, c, window, ctx, result, seen)
    result.passed += 1


def _meet_all(rule: Rule, key: tuple, is_part: bool, c: Claim, others: list[Claim], window: int, ctx: CheckContext, result: CheckResult,
              seen: set) -> None:
    """A forecast against every forecast of the other side: a state's 40,000 jobs exceed each national forecast below it."""
    if not others:
        return
    result.compared += 1
    pairs = [(c, o) if is_part else (o, c) for o in others]
    wrong = [(p, w) for p, w in pairs if p.value.low is not None and w.value.high is not None and w.value.high < p.value.low]
    for part, whole in wrong:
        _report(rule, key, part, whole, window, ctx, result, seen)
    if not wrong:
        result.passed += 1


def _report(rule: Rule, key: tuple, part: Claim, whole: Claim, window: int, ctx: CheckContext, result: CheckResult, seen: set) -> None:
    if hour_before(whole, part):
        return  # "the afternoon bulletin had spoken of 1,037 dead" vs "1,293 dead there on Saturday night": the whole grew since
    pair = (part.id, whole.id) if part.source == whole.source else tuple(sorted((part.source, whole.source)))
    if pair in seen:
        return
    seen.add(pair)
    gap = part.as_of.gap_days(whole.as_of)
    unknown = gap is None
    message = (
        f"{part.source} says {part.evidence.quote!r} ({date_text(part, ctx.sources)}) but {whole.source} says {whole.evidence.quote!r} "
        f"({date_text(whole, ctx.sources)}): {noun(part.attribute)}{scope_text(part)} exceed those{scope_text(whole)}, which contains it "
        f"[{part.value.show()} > {whole.value.show()}]" + (", one date unknown." if unknown else ".")
    )
    explanation = {
        "key": key_dict(subject=key[0], attribute=key[1], part_scope=part.scope, whole_scope=whole.scope),
        "values": [part.value.text or part.value.show(), whole.value.text or whole.value.show()],
        "as_of": [part.as_of.show(), whole.as_of.show()],
        "gap_days": gap,
        "same_time_window_days": window,
        "why": f"{part.scope} lies in {whole.scope}, so its count cannot be higher"
        + (" inside the same-time window" if not unknown else "; a date is unknown, so severity was lowered one level"),
    }
    result.findings.append(make_finding(rule, [part, whole], message, explanation, lowered(rule, unknown)))
