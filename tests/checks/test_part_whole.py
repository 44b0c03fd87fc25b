"""part_whole: a count in a sub-scope above the count in a scope that contains it."""

from __future__ import annotations

import datetime as dt

from checker.checks.part_whole import containing
from checker.models import Severity

from .conftest import claim, default_rule, lexicon, rule, run

RULE = rule("part_whole", "part-whole")


def johor(n: float, **kw):
    return claim(n, scope="MY-01", parents=["MY"], **kw)


def test_containing_scopes() -> None:
    lx = lexicon()
    assert containing(johor(1), lx) == ["MY", "southeast-asia", "asia-pacific", "global"]
    assert containing(claim(1, scope="SG"), lx) == ["southeast-asia", "asia-pacific", "global"]
    assert containing(claim(1, scope="global"), lx) == []


def test_part_above_whole_with_exact_message() -> None:
    res = run(RULE, [johor(3, source="a.md", quote="three data centers in Johor"), claim(2, source="b.md", on="2025-07-03", quote="two data centers in Malaysia")])
    [f] = res.findings
    assert f.severity == Severity.error
    assert f.message == (
        "a.md says 'three data centers in Johor' (2025-07-02) but b.md says 'two data centers in Malaysia' (2025-07-03): "
        "data centers in Johor exceed those in Malaysia, which contains it [3 > 2]."
    )
    assert f.explanation["key"] == {"subject": "alibaba-group", "attribute": "data_centers", "part_scope": "MY-01", "whole_scope": "MY"}
    assert (res.compared, res.passed) == (1, 0)


def test_whole_first_then_part_and_region_whole() -> None:
    assert len(run(RULE, [claim(2, source="b.md", on="2025-07-01"), johor(3, source="a.md", on="2025-07-02")]).findings) == 1
    region = claim(4, scope="southeast-asia", source="b.md")
    assert len(run(RULE, [claim(5, source="a.md"), region]).findings) == 1


def test_part_equal_or_below_and_unrelated_places_are_quiet() -> None:
    assert run(RULE, [johor(3, source="a.md"), claim(3, source="b.md")]).findings == []
    assert run(RULE, [claim(4, scope="SG", source="a.md"), claim(3, source="b.md")]).compared == 0


def test_window_edges_and_same_source() -> None:
    assert len(run(RULE, [johor(3, source="a.md", on="2025-07-01"), claim(2, source="b.md", on="2025-07-15")]).findings) == 1
    assert run(RULE, [johor(3, source="a.md", on="2025-07-01"), claim(2, source="b.md", on="2025-07-16")]).compared == 0
    # one article contradicting itself is flagged too
    assert len(run(RULE, [johor(3, source="a.md"), claim(2, source="a.md", start=900)]).findings) == 1


def test_planned_part_is_left_out_and_unknown_date_lowers() -> None:
    assert run(RULE, [johor(3, source="a.md", status="planned"), claim(2, source="b.md")]).compared == 0
    [f] = run(RULE, [johor(3, source="a.md", on=None), claim(2, source="b.md")]).findings
    assert f.severity == Severity.warning
    assert f.message.endswith("[3 > 2], one date unknown.")


def test_stable_id_and_default_rule() -> None:
    claims = [johor(3, source="a.md"), claim(2, source="b.md")]
    assert run(RULE, claims).findings[0].id == run(RULE, claims[::-1]).findings[0].id
    assert default_rule("part-whole").severity == Severity.error


def test_a_toll_in_one_country_above_the_global_toll_needs_no_subject() -> None:
    turkey = claim(16170, source="a.md", on="2023-02-09", attribute="deaths", subject=None, scope="TR", scope_name="Turkey")
    both = claim(15383, source="b.md", on="2023-02-09", attribute="deaths", subject=None, scope="global")
    [f] = run(RULE, [turkey, both]).findings
    assert (f.sources, f.explanation["key"]["whole_scope"]) == (["a.md", "b.md"], "global")


def _at(c, part: str):
    return c.model_copy(update={"as_of": c.as_of.model_copy(update={"part_of_day": part})})


def test_a_part_counted_at_a_later_hour_than_its_whole_is_growth() -> None:
    whole = claim(1037, source="a.md", on="2023-09-09", attribute="deaths", subject=None, scope="MA", id="w")
    part = claim(1293, source="a.md", on="2023-09-09", attribute="deaths", subject=None, scope="MA-HAO", parents=["MA-07", "MA"], id="p")
    assert run(RULE, [_at(whole, "afternoon"), _at(part, "night")]).findings == []
    assert len(run(RULE, [_at(whole, "night"), _at(part, "afternoon")]).findings) == 1
    assert len(run(RULE, [whole, part]).findings) == 1


def test_a_state_s_forecast_above_each_national_forecast_for_the_same_year() -> None:
    def jobs(n, source, scope="MY", by="2028-12-31", kind="count", **kw):
        c = claim(n, source=source, attribute="jobs", scope=scope, parents=None if scope == "MY" else ["MY"], status="planned", kind=kind, **kw)
        return c.model_copy(update={"as_of": c.as_of.model_copy(update={"start": None, "end": dt.date.fromisoformat(by), "text": "by 2028"})})

    national = [jobs(37575, "a.md", kind="increment"), jobs(38000, "b.md")]
    selangor = jobs(40000, "c.md", scope="MY-10")
    assert sorted(f.sources for f in run(RULE, [*national, selangor]).findings) == [["c.md", "a.md"], ["c.md", "b.md"]]  # the part first
    assert run(RULE, [*national, jobs(40000, "c.md", scope="MY-10", by="2030-12-31")]).findings == []  # another year's forecast
    assert run(RULE, [*national, jobs(20000, "c.md", scope="MY-10")]).findings == []
