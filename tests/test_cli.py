"""The CLI edge: formats, the CI gate (--fail-on, baseline, --new), store options, quiet; exit codes 0/1/2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.models import Report

A = """---
title: Alibaba Cloud expands in Malaysia
outlet: Daily A
published: 2025-07-02
---
Alibaba Cloud now runs three data centers in Malaysia, the company said.
"""
B = """---
title: Alibaba expands
outlet: Daily B
published: 2025-07-03
---
Alibaba Cloud operates five data centers in Malaysia.
"""
C = """---
title: Alibaba in Malaysia
outlet: Daily C
published: 2025-07-04
---
Alibaba Cloud has seven data centers in Malaysia.
"""


def run(*args: str):
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def corpus(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.md").write_text(A, encoding="utf-8")
    (folder / "b.md").write_text(B, encoding="utf-8")
    return folder


def test_fail_on_thresholds(corpus):
    assert run("check", "corpus/", "--no-store")[0] == 1
    assert run("check", "corpus/", "--no-store", "--fail-on", "warning")[0] == 1
    assert run("check", "corpus/", "--no-store", "--fail-on", "never")[0] == 0


def test_usage_errors_exit_2(corpus):
    code, _, err = run("check", "missing/", "--no-store")
    assert code == 2 and err == "claimcheck: missing: no such file or folder\n"
    code, _, err = run("check", "corpus/", "--no-store", "--format", "pdf")
    assert code == 2 and "--format: unknown format 'pdf' (accepted: terminal, md, html, json, sarif)" in err


def test_out_without_format_writes_all_four_files(corpus):
    code, out, err = run("check", "corpus/", "--out", "reports", "--no-store")
    assert code == 1
    assert sorted(p.name for p in Path("reports").iterdir()) == ["report.html", "report.json", "report.md", "report.sarif"]
    assert out.startswith("claimcheck: 2 sources, 0 skipped,")
    assert "reports written to reports/" in err


def test_quiet_prints_only_requested_reports(corpus):
    code, out, err = run("check", "corpus/", "--out", "reports", "--no-store", "--quiet")
    assert (code, out, err) == (1, "", "")
    code, out, err = run("check", "corpus/", "--format", "json", "--no-store", "-q")
    assert code == 1 and err == ""
    assert Report.model_validate_json(out).summary.findings == 1


def test_baseline_then_check_fails_only_on_new_findings(corpus):
    code, _, err = run("baseline", "corpus/", "-o", "claimcheck-baseline.json", "--no-store")
    assert code == 0 and "baseline: 1 findings written to claimcheck-baseline.json" in err
    first = Path("claimcheck-baseline.json").read_bytes()
    run("baseline", "corpus/", "-o", "claimcheck-baseline.json", "--no-store")
    assert Path("claimcheck-baseline.json").read_bytes() == first
    known_id = json.loads(first)["findings"][0]["id"]

    code, out, _ = run("check", "corpus/", "--baseline", "claimcheck-baseline.json", "--format", "json", "--no-store")
    report = Report.model_validate_json(out)
    assert code == 0
    assert [(f.id, f.baseline) for f in report.findings] == [(known_id, "known")]

    (corpus / "c.md").write_text(C, encoding="utf-8")
    code, out, _ = run("check", "corpus/", "--baseline", "claimcheck-baseline.json", "--format", "json", "--no-store")
    report = Report.model_validate_json(out)
    assert code == 1
    assert [f.baseline for f in report.findings].count("known") == 1
    assert all("c.md" in f.sources for f in report.findings if f.baseline == "new")
    assert "new" in [f.baseline for f in report.findings]

    (corpus / "c.md").unlink()
    (corpus / "b.md").write_text(B.replace("five", "three"), encoding="utf-8")
    code, out, _ = run("check", "corpus/", "--baseline", "claimcheck-baseline.json", "--format", "json", "--no-store")
    report = Report.model_validate_json(out)
    assert code == 0
    assert report.findings == []
    assert report.summary.resolved_baseline == [known_id]


def test_bad_baseline_exits_2_with_path_and_line(corpus):
    Path("bad.json").write_text('{"claimcheck_baseline": 1,\n "findings": [\n  {"rule": "x"}\n]}', encoding="utf-8")
    code, _, err = run("check", "corpus/", "--baseline", "bad.json", "--no-store")
    assert code == 2
    assert err == 'claimcheck: bad.json:3: finding 1 needs an "id" string (accepted: id, rule, message, sources)\n'


def test_new_reports_only_findings_involving_new_sources(corpus, tmp_path):
    Path("incoming").mkdir()
    Path("incoming/c.md").write_text(C, encoding="utf-8")
    code, out, _ = run("check", "corpus/", "--new", "incoming/c.md", "--format", "json", "--no-store")
    report = Report.model_validate_json(out)
    assert code == 1
    assert report.summary.sources == 3
    assert report.findings and all("c.md" in f.sources for f in report.findings)
    assert report.summary.findings == len(report.findings)
    # the new source inside the corpus folder works the same
    Path("incoming/c.md").rename("corpus/c.md")
    code, out2, _ = run("check", "corpus/", "--new", "corpus/c.md", "--format", "json", "--no-store")
    assert [f.id for f in Report.model_validate_json(out2).findings] == [f.id for f in report.findings]
    # a new source that agrees with everything passes the gate
    Path("corpus/c.md").write_text(C.replace("seven", "five").replace("2025-07-04", "2025-07-03"), encoding="utf-8")
    code, out3, _ = run("check", "corpus/", "--new", "corpus/c.md", "--format", "json", "--no-store")
    assert code == 0 or all("c.md" in f.sources for f in Report.model_validate_json(out3).findings)


def test_store_option_caches_and_no_store_writes_nothing(corpus):
    assert run("check", "corpus/", "--store", "cache/ledger.sqlite", "-q")[0] == 1
    assert Path("cache/ledger.sqlite").is_file()
    assert run("check", "corpus/", "--no-store", "-q")[0] == 1
    assert not Path(".claimcheck").exists()
    assert run("check", "corpus/", "-q")[0] == 1
    assert Path(".claimcheck/claims.sqlite").is_file()


def test_unusable_store_exits_2(corpus):
    Path("notadb.sqlite").write_text("this is not a database " * 100, encoding="utf-8")
    code, _, err = run("check", "corpus/", "--store", "notadb.sqlite")
    assert code == 2
    assert err.startswith("claimcheck: notadb.sqlite: cannot open the claim store: file is not a database")


def test_facts_file_is_read_and_a_missing_one_exits_2(corpus):
    Path("facts.yaml").write_text("facts: []\n", encoding="utf-8")
    assert run("check", "corpus/", "--no-store", "-q", "--facts", "facts.yaml")[0] == 1
    code, _, err = run("check", "corpus/", "--no-store", "-q", "--facts", "nofacts.yaml")
    assert (code, err) == (2, "nofacts.yaml: no such facts file\n")


def test_help_lists_the_gate_options():
    _, out, _ = run("check", "--help")
    for option in ("--fail-on", "--baseline", "--new", "--store", "--no-store", "--quiet", "--facts", "--format"):
        assert option in out
    _, out, _ = run("--help")
    assert "baseline" in out


def test_terminal_summary_counts_known_and_resolved(corpus):
    run("baseline", "corpus/", "-o", "b.json", "--no-store")
    code, out, _ = run("check", "corpus/", "--baseline", "b.json", "--no-store")
    assert code == 0
    assert "1 findings (0 new, 1 known from the baseline)" in out
    assert "error (known)" in out
    (Path("corpus") / "b.md").write_text(B.replace("five", "three"), encoding="utf-8")
    known_id = json.loads(Path("b.json").read_text())["findings"][0]["id"]
    _, out, _ = run("check", "corpus/", "--baseline", "b.json", "--no-store")
    assert f"baseline findings that no longer occur: {known_id}" in out


def test_progress_bar_only_on_a_terminal_and_for_many_sources(monkeypatch):
    from checker import cli

    started = []

    class FakeProgress:
        def __init__(self, *args, **kwargs):
            started.append(kwargs["console"].stderr)

        def start(self):
            pass

        def add_task(self, name, total):
            return total

        def update(self, task, completed):
            started.append(completed)

        def stop(self):
            started.append("stopped")

    monkeypatch.setattr("rich.progress.Progress", FakeProgress)
    bar = cli._ProgressBar(enabled=True)
    for done in range(1, 21):
        bar(done, 20)
    assert started == []  # 20 sources: no bar
    for done in (1, 2):
        bar(done, 21)
    bar.close()
    assert started == [True, 1, 2, "stopped"]  # on stderr
    off = cli._ProgressBar(enabled=False)
    off(1, 500)
    off.close()
    assert started == [True, 1, 2, "stopped"]


def test_no_progress_output_when_stderr_is_not_a_terminal(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("many").mkdir()
    for i in range(25):
        Path(f"many/{i:02}.md").write_text(A.replace("three", str(3 + i % 2)), encoding="utf-8")
    code, out, err = run("check", "many/", "--no-store", "--fail-on", "never")
    assert code == 0 and "extracting" not in err and err == ""
