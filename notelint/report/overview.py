"""What a coach's page shows besides the findings: each application's
interviewers, the points each note echoes, and the timeline.

The report layer cannot read the timeline or parse notes (they live in
`app/`), so `app/overview.py` builds this plain, already masked data and
hands it down to the formatter, as the runner hands down the masked texts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Point:
    """One point of a conversation, and the notes (paths) that echo it."""

    text: str
    echoed_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Person:
    name: str
    title: str | None = None
    role: str = "other"
    email: str | None = None
    points: tuple[Point, ...] = ()


@dataclass(frozen=True)
class NoteInfo:
    path: str
    to: str | None = None  # the recipient's name, else the note's own `to:`
    kind: str = "thank-you"
    sent: str | None = None
    echoes: tuple[str, ...] = ()  # the interview's points the note echoes


@dataclass(frozen=True)
class ApplicationInfo:
    folder: str
    company: str | None = None  # None: no interview.yaml governs these notes
    role: str | None = None
    round: int | None = None
    interviewed_at: str | None = None
    people: tuple[Person, ...] = ()
    notes: tuple[NoteInfo, ...] = ()


@dataclass(frozen=True)
class Overview:
    applications: tuple[ApplicationInfo, ...] = ()
    # The applications of `notelint timeline --format json`: one shape for both.
    timeline: tuple[dict[str, Any], ...] = field(default=())
    now: str | None = None
