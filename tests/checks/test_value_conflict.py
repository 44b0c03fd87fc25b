"""value_conflict: counts and money amounts for one key inside the same-time window."""

from __future__ import annotations

import datetime as dt

from checker.models import Interval, Severity

from .conftest import claim, default_rule, rule, run

COUNTS = rule("value_conflict", "count-conflict", attributes=["data_centers", "customers"], same_time_window_days=14)
MONEY = rule("value_conflict", "investment-conflict", attributes=["investment"], same_time_window_days=30, fx_tolerance=0.03)


def test_disjoint_counts_in_window_conflict_with_exact_message() -> None:
    a = claim(5, source="a.md", on="2025-07-02", quote="five data centers in Malaysia")
    b = claim(2, source="b.md", on="2025-07-03", quote="two data centers in Malaysia")
    res = run(COUNTS, [a, b])
    assert (res.compared, res.passed) == (1, 0)
    [f] = res.findings
    assert f.severity == Severity.error
    assert f.message == (
        "a.md says 'five data centers in Malaysia' (2025-07-02) but b.md says 'two data centers in Malaysia' "
        "(2025-07-03): data centers in Malaysia [5 vs 2]."
    )
    assert f.sources == ["a.md", "b.md"]
    assert f.explanation["key"] == {"subject": "alibaba-group", "attribute": "data_centers", "scope": "MY", "unit": "count"}
    assert f.explanation["gap_days"] == 1
    assert f.explanation["same_time_window_days"] == 14


def test_window_edges_14_days_compared_15_not() -> None:
    a = claim(5, source="a.md", on="2025-07-01")
    assert len(run(COUNTS, [a, claim(2, source="b.md", on="2025-07-15")]).findings) == 1
    res = run(COUNTS, [a, claim(2, source="b.md", on="2025-07-16")])
    assert (res.findings, res.compared) == ([], 0)


def test_growth_over_a_year_is_quiet() -> None:
    res = run(COUNTS, [claim(2, source="a.md", on="2025-07-02"), claim(5, source="b.md", on="2026-06-20")])
    assert res.findings == []


def test_open_interval_overlaps_exact_value() -> None:
    more = claim((5000, None), attribute="customers", source="a.md", text="more than 5,000")
    exact = claim(5000, attribute="customers", source="b.md", on="2025-07-03")
    res = run(COUNTS, [more, exact])
    assert (res.findings, res.compared, res.passed) == ([], 1, 1)


def test_same_source_planned_ordinal_and_other_subject_are_not_compared() -> None:
    claims = [
        claim(5, source="a.md"),
        claim(2, source="a.md", start=500),
        claim(2, source="b.md", status="planned"),
        claim(3, source="c.md", ordinal=3),
        claim(2, source="d.md", subject="aws"),
        claim(2, source="e.md", scope="PH"),
    ]
    res = run(COUNTS, claims)
    assert res.findings == []


def test_unit_and_group_subject_compare_as_one() -> None:
    res = run(COUNTS, [claim(5, source="a.md", subject="alibaba-group"), claim(2, source="b.md", subject="alibaba-cloud")])
    assert len(res.findings) == 1


def test_unknown_date_is_compared_with_severity_lowered() -> None:
    res = run(COUNTS, [claim(5, source="a.md"), claim(2, source="b.md", on=None)])
    [f] = res.findings
    assert f.severity == Severity.warning
    assert f.message.endswith("[5 vs 2], one date unknown.")
    assert f.explanation["gap_days"] is None


def test_ids_are_stable_across_runs_and_claim_order() -> None:
    a, b = claim(5, source="a.md", id="x1"), claim(2, source="b.md", on="2025-07-03", id="x2")
    first = run(COUNTS, [a, b]).findings[0].id
    assert run(COUNTS, [b, a]).findings[0].id == first
    assert run(COUNTS, [a.model_copy(update={"id": "other"}), b]).findings[0].id == first


def test_one_finding_per_source_pair() -> None:
    claims = [claim(5, source="a.md"), claim(2, source="b.md", on="2025-07-03"), claim(2, source="b.md", on="2025-07-04", start=900)]
    assert len(run(COUNTS, claims).findings) == 1


