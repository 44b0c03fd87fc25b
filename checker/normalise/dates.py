"""Date arithmetic for ``as_of`` intervals: calendar units, relative shifts, year-less readings.

Every helper returns plain ``(start, end)`` pairs of :class:`datetime.date`
with an **inclusive** end (the convention of
:class:`checker.models.DateInterval`); ``None`` stands for an open end.
:func:`interval` wraps a pair into a ``DateInterval``.

Weeks run Monday to Sunday (ISO 8601). Year-less readings ("in October",
"July 1", "the third quarter") take the reading nearest the reference date
(:func:`nearest`): a July article's "in October" is October of the same year,
a January article's "in December" is the December just past. A preference
(``"future"`` for deadlines and "next", ``"past"`` for "since" and "last")
overrides nearness.

>>> month(2025, 7)
(datetime.date(2025, 7, 1), datetime.date(2025, 7, 31))
>>> nearest(dt.date(2025, 7, 2), lambda y: month(y, 10))
(datetime.date(2025, 10, 1), datetime.date(2025, 10, 31))
>>> nearest(dt.date(2026, 1, 15), lambda y: month(y, 12))
(datetime.date(2025, 12, 1), datetime.date(2025, 12, 31))
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable

from checker.models import DateInterval

Pair = tuple[dt.date | None, dt.date | None]
DAY = dt.timedelta(days=1)


def interval(pair: Pair | None, precision: str, text: str) -> DateInterval:
    """A ``DateInterval`` from an inclusive pair; ``None`` gives an unresolved interval (precision 'unknown').

    >>> interval((dt.date(2025, 1, 1), dt.date(2025, 12, 31)), "year", "2025").show()
    '2025-01-01..2025-12-31'
    >>> interval(None, "month", "in October").precision
    'unknown'
    """
    if pair is None:
        return DateInterval(start=None, end=None, precision="unknown", text=text)
    return DateInterval(start=pair[0], end=pair[1], precision=precision, text=text)  # type: ignore[arg-type]


def valid_day(y: int, m: int, d: int) -> dt.date | None:
    """The date, or None when it does not exist (Feb 30, 2019-02-29).

    >>> valid_day(2020, 2, 29), valid_day(2019, 2, 29)
    (datetime.date(2020, 2, 29), None)
    """
    if not (1 <= m <= 12 and 1 <= d <= 31 and dt.MINYEAR < y < dt.MAXYEAR):
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def add_months(d: dt.date, n: int) -> dt.date:
    """Shift by whole months, clamping the day (Jan 31 + 1 month = Feb 28/29).

    >>> add_months(dt.date(2025, 1, 31), 1), add_months(dt.date(2025, 3, 15), -3)
    (datetime.date(2025, 2, 28), datetime.date(2024, 12, 15))
    """
    total = d.year * 12 + d.month - 1 + n
    y, m = divmod(total, 12)
    y = min(max(y, dt.MINYEAR), dt.MAXYEAR)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def shift(d: dt.date, n: int, unit: str) -> dt.date:
    """``d`` moved by ``n`` units (day, week, fortnight, month, quarter, year, decade).

    >>> shift(dt.date(2025, 7, 1), 3, "year"), shift(dt.date(2025, 7, 1), -2, "week")
    (datetime.date(2028, 7, 1), datetime.date(2025, 6, 17))
    """
    if unit == "day":
        return d + n * DAY
    if unit == "week":
        return d + 7 * n * DAY
    if unit == "fortnight":
        return d + 14 * n * DAY
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120}[unit]
    return add_months(d, n * months)


def day(d: dt.date) -> Pair:
    """One day."""
    return (d, d)


def month(y: int, m: int) -> Pair:
    """A calendar month."""
    return (dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1]))


def quarter(y: int, q: int) -> Pair:
    """Calendar quarter ``q`` (1-4) of year ``y``.

    >>> quarter(2025, 3)
    (datetime.date(2025, 7, 1), datetime.date(2025, 9, 30))
    """
    return (dt.date(y, 3 * q - 2, 1), month(y, 3 * q)[1])


def half(y: int, h: int) -> Pair:
    """Half-year ``h`` (1 or 2) of year ``y``.

    >>> half(2026, 1)
    (datetime.date(2026, 1, 1), datetime.date(2026, 6, 30))
    """
    return (dt.date(y, 1, 1), dt.date(y, 6, 30)) if h == 1 else (dt.date(y, 7, 1), dt.date(y, 12, 31))


def year(y: int) -> Pair:
    """A calendar year."""
    return (dt.date(y, 1, 1), dt.date(y, 12, 31))


def decade(y: int) -> Pair:
    """The decade starting in year ``y`` ("the 1990s")."""
    return (dt.date(y, 1, 1), dt.date(y + 9, 12, 31))


def week(d: dt.date) -> Pair:
    """The Monday-to-Sunday week that contains ``d``.

    >>> week(dt.date(2025, 7, 2))
    (datetime.date(2025, 6, 30), datetime.date(2025, 7, 6))
    """
    start = d - d.weekday() * DAY
    return (start, start + 6 * DAY)


def iso_week(y: int, n: int) -> Pair | None:
    """ISO week ``n`` of year ``y`` (None when the year has no such week).

    >>> iso_week(2019, 1)
    (datetime.date(2018, 12, 31), datetime.date(2019, 1, 6))
    """
    try:
        start = dt.date.fromisocalendar(y, n, 1)
    except ValueError:
        return None
    return (start, start + 6 * DAY)


def unit_period(d: dt.date, unit: str) -> Pair:
    """The calendar unit (week, month, quarter, half, year, decade) that contains ``d``.

    >>> unit_period(dt.date(2025, 8, 15), "quarter")
    (datetime.date(2025, 7, 1), datetime.date(2025, 9, 30))
    """
    if unit == "day":
        return day(d)
    if unit == "week":
        return week(d)
    if unit == "fortnight":
        return (week(d)[0], week(d)[0] + 13 * DAY)
    if unit == "month":
        return month(d.year, d.month)
    if unit == "quarter":
        return quarter(d.year, (d.month - 1) // 3 + 1)
    if unit == "half":
        return half(d.year, 1 if d.month <= 6 else 2)
    if unit == "decade":
        return decade(d.year - d.year % 10)
    return year(d.year)


def relative_unit(reference: dt.date, unit: str, offset: int) -> Pair:
    """The calendar unit ``offset`` units away from the one containing ``reference``.

    "this month" is offset 0, "last month" -1, "next year" +1.

    >>> relative_unit(dt.date(2025, 7, 2), "month", -1)
    (datetime.date(2025, 6, 1), datetime.date(2025, 6, 30))
    >>> relative_unit(dt.date(2025, 7, 2), "week", 0)
    (datetime.date(2025, 6, 30), datetime.date(2025, 7, 6))
    """
    base = unit_period(reference, unit)[0]
    return unit_period(shift(base, offset, "week" if unit == "week" else unit) if unit != "half" else add_months(base, 6 * offset), unit)


def rolling(reference: dt.date, n: int, unit: str, future: bool) -> Pair:
    """A rolling period of ``n`` units after (from tomorrow) or before (up to yesterday) the reference.

    Quarters align to calendar quarters ("the next two quarters" starts with the next quarter).

    >>> rolling(dt.date(2025, 7, 2), 3, "year", True)
    (datetime.date(2025, 7, 3), datetime.date(2028, 7, 2))
    >>> rolling(dt.date(2016, 11, 7), 3, "month", False)
    (datetime.date(2016, 8, 7), datetime.date(2016, 11, 6))
    """
    if unit == "quarter":
        q0 = unit_period(reference, "quarter")[0]
        if future:
            return (add_months(q0, 3), add_months(q0, 3 * (n + 1)) - DAY)
        return (add_months(q0, -3 * n), q0 - DAY)
    if future:
        return (reference + DAY, shift(reference, n, unit))
    return (shift(reference, -n, unit), reference - DAY)


def weekday_near(reference: dt.date, weekday: int, mode: str) -> dt.date:
    """A weekday (0 = Monday) relative to the reference.

    ``mode``: "this" (in the reference's week), "next"/"last" (in the next or
    previous week), "coming" (first strictly after), "past" (last strictly
    before), "recent" (the reference day itself or the most recent before it).

    >>> ref = dt.date(2019, 1, 31)  # a Thursday
    >>> [weekday_near(ref, 4, m).isoformat() for m in ("this", "next", "coming", "recent")]
    ['2019-02-01', '2019-02-08', '2019-02-01', '2019-01-25']
    """
    monday = reference - reference.weekday() * DAY
    if mode == "this":
        return monday + weekday * DAY
    if mode == "next":
        return monday + (7 + weekday) * DAY
    if mode == "last":
        return monday + (weekday - 7) * DAY
    diff = (weekday - reference.weekday()) % 7
    if mode == "coming":
        return reference + (diff or 7) * DAY
    back = (reference.weekday() - weekday) % 7
    if mode == "past":
        return reference - (back or 7) * DAY
    return reference - back * DAY


def distance(pair: Pair, reference: dt.date) -> int:
    """Days from the reference to the interval (0 when it contains the reference)."""
    start, end = pair
    if start is not None and reference < start:
        return (start - reference).days
    if end is not None and reference > end:
        return (reference - end).days
    return 0


def nearest(reference: dt.date, make: Callable[[int], Pair | None], prefer: str | None = None) -> Pair | None:
    """The reading of a year-less date nearest the reference, among the previous, same and next year.

    ``make(year)`` builds the interval for a year (None when invalid, e.g.
    Feb 29); ``prefer="future"`` takes the first reading that does not end
    before the reference, ``"past"`` the last that does not start after it.

    >>> ref = dt.date(2025, 7, 2)
    >>> nearest(ref, lambda y: month(y, 5)), nearest(ref, lambda y: month(y, 5), prefer="future")[0]
    ((datetime.date(2025, 5, 1), datetime.date(2025, 5, 31)), datetime.date(2026, 5, 1))
    """
    readings = []
    for y in range(reference.year - 4, reference.year + 5):
        try:
            pair = make(y)
        except ValueError:
            pair = None
        if pair is not None:
            readings.append(pair)
    if not readings:
        return None
    if prefer == "future":
        ahead = [p for p in readings if p[1] is None or p[1] >= reference]
        if ahead:
            return ahead[0]
    elif prefer == "past":
        behind = [p for p in readings if p[0] is None or p[0] <= reference]
        if behind:
            return behind[-1]
    return min(readings, key=lambda p: (distance(p, reference), p[0] is not None and p[0] > reference))


def part(pair: Pair, which: str) -> Pair:
    """"early", "mid" or "late" part of a month or year; "end" (second half) and "start" (first half).

    Months: early 1-15, mid 10-20, late 16-end; years: early Jan-Apr, mid May-Aug, late Sep-Dec.

    >>> part(month(2025, 7), "late")
    (datetime.date(2025, 7, 16), datetime.date(2025, 7, 31))
    >>> part(year(2026), "early")
    (datetime.date(2026, 1, 1), datetime.date(2026, 4, 30))
    """
    start, end = pair
    assert start is not None and end is not None
    days = (end - start).days + 1
    if days <= 31:
        if which in ("early", "start"):
            return (start, start.replace(day=15))
        if which == "mid":
            return (start.replace(day=10), start.replace(day=20))
        return (start.replace(day=16), end)
    if days <= 92:
        third = days // 3
        if which in ("early", "start"):
            return (start, start + (third - 1) * DAY)
        if which == "mid":
            return (start + third * DAY, end - third * DAY)
        return (end - (third - 1) * DAY, end)
    if which in ("end", "start"):
        mid = add_months(start, 6)
        return (start, mid - DAY) if which == "start" else (mid, end)
    thirds = {"early": (0, 4), "mid": (4, 8), "late": (8, 12)}[which]
    return (add_months(start, thirds[0]), add_months(start, thirds[1]) - DAY)
