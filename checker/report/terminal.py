"""Terminal: a short rich summary of sources, skipped files, claims and findings."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table

from checker.models import Report
from checker.report.base import Reporter

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


class TerminalReporter(Reporter):
    """What a person running ``claimcheck check`` sees."""

    def render(self, report: Report) -> str:
        buf = io.StringIO()
        console = Console(file=buf, width=self.options.get("width", 100), force_terminal=self.options.get("color", False), color_system="standard" if self.options.get("color") else None)
        s = report.summary
        known = sum(1 for f in report.findings if f.baseline == "known")
        tail = f" ({s.findings - known} new, {known} known from the baseline)" if known else ""
        console.print(f"claimcheck: {s.sources} sources, {s.skipped} skipped, {s.claims} claims, {s.findings} findings{tail}", highlight=False)
        for sk in report.skipped:
            console.print(f"  skipped {sk.reason}", markup=False, highlight=False)
        for src in report.sources:
            for w in src.warnings:
                console.print(f"  warning {w}", markup=False, highlight=False)
        if report.findings:
            table = Table(show_header=True, header_style="bold", expand=False)
            table.add_column("severity")
            table.add_column("rule")
            table.add_column("message", overflow="fold")
            for f in report.findings:
                mark = " (known)" if f.baseline == "known" else ""
                table.add_row(f"[{STYLES[f.severity.value]}]{f.severity.value}[/]{mark}", f.rule, f.message.replace("[", "\\["))
            console.print(table)
        for r in s.rules:
            console.print(f"  {r.rule}: compared {r.compared}, passed {r.passed}, flagged {r.flagged}", highlight=False)
        if s.resolved_baseline:
            console.print(f"  baseline findings that no longer occur: {', '.join(s.resolved_baseline)}", highlight=False)
        return buf.getvalue()