def test_money_within_fx_tolerance_is_quiet() -> None:
    # 380bn yuan at 0.1389 = 52.78bn USD; "$53 billion" is [52.5, 53.5]bn
    yuan = claim((379.5e9, 380.5e9), attribute="investment", unit="CNY", usd=(379.5e9 * 0.1389, 380.5e9 * 0.1389), rate=0.1389, rate_date="2025-02-24", text="380 billion yuan", source="a.md", status="planned")
    usd = claim((52.5e9, 53.5e9), attribute="investment", unit="USD", usd=(52.5e9, 53.5e9), text="$53 billion", source="b.md", status="planned")
    res = run(MONEY, [yuan, usd])
    assert (res.findings, res.compared, res.passed) == ([], 1, 1)


def test_money_beyond_fx_tolerance_conflicts_and_explains_rates() -> None:
    yuan = claim((379.5e9, 380.5e9), attribute="investment", unit="CNY", usd=(379.5e9 * 0.1389, 380.5e9 * 0.1389), rate=0.1389, rate_date="2025-02-24", text="380 billion yuan", quote="380 billion yuan", source="a.md")
    usd = claim((59.5e9, 60.5e9), attribute="investment", unit="USD", usd=(59.5e9, 60.5e9), text="$60 billion", quote="$60 billion", source="b.md")
    [f] = run(MONEY, [yuan, usd]).findings
    assert f.explanation["fx_tolerance"] == 0.03
    assert f.explanation["rates"] == [{"currency": "CNY", "rate": 0.1389, "rate_date": "2025-02-24"}, {"currency": "USD"}]
    assert f.explanation["values"] == ["380 billion yuan", "$60 billion"]
    assert "USD]" in f.message


def test_money_unconverted_usd_amounts_are_not_widened() -> None:
    a = claim((52.5e9, 53.5e9), attribute="investment", unit="USD", usd=(52.5e9, 53.5e9), source="a.md")
    b = claim((53.55e9, 53.65e9), attribute="investment", unit="USD", usd=(53.55e9, 53.65e9), source="b.md")
    assert len(run(MONEY, [a, b]).findings) == 1


def test_money_for_different_periods_is_not_compared() -> None:
    a = claim(1e9, attribute="investment", unit="USD", usd=1e9, source="a.md", period="2025-01-01..2027-12-31")
    b = claim(2e9, attribute="investment", unit="USD", usd=2e9, source="b.md", period="2025-01-01..2029-12-31")
    assert run(MONEY, [a, b]).compared == 0


def test_same_span_from_different_days_compares_and_no_span_meets_every_span() -> None:
    # "over 15 years" said on two days: the same span; an amount with no span is compared with both spans
    a = claim(5e9, attribute="investment", unit="USD", usd=5e9, source="a.md", period="2022-08-30..2037-08-29")
    b = claim(8e9, attribute="investment", unit="USD", usd=8e9, source="b.md", period="2022-09-02..2037-09-01")
    c = claim(3e9, attribute="investment", unit="USD", usd=3e9, source="c.md", period="2022-09-02..2025-09-01")
    d = claim(5e9, attribute="investment", unit="USD", usd=5e9, source="d.md")
    res = run(MONEY, [a, b, c, d])
    assert sorted(tuple(sorted(f.sources)) for f in res.findings) == [("a.md", "b.md"), ("b.md", "d.md"), ("c.md", "d.md")]
    assert {f.explanation["key"]["period"] for f in res.findings} == {"15 years", "3 years"}


def test_a_wrong_figure_is_reported_against_every_source_it_contradicts() -> None:
    right = [claim(3, source=f"{s}.md", on="2025-07-02") for s in "abc"]
    res = run(COUNTS, [*right, claim(2, source="z.md", on="2025-07-03")])
    assert sorted(tuple(sorted(f.sources)) for f in res.findings) == [("a.md", "z.md"), ("b.md", "z.md"), ("c.md", "z.md")]


def test_default_rules_instantiate_value_conflict() -> None:
    assert default_rule("count-conflict").options.same_time_window_days is None  # the attribute's window
    assert default_rule("count-conflict").options.toll_window_days == 0
    assert default_rule("investment-conflict").options.fx_tolerance == 0.03


