"""`notelint check --statistics`: how many findings each rule made and, when
the run covered several applications, one row per application (notes
checked, findings by severity) — the overview a coach reads in CI.

    Findings by rule:
      3  NL201  misspelled-name        [*]
      1  NL001  unreadable-input
    [*] fixable with `notelint check --fix`

    Application                      Notes  Findings  Error  Warning  Info
    notes/2026-11-acme-pm                3         3      1        2     0
    notes/2026-12-initech-analyst        2         1      0        0     1
    Total                                5         4      1        2     1
"""

from __future__ import annotations

import os
from collections import Counter
from typing import IO

from notelint.core.display import plural, printable
from notelint.core.display import shown as _shown
from notelint.core.model import Application
from notelint.report.formatters.common import fixable_rules, is_fixable

SEVERITIES = ("error", "warning", "info")
OTHER = "(other files)"


def write(report, stream: IO[str]) -> None:
    """The statistics of a `runner.Report`."""
    lines = rule_table(report)
    applications = application_table(report)
    if applications:
        lines += ["", *applications]
    stream.write("\n".join(lines) + "\n")


def rule_table(report) -> list[str]:
    counts = Counter((f.code, f.rule) for f in report.findings)
    if not counts:
        return [f"No findings in {plural(report.files, 'file')}."]
    fixable = fixable_rules(report.rules)
    fixes = Counter((f.code, f.rule) for f in report.findings if is_fixable(f, fixable))
    width = len(str(max(counts.values())))
    code_width = max(len(code) for code, _ in counts)
    slug_width = max(len(slug) for _, slug in counts)
    lines = ["Findings by rule:"]
    for (code, slug), n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        mark = "  [*]" if fixes[(code, slug)] else ""
        lines.append(f"  {n:>{width}}  {code:<{code_width}}  {slug:<{slug_width}}{mark}".rstrip())
    if fixes:
        lines.append("[*] fixable with `notelint check --fix`")
    return lines


def application_table(report) -> list[str]:
    """One row per application with notes checked; nothing for one application."""
    rows: dict[str, list[int]] = {}  # name -> [notes, error, warning, info]
    owner: dict[str, str] = {}  # a path -> the name of its application
    for application in report.applications:
        name = _name(application)
        row = rows.setdefault(name, [0, 0, 0, 0])
        for note in application.notes:
            owner[note.path] = name
            if note.path in report.reported:
                row[0] += 1
        if application.interview is not None:
            owner[_real(application.interview.path)] = name
    for finding in report.findings:
        name = owner.get(finding.path) or owner.get(_real(finding.path), OTHER)
        rows.setdefault(name, [0, 0, 0, 0])[1 + SEVERITIES.index(str(finding.severity))] += 1
    rows = {k: v for k, v in rows.items() if any(v)}
    if len(rows) < 2:
        return []
    total = [sum(column) for column in zip(*rows.values(), strict=True)]
    header = ("Application", "Notes", "Findings", "Error", "Warning", "Info")
    body = [
        (name, str(r[0]), str(sum(r[1:])), *(str(n) for n in r[1:]))
        for name, r in sorted(rows.items(), key=lambda item: (item[0] == OTHER, item[0]))
    ]
    body.append(("Total", str(total[0]), str(sum(total[1:])), *(str(n) for n in total[1:])))
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]

    def line(row) -> str:
        return "  ".join(
            [
                row[0].ljust(widths[0]),
                *(cell.rjust(widths[i + 1]) for i, cell in enumerate(row[1:])),
            ]
        )

    return [line(header), *(line(row) for row in body)]


def _name(application: Application) -> str:
    if application.interview is not None:
        return printable(_shown(application.interview.folder))
    folder = os.path.dirname(application.notes[0].path) if application.notes else ""
    return f"{printable(folder) or '.'} (no interview.yaml)"


def _real(path) -> str:
    return os.path.realpath(path)
