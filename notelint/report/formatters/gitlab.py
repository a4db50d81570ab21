"""GitLab Code Quality: a JSON array of issues that a merge request shows
beside the diff (`artifacts: reports: codequality:`).

Each issue has the fields GitLab reads: `description` (the code and the
message, already masked), `check_name` (the rule's slug), `fingerprint` (the
SARIF fingerprint: stable across runs, a hash of the masked text only),
`severity` (error: critical, warning: major, info: info) and `location`
(`path` relative to the project, `lines.begin` and `lines.end`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePath

from notelint.core.model import Finding
from notelint.report.formatters.base import Formatter, Summary
from notelint.report.formatters.common import Fingerprints, SourceTexts

SEVERITIES = {"error": "critical", "warning": "major", "info": "info"}


class GitlabFormatter(Formatter):
    def finish(self, summary: Summary) -> None:
        fingerprints = Fingerprints(SourceTexts(self.options.get("sources")))
        issues = [_issue(f, fingerprints.of(f)) for f in summary.findings]
        json.dump(issues, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")


def _issue(finding: Finding, fingerprint: str) -> dict:
    return {
        "description": f"{finding.code} {finding.message}",
        "check_name": finding.rule,
        "fingerprint": fingerprint,
        "severity": SEVERITIES[str(finding.severity)],
        "location": {
            "path": _project_path(finding.path),
            "lines": {"begin": finding.line, "end": finding.end_line},
        },
    }


def _project_path(path: str) -> str:
    """A path relative to the project (CI_PROJECT_DIR in a GitLab job, else
    the current folder), as GitLab links it; one outside stays as given."""
    if not PurePath(path).is_absolute():
        return PurePath(path).as_posix()
    root = Path(os.environ.get("CI_PROJECT_DIR") or Path.cwd()).resolve()
    try:
        return Path(path).resolve().relative_to(root).as_posix()
    except ValueError:
        return PurePath(path).as_posix()
