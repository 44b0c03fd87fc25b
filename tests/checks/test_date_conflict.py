"""date_conflict: one event done on disjoint dates (conflict) and plans moved later (slip)."""

from __future__ import annotations

from checker.models import Severity

from .conftest import claim, default_rule, rule, run

CONFLICTS = rule("date_conflict", "opening-date-conflict", events=["opening", "launch"], find="conflicts")
SLIPS = rule("date_conflict", "launch-slip", severity="info", events=["opening", "launch"], find="slips")
BOTH = rule("date_conflict", "dates", events=["opening"])


def opening(on: str | None, source: str, status: str = "operational", ordinal: int | None = 3, **kw):
    quote = kw.pop("quote", f"opened its {ordinal} data center in Malaysia ({source})")
    return claim(3, kind="event", event="opening", ordinal=ordinal, on=on, source=source, status=status, quote=quote, **kw)


def test_done_on_disjoint_days_conflicts_with_exact_message() -> None:
    a = opening("2025-07-01", "a.md", quote="opened its third data center in Malaysia on July 1")
    b = opening("2025-07-15", "b.md", quote="opened its third data center in Malaysia on July 15")
    res = run(CONFLICTS, [a, b], published={"a.md": "2025-07-02", "b.md": "2025-07-20"})
    [f] = res.findings
    assert (res.compared, res.passed) == (1, 0)
    assert f.severity == Severity.error
    assert f.message == (
        "a.md says 'opened its third data center in Malaysia on July 1' (2025-07-01) but b.md says "
        "'opened its third data center in Malaysia on July 15' (2025-07-15): the opening of the 3rd data center in Malaysia on disjoint dates."
    )
    assert f.explanation["key"] == {"subject": "alibaba-group", "event": "opening", "attribute": "data_centers", "scope": "MY", "ordinal": 3}
    assert f.explanation["gap_days"] == 14


def test_month_contains_day_is_quiet() -> None:
    a = opening("2025-07-01", "a.md")
    b = opening("2025-07-01..2025-07-31", "b.md")
    res = run(CONFLICTS, [a, b])
    assert (res.findings, res.compared, res.passed) == ([], 1, 1)


def test_adjacent_days_conflict_same_day_does_not() -> None:
    assert len(run(CONFLICTS, [opening("2025-07-01", "a.md"), opening("2025-07-02", "b.md")]).findings) == 1
    assert run(CONFLICTS, [opening("2025-07-01", "a.md"), opening("2025-07-01", "b.md")]).findings == []


def test_other_ordinal_scope_or_event_is_another_event() -> None:
    a = opening("2025-07-01", "a.md")
    others = [opening("2025-08-01", "b.md", ordinal=4), opening("2025-08-01", "c.md", scope="PH"), claim(3, kind="event", event="closure", ordinal=3, on="2025-08-01", source="d.md")]
    assert run(BOTH, [a, *others]).findings == []


def test_done_by_publication_date_conflicts_with_later_stated_date() -> None:
    # "opened" in an article of June 20 means on or before June 20
    a = opening("2025-06-20", "a.md")
    a = a.model_copy(update={"as_of": a.as_of.model_copy(update={"text": "published"})})
    b = opening("2025-07-01", "b.md")
    [f] = run(CONFLICTS, [a, b]).findings
    assert f.explanation["dates"] == ["by 2025-06-20", "2025-07-01"]


def test_undated_done_claims_are_not_compared() -> None:
    res = run(CONFLICTS, [opening("2025-07-01", "a.md"), opening(None, "b.md")])
    assert (res.findings, res.compared) == ([], 0)


def test_later_source_moving_a_plan_later_is_a_slip_at_info() -> None:
    a = opening("2025-09-01..2025-09-30", "a.md", status="planned", quote="plans to open its third data center in Malaysia in September")
    b = opening("2025-10-01..2025-10-31", "b.md", status="planned", quote="will open its third data center in Malaysia in October")
    res = run(SLIPS, [a, b], published={"a.md": "2025-07-02", "b.md": "2025-08-20"})
    [f] = res.findings
    assert f.severity == Severity.info
    assert f.message == (
        "a.md (2025-07-02) says 'plans to open its third data center in Malaysia in September' (planned for 2025-09-01..2025-09-30) "
        "but the later b.md (2025-08-20) says 'will open its third data center in Malaysia in October', which moves it to "
        "2025-10-01..2025-10-31: the opening of the 3rd data center in Malaysia slipped."
    )
    assert f.explanation["planned"] == "2025-09-01..2025-09-30"
    assert f.explanation["published"] == ["2025-07-02", "2025-08-20"]


