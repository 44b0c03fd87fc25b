"""The reporter interface and helpers that several formats share."""

from __future__ import annotations

from abc import ABC, abstractmethod

from checker.models import Claim, Finding, Report


class Reporter(ABC):
    """Renders a report to text."""

    def __init__(self, **options):
        self.options = options

    @abstractmethod
    def render(self, report: Report) -> str:
        """The whole report as text (deterministic)."""


def claims_by_id(report: Report) -> dict[str, Claim]:
    return {c.id: c for c in report.claims}


def finding_claims(report: Report, finding: Finding) -> list[Claim]:
    """The claims of a finding, in the finding's order."""
    by_id = claims_by_id(report)
    return [by_id[cid] for cid in finding.claims if cid in by_id]


def marked_sentence(claim: Claim, left: str = "**", right: str = "**") -> str:
    """The evidence sentence with the quote marked, e.g. with ** ** in Markdown."""
    ev = claim.evidence
    i = ev.sentence.find(ev.quote)
    if i < 0:
        return ev.sentence
    return ev.sentence[:i] + left + ev.quote + right + ev.sentence[i + len(ev.quote):]
