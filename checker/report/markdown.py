"""Markdown: a summary table, then each finding with both quotes, grouped by subject.

Written for a repository, a pull-request comment or a CI job summary. Article
text is untrusted, so characters Markdown or HTML would interpret are escaped
(``<script>`` shows as text, never as a tag).
"""

from __future__ import annotations

import re
from collections import defaultdict

from checker.models import Report
from checker.report.base import (
    SEVERITIES,
    Reporter,
    claim_value,
    claims_by_id,
    evidence_parts,
    explain_value,
    finding_claims,
    finding_subject,
)

def md_escape(text: str) -> str:
    """Text safe inside a Markdown paragraph or table cell, on one line.

    >>> md_escape("a <script> *b* | c\\nd")
    'a &lt;script&gt; \\\\*b\\\\* \\\\| c d'
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = re.sub(r"([\\`*_\[\]|#~])", r"\\\1", text)
    return re.sub(r"\s*\n\s*", " ", text)


class MarkdownReporter(Reporter):
    """The report editors read in a repository or a CI summary."""

    def render(self, report: Report) -> str:
        s = report.summary
        descriptions: dict[str, str] = self.options.get("descriptions") or {}
        known = sum(1 for f in report.findings if f.baseline == "known")
        out = ["# claimcheck report", ""]
        out += ["| sources | skipped | claims | findings | errors | warnings | info | new | known |", "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        out.append(f"| {s.sources} | {s.skipped} | {s.claims} | {s.findings} | " + " | ".join(str(s.by_severity.get(sev, 0)) for sev in SEVERITIES) + f" | {s.findings - known} | {known} |")
        out += ["", "## Rules", "", "| rule | kind | severity | compared | passed | flagged | reported |", "|---|---|---|---:|---:|---:|---:|"]
        for r in s.rules:
            desc = f" — {md_escape(descriptions[r.rule])}" if descriptions.get(r.rule) else ""
            out.append(f"| `{r.rule}`{desc} | {r.kind} | {r.severity.value} | {r.compared} | {r.passed} | {r.flagged} | {s.by_rule.get(r.rule, 0)} |")
        if s.resolved_baseline:
            out += ["", "Baseline findings that no longer occur: " + ", ".join(f"`{fid}`" for fid in s.resolved_baseline)]
        out += ["", "## Findings", ""]
        if not report.findings:
            out += ["No findings.", ""]
        else:
            out += ["| severity | rule | findings |", "|---|---|---:|"]
            counts: dict[tuple[str, str], int] = defaultdict(int)
            for f in report.findings:
                counts[(f.severity.value, f.rule)] += 1
            for (sev, rule), n in sorted(counts.items(), key=lambda kv: (SEVERITIES.index(kv[0][0]), kv[0][1])):
                out.append(f"| {sev} | `{rule}` | {n} |")
            out.append("")
        by_id = claims_by_id(report)
        groups: dict[str, list] = defaultdict(list)
        for f in report.findings:
            claims = finding_claims(report, f, by_id)
            groups[finding_subject(f, claims)].append((f, claims))
        sources = {src.id: src for src in report.sources}
        for subject in sorted(groups):
            out += [f"### {md_escape(subject)}", ""]
            for f, claims in groups[subject]:
                tag = " · known (in baseline)" if f.baseline == "known" else ""
                out += [f"#### {f.severity.value.upper()} · `{f.rule}` · `{f.id}`{tag}", "", md_escape(f.message), ""]
                for c in claims:
                    src = sources.get(c.source)
                    meta = [md_escape(src.outlet) if src and src.outlet else "outlet unknown", f"published {src.published.isoformat()}" if src and src.published else "published date unknown"]
                    p = evidence_parts(c)
                    figure = f"*{md_escape(p.figure)}*" if p.figure else ""
                    quote = f"{md_escape(p.before)}**{md_escape(p.quote_before)}{figure}{md_escape(p.quote_after)}**{md_escape(p.after)}"
                    out.append(f"- **{md_escape(c.source)}** ({', '.join(meta)}), line {c.evidence.line}, column {c.evidence.column}:")
                    out.append(f"  > {quote}")
                    out.append("")
                    out.append(f"  value {md_escape(claim_value(c))}; as of {c.as_of.show()}{' (' + md_escape(c.as_of.text) + ')' if c.as_of.text else ''}; status {c.status.value}")
                out.append("")
                if f.explanation:
                    out.append("Why compared:")
                    out.append("")
                    out += [f"- {md_escape(str(k))}: {md_escape(explain_value(v))}" for k, v in f.explanation.items()]
                    out.append("")
        out += ["## Sources", "", "| id | outlet | published | title | url |", "|---|---|---|---|---|"]
        for src in report.sources:
            out.append(f"| {md_escape(src.id)} | {md_escape(src.outlet or '')} | {src.published or 'unknown'} | {md_escape(src.title or '')} | {md_escape(src.url or '')} |")
        if report.skipped:
            out += ["", "## Skipped", ""]
            out += [f"- {md_escape(sk.reason)}" for sk in report.skipped]
        warnings = [w for src in report.sources for w in src.warnings]
        if warnings:
            out += ["", "## Warnings", ""]
            out += [f"- {md_escape(w)}" for w in warnings]
        return "\n".join(out).rstrip() + "\n"
