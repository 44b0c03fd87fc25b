"""The data contract between the stages of claimcheck.

Every model is a frozen pydantic v2 model; field names of ``Source``, ``Claim``,
``Finding`` and ``Report`` are the public JSON contract that CI scripts parse
(see DESIGN.md). ``claimcheck schema`` prints the JSON schema of ``Report``.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from collections.abc import Callable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Frozen(BaseModel):
    """Base for all models: immutable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Severity(str, Enum):
    """How bad a finding is; comes from the rule, never from extraction."""

    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe: error 3, warning 2, info 1."""
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    def lower(self) -> "Severity":
        """One level down (error -> warning -> info -> info)."""
        return {"error": Severity.warning, "warning": Severity.info}.get(self.value, Severity.info)


class Status(str, Enum):
    """Whether what a claim describes exists yet."""

    operational = "operational"
    planned = "planned"
    under_construction = "under_construction"
    closed = "closed"
    unknown = "unknown"


class Source(Frozen):
    """One article that was read."""

    id: str = Field(description="Path relative to the folder given on the command line, or the file name for a file argument; for JSONL, file#id.")
    path: str = Field(description="Path of the file as given, for opening it.")
    title: str | None = Field(default=None, description="Headline (counts as article text).")
    outlet: str | None = Field(default=None, description="Publication name.")
    url: str | None = Field(default=None, description="Where the article was published.")
    published: dt.date | None = Field(default=None, description="Publication date; time-dependent checks lower severity without it.")
    language: str | None = Field(default=None, description="Language code from front matter, if given.")
    sha256: str = Field(description="SHA-256 of the file's bytes (of the line for JSONL records).")
    metadata: dict[str, Any] = Field(default_factory=dict, description="Front matter or manifest keys that claimcheck does not interpret, kept as given.")
    warnings: list[str] = Field(default_factory=list, description="Problems that did not stop the source from being checked, as 'path:line: reason'.")


class SkippedSource(Frozen):
    """A file (or JSONL line) that could not be read; a result, not an exception."""

    path: str = Field(description="Path of the file.")
    line: int | None = Field(default=None, description="1-based line of the problem, when known.")
    reason: str = Field(description="What is wrong, in the form 'path:line: reason'.")


class Span(Frozen):
    """Evidence: where a claim stands in its source file.

    ``start``/``end`` index the decoded file text (front matter included), so
    ``file_text[start:end] == quote`` always holds.
    """

    start: int = Field(description="Character offset of the quote's start in the decoded file text.")
    end: int = Field(description="Character offset just past the quote's end.")
    quote: str = Field(description="The words of the claim as written.")
    sentence: str = Field(description="The whole sentence the quote stands in, as written.")
    line: int = Field(description="1-based line of the quote's start.")
    column: int = Field(description="1-based column of the quote's start.")


def _plain_number(x: float) -> str:
    """A number for people: whole units from 1,000 up (never '1.04676e+09'), six significant digits below.

    >>> _plain_number(1046760000.4), _plain_number(52.5), _plain_number(3.0), _plain_number(0.232613)
    ('1,046,760,000', '52.5', '3', '0.232613')
    """
    if abs(x) >= 1000 or x == int(x):
        return f"{x:,.0f}"
    return f"{x:.6g}"


class Interval(Frozen):
    """A value with its stated precision: the true value lies in [low, high].

    ``None`` for an open end ("more than 5,000" has no upper bound).
    """

    low: float | None = Field(description="Lower bound, inclusive; null when open.")
    high: float | None = Field(description="Upper bound, inclusive; null when open.")
    text: str = Field(default="", description="The figure as written.")

    def disjoint(self, other: "Interval") -> bool:
        """True when no value lies in both intervals.

        >>> Interval(low=3, high=3).disjoint(Interval(low=5, high=5))
        True
        >>> Interval(low=5000, high=None).disjoint(Interval(low=5000, high=5000))
        False
        """
        if self.high is not None and other.low is not None and self.high < other.low:
            return True
        if other.high is not None and self.low is not None and other.high < self.low:
            return True
        return False

    def scaled(self, factor: float, text: str | None = None) -> "Interval":
        """The same interval multiplied by a positive factor."""
        return Interval(
            low=None if self.low is None else self.low * factor,
            high=None if self.high is None else self.high * factor,
            text=self.text if text is None else text,
        )

    def widened(self, fraction: float) -> "Interval":
        """Widen both ends by a relative tolerance (0.03 = 3%)."""
        return Interval(
            low=None if self.low is None else self.low * (1 - fraction),
            high=None if self.high is None else self.high * (1 + fraction),
            text=self.text,
        )

    def show(self, num: Callable[[float], str] | None = None) -> str:
        """A compact human form: '3', '52.5-53.5', '>=5,000'; ``num`` formats each bound."""
        num = num or _plain_number
        if self.low is not None and self.low == self.high:
            return num(self.low)
        if self.high is None:
            return ">=" + num(self.low) if self.low is not None else "any"
        if self.low is None:
            return "<=" + num(self.high)
        return f"{num(self.low)}-{num(self.high)}"


class DateInterval(Frozen):
    """When a claim holds: an inclusive date range with its precision."""

    start: dt.date | None = Field(description="First day, inclusive; null when open.")
    end: dt.date | None = Field(description="Last day, inclusive; null when open.")
    precision: Literal["day", "week", "month", "quarter", "half", "year", "open", "unknown"] = Field(
        default="day", description="How precisely the date was stated."
    )
    text: str = Field(default="", description="The date as written, or 'published' when taken from the source's date.")
    part_of_day: Literal["morning", "midday", "afternoon", "evening", "night"] | None = Field(
        default=None, description="For a running toll: the part of the day it was given ('by mid-morning', 'on Tuesday evening')."
    )

    def gap_days(self, other: "DateInterval") -> int | None:
        """Days between the two intervals (0 when they overlap); None when a date is unknown."""
        if (self.start is None and self.end is None) or (other.start is None and other.end is None):
            return None
        a0, a1 = self.start or dt.date.min, self.end or dt.date.max
        b0, b1 = other.start or dt.date.min, other.end or dt.date.max
        if a1 < b0:
            return (b0 - a1).days
        if b1 < a0:
            return (a0 - b1).days
        return 0

    def show(self) -> str:
        """ISO day, 'start..end' (open ends as '..'), or 'unknown'."""
        if self.start is None and self.end is None:
            return "unknown"
        if self.start is not None and self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat() if self.start else ''}..{self.end.isoformat() if self.end else ''}"


MentionKind = Literal["number", "ordinal", "money", "date", "daterange", "status", "percent", "quantity"]


class Mention(Frozen):
    """One figure, date or status word found in text, before it is framed into a claim."""

    kind: MentionKind = Field(description="What was found.")
    start: int = Field(description="Offset of the mention in the text that was scanned.")
    end: int = Field(description="Offset just past the mention.")
    text: str = Field(description="The mention as written.")
    value: Interval | None = Field(default=None, description="Numeric value with stated precision (numbers, ordinals, money, percents).")
    unit: str | None = Field(default=None, description="ISO 4217 code for money, 'percent', or a unit name.")
    date: DateInterval | None = Field(default=None, description="Resolved date interval (dates).")
    status: Status | None = Field(default=None, description="Status implied by a verb (status mentions).")
    extra: dict[str, Any] = Field(default_factory=dict, description="Extractor-specific details (qualifier, linked amount, ...).")


class Normalised(Frozen):
    """A claim's value in the pivot unit or currency."""

    value: Interval = Field(description="Value in the pivot unit (USD for money, count for counts).")
    unit: str = Field(description="Pivot unit: 'count', 'USD', ...")
    rate: float | None = Field(default=None, description="Exchange rate used (units of pivot per unit of the original currency).")
    rate_date: dt.date | None = Field(default=None, description="Date of the exchange rate used.")
    note: str | None = Field(default=None, description="How the value was normalised, e.g. that the nearest available rate date was used.")


