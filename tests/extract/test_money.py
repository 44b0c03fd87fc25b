"""Money: currencies to ISO 4217, stated precision, qualifiers, linked restatements, price fields."""

from __future__ import annotations

import pytest

from checker.extract import money, mentions


@pytest.mark.parametrize(("text", "surface", "unit", "low", "high"), [
    ("a $53 billion pledge", "$53 billion", "USD", 52.5e9, 53.5e9),
    ("a $53.4 billion pledge", "$53.4 billion", "USD", 53.35e9, 53.45e9),
    ("a US$1bn fund", "US$1bn", "USD", 0.9e9, 1.1e9),  # half a unit, capped at a tenth of the figure
    ("S$500m in bonds", "S$500m", "SGD", 499.5e6, 500.5e6),
    ("HK$10.05 billion", "HK$10.05 billion", "HKD", 10.045e9, 10.055e9),
    ("A$2 million", "A$2 million", "AUD", 1.8e6, 2.2e6),
    ("RM2 billion", "RM2 billion", "MYR", 1.8e9, 2.2e9),
    ("RM9 billion", "RM9 billion", "MYR", 8.5e9, 9.5e9),  # half a unit is under a tenth
    ("€10 each", "€10", "EUR", 10, 10),
    ("£2,000 each", "£2,000", "GBP", 2000, 2000),
    ("¥5,000 each", "¥5,000", "JPY", 5000, 5000),
    ("380 billion yuan", "380 billion yuan", "CNY", 379.5e9, 380.5e9),
    ("RMB 12 billion", "RMB 12 billion", "CNY", 11.5e9, 12.5e9),
    ("12 billion renminbi", "12 billion renminbi", "CNY", 11.5e9, 12.5e9),
    ("50 million euros", "50 million euros", "EUR", 49.5e6, 50.5e6),
    ("1.2 billion ringgit", "1.2 billion ringgit", "MYR", 1.15e9, 1.25e9),
    ("125 million Australian dollars", "125 million Australian dollars", "AUD", 124.5e6, 125.5e6),
    ("USD 200", "USD 200", "USD", 200, 200),
    ("115USD", "115USD", "USD", 115, 115),
    ("50 cents", "50 cents", "USD", 0.5, 0.5),
    ("more than $247 million", "more than $247 million", "USD", 246.5e6, None),
    ("up to €3bn", "up to €3bn", "EUR", None, 3.3e9),
])
def test_amounts(text: str, surface: str, unit: str, low, high) -> None:
    ms = money.extract(text)
    assert len(ms) == 1, [m.text for m in ms]
    m = ms[0]
    assert (m.kind, m.text, m.unit) == ("money", surface, unit)
    assert m.text == text[m.start : m.end]
    assert m.value.low == pytest.approx(low) if low is not None else m.value.low is None
    assert m.value.high == pytest.approx(high) if high is not None else m.value.high is None


def test_default_dollar() -> None:
    assert [m.unit for m in money.extract("it cost $20 and 5 dollars", default_dollar="SGD")] == ["SGD", "SGD"]
    assert [m.unit for m in money.extract("it cost US$20", default_dollar="SGD")] == ["USD"]


def test_equivalent_amounts_are_linked() -> None:
    text = "pledged 380 billion yuan ($53.4 billion) over three years"
    a, b = money.extract(text)
    assert (a.text, a.unit, b.text, b.unit) == ("380 billion yuan", "CNY", "$53.4 billion", "USD")
    assert "equivalent_of" not in a.extra
    assert b.extra["equivalent_of"] == a.start
    c, d = money.extract("RM1 billion, or about US$212 million,")
    assert d.extra["equivalent_of"] == c.start
    assert d.text == "about US$212 million"


def test_separate_amounts_not_linked() -> None:
    a, b = money.extract("$5 million in 2024 and €3 million in 2025")
    assert "equivalent_of" not in b.extra


@pytest.mark.parametrize("text", ["300 pounds of steel", "he won 3 titles", "All 70 of us", "ALL 5 solutions", "3 times"])
def test_not_money(text: str) -> None:
    assert money.extract(text) == []


def test_money_wins_over_number_in_mentions() -> None:
    got = [(m.kind, m.text) for m in mentions("a $53.4 billion pledge and 5,000 jobs") if m.kind in ("money", "number")]
    assert got == [("money", "$53.4 billion"), ("number", "5,000")]


@pytest.mark.parametrize(("field", "hint", "value", "unit", "ctext"), [
    ("Цена: 1 200 руб.", None, 1200.0, "RUB", "руб."),
    ("12,99 €", None, 12.99, "EUR", "€"),
    ("1.837,32 €", None, 1837.32, "EUR", "€"),
    ("$1,190.00 AUD", None, 1190.0, "AUD", "AUD"),
    ("35.00", "GBP", 35.0, "GBP", "GBP"),
    ("35.00", None, 35.0, None, None),
    (".75 €", None, 0.75, "EUR", "€"),
])
def test_parse_price(field: str, hint, value: float, unit, ctext) -> None:
    m = money.parse_price(field, currency_hint=hint)
    assert m is not None
    assert (m.extra["value"], m.unit, m.extra["currency_text"]) == (value, unit, ctext)
    assert m.text == field[m.start : m.end]


def test_parse_price_without_amount() -> None:
    assert money.parse_price("No longer available") is None


def test_a_qualifier_inside_a_bracket_is_read():
    [a, b] = money.extract("US$1.7 billion (about Rp 21 trillion)")
    assert (b.text, b.extra["qualifier"], b.value.low, b.value.high, b.extra.get("equivalent_of")) == ("about Rp 21 trillion", "about", 18.9e12, 23.1e12, a.start)


def test_a_comma_after_a_digit_amount_ends_it():
    [m] = money.extract("Microsoft set out a US$3 billion, two-year plan")
    assert (m.text, m.value.low, m.value.high) == ("US$3 billion", 2.7e9, 3.3e9)
