"""Claim factories and a shared lexicon for check-kind tests.

``claim(...)`` builds a Claim with sensible defaults (Alibaba Cloud, data
centers, Malaysia, operational, dated by a string) so a test states only what
it is about; ``run(kind_or_rule, claims, ...)`` runs one rule over them.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest

from checker.checks import CHECKS
from checker.checks.base import CheckContext, CheckResult
from checker.models import Claim, DateInterval, Interval, Normalised, Severity, Source, Span, Status
from checker.ruleset import Lexicon, Rule, RuleSpec, load_lexicon, load_ruleset

_LEXICON: Lexicon | None = None
_counter = itertools.count()


def lexicon() -> Lexicon:
    """The default lexicon, loaded once."""
    global _LEXICON
    if _LEXICON is None:
        _LEXICON = load_lexicon()
    return _LEXICON


def day(text: str | None) -> DateInterval:
    """'2025-07-02' -> that day; '2025-07-01..2025-07-31' -> a range; None -> unknown."""
    if text is None:
        return DateInterval(start=None, end=None, precision="unknown", text="unknown")
    if ".." in text:
        a, b = text.split("..")
        return DateInterval(start=dt.date.fromisoformat(a), end=dt.date.fromisoformat(b), precision="month", text=text)
    d = dt.date.fromisoformat(text)
    return DateInterval(start=d, end=d, precision="day", text=text)


def claim(
    value: float | tuple[float | None, float | None] = 3,
    *,
    source: str = "a.md",
    on: str | None = "2025-07-02",
    attribute: str = "data_centers",
    scope: str | None = "MY",
    scope_name: str | None = None,
    parents: list[str] | None = None,
    subject: str | None = "alibaba-cloud",
    kind: str | None = None,
    status: Status | str = Status.operational,
    text: str | None = None,
    quote: str | None = None,
    unit: str = "count",
    usd: float | tuple[float, float] | None = None,
    rate: float | None = None,
    rate_date: str | None = None,
    ordinal: int | None = None,
    event: str | None = None,
    equivalent_of: str | None = None,
    period: str | None = None,
    confidence: float = 1.0,
    id: str | None = None,
    start: int | None = None,
) -> Claim:
    """A Claim with defaults; ``value`` is a number or a (low, high) pair."""
    low, high = value if isinstance(value, tuple) else (value, value)
    text = text if text is not None else (f"{low:g}" if low is not None else "")
    names = {"MY": "Malaysia", "MY-01": "Johor", "PH": "the Philippines", "SG": "Singapore", "southeast-asia": "Southeast Asia", "global": None}
    scope_name = scope_name if scope_name is not None else names.get(scope or "", scope)
    quote = quote or f"{text} {attribute.replace('_', ' ')}" + (f" in {scope_name}" if scope_name else "")
    n = next(_counter)
    offset = start if start is not None else n * 10
    normalised = None
    if usd is not None:
        ulo, uhi = usd if isinstance(usd, tuple) else (usd, usd)
        normalised = Normalised(value=Interval(low=ulo, high=uhi, text=text), unit="USD", rate=rate, rate_date=dt.date.fromisoformat(rate_date) if rate_date else None)
    return Claim(
        id=id or f"c{n}",
        source=source,
        kind=kind or ("count" if unit == "count" else "money"),  # type: ignore[arg-type]
        subject=subject,
        attribute=attribute,
        scope=scope,
        scope_name=scope_name,
        scope_parents=parents or [],
        value=Interval(low=low, high=high, text=text),
        unit=unit,
        normalised=normalised,
        ordinal=ordinal,
        event=event,
        equivalent_of=equivalent_of,
        period=day(period) if period else None,
        as_of=day(on),
        status=Status(status),
        evidence=Span(start=offset, end=offset + len(quote), quote=quote, sentence=quote + ".", line=1, column=offset + 1),
        confidence=confidence,
    )


def source(id: str, published: str | None = "2025-07-02") -> Source:
    """A Source with a published date."""
    return Source(id=id, path=id, published=dt.date.fromisoformat(published) if published else None, sha256="0" * 64)


def rule(kind: str, rule_id: str | None = None, severity: str = "error", **options: Any) -> Rule:
    """A Rule of ``kind`` with options validated by the kind's Options model."""
    spec = RuleSpec(id=rule_id or kind.replace("_", "-"), kind=kind, severity=Severity(severity), options=options)
    return Rule(spec=spec, options=CHECKS[kind].Options.model_validate(options), origin="test")


def default_rule(rule_id: str) -> Rule:
    """A rule as rules/default.yaml defines it."""
    return load_ruleset().by_id[rule_id]


def run(r: Rule, claims: list[Claim], published: dict[str, str | None] | None = None, facts: list | None = None) -> CheckResult:
    """Run one rule; sources are made from the claims (published on the claims' day unless given)."""
    sources: dict[str, Source] = {}
    for c in claims:
        if c.source not in sources:
            own = c.as_of.start.isoformat() if c.as_of.start else None
            pub = published[c.source] if published and c.source in published else own
            sources[c.source] = source(c.source, pub)
    ctx = CheckContext(lexicon=lexicon(), sources=sources, facts=facts or [])
    return CHECKS[r.spec.kind].check(r, claims, ctx)


@pytest.fixture()
def lx() -> Lexicon:
    return lexicon()
