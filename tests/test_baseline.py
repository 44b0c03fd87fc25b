"""Baselines: deterministic files, known findings, resolved ids, and `path:line:` errors."""

from __future__ import annotations

import json

import pytest

from checker import baseline
from checker.errors import InputError
from checker.models import Finding, Report, Summary, ToolInfo, Severity


def finding(fid: str, rule: str = "count-conflict") -> Finding:
    return Finding(id=fid, rule=rule, severity=Severity.error, message=f"message {fid}", claims=["c1"], sources=["a.md", "b.md"])


def report_of(*findings: Finding) -> Report:
    return Report(tool=ToolInfo(version="0"), sources=[], skipped=[], claims=[], findings=list(findings), summary=Summary(sources=0, skipped=0, claims=0, findings=len(findings)))


def test_dumps_is_sorted_and_deterministic():
    text = baseline.dumps([finding("bbb"), finding("aaa"), finding("bbb")])
    assert text == baseline.dumps([finding("aaa"), finding("bbb")])
    data = json.loads(text)
    assert data == {
        "claimcheck_baseline": 1,
        "findings": [
            {"id": "aaa", "rule": "count-conflict", "message": "message aaa", "sources": ["a.md", "b.md"]},
            {"id": "bbb", "rule": "count-conflict", "message": "message bbb", "sources": ["a.md", "b.md"]},
        ],
    }
    assert text.endswith("}\n")


def test_apply_marks_known_and_lists_resolved(tmp_path):
    path = tmp_path / "b.json"
    path.write_text(baseline.dumps([finding("aaa"), finding("gone")]), encoding="utf-8")
    out = baseline.apply(report_of(finding("aaa"), finding("new1")), baseline.load(path))
    assert [(f.id, f.baseline) for f in out.findings] == [("aaa", "known"), ("new1", "new")]
    assert out.summary.resolved_baseline == ["gone"]


@pytest.mark.parametrize(
    "text, message",
    [
        ('{"claimcheck_baseline": 1,\n "findings": [\n  {"id": "a"},\n  {"id": }\n]}', "b.json:4: not valid JSON: Expecting value (column 10)"),
        ('[1, 2]', 'b.json:1: a baseline must be a JSON object with "claimcheck_baseline" and "findings" (accepted: output of `claimcheck baseline`)'),
        ('{\n "claimcheck_baseline": 7,\n "findings": []}', "b.json:2: unsupported baseline version 7 (accepted: 1)"),
        ('{"claimcheck_baseline": 1,\n\n "findings": {}}', 'b.json:3: "findings" must be a list (accepted: a list of {id, rule, message, sources})'),
        ('{"claimcheck_baseline": 1,\n "findings": [\n  {"id": "a"},\n  {"rule": "x"}\n]}', 'b.json:4: finding 2 needs an "id" string (accepted: id, rule, message, sources)'),
        ('{"claimcheck_baseline": 1,\n "findings": [\n  {"id": "a", "sevrity": "x"}\n]}', "b.json:3: finding 1 has unknown key 'sevrity' (accepted: id, rule, message, sources)"),
        ('{"claimcheck_baseline": 1,\n "findings": [\n  "a"\n]}', "b.json:3: finding 1 must be an object (accepted: id, rule, message, sources)"),
    ],
)
def test_bad_baseline_says_path_line_and_what_is_wrong(tmp_path, monkeypatch, text, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "b.json").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        baseline.load("b.json")
    assert str(exc.value) == message


def test_missing_baseline_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match=r"^nope.json: baseline file not found"):
        baseline.load("nope.json")