def test_done_after_the_planned_date_is_a_slip_done_on_time_is_not() -> None:
    plan = opening("2025-09-01..2025-09-30", "a.md", status="planned")
    late = opening("2025-10-20", "b.md")
    on_time = opening("2025-09-15", "c.md")
    pub = {"a.md": "2025-07-02", "b.md": "2025-10-21", "c.md": "2025-09-16"}
    [f] = run(SLIPS, [plan, late], published=pub).findings
    assert f.explanation["status_later"] == "operational"
    res = run(SLIPS, [plan, on_time], published=pub)
    assert (res.findings, res.compared, res.passed) == ([], 1, 1)


def test_earlier_source_with_later_date_is_not_a_slip() -> None:
    # the later article brings the date forward: not a slip
    a = opening("2025-10-01..2025-10-31", "a.md", status="planned")
    b = opening("2025-09-01..2025-09-30", "b.md", status="planned")
    assert run(SLIPS, [a, b], published={"a.md": "2025-07-02", "b.md": "2025-08-20"}).findings == []


def test_each_claim_compares_with_every_earlier_plan() -> None:
    sep = opening("2025-09-01..2025-09-30", "a.md", status="planned")
    octo = opening("2025-10-01..2025-10-31", "b.md", status="planned")
    done = opening("2025-10-20", "c.md")
    res = run(SLIPS, [sep, octo, done], published={"a.md": "2025-07-01", "b.md": "2025-08-01", "c.md": "2025-10-21"})
    # September slipped to October (b) and to the 20 October opening (c); October was kept (b, c quiet)
    assert sorted(f.sources for f in res.findings) == [["a.md", "b.md"], ["a.md", "c.md"]]


def test_unknown_publication_leaves_claim_out_of_slips() -> None:
    a = opening("2025-09-01..2025-09-30", "a.md", status="planned")
    b = opening("2025-10-01..2025-10-31", "b.md", status="planned")
    assert run(SLIPS, [a, b], published={"a.md": "2025-07-02", "b.md": None}).findings == []


def test_conflicts_only_rule_reports_no_slips_and_ids_are_stable() -> None:
    a = opening("2025-09-01..2025-09-30", "a.md", status="planned")
    b = opening("2025-10-20", "b.md")
    pub = {"a.md": "2025-07-02", "b.md": "2025-10-21"}
    assert run(CONFLICTS, [a, b], published=pub).findings == []
    assert run(SLIPS, [a, b], published=pub).findings[0].id == run(SLIPS, [b, a], published=pub).findings[0].id


def test_default_rules() -> None:
    assert default_rule("opening-date-conflict").options.find == "conflicts"
    slip = default_rule("launch-slip")
    assert (slip.options.find, slip.severity, slip.options.slip_severity) == ("slips", Severity.info, Severity.info)


def test_a_wrong_date_is_reported_against_every_source_it_contradicts() -> None:
    # three sources agree on 8 January, a fourth says February: three findings, none among the three that agree
    agree = [opening("2025-01-08", s) for s in ("a.md", "b.md", "c.md")]
    wrong = opening("2025-02-01..2025-02-28", "d.md")
    res = run(CONFLICTS, [*agree, wrong], published={"a.md": "2025-01-08", "b.md": "2025-01-08", "c.md": "2025-01-09", "d.md": "2025-04-22"})
    assert sorted(tuple(f.sources) for f in res.findings) == [("a.md", "d.md"), ("b.md", "d.md"), ("c.md", "d.md")]
    assert (res.compared, res.passed) == (3, 2)


def test_an_unnumbered_opening_is_the_first_unless_a_source_numbers_another() -> None:
    # "opened its Mexico region on 14 January" and "its first region in Mexico ... last Tuesday" against "went live in March"
    first = opening("2025-01-14", "a.md", ordinal=1)
    unnumbered = opening("2025-03-01..2025-03-31", "b.md", ordinal=None)
    [f] = run(CONFLICTS, [first, unnumbered]).findings
    assert f.explanation["key"]["ordinal"] == 1
    second = opening("2025-06-01", "c.md", ordinal=2)
    assert run(CONFLICTS, [first, unnumbered, second]).findings == []
