"""Money in a pivot currency (USD) at the exchange rate of the claim's date.

Rates come from the ECB history shipped inside the ``currencyconverter``
package: offline and dated. The converter is built once, lazily, on first
use. A date outside the data range uses the nearest available date, and the
returned note says so; a currency the ECB does not quote gives ``None``.

>>> import datetime as dt
>>> from checker.models import Interval
>>> n = to_usd(Interval(low=100, high=100), "USD", dt.date(2024, 5, 2))
>>> n.value.low, n.unit, n.rate, n.note
(100.0, 'USD', 1.0, None)
>>> n = to_usd(Interval(low=52.5e9, high=53.5e9), "CNY", dt.date(2024, 5, 2))
>>> n.rate_date, round(n.value.low / 1e9, 2), round(n.value.high / 1e9, 2)
(datetime.date(2024, 5, 2), 7.25, 7.39)
>>> to_usd(Interval(low=1, high=1), "XYZ", None) is None
True
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from checker.models import Interval, Normalised

#: Codes the ECB does not quote but which are fixed to one that it does.
PEGGED: dict[str, tuple[str, float]] = {"RMB": ("CNY", 1.0)}


@lru_cache(maxsize=1)
def converter():
    """The process-wide CurrencyConverter (ECB history, offline), built on first use."""
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)


def _bounds(currency: str) -> tuple[dt.date, dt.date] | None:
    b = converter().bounds.get(currency)
    return None if b is None else (b.first_date, b.last_date)


@lru_cache(maxsize=4096)
def rate(currency: str, on: dt.date | None) -> tuple[float, dt.date | None, str | None] | None:
    """USD per one unit of ``currency`` on a date: (rate, date used, note), or None if unknown.

    Without a date the latest rate is used and the note says so.

    >>> rate("EUR", dt.date(2024, 5, 2))[:2]
    (1.0698, datetime.date(2024, 5, 2))
    >>> rate("EUR", dt.date(2090, 1, 1))[2]
    'no ECB rate for 2090-01-01; used 2026-10-30, the nearest date'
    >>> rate("XYZ", None) is None
    True
    """
    currency = currency.upper()
    factor = 1.0
    if currency in PEGGED:
        currency, factor = PEGGED[currency]
    if currency == "USD":
        return 1.0, on, None
    c = converter()
    if currency not in c.currencies:
        return None
    b_cur, b_usd = _bounds(currency), _bounds("USD")
    if b_cur is None or b_usd is None:
        return None
    first, last = max(b_cur[0], b_usd[0]), min(b_cur[1], b_usd[1])
    note = None
    if on is None:
        used = last
        note = f"no claim date; used the latest ECB rate ({last.isoformat()})"
    elif on < first or on > last:
        used = first if on < first else last
        note = f"no ECB rate for {on.isoformat()}; used {used.isoformat()}, the nearest date"
    else:
        used = on
    value = c.convert(1.0, currency, "USD", date=used)
    return round(value * factor, 6), used, note


def to_usd(value: Interval, currency: str, on: dt.date | None) -> Normalised | None:
    """``value`` (in ``currency``) in USD at the rate of ``on``; None for an unknown currency."""
    r = rate(currency, on)
    if r is None:
        return None
    fx, used, note = r
    if currency.upper() == "USD":
        return Normalised(value=value, unit="USD", rate=1.0, rate_date=on, note=None)
    return Normalised(value=value.scaled(fx), unit="USD", rate=fx, rate_date=used, note=note)
