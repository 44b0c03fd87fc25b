"""Rule files and facts ledgers: validation errors are `path:line: what (accepted: ...)`."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.errors import RuleFileError
from checker.models import Severity
from checker.ruleset import load_facts, load_ruleset


def problems(path: Path, loader=lambda p: load_ruleset([p])) -> list[str]:
    with pytest.raises(RuleFileError) as exc:
        loader(path)
    return exc.value.problems


def write(tmp_path: Path, text: str, name: str = "mine.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_default_rules_load_with_all_required_ids() -> None:
    ids = [r.id for r in load_ruleset().rules]
    for required in ("count-conflict", "investment-conflict", "opening-date-conflict", "launch-slip", "status-conflict"):
        assert required in ids


def test_unknown_kind_names_line_and_accepted_kinds(tmp_path: Path) -> None:
    p = write(tmp_path, "checks:\n  - id: mine\n    kind: value_conflcit\n")
    from checker.checks import CHECKS

    assert problems(p) == [f"{p}:3: rule 'mine': unknown check kind 'value_conflcit' (accepted: {', '.join(sorted(CHECKS))})"]


def test_unknown_option_key(tmp_path: Path) -> None:
    p = write(tmp_path, "checks:\n  - id: mine\n    kind: value_conflict\n    options:\n      attributes: [data_centers]\n      window: 3\n")
    assert problems(p) == [f"{p}:6: unknown key 'window' in checks.0.options (accepted: attributes, same_time_window_days, fx_tolerance, min_confidence, ordinals, toll_window_days)"]


def test_bad_severity(tmp_path: Path) -> None:
    p = write(tmp_path, "checks:\n  - id: mine\n    kind: value_conflict\n    severity: fatal\n    options: {attributes: [x]}\n")
    assert problems(p) == [f"{p}:4: checks.0.severity: 'fatal' is not a valid value (accepted: error, warning, info)"]


def test_unknown_rule_key(tmp_path: Path) -> None:
    p = write(tmp_path, "checks:\n  - id: mine\n    kind: value_conflict\n    sevrity: error\n")
    assert problems(p) == [f"{p}:4: unknown key 'sevrity' in checks.0 (accepted: id, kind, severity, description, enabled, options)"]


def test_bad_literal_option(tmp_path: Path) -> None:
    p = write(tmp_path, "checks:\n  - id: mine\n    kind: date_conflict\n    options:\n      find: everything\n")
    assert problems(p) == [f"{p}:5: checks.0.options.find: 'everything' is not a valid value (accepted: conflicts, slips, both)"]


def test_missing_required_option_and_missing_file(tmp_path: Path) -> None:
    p = write(tmp_path, "checks:\n  - id: mine\n    kind: value_conflict\n    options: {}\n")
    assert problems(p) == [f"{p}:4: checks.0.options.attributes: field required"]
    missing = tmp_path / "nope.yaml"
    assert problems(missing) == [f"{missing}: no such rule file"]


def test_user_rule_overrides_default_by_id_and_adds_new(tmp_path: Path) -> None:
    p = write(tmp_path, "checks:\n  - id: count-conflict\n    kind: value_conflict\n    severity: warning\n    options: {attributes: [data_centers], same_time_window_days: 3}\n"
              "  - id: jobs-conflict\n    kind: value_conflict\n    options: {attributes: [jobs]}\n")
    rs = load_ruleset([p])
    assert rs.by_id["count-conflict"].severity == Severity.warning
    assert rs.by_id["count-conflict"].options.same_time_window_days == 3
    assert rs.rules[-1].id == "jobs-conflict"


def test_disabled_rule_is_dropped(tmp_path: Path) -> None:
    p = write(tmp_path, "checks:\n  - id: launch-slip\n    kind: date_conflict\n    enabled: false\n")
    assert "launch-slip" not in load_ruleset([p]).by_id


FACT = "facts:\n  - subject: alibaba-cloud\n    attribute: data_centers\n    scope: MY\n"


def test_facts_load(tmp_path: Path) -> None:
    p = write(tmp_path, FACT + "    value: 3\n    valid_from: 2025-07-01\n    valid_to: 2025-12-31\n    source: press release\n", "facts.yaml")
    [f] = load_facts(p)
    assert (f.interval().low, f.interval().high, f.validity(), f.source) == (3, 3, "2025-07-01..2025-12-31", "press release")


def test_facts_as_a_top_level_list(tmp_path: Path) -> None:
    p = write(tmp_path, "- subject: aws\n  attribute: regions\n  scope: global\n  low: 30\n  as_of: 2025-01-01\n", "facts.yaml")
    [f] = load_facts(p)
    assert (f.interval().low, f.interval().high, f.validity()) == (30, None, "2025-01-01")


def test_facts_errors(tmp_path: Path) -> None:
    p = write(tmp_path, FACT + "    value: 3\n    colour: red\n", "facts.yaml")
    assert problems(p, load_facts) == [
        f"{p}:6: unknown key 'colour' in facts.0 (accepted: id, subject, attribute, scope, value, low, high, unit, as_of, valid_from, valid_to, source, citation, note)"
    ]
    p = write(tmp_path, FACT + "    value: 3\n    low: 2\n", "facts.yaml")
    assert problems(p, load_facts) == [f"{p}:2: facts.0: give value, or low/high, not both"]
    p = write(tmp_path, FACT, "facts.yaml")
    assert problems(p, load_facts) == [f"{p}:2: facts.0: give value, or low and/or high"]
    p = write(tmp_path, FACT + "    value: 3\n    valid_from: 2025-02-01\n    valid_to: 2025-01-01\n", "facts.yaml")
    assert problems(p, load_facts) == [f"{p}:2: facts.0: valid_from 2025-02-01 is after valid_to 2025-01-01"]
    p = write(tmp_path, FACT + "    value: three\n", "facts.yaml")
    assert problems(p, load_facts) == [f"{p}:5: facts.0.value: input should be a valid number, unable to parse string as a number"]
    assert problems(tmp_path / "none.yaml", load_facts) == [f"{tmp_path / 'none.yaml'}: no such facts file"]
