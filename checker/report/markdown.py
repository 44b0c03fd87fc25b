"""Markdown: a summary table, then each finding with both quotes, grouped by subject."""

from __future__ import annotations

from collections import defaultdict

from checker.models import Report
from checker.report.base import Reporter, finding_claims, marked_sentence


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


class MarkdownReporter(Reporter):
    """The report editors read in a repository or a CI summary."""

    def render(self, report: Report) -> str:
        s = report.summary
        out = ["# claimcheck report", ""]
        out += ["| sources | skipped | claims | findings | errors | warnings | info |", "|---|---|---|---|---|---|---|"]
        out.append(f"| {s.sources} | {s.skipped} | {s.claims} | {s.findings} | {s.by_severity.get('error', 0)} | {s.by_severity.get('warning', 0)} | {s.by_severity.get('info', 0)} |")
        out += ["", "## Rules", "", "| rule | kind | severity | compared | passed | flagged |", "|---|---|---|---|---|---|"]
        for r in s.rules:
            out.append(f"| {r.rule} | {r.kind} | {r.severity.value} | {r.compared} | {r.passed} | {r.flagged} |")
        out += ["", "## Findings", ""]
        if not report.findings:
            out += ["No findings.", ""]
        groups = defaultdict(list)
        for f in report.findings:
            claims = finding_claims(report, f)
            subject = next((c.subject for c in claims if c.subject), None) or "unknown subject"
            groups[subject].append((f, claims))
        sources = {src.id: src for src in report.sources}
        for subject in sorted(groups):
            out += [f"### {subject}", ""]
            for f, claims in groups[subject]:
                out += [f"#### {f.severity.value.upper()} `{f.rule}` {f.id}" + (" (known, in baseline)" if f.baseline == "known" else ""), "", _cell(f.message), ""]
                for c in claims:
                    src = sources.get(c.source)
                    meta = ", ".join(x for x in [src.outlet if src else None, str(src.published) if src and src.published else "date unknown"] if x)
                    norm = c.normalised.value.show() + " " + c.normalised.unit if c.normalised else c.value.show()
                    out.append(f"- **{c.source}** ({meta}), line {c.evidence.line}: > {_cell(marked_sentence(c))}  ")
                    out.append(f"  value {norm}, as of {c.as_of.show()}, status {c.status.value}")
                out.append("")
                if f.explanation:
                    out.append("Why compared: " + "; ".join(f"{k}: {_cell(str(v))}" for k, v in f.explanation.items()))
                    out.append("")
        out += ["## Sources", "", "| id | outlet | published | title |", "|---|---|---|---|"]
        for src in report.sources:
            out.append(f"| {_cell(src.id)} | {_cell(src.outlet or '')} | {src.published or 'unknown'} | {_cell(src.title or '')} |")
        if report.skipped:
            out += ["", "## Skipped", ""]
            out += [f"- {_cell(sk.reason)}" for sk in report.skipped]
        warnings = [w for src in report.sources for w in src.warnings]
        if warnings:
            out += ["", "## Warnings", ""]
            out += [f"- {_cell(w)}" for w in warnings]
        return "\n".join(out).rstrip() + "\n"
