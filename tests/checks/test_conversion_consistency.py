"""conversion_consistency: one amount in two currencies in one source, at the day's ECB rate."""

from __future__ import annotations

import datetime as dt
import importlib.util

import pytest

from checker.checks import conversion_consistency
from checker.models import Interval, Normalised

from .conftest import claim, default_rule, rule, run

RULE = rule("conversion_consistency", "conversion-consistency", fx_tolerance=0.03)


def fake_to_usd(value: Interval, currency: str, on: dt.date | None) -> Normalised | None:
    rates = {"USD": 1.0, "CNY": 0.14}
    if currency not in rates:
        return None
    return Normalised(value=value.scaled(rates[currency]), unit="USD", rate=rates[currency], rate_date=dt.date(2025, 2, 24))


def pair(usd_low: float, usd_high: float):
    yuan = claim((379.5e9, 380.5e9), attribute="investment", unit="CNY", text="380 billion yuan", quote="380 billion yuan", id="cny", start=10, on="2025-02-24")
    usd = claim((usd_low, usd_high), attribute="investment", unit="USD", text="$", quote=f"${(usd_low + usd_high) / 2e9:g} billion", id="usd", start=40, on="2025-02-24", equivalent_of="cny")
    return [yuan, usd]


@pytest.fixture()
def fx(monkeypatch):
    monkeypatch.setattr(conversion_consistency, "_to_usd", lambda: fake_to_usd)


def test_consistent_pair_passes(fx) -> None:
    res = run(RULE, pair(52.5e9, 53.5e9))  # 380bn * 0.14 = 53.2bn
    assert (res.findings, res.compared, res.passed) == ([], 1, 1)


def test_inconsistent_pair_is_flagged_with_rates(fx) -> None:
    res = run(RULE, pair(59.5e9, 60.5e9))
    [f] = res.findings
    assert f.message == (
        "a.md gives '380 billion yuan' and '$60 billion' as the same amount (2025-02-24), but at the ECB rates "
        "(1 CNY = 0.14 USD on 2025-02-24) they differ beyond 3% [51.54bn-54.87bn vs 59.5bn-60.5bn USD]."
    )
    assert f.explanation["rates"] == [{"currency": "CNY", "rate": 0.14, "rate_date": "2025-02-24"}, {"currency": "USD", "rate": 1.0}]
    assert f.explanation["fx_tolerance"] == 0.03
    assert f.claims == ["cny", "usd"]


def test_tolerance_edge(fx) -> None:
    # CNY widened: high 380.5bn * 0.14 * 1.03 = 54.868bn
    assert run(RULE, pair(54.868e9, 55e9)).findings == []
    assert len(run(RULE, pair(54.87e9, 55e9)).findings) == 1


def test_unlinked_unknown_currency_and_other_source_are_not_compared(fx) -> None:
    a, b = pair(59.5e9, 60.5e9)
    assert run(RULE, [a, b.model_copy(update={"equivalent_of": None})]).compared == 0
    assert run(RULE, [a.model_copy(update={"unit": "XXX"}), b]).compared == 0
    assert run(RULE, [a, b.model_copy(update={"source": "b.md"})]).compared == 0


def test_missing_fx_module_compares_nothing(monkeypatch) -> None:
    monkeypatch.setattr(conversion_consistency, "_to_usd", lambda: None)
    assert run(RULE, pair(59.5e9, 60.5e9)).compared == 0


@pytest.mark.skipif(importlib.util.find_spec("checker.normalise.fx") is None, reason="checker.normalise.fx has not landed yet")
def test_with_real_ecb_rates() -> None:
    res = run(default_rule("conversion-consistency"), pair(52.5e9, 53.5e9))
    assert (res.compared, res.passed) == (1, 1)
    [f] = run(default_rule("conversion-consistency"), pair(59.5e9, 60.5e9)).findings
    assert f.explanation["rates"][0]["rate_date"] == "2025-02-24"
    assert f.explanation["rates"][0]["currency"] == "CNY"