ClaimKind = Literal["count", "increment", "money", "event"]


class Claim(Frozen):
    """One checkable statement: subject has attribute in scope with value at time, with status."""

    id: str = Field(description="Stable id: hash of source id, attribute, scope and quote position.")
    source: str = Field(description="Id of the source the claim comes from.")
    kind: ClaimKind = Field(default="count", description="count (a stock at a time), increment (added units), money, or event.")
    subject: str | None = Field(description="Canonical entity id from rules/lexicon/entities.yaml, or null when unresolved.")
    attribute: str = Field(description="Attribute id from rules/lexicon/attributes.yaml.")
    scope: str | None = Field(description="Place: ISO 3166 code, subdivision code, 'city:<geonameid>' style id, a region id, or 'global'; null when unknown.")
    scope_name: str | None = Field(default=None, description="The place as written.")
    scope_parents: list[str] = Field(default_factory=list, description="Enclosing scopes, innermost first.")
    value: Interval = Field(description="Value as stated, with its precision.")
    unit: str = Field(default="count", description="'count', an ISO 4217 currency, or a unit name.")
    normalised: Normalised | None = Field(default=None, description="Value in the pivot unit, with the rate used.")
    ordinal: int | None = Field(default=None, description="For 'its third data center': 3.")
    event: str | None = Field(default=None, description="For kind=event: the event kind from the lexicon ('opening', 'launch', 'closure'); as_of is when it happens.")
    period: DateInterval | None = Field(default=None, description="For money: the period the amount covers ('over the next three years').")
    equivalent_of: str | None = Field(default=None, description="Id of a claim in the same source that gives this amount in another currency ('380 billion yuan ($53.4 billion)').")
    as_of: DateInterval = Field(description="When the claim holds.")
    status: Status = Field(default=Status.unknown, description="operational / planned / closed / unknown.")
    evidence: Span = Field(description="Where the claim stands in its source file.")
    confidence: float = Field(default=1.0, description="How sure extraction is (0-1); kept apart from severity.")


