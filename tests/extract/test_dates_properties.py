"""Properties of the date and status extractors on arbitrary text."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract import dates, status

DATEISH = st.sampled_from([
    "July 1, 2025", "in October", "by 2027", "since 2016", "Q3 2025", "H1 2026", "the first half of 2026", "last month",
    "between March and May", "from 2024 to 2026", "over the next three years", "yesterday", "$53", "380 billion",
    "May", "may", "24/7", "10/1-11/7", "2025-07-01", "has not yet opened", "plans to", "shut down", " ", ", ", "-", "–",
])
TEXT = st.one_of(st.text(), st.lists(st.one_of(DATEISH, st.text(max_size=5)), max_size=12).map("".join))
REFERENCE = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(TEXT, REFERENCE)
def test_dates_never_raise_spans_exact_and_deterministic(text, reference):
    first = dates.extract(text, reference)
    for m in first:
        assert text[m.start : m.end] == m.text
        assert m.kind in ("date", "daterange")
        assert m.date is not None and m.date.text == m.text
        if m.date.start is not None and m.date.end is not None:
            assert m.date.start <= m.date.end
    assert dates.extract(text, reference) == first


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_status_never_raises_spans_exact_and_deterministic(text):
    first = status.extract(text)
    for m in first:
        assert text[m.start : m.end] == m.text and m.status is not None
    assert status.extract(text) == first
