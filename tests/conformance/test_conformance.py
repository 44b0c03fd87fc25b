"""Conformance: claimcheck's extractors on peer projects' test suites (../shared/conformance).

Scored as the suites' README says (see scoring.py). Two kinds of test:

- one floor per suite on F1 with overlap and value;
- one test per case that the case is matched exactly (no FP, no FN under
  overlap+value); known misses are ``xfail(strict=True)`` with the reason,
  so a fix is noticed (the shape of price-parser's tests/test_price_parsing.py).
"""

from __future__ import annotations

import importlib.util
import sys
from functools import lru_cache
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("conformance_scoring", Path(__file__).with_name("scoring.py"))
scoring = importlib.util.module_from_spec(_spec)
sys.modules["conformance_scoring"] = scoring  # dataclasses look their module up
_spec.loader.exec_module(scoring)  # type: ignore[union-attr]

DATA = Path(__file__).parents[2].parent / "shared" / "conformance"
pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason=f"conformance data not found at {DATA} (a sibling 'shared/conformance' folder of the repo)")

FLOORS = {"rt-number": 0.92, "rt-ordinal": 0.95, "rt-currency": 0.89, "q3-quantities": 0.85, "pp-prices": 0.85}

NEWS = "not a quantity in news text (DESIGN.md)"
MINOR = "minor units are normalised to the main unit (50 cents = 0.50 USD); the suite counts cents"
UNSUPPORTED = "construction not supported (rare outside the suite)"
FIELD = "price field without a usable amount or with a layout the field parser does not read"

KNOWN_MISSES: dict[str, str] = {
    "rt-number-0001": "IP address: " + NEWS,
    "rt-number-0040": "'10G' glued G: " + NEWS + " ('5G' networks)",
    "rt-number-0077": UNSUPPORTED + ": 'two and fifty-four hundredths'",
    "rt-number-0078": UNSUPPORTED + ": 'and fifty-four hundredths' after hundred",
    "rt-number-0084": UNSUPPORTED + ": '^--' exponent",
    "rt-number-0108": UNSUPPORTED + ": hundred-compound denominators",
    "rt-number-0109": UNSUPPORTED + ": hundred-compound denominators",
    "rt-number-0110": UNSUPPORTED + ": thousand-compound denominators",
    "rt-number-0135": UNSUPPORTED + ": '1 in twenty-one' as a ratio",
    "rt-number-0143": "date parts: " + NEWS,
    "rt-number-0144": "phone number: " + NEWS,
    "rt-number-0149": UNSUPPORTED + ": 'and 0' read into the figure",
    "rt-number-0151": UNSUPPORTED + ": '3 hundred and 2 hundred' read as one figure",
    "rt-number-0189": "model/code name 'SCP-173': " + NEWS,
    "rt-currency-0015": MINOR,
    "rt-currency-0023": MINOR,
    "rt-currency-0037": MINOR,
    "rt-currency-0043": MINOR,
    "rt-currency-0056": MINOR,
    "rt-currency-0058": MINOR,
    "rt-currency-0061": MINOR,
    "rt-currency-0067": MINOR,
    "rt-currency-0068": MINOR,
    "rt-currency-0085": MINOR,
    "rt-currency-0101": UNSUPPORTED + ": 'c $ 100 and fifty'",
    "rt-currency-0102": UNSUPPORTED + ": 'kuai and five mao five'",
    "rt-currency-0110": UNSUPPORTED + ": 'sen' prefix",
    "rt-currency-0125": "'1 $ 10 dollars': the spaced '$' is read as the first figure's suffix",
    "rt-currency-0127": UNSUPPORTED + ": '10 $ 30 cent'",
    "rt-currency-0164": "currency names never precede the figure ('dollar 22.5 million')",
    "rt-currency-0168": UNSUPPORTED + ": '17 USD 25'",
    "rt-currency-0170": UNSUPPORTED + ": '15 USD 50'",
    "q3-quantities-0003": "years and catalogue numbers: " + NEWS,
    "q3-quantities-0025": "decade '1960s': " + NEWS,
    "q3-quantities-0039": UNSUPPORTED + ": 'a penny' (article as the figure)",
    "q3-quantities-0040": MINOR,
    "q3-quantities-0055": "year 2013: " + NEWS,
    "q3-quantities-0058": "'245 23 yen': the suite expects nothing, we read '23 yen'",
    "q3-quantities-0061": "model number 'i7 860': " + NEWS,
    "q3-quantities-0063": "years 2005/2011: " + NEWS,
    "q3-quantities-0080": "'($99.99)' is a restatement in news text, not a negative amount",
    "pp-prices-0066": FIELD + " ('Free!' as 0)",
    "pp-prices-0882": FIELD + " ('Free!' as 0)",
    "pp-prices-0153": FIELD,
    "pp-prices-0196": FIELD,
    "pp-prices-0197": FIELD,
    "pp-prices-1177": FIELD,
    "pp-prices-0296": FIELD + " (a range: the suite takes the second figure)",
    "pp-prices-0320": FIELD + " ('35€ 99' cents after the symbol)",
    "pp-prices-1170": FIELD + " ('1250€ 60' cents after the symbol)",
    "pp-prices-1171": FIELD + " ('1250€600' cents after the symbol)",
    "pp-prices-0375": FIELD + " (currency only from the hint's language)",
    "pp-prices-0480": FIELD + " (a percentage is not a price)",
    "pp-prices-1036": FIELD + " (the suite takes the later 'Now' price)",
    "pp-prices-1037": FIELD + " (an order quantity, no price)",
    "pp-prices-1038": FIELD + " (a price table)",
    "pp-prices-1045": FIELD + " (a date)",
    "pp-prices-1046": FIELD + " (a date)",
    "pp-prices-1047": FIELD + " (a date)",
    "pp-prices-1048": FIELD + " (a length)",
    "pp-prices-1049": FIELD + " (a threshold, no price)",
    "pp-prices-1157": FIELD + " (currency alone, the suite expects 1)",
    "pp-prices-1158": FIELD + " (currency alone, the suite expects 1)",
    "pp-prices-1159": FIELD + " (currency alone, the suite expects 1)",
    "pp-prices-1160": FIELD + " (currency alone, the suite expects 1)",
    "pp-prices-1161": FIELD + " (currency alone, the suite expects 1)",
    "pp-prices-1162": FIELD + " (currency alone, the suite expects 1)",
    "pp-prices-1163": FIELD + " (currency alone, the suite expects 1)",
    "pp-prices-1164": FIELD + " (currency alone, the suite expects 1)",
    "pp-prices-1165": FIELD + " (currency alone, the suite expects 1)",
    "pp-prices-1166": FIELD + " (currency alone, the suite expects 1)",
    "pp-prices-1167": FIELD + " (currency alone, the suite expects 1)",
    "pp-prices-1174": FIELD + " ('$..75')",
    "pp-prices-1175": FIELD + " ('$..75,333')",
}


