"""Runs the rules: every body parsed in one spaCy stream, each rule asked
about each reported note, its bare hits stamped with identity, severity and
position, suppressed ones dropped, the rest sorted.

An exception inside one rule on one note is caught and recorded as a crash:
the run completes, and the caller turns crashes into exit status 2.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime

from notelint.analysis.facts import Facts
from notelint.core.model import Application, Finding, Hit, LineIndex, Note, Problem, Severity
from notelint.core.patterns import PatternTimeout
from notelint.engine.budget import Budget, NoteTimeout
from notelint.engine.suppression import Suppressions
from notelint.inputs.sources import Loaded
from notelint.nlp import parse
from notelint.plugins.registry import UNREADABLE, ActiveRule
from notelint.rule import Context


@dataclass(frozen=True)
class Crash:
    rule: str
    path: str
    reason: str
    traceback: str


@dataclass
class Outcome:
    findings: list[Finding] = field(default_factory=list)
    crashes: list[Crash] = field(default_factory=list)
    files: int = 0


def run(
    loaded: Loaded,
    rules: list[ActiveRule],
    nlp,
    now: datetime,
    jobs: int = 1,
    timezone: str | None = None,
    facts: Facts | None = None,
    note_timeout: float = 30,
) -> Outcome:
    applications = _parsed(loaded.applications, nlp, jobs)
    if facts is not None:
        facts.parse_interviews(applications)
    corpus = (*applications, *loaded.neighbours)
    outcome = Outcome(files=len(loaded.reported | {p.path for p in loaded.problems}))
    stopped: list[Problem] = []
    for application in applications:
        for note in application.notes:
            if note.path in loaded.reported:
                context = _Run(application, corpus, now, timezone, facts, Budget(note_timeout))
                outcome.findings.extend(_check(note, context, rules, outcome, stopped))
    outcome.findings.extend(_unreadable([*loaded.problems, *stopped], rules))
    outcome.findings.sort(key=lambda f: f.sort_key)
    return outcome


def _parsed(applications: list[Application], nlp, jobs: int) -> list[Application]:
    notes = [note for application in applications for note in application.notes]
    docs = iter(parse(nlp, (note.body for note in notes), jobs))
    return [
        replace(application, notes=tuple(replace(n, doc=next(docs)) for n in application.notes))
        for application in applications
    ]


@dataclass(frozen=True)
class _Run:
    """What every rule's context on one note is made of."""

    application: Application
    corpus: tuple[Application, ...]
    now: datetime
    timezone: str | None
    facts: Facts | None
    budget: Budget


def _check(
    note: Note, run: _Run, rules: list[ActiveRule], outcome: Outcome, stopped: list[Problem]
) -> Iterable[Finding]:
    """The findings of every rule on one note. A rule whose pattern runs out
    of time, or that is running when the note's budget runs out, stops; the
    note gets an `unreadable-input` finding that says so, and the run goes on."""
    lines = LineIndex.of(note.text)
    suppressions = Suppressions.of(note.text, lines)
    for index, active in enumerate(rules):
        rule = active.rule
        if rule.slug == UNREADABLE or {rule.slug, rule.code} & set(note.ignore):
            continue
        context = Context(
            run.application, run.corpus, active.options, run.now, run.timezone, run.facts
        )
        try:
            with run.budget.running():
                hits = list(rule.check(note, context))
        except PatternTimeout as timeout:
            stopped.append(Problem(note.path, f"rule {rule.slug} stopped: {timeout}"))
            continue
        except NoteTimeout:
            skipped = [r.rule.slug for r in rules[index + 1 :] if r.rule.slug != UNREADABLE]
            stopped.append(
                Problem(
                    note.path,
                    f"checking stopped after {run.budget.seconds:g} s (option note_timeout), "
                    f"in rule {rule.slug}"
                    + (f"; not checked: {', '.join(skipped)}" if skipped else ""),
                )
            )
            return
        except Exception as error:  # one broken rule must not stop the run
            outcome.crashes.append(
                Crash(
                    rule.slug, note.path, f"{type(error).__name__}: {error}", traceback.format_exc()
                )
            )
            continue
        for hit in hits:
            finding = _finding(note, lines, hit, active)
            if not suppressions.silences(finding.line, rule.slug, rule.code):
                yield finding


def _finding(note: Note, lines: LineIndex, hit: Hit, active: ActiveRule) -> Finding:
    offset = (lambda at: at) if hit.in_file else note.file_offset
    start = None if hit.start is None else offset(hit.start)
    end = None if hit.end is None else offset(hit.end)
    if start is None or end is None or end < start:
        start, end = _first_body_line(note)
    line, column = lines.position(start)
    end_line, end_column = lines.position(end)
    severity = active.severity
    if hit.severity is not None and hit.severity.rank < severity.rank:
        severity = hit.severity  # a rule may soften a hit, never harden it
    sensitive = hit.sensitive and not active.options.get("reveal", False)
    secret = None  # masked by the report's one redaction step
    if sensitive and hit.start is not None and hit.end is not None:
        written = note.text if hit.in_file else note.body
        secret = written[hit.start : hit.end].strip() or None
    return Finding(
        path=note.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        rule=active.rule.slug,
        code=active.rule.code,
        severity=severity,
        message=hit.message,
        fix=hit.fix,
        sensitive=sensitive,
        secret=secret,
    )


_CONTENT_LINE = re.compile(r"[^\s][^\r\n]*")


def _first_body_line(note: Note) -> tuple[int, int]:
    """The span of the note's first line with text: where whole-note findings go."""
    if note.body_map is None:
        match = _CONTENT_LINE.search(note.body)
        if match:
            return note.body_start + match.start(), note.body_start + match.end()
        return note.body_start, note.body_start
    match = _CONTENT_LINE.search(note.text, note.body_start)
    return (match.start(), match.end()) if match else (note.body_start, note.body_start)


def _unreadable(problems: list[Problem], rules: list[ActiveRule]) -> Iterable[Finding]:
    active = next((r for r in rules if r.rule.slug == UNREADABLE), None)
    if active is None:
        return
    for problem in problems:
        yield Finding(
            path=problem.path,
            line=problem.line,
            column=1,
            end_line=problem.line,
            end_column=1,
            rule=UNREADABLE,
            code=active.rule.code,
            severity=active.severity,
            message=problem.message,
        )


def fails(findings: Iterable[Finding], threshold: Severity) -> bool:
    return any(f.severity.rank >= threshold.rank for f in findings)
