"""JSON against `claimcheck schema`, Markdown content, and byte-identical output in every format."""

from __future__ import annotations

import json

import jsonschema
import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.models import Report
from checker.pipeline import check_paths
from checker.report import FILE_FORMATS, Format, render
from checker.report.markdown import md_escape
from checker.ruleset import load_ruleset


def test_json_validates_against_the_printed_schema(report):
    schema = json.loads(CliRunner().invoke(app, ["schema"]).stdout)
    doc = json.loads(render(Format.json, report))
    jsonschema.validate(doc, schema)
    assert list(doc) == ["tool", "sources", "skipped", "claims", "findings", "summary"]


def test_report_paths_are_relative_to_the_working_directory(corpus):
    report = check_paths([corpus.resolve()], ruleset=load_ruleset([]))  # an absolute argument
    assert [s.path for s in report.sources] == ["corpus/a.md", "corpus/b.md"]
    assert [s.id for s in report.sources] == ["a.md", "b.md"]


@pytest.mark.parametrize("fmt", [f for f in Format])
def test_same_input_gives_byte_identical_reports(corpus, fmt):
    first = render(fmt, check_paths(["corpus/"], ruleset=load_ruleset([])))
    second = render(fmt, check_paths(["corpus/"], ruleset=load_ruleset([])))
    assert first.encode() == second.encode()


def test_cli_writes_the_same_bytes_twice(corpus, tmp_path):
    for out in ("out1", "out2"):
        result = CliRunner().invoke(app, ["check", "corpus/", "--out", out, "--no-store", "--quiet"])
        assert result.exit_code == 1
    for fmt in FILE_FORMATS:
        name = f"report.{fmt.value}"
        assert (tmp_path / "out1" / name).read_bytes() == (tmp_path / "out2" / name).read_bytes()


def test_markdown_shows_summary_quotes_with_figure_and_explanation(report, descriptions):
    md = render(Format.md, report, descriptions=descriptions)
    assert f"| 2 | 0 | {len(report.claims)} | 1 | 1 | 0 | 0 | 1 | 0 |" in md
    assert "| error | `count-conflict` | 1 |" in md
    assert "  > Alibaba Cloud now runs ***three* data centers in Malaysia**, the company said." in md
    assert "- **a.md** (Daily A, published 2025-07-02), line 7, column 24:" in md
    assert "  value three \\[3\\]; as of 2025-07-02 (published); status operational" in md
    assert "- gap\\_days: 1" in md
    assert "### alibaba-group" in md


def test_markdown_escapes_article_html():
    assert md_escape("<script>alert(1)</script> [x](javascript:y)") == "&lt;script&gt;alert(1)&lt;/script&gt; \\[x\\](javascript:y)"


def test_known_findings_are_marked_in_markdown(report):
    known = report.model_copy(update={"findings": [f.model_copy(update={"baseline": "known"}) for f in report.findings]})
    md = render(Format.md, known)
    assert f"#### ERROR · `count-conflict` · `{report.findings[0].id}` · known (in baseline)" in md


def test_report_model_round_trips(report):
    assert Report.model_validate_json(render(Format.json, report)) == report
