"""End to end: the CLI on each fixture story finds exactly the labelled findings, and the seeds' claims."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.evaluate import score_story, stories
from checker.models import Report

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
STORIES = [d for d in stories(FIXTURES) if not {"gold", "holdout"} & set(d.relative_to(FIXTURES).parts)]  # those two are scored, not exact


def run_cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout


@pytest.mark.parametrize("story", STORIES, ids=lambda d: d.name)
def test_story_findings_are_exactly_the_labelled_ones(story):
    code, out = run_cli("check", str(story / "sources"), "--format", "json", "--fail-on", "never")
    assert code == 0
    report = Report.model_validate_json(out)
    score = score_story(story, report)
    assert [(m["rule"], m["sources"]) for m in score.missed] == []
    assert [(f.rule, f.sources, f.message) for f in score.unexpected] == []
    assert score.quiet_broken == []
    assert score.matched == score.expected > 0


def test_count_conflicts_fail_the_run_unless_fail_on_never():
    story = FIXTURES / "alibaba-cloud" / "sources"
    assert run_cli("check", str(story), "--format", "json")[0] == 1
    assert run_cli("check", str(story), "--format", "json", "--fail-on", "never")[0] == 0
