"""The ``claimcheck`` command: thin typer commands over the library.

Exit codes: 0 no finding at or above ``--fail-on``; 1 findings; 2 usage or
input error (also when no source at all could be read).
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from checker import __version__
from checker.errors import ClaimcheckError, RuleFileError
from checker.models import Report, Severity

app = typer.Typer(help="Extract normalised claims from news articles and cross-check them across sources.", no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def root(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")] = None,
) -> None:
    """claimcheck: cross-check figures across news sources."""


def _fail(message: str) -> typer.Exit:
    typer.echo(f"claimcheck: {message}", err=True)
    return typer.Exit(2)


def _parse_formats(value: str | None, out: Path | None) -> list:
    from checker.report import Format

    if value is None:
        return [Format.terminal] + ([Format.md, Format.json] if out else [])
    formats = []
    for part in value.split(","):
        part = part.strip()
        try:
            formats.append(Format(part))
        except ValueError:
            raise _fail(f"--format: unknown format {part!r} (accepted: {', '.join(f.value for f in Format)})") from None
    return formats


def exit_code(report: Report, fail_on: FailOn) -> int:
    """1 when a new finding is at or above the threshold, else 0."""
    if fail_on == FailOn.never:
        return 0
    threshold = Severity(fail_on.value).rank
    return 1 if any(f.severity.rank >= threshold and f.baseline == "new" for f in report.findings) else 0


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of articles (.md, .txt, .html, .jsonl); folders are read recursively.")],
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Folder to write report files into (report.md, report.json, ...).")] = None,
    format: Annotated[Optional[str], typer.Option("--format", "-f", help="Comma-separated formats: terminal, md, json. Default: terminal, plus md and json with --out.")] = None,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Exit 1 when a finding at or above this severity is found.")] = FailOn.error,
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", "-r", help="Extra rule file; a rule with a default rule's id replaces it. Repeatable.")] = None,
) -> None:
    """Check a corpus: extract claims, cross-check them, report findings."""
    from checker.pipeline import check_paths
    from checker.report import FILE_NAMES, Format, render

    formats = _parse_formats(format, out)
    try:
        report = check_paths(paths, rules=list(rules or []))
    except RuleFileError as exc:
        typer.echo("\n".join(exc.problems), err=True)
        raise typer.Exit(2) from None
    except ClaimcheckError as exc:
        raise _fail(str(exc)) from None
    for fmt in formats:
        text = render(fmt, report, color=sys.stdout.isatty())
        if fmt == Format.terminal:
            typer.echo(text, nl=False)
        elif out is not None:
            out.mkdir(parents=True, exist_ok=True)
            (out / FILE_NAMES[fmt]).write_text(text, encoding="utf-8")
        else:
            typer.echo(text, nl=False)
    if out is not None:
        typer.echo(f"reports written to {out}/", err=True)
    raise typer.Exit(exit_code(report, fail_on))


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of articles.")],
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", "-r", help="Extra rule file (its lexicon is the default one).")] = None,
) -> None:
    """Print the claims of every source as JSON lines (skipped files go to stderr)."""
    from checker.extract.frames import extract_claims
    from checker.ruleset import load_ruleset
    from checker.sources import load_paths

    try:
        ruleset = load_ruleset(list(rules or []))
        loaded = load_paths(paths)
    except RuleFileError as exc:
        typer.echo("\n".join(exc.problems), err=True)
        raise typer.Exit(2) from None
    except ClaimcheckError as exc:
        raise _fail(str(exc)) from None
    for sk in loaded.skipped:
        typer.echo(f"skipped {sk.reason}", err=True)
    for doc in loaded.documents:
        for claim in extract_claims(doc, ruleset.lexicon):
            typer.echo(json.dumps(claim.model_dump(mode="json"), ensure_ascii=False, sort_keys=False))
    if not loaded.documents:
        raise _fail("no source could be read")


@app.command()
def schema() -> None:
    """Print the JSON schema of the JSON report."""
    typer.echo(json.dumps(Report.model_json_schema(), indent=2))


@app.command("rules")
def rules_cmd(
    rule_id: Annotated[Optional[str], typer.Argument(help="'show' followed by a rule id prints that rule's check kind documentation.")] = None,
    show_id: Annotated[Optional[str], typer.Argument(help="Rule id for 'show'.")] = None,
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", "-r", help="Extra rule file.")] = None,
) -> None:
    """List the rules (kind, severity, one line each), or `rules show ID` for one rule's documentation."""
    from checker.checks import CHECKS
    from checker.ruleset import load_ruleset

    try:
        ruleset = load_ruleset(list(rules or []))
    except RuleFileError as exc:
        typer.echo("\n".join(exc.problems), err=True)
        raise typer.Exit(2) from None
    if rule_id is None:
        for r in ruleset.rules:
            typer.echo(f"{r.id:28} {r.spec.kind:24} {r.severity.value:8} {r.spec.description}")
        return
    target = show_id if rule_id == "show" else rule_id
    if target is None:
        raise _fail("rules show: give a rule id (see `claimcheck rules`)")
    rule = ruleset.by_id.get(target)
    if rule is None:
        raise _fail(f"rules show: unknown rule {target!r} (accepted: {', '.join(sorted(ruleset.by_id))})")
    module = CHECKS[rule.spec.kind]
    typer.echo(f"{rule.id} ({rule.spec.kind}, {rule.severity.value}) from {rule.origin}:{rule.line}")
    typer.echo(f"options: {json.dumps(rule.options.model_dump(mode='json'))}\n")
    typer.echo((module.__doc__ or "").strip())


def main() -> None:
    """Console-script entry point."""
    app()
