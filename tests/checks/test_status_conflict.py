"""status_conflict: done by one source, still planned by a source of the same time or later."""

from __future__ import annotations

from checker.models import Severity

from .conftest import claim, default_rule, rule, run

RULE = rule("status_conflict", "status-conflict", events=["opening", "launch"])


def ev(source: str, status: str, on: str | None = "2025-07-02", quote: str | None = None, ordinal: int = 3, **kw):
    return claim(ordinal, kind="event", event="opening", ordinal=ordinal, source=source, status=status, on=on, quote=quote or f"{status} third data center in Malaysia", **kw)


def test_planned_after_done_conflicts_with_exact_message() -> None:
    done = ev("a.md", "operational", quote="opened its third data center in Malaysia")
    plan = ev("b.md", "planned", on="2025-07-10", quote="plans to open its third data center in Malaysia")
    res = run(RULE, [done, plan])
    [f] = res.findings
    assert (res.compared, res.passed) == (1, 0)
    assert f.severity == Severity.error
    assert f.message == (
        "b.md says 'plans to open its third data center in Malaysia' (still planned, published 2025-07-10) but a.md says "
        "'opened its third data center in Malaysia' (done by 2025-07-02): the opening of the 3rd data center in Malaysia "
        "is reported both done and planned."
    )
    assert f.sources == ["a.md", "b.md"]


def test_same_day_conflicts_day_before_does_not() -> None:
    done = ev("a.md", "operational", on="2025-07-02")
    assert len(run(RULE, [done, ev("b.md", "planned", on="2025-07-02")]).findings) == 1
    res = run(RULE, [done, ev("b.md", "planned", on="2025-07-01")])
    assert (res.findings, res.compared, res.passed) == ([], 1, 1)


def test_window_option_widens_same_time() -> None:
    wide = rule("status_conflict", "status-conflict", same_time_window_days=3)
    done = ev("a.md", "operational", on="2025-07-05")
    assert len(run(wide, [done, ev("b.md", "planned", on="2025-07-02")]).findings) == 1
    assert run(wide, [done, ev("b.md", "planned", on="2025-07-01")]).findings == []


def test_under_construction_counts_as_not_yet() -> None:
    assert len(run(RULE, [ev("a.md", "operational"), ev("b.md", "under_construction", on="2025-07-09")]).findings) == 1


def test_unknown_publication_lowers_severity() -> None:
    res = run(RULE, [ev("a.md", "operational"), ev("b.md", "planned", on=None)], published={"b.md": None})
    [f] = res.findings
    assert f.severity == Severity.warning
    assert f.message.endswith("reported both done and planned, one date unknown.")


def test_same_source_other_ordinal_or_no_done_claim_is_quiet() -> None:
    assert run(RULE, [ev("a.md", "operational"), ev("a.md", "planned", on="2025-07-09", start=400)]).findings == []
    assert run(RULE, [ev("a.md", "operational"), ev("b.md", "planned", on="2025-07-09", ordinal=4)]).findings == []
    assert run(RULE, [ev("a.md", "planned"), ev("b.md", "planned", on="2025-07-09")]).compared == 0


def test_stable_id() -> None:
    claims = [ev("a.md", "operational"), ev("b.md", "planned", on="2025-07-10")]
    assert run(RULE, claims).findings[0].id == run(RULE, claims[::-1]).findings[0].id


def test_default_rule() -> None:
    assert default_rule("status-conflict").options.same_time_window_days == 0