def test_running_toll_compares_same_day_only() -> None:
    tolls = rule("value_conflict", "count-conflict", attributes=["deaths"])
    same_day = [claim(27, attribute="deaths", source="a.md", on="2026-01-13"), claim(37, attribute="deaths", source="b.md", on="2026-01-13")]
    assert len(run(tolls, same_day).findings) == 1
    next_day = [claim(12, attribute="deaths", source="a.md", on="2026-01-12"), claim(27, attribute="deaths", source="b.md", on="2026-01-13")]
    assert run(tolls, next_day).compared == 0


def _at(c, part: str):
    return c.model_copy(update={"as_of": c.as_of.model_copy(update={"part_of_day": part})})


def test_a_toll_that_rose_between_morning_and_evening_is_quiet_one_that_fell_is_not() -> None:
    tolls = rule("value_conflict", "count-conflict", attributes=["deaths"])
    morning, evening = _at(claim(2300, attribute="deaths", source="a.md", on="2023-09-12"), "morning"), _at(claim(5300, attribute="deaths", source="b.md", on="2023-09-12"), "evening")
    assert run(tolls, [morning, evening]).findings == []
    fell = _at(claim(3500, attribute="deaths", source="c.md", on="2023-09-12"), "night")
    assert [f.sources for f in run(tolls, [morning, evening, fell]).findings] == [["b.md", "c.md"]]
    same_hour = _at(claim(3500, attribute="deaths", source="c.md", on="2023-09-12"), "evening")
    assert [f.sources for f in run(tolls, [evening, same_hour]).findings] == [["b.md", "c.md"]]


JOBS = rule("value_conflict", "count-conflict", attributes=["jobs"], same_time_window_days=30)


def forecast(value: float, source: str, by: str = "2030-01-01..2030-12-31", **kw):
    """A planned count with a target date: "will create 26,500 jobs by 2030"."""
    return claim(value, source=source, on=by, attribute="jobs", status="planned", quote=f"{value:g} jobs by 2030 ({source})", **kw)


def test_forecasts_for_the_same_date_said_in_the_same_window_conflict() -> None:
    res = run(JOBS, [forecast(26500, "a.md"), forecast(36500, "b.md")], published={"a.md": "2024-05-30", "b.md": "2024-05-31"})
    [f] = res.findings
    assert f.message == ("a.md says '26500 jobs by 2030 (a.md)' (2030-01-01..2030-12-31) but b.md says '36500 jobs by 2030 (b.md)' "
                         "(2030-01-01..2030-12-31): jobs in Malaysia [26,500 vs 36,500].")


def test_forecasts_revised_later_other_dates_or_undated_plans_are_quiet() -> None:
    # said 13 months apart: a revision, not a contradiction
    assert run(JOBS, [forecast(26500, "a.md"), forecast(36500, "b.md")], published={"a.md": "2024-05-30", "b.md": "2025-06-30"}).findings == []
    # another target date, or a stock count now: not the same forecast
    other = [forecast(26500, "a.md"), forecast(36500, "b.md", by="2028-01-01..2028-12-31")]
    assert run(JOBS, other, published={"a.md": "2024-05-30", "b.md": "2024-05-31"}).findings == []
    stock = [forecast(26500, "a.md"), claim(36500, source="b.md", on="2024-05-31", attribute="jobs")]
    assert run(JOBS, stock, published={"a.md": "2024-05-30"}).findings == []
    # a plan with no date ("plans to hire 500") stays out
    undated_plan = claim(500, source="c.md", on="2024-05-31", attribute="jobs", status="planned")
    undated_plan = undated_plan.model_copy(update={"as_of": undated_plan.as_of.model_copy(update={"text": "published"})})
    res = run(JOBS, [undated_plan, claim(900, source="d.md", on="2024-05-31", attribute="jobs", status="planned")])
    assert [f.sources for f in res.findings] == []


def flow(value: float, source: str, on: str, span: str | None = None):
    """A planned increment: "could create 60,000 new jobs during its first four years"."""
    return claim(value, source=source, on=on, attribute="jobs", kind="increment", status="planned", period=span,
                 quote=f"{value:g} new jobs ({source})")


