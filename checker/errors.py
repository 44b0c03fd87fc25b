"""Errors that reach the user, all worded the same way.

``path:line: what is wrong (accepted: a, b, c)`` — one line per problem, so an
editor or CI log can jump to it.
"""

from __future__ import annotations

from collections.abc import Iterable


def located(path: str, line: int | None, what: str, accepted: Iterable[str] | None = None) -> str:
    """Format one problem the project's way.

    >>> located("rules/x.yaml", 3, "unknown key 'sevrity'", ["id", "kind"])
    "rules/x.yaml:3: unknown key 'sevrity' (accepted: id, kind)"
    >>> located("a.md", None, "empty file")
    'a.md: empty file'
    """
    where = f"{path}:{line}" if line is not None else path
    tail = f" (accepted: {', '.join(accepted)})" if accepted else ""
    return f"{where}: {what}{tail}"


class ClaimcheckError(Exception):
    """Base class: the message is already worded for the user."""


class InputError(ClaimcheckError):
    """A usage or input problem that stops the run (exit code 2)."""


class RuleFileError(ClaimcheckError):
    """A rule or lexicon file is invalid; ``problems`` holds one line per problem."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))
