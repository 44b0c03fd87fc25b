"""The same event must not be reported done on different dates; a plan that moves later is a slip.

An event is identified by its top subject, event kind ("opening", "launch"),
attribute, scope and ordinal: "Alibaba Cloud opened its third data center in
Malaysia" is the opening of the 3rd data center in MY. Only event claims
(``kind: event``) whose event kind is in the rule's ``events`` take part.

*Conflict* (rule severity): two sources report the event done (status
operational) on disjoint dates. A stated date is taken as stated ("on July 1",
"in March 2025" is the whole month); an event with no stated date, reported
done by an article of July 2, happened on or before July 2.

*Slip* (``slip_severity``, ``info`` by default): a source gives a planned date
and a source published later moves it later, either with a later planned
date or by reporting the event done after the planned date. Each claim is
compared with the most recent plan published before it, so a plan that slips
twice gives two slips, and a plan that is kept gives none. Bringing a date
forward is not a slip. Claims from a source without a published date cannot
be ordered and are left out of slips.

The rule's ``find`` says which it reports: ``conflicts``, ``slips`` or
``both``. Groups are swept in time order: O(n log n), plus one step per disjoint pair found.

**Conflict**
    a.md (2025-07-02): "Alibaba Cloud opened its third data center in Malaysia on July 1."
    b.md (2025-07-20): "Alibaba Cloud opened its third data center in Malaysia on July 15."

**No conflict**
    a.md (2025-07-02): "Alibaba Cloud opened its third data center in Malaysia on July 1."
    b.md (2025-07-20): "Alibaba Cloud opened its third data center in Malaysia in July."   (July includes July 1)
    c.md (2025-07-21): "Alibaba Cloud opened its fourth data center in Malaysia on July 20."  (another event)
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import Literal

from checker.checks.base import (
    CheckContext,
    CheckResult,
    RuleOptions,
    event_interval,
    event_groups,
    event_text,
    from_published,
    key_dict,
    make_finding,
    published,
)
from checker.models import Claim, DateInterval, Severity, Status
from checker.ruleset import Rule

KIND = "date_conflict"


class Options(RuleOptions):
    """Options of date_conflict."""

    events: list[str] = ["opening", "launch"]
    find: Literal["conflicts", "slips", "both"] = "both"
    slip_severity: Severity = Severity.info
    min_confidence: float = 0.5


def _after(later: DateInterval, earlier: DateInterval) -> bool:
    """True when ``later`` lies wholly after ``earlier``."""
    return later.start is not None and earlier.end is not None and later.start > earlier.end


def _when(d: DateInterval) -> str:
    return d.text if d.precision == "open" else d.show()


def check(rule: Rule, claims: list[Claim], ctx: CheckContext) -> CheckResult:
    """Conflicts: a sweep by start keeping the claim that ends last; slips: a sweep by publication date."""
    opts: Options = rule.options
    result = CheckResult()
    groups = event_groups(claims, opts.events, opts.min_confidence, ctx.lexicon)
    for key, group in groups.items():
        if opts.find in ("conflicts", "both"):
            _conflicts(rule, key, group, ctx, result)
        if opts.find in ("slips", "both"):
            _slips(rule, opts, key, group, ctx, result)
    return result


def _conflicts(rule: Rule, key: tuple, group: list[Claim], ctx: CheckContext, result: CheckResult) -> None:
    """Every pair of sources whose done-dates are disjoint, one finding per pair.

    Claims are swept by start; the earlier ones are kept sorted by end, so the
    partners of a claim are the prefix of that list ending before it starts.
    A wrong date is reported against every source it contradicts, not just one.
    """
    done = [(event_interval(c), c) for c in group if c.status == Status.operational]
    done = [(d, c) for d, c in done if d.start is not None or d.end is not None]
    done.sort(key=lambda dc: (dc[0].start or dc[0].end, dc[1].source, dc[1].evidence.start))
    by_end: list[tuple[dt.date, int, DateInterval, Claim]] = []  # earlier claims, by end (open ends last)
    sources: set[str] = set()  # sources of the earlier claims
    seen: set[tuple[str, str]] = set()
    for i, (d, c) in enumerate(done):
        if sources - {c.source}:
            result.compared += 1
            disjoint = False
            for _, _, e, o in _ending_before(by_end, d.start):
                pair = tuple(sorted((o.source, c.source)))
                if o.source == c.source:
                    continue
                disjoint = True
                if pair not in seen:
                    seen.add(pair)
                    _report_conflict(rule, key, (e, o), (d, c), ctx, result)
            if not disjoint:
                result.passed += 1
        bisect.insort(by_end, (d.end or dt.date.max, i, d, c))
        sources.add(c.source)


def _ending_before(by_end: list[tuple[dt.date, int, DateInterval, Claim]], start: dt.date | None) -> list[tuple[dt.date, int, DateInterval, Claim]]:
    """The claims of ``by_end`` that end before ``start`` (none when ``start`` is open)."""
    if start is None:
        return []
    return by_end[: bisect.bisect_left(by_end, (start,))]


def _report_conflict(rule: Rule, key: tuple, a: tuple[DateInterval, Claim], b: tuple[DateInterval, Claim], ctx: CheckContext, result: CheckResult) -> None:
    (da, ca), (db, cb) = a, b
    message = (
        f"{ca.source} says {ca.evidence.quote!r} ({_when(da)}) but {cb.source} says {cb.evidence.quote!r} "
        f"({_when(db)}): {event_text(ca)} on disjoint dates."
    )
    explanation = {
        "key": key_dict(subject=key[0], event=key[1], attribute=key[2], scope=key[3], ordinal=key[4]),
        "dates": [_when(da), _when(db)],
        "published": [_pub(ca, ctx), _pub(cb, ctx)],
        "gap_days": da.gap_days(db),
        "why": "both sources report the event done, on date intervals that do not overlap",
    }
    result.findings.append(make_finding(rule, [ca, cb], message, explanation))


def _pub(c: Claim, ctx: CheckContext) -> str | None:
    p = published(c, ctx.sources)
    return p.isoformat() if p else None


def _slips(rule: Rule, opts: Options, key: tuple, group: list[Claim], ctx: CheckContext, result: CheckResult) -> None:
    """Each later claim against every plan published strictly earlier (one finding per pair of sources).

    A plan kept ("will open in June", then "opened on 16 June") stays quiet; a
    later report past an earlier plan's date is a slip of that plan, however
    many restatements came in between. Plans for one event are few, so this is
    linear in practice.
    """
    ordered = [(published(c, ctx.sources), c) for c in group]
    ordered = [(p, c) for p, c in ordered if p is not None and c.status in (Status.planned, Status.operational)]
    ordered.sort(key=lambda pc: (pc[0], pc[1].source, pc[1].evidence.start))
    plans: list[tuple[DateInterval, Claim]] = []  # stated plans published strictly earlier
    pending: list[tuple[DateInterval, Claim]] = []  # stated plans of the current publication day
    current = None
    seen: set[tuple[str, str]] = set()
    for p, c in ordered:
        if p != current:
            plans.extend(pending)
            pending = []
            current = p
        d = event_interval(c)
        if d.start is not None and not (c.as_of.precision == "open" and c.as_of.end is None):  # "no date given" moves nothing
            for plan in plans:
                pair = (plan[1].source, c.source)
                if plan[1].source == c.source or pair in seen:
                    continue
                result.compared += 1
                if _after(d, plan[0]):
                    seen.add(pair)
                    _report_slip(rule, opts, key, plan, (d, c), ctx, result)
                else:
                    result.passed += 1
        if c.status == Status.planned and not from_published(c) and c.as_of.end is not None:
            pending.append((d, c))


def _report_slip(rule: Rule, opts: Options, key: tuple, a: tuple[DateInterval, Claim], b: tuple[DateInterval, Claim], ctx: CheckContext, result: CheckResult) -> None:
    (da, ca), (db, cb) = a, b
    how = "moves it to" if cb.status == Status.planned else "reports it done on"
    message = (
        f"{ca.source} ({_pub(ca, ctx)}) says {ca.evidence.quote!r} (planned for {_when(da)}) but the later {cb.source} "
        f"({_pub(cb, ctx)}) says {cb.evidence.quote!r}, which {how} {_when(db)}: {event_text(ca)} slipped."
    )
    explanation = {
        "key": key_dict(subject=key[0], event=key[1], attribute=key[2], scope=key[3], ordinal=key[4]),
        "planned": _when(da),
        "moved_to": _when(db),
        "status_later": cb.status.value,
        "published": [_pub(ca, ctx), _pub(cb, ctx)],
        "gap_days": da.gap_days(db),
        "why": "a source published later places the event after the date planned earlier: a slip, not a contradiction",
    }
    result.findings.append(make_finding(rule, [ca, cb], message, explanation, opts.slip_severity))
