"""What check kinds share: options base, results, grouping and finding construction."""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict

from checker.models import Claim, DateInterval, Finding, Interval, Severity, Source, Status
from checker.ruleset import Lexicon, Rule


def has_subject(c: Claim, lexicon: Lexicon) -> bool:
    """True when the claim has the subject its attribute needs (a toll or a tally needs none)."""
    spec = lexicon.attributes.attributes.get(c.attribute)
    return c.subject is not None or (spec is not None and spec.of_event)


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


_MIN = dt.date.min


def group_by(claims: Iterable[Claim], key: Callable[[Claim], Hashable | None]) -> dict[Hashable, list[Claim]]:
    """Claims grouped by key (claims whose key is None are left out), each group in time order."""
    groups: dict[Hashable, list[Claim]] = defaultdict(list)
    for c in claims:
        k = key(c)
        if k is not None:
            groups[k].append(c)
    for g in groups.values():
        g.sort(key=_time_order)
    return dict(sorted(groups.items(), key=lambda kv: str(kv[0])))


def _time_order(c: Claim) -> tuple:
    return (c.as_of.start or c.as_of.end or _MIN, c.source, c.evidence.start)


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


INACTIVE = (Status.planned, Status.closed, Status.under_construction)


_COUNTRY = re.compile(r"[A-Z]{2}")


def country_of(c: Claim) -> str | None:
    """The country a claim's scope lies in (itself for a country): an enclosing scope, or a subdivision code's prefix (MY-01)."""
    if c.scope is None or c.scope == "global":
        return None
    if _COUNTRY.fullmatch(c.scope):
        return c.scope
    parent = next((p for p in c.scope_parents if _COUNTRY.fullmatch(p)), None)
    prefix = c.scope.split("-")[0]
    return parent if parent is not None or "-" not in c.scope or not _COUNTRY.fullmatch(prefix) else prefix


_DAY_ORDER = {"morning": 0, "midday": 1, "afternoon": 2, "evening": 3, "night": 4}


def hour_before(a: Claim, b: Claim) -> bool:
    """True when ``a`` holds at an earlier hour of the same day than ``b`` ("by mid-morning" before "on Tuesday evening")."""
    pa, pb = a.as_of.part_of_day, b.as_of.part_of_day
    return pa is not None and pb is not None and a.as_of.start == b.as_of.start and _DAY_ORDER[pa] < _DAY_ORDER[pb]


def undated(c: Claim) -> bool:
    """True when nothing is known about when the claim holds."""
    return c.as_of.start is None and c.as_of.end is None


def start(c: Claim) -> dt.date:
    """Sort key in time: the first day the claim may hold (unknown sorts first)."""
    return c.as_of.start or c.as_of.end or _MIN


def end(c: Claim) -> dt.date:
    """The last day the claim may hold (open ends sort last)."""
    return c.as_of.end or dt.date.max


def published(c: Claim, sources: dict[str, Source]) -> dt.date | None:
    """When the claim's source said it: its published date, else None."""
    s = sources.get(c.source)
    return s.published if s is not None else None


def window_days(rule_value: int | None, attribute: str, lexicon: Lexicon, default: int = 14) -> int:
    """The same-time window: the rule's value, else the attribute's, else ``default``."""
    if rule_value is not None:
        return rule_value
    spec = lexicon.attributes.attributes.get(attribute)
    return spec.same_time_window_days if spec else default


def lowered(rule: Rule, unknown: bool) -> Severity | None:
    """The severity to use when a date is unknown: one level below the rule's."""
    return rule.severity.lower() if unknown else None


def noun(attribute: str) -> str:
    """'data_centers' -> 'data centers'."""
    return attribute.replace("_", " ")


def said(c: Claim, sources: dict[str, Source]) -> str:
    """"a.md says 'three data centers in Malaysia' (2025-07-02)": a claim as written, with its date."""
    return f"{c.source} says {c.evidence.quote!r} ({date_text(c, sources)})"


def key_dict(**fields: Any) -> dict[str, Any]:
    """The key of a comparison for an explanation, without empty fields."""
    return {k: v for k, v in fields.items() if v is not None}