def test_projected_flows_over_the_same_span_said_together_conflict() -> None:
    a = flow(60000, "a.md", "2021-02-25", "2021-02-26..2025-02-25")
    b = flow(6000, "b.md", "2021-02-26", "2021-02-26..2025-02-26")
    [f] = run(JOBS, [a, b]).findings
    assert (f.sources, f.explanation["key"]["scope"]) == (["a.md", "b.md"], "MY")
    # a flow with no stated span meets a flow with one
    [g] = run(JOBS, [flow(60000, "a.md", "2021-02-25"), b]).findings
    assert g.sources == ["a.md", "b.md"]


def test_projected_flows_over_other_spans_or_said_a_year_apart_are_quiet() -> None:
    four = flow(60000, "a.md", "2021-02-25", "2021-02-26..2025-02-25")
    assert run(JOBS, [four, flow(6000, "b.md", "2021-02-26", "2021-02-26..2022-02-25")]).findings == []
    res = run(JOBS, [four, flow(6000, "b.md", "2022-03-30")])
    assert (res.findings, res.compared) == ([], 0)
    # an increment already made ("added 500 jobs") is no forecast and stays out
    done = claim(500, source="c.md", on="2021-02-26", attribute="jobs", kind="increment")
    assert run(JOBS, [four, done]).compared == 0


def test_a_bracketed_conversion_is_compared_through_its_first_amount_and_a_city_s_money_is_the_country_s() -> None:
    pledge = claim(1e9, attribute="investment", unit="USD", usd=1e9, source="a.md", on="2024-09-30", id="p")
    stated = claim(1e9, attribute="investment", unit="USD", usd=1e9, source="b.md", on="2024-10-04", id="s")
    wrong_baht = claim(3.2e9, attribute="investment", unit="THB", usd=0.097e9, source="b.md", on="2024-10-04", equivalent_of="s")
    assert run(MONEY, [pledge, stated, wrong_baht]).findings == []  # conversion_consistency reports b.md alone
    in_city = claim(3e9, attribute="investment", unit="USD", usd=3e9, source="c.md", on="2024-10-01", scope="MY-01", parents=["MY"])
    [f] = run(MONEY, [claim(5e9, attribute="investment", unit="USD", usd=5e9, source="d.md", on="2024-10-02"), in_city]).findings
    assert f.sources == ["c.md", "d.md"]


PLEDGES = rule("value_conflict", "investment-conflict", attributes=["investment"], fx_tolerance=0.03)


def test_a_pledge_is_compared_over_the_attribute_s_year_long_window_except_across_a_reported_change() -> None:
    assert default_rule("investment-conflict").options.same_time_window_days is None  # investment's own window: 365 days
    may = claim(10e9, attribute="investment", unit="USD", usd=10e9, source="a.md", on="2025-05-14", status="planned")
    wrong = claim(15e9, attribute="investment", unit="USD", usd=15e9, source="b.md", on="2026-03-01", status="planned")
    assert [f.sources for f in run(PLEDGES, [may, wrong]).findings] == [["a.md", "b.md"]]
    raised = claim(12e9, attribute="investment", unit="USD", usd=12e9, source="c.md", on="2025-09-23", status="planned")
    assert len(run(PLEDGES, [may, raised]).findings) == 1  # a year apart is still the same pledge
    change = raised.model_copy(update={"id": "r", "kind": "event", "event": "revision"})
    assert run(PLEDGES, [may, raised, change]).findings == []
    after = claim(10e9, attribute="investment", unit="USD", usd=10e9, source="d.md", on="2025-10-01", status="planned")
    assert [f.sources for f in run(PLEDGES, [may, raised, change, after]).findings] == [["c.md", "d.md"]]  # the old amount after the change


def test_money_spent_so_far_is_not_compared_with_a_pledge() -> None:
    pledge = claim(5e9, attribute="investment", unit="USD", usd=5e9, source="a.md", on="2024-02-26", status="planned")
    spent = claim(3.04e9, attribute="investment", unit="USD", usd=3.04e9, source="b.md", on="2024-02-26", period="2015-01-01..2024-02-26")
    assert run(PLEDGES, [pledge, spent]).compared == 0


