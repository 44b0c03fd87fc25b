"""run_rules: every rule runs, findings are sorted and deduplicated, summaries count what was compared."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.engine import resolve_facts, run_rules
from checker.errors import RuleFileError
from checker.models import Severity
from checker.ruleset import load_ruleset

from tests.checks.conftest import claim, source


def test_summary_per_rule_and_sorted_findings() -> None:
    rs = load_ruleset()
    claims = [
        claim(5, source="a.md", on="2025-07-02"),
        claim(2, source="b.md", on="2025-07-03"),
        claim(3, kind="event", event="opening", ordinal=3, source="a.md", on="2025-07-02"),
        claim(3, kind="event", event="opening", ordinal=3, source="c.md", on="2025-07-10", status="planned"),
    ]
    findings, summaries = run_rules(rs, claims, [source("a.md", "2025-07-02"), source("b.md", "2025-07-03"), source("c.md", "2025-07-10")])
    by_rule = {s.rule: s for s in summaries}
    assert [s.rule for s in summaries] == [r.id for r in rs.rules]
    assert (by_rule["count-conflict"].compared, by_rule["count-conflict"].passed, by_rule["count-conflict"].flagged) == (1, 0, 1)
    assert (by_rule["status-conflict"].compared, by_rule["status-conflict"].flagged) == (1, 1)
    # 5 data centers against "its third" on the same day is also an ordinal-count finding
    assert [f.rule for f in findings] == ["count-conflict", "ordinal-count", "status-conflict"]
    assert all(f.severity == Severity.error for f in findings)
    ranks = [f.severity.rank for f in findings]
    assert ranks == sorted(ranks, reverse=True)


def test_findings_are_deterministic_across_runs() -> None:
    rs = load_ruleset()
    claims = [claim(5, source="a.md"), claim(2, source="b.md", on="2025-07-03"), claim(9, source="c.md", on="2025-07-04")]
    srcs = [source("a.md"), source("b.md", "2025-07-03"), source("c.md", "2025-07-04")]
    first, _ = run_rules(rs, claims, srcs)
    again, _ = run_rules(rs, list(reversed(claims)), srcs)
    assert [f.id for f in first] == [f.id for f in again]
    assert len({f.id for f in first}) == len(first)


def test_facts_given_as_path_are_loaded_and_errors_are_located(tmp_path: Path) -> None:
    good = tmp_path / "facts.yaml"
    good.write_text("facts:\n  - {subject: alibaba-cloud, attribute: data_centers, scope: MY, value: 3, as_of: 2025-07-02}\n", encoding="utf-8")
    assert [f.scope for f in resolve_facts(good)] == ["MY"]
    assert [f.scope for f in resolve_facts([str(good), good])] == ["MY", "MY"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("facts:\n  - {subject: x, attribute: y, scope: MY, value: 3, colour: red}\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as exc:
        run_rules(load_ruleset(), [], [], facts=bad)
    assert exc.value.problems[0].startswith(f"{bad}:2: unknown key 'colour' in facts.0 (accepted: id, subject")
