"""The result cache: each note's findings, kept per scope of rules, so that a
run over unchanged notes parses nothing and runs no rule.

A note's findings from the rules that read it alone are keyed on the run's
settings, its path, its text and its interview; those of the rules that
compare the notes of its application also on every sibling's path and text;
those that look across applications also on every interview of the run. A
rule that read the clock on a note (a draft judged at `--now`) is not kept:
it runs again on that note each time. Entries are sealed with a key derived
from the note's text and interview (`core.store`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from pathlib import Path

from notelint.core.model import Application, Finding, Fix, Severity
from notelint.core.store import Store, digest, key_of

SCOPES = ("note", "application", "corpus")
FORMAT = 1  # the shape of an entry: part of every key


@dataclass(frozen=True)
class Entry:
    findings: tuple[Finding, ...]
    clock: frozenset[str]  # the rules that read the clock on this note: run again


@dataclass(frozen=True)
class Slot:
    """Where one note's findings are kept: one entry (`name`, sealed with
    `key`) that holds each scope's findings with the digest they were
    computed for."""

    name: str
    key: bytes
    scopes: dict[str, str]  # scope -> the digest its findings must have been kept under


class ResultCache:
    def __init__(self, folder: Path, settings: str):
        self.store = Store(folder)
        self.settings = digest(f"results {FORMAT}", settings)

    def slots(self, application: Application, corpus: str) -> dict[str, Slot]:
        """path -> slot, for every note of `application`; `corpus` is
        `corpus_digest` of the run."""
        interview = repr(application.interview)
        siblings = digest(*sorted(f"{n.path}\0{digest(n.text)}" for n in application.notes))
        found = {}
        for note in application.notes:
            own = digest(self.settings, note.path, note.text, interview)
            scopes = {"note": own, "application": siblings, "corpus": digest(siblings, corpus)}
            found[note.path] = Slot(own, key_of(note.text, interview), scopes)
        return found

    def get(self, slot: Slot) -> dict[str, Entry]:
        """scope -> its kept findings, for the scopes kept under the digest
        `slot` expects (none when the entry is missing, spoiled or stale)."""
        data = self.store.get("results", slot.name, slot.key)
        if data is None:
            return {}
        try:
            raw = json.loads(data)
            return {
                scope: Entry(
                    tuple(_finding(f) for f in kept["findings"]),
                    frozenset(str(s) for s in kept["clock"]),
                )
                for scope, kept in raw.items()
                if scope in slot.scopes and kept["digest"] == slot.scopes[scope]
            }
        except (ValueError, KeyError, TypeError, AttributeError):
            return {}  # an entry of another shape: computed again

    def put(self, slot: Slot, entries: dict[str, Entry]) -> None:
        data = {
            scope: {
                "digest": slot.scopes[scope],
                "findings": [_record(f) for f in entry.findings],
                "clock": sorted(entry.clock),
            }
            for scope, entry in entries.items()
        }
        self.store.put("results", slot.name, slot.key, json.dumps(data).encode())


def corpus_digest(applications) -> str:
    """What the rules that look across applications read of them: every interview."""
    return digest(*sorted(repr(a.interview) for a in applications))


def _record(finding: Finding) -> dict:
    """A finding as JSON: every field, its severity and fix as text."""
    record = {f.name: getattr(finding, f.name) for f in fields(Finding)}
    record["severity"] = str(finding.severity)
    record["fix"] = None if finding.fix is None else finding.fix.replacement
    return record


_TEXTS = ("path", "rule", "code", "message")
_NUMBERS = ("line", "column", "end_line", "end_column")


def _finding(raw: dict) -> Finding:
    """The finding `_record` wrote; TypeError for anything else."""
    if set(raw) != {f.name for f in fields(Finding)}:
        raise TypeError("not a finding")
    if not all(isinstance(raw[k], str) for k in _TEXTS) or not all(
        isinstance(raw[k], int) for k in _NUMBERS
    ):
        raise TypeError("not a finding")
    fix, secret = raw["fix"], raw["secret"]
    return Finding(
        **{k: raw[k] for k in (*_TEXTS, *_NUMBERS)},
        severity=Severity(raw["severity"]),
        fix=None if fix is None else Fix(str(fix)),
        sensitive=bool(raw["sensitive"]),
        secret=None if secret is None else str(secret),
    )
