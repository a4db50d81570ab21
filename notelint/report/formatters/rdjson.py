"""Reviewdog Diagnostic Format (rdjson): one JSON document that `reviewdog
-f=rdjson` reads, each diagnostic with its range and, where notelint offers
a fix, a suggestion reviewdog can post as a suggested change.

Columns are 1-based UTF-8 byte counts, as the format defines them.
"""

from __future__ import annotations

import json
from typing import Any

from notelint.core.links import HOMEPAGE, rule_url
from notelint.core.model import Finding
from notelint.report.formatters.base import Formatter, Summary
from notelint.report.formatters.common import SourceTexts, shown_fix, utf8_column

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
SOURCE = {"name": "notelint", "url": HOMEPAGE}


class RdjsonFormatter(Formatter):
    def start(self) -> None:
        self.sources = SourceTexts(self.options.get("sources"))
        self.urls = {r.slug: url for r in self.rules if (url := rule_url(r))}

    def finish(self, summary: Summary) -> None:
        document = {
            "source": SOURCE,
            "diagnostics": [self._diagnostic(f) for f in summary.findings],
        }
        json.dump(document, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")

    def _diagnostic(self, finding: Finding) -> dict[str, Any]:
        span = {
            "start": self._position(finding.path, finding.line, finding.column),
            "end": self._position(finding.path, finding.end_line, finding.end_column),
        }
        diagnostic: dict[str, Any] = {
            "message": finding.message,
            "location": {"path": finding.path, "range": span},
            "severity": SEVERITIES[str(finding.severity)],
            "source": SOURCE,
            "code": {"value": finding.rule},
        }
        if finding.rule in self.urls:
            diagnostic["code"]["url"] = self.urls[finding.rule]
        fix = shown_fix(finding)
        if fix is not None:
            diagnostic["suggestions"] = [{"range": span, "text": fix.replacement}]
        return diagnostic

    def _position(self, path: str, line: int, column: int) -> dict[str, int]:
        text = self.sources.line(path, line)
        return {"line": line, "column": column if text is None else utf8_column(text, column)}
