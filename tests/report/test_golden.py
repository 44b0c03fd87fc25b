"""The golden reports in reports/ are exactly what `make reports` generates from fixtures/."""

from __future__ import annotations

import difflib

from checker.report import FILE_NAMES
from checker.report.golden import ROOT, generate


def test_golden_reports_are_up_to_date():
    fresh = generate()
    assert sorted(fresh) == sorted(FILE_NAMES.values())
    stale = []
    for name, text in sorted(fresh.items()):
        path = ROOT / "reports" / name
        old = path.read_bytes().decode("utf-8") if path.is_file() else ""
        if old.encode() != text.encode():
            diff = "".join(list(difflib.unified_diff(old.splitlines(True), text.splitlines(True), f"reports/{name}", "regenerated", n=1))[:20])
            stale.append(f"reports/{name} is stale:\n{diff}")
    assert not stale, "golden reports are stale: run `make reports` and commit reports/\n" + "\n".join(stale)


def test_golden_reports_hold_no_machine_paths():
    for name, text in generate().items():
        assert str(ROOT) not in text, f"reports/{name} holds the absolute path {ROOT}"
