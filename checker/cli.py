"""The ``claimcheck`` command: thin typer commands over the library.

Exit codes: 0 no new finding at or above ``--fail-on``; 1 findings; 2 usage or
input error (also when no source at all could be read, or a bad baseline,
facts or store file).
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


def _parse_formats(value: str | None, out: Path | None, quiet: bool = False) -> list:
    from checker.report import FILE_FORMATS, Format

    if value is None:
        return ([] if quiet else [Format.terminal]) + (list(FILE_FORMATS) if out else [])
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


#: Runs with more sources than this show a progress bar (on a terminal only).
PROGRESS_MIN_SOURCES = 20

RulesOption = Annotated[Optional[list[Path]], typer.Option("--rules", "-r", help="Extra rule file; a rule with a default rule's id replaces it. Repeatable.")]
FactsOption = Annotated[Optional[Path], typer.Option("--facts", help="Facts YAML for the 'reference' check kind (known true values to check claims against).")]
StoreOption = Annotated[Path, typer.Option("--store", help="SQLite claim ledger that caches extraction by content hash.")]
NoStoreOption = Annotated[bool, typer.Option("--no-store", help="Do not read or write the claim ledger; extract everything.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but the reports asked for with --format (no summary, progress or notes).")]


class _ProgressBar:
    """A rich progress bar on stderr, shown only for long runs on a terminal."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.bar = None
        self.task = None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total <= PROGRESS_MIN_SOURCES:
            return
        if self.bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("extract", total=total)
        self.bar.update(self.task, completed=done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _run(paths: list[Path], rules: list[Path] | None, facts: Path | None, store_path: Path, no_store: bool, quiet: bool, new: list[Path] | None = None, baseline: Path | None = None):
    """Load the rules, open the store and run the pipeline; errors become exit code 2."""
    import sqlite3

    from checker.pipeline import check_paths
    from checker.ruleset import load_ruleset
    from checker.store import Store

    progress = _ProgressBar(enabled=not quiet and sys.stderr.isatty())
    store = None
    try:
        ruleset = load_ruleset(list(rules or []))
        if not no_store:
            try:
                store = Store(store_path)
            except (sqlite3.Error, OSError) as exc:
                raise _fail(f"{store_path}: cannot open the claim store: {exc} (use --no-store or another --store PATH)") from None
        report = check_paths(paths, ruleset=ruleset, facts=facts, store=store, new=new, baseline=baseline, progress=progress)
    except RuleFileError as exc:
        typer.echo("\n".join(exc.problems), err=True)
        raise typer.Exit(2) from None
    except ClaimcheckError as exc:
        raise _fail(str(exc)) from None
    finally:
        progress.close()
        if store is not None:
            store.close()
    return report, {r.id: r.spec.description for r in ruleset.rules}


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of articles (.md, .txt, .html, .jsonl); folders are read recursively.")],
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Folder to write report files into (report.md, report.html, report.json, report.sarif).")] = None,
    format: Annotated[Optional[str], typer.Option("--format", "-f", help="Comma-separated formats: terminal, md, html, json, sarif. Default: terminal, plus md, html, json and sarif files with --out.")] = None,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Exit 1 when a new (not baselined) finding at or above this severity is found; 'never' always exits 0.")] = FailOn.error,
    rules: RulesOption = None,
    facts: FactsOption = None,
    baseline: Annotated[Optional[Path], typer.Option("--baseline", help="Baseline file from `claimcheck baseline`: its findings are reported as known and do not fail the run.")] = None,
    new: Annotated[Optional[list[Path]], typer.Option("--new", help="A newly added source file or folder (repeatable): report only findings that involve one of them.")] = None,
    store: StoreOption = Path(".claimcheck/claims.sqlite"),
    no_store: NoStoreOption = False,
    quiet: QuietOption = False,
) -> None:
    """Check a corpus: extract claims, cross-check them, report findings."""
    from checker.report import FILE_NAMES, render

    formats = _parse_formats(format, out, quiet)
    report, descriptions = _run(paths, rules, facts, store, no_store, quiet, new=new, baseline=baseline)
    for fmt in formats:
        text = render(fmt, report, color=sys.stdout.isatty(), descriptions=descriptions)
        if out is not None and fmt in FILE_NAMES:
            out.mkdir(parents=True, exist_ok=True)
            (out / FILE_NAMES[fmt]).write_bytes(text.encode("utf-8"))
        else:
            typer.echo(text, nl=False)
    if out is not None and not quiet:
        typer.echo(f"reports written to {out}/", err=True)
    raise typer.Exit(exit_code(report, fail_on))


@app.command("baseline")
def baseline_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of articles, as given to `claimcheck check`.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Baseline file to write ('-' for standard output).")] = Path("claimcheck-baseline.json"),
    rules: RulesOption = None,
    facts: FactsOption = None,
    store: StoreOption = Path(".claimcheck/claims.sqlite"),
    no_store: NoStoreOption = False,
    quiet: QuietOption = False,
) -> None:
    """Record today's findings so that `check --baseline FILE` fails only on new ones."""
    from checker import baseline as baseline_mod

    report, _ = _run(paths, rules, facts, store, no_store, quiet)
    text = baseline_mod.dumps(report.findings)
    if str(output) == "-":
        typer.echo(text, nl=False)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(text.encode("utf-8"))
    if not quiet:
        typer.echo(f"baseline: {len(report.findings)} findings written to {output}", err=True)


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
