"""Score claimcheck's extractors on the peer conformance suites (../shared/conformance).

Implements "How to score" of ../shared/conformance/README.md:

- per case, keep only predictions of the kinds the suite annotates;
- match predictions to expected spans greedily (expected spans in order, each
  takes the first unused prediction, left to right, that fits; each used once);
- span *overlap* (``[p.start, p.end)`` meets ``[e.start, e.end)``) or *exact*
  (same start and end); *value*: numbers ``|p - e| <= 1e-6 * max(1, |e|)``;
  money also needs the currency when the expected one is not null
  (price-parser: ``currency_text`` or ISO may match);
- TP = matched, FN = unmatched expected, FP = unmatched predictions that do
  not overlap an ``ignore`` span;
- P/R/F1 for overlap, overlap+value, exact+value, on all cases and on the
  python-supported (Recognizers) / not-xfail (price-parser) subset.

Choices the README leaves open, stated here once:

- q3-quantities is scored on its number and money spans only; its
  ``quantity`` spans are treated like ``ignore`` spans (a number inside
  "1,500,000 kilometres" is neither rewarded nor a false positive).
- An expected span without offsets (22 price-parser cases whose amount text
  is normalised) fits any prediction's span; its value must still match.
- The predicted value of a mention is ``extra["value"]`` (the figure as
  stated, before qualifiers widen it) when present, else the midpoint of
  ``value``.

Run ``python -m tests.conformance.scoring`` (from the repo root) for the table.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CONFORMANCE = Path(__file__).resolve().parents[2].parent / "shared" / "conformance"

#: suite -> mention kinds that count as predictions and expectations.
SUITE_KINDS: dict[str, tuple[str, ...]] = {
    "rt-number": ("number",),
    "rt-ordinal": ("ordinal",),
    "rt-currency": ("money",),
    "q3-quantities": ("number", "money"),
    "pp-prices": ("money",),
}
METRICS = ("overlap", "overlap+value", "exact+value")


@dataclass(frozen=True)
class Pred:
    """A prediction reduced to what the scorer compares."""

    kind: str
    start: int
    end: int
    value: float | None
    currency: str | None = None


@dataclass
class Counts:
    """True positives, false positives and false negatives, with P/R/F1 (shared by datetime_scoring)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class CaseResult:
    """One case's counts per metric."""

    id: str
    counts: dict[str, Counts] = field(default_factory=dict)
    subset: bool = True  #: python-supported / not-xfail

    def perfect(self, metric: str = "overlap+value") -> bool:
        c = self.counts[metric]
        return c.fp == 0 and c.fn == 0