def test_amounts_the_sources_split_by_place_are_parts_of_the_national_one() -> None:
    def usd(value: float, source: str, scope: str = "MY", on: str = "2024-10-01", **kw):
        return claim(value, attribute="investment", unit="USD", usd=value, source=source, on=on, scope=scope,
                     parents=None if scope == "MY" else ["MY"], **kw)

    national = usd(12.7e9, "n.md")
    johor, penang = usd(4.4e9, "j.md", "MY-01"), usd(8.3e9, "p.md", "MY-07")
    # two places' amounts: each is a part of the national plan, and the two places differ
    assert run(MONEY, [national, johor, penang]).findings == []
    # one source gives a place's amount beside a different national one: the place's is a part
    said_both = [usd(4.4e9, "s.md", "MY-01", id="s1"), usd(12.7e9, "s.md", id="s2")]
    assert run(MONEY, [national, johor, *said_both]).findings == []
    # a place's amount above its country's still disagrees
    too_big = usd(20e9, "t.md", "MY-07")
    assert [f.sources for f in run(MONEY, [national, johor, too_big]).findings] == [["n.md", "t.md"]]


def test_money_spent_between_two_past_years_meets_money_spent_not_a_pledge() -> None:
    pledge = claim(12.7e9, attribute="investment", unit="USD", usd=12.7e9, source="a.md", on="2023-05-18", status="planned")
    spent = claim(3.7e9, attribute="investment", unit="USD", usd=3.7e9, source="b.md", on="2023-05-18", period="2016-01-01..2022-12-31")
    assert run(PLEDGES, [pledge, spent]).compared == 0
    other = claim(5e9, attribute="investment", unit="USD", usd=5e9, source="c.md", on="2023-05-19", period="2016-01-01..2022-12-31")
    assert [f.sources for f in run(PLEDGES, [pledge, spent, other]).findings] == [["b.md", "c.md"]]


def test_amounts_in_two_currencies_that_agree_at_either_date_s_rate_are_one_pledge() -> None:
    from checker.normalise import fx

    def money(value: float, unit: str, source: str, on: str):
        usd = fx.to_usd(Interval(low=value, high=value, text=""), unit, dt.date.fromisoformat(on))
        return claim(value, attribute="investment", unit=unit, usd=usd.value.low, rate=usd.rate, rate_date=on, source=source, on=on)

    nzd_2021 = money(7.5e9, "NZD", "a.md", "2021-09-23")  # about US$5.3 billion then
    eur_2025 = money(3.8e9, "EUR", "b.md", "2025-09-04")  # about US$4.4 billion, what NZ$7.5 billion was worth then
    assert run(rule("value_conflict", "investment-conflict", attributes=["investment"], fx_tolerance=0.03,
                    same_time_window_days=2000), [nzd_2021, eur_2025]).findings == []
    wrong = money(6.0e9, "EUR", "c.md", "2025-09-04")
    assert len(run(rule("value_conflict", "investment-conflict", attributes=["investment"], fx_tolerance=0.03,
                        same_time_window_days=2000), [nzd_2021, wrong]).findings) == 1


def test_a_toll_dated_only_to_a_span_meets_no_other_toll() -> None:
    week = claim(20, source="a.md", attribute="deaths", subject=None, scope="PH", on="2024-09-02..2024-09-06")
    later = claim(21, source="b.md", attribute="deaths", subject=None, scope="PH", on="2024-09-05")
    assert run(default_rule("count-conflict"), [week, later]).compared == 0
    assert len(run(default_rule("count-conflict"), [later, claim(30, source="c.md", attribute="deaths", subject=None, scope="PH", on="2024-09-05")]).findings) == 1


def test_a_forecast_for_one_year_repeated_months_later_is_still_the_same_forecast() -> None:
    def jobs(n: float, source: str):
        c = claim(n, source=source, attribute="jobs", scope="ZA", status="planned", on="2030-12-31")
        return c.model_copy(update={"as_of": c.as_of.model_copy(update={"start": None, "text": "by 2030"})})

    said = {"a.md": "2024-01-30", "b.md": "2024-06-18", "c.md": "2025-09-01"}
    found = run(default_rule("count-conflict"), [jobs(40000, "a.md"), jobs(4000, "b.md")], published=said).findings
    assert [f.sources for f in found] == [["a.md", "b.md"]]
    assert run(default_rule("count-conflict"), [jobs(40000, "a.md"), jobs(4000, "c.md")], published=said).findings == []
