"""The gold set: precision and recall of findings over labelled stories."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.evaluate import score_story, stories

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "gold"


@pytest.fixture(scope="module")
def scores():
    if not GOLD.is_dir():
        pytest.skip("fixtures/gold is missing")
    return [score_story(d) for d in stories(GOLD)]


def test_gold_set_size(scores):
    articles = sum(len(list((GOLD / s.story / "sources").glob("*.md"))) for s in scores if (GOLD / s.story).is_dir())
    assert len(scores) >= 4
    assert articles >= 40


def test_precision_and_recall(scores):
    matched = sum(s.matched for s in scores)
    produced = sum(s.produced for s in scores)
    expected = sum(s.expected for s in scores)
    precision, recall = matched / produced, matched / expected
    detail = {s.story: (round(s.precision, 3), round(s.recall, 3), [m.get("rule") for m in s.missed], [f.rule for f in s.unexpected]) for s in scores}
    assert precision >= 0.9, detail
    assert recall >= 0.85, detail


def test_traps_stay_quiet(scores):
    broken = [(s.story, p.get("trap"), p.get("sources")) for s in scores for p in s.quiet_broken]
    kept = sum(s.quiet_pairs for s in scores) - len(broken)
    assert kept / max(1, sum(s.quiet_pairs for s in scores)) >= 0.9, broken


def test_evaluate_reads_every_folder_given_and_names_a_missing_one(capsys):
    from checker.evaluate import main

    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    assert main([str(fixtures / "gold"), str(fixtures / "alibaba-cloud")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1].split() == ["all", "23", "23", "23", "1.000", "1.000", "54/54"]
    assert main([str(fixtures / "no-such-story")]) == 2
    assert "no such folder" in capsys.readouterr().err