class Window:
    """Claims in a sliding time window with the lowest upper bound and highest lower bound at hand.

    ``add`` claims in order of their start; ``expire(horizon)`` drops claims
    whose end lies before ``horizon`` (lazily). ``lowest_high`` and
    ``highest_low`` return the extreme claim from a source other than the given
    one, so one comparison per claim finds any disjoint partner: a claim is
    disjoint from some claim in the window exactly when it lies above the
    lowest upper bound or below the highest lower bound. Each query costs
    O(log n) plus the claims of the excluded source it skips.
    """

    def __init__(self, value: Callable[[Claim], Any]):
        self._fn = value
        self._memo: dict[int, Any] = {}
        self._highs: list[tuple[float, int, Claim]] = []
        self._lows: list[tuple[float, int, Claim]] = []
        self._n = 0
        self._horizon = _MIN
        self.size = 0

    def _value(self, c: Claim) -> Any:
        """The claim's compared value, computed once per claim."""
        v = self._memo.get(id(c))
        if v is None:
            v = self._memo[id(c)] = self._fn(c)
        return v

    def add(self, c: Claim) -> None:
        v = self._value(c)
        self._n += 1
        self.size += 1
        if v.high is not None:
            heapq.heappush(self._highs, (v.high, self._n, c))
        if v.low is not None:
            heapq.heappush(self._lows, (-v.low, self._n, c))

    def expire(self, horizon: dt.date) -> None:
        """Forget claims that ended before ``horizon`` (horizons only move forward)."""
        self._horizon = max(self._horizon, horizon)

    def _top(self, heap: list, exclude: str | None) -> Claim | None:
        held = []
        found = None
        while heap:
            item = heap[0]
            c = item[2]
            if end(c) < self._horizon and not undated(c):
                heapq.heappop(heap)
                continue
            if exclude is not None and c.source == exclude:
                held.append(heapq.heappop(heap))
                continue
            found = c
            break
        for item in held:
            heapq.heappush(heap, item)
        return found

    def lowest_high(self, exclude_source: str | None = None) -> Claim | None:
        """The live claim with the smallest upper bound, from another source."""
        return self._top(self._highs, exclude_source)

    def highest_low(self, exclude_source: str | None = None) -> Claim | None:
        """The live claim with the largest lower bound, from another source."""
        return self._top(self._lows, exclude_source)

    def live(self, exclude_source: str | None = None) -> list[Claim]:
        """Every live claim from another source, in the order they were added: O(n), for listing all partners."""
        items = {item[1]: item[2] for item in (*self._highs, *self._lows)}
        return [c for _, c in sorted(items.items()) if c.source != exclude_source and (undated(c) or end(c) >= self._horizon)]

    def disjoint_partner(self, c: Claim, exclude_source: str | None = None) -> Claim | None:
        """A live claim whose value is disjoint from ``c``'s, if any."""
        v = self._value(c)
        if v.low is not None:
            lo = self.lowest_high(exclude_source)
            if lo is not None and self._value(lo).high < v.low:
                return lo
        if v.high is not None:
            hi = self.highest_low(exclude_source)
            if hi is not None and self._value(hi).low > v.high:
                return hi
        return None

    def disjoint_partners(self, c: Claim, exclude_source: str | None = None) -> list[Claim]:
        """Every live claim disjoint from ``c``: O(log n) when there is none, O(n) to list them when there is."""
        if self.disjoint_partner(c, exclude_source) is None:
            return []
        v = self._value(c)
        return [o for o in self.live(exclude_source) if self._value(o).disjoint(v)]

    def any_live(self, exclude_source: str | None = None) -> bool:
        """True when some live claim from another source is in the window."""
        return (self.lowest_high(exclude_source) or self.highest_low(exclude_source)) is not None


def singular(attribute: str) -> str:
    """'data_centers' -> 'data center', 'availability_zones' -> 'availability zone'."""
    word = noun(attribute)
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def ordinal_word(n: int) -> str:
    """3 -> '3rd', 11 -> '11th'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def event_text(c: Claim) -> str:
    """'the opening of the 3rd data center in Malaysia'."""
    thing = f"the {ordinal_word(c.ordinal)} {singular(c.attribute)}" if c.ordinal else noun(c.attribute)
    return f"the {c.event or 'event'} of {thing}{scope_text(c)}"


def from_published(c: Claim) -> bool:
    """True when the claim's date is only its source's published date, not a stated one."""
    return c.as_of.text == "published"


def event_interval(c: Claim) -> DateInterval:
    """When an event happens according to a claim.

    A stated date is taken as stated. A claim dated only by publication says
    less: "opened" in an article of July 2 means on or before July 2, "plans
    to open" means after it.
    """
    if not from_published(c) or undated(c):
        return c.as_of
    if c.status == Status.operational:
        return DateInterval(start=None, end=c.as_of.end, precision="open", text=f"by {c.as_of.show()}")
    if c.status in (Status.planned, Status.under_construction):
        return DateInterval(start=c.as_of.start, end=None, precision="open", text=f"after {c.as_of.show()}")
    return c.as_of


def event_key(c: Claim, lexicon: Lexicon) -> tuple:
    """The identity of an event: top subject, event kind, attribute, scope, ordinal."""
    return (lexicon.root(c.subject), c.event, c.attribute, c.scope, c.ordinal)


def event_groups(claims: Iterable[Claim], events: Iterable[str], min_confidence: float, lexicon: Lexicon) -> dict[Hashable, list[Claim]]:
    """Event claims of the given kinds with a subject and a scope, grouped by :func:`event_key`.

    An unnumbered event joins the first one of its scope when no source numbers
    another there: "opened its Mexico region" is "its first region in Mexico"
    unless a source speaks of a second.
    """
    kinds = set(events)
    groups = group_by(
        (c for c in claims if c.kind == "event" and c.event in kinds and c.subject is not None and c.scope is not None and c.confidence >= min_confidence),
        lambda c: event_key(c, lexicon),
    )
    numbered: dict[Hashable, set] = defaultdict(set)
    for key in groups:
        numbered[key[:4]].add(key[4])
    for event, numbers in numbered.items():
        if numbers == {None, 1}:
            first = groups[event + (1,)]
            first.extend(groups.pop(event + (None,)))
            first.sort(key=_time_order)
    return groups


def amount(x: float) -> str:
    """A money amount for a message: 53.2bn, 120m, 5,000.

    >>> amount(53.2e9), amount(1.2e8), amount(5000), amount(51538100000.0), amount(908640.22), amount(12.5)
    ('53.2bn', '120m', '5,000', '51.54bn', '908.6k', '12.5')
    """
    for floor, scale, suffix in ((1e9, 1e9, "bn"), (1e6, 1e6, "m"), (1e4, 1e3, "k")):
        if abs(x) >= floor:
            return f"{x / scale:.4g}{suffix}"
    return f"{x:,.0f}" if x == int(x) else f"{x:,.4g}"


def show_amount(v: Interval) -> str:
    """An interval of money, compact: '51.54bn-54.87bn', '>=5bn', '53bn'."""
    return v.show(amount)


def show_value(v: Interval, unit: str) -> str:
    """Counts as Interval.show, money with show_amount."""
    return v.show() if unit == "count" else show_amount(v)
