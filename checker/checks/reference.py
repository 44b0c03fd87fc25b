"""Claims must agree with the ledger of verified facts (``claimcheck check corpus/ --facts facts.yaml``).

A fact (format in ``rules/README.md``) gives a verified value for a subject,
attribute and scope, valid from one date to another. A claim is checked
against a fact when its top subject matches the fact's (Alibaba Cloud claims
check against an Alibaba Group fact), its attribute and scope are the fact's,
its ``as_of`` lies inside the fact's validity (widened by the rule's
``window_days``), and its value is disjoint from the fact's. Units must match,
or both convert to USD: a money claim in another currency is compared on its
USD value widened by ``fx_tolerance``, with the fact converted at the claim
date's rate.

Planned and closed counts and increments are not compared with a stock.
When the claim's date is unknown it is still compared with facts that hold
at some time, and the finding says so and drops one severity level. Facts are
indexed by key, so each claim meets only its own facts: O(n + f).

**Conflict**
    a.md (2025-07-10): "Alibaba Cloud runs two data centers in Malaysia."
    facts: {subject: alibaba-cloud, attribute: data_centers, scope: MY, value: 3, valid_from: 2025-07-01, valid_to: 2025-12-31, source: "Alibaba Cloud press release"}

**No conflict**
    a.md (2025-07-10): "Alibaba Cloud runs three data centers in Malaysia."
    b.md (2025-03-10): "Alibaba Cloud runs two data centers in Malaysia."   (before the fact holds)
    facts: {subject: alibaba-cloud, attribute: data_centers, scope: MY, value: 3, valid_from: 2025-07-01, valid_to: 2025-12-31, source: "Alibaba Cloud press release"}
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections import defaultdict

from checker.checks.base import (
    INACTIVE,
    CheckContext,
    CheckResult,
    RuleOptions,
    date_text,
    key_dict,
    lowered,
    make_finding,
    noun,
    scope_text,
    show_value,
    undated,
)
from checker.models import Claim, Interval
from checker.ruleset import Fact, Rule

KIND = "reference"


class Options(RuleOptions):
    """Options of reference."""

    attributes: list[str] | None = None
    window_days: int = 0
    fx_tolerance: float = 0.03
    min_confidence: float = 0.5


def _inside(c: Claim, f: Fact, window: int) -> bool:
    pad = dt.timedelta(days=window)
    lo = (f.start - pad) if f.start else dt.date.min
    hi = (f.end + pad) if f.end else dt.date.max
    return (c.as_of.start or dt.date.min) >= lo and (c.as_of.end or dt.date.max) <= hi


def check(rule: Rule, claims: list[Claim], ctx: CheckContext) -> CheckResult:
    """Index facts by key; check each eligible claim against the facts of its key."""
    opts: Options = rule.options
    result = CheckResult()
    facts: list[Fact] = list(ctx.facts)
    if not facts:
        return result
    index: dict[tuple, list[tuple[Fact, Interval]]] = defaultdict(list)
    for f in facts:
        index[(ctx.lexicon.root(f.subject), f.attribute, f.scope)].append((f, f.interval()))
    for c in claims:
        if c.kind not in ("count", "money") or c.subject is None or c.scope is None or c.confidence < opts.min_confidence:
            continue
        if opts.attributes is not None and c.attribute not in opts.attributes:
            continue
        if c.kind == "count" and c.status in INACTIVE:
            continue
        for f, fv in index.get((ctx.lexicon.root(c.subject), c.attribute, c.scope), ()):
            unknown = undated(c)
            if not unknown and not _inside(c, f, opts.window_days):
                continue
            values = _values(c, f, fv, opts)
            if values is None:
                continue
            vc, vf, rates = values
            result.compared += 1
            if not vc.disjoint(vf):
                result.passed += 1
                continue
            who = f.source or "the facts ledger"
            pivot = "USD" if rates else f.unit
            unit = "" if pivot == "count" else f" {pivot}"
            message = (
                f"{c.source} says {c.evidence.quote!r} ({date_text(c, ctx.sources)}) but the verified fact from {who} "
                f"gives {f.interval().text} ({f.validity()}): {noun(c.attribute)}{scope_text(c)} [{show_value(vc, pivot)} vs {show_value(vf, pivot)}{unit}]"
                + (", claim date unknown." if unknown else ".")
            )
            explanation = {
                "key": key_dict(subject=ctx.lexicon.root(c.subject), attribute=c.attribute, scope=c.scope),
                "fact": key_dict(id=f.id, value=f.interval().show(), unit=f.unit, valid=f.validity(), source=f.source, citation=f.citation, note=f.note),
                "claim_value": c.value.text or c.value.show(),
                "compared_values": [show_value(vc, pivot), show_value(vf, pivot)],
                "as_of": c.as_of.show(),
                "window_days": opts.window_days,
                "why": "the claimed value is disjoint from the verified value"
                + (" while the fact holds" if not unknown else "; the claim's date is unknown, so severity was lowered one level"),
            }
            if rates:
                explanation["fx_tolerance"] = opts.fx_tolerance
                explanation["rates"] = rates
            finding = make_finding(rule, [c], message, explanation, lowered(rule, unknown))
            # the fact is part of the finding's identity: two facts, two findings
            finding = finding.model_copy(update={"id": _fid(finding.id, f)})
            result.findings.append(finding)
    return result


def _fid(base: str, f: Fact) -> str:
    import hashlib

    raw = f"{base}|{f.id or ''}|{f.subject}|{f.attribute}|{f.scope}|{f.interval().show()}|{f.validity()}"
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def _values(c: Claim, f: Fact, fv: Interval, opts: Options) -> tuple[Interval, Interval, list[dict]] | None:
    """The claim's and the fact's value in one unit, with the rates used (None: not comparable)."""
    if c.unit == f.unit:
        return c.value, fv, []
    if c.kind != "money" or c.normalised is None or c.normalised.unit != "USD":
        return None
    rates = [key_dict(currency=c.unit, rate=c.normalised.rate, rate_date=c.normalised.rate_date.isoformat() if c.normalised.rate_date else None)]
    vc = c.normalised.value.widened(opts.fx_tolerance) if c.unit != "USD" else c.normalised.value
    if f.unit == "USD":
        return vc, fv, rates
    try:
        to_usd = importlib.import_module("checker.normalise.fx").to_usd
    except (ImportError, AttributeError):
        return None
    nf = to_usd(fv, f.unit, c.as_of.start or f.start)
    if nf is None:
        return None
    rates.append(key_dict(currency=f.unit, rate=nf.rate, rate_date=nf.rate_date.isoformat() if nf.rate_date else None))
    return vc, nf.value.widened(opts.fx_tolerance), rates
