"""Output formats: one module per format behind :class:`Reporter`, chosen by :class:`Format`.

A reporter turns a :class:`~checker.models.Report` into text; the same report
always gives the same bytes. A new format is one module plus one line in
:data:`REPORTERS` (and :data:`FILE_NAMES` when it is written to a file).
"""

from __future__ import annotations

from enum import Enum

from checker.report.base import Reporter
from checker.report.html import HtmlReporter
from checker.report.json import JsonReporter
from checker.report.markdown import MarkdownReporter
from checker.report.sarif import SarifReporter
from checker.report.terminal import TerminalReporter


class Format(str, Enum):
    """Output formats; the value is also the file suffix under --out (report.<suffix>)."""

    terminal = "terminal"
    md = "md"
    html = "html"
    json = "json"
    sarif = "sarif"


REPORTERS: dict[Format, type[Reporter]] = {
    Format.terminal: TerminalReporter,
    Format.md: MarkdownReporter,
    Format.html: HtmlReporter,
    Format.json: JsonReporter,
    Format.sarif: SarifReporter,
}

#: File written for each format under --out (the terminal summary is printed, never written).
FILE_NAMES: dict[Format, str] = {
    Format.md: "report.md",
    Format.html: "report.html",
    Format.json: "report.json",
    Format.sarif: "report.sarif",
}

#: Files written by ``--out`` when no ``--format`` is given (``make demo`` and ``make reports`` agree).
FILE_FORMATS: list[Format] = [Format.md, Format.html, Format.json, Format.sarif]


def render(fmt: Format, report, **options) -> str:
    """The report in one format."""
    return REPORTERS[fmt](**options).render(report)


def render_files(report, formats: list[Format], **options) -> dict[str, str]:
    """File name -> text for every file format in ``formats`` (the terminal summary is left out)."""
    return {FILE_NAMES[fmt]: render(fmt, report, **options) for fmt in formats if fmt in FILE_NAMES}
