from __future__ import annotations

import click

from notelint.core.display import plural as _plural
from notelint.core.display import printable, visible
from notelint.core.model import LINE_BREAK, Finding
from notelint.report.formatters.base import Formatter, Summary

COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


class TextFormatter(Formatter):
    """Reads like ruff: `path:line:col: CODE [slug] message`, the source line
    with the span underlined, and a summary. Colour only on a terminal."""

    def handle(self, finding: Finding) -> None:
        location = click.style(
            f"{printable(finding.path)}:{finding.line}:{finding.column}:", bold=True
        )
        code = click.style(finding.code, fg=COLOURS[str(finding.severity)], bold=True)
        self._echo(f"{location} {code} [{finding.rule}] {printable(finding.message)}")
        if not self.options.get("quiet"):
            self._snippet(finding)

    def _snippet(self, finding: Finding) -> None:
        text = self.options.get("sources", {}).get(finding.path)
        if text is None:
            return
        lines = LINE_BREAK.split(text)
        if not 0 < finding.line <= len(lines):
            return
        source = visible(lines[finding.line - 1].expandtabs(1))
        width = len(str(finding.line))
        end = finding.end_column if finding.end_line == finding.line else len(source) + 1
        marks = "^" * max(1, end - finding.column)
        gutter = click.style(" " * width + " |", fg="blue")
        self._echo(gutter)
        self._echo(click.style(f"{finding.line} |", fg="blue") + f" {source}")
        underline = click.style(marks, fg=COLOURS[str(finding.severity)])
        self._echo(f"{gutter} {' ' * (finding.column - 1)}{underline}")
        self._echo("")

    def finish(self, summary: Summary) -> None:
        if self.options.get("quiet"):
            return
        counts = summary.counts()
        files = _plural(summary.files, "file")
        if not summary.findings:
            self._echo(click.style(f"All clear: {files} checked, no findings.", fg="green"))
            return
        parts = ", ".join(_plural(n, s) for s, n in counts.items() if n)
        self._echo(f"Found {_plural(len(summary.findings), 'finding')} ({parts}) in {files}.")

    def _echo(self, line: str) -> None:
        click.echo(line, file=self.stream, color=self.options.get("color"))
