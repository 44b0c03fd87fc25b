"""Ordinals: positions, compounds, and fractions or time units left out."""

from __future__ import annotations

import pytest

from checker.extract import ordinals


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("its third data center in Malaysia", "third", 3),
    ("a second in the Philippines", "second", 2),
    ("the 21st site", "21st", 21),
    ("its 3rd region", "3rd", 3),
    ("the twenty-first year", "twenty-first", 21),
    ("the one hundred twenty-fifth anniversary", "one hundred twenty-fifth", 125),
    ("the two hundredth store", "two hundredth", 200),
    ("the Nineth Meeting", "Nineth", 9),
])
def test_ordinals(text: str, surface: str, value: int) -> None:
    ms = ordinals.extract(text)
    assert [(m.text, m.value.low, m.value.high) for m in ms] == [(surface, value, value)]
    assert ms[0].text == text[ms[0].start : ms[0].end]


@pytest.mark.parametrize("text", ["within 30 seconds", "one per second", "a third of the budget", "the 1th", "a thousandth of a second"])
def test_not_ordinals(text: str) -> None:
    assert ordinals.extract(text) == []
