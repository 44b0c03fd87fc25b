"""reference: claims against a ledger of verified facts."""

from __future__ import annotations

import datetime as dt

from checker.models import Severity
from checker.ruleset import Fact

from .conftest import claim, default_rule, rule, run

RULE = rule("reference", "reference")
FACT = Fact(subject="alibaba-group", attribute="data_centers", scope="MY", value=3, valid_from=dt.date(2025, 7, 1), valid_to=dt.date(2025, 12, 31), source="Alibaba Cloud press release", citation="https://example.com/pr")


def test_disjoint_claim_inside_validity_with_exact_message() -> None:
    res = run(RULE, [claim(2, source="a.md", on="2025-07-10", quote="two data centers in Malaysia")], facts=[FACT])
    [f] = res.findings
    assert (res.compared, res.passed) == (1, 0)
    assert f.message == (
        "a.md says 'two data centers in Malaysia' (2025-07-10) but the verified fact from Alibaba Cloud press release gives 3 "
        "(2025-07-01..2025-12-31): data centers in Malaysia [2 vs 3]."
    )
    assert f.explanation["fact"] == {"value": "3", "unit": "count", "valid": "2025-07-01..2025-12-31", "source": "Alibaba Cloud press release", "citation": "https://example.com/pr"}
    assert f.sources == ["a.md"]


def test_validity_edges() -> None:
    assert len(run(RULE, [claim(2, source="a.md", on="2025-07-01")], facts=[FACT]).findings) == 1
    assert len(run(RULE, [claim(2, source="a.md", on="2025-12-31")], facts=[FACT]).findings) == 1
    assert run(RULE, [claim(2, source="a.md", on="2025-06-30")], facts=[FACT]).compared == 0
    wide = rule("reference", "reference", window_days=1)
    assert run(wide, [claim(2, source="a.md", on="2025-06-30")], facts=[FACT]).compared == 1


def test_agreeing_other_key_and_planned_are_quiet() -> None:
    res = run(RULE, [claim(3, source="a.md", on="2025-07-10"), claim(2, source="b.md", scope="PH"), claim(2, source="c.md", status="planned", on="2025-07-10")], facts=[FACT])
    assert (res.findings, res.compared, res.passed) == ([], 1, 1)


def test_unknown_date_lowers_and_no_facts_compares_nothing() -> None:
    [f] = run(RULE, [claim(2, source="a.md", on=None)], facts=[FACT]).findings
    assert f.severity == Severity.warning
    assert f.message.endswith("[2 vs 3], claim date unknown.")
    assert run(RULE, [claim(2, source="a.md")]).compared == 0


def test_money_fact_in_usd_against_converted_claim() -> None:
    fact = Fact(subject="alibaba-group", attribute="investment", scope="global", value=53e9, unit="USD", as_of=dt.date(2025, 2, 24))
    yuan = claim((379.5e9, 380.5e9), attribute="investment", scope="global", unit="CNY", usd=(52.34e9, 52.48e9), rate=0.1379, rate_date="2025-02-24", on="2025-02-24", source="a.md")
    assert run(RULE, [yuan], facts=[fact]).findings == []
    far = claim((459.5e9, 460.5e9), attribute="investment", scope="global", unit="CNY", usd=(63.4e9, 63.5e9), rate=0.1379, rate_date="2025-02-24", on="2025-02-24", source="b.md")
    [f] = run(RULE, [far], facts=[fact]).findings
    assert f.explanation["rates"] == [{"currency": "CNY", "rate": 0.1379, "rate_date": "2025-02-24"}]
    assert f.explanation["fx_tolerance"] == 0.03


def test_two_facts_two_findings_stable_ids() -> None:
    other = FACT.model_copy(update={"value": 4, "source": "filing"})
    c = claim(2, source="a.md", on="2025-07-10")
    ids = [f.id for f in run(RULE, [c], facts=[FACT, other]).findings]
    assert len(set(ids)) == 2
    assert ids == [f.id for f in run(RULE, [c], facts=[FACT, other]).findings]
    assert default_rule("reference").options.window_days == 0