class Finding(Frozen):
    """A discrepancy between claims, raised by one rule."""

    id: str = Field(description="Stable id: hash of the rule id and the claims' keys, so baselines survive re-runs.")
    rule: str = Field(description="Id of the rule that raised it.")
    severity: Severity = Field(description="error / warning / info, from the rule (lowered when a date was unknown).")
    message: str = Field(description="One sentence naming both sources and both values as written.")
    claims: list[str] = Field(description="Ids of the claims involved.")
    sources: list[str] = Field(description="Ids of the sources involved.")
    explanation: dict[str, Any] = Field(default_factory=dict, description="Why they were compared: key, time window, tolerances, rates used.")
    baseline: Literal["new", "known"] = Field(default="new", description="'known' when the finding is in the baseline given with --baseline.")


class RuleSummary(Frozen):
    """What one rule did: so silence can be trusted."""

    rule: str
    kind: str
    severity: Severity
    compared: int = Field(description="Pairs or claims the rule compared.")
    passed: int = Field(description="Compared and found consistent.")
    flagged: int = Field(description="Findings raised.")


class Summary(Frozen):
    """Counts for the report header."""

    sources: int
    skipped: int
    claims: int
    findings: int
    by_severity: dict[str, int] = Field(default_factory=dict)
    by_rule: dict[str, int] = Field(default_factory=dict)
    rules: list[RuleSummary] = Field(default_factory=list)
    resolved_baseline: list[str] = Field(default_factory=list, description="Baseline finding ids that no longer occur.")


class ToolInfo(Frozen):
    """Which claimcheck produced the report."""

    name: str = "claimcheck"
    version: str
    rules: list[str] = Field(default_factory=list, description="Rule files that were loaded.")


class Report(Frozen):
    """Everything a run produced; the JSON report is this model."""

    tool: ToolInfo
    sources: list[Source]
    skipped: list[SkippedSource]
    claims: list[Claim]
    findings: list[Finding]
    summary: Summary
