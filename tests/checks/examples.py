"""Parse and run the **Conflict** / **No conflict** examples in check-kind docstrings.

An example line is ``a.md (2025-07-02): "sentence as written"`` with anything
after the closing quote ignored (``-> data_centers[MY] = 3``, a remark in
parentheses). ``(unknown)`` instead of a date makes a source without a
published date. A ``facts: {...}`` line (YAML flow mapping) adds a verified
fact for the ``reference`` kind. Lines of one file become one article.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import yaml

LINE = re.compile(r"^\s+(?P<file>[\w./-]+\.(?:md|txt)) \((?P<date>\d{4}-\d\d-\d\d|unknown)\): \"(?P<text>[^\"]+)\"")
FACTS = re.compile(r"^\s+facts: (?P<yaml>\{.*\})\s*$")


@dataclass
class Example:
    """One example block: articles by file name, and facts."""

    articles: dict[str, tuple[str | None, list[str]]] = field(default_factory=dict)
    facts: list[dict] = field(default_factory=list)

    def write(self, folder: Path) -> None:
        """Write the articles as Markdown files with front matter."""
        for name, (date, sentences) in self.articles.items():
            front = f"---\npublished: {date}\n---\n" if date else "---\ntitle: undated\n---\n"
            (folder / name).write_text(front + " ".join(sentences) + "\n", encoding="utf-8")


def blocks(module: ModuleType) -> dict[str, Example]:
    """The 'conflict' and 'no_conflict' example blocks of a check module's docstring."""
    doc = module.__doc__ or ""
    out: dict[str, Example] = {}
    current: Example | None = None
    for line in doc.splitlines():
        stripped = line.strip()
        if stripped == "**Conflict**":
            current = out.setdefault("conflict", Example())
            continue
        if stripped == "**No conflict**":
            current = out.setdefault("no_conflict", Example())
            continue
        if current is None:
            continue
        if stripped.startswith("**"):
            current = None
            continue
        m = LINE.match(line)
        if m:
            date = None if m["date"] == "unknown" else m["date"]
            entry = current.articles.setdefault(m["file"], (date, []))
            entry[1].append(m["text"])
            continue
        f = FACTS.match(line)
        if f:
            current.facts.append(yaml.safe_load(f["yaml"]))
    return out


def iso(d: str | None) -> dt.date | None:
    return dt.date.fromisoformat(d) if d else None
