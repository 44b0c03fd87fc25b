"""Model behaviour that checks rely on: interval overlap, date gaps, severity order, schema."""

import datetime as dt

from checker.models import DateInterval, Interval, Report, Severity


def test_intervals_conflict_only_when_disjoint():
    three, five = Interval(low=3, high=3), Interval(low=5, high=5)
    more_than_5000, exactly_5000 = Interval(low=5000, high=None), Interval(low=5000, high=5000)
    rounded, precise = Interval(low=52.5e9, high=53.5e9), Interval(low=53.35e9, high=53.45e9)
    assert (three.disjoint(five), more_than_5000.disjoint(exactly_5000), rounded.disjoint(precise)) == (True, False, False)
    assert Interval(low=None, high=10).disjoint(Interval(low=11, high=None)) is True


def test_interval_show_and_widen():
    assert [Interval(low=3, high=3).show(), Interval(low=5000, high=None).show(), Interval(low=None, high=12).show(), Interval(low=52.5, high=53.5).show()] == ["3", ">=5,000", "<=12", "52.5-53.5"]
    w = Interval(low=100, high=200).widened(0.03)
    assert (round(w.low, 6), round(w.high, 6)) == (97.0, 206.0)


def test_date_gap_days():
    july2 = DateInterval(start=dt.date(2025, 7, 2), end=dt.date(2025, 7, 2))
    july = DateInterval(start=dt.date(2025, 7, 1), end=dt.date(2025, 7, 31), precision="month")
    oct28 = DateInterval(start=dt.date(2025, 10, 28), end=dt.date(2025, 10, 28))
    unknown = DateInterval(start=None, end=None, precision="unknown")
    by_oct = DateInterval(start=None, end=dt.date(2025, 10, 31), precision="open")
    assert (july2.gap_days(july), july2.gap_days(oct28), july2.gap_days(unknown), by_oct.gap_days(oct28)) == (0, 118, None, 0)
    assert (unknown.show(), by_oct.show(), july.show()) == ("unknown", "..2025-10-31", "2025-07-01..2025-07-31")


def test_severity_order():
    assert [s.rank for s in Severity] == [3, 2, 1]
    assert (Severity.error.lower(), Severity.info.lower()) == (Severity.warning, Severity.info)


def test_report_schema_has_the_public_contract():
    schema = Report.model_json_schema()
    assert list(schema["properties"]) == ["tool", "sources", "skipped", "claims", "findings", "summary"]
    claim = schema["$defs"]["Claim"]["properties"]
    for key in ("id", "source", "subject", "attribute", "scope", "value", "unit", "normalised", "as_of", "status", "evidence"):
        assert key in claim
    for key in ("start", "end", "quote", "sentence", "line", "column"):
        assert key in schema["$defs"]["Span"]["properties"]
    for key in ("id", "rule", "severity", "message", "claims", "sources", "explanation"):
        assert key in schema["$defs"]["Finding"]["properties"]
    for key in ("id", "path", "title", "outlet", "url", "published", "sha256"):
        assert key in schema["$defs"]["Source"]["properties"]
