"""SARIF 2.1.0: findings as results that code-scanning tools can show at each quote.

Shaped after bandit's SARIF formatter: every rule is listed once in
``tool.driver.rules`` with its level from the rule's severity, each result
points at its rule by id and index, and each evidence span becomes a location
with a region (lines and columns in Unicode code points, as claimcheck counts
them) in its source file. ``partialFingerprints`` carry the stable finding id
so that results are matched across runs. Confidence stays out of the level.

JSONL records have no region (their offsets index the record, not the file):
their locations name the file only.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from urllib.parse import quote

from checker.models import Claim, Report, Severity, Source
from checker.report.base import Reporter, claims_by_id, finding_claims, span_end

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT = "claimcheckFindingId/v1"


def level_from_severity(severity: Severity) -> str:
    """SARIF level for a severity.

    >>> level_from_severity(Severity.error), level_from_severity(Severity.warning), level_from_severity(Severity.info)
    ('error', 'warning', 'note')
    """
    return {"error": "error", "warning": "warning", "info": "note"}[severity.value]


def artifact_uri(path: str) -> str:
    """A source path as a SARIF URI: relative paths stay relative, absolute ones become file URIs.

    >>> artifact_uri("fixtures/a b.md"), artifact_uri("/tmp/x.md")
    ('fixtures/a%20b.md', 'file:///tmp/x.md')
    """
    p = PurePosixPath(path.replace("\\", "/"))
    if p.is_absolute():
        return "file://" + quote(p.as_posix())
    return quote(p.as_posix())


class SarifReporter(Reporter):
    """The report as one SARIF run."""

    def render(self, report: Report) -> str:
        return json.dumps(self.sarif(report), indent=2, ensure_ascii=False) + "\n"

    def sarif(self, report: Report) -> dict:
        """The SARIF log as a dict."""
        descriptions: dict[str, str] = self.options.get("descriptions") or {}
        rules: list[dict] = []
        index: dict[str, int] = {}
        kinds = {r.rule: (r.kind, r.severity) for r in report.summary.rules}
        for f in report.findings:
            kinds.setdefault(f.rule, ("unknown", f.severity))
        for rule_id, (kind, severity) in kinds.items():
            index[rule_id] = len(rules)
            rules.append({
                "id": rule_id,
                "name": _camel(rule_id),
                "shortDescription": {"text": descriptions.get(rule_id) or f"{kind} rule {rule_id}"},
                "fullDescription": {"text": f"Check kind {kind}; see `claimcheck rules show {rule_id}`."},
                "defaultConfiguration": {"level": level_from_severity(severity)},
                "properties": {"kind": kind, "severity": severity.value},
            })
        sources = {s.id: s for s in report.sources}
        by_id = claims_by_id(report)
        results = []
        for f in report.findings:
            claims = finding_claims(report, f, by_id)
            locations = [loc for c in claims if (loc := _location(c, sources.get(c.source))) is not None]
            result = {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": level_from_severity(f.severity),
                "message": {"text": f.message},
                "locations": locations,
                "partialFingerprints": {FINGERPRINT: f.id},
                "properties": {
                    "findingId": f.id,
                    "severity": f.severity.value,
                    "baseline": f.baseline,
                    "sources": list(f.sources),
                    "claims": list(f.claims),
                    "explanation": f.explanation,
                },
            }
            results.append(result)
        artifacts = [
            {"location": {"uri": artifact_uri(s.path)}, "hashes": {"sha-256": s.sha256}}
            for s in report.sources
            if "#" not in s.id
        ]
        notifications = [
            {
                "level": "warning",
                "message": {"text": f"skipped {sk.reason}"},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(sk.path)}, **({"region": {"startLine": sk.line}} if sk.line else {})}}],
            }
            for sk in report.skipped
        ]
        run = {
            "tool": {"driver": {"name": report.tool.name, "version": report.tool.version, "semanticVersion": report.tool.version, "rules": rules}},
            "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
            "artifacts": artifacts,
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {"resolvedBaseline": list(report.summary.resolved_baseline)},
        }
        return {"version": SARIF_VERSION, "$schema": SARIF_SCHEMA, "runs": [run]}


def _location(claim: Claim, source: Source | None) -> dict | None:
    if source is None:
        return None
    physical: dict = {"artifactLocation": {"uri": artifact_uri(source.path)}}
    if "#" not in source.id:
        ev = claim.evidence
        end_line, end_column = span_end(ev)
        physical["region"] = {
            "startLine": ev.line,
            "startColumn": ev.column,
            "endLine": end_line,
            "endColumn": end_column,
            "snippet": {"text": ev.quote},
        }
    return {
        "physicalLocation": physical,
        "message": {"text": f"{claim.source}: {claim.evidence.sentence}"},
    }


def _camel(rule_id: str) -> str:
    """'count-conflict' -> 'CountConflict' (SARIF rule names are identifiers)."""
    return "".join(part[:1].upper() + part[1:] for part in rule_id.replace("_", "-").split("-") if part)
