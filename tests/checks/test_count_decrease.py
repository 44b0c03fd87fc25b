"""count_decrease: a cumulative count falls across a gap longer than the window, with no closure."""

from __future__ import annotations

from checker.models import Severity

from .conftest import claim, default_rule, rule, run

RULE = rule("count_decrease", "count-decrease", severity="warning")


def test_fall_is_flagged_with_exact_message() -> None:
    a = claim(5, source="a.md", on="2025-01-10", quote="five data centers in Malaysia")
    b = claim(3, source="b.md", on="2025-06-10", quote="three data centers in Malaysia")
    res = run(RULE, [a, b])
    [f] = res.findings
    assert (res.compared, res.passed) == (1, 0)
    assert f.severity == Severity.warning
    assert f.message == (
        "a.md says 'five data centers in Malaysia' (2025-01-10) but the later b.md says 'three data centers in Malaysia' "
        "(2025-06-10): data centers in Malaysia fell [5 -> 3] with no closure reported in between."
    )
    assert f.explanation["same_time_window_days"] == 14


def test_growth_and_equal_are_quiet() -> None:
    res = run(RULE, [claim(3, source="a.md", on="2025-01-10"), claim(5, source="b.md", on="2025-06-10"), claim(5, source="c.md", on="2025-09-10")])
    assert (res.findings, res.compared, res.passed) == ([], 2, 2)


def test_inside_the_window_is_left_to_value_conflict() -> None:
    # 14 days is the data_centers window: a fall 14 days later is not this check's business, 15 days is
    assert run(RULE, [claim(5, source="a.md", on="2025-01-01"), claim(3, source="b.md", on="2025-01-15")]).findings == []
    assert len(run(RULE, [claim(5, source="a.md", on="2025-01-01"), claim(3, source="b.md", on="2025-01-16")]).findings) == 1


def test_closure_in_between_resets() -> None:
    closure = claim(1, source="c.md", on="2025-03-01", status="closed")
    assert run(RULE, [claim(5, source="a.md", on="2025-01-10"), closure, claim(3, source="b.md", on="2025-06-10")]).findings == []
    ev = claim(1, kind="event", event="closure", source="c.md", on="2025-03-01")
    assert run(RULE, [claim(5, source="a.md", on="2025-01-10"), ev, claim(3, source="b.md", on="2025-06-10")]).findings == []
    # a closure after both does not explain the fall
    late = claim(1, source="c.md", on="2025-08-01", status="closed")
    assert len(run(RULE, [claim(5, source="a.md", on="2025-01-10"), late, claim(3, source="b.md", on="2025-06-10")]).findings) == 1


def test_a_reported_revision_resets_a_toll() -> None:
    early = claim(11300, attribute="deaths", subject=None, scope="LY", source="a.md", on="2023-09-16")
    revised = claim(3958, attribute="deaths", subject=None, scope="LY", source="b.md", on="2023-09-18")
    assert len(run(RULE, [early, revised]).findings) == 1
    note = claim(3958, kind="event", event="revision", attribute="deaths", subject=None, scope="LY", source="b.md", on="2023-09-18")
    assert run(RULE, [early, revised, note]).findings == []


def test_open_intervals_and_tallies() -> None:
    more = claim((5000, None), attribute="customers", source="a.md", on="2025-01-10", text="more than 5,000")
    assert len(run(RULE, [more, claim(4000, attribute="customers", source="b.md", on="2025-06-10")]).findings) == 1
    votes = [claim(900, attribute="votes", source="a.md", on="2025-01-10"), claim(800, attribute="votes", source="b.md", on="2025-06-10")]
    assert run(RULE, votes).findings == []


def test_toll_uses_its_one_day_window() -> None:
    deaths = [claim(50, attribute="deaths", source="a.md", on="2025-01-10"), claim(40, attribute="deaths", source="b.md", on="2025-01-12")]
    assert len(run(RULE, deaths).findings) == 1


def test_same_source_undated_and_increments_are_not_compared() -> None:
    assert run(RULE, [claim(5, source="a.md", on="2025-01-10"), claim(3, source="a.md", on="2025-06-10", start=700)]).compared == 0
    assert run(RULE, [claim(5, source="a.md", on="2025-01-10"), claim(3, source="b.md", on=None)]).compared == 0
    assert run(RULE, [claim(5, source="a.md", on="2025-01-10"), claim(3, source="b.md", on="2025-06-10", kind="increment")]).compared == 0


def test_compares_with_highest_earlier_from_another_source_and_stable_id() -> None:
    claims = [claim(4, source="a.md", on="2025-01-10"), claim(6, source="b.md", on="2025-02-10"), claim(5, source="c.md", on="2025-06-10")]
    [f] = run(RULE, claims).findings
    assert f.sources == ["b.md", "c.md"]
    assert run(RULE, claims[::-1]).findings[0].id == f.id


def test_default_rule() -> None:
    r = default_rule("count-decrease")
    assert (r.severity, r.options.attribute_kinds) == (Severity.warning, ["count", "toll"])


def test_a_toll_needs_no_subject_and_a_count_that_may_fall_is_left_alone() -> None:
    deaths = [claim(3688, source="a.md", on="2023-02-14", attribute="deaths", subject=None, scope="SY"),
              claim(3574, source="b.md", on="2023-02-20", attribute="deaths", subject=None, scope="SY")]
    [f] = run(RULE, deaths).findings
    assert f.sources == ["a.md", "b.md"]
    missing = [c.model_copy(update={"attribute": "missing"}) for c in deaths]
    assert run(RULE, missing).findings == []


def test_a_rank_is_left_to_ordinal_count_and_never_starts_a_fall() -> None:
    rank = claim((3, None), source="a.md", on="2022-11-23", attribute="regions", scope="MY", ordinal=3)
    later = [claim(2, source=s, on=d, attribute="regions", scope="MY") for s, d in (("b.md", "2023-05-18"), ("c.md", "2025-01-23"))]
    assert run(RULE, [rank, *later]).findings == []
    count = claim(3, source="a.md", on="2022-11-23", attribute="regions", scope="MY")
    assert [f.sources for f in run(RULE, [count, *later]).findings] == [["a.md", "b.md"], ["a.md", "c.md"]]
