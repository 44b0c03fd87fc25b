"""Date extraction on news prose: exact spans, intervals, precision, kind and role."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.extract import dates, mentions

REF = dt.date(2025, 7, 2)  # a Wednesday

CASES = [
    # text, mention text, kind, start, end (inclusive), precision, role
    ("It opened on July 1, 2025.", "July 1, 2025", "date", "2025-07-01", "2025-07-01", "day", "as_of"),
    ("It opened on 1 July 2025.", "1 July 2025", "date", "2025-07-01", "2025-07-01", "day", "as_of"),
    ("Filed 2025-07-01 in Kuala Lumpur.", "2025-07-01", "date", "2025-07-01", "2025-07-01", "day", "as_of"),
    ("Revenue in July 2025 rose.", "July 2025", "daterange", "2025-07-01", "2025-07-31", "month", "as_of"),
    ("It entered the region in 2016.", "2016", "daterange", "2016-01-01", "2016-12-31", "year", "as_of"),
    ("Operational as of July 1.", "as of July 1", "date", "2025-07-01", "2025-07-01", "day", "as_of"),
    ("A second site opens in October.", "October", "daterange", "2025-10-01", "2025-10-31", "month", "as_of"),
    ("Results for Q3 2025 are due.", "Q3 2025", "daterange", "2025-07-01", "2025-09-30", "quarter", "as_of"),
    ("Profit fell in the third quarter.", "the third quarter", "daterange", "2025-07-01", "2025-09-30", "quarter", "as_of"),
    ("Spending rises in the first half of 2026.", "the first half of 2026", "daterange", "2026-01-01", "2026-06-30", "half", "as_of"),
    ("Capacity doubles in H1 2026.", "H1 2026", "daterange", "2026-01-01", "2026-06-30", "half", "as_of"),
    ("It will open by the end of this year.", "by the end of this year", "daterange", None, "2025-12-31", "open", "deadline"),
    ("Shares rose this week.", "this week", "daterange", "2025-06-30", "2025-07-06", "week", "as_of"),
    ("It launched last month.", "last month", "daterange", "2025-06-01", "2025-06-30", "month", "as_of"),
    ("The company said yesterday.", "yesterday", "date", "2025-07-01", "2025-07-01", "day", "as_of"),
    ("It will invest $1bn over the next three years.", "the next three years", "daterange", "2025-07-03", "2028-07-02", "year", "period"),
    ("More sites come in the coming year.", "the coming year", "daterange", "2025-07-03", "2026-07-02", "year", "period"),
    ("It aims for 10 regions by 2027.", "by 2027", "daterange", None, "2027-12-31", "open", "deadline"),
    ("It has operated there since 2016.", "since 2016", "daterange", "2016-01-01", None, "open", "since"),
    ("Sales grew between March and May.", "between March and May", "daterange", "2025-03-01", "2025-05-31", "month", "period"),
    ("Output rose from 2024 to 2026.", "from 2024 to 2026", "daterange", "2024-01-01", "2026-12-31", "year", "period"),
    ("It closed before 2018.", "before 2018", "daterange", None, "2017-12-31", "open", "deadline"),
    ("The plant opened in late July.", "late July", "daterange", "2025-07-16", "2025-07-31", "month", "as_of"),
    ("Engineers visited on Monday.", "Monday", "date", "2025-06-30", "2025-06-30", "day", "as_of"),
    ("In December the site opened.", "December", "daterange", "2025-12-01", "2025-12-31", "month", "as_of"),
]


@pytest.mark.parametrize("text,quote,kind,start,end,precision,role", CASES, ids=[c[1] for c in CASES])
def test_date_cases(text, quote, kind, start, end, precision, role):
    found = [m for m in dates.extract(text, REF) if m.text == quote]
    assert len(found) == 1, [(m.text, m.date) for m in dates.extract(text, REF)]
    m = found[0]
    assert text[m.start : m.end] == quote
    assert (m.kind, m.date.precision, m.extra["role"]) == (kind, precision, role)
    assert (m.date.start.isoformat() if m.date.start else None, m.date.end.isoformat() if m.date.end else None) == (start, end)
    assert m.date.text == quote


NOT_DATES = [
    "Alibaba will invest $53 billion in AI.",
    "The deal is worth 380 billion yuan.",
    "It has 2,000 servers and 5,000 businesses.",
    "This may or may not be right.",
    "You may not!",
    "Troops march on.",
    "Support is available 24/7.",
    "It grew 2016 percent.",
    "The model H100 and Qwen3-Max.",
    "It is close to 1,900 units.",
    "up to 2050 engineers",
    "Call (206) 555-1212 or +86 138-2010-2015.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert dates.extract(text, REF) == []


def test_month_without_year_takes_nearest_reading():
    jan = dt.date(2026, 1, 10)
    [m] = dates.extract("It opened in December.", jan)
    assert (m.date.start, m.date.end) == (dt.date(2025, 12, 1), dt.date(2025, 12, 31))
    [m] = dates.extract("It will open by October.", jan)
    assert (m.date.start, m.date.end) == (None, dt.date(2026, 10, 31))


def test_relative_without_reference_is_unresolved():
    [m] = dates.extract("It launched last month.")
    assert (m.date.start, m.date.end, m.date.precision, m.text) == (None, None, "unknown", "last month")
    [m] = dates.extract("It launched in July 2025.")
    assert (m.date.start, m.date.end) == (dt.date(2025, 7, 1), dt.date(2025, 7, 31))


def test_date_swallows_its_day_number():
    found = [(m.kind, m.text) for m in mentions("The third data center opened on July 1, 2025 with 500 servers.", REF)]
    assert found == [("ordinal", "third"), ("status", "opened"), ("date", "July 1, 2025"), ("number", "500")]


def test_quarter_ordinal_is_a_date_not_an_ordinal():
    assert [(m.kind, m.text) for m in mentions("in the third quarter", REF)] == [("daterange", "the third quarter")]


def test_years_in_a_list_take_context_from_the_first():
    assert [m.text for m in dates.extract("Sales in 2007 and 2009 fell.", REF)] == ["2007", "2009"]


def test_a_month_of_last_or_next_year_is_one_month():
    from checker.extract import dates as dx

    ref = dt.date(2025, 5, 27)
    got = [(m.text, m.date.start, m.date.end) for t in ("pledged in April last year", "opens in March next year", "in April 2023 last year")
           for m in dx.extract(t, ref)]
    assert got == [("April last year", dt.date(2024, 4, 1), dt.date(2024, 4, 30)), ("March next year", dt.date(2026, 3, 1), dt.date(2026, 3, 31)),
                   ("April 2023", dt.date(2023, 4, 1), dt.date(2023, 4, 30)), ("last year", dt.date(2024, 1, 1), dt.date(2024, 12, 31))]


@pytest.mark.parametrize("unit", ["day", "week", "fortnight", "month", "quarter", "year", "decade"])
def test_every_relative_word_with_every_unit_resolves_or_is_skipped(unit):
    # "the past decade" once raised (a 'decade' precision is no DateInterval precision)
    got = {}
    for word in ["this", "next", "last", "past", "previous", "coming", "following", "current", "upcoming"]:
        for lead in ["", "the ", "over the ", "in the ", "during the "]:
            for ref in (REF, None):
                for m in dates.extract(f"Sales rose {lead}{word} {unit} in Johor.", ref):
                    assert m.date is not None and m.date.precision in {"day", "week", "month", "quarter", "half", "year", "open", "unknown"}
                    got[(lead, word, ref)] = m.date
    expected = {"day": None, "week": "week", "fortnight": "week", "month": "month", "quarter": "quarter", "year": "year", "decade": "year"}[unit]
    past = got.get(("over the ", "past", REF))
    assert (past.precision if past else None) == expected  # "the past day" is no date phrase
