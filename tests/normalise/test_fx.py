"""FX: dated ECB rates, the nearest date outside the data range, unknown currencies."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.models import Interval
from checker.normalise import fx


def test_usd_is_identity() -> None:
    n = fx.to_usd(Interval(low=52.5e9, high=53.5e9, text="$53 billion"), "USD", dt.date(2025, 7, 2))
    assert (n.value.low, n.value.high, n.unit, n.rate, n.note) == (52.5e9, 53.5e9, "USD", 1.0, None)


def test_rate_of_the_claim_date() -> None:
    r1, d1, note = fx.rate("EUR", dt.date(2024, 5, 2))
    r2, d2, _ = fx.rate("EUR", dt.date(2015, 5, 4))
    assert (d1, d2, note) == (dt.date(2024, 5, 2), dt.date(2015, 5, 4), None)
    assert r1 == pytest.approx(1.0698, abs=1e-4)
    assert r2 == pytest.approx(1.1134, abs=2e-3)


def test_interval_converted_with_rate() -> None:
    n = fx.to_usd(Interval(low=379.5e9, high=380.5e9), "CNY", dt.date(2024, 5, 2))
    assert n.unit == "USD" and n.rate_date == dt.date(2024, 5, 2)
    assert n.value.low == pytest.approx(379.5e9 * n.rate)
    assert n.value.high == pytest.approx(380.5e9 * n.rate)
    assert 0.13 < n.rate < 0.15


def test_out_of_range_uses_nearest_date_and_says_so() -> None:
    last = fx.converter().bounds["EUR"].last_date
    n = fx.to_usd(Interval(low=1, high=1), "EUR", dt.date(2099, 11, 20))
    assert n.rate_date == last
    assert n.note == f"no ECB rate for 2099-11-20; used {last.isoformat()}, the nearest date"
    early = fx.to_usd(Interval(low=1, high=1), "EUR", dt.date(1990, 1, 1))
    assert early.rate_date == dt.date(1999, 1, 4)
    assert early.note.startswith("no ECB rate for 1990-01-01; used 1999-01-04")


def test_no_date_uses_latest_and_says_so() -> None:
    rate, used, note = fx.rate("GBP", None)
    assert used == fx.converter().bounds["GBP"].last_date
    assert note.startswith("no claim date")


def test_rmb_is_cny_and_unknown_is_none() -> None:
    assert fx.rate("RMB", dt.date(2024, 5, 2)) == fx.rate("CNY", dt.date(2024, 5, 2))
    assert fx.to_usd(Interval(low=1, high=1), "XYZ", dt.date(2024, 5, 2)) is None
    assert fx.rate("BTC", None) is None
