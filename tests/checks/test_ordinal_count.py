"""ordinal_count: "its third data center" against a stated count at the same time."""

from __future__ import annotations

from checker.models import Severity, Status

from .conftest import claim, default_rule, rule, run

RULE = rule("ordinal_count", "ordinal-count")


def third(source: str = "a.md", on: str | None = "2025-07-02", **kw):
    return claim(3, ordinal=3, source=source, on=on, text="third", quote="third data center in Malaysia", **kw)


def test_count_below_ordinal_with_exact_message() -> None:
    res = run(RULE, [third(), claim(2, source="b.md", on="2025-07-03", quote="two data centers in Malaysia")])
    [f] = res.findings
    assert (res.compared, res.passed) == (1, 0)
    assert f.message == (
        "a.md says 'third data center in Malaysia' (2025-07-02) but b.md says 'two data centers in Malaysia' (2025-07-03): "
        "a 3rd data center in Malaysia needs at least 3 [2 < 3]."
    )
    assert (f.explanation["direction"], f.explanation["ordinal"], f.explanation["count"]) == ("below", 3, "2")


def test_count_well_above_is_flagged_one_above_is_not() -> None:
    [f] = run(RULE, [third(), claim(5, source="b.md", on="2025-07-03", quote="five data centers in Malaysia")]).findings
    assert f.message.endswith("a 3rd data center in Malaysia means about 3 data centers [5 > 3 + 1].")
    res = run(RULE, [third(), claim(4, source="b.md", on="2025-07-03")])
    assert (res.findings, res.compared, res.passed) == ([], 1, 1)


def test_count_first_then_ordinal_is_found_too() -> None:
    [f] = run(RULE, [claim(2, source="b.md", on="2025-07-01"), third(on="2025-07-02")]).findings
    assert f.sources == ["b.md", "a.md"]


def test_window_edges() -> None:
    assert len(run(RULE, [third(on="2025-07-01"), claim(2, source="b.md", on="2025-07-15")]).findings) == 1
    assert run(RULE, [third(on="2025-07-01"), claim(2, source="b.md", on="2025-07-16")]).compared == 0


def test_planned_ordinal_and_same_source_are_quiet() -> None:
    assert run(RULE, [third(status="planned"), claim(2, source="b.md")]).compared == 0
    assert run(RULE, [third(), claim(2, source="a.md", start=900)]).compared == 0


def test_event_and_count_from_the_same_words_count_once() -> None:
    count = third()
    event = count.model_copy(update={"id": "ev", "kind": "event", "event": "opening"})
    res = run(RULE, [count, event, claim(2, source="b.md", on="2025-07-03")])
    assert (len(res.findings), res.compared) == (1, 1)
    assert res.findings[0].claims[0] == "ev"


def test_unknown_date_lowers_severity() -> None:
    [f] = run(RULE, [third(), claim(2, source="b.md", on=None)]).findings
    assert f.severity == Severity.warning
    assert f.message.endswith("needs at least 3 [2 < 3], one date unknown.")


def test_stable_id_and_default_rule() -> None:
    claims = [third(), claim(2, source="b.md", on="2025-07-03")]
    assert run(RULE, claims).findings[0].id == run(RULE, claims[::-1]).findings[0].id
    assert default_rule("ordinal-count").options.above_margin == 0  # "launched its second" means two, not three


def test_one_count_meets_every_ordinal_it_contradicts() -> None:
    # two outlets say "its third", a later one says two: both pairs are findings, a consistent fourth source is not
    claims = [third("a.md", on="2025-07-01"), third("c.md", on="2025-07-02"), claim(3, source="d.md", on="2025-07-02"),
              claim(2, source="b.md", on="2025-07-03", quote="two data centers in Malaysia")]
    res = run(RULE, claims)
    assert sorted(tuple(f.sources) for f in res.findings) == [("a.md", "b.md"), ("c.md", "b.md")]
    assert {f.explanation["direction"] for f in res.findings} == {"below"}


def test_two_ordinals_for_one_unit_conflict_done_by_event_date_planned_by_publication() -> None:
    first = claim(1, ordinal=1, kind="event", event="opening", source="a.md", on="2025-07-01", quote="its first data center in Malaysia")
    second = claim(2, ordinal=2, kind="event", event="opening", source="b.md", on="2025-07-03", quote="its second data center in Malaysia")
    [f] = run(RULE, [first, second]).findings
    assert f.message == ("a.md says 'its first data center in Malaysia' (2025-07-01) but b.md says 'its second data center in Malaysia' "
                         "(2025-07-03): one data center in Malaysia cannot be both the 1st and the 2nd.")
    assert (f.explanation["ordinals"], f.explanation["dated_by"]) == ([1, 2], "event date")
    # planned: compared by publication day, whatever the planned date says
    plan1 = first.model_copy(update={"status": Status.planned, "as_of": first.as_of.model_copy(update={"end": None, "precision": "open"})})
    plan2 = second.model_copy(update={"status": Status.planned, "as_of": second.as_of.model_copy(update={"end": None, "precision": "open"})})
    [f] = run(RULE, [plan1, plan2]).findings
    assert f.message.endswith("one planned data center in Malaysia cannot be both the 1st and the 2nd.")
    assert run(RULE, [plan1, plan2], published={"b.md": "2026-03-01"}).findings == []  # the next one, two years on


def test_same_ordinal_other_event_or_planned_against_done_are_quiet() -> None:
    first = claim(1, ordinal=1, kind="event", event="opening", source="a.md", on="2025-07-01")
    assert run(RULE, [first, first.model_copy(update={"id": "x", "source": "b.md"})]).findings == []
    assert run(RULE, [first, claim(2, ordinal=2, kind="event", event="closure", source="b.md", on="2025-07-02")]).findings == []
    assert run(RULE, [first, claim(2, ordinal=2, kind="event", event="opening", source="b.md", on="2025-07-02", status="planned")]).findings == []
