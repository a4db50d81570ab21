"""The playbook's deadlines in one place, shared by the timing rules and
`notelint timeline` (see docs/decisions.md).

- Times are compared as naive local date-times. A zone-aware date-time (an
  `.eml` Date header, `2026-11-20T14:00+01:00`) is first converted to local
  time. A date without a time means 00:00 of that day for a note's `sent`,
  and the end of the working day (17:00) for `interviewed_at`.
- A note's reference time is its `sent`, else the run's `now`.
- Thank-you: due within 48 hours of the interview; an interview on a Friday
  may be thanked until Monday 12:00.
- Follow-up: with `decision_by`, from the end of the decision date (00:00 the
  day after; a date-time is its own end) until 48 hours later; without it,
  from 7 days after the thank-you to that person (or the interview when there
  is none), with no end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from notelint.display import plural
from notelint.model import Interview, Note

END_OF_WORKING_DAY = time(17, 0)
MONDAY_NOON = time(12, 0)
FRIDAY, MONDAY = 4, 0
THANK_YOU_HOURS = 48
FOLLOW_UP_DAYS = 7
FOLLOW_UP_LATE_HOURS = 48


def local(value: datetime | date | None, at: time = time()) -> datetime | None:
    """`value` as a naive local date-time; a date alone is taken at `at`."""
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            return value.astimezone().replace(tzinfo=None)
        return value.replace(tzinfo=None)
    return datetime.combine(value, at)


def sent_at(note: Note) -> datetime | None:
    """When the note was (or is to be) sent; a date alone means 00:00."""
    return local(note.sent)


def reference(note: Note, now: datetime) -> datetime:
    """The time a timing rule judges the note at: its `sent`, else `now`."""
    return sent_at(note) or local(now)


def interviewed_at(interview: Interview | None) -> datetime | None:
    """When the interview took place; a date alone means 17:00 that day."""
    return None if interview is None else local(interview.interviewed_at, END_OF_WORKING_DAY)


def thank_you_deadline(interviewed: datetime, hours: int = THANK_YOU_HOURS) -> datetime:
    """`hours` after the interview; a Friday interview: Monday 12:00 at the
    earliest."""
    deadline = interviewed + timedelta(hours=hours)
    if interviewed.weekday() == FRIDAY:
        monday = interviewed.date() + timedelta(days=(MONDAY - FRIDAY) % 7)
        deadline = max(deadline, datetime.combine(monday, MONDAY_NOON))
    return deadline


def decision_end(interview: Interview | None) -> datetime | None:
    """The end of the promised decision date: 00:00 the day after a date; a
    date-time is its own end."""
    if interview is None or interview.decision_by is None:
        return None
    if isinstance(interview.decision_by, datetime):
        return local(interview.decision_by)
    return datetime.combine(interview.decision_by + timedelta(days=1), time())


@dataclass(frozen=True)
class Window:
    """When a follow-up may go: not before `opens`; not after `closes` (None:
    no end). It is counted from `since`, the time of `after` ("the decision
    date", "the thank-you" or "the interview")."""

    opens: datetime
    closes: datetime | None
    after: str
    since: datetime


def follow_up_window(
    interview: Interview | None,
    thank_you: datetime | None = None,
    days: int = FOLLOW_UP_DAYS,
    late_hours: int = FOLLOW_UP_LATE_HOURS,
) -> Window | None:
    """The follow-up window of one recipient, `thank_you` being when their
    thank-you went (None: there is none). None when nothing is known to count
    from."""
    end = decision_end(interview)
    if end is not None:
        return Window(end, end + timedelta(hours=late_hours), "the decision date", end)
    if thank_you is not None:
        return Window(thank_you + timedelta(days=days), None, "the thank-you", thank_you)
    interviewed = interviewed_at(interview)
    if interviewed is not None:
        return Window(interviewed + timedelta(days=days), None, "the interview", interviewed)
    return None


def stamp(when: datetime) -> str:
    """'Mon 2026-11-23 12:00'."""
    return when.strftime("%a %Y-%m-%d %H:%M")


def duration(delta: timedelta) -> str:
    """'3 days 2 hours', '5 hours', '40 minutes' (rounded down to the minute)."""
    minutes = max(0, int(delta.total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [_plural(days, "day"), _plural(hours, "hour")]
    if not days:
        parts.append(_plural(minutes, "minute"))
    return " ".join(p for p in parts if p) or "0 minutes"


def _plural(n: int, word: str) -> str:
    return plural(n, word) if n else ""
