"""Score claimcheck against a labelled corpus: precision and recall of findings.

A labelled story is a folder with ``sources/`` (the articles) and
``expected.yaml``::

    story: alibaba-cloud
    findings:                 # findings that must appear
      - rule: count-conflict
        sources: [a.md, b.md]
        attribute: data_centers
        scope: MY
    quiet:                    # pairs that must not produce any finding (traps)
      - sources: [a.md, c.md]
        attribute: data_centers
        scope: MY
        trap: growth

A produced finding matches an expected one when the rule, the set of sources
and the attribute are equal and the scope is one of the finding's claims'
scopes. Every produced finding that matches no expected finding is a false
positive; a produced finding that hits a quiet pair is also counted per trap.

``python -m checker.evaluate fixtures/gold`` prints the table.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
import re
from pathlib import Path

import yaml

from checker.checks.value_conflict import money_scope
from checker.normalise.places import place_slug
from checker.models import Finding, Report
from checker.pipeline import check_paths


@dataclass
class StoryScore:
    """Outcome of one labelled story."""

    story: str
    expected: int = 0
    produced: int = 0
    matched: int = 0
    missed: list[dict] = field(default_factory=list)
    unexpected: list[Finding] = field(default_factory=list)
    quiet_pairs: int = 0
    quiet_broken: list[dict] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.produced if self.produced else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0


def _finding_keys(report: Report, finding: Finding) -> tuple[set[str], set[str | None]]:
    claims = {c.id: c for c in report.claims}
    used = [claims[cid] for cid in finding.claims if cid in claims]
    # an event finding may be labelled by its event kind ("opening", or "launch": the extractor names both "opening")
    # or by what opened ("data_centers"); money is compared at country level (value_conflict.money_scope), so its country names it too
    events = {c.event for c in used if c.event}
    if "opening" in events:
        events.add("launch")
    # an opening in a city is one in its country too ("Google's Bangkok region went live" is labelled TH); a subdivision
    # named like its city ("Tokyo", JP-13) answers to the city's id too: the text cannot tell them apart
    scopes = {c.scope for c in used} | {money_scope(c) for c in used if c.kind in ("money", "event")}
    scopes |= {f"city:{c.scope_parents[-1]}:{place_slug(c.scope_name)}" for c in used if c.scope and re.fullmatch(r"[A-Z]{2}-\w+", c.scope)
               and c.scope_parents and c.scope_name}
    return {c.attribute for c in used} | events, scopes


def _matches(entry: dict, report: Report, finding: Finding, rule_needed: bool = True) -> bool:
    if rule_needed and entry.get("rule") != finding.rule:
        return False
    if sorted(entry.get("sources", [])) != sorted(finding.sources):
        return False
    attributes, scopes = _finding_keys(report, finding)
    if "attribute" in entry and entry["attribute"] not in attributes:
        return False
    if "scope" in entry and entry["scope"] not in scopes:
        return False
    return True


def score_story(story_dir: Path, report: Report | None = None) -> StoryScore:
    """Run claimcheck on ``story_dir/sources`` and compare with ``expected.yaml``."""
    expected = yaml.safe_load((story_dir / "expected.yaml").read_text(encoding="utf-8")) or {}
    report = report or check_paths([story_dir / "sources"])
    score = StoryScore(story=expected.get("story", story_dir.name))
    wanted = list(expected.get("findings") or [])
    score.expected = len(wanted)
    score.produced = len(report.findings)
    remaining = list(report.findings)
    for entry in wanted:
        hit = next((f for f in remaining if _matches(entry, report, f)), None)
        if hit is None:
            score.missed.append(entry)
        else:
            score.matched += 1
            remaining.remove(hit)
    score.unexpected = remaining
    for pair in expected.get("quiet") or []:
        score.quiet_pairs += 1
        if any(_matches(pair, report, f, rule_needed=False) for f in report.findings):
            score.quiet_broken.append(pair)
    return score


def stories(root: Path) -> list[Path]:
    """Labelled story folders under ``root`` (itself if it is one)."""
    if (root / "expected.yaml").is_file():
        return [root]
    return sorted(p.parent for p in root.rglob("expected.yaml"))


def main(argv: list[str] | None = None) -> int:
    """Print precision and recall per story (under every folder given) and overall."""
    args = argv if argv is not None else sys.argv[1:]
    roots = [Path(a) for a in args] or [Path("fixtures/gold")]
    missing = [r for r in roots if not r.is_dir()]
    if missing:
        print(f"error: no such folder: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    totals = StoryScore(story="all")
    print(f"{'story':32} {'expected':>8} {'produced':>8} {'matched':>7} {'precision':>9} {'recall':>6} {'quiet kept':>10}")
    for d in sorted({d for r in roots for d in stories(r)}):
        s = score_story(d)
        for name in ("expected", "produced", "matched", "quiet_pairs"):
            setattr(totals, name, getattr(totals, name) + getattr(s, name))
        totals.quiet_broken += s.quiet_broken
        print(f"{s.story:32} {s.expected:8} {s.produced:8} {s.matched:7} {s.precision:9.3f} {s.recall:6.3f} {s.quiet_pairs - len(s.quiet_broken):5}/{s.quiet_pairs:<4}")
        for m in s.missed:
            print(f"    missed: {m.get('rule')} {m.get('sources')} {m.get('attribute')} {m.get('scope')}")
        for f in s.unexpected:
            print(f"    unexpected: {f.rule} {f.sources} {f.message}")
        for q in s.quiet_broken:
            print(f"    quiet broken ({q.get('trap')}): {q.get('sources')} {q.get('attribute')} {q.get('scope')}")
    t = totals
    print(f"{'all':32} {t.expected:8} {t.produced:8} {t.matched:7} {t.precision:9.3f} {t.recall:6.3f} {t.quiet_pairs - len(t.quiet_broken):5}/{t.quiet_pairs:<4}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
