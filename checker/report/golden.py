"""Golden reports: ``reports/`` generated from ``fixtures/``, compared byte for byte by a test.

``make reports`` (``python -m checker.report.golden``) regenerates them exactly
as ``claimcheck check fixtures/ --out reports/ --format md,html,json,sarif``
would, run from the repository root so every path in them is relative.
Extraction is not cached (no store), so the files never depend on a ledger.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path

#: The repository root (the folder holding fixtures/ and reports/).
ROOT = Path(__file__).resolve().parents[2]
FIXTURES = "fixtures/"
REPORTS = "reports"


@contextmanager
def _cwd(path: Path):
    old = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def generate(root: Path = ROOT) -> dict[str, str]:
    """File name -> text of every golden report, generated from ``root/fixtures``."""
    from checker.pipeline import check_paths
    from checker.report import FILE_FORMATS, render_files
    from checker.ruleset import load_ruleset

    with _cwd(root):
        ruleset = load_ruleset([])
        report = check_paths([FIXTURES], ruleset=ruleset)
        descriptions = {r.id: r.spec.description for r in ruleset.rules}
        return render_files(report, FILE_FORMATS, descriptions=descriptions)


def stale(root: Path = ROOT) -> list[str]:
    """Names of golden files that are missing or differ from freshly generated ones."""
    folder = root / REPORTS
    return [name for name, text in generate(root).items() if not (folder / name).is_file() or (folder / name).read_bytes() != text.encode("utf-8")]


def write(root: Path = ROOT) -> list[Path]:
    """Regenerate the golden files; returns the paths written."""
    folder = root / REPORTS
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in generate(root).items():
        (folder / name).write_bytes(text.encode("utf-8"))
        written.append(folder / name)
    return written


def main() -> None:
    """Entry point of ``make reports``."""
    for path in write():
        print(f"wrote {path.relative_to(ROOT).as_posix()}", file=sys.stderr)


if __name__ == "__main__":
    main()
