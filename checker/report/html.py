"""HTML: one self-contained page for editors, built with Jinja2 and autoescape.

Article text is untrusted: every value goes through autoescape, only
``http``/``https`` URLs become links (anything else, ``javascript:`` included,
is shown as text), and a Content-Security-Policy allows nothing but the page's
own inline style and script (by hash), so the page loads nothing from the
network and an injected script would not run even if escaping failed.
Filters by severity and rule run in the page's script and are kept in the URL
fragment (``report.html#severity=error&rule=count-conflict``).
"""

from __future__ import annotations

import base64
import hashlib
from collections import defaultdict
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape

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

def safe_url(url: str | None) -> str | None:
    """The URL when it is an absolute http(s) URL, else None (it is then shown as text only).

    >>> safe_url("https://example.com/a"), safe_url("javascript:alert(1)"), safe_url(" JaVaScRiPt:x"), safe_url("//evil")
    ('https://example.com/a', None, None, None)
    """
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(ch.isspace() or ord(ch) < 32 for ch in url):
        return url
    return None


def csp_hash(text: str) -> str:
    """A CSP source expression for an inline block: 'sha256-<base64>' without quotes."""
    return "sha256-" + base64.b64encode(hashlib.sha256(str(text).encode("utf-8")).digest()).decode("ascii")


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("checker.report", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default_for_string=True, default=True),
        keep_trailing_newline=True,
    )
    env.filters["csp_hash"] = csp_hash
    return env


class HtmlReporter(Reporter):
    """The report editors open in a browser, offline."""

    template_name = "report.html.j2"

    def render(self, report: Report) -> str:
        return _environment().get_template(self.template_name).render(**self.context(report))

    def context(self, report: Report) -> dict:
        """Plain values for the template (all escaping is left to Jinja2)."""
        descriptions: dict[str, str] = self.options.get("descriptions") or {}
        sources = {s.id: s for s in report.sources}
        by_id = claims_by_id(report)
        groups: dict[str, list[dict]] = defaultdict(list)
        for f in report.findings:
            claims = finding_claims(report, f, by_id)
            groups[finding_subject(f, claims)].append({
                "id": f.id,
                "rule": f.rule,
                "severity": f.severity.value,
                "baseline": f.baseline,
                "message": f.message,
                "claims": [self._claim(c, sources.get(c.source)) for c in claims],
                "explanation": [(str(k), explain_value(v)) for k, v in f.explanation.items()],
            })
        reported = defaultdict(int)
        for f in report.findings:
            reported[f.rule] += 1
        rules = [
            {"rule": r.rule, "kind": r.kind, "severity": r.severity.value, "description": descriptions.get(r.rule, ""), "compared": r.compared, "passed": r.passed, "flagged": r.flagged, "reported": reported.get(r.rule, 0)}
            for r in report.summary.rules
        ]
        listed = {r["rule"] for r in rules}
        rules += [{"rule": rid, "kind": "", "severity": "", "description": descriptions.get(rid, ""), "compared": "", "passed": "", "flagged": "", "reported": n} for rid, n in sorted(reported.items()) if rid not in listed]
        claim_counts = defaultdict(int)
        for c in report.claims:
            claim_counts[c.source] += 1
        return {
            "report": report,
            "s": report.summary,
            "severities": SEVERITIES,
            "rules": rules,
            "groups": [{"subject": subject, "findings": groups[subject]} for subject in sorted(groups)],
            "findings_total": len(report.findings),
            "new_count": sum(1 for f in report.findings if f.baseline == "new"),
            "known_count": sum(1 for f in report.findings if f.baseline == "known"),
            "sources": [
                {"id": s.id, "outlet": s.outlet or "", "published": s.published.isoformat() if s.published else "unknown", "title": s.title or "", "url": safe_url(s.url), "raw_url": s.url or "", "claims": claim_counts.get(s.id, 0)}
                for s in report.sources
            ],
            "warnings": [w for s in report.sources for w in s.warnings],
        }

    @staticmethod
    def _claim(c, src) -> dict:
        return {
            "id": c.id,
            "source": c.source,
            "outlet": src.outlet if src else None,
            "published": src.published.isoformat() if src and src.published else "date unknown",
            "url": safe_url(src.url) if src else None,
            "raw_url": (src.url or "") if src else "",
            "line": c.evidence.line,
            "column": c.evidence.column,
            "parts": evidence_parts(c),
            "value": claim_value(c),
            "as_of": c.as_of.show() + (f" ({c.as_of.text})" if c.as_of.text else ""),
            "status": c.status.value,
            "subject": c.subject or "unknown",
            "scope": (c.scope or "unknown") + (f" ({c.scope_name})" if c.scope_name else ""),
        }
