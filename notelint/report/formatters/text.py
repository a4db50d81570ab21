from __future__ import annotations

import click

from notelint.core.display import plural as _plural
from notelint.core.display import printable, visible
from notelint.core.model import LINE_BREAK, Finding
from notelint.report.formatters.base import Formatter, Summary
from notelint.report.formatters.common import fixable_rules, is_fixable

COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


class TextFormatter(Formatter):
    """Reads like ruff: `path:line:col: CODE [*] [slug] severity: message`
    (`[*]`: `--fix` fixes it), the source line with the span underlined, and
    a summary that counts what `--fix` can fix. Colour as the CLI decides
    (`color`: True, False, or None for "on a terminal")."""

    def start(self) -> None:
        self.fixable = fixable_rules(self.rules)
        self.fixes = 0

    def handle(self, finding: Finding) -> None:
        severity = str(finding.severity)
        location = click.style(
            f"{printable(finding.path)}:{finding.line}:{finding.column}:", bold=True
        )
        code = click.style(finding.code, fg=COLOURS[severity], bold=True)
        paths = self.options.get("fixable_paths")  # None: every file's fixes apply
        fixable = is_fixable(finding, self.fixable) and (paths is None or finding.path in paths)
        self.fixes += fixable
        mark = " [*]" if fixable else ""
        level = click.style(f"{severity}:", fg=COLOURS[severity])
        self._echo(f"{location} {code}{mark} [{finding.rule}] {level} {printable(finding.message)}")
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
            if summary.files:  # no notes at all is no success: the CLI says so
                self._echo(click.style(f"All clear: {files} checked, no findings.", fg="green"))
            return
        parts = ", ".join(_plural(n, s) for s, n in counts.items() if n)
        self._echo(f"Found {_plural(len(summary.findings), 'finding')} ({parts}) in {files}.")
        if self.fixes:
            self._echo(f"[*] {self.fixes} fixable with --fix.")

    def _echo(self, line: str) -> None:
        click.echo(line, file=self.stream, color=self.options.get("color"))
