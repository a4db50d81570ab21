"""The core types every layer shares: what was said in an interview, the notes
written about it, and what the rules found in them.

All are frozen dataclasses: a rule may read them, never change them, so what a
rule learns about a note depends only on the note, its interview and the config.
"""

from __future__ import annotations

import bisect
import enum
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from notelint.core.text import fold

if TYPE_CHECKING:  # spaCy is heavy: only the parse layer imports it.
    from spacy.tokens import Doc

# What Interview.texts can collect.
INTERVIEW_FIELDS = (
    "company",
    "role",
    "current_employer",
    "values",
    "confidential",
    "name",
    "title",
    "points",
)
NOTE_KINDS = ("thank-you", "follow-up", "check-in", "rejection-reply")
ROLES = (
    "hiring-manager",
    "hiring-manager-boss",
    "hr",
    "colleague",
    "other-department",
    "recruiter",
    "other",
)


class InputError(ValueError):
    """Input that cannot be used; `line` is 1-based within its file."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


class Severity(enum.StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return ("info", "warning", "error").index(self.value)


@dataclass(frozen=True)
class Interviewer:
    name: str
    title: str | None = None
    role: str = "other"
    email: str | None = None
    points: tuple[str, ...] = ()


@dataclass(frozen=True)
class Interview:
    """What one `interview.yaml` says about one interview loop."""

    path: Path
    company: str
    role: str | None = None
    round: int = 1
    interviewed_at: datetime | date | None = None
    decision_by: datetime | date | None = None
    timezone: str | None = None  # IANA name of the zone naive times are in
    current_employer: str | None = None
    confidential: tuple[str, ...] = ()
    values: tuple[str, ...] = ()
    interviewers: tuple[Interviewer, ...] = ()

    @property
    def folder(self) -> Path:
        return self.path.parent

    def texts(self, *fields: str) -> tuple[str, ...]:
        """The texts interview.yaml gives, of `fields` only when named:
        company, role, current_employer, values, confidential, and of each
        interviewer name, title, points. Empty texts are left out."""
        wanted = set(fields) or set(INTERVIEW_FIELDS)
        found: list[str] = []
        for name in ("company", "role", "current_employer"):
            if name in wanted:
                found.append(getattr(self, name) or "")
        for name in ("values", "confidential"):
            if name in wanted:
                found += getattr(self, name)
        for person in self.interviewers:
            if "name" in wanted:
                found.append(person.name)
            if "title" in wanted:
                found.append(person.title or "")
            if "points" in wanted:
                found += person.points
        return tuple(t for t in found if t)


LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class LineIndex:
    """Maps character offsets of a file's text to 1-based line and column.

    Lines end at \\r\\n, \\n or a lone \\r, as editors count them.
    """

    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> LineIndex:
        return cls((0, *(m.end() for m in LINE_BREAK.finditer(text))))

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """The inverse of `position`."""
        return self.starts[line - 1] + column - 1


@dataclass(frozen=True)
class Note:
    """One drafted note: its file text, and the body that the rules read.

    `body` is the text linted. For `.md`/`.txt` and plain `.eml` bodies it is a
    slice of `text` starting at `body_start`; for an encoded `.eml` body,
    `body_map` gives the file offset of each body character where one is known.
    """

    path: str
    text: str
    body: str
    body_start: int
    body_map: tuple[int, ...] | None = None
    encoding: str = "utf-8"
    to: str | None = None
    addressees: tuple[str, ...] = ()  # an e-mail's To and Cc: addresses and display names
    sent: datetime | date | None = None
    kind: str = "thank-you"
    subject: str | None = None
    attachments: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    recipient: Interviewer | None = None
    doc: Doc | None = field(default=None, compare=False, repr=False)

    def same_recipient(self, other: Note) -> bool:
        """Whether two notes went to one person: the same interviewer, or,
        when neither is matched to one, the same `to:` (folded)."""
        if self.recipient is not None or other.recipient is not None:
            return self.recipient == other.recipient

        return bool(self.to) and bool(other.to) and fold(self.to) == fold(other.to)

    def file_offset(self, body_offset: int) -> int | None:
        """The file offset of a body offset, or None where it is not known."""
        if self.body_map is None:
            return self.body_start + body_offset
        if 0 <= body_offset < len(self.body_map):
            return self.body_map[body_offset]
        if body_offset == len(self.body_map) and self.body_map:
            return self.body_map[-1] + 1
        return None


@dataclass(frozen=True)
class Application:
    """An interview loop: its interview (None when no interview.yaml governs
    the notes) and the notes written after it."""

    interview: Interview | None
    notes: tuple[Note, ...]

    def others(self, note: Note) -> Iterator[Note]:
        return (n for n in self.notes if n.path != note.path)


@dataclass(frozen=True)
class Problem:
    """A file that could not be read or understood (rule `unreadable-input`)."""

    path: str
    message: str
    line: int = 1


@dataclass(frozen=True)
class Fix:
    replacement: str


@dataclass(frozen=True)
class Hit:
    """What a rule yields: a span of the note's body (None: the whole note)."""

    message: str
    start: int | None = None
    end: int | None = None
    fix: Fix | None = None
    severity: Severity | None = None  # None: the rule's configured severity
    sensitive: bool = False  # the span is confidential: outputs must not show it
    in_file: bool = False  # start and end are offsets of the file (a header), not of the body


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    code: str
    severity: Severity
    message: str
    fix: Fix | None = None
    sensitive: bool = False
    secret: str | None = field(default=None, repr=False)  # what was found; redaction drops it

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
            # a confidential span's replacement could reveal it: never shown
            "fix": None
            if self.fix is None or self.sensitive
            else {"replacement": self.fix.replacement},
        }
