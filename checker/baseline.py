"""Baselines: today's findings recorded so that CI fails only on new ones.

``claimcheck baseline corpus/ -o claimcheck-baseline.json`` writes::

    {
      "claimcheck_baseline": 1,
      "findings": [
        {"id": "a902fc4d6b01b71c", "rule": "count-conflict", "message": "...", "sources": ["a.md", "b.md"]}
      ]
    }

sorted by id, so the same findings always give the same bytes. With
``--baseline FILE`` a finding whose stable id is in the file is marked
``baseline: known`` (reported, but it does not fail the run), and baseline ids
that no longer occur are listed in ``summary.resolved_baseline``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from checker.errors import InputError, located
from checker.models import Finding, Report

FORMAT_VERSION = 1
ENTRY_KEYS = ("id", "rule", "message", "sources")


@dataclass(frozen=True)
class BaselineEntry:
    """One recorded finding."""

    id: str
    rule: str
    message: str
    sources: tuple[str, ...]


def dumps(findings: list[Finding]) -> str:
    """The baseline file's text for these findings (deterministic)."""
    entries = sorted({f.id: f for f in findings}.values(), key=lambda f: f.id)
    data = {
        "claimcheck_baseline": FORMAT_VERSION,
        "findings": [{"id": f.id, "rule": f.rule, "message": f.message, "sources": list(f.sources)} for f in entries],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def load(path: str | Path) -> list[BaselineEntry]:
    """Read a baseline file; every problem raises :class:`InputError` as ``path:line: what is wrong``."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(located(name, None, "baseline file not found (create it with `claimcheck baseline PATH... -o FILE`)")) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(located(name, None, f"cannot read baseline: {getattr(exc, 'strerror', None) or exc}")) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(located(name, exc.lineno, f"not valid JSON: {exc.msg} (column {exc.colno})")) from None
    shape = "a JSON object with \"claimcheck_baseline\" and \"findings\""
    if not isinstance(data, dict):
        raise InputError(located(name, 1, f"a baseline must be {shape}", ["output of `claimcheck baseline`"]))
    version = data.get("claimcheck_baseline")
    if version != FORMAT_VERSION:
        raise InputError(located(name, _line_of_key(text, "claimcheck_baseline"), f"unsupported baseline version {version!r}", [str(FORMAT_VERSION)]))
    findings = data.get("findings")
    if not isinstance(findings, list):
        raise InputError(located(name, _line_of_key(text, "findings"), "\"findings\" must be a list", ["a list of {id, rule, message, sources}"]))
    lines = _element_lines(text)
    entries: list[BaselineEntry] = []
    problems: list[str] = []
    for i, item in enumerate(findings):
        line = lines[i] if i < len(lines) else None
        if not isinstance(item, dict):
            problems.append(located(name, line, f"finding {i + 1} must be an object", list(ENTRY_KEYS)))
            continue
        unknown = sorted(set(item) - set(ENTRY_KEYS))
        if unknown:
            problems.append(located(name, line, f"finding {i + 1} has unknown key {unknown[0]!r}", list(ENTRY_KEYS)))
            continue
        if not isinstance(item.get("id"), str) or not item["id"]:
            problems.append(located(name, line, f"finding {i + 1} needs an \"id\" string", list(ENTRY_KEYS)))
            continue
        sources = item.get("sources", [])
        if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
            problems.append(located(name, line, f"finding {i + 1}: \"sources\" must be a list of source ids"))
            continue
        entries.append(BaselineEntry(id=item["id"], rule=str(item.get("rule", "")), message=str(item.get("message", "")), sources=tuple(sources)))
    if problems:
        raise InputError("\n".join(problems))
    return entries


def apply(report: Report, entries: list[BaselineEntry]) -> Report:
    """Mark findings in the baseline as known and list baseline ids that no longer occur."""
    known = {e.id for e in entries}
    present = {f.id for f in report.findings}
    findings = [f.model_copy(update={"baseline": "known" if f.id in known else "new"}) for f in report.findings]
    resolved = sorted(known - present)
    return report.model_copy(update={"findings": findings, "summary": report.summary.model_copy(update={"resolved_baseline": resolved})})


def _line_of_key(text: str, key: str) -> int | None:
    """1-based line of the first ``"key":`` in the text."""
    i = text.find(f'"{key}"')
    return None if i < 0 else text.count("\n", 0, i) + 1


def _element_lines(text: str) -> list[int]:
    """1-based line where each element of the top-level "findings" array starts.

    >>> _element_lines('{"findings": [\\n {"id": "a"},\\n {"id": "b"}]}')
    [2, 3]
    """
    decoder = json.JSONDecoder()
    i = text.find('"findings"')
    if i < 0:
        return []
    i = text.find("[", i)
    if i < 0:
        return []
    i += 1
    lines: list[int] = []
    n = len(text)
    while i < n:
        while i < n and text[i] in " \t\r\n,":
            i += 1
        if i >= n or text[i] == "]":
            break
        lines.append(text.count("\n", 0, i) + 1)
        try:
            _, i = decoder.raw_decode(text, i)
        except json.JSONDecodeError:
            break
    return lines
