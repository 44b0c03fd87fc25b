"""The reporter interface and helpers that several formats share."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

from checker.models import Claim, Finding, Report, Severity, Span


#: Severity names, most severe first: the order of report columns and filters.
SEVERITIES = tuple(sev.value for sev in sorted(Severity, key=lambda sev: -sev.rank))


class Reporter(ABC):
    """Renders a report to text.

    Options every reporter accepts (and may ignore): ``color`` (terminal),
    ``descriptions`` (rule id -> one-line description, for SARIF and HTML).
    """

    def __init__(self, **options):
        self.options = options

    @abstractmethod
    def render(self, report: Report) -> str:
        """The whole report as text (deterministic)."""


def claims_by_id(report: Report) -> dict[str, Claim]:
    """Claims keyed by id."""
    return {c.id: c for c in report.claims}


def finding_claims(report: Report, finding: Finding, by_id: dict[str, Claim] | None = None) -> list[Claim]:
    """The claims of a finding, in the finding's order."""
    by_id = by_id if by_id is not None else claims_by_id(report)
    return [by_id[cid] for cid in finding.claims if cid in by_id]


def marked_sentence(claim: Claim, left: str = "**", right: str = "**") -> str:
    """The evidence sentence with the quote marked, e.g. with ** ** in Markdown."""
    p = evidence_parts(claim)
    return p.before + left + p.quote_before + p.figure + p.quote_after + right + p.after


@dataclass(frozen=True)
class EvidenceParts:
    """A claim's sentence cut around its quote and, inside the quote, the figure as written.

    ``before + quote_before + figure + quote_after + after`` is the sentence.
    """

    before: str
    quote_before: str
    figure: str
    quote_after: str
    after: str


def evidence_parts(claim: Claim) -> EvidenceParts:
    """Cut the sentence so reporters can highlight the quote and mark the figure in it.

    The quote is placed by its offset when the sentence text allows it, else by
    its first occurrence; a quote not found in the sentence is shown on its own.
    """
    ev = claim.evidence
    sentence, quote = ev.sentence, ev.quote
    i = sentence.find(quote)
    if i < 0:
        sentence, i = quote, 0
    before, after = sentence[:i], sentence[i + len(quote):]
    fig = claim.value.text
    j = quote.find(fig) if fig else -1
    if j < 0:
        return EvidenceParts(before, quote, "", "", after)
    return EvidenceParts(before, quote[:j], fig, quote[j + len(fig):], after)


def span_end(span: Span) -> tuple[int, int]:
    """1-based (line, column) just past the quote, for SARIF regions.

    >>> span_end(Span(start=0, end=5, quote="three", sentence="three", line=4, column=7))
    (4, 12)
    >>> span_end(Span(start=0, end=7, quote="ab\\ncde", sentence="ab\\ncde", line=4, column=7))
    (5, 4)
    """
    lines = span.quote.split("\n")
    if len(lines) == 1:
        return span.line, span.column + len(span.quote)
    return span.line + len(lines) - 1, len(lines[-1]) + 1


def finding_subject(finding: Finding, claims: list[Claim]) -> str:
    """What a finding is about, for grouping: the compared key's subject, else the first claim's."""
    key = finding.explanation.get("key") if isinstance(finding.explanation, dict) else None
    if isinstance(key, dict) and key.get("subject"):
        return str(key["subject"])
    return next((c.subject for c in claims if c.subject), None) or "unknown subject"


def explain_value(value: object) -> str:
    """An explanation value in words: lists joined, mappings as key=value.

    >>> explain_value({"subject": "x", "scope": "MY"}), explain_value(["3", "5"]), explain_value(0.03)
    ('subject=x, scope=MY', '3, 5', '0.03')
    """
    if isinstance(value, dict):
        return ", ".join(f"{k}={explain_value(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(explain_value(v) for v in value)
    if value is None:
        return "none"
    return str(value)


def claim_value(claim: Claim) -> str:
    """The value as written with its interval, and the normalised value when there is one."""
    text = f"{claim.value.text or claim.value.show()} [{claim.value.show()}{'' if claim.unit == 'count' else ' ' + claim.unit}]"
    n = claim.normalised
    if n is not None:
        text += f" = {n.value.show()} {n.unit}"
        if n.rate is not None:
            text += f" (rate {n.rate:g}" + (f" on {n.rate_date.isoformat()}" if n.rate_date else "") + ")"
    return text
