"""The whole run as one library call: load, extract (through the store), check, report model."""

from __future__ import annotations

import os
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from checker import __version__
from checker.engine import resolve_facts, run_rules
from checker.errors import InputError
from checker.extract import EXTRACTOR_VERSION
from checker.extract.frames import extract_claims
from checker.models import Claim, Finding, Report, Source, Summary, ToolInfo
from checker.ruleset import Ruleset, load_ruleset
from checker.sources import iter_files, load_paths
from checker.store import Store, cache_key

#: Called after each source's claims are ready: (sources done, sources in all).
Progress = Callable[[int, int], None]


def check_paths(
    paths: Iterable[str | Path],
    rules: list[str | Path] | None = None,
    ruleset: Ruleset | None = None,
    facts: str | Path | None = None,
    store: Store | None = None,
    new: Iterable[str | Path] | None = None,
    baseline: str | Path | None = None,
    progress: Progress | None = None,
) -> Report:
    """Load every source under ``paths``, extract claims, run the rules.

    - ``facts``: a facts YAML for the ``reference`` check kind (a bad one
      raises :class:`~checker.errors.RuleFileError`).
    - ``store``: a claim ledger; sources it already holds are not extracted again.
    - ``new``: files or folders of newly added sources (loaded too if outside
      ``paths``); only findings that involve one of them are reported.
    - ``baseline``: a baseline file; its findings are marked ``known``.

    Paths in the report are relative to the working directory when they lie
    under it, so reports do not depend on the machine.

    Raises :class:`InputError` when a path does not exist, nothing at all
    could be read, or the baseline or facts file is bad; bad sources are
    reported as skipped, not raised.
    """
    ruleset = ruleset or load_ruleset(rules)
    # facts are loaded before extraction so that a bad ledger fails fast
    fact_list = resolve_facts(facts) if facts is not None else None
    entries = None
    if baseline is not None:
        from checker import baseline as baseline_mod

        entries = baseline_mod.load(baseline)
    new_paths = [Path(p) for p in (new or [])]
    loaded = load_paths([*paths, *new_paths])
    if not loaded.documents:
        reasons = "; ".join(s.reason for s in loaded.skipped[:5]) or "no .md, .txt, .html or .jsonl files found"
        raise InputError(f"no source could be read: {reasons}")
    claims: list[Claim] = []
    total = len(loaded.documents)
    for done, doc in enumerate(loaded.documents, start=1):
        claims.extend(_claims_of(doc, ruleset, store))
        if progress is not None:
            progress(done, total)
    sources = [_relative_source(d.source) for d in loaded.documents]
    findings, summaries = run_rules(ruleset, claims, sources, facts=fact_list)
    report = Report(
        tool=ToolInfo(version=__version__, rules=[display_path(f) for f in ruleset.files]),
        sources=sources,
        skipped=[s.model_copy(update={"path": display_path(s.path)}) for s in loaded.skipped],
        claims=claims,
        findings=findings,
        summary=_summary(sources, loaded.skipped, claims, findings, summaries),
    )
    if entries is not None:
        from checker import baseline as baseline_mod

        report = baseline_mod.apply(report, entries)
    if new_paths:
        report = only_new(report, _new_source_ids(report.sources, new_paths))
    return report


def only_new(report: Report, new_ids: set[str]) -> Report:
    """The report restricted to findings that involve at least one of ``new_ids``.

    Sources, claims and rule summaries stay whole; the summary's finding counts
    describe the findings that are left.
    """
    findings = [f for f in report.findings if new_ids.intersection(f.sources)]
    s = report.summary
    return report.model_copy(update={
        "findings": findings,
        "summary": s.model_copy(update={
            "findings": len(findings),
            "by_severity": _counts(f.severity.value for f in findings),
            "by_rule": _counts(f.rule for f in findings),
        }),
    })


def display_path(path: str | Path) -> str:
    """A path as reports show it: relative to the working directory when under it, POSIX separators.

    >>> display_path(Path.cwd() / "fixtures" / "a.md")
    'fixtures/a.md'
    >>> display_path("fixtures/a.md")
    'fixtures/a.md'
    """
    p = Path(path)
    if p.is_absolute():
        try:
            return p.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return p.as_posix()
    return Path(os.path.normpath(p)).as_posix()


def _claims_of(doc, ruleset: Ruleset, store: Store | None) -> list[Claim]:
    """One document's claims, from the store when it holds them."""
    if store is None:
        return extract_claims(doc, ruleset.lexicon)
    key = cache_key(doc.source, EXTRACTOR_VERSION, ruleset.lexicon.digest)
    cached = store.get(key)
    if cached is not None:
        return cached
    claims = extract_claims(doc, ruleset.lexicon)
    try:
        store.put(key, doc.source, EXTRACTOR_VERSION, ruleset.lexicon.digest, claims)
    except sqlite3.OperationalError:
        pass  # a busy or read-only ledger costs a cache entry, never the run
    return claims


def _relative_source(source: Source) -> Source:
    path = display_path(source.path)
    return source if path == source.path else source.model_copy(update={"path": path})


def _new_source_ids(sources: list[Source], new_paths: list[Path]) -> set[str]:
    """Ids of the sources that were read from the files under ``new_paths``."""
    files = {f.resolve() for p in new_paths for f in iter_files(p)}
    return {s.id for s in sources if Path(s.path).resolve() in files}


def _counts(values: Iterable[str]) -> dict[str, int]:
    return dict(sorted(Counter(values).items()))


def _summary(sources, skipped, claims, findings: list[Finding], summaries) -> Summary:
    return Summary(
        sources=len(sources),
        skipped=len(skipped),
        claims=len(claims),
        findings=len(findings),
        by_severity=_counts(f.severity.value for f in findings),
        by_rule=_counts(f.rule for f in findings),
        rules=summaries,
    )