def load(suite: str, folder: Path = CONFORMANCE) -> list[dict[str, Any]]:
    """The records of one suite."""
    with open(folder / f"{suite}.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def in_subset(record: dict[str, Any]) -> bool:
    """Python-supported (Recognizers) / not expected to fail upstream (price-parser)."""
    meta = record.get("meta", {})
    return "python" not in meta.get("not_supported", []) and not meta.get("xfail")


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def value_ok(p: Pred, e: dict[str, Any]) -> bool:
    """Value (and currency) agreement as the README defines it.

    >>> value_ok(Pred("money", 0, 3, 53.4e9, "USD"), {"value": 53.4e9, "currency": "USD"})
    True
    >>> value_ok(Pred("money", 0, 3, 10.0, "EUR"), {"value": 10, "currency": "USD"})
    False
    >>> value_ok(Pred("money", 0, 3, 10.0, "$"), {"value": 10, "currency": None, "currency_text": "$"})
    True
    """
    ev = e.get("value")
    if ev is None or p.value is None:
        return False
    if abs(p.value - ev) > 1e-6 * max(1.0, abs(ev)):
        return False
    if e.get("currency") is not None:
        return p.currency in (e["currency"], e.get("currency_text"))
    return True


def _span_ok(p: Pred, e: dict[str, Any], exact: bool) -> bool:
    if e.get("start") is None:
        return True
    if exact:
        return p.start == e["start"] and p.end == e["end"]
    return _overlap(p.start, p.end, e["start"], e["end"])


def match(preds: list[Pred], expected: list[dict[str, Any]], ignore: list[dict[str, Any]], metric: str) -> Counts:
    """Greedy matching of one case under one metric."""
    used = [False] * len(preds)
    tp = 0
    exact = metric == "exact+value"
    with_value = metric != "overlap"
    for e in expected:
        for i, p in enumerate(preds):
            if used[i] or not _span_ok(p, e, exact):
                continue
            if with_value and not value_ok(p, e):
                continue
            used[i] = True
            tp += 1
            break
    fp = sum(1 for i, p in enumerate(preds) if not used[i] and not any(
        g.get("start") is not None and _overlap(p.start, p.end, g["start"], g["end"]) for g in ignore))
    return Counts(tp=tp, fp=fp, fn=len(expected) - tp)


def score_case(record: dict[str, Any], preds: list[Pred]) -> CaseResult:
    """Counts of one record for every metric."""
    kinds = SUITE_KINDS[record["suite"]]
    expected = [e for e in record["expected"] if e["kind"] in kinds]
    ignore = list(record.get("ignore", [])) + [e for e in record["expected"] if e["kind"] not in kinds]
    preds = sorted((p for p in preds if p.kind in kinds), key=lambda p: (p.start, p.end))
    res = CaseResult(record["id"], subset=in_subset(record))
    for metric in METRICS:
        res.counts[metric] = match(preds, expected, ignore, metric)
    return res


def predict(record: dict[str, Any]) -> list[Pred]:
    """claimcheck's predictions for one record, as the suite's kinds need them.

    pp-prices records are price fields (one price per string, sometimes with a
    currency hint from the page), so they go through
    :func:`checker.extract.money.parse_price`; every other suite runs the prose
    extractors on the text.
    """
    import importlib

    text = record["text"]
    suite = record["suite"]
    out: list[Pred] = []
    if suite == "pp-prices":
        money = importlib.import_module("checker.extract.money")
        meta = record.get("meta", {})
        m = money.parse_price(text, currency_hint=meta.get("currency_hint"), decimal_separator=meta.get("decimal_separator"))
        return [_pred(m)] if m is not None else []
    kinds = SUITE_KINDS[suite]
    if "money" in kinds and "number" in kinds:
        # as checker.extract.mentions() does: an amount swallows its number
        money = importlib.import_module("checker.extract.money")
        numbers = importlib.import_module("checker.extract.numbers")
        amounts = money.extract(text)
        out.extend(_pred(m) for m in amounts)
        out.extend(_pred(m) for m in numbers.extract(text)
                   if m.kind == "number" and not any(a.start < m.end and m.start < a.end for a in amounts))
        return out
    if "number" in kinds:
        numbers = importlib.import_module("checker.extract.numbers")
        out.extend(_pred(m) for m in numbers.extract(text) if m.kind == "number")
    if "ordinal" in kinds:
        ordinals = importlib.import_module("checker.extract.ordinals")
        out.extend(_pred(m) for m in ordinals.extract(text))
    if "money" in kinds:
        money = importlib.import_module("checker.extract.money")
        out.extend(_pred(m) for m in money.extract(text))
    return out


def _pred(m: Any) -> Pred:
    value = m.extra.get("value") if "value" in m.extra else None
    if value is None and m.value is not None:
        lo, hi = m.value.low, m.value.high
        value = lo if hi is None else hi if lo is None else (lo + hi) / 2
    currency = m.unit if m.kind == "money" else None
    if m.kind == "money" and m.extra.get("currency_text") and currency is None:
        currency = m.extra["currency_text"]
    return Pred(m.kind, m.start, m.end, value, currency)


@dataclass
class SuiteScore:
    suite: str
    cases: list[CaseResult]

    def total(self, metric: str, subset: bool = False) -> Counts:
        c = Counts()
        for r in self.cases:
            if subset and not r.subset:
                continue
            c.add(r.counts[metric])
        return c


def score_suite(suite: str, records: Iterable[dict[str, Any]] | None = None,
                predictor: Callable[[dict[str, Any]], list[Pred]] = predict) -> SuiteScore:
    """Score one suite with a predictor (claimcheck's by default)."""
    recs = load(suite) if records is None else list(records)
    return SuiteScore(suite, [score_case(r, predictor(r)) for r in recs])


def table(suites: Iterable[str] = SUITE_KINDS) -> str:
    """The Markdown table of P/R/F1 per suite (overlap+value, plus subsets and the other metrics' F1)."""
    lines = ["| suite | P | R | F1 (overlap+value) | F1 subset* | F1 overlap | F1 exact+value |",
             "|---|---|---|---|---|---|---|"]
    for suite in suites:
        s = score_suite(suite)
        c = s.total("overlap+value")
        sub = s.total("overlap+value", subset=True)
        lines.append(f"| {suite} | {c.precision:.3f} | {c.recall:.3f} | {c.f1:.3f} | {sub.f1:.3f} | "
                     f"{s.total('overlap').f1:.3f} | {s.total('exact+value').f1:.3f} |")
    lines.append("")
    lines.append("*subset: Recognizers cases without `python` in `meta.not_supported`; price-parser cases without `meta.xfail`.")
    return "\n".join(lines)


def failures(suite: str, metric: str = "overlap+value") -> list[str]:
    """Ids of the cases that are not perfect under ``metric``."""
    return [r.id for r in score_suite(suite).cases if not r.perfect(metric)]


if __name__ == "__main__":
    if not CONFORMANCE.is_dir():
        sys.exit(f"no conformance data at {CONFORMANCE}")
    if len(sys.argv) > 2 and sys.argv[1] == "--fails":
        suite = sys.argv[2]
        recs = {r["id"]: r for r in load(suite)}
        for cid in failures(suite):
            r = recs[cid]
            print(cid, repr(r["text"][:120]))
            print("   expected:", [(e["text"], e["value"], e.get("currency")) for e in r["expected"] if e["kind"] in SUITE_KINDS[suite]])
            print("   got:     ", [(r["text"][p.start:p.end], p.value, p.currency) for p in predict(r) if p.kind in SUITE_KINDS[suite]])
    else:
        print(table(sys.argv[1:] or SUITE_KINDS))
