"""Scoring for the rt-datetime conformance suite, as ../shared/conformance/README.md says.

Predictions of kind ``date`` and ``daterange`` are matched greedily to expected
spans (each used at most once). A ``date`` matches when its ISO day is in the
expected ``date_candidates`` (or ``date``); a ``daterange`` when its
``start/end`` interval is, with the suite's **exclusive** end: our
``DateInterval.end`` is inclusive, so one day is added here, and open ends are
written ``..``. A single date never equals an interval. Unmatched predictions
that overlap an ``ignore`` span are not counted as false positives.

Run it directly for the table: ``.venv/bin/python tests/conformance/datetime_scoring.py``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from pathlib import Path

from checker.models import Mention

try:  # imported as part of tests.conformance (pytest, -m) or run as a script from this folder
    from .scoring import Counts
except ImportError:  # pragma: no cover - script mode
    from scoring import Counts  # type: ignore[no-redef]

KINDS = ("date", "daterange")
SUITE = Path(__file__).resolve().parents[2].parent / "shared" / "conformance" / "rt-datetime.jsonl"


def load(path: Path = SUITE) -> list[dict]:
    """The suite's records, one per line."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def reference_of(record: dict) -> dt.date | None:
    """The spec's reference "now" as a date."""
    ref = record.get("meta", {}).get("reference_date")
    return dt.datetime.fromisoformat(ref).date() if ref else None


def as_suite_value(m: Mention, range_to_start: bool = False) -> str | None:
    """Our mention's date in the suite's notation: ISO day for ``date``, ``start/end`` (end exclusive) for ``daterange``.

    ``range_to_start`` is a diagnostic, not the README's scoring: a range ends
    at the first day of its second date (``extra["to_start"]``), which is
    Recognizers-Text's convention ("from March to May" = March 1 to May 1).
    """
    d = m.date
    if range_to_start and m.kind == "daterange" and "to_start" in m.extra and d is not None and d.start is not None:
        return f"{d.start.isoformat()}/{m.extra['to_start']}"
    if d is None or (d.start is None and d.end is None):
        return None
    if m.kind == "date":
        return d.start.isoformat() if d.start is not None and d.start == d.end else None
    start = d.start.isoformat() if d.start is not None else ".."
    end = (d.end + dt.timedelta(days=1)).isoformat() if d.end is not None else ".."
    return f"{start}/{end}"


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def value_ok(m: Mention, expected: dict, range_to_start: bool = False) -> bool:
    """The README's value test for dates and dateranges."""
    if m.kind != expected["kind"]:
        return False
    value = as_suite_value(m, range_to_start)
    if value is None:
        return False
    return value in (expected.get("date_candidates") or [expected.get("date")])


def score_case(record: dict, predictions: Iterable[Mention], mode: str = "overlap+value", range_to_start: bool = False) -> Counts:
    """Greedy one-to-one matching for one case; ``mode`` is overlap, overlap+value or exact+value."""
    preds = [p for p in predictions if p.kind in KINDS]
    expected = [e for e in record["expected"] if e["kind"] in KINDS]
    used: set[int] = set()
    counts = Counts()
    for e in expected:
        hit = None
        for i, p in enumerate(preds):
            if i in used or e.get("start") is None:
                continue
            if mode == "exact+value":
                span_ok = p.start == e["start"] and p.end == e["end"]
            else:
                span_ok = _overlaps(p.start, p.end, e["start"], e["end"])
            if span_ok and (mode == "overlap" or value_ok(p, e, range_to_start)):
                hit = i
                break
        if hit is None:
            counts.fn += 1
        else:
            used.add(hit)
            counts.tp += 1
    for i, p in enumerate(preds):
        if i in used:
            continue
        if any(s.get("start") is not None and _overlaps(p.start, p.end, s["start"], s["end"]) for s in record.get("ignore", [])):
            continue
        counts.fp += 1
    return counts


def python_supported(record: dict) -> bool:
    """Cases Recognizers-Text itself passes in Python."""
    return "python" not in record.get("meta", {}).get("not_supported", [])


def score(records: list[dict], extract: Callable[[str, dt.date | None], list[Mention]], mode: str = "overlap+value", range_to_start: bool = False) -> Counts:
    """Summed counts over ``records``."""
    total = Counts()
    for r in records:
        total.add(score_case(r, extract(r["text"], reference_of(r)), mode, range_to_start))
    return total


MISSES = Path(__file__).with_name("rt_datetime_known_misses.txt")


def why_missed(record: dict, predictions: list[Mention]) -> str:
    """A short category for a case we do not score perfectly on (for the strict-xfail list)."""
    preds = [p for p in predictions if p.kind in KINDS]
    expected = [e for e in record["expected"] if e["kind"] in KINDS]
    tag = "" if python_supported(record) else " (not python-supported upstream)"
    if not expected:
        return "false positive" + tag
    for e in expected:
        hits = [p for p in preds if e.get("start") is not None and _overlaps(p.start, p.end, e["start"], e["end"])]
        if not hits:
            return "missed span" + tag
        if not any(value_ok(p, e) for p in hits):
            cands = e.get("date_candidates") or [e.get("date")]
            got = [as_suite_value(p) for p in hits]
            if e["kind"] == "daterange" and any(v and "/" in v and c and "/" in c and v.split("/")[0] == c.split("/")[0] for v in got for c in cands):
                return "range end: we include the last date, the suite stops at its start" + tag
            return f"wrong value {got} for {e['text']!r}" + tag
    return "false positive" + tag


def write_misses(extract: Callable[[str, dt.date | None], list[Mention]]) -> int:
    """Rewrite the known-misses file from the current extractor; returns the number of misses."""
    lines = []
    for r in load():
        preds = extract(r["text"], reference_of(r))
        c = score_case(r, preds)
        if c.fp or c.fn:
            lines.append(f"{r['id']}\t{why_missed(r, preds)}")
    MISSES.write_text("# rt-datetime cases we miss (id<TAB>why); regenerate: python tests/conformance/datetime_scoring.py --write-misses\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def known_misses() -> dict[str, str]:
    """Case id -> why, from the known-misses file."""
    if not MISSES.exists():
        return {}
    out = {}
    for line in MISSES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            case_id, _, why = line.partition("\t")
            out[case_id] = why
    return out


if __name__ == "__main__":
    import sys

    from checker.extract import dates

    if "--write-misses" in sys.argv:
        print(write_misses(dates.extract), "misses written to", MISSES)
    records = load()
    for subset, rows in (("all", records), ("python-supported", [r for r in records if python_supported(r)])):
        for mode in ("overlap", "overlap+value", "exact+value"):
            c = score(rows, dates.extract, mode)
            print(f"{subset:17} {mode:14} P={c.precision:.3f} R={c.recall:.3f} F1={c.f1:.3f}  (tp={c.tp} fp={c.fp} fn={c.fn})")
        c = score(rows, dates.extract, "overlap+value", range_to_start=True)
        print(f"{subset:17} overlap+value, ranges ending at the start of their second date (diagnostic): P={c.precision:.3f} R={c.recall:.3f} F1={c.f1:.3f}")
