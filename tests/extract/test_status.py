"""Status cues: verbs to operational / planned / closed / under_construction, with negation."""

from __future__ import annotations

import pytest

from checker.extract import status
from checker.models import Status

CASES = [
    ("Alibaba launched its third data center.", "launched", Status.operational),
    ("The site opened in July.", "opened", Status.operational),
    ("The region began operations in May.", "began operations", Status.operational),
    ("The service went live on Monday.", "went live", Status.operational),
    ("The facility is operational.", "is operational", Status.operational),
    ("It announced the launch of its region.", "the launch of", Status.operational),
    ("It unveiled a new hub.", "unveiled", Status.operational),
    ("The minister inaugurated the campus.", "inaugurated", Status.operational),
    ("It plans to open two sites.", "plans to", Status.planned),
    ("It will open a second site.", "will open", Status.planned),
    ("The region is scheduled for October.", "scheduled for", Status.planned),
    ("The hub is set to support 5,000 firms.", "is set to", Status.planned),
    ("It is expected to add capacity.", "expected to", Status.planned),
    ("The firm intends to expand.", "intends to", Status.planned),
    ("A site slated for 2026.", "slated for", Status.planned),
    ("The region will be operational by October.", "will be operational", Status.planned),
    ("The data center was shut down in 2020.", "shut down", Status.closed),
    ("It suspended operations in Russia.", "suspended", Status.closed),
    ("It decommissioned the old hall.", "decommissioned", Status.closed),
    ("A third site is under construction.", "under construction", Status.under_construction),
    ("A campus is being built in Johor.", "being built", Status.under_construction),
    ("The company broke ground in March.", "broke ground", Status.under_construction),
    ("The site has not yet opened.", "has not yet opened", Status.planned),
    ("The site is not yet operational.", "is not yet operational", Status.planned),
    ("The region is yet to open.", "yet to open", Status.planned),
    ("The firm no longer operates there.", "no longer operates", Status.closed),
]


@pytest.mark.parametrize("text,cue,expected", CASES, ids=[c[1] for c in CASES])
def test_status_cases(text, cue, expected):
    found = status.extract(text)
    assert [(m.text, m.status) for m in found if not m.extra["weak"]][:1] == [(cue, expected)]
    m = found[0]
    assert text[m.start : m.end] == m.text and m.kind == "status"


@pytest.mark.parametrize("text", [
    "The company did not launch the product.",
    "It will not close the site.",
    "Shares closed 3% higher.",
    "It closed a funding round.",
    "It has close to 5,000 customers.",
    "operational costs rose",
    "an open-source model",
])
def test_no_status(text):
    assert [(m.text, m.status) for m in status.extract(text) if not m.extra["weak"]] == []


def test_plans_as_noun_is_weak():
    [m] = status.extract("its expansion plans in Asia")
    assert (m.text, m.status, m.extra["weak"]) == ("plans", Status.planned, True)
    [m] = status.extract("It plans to add sites.")
    assert m.extra["weak"] is False


def test_negated_flag():
    [m] = status.extract("The site has not yet opened.")
    assert m.extra == {"cue": "has not yet opened", "weak": False, "negated": True}


def test_reported_would_is_a_weak_plan_but_would_have_is_not():
    [m] = status.extract("The company said it would open a third data centre.")
    assert (m.text, m.status, m.extra["weak"]) == ("would", Status.planned, True)
    assert [m.text for m in status.extract("It would have been the largest.") if m.extra["cue"] == "would"] == []


def test_a_region_serving_customers_or_generally_available_is_operational():
    from checker.extract.status import extract

    got = [(m.text, m.status.value) for t in ["The region, first promised in 2021, is already serving customers.",
                                               "The region became generally available on Tuesday."] for m in extract(t)]
    assert got == [("is already serving customers", "operational"), ("became generally available", "operational")]
