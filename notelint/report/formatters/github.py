"""GitHub Actions workflow commands: each finding becomes an annotation on
the pull request (`::error`, `::warning`, `::notice`) with its file, line,
column, end line, end column and a title, escaped as the runner requires."""

from __future__ import annotations

from notelint.core.display import plural
from notelint.core.model import Finding
from notelint.report.formatters.base import Formatter, Summary

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """A command's message: `%`, CR and LF are percent-encoded."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A command's property value: as data, and `:` and `,` too."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter(Formatter):
    """GitHub Actions workflow commands: an annotation a finding."""

    def handle(self, finding: Finding) -> None:
        properties = {
            "file": finding.path,
            "line": finding.line,
            "col": finding.column,
            "endLine": finding.end_line,
            "endColumn": finding.end_column,
            "title": f"notelint {finding.code} [{finding.rule}]",
        }
        fields = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items())
        text = escape_data(finding.message)
        self.stream.write(f"::{COMMANDS[str(finding.severity)]} {fields}::{text}\n")

    def finish(self, summary: Summary) -> None:
        if self.options.get("quiet"):
            return
        counts = ", ".join(plural(n, s) for s, n in summary.counts().items() if n)
        found = len(summary.findings)
        detail = f" ({counts})" if counts else ""
        # A plain line: the job log shows it; it is not a workflow command.
        self.stream.write(
            f"notelint: {plural(found, 'finding')}{detail} in {plural(summary.files, 'file')}\n"
        )
