"""The whole run as one library call: load, extract, check, report model."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from checker import __version__
from checker.engine import run_rules
from checker.errors import InputError
from checker.extract.frames import extract_claims
from checker.models import Report, Summary, ToolInfo
from checker.ruleset import Ruleset, load_ruleset
from checker.sources import load_paths


def check_paths(paths: Iterable[str | Path], rules: list[str | Path] | None = None, ruleset: Ruleset | None = None) -> Report:
    """Load every source under ``paths``, extract claims, run the rules.

    Raises :class:`InputError` when a path does not exist or nothing at all
    could be read; bad files are reported as skipped, not raised.
    """
    ruleset = ruleset or load_ruleset(rules)
    loaded = load_paths(paths)
    if not loaded.documents:
        reasons = "; ".join(s.reason for s in loaded.skipped[:5]) or "no .md, .txt, .html or .jsonl files found"
        raise InputError(f"no source could be read: {reasons}")
    claims = [c for doc in loaded.documents for c in extract_claims(doc, ruleset.lexicon)]
    sources = [d.source for d in loaded.documents]
    findings, summaries = run_rules(ruleset, claims, sources)
    return Report(
        tool=ToolInfo(version=__version__, rules=ruleset.files),
        sources=sources,
        skipped=loaded.skipped,
        claims=claims,
        findings=findings,
        summary=Summary(
            sources=len(sources),
            skipped=len(loaded.skipped),
            claims=len(claims),
            findings=len(findings),
            by_severity=dict(sorted(Counter(f.severity.value for f in findings).items())),
            by_rule=dict(sorted(Counter(f.rule for f in findings).items())),
            rules=summaries,
        ),
    )
