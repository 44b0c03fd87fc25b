"""Numbers: values, stated precision, qualifiers, and what is not a quantity in news text."""

from __future__ import annotations

import pytest

from checker.extract import numbers


def one(text: str):
    ms = [m for m in numbers.extract(text) if m.kind in ("number", "percent")]
    assert len(ms) == 1, [m.text for m in ms]
    m = ms[0]
    assert m.text == text[m.start : m.end]
    return m


@pytest.mark.parametrize(("text", "surface", "low", "high"), [
    ("92 availability zones", "92", 92, 92),
    ("5,000 businesses", "5,000", 5000, 5000),
    ("25 000 users", "25 000", 25000, 25000),
    ("a growth of 4,5 points", "4,5", 4.5, 4.5),
    ("a $53 billion pledge", "53 billion", 52.5e9, 53.5e9),
    ("a $53.4 billion pledge", "53.4 billion", 53.35e9, 53.45e9),
    ("raised 2.5bn", "2.5bn", 2.45e9, 2.55e9),
    ("10k users", "10k", 9500, 10500),
    ("13 lakh homes", "13 lakh", 1.25e6, 1.35e6),
    ("twenty-one servers", "twenty-one", 21, 21),
    ("three hundred staff", "three hundred", 300, 300),
    ("a dozen sites", "a dozen", 12, 12),
    ("half a dozen sites", "half a dozen", 6, 6),
    ("two thirds of them", "two thirds", 2 / 3, 2 / 3),
    ("one and a half hours", "one and a half", 1.5, 1.5),
    ("1,000+ companies", "1,000+", 1000, None),
    ("more than 5,000 businesses", "more than 5,000", 5000, None),
    ("at least 3 regions", "at least 3", 3, None),
    ("up to 100 jobs", "up to 100", None, 100),
    ("as many as 40 sites", "as many as 40", None, 40),
    ("about 100 engineers", "about 100", 90, 110),
    ("nearly 100 engineers", "nearly 100", 90, 100),
    ("between 10 and 12 sites", "between 10 and 12", 10, 12),
    ("10-12 sites", "10-12", 10, 12),
    ("10-12 million users", "10-12 million", 9.5e6, 12.5e6),
    ("grew 35% last year", "35%", 35, 35),
    ("a -4.5 change", "-4.5", -4.5, -4.5),
])
def test_values(text: str, surface: str, low, high) -> None:
    m = one(text)
    assert m.text == surface
    assert m.value.low == pytest.approx(low) if low is not None else m.value.low is None
    assert m.value.high == pytest.approx(high) if high is not None else m.value.high is None


def test_percent_kind_and_unit() -> None:
    m = one("up 12.5 per cent")
    assert (m.kind, m.unit, m.value.low) == ("percent", "percent", 12.5)


@pytest.mark.parametrize("text", [
    "Qwen3-Max was released",
    "runs on H100 chips",
    "COVID-19 hit",
    "in 2016 it opened",
    "opened on July 1",
    "opened on 1 July",
    "meet at 10:30",
    "call 555-123-4567",
    "its 3rd site",
    "a 180ml bottle",
    "The one you mentioned",
    "one of the largest",
    "several hundred years",
    "the second half of the year",
])
def test_not_quantities(text: str) -> None:
    assert [m.text for m in numbers.extract(text) if m.kind == "number"] == []


def test_year_counted_when_it_counts() -> None:
    assert [m.text for m in numbers.extract("2000 servers")] == ["2000"]


def test_offsets_and_extra() -> None:
    text = "It has over 10 AI agents."
    m = one(text)
    assert (m.start, m.end, m.extra["qualifier"], m.extra["value"]) == (7, 14, "over", 10.0)
    assert (m.extra["figure_start"], m.extra["figure_end"]) == (12, 14)


def test_several_figures_left_to_right() -> None:
    text = "I count 6 crore and two hundred; 4000 3 hundred and 21"
    assert [(m.text, m.extra["value"]) for m in numbers.extract(text)] == [
        ("6 crore and two hundred", 60000200.0), ("4000", 4000.0), ("3 hundred and 21", 321.0)]


def test_empty_and_odd_input() -> None:
    assert numbers.extract("") == []
    assert numbers.extract("a an the - , . %") == []
