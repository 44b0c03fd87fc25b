"""SARIF 2.1.0: valid against the official schema, one result per finding, a region per evidence span."""

from __future__ import annotations

import json

import jsonschema

from checker.pipeline import check_paths
from checker.report import Format, render
from checker.report.sarif import artifact_uri
from checker.ruleset import load_ruleset


def sarif_of(report, descriptions=None) -> dict:
    return json.loads(render(Format.sarif, report, descriptions=descriptions or {}))


def test_validates_against_the_official_schema(report, descriptions, sarif_schema):
    jsonschema.validate(sarif_of(report, descriptions), sarif_schema)


def test_one_result_per_finding_with_a_region_per_evidence_span(report):
    run = sarif_of(report)["runs"][0]
    assert len(run["results"]) == len(report.findings) == 1
    result = run["results"][0]
    finding = report.findings[0]
    assert result["ruleId"] == "count-conflict"
    assert result["level"] == "error"
    assert result["message"]["text"] == finding.message
    assert result["partialFingerprints"] == {"claimcheckFindingId/v1": finding.id}
    assert result["properties"]["explanation"] == finding.explanation
    regions = [(loc["physicalLocation"]["artifactLocation"]["uri"], loc["physicalLocation"]["region"]) for loc in result["locations"]]
    assert regions == [
        ("corpus/a.md", {"startLine": 7, "startColumn": 24, "endLine": 7, "endColumn": 54, "snippet": {"text": "three data centers in Malaysia"}}),
        ("corpus/b.md", {"startLine": 6, "startColumn": 24, "endLine": 6, "endColumn": 53, "snippet": {"text": "five data centers in Malaysia"}}),
    ]
    assert run["columnKind"] == "unicodeCodePoints"


def test_regions_point_at_the_quote_in_the_file(report):
    """Line and column index the file's own text, so an editor jumps to the quote."""
    for result in sarif_of(report)["runs"][0]["results"]:
        for loc in result["locations"]:
            phys = loc["physicalLocation"]
            lines = open(phys["artifactLocation"]["uri"], encoding="utf-8").read().split("\n")
            r = phys["region"]
            assert lines[r["startLine"] - 1][r["startColumn"] - 1 : r["endColumn"] - 1] == r["snippet"]["text"]


def test_rules_are_listed_once_with_level_from_severity(report, descriptions):
    driver = sarif_of(report, descriptions)["runs"][0]["tool"]["driver"]
    ids = [r["id"] for r in driver["rules"]]
    assert len(ids) == len(set(ids)) == len(report.summary.rules)
    rule = driver["rules"][ids.index("count-conflict")]
    assert rule["shortDescription"] == {"text": "Counts of the same thing in the same place disagree at the same time."}
    assert rule["defaultConfiguration"] == {"level": "error"}
    result = sarif_of(report, descriptions)["runs"][0]["results"][0]
    assert result["ruleIndex"] == ids.index("count-conflict")


def test_skipped_files_are_notifications(corpus, sarif_schema):
    (corpus / "empty.md").write_text("  \n", encoding="utf-8")
    doc = json.loads(render(Format.sarif, check_paths(["corpus/"], ruleset=load_ruleset([]))))
    jsonschema.validate(doc, sarif_schema)
    notes = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [n["message"]["text"] for n in notes] == ["skipped corpus/empty.md: empty file"]


def test_artifact_uris():
    assert artifact_uri("corpus/a b.md") == "corpus/a%20b.md"
    assert artifact_uri("/abs/x.md") == "file:///abs/x.md"


def test_jsonl_records_get_a_location_without_a_region(corpus, sarif_schema):
    (corpus / "a.md").unlink()
    (corpus / "feed.jsonl").write_text(
        json.dumps({"id": "r1", "text": "Alibaba Cloud now runs three data centers in Malaysia.", "outlet": "Feed", "published": "2025-07-02"}) + "\n",
        encoding="utf-8",
    )
    report = check_paths(["corpus/"], ruleset=load_ruleset([]))
    doc = json.loads(render(Format.sarif, report))
    jsonschema.validate(doc, sarif_schema)
    locations = [loc["physicalLocation"] for r in doc["runs"][0]["results"] for loc in r["locations"]]
    assert {"artifactLocation": {"uri": "corpus/feed.jsonl"}} in locations
    assert [loc["artifactLocation"]["uri"] for loc in locations if "region" in loc] == ["corpus/b.md"]
