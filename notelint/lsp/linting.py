"""Linting open buffers the way `notelint check` lints files.

Each note is checked by the runner with the configuration found from its
path, its interview.yaml and the other notes of its application; every open
buffer (notes and interview.yaml) is handed over as an override of its file,
so what the editor shows wins over what is on disk. The rules are prepared
once per configuration (`runner.Session`) and the pipeline once per process.
Nothing here formats a finding: messages come redacted from the report.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from notelint.app import fixes
from notelint.app.runner import Report, RunOptions, Session, run
from notelint.config import CONFIG_FILE, ConfigError, discover, load
from notelint.core.model import Finding
from notelint.inputs.interview import confidential_of
from notelint.inputs.notes import NOTE_SUFFIXES
from notelint.inputs.schema import InputError
from notelint.inputs.sources import INTERVIEW_FILE, interview_file_of
from notelint.nlp import ModelError
from notelint.plugins.packs import PackError
from notelint.report.formatters.common import fixable_rules, shown_fix
from notelint.report.redaction import term_secrets

STOPPING = (ConfigError, PackError, ModelError, InputError)  # what exits 2 on the command line


def is_note(path: str) -> bool:
    return path.lower().endswith(NOTE_SUFFIXES)


def is_interview(path: str) -> bool:
    return os.path.basename(path) == INTERVIEW_FILE


def is_settings(path: str) -> bool:
    """A configuration file or a rule pack: the rules must be prepared again."""
    name = os.path.basename(path)
    return name in (CONFIG_FILE, "pyproject.toml") or (
        name.endswith((".yaml", ".yml")) and name != INTERVIEW_FILE
    )


@dataclass
class Linted:
    """One note's last check: the text it read, what was found, and why
    nothing could be (a configuration that does not load, say)."""

    text: str
    findings: list[Finding] = field(default_factory=list)
    report: Report | None = None
    failure: str | None = None  # the run could not go on: one line, as `check` prints it
    crashes: list[str] = field(default_factory=list)  # rules that crashed on it (masked)


@dataclass
class Outcome:
    notes: dict[str, Linted] = field(default_factory=dict)  # path -> its check
    others: dict[str, list[Finding]] = field(default_factory=dict)  # interview.yaml -> findings
    log: list[str] = field(default_factory=list)  # for window/logMessage (masked)


class Linter:
    """Checks buffers for one editor session."""

    def __init__(self) -> None:
        self.session = Session()

    def forget_settings(self) -> None:
        """A configuration or a rule pack changed: prepare the rules again."""
        self.session.clear()

    def lint(self, paths: Iterable[str], buffers: Mapping[str, str]) -> Outcome:
        """Check the notes at `paths` (absolute), reading `buffers` (path ->
        text) instead of those files on disk."""
        overrides = {path: text.encode("utf-8", "replace") for path, text in buffers.items()}
        options = RunOptions(now=datetime.now().astimezone(), overrides=overrides)
        outcome = Outcome()
        groups: dict[Path | None, list[str]] = {}
        for path in sorted(set(paths)):
            groups.setdefault(_configuration(path, outcome), []).append(path)
        for found, members in groups.items():
            self._lint_group(found, members, buffers, options, outcome)
        return outcome

    def _lint_group(self, found, members, buffers, options, outcome: Outcome) -> None:
        try:
            # in this process: forking one that holds the protocol's reader thread is unsafe
            config = load(found).merged(jobs=1)
            report = run([(config, members)], options, self.session)
        except STOPPING as error:
            for path in members:
                outcome.notes[path] = Linted(buffers.get(path, ""), failure=str(error))
            outcome.log.append(f"notelint: error: {error}")
            return
        except Exception as error:  # noqa: BLE001 - the server keeps serving
            detail = traceback.format_exc()
            for path in members:
                secrets = term_secrets(confidential_of(Path(path).parent))
                reason = secrets.in_message(f"internal error: {type(error).__name__}: {error}")
                outcome.notes[path] = Linted(buffers.get(path, ""), failure=reason)
                outcome.log.append(f"notelint: {reason}\n{secrets.in_message(detail)}")
            return
        by_path: dict[str, list[Finding]] = {}
        for finding in report.findings:
            by_path.setdefault(os.path.abspath(finding.path), []).append(finding)
        for path in members:
            crashes = [
                f"rule '{c.rule}' crashed: {c.reason}" for c in report.crashes if c.path == path
            ]
            outcome.notes[path] = Linted(
                report.sources.get(path, buffers.get(path, "")),
                by_path.pop(path, []),
                report,
                crashes=crashes,
            )
            governing = interview_file_of(path)
            if governing is not None:
                outcome.others.setdefault(str(governing), [])
        for path, found_there in by_path.items():
            outcome.others[path] = found_there
        outcome.log.extend(f"notelint: error: {message}" for message in report.errors)
        outcome.log.extend(
            f"notelint: error: rule '{c.rule}' crashed on {c.path}: {c.reason}\n{c.traceback}"
            for c in report.crashes
        )


def _configuration(path: str, outcome: Outcome) -> Path | None:
    try:
        return discover(Path(path))
    except ConfigError as error:  # a pyproject.toml that mentions notelint and does not parse
        outcome.log.append(f"notelint: error: {error}")
        return None


def fixable(linted: Linted) -> list[Finding]:
    """The findings of a check whose fix an editor may apply and show."""
    if linted.report is None:
        return []
    rules = fixable_rules(linted.report.rules)
    return [f for f in linted.findings if shown_fix(f) is not None and f.rule in rules]


def edits(
    linted: Linted, path: str, findings: list[Finding], buffer: str
) -> list[tuple[int, int, str]]:
    """The text edits (offsets of `buffer`) that apply the safe fixes of
    `findings`, exactly as `--fix` would (`app.fixes.plan`); none when the
    buffer changed since it was checked."""
    report = linted.report
    if report is None or not findings:
        return []
    planned = fixes.plan(
        findings,
        report.sources,
        fixable_rules(report.rules),
        report.shown,
        report.secrets,
        given={path: buffer.encode("utf-8", "replace")},
    )
    return [edit for file in planned.files for edit in file.edits]
