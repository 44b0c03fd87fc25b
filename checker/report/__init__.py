"""Output formats: one module per format behind :class:`Reporter`, chosen by :class:`Format`.

A reporter turns a :class:`~checker.models.Report` into text; the same report
always gives the same bytes.
"""

from __future__ import annotations

from enum import Enum

from checker.report.base import Reporter
from checker.report.json import JsonReporter
from checker.report.markdown import MarkdownReporter
from checker.report.terminal import TerminalReporter


class Format(str, Enum):
    """Output formats; the value is also the file suffix under --out (report.<suffix>)."""

    terminal = "terminal"
    md = "md"
    json = "json"


REPORTERS: dict[Format, type[Reporter]] = {
    Format.terminal: TerminalReporter,
    Format.md: MarkdownReporter,
    Format.json: JsonReporter,
}

FILE_NAMES: dict[Format, str] = {Format.md: "report.md", Format.json: "report.json"}


def render(fmt: Format, report, **options) -> str:
    """The report in one format."""
    return REPORTERS[fmt](**options).render(report)
