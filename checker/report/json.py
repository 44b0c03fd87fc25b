"""JSON: the Report model itself, as printed by ``claimcheck schema``."""

from __future__ import annotations

import json

from checker.models import Report
from checker.report.base import Reporter


class JsonReporter(Reporter):
    """Pretty, key-stable JSON of the whole report."""

    def render(self, report: Report) -> str:
        return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
