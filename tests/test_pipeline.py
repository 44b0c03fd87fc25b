"""check_paths: facts reach the rules, paths are relative, --new filtering, progress callbacks."""

from __future__ import annotations

import pytest

import checker.pipeline as pipeline
from checker.errors import InputError
from checker.pipeline import check_paths, display_path, only_new
from checker.ruleset import load_ruleset

ARTICLE = """---
outlet: Daily {n}
published: 2025-07-0{n}
---
Alibaba Cloud runs {count} data centers in Malaysia.
"""


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "corpus"
    folder.mkdir()
    for n, count in ((1, "three"), (2, "five")):
        (folder / f"{n}.md").write_text(ARTICLE.format(n=n, count=count), encoding="utf-8")
    return folder


def test_facts_are_passed_to_run_rules(corpus, monkeypatch):
    monkeypatch.setattr(pipeline, "resolve_facts", lambda path: [{"fact from": str(path)}])
    got = {}
    real = pipeline.run_rules

    def spy(ruleset, claims, sources, facts=None):
        got["facts"] = facts
        return real(ruleset, claims, sources)

    monkeypatch.setattr(pipeline, "run_rules", spy)
    check_paths(["corpus/"], ruleset=load_ruleset([]), facts="facts.yaml")
    assert got == {"facts": [{"fact from": "facts.yaml"}]}
    check_paths(["corpus/"], ruleset=load_ruleset([]))
    assert got == {"facts": None}


def test_paths_in_the_report_are_relative(corpus):
    report = check_paths([corpus], ruleset=load_ruleset([]))
    assert [s.path for s in report.sources] == ["corpus/1.md", "corpus/2.md"]
    assert display_path("./corpus//1.md") == "corpus/1.md"


def test_progress_is_called_once_per_source(corpus):
    calls = []
    check_paths(["corpus/"], ruleset=load_ruleset([]), progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 2), (2, 2)]


def test_only_new_keeps_findings_with_a_new_source(corpus):
    report = check_paths(["corpus/"], ruleset=load_ruleset([]))
    assert len(report.findings) == 1
    assert only_new(report, {"2.md"}).findings == report.findings
    none = only_new(report, {"other.md"})
    assert none.findings == [] and none.summary.findings == 0 and none.summary.by_severity == {}


def test_nothing_readable_is_an_input_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no source could be read"):
        check_paths(["empty"], ruleset=load_ruleset([]))
