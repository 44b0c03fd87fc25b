"""One amount given in two currencies in one source must agree at that day's exchange rate.

"380 billion yuan ($53.4 billion)": extraction links the two figures with
``equivalent_of``. Both are converted to USD at the ECB reference rate of the
claim's date (its ``as_of``, else its source's published date; the nearest
earlier rate when that day has none), each converted amount is widened by the
rule's ``fx_tolerance`` (0.03 = 3%), and the pair is flagged when the two USD
intervals are still disjoint: the writer used a stale or wrong rate, or
mistyped a figure. The explanation gives the rates and their dates.

Rates come from :mod:`checker.normalise.fx` (offline ECB history); an amount
whose currency or date has no rate is not compared. Each linked pair is
looked up once by id: O(n).

**Conflict**
    a.md (2025-02-24): "Alibaba pledged 380 billion yuan ($60 billion) for cloud and AI over three years."

**No conflict**
    a.md (2025-02-24): "Alibaba pledged 380 billion yuan ($53 billion) for cloud and AI over three years."
"""

from __future__ import annotations

import importlib
from typing import Any

from checker.checks.base import CheckContext, CheckResult, RuleOptions, key_dict, make_finding, published, show_amount
from checker.models import Claim, Interval
from checker.ruleset import Rule

KIND = "conversion_consistency"


class Options(RuleOptions):
    """Options of conversion_consistency."""

    attributes: list[str] | None = None
    fx_tolerance: float = 0.03
    min_confidence: float = 0.5


def _to_usd() -> Any:
    """``checker.normalise.fx.to_usd``, or None while that module is missing."""
    try:
        return importlib.import_module("checker.normalise.fx").to_usd
    except (ImportError, AttributeError):
        return None


def check(rule: Rule, claims: list[Claim], ctx: CheckContext) -> CheckResult:
    """Convert each linked pair at the claim date's rate and compare the widened USD intervals."""
    opts: Options = rule.options
    result = CheckResult()
    to_usd = _to_usd()
    if to_usd is None:
        return result
    money = {c.id: c for c in claims if c.kind == "money"}
    done: set[frozenset[str]] = set()
    for c in money.values():
        other = money.get(c.equivalent_of or "")
        if other is None or other.source != c.source or other.unit == c.unit:
            continue
        if opts.attributes is not None and c.attribute not in opts.attributes:
            continue
        if min(c.confidence, other.confidence) < opts.min_confidence:
            continue
        pair = frozenset((c.id, other.id))
        if pair in done:
            continue
        done.add(pair)
        on = c.as_of.start or other.as_of.start or published(c, ctx.sources)
        na, nb = to_usd(c.value, c.unit, on), to_usd(other.value, other.unit, on)
        if na is None or nb is None:
            continue
        result.compared += 1
        wa, wb = _widen(na.value, c.unit, opts), _widen(nb.value, other.unit, opts)
        if not wa.disjoint(wb):
            result.passed += 1
            continue
        first, second = sorted(((c, na, wa), (other, nb, wb)), key=lambda t: t[0].evidence.start)
        (ca, ra, xa), (cb, rb, xb) = first, second
        rates = [_rate(ca.unit, ra), _rate(cb.unit, rb)]
        shown = "; ".join(r["text"] for r in rates if r.get("text"))
        message = (
            f"{ca.source} gives {ca.evidence.quote!r} and {cb.evidence.quote!r} as the same amount "
            f"({on.isoformat() if on else 'date unknown'}), but at the ECB rate{'s' if len(rates) > 1 else ''} ({shown}) "
            f"they differ beyond {opts.fx_tolerance:.0%} [{show_amount(xa)} vs {show_amount(xb)} USD]."
        )
        explanation = {
            "key": key_dict(subject=ctx.lexicon.root(ca.subject), attribute=ca.attribute, scope=ca.scope),
            "values": [ca.value.text or ca.value.show(), cb.value.text or cb.value.show()],
            "usd": [show_amount(ra.value), show_amount(rb.value)],
            "usd_widened": [show_amount(xa), show_amount(xb)],
            "fx_tolerance": opts.fx_tolerance,
            "rates": [{k: v for k, v in r.items() if k != "text"} for r in rates],
            "date": on.isoformat() if on else None,
            "why": "the two amounts, converted at the day's rate and widened by the FX tolerance, do not overlap",
        }
        result.findings.append(make_finding(rule, [ca, cb], message, explanation))
    return result


def _widen(v: Interval, unit: str, opts: Options) -> Interval:
    return v if unit == "USD" else v.widened(opts.fx_tolerance)


def _rate(currency: str, n: Any) -> dict:
    if currency == "USD":
        return {"currency": "USD", "rate": 1.0}
    out = {"currency": currency, "rate": n.rate, "rate_date": n.rate_date.isoformat() if n.rate_date else None}
    if n.rate is not None:
        out["text"] = f"1 {currency} = {n.rate:.4g} USD on {out['rate_date'] or 'an unknown date'}"
    return out