@lru_cache(maxsize=None)
def _scored(suite: str):
    return scoring.score_suite(suite)


@lru_cache(maxsize=None)
def _by_id(suite: str) -> dict:
    return {r.id: r for r in _scored(suite).cases}


def _case_ids() -> list:
    if not DATA.is_dir():
        return []
    out = []
    for suite in FLOORS:
        for rec in scoring.load(suite, DATA):
            marks = [pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[rec["id"]])] if rec["id"] in KNOWN_MISSES else []
            out.append(pytest.param(suite, rec["id"], id=rec["id"], marks=marks))
    return out


@pytest.mark.parametrize("suite", list(FLOORS))
def test_floor(suite: str) -> None:
    f1 = _scored(suite).total("overlap+value").f1
    assert f1 >= FLOORS[suite], f"{suite}: F1 (overlap+value) {f1:.3f} < floor {FLOORS[suite]}"


@pytest.mark.parametrize(("suite", "case_id"), _case_ids())
def test_case(suite: str, case_id: str) -> None:
    counts = _by_id(suite)[case_id].counts["overlap+value"]
    assert (counts.fp, counts.fn) == (0, 0)


def test_known_misses_exist() -> None:
    """Every listed miss names a real case (a renamed case would silently drop its xfail)."""
    ids = {r["id"] for suite in FLOORS for r in scoring.load(suite, DATA)}
    assert sorted(set(KNOWN_MISSES) - ids) == []


def test_scorer_greedy_and_ignore() -> None:
    """The scorer itself: greedy one-to-one matching; ignore spans swallow FPs."""
    P = scoring.Pred
    exp = [{"kind": "number", "start": 0, "end": 2, "value": 10}, {"kind": "number", "start": 3, "end": 5, "value": 20}]
    c = scoring.match([P("number", 0, 2, 10.0), P("number", 0, 2, 10.0), P("number", 6, 8, 7.0)], exp,
                      [{"start": 6, "end": 9}], "overlap+value")
    assert (c.tp, c.fp, c.fn) == (1, 1, 1)
    c = scoring.match([P("number", 1, 2, 10.0)], exp[:1], [], "exact+value")
    assert (c.tp, c.fp, c.fn) == (0, 1, 1)
