"""The playbook's deadlines in one place: one `Policy`, built from the
configured options and the application's time zone, serves the timing rules
and `notelint timeline` alike, so they always agree (see docs/decisions.md).

- Times are compared as naive date-times in the policy's zone: the
  interview's `timezone`, else the configuration's, else the machine's. A
  naive time is in that zone; a zone-aware one (an `.eml` Date header,
  `2026-11-20T14:00+01:00`) is converted into it. A date without a time
  means 00:00 of that day for a note's `sent`, and the end of the working
  day (17:00) for `interviewed_at`.
- A note's reference time is its `sent`, else the run's `now`.
- Thank-you: due within 48 hours of the interview; an interview on a Friday
  may be thanked until Monday 12:00.
- Follow-up: with `decision_by`, from the end of the decision date (00:00 the
  day after; a date-time is its own end) until 48 hours later; without it,
  from 7 days after the thank-you to that person (or the interview when there
  is none), with no end.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from functools import cache
from typing import Any

from notelint.core.display import plural
from notelint.core.model import Interview, Note
from notelint.inputs.schema import zone

END_OF_WORKING_DAY = time(17, 0)
MONDAY_NOON = time(12, 0)
FRIDAY, MONDAY = 4, 0
THANK_YOU_HOURS = 48
FOLLOW_UP_DAYS = 7
FOLLOW_UP_LATE_HOURS = 48
# The rule options that set the policy: (rule slug, option) -> Policy field.
OPTIONS = {
    ("late-thank-you", "hours"): "thank_you_hours",
    ("follow-up-timing", "days"): "follow_up_days",
    ("follow-up-timing", "late_hours"): "follow_up_late_hours",
}


@dataclass(frozen=True)
class Window:
    """When a follow-up may go: not before `opens`; not after `closes` (None:
    no end). It is counted from `since`, the time of `after` ("the decision
    date", "the thank-you" or "the interview")."""

    opens: datetime
    closes: datetime | None
    after: str
    since: datetime


@dataclass(frozen=True)
class Policy:
    """The deadlines of one application, in its time zone."""

    zone: tzinfo | None = None  # None: the machine's
    thank_you_hours: int = THANK_YOU_HOURS
    follow_up_days: int = FOLLOW_UP_DAYS
    follow_up_late_hours: int = FOLLOW_UP_LATE_HOURS

    @classmethod
    def of(
        cls,
        interview: Interview | None,
        default_zone: str | None = None,
        options: Mapping[tuple[str, str], Any] | None = None,
    ) -> Policy:
        """The policy of `interview`: its zone (else `default_zone`, else the
        machine's), with the timing rules' configured `options`."""
        name = (interview.timezone if interview else None) or default_zone
        settings = {
            field: options[key] for key, field in OPTIONS.items() if options and key in options
        }
        return cls(zone(name), **settings)

    def local(self, value: datetime | date | None, at: time = time()) -> datetime | None:
        """`value` as a naive date-time in the zone; a date alone at `at`."""
        if value is None:
            return None
        if isinstance(value, datetime):
            if value.tzinfo is not None and value.utcoffset() is not None:
                return value.astimezone(self.zone).replace(tzinfo=None)
            return value
        return datetime.combine(value, at)

    def sent_at(self, note: Note) -> datetime | None:
        """When the note was (or is to be) sent; a date alone means 00:00."""
        return self.local(note.sent)

    def reference(self, note: Note, now: Callable[[], datetime]) -> datetime:
        """The time a timing rule judges the note at: its `sent`, else `now()`
        (asked only then: a result that read the clock is not cached)."""
        return self.sent_at(note) or self.local(now())

    def interviewed_at(self, interview: Interview | None) -> datetime | None:
        """When the interview took place; a date alone means 17:00 that day."""
        if interview is None:
            return None
        return self.local(interview.interviewed_at, END_OF_WORKING_DAY)

    def thank_you_deadline(self, interviewed: datetime) -> datetime:
        """`thank_you_hours` after the interview; a Friday interview: Monday
        12:00 at the earliest."""
        deadline = interviewed + timedelta(hours=self.thank_you_hours)
        if interviewed.weekday() == FRIDAY:
            monday = interviewed.date() + timedelta(days=(MONDAY - FRIDAY) % 7)
            deadline = max(deadline, datetime.combine(monday, MONDAY_NOON))
        return deadline

    def decision_end(self, interview: Interview | None) -> datetime | None:
        """The end of the promised decision date: 00:00 the day after a date;
        a date-time is its own end."""
        if interview is None or interview.decision_by is None:
            return None
        if isinstance(interview.decision_by, datetime):
            return self.local(interview.decision_by)
        return datetime.combine(interview.decision_by + timedelta(days=1), time())

    def follow_up_window(
        self, interview: Interview | None, thank_you: datetime | None = None
    ) -> Window | None:
        """The follow-up window of one recipient, `thank_you` being when their
        thank-you went (None: there is none). None when nothing is known to
        count from."""
        end = self.decision_end(interview)
        if end is not None:
            closes = end + timedelta(hours=self.follow_up_late_hours)
            return Window(end, closes, "the decision date", end)
        days = timedelta(days=self.follow_up_days)
        if thank_you is not None:
            return Window(thank_you + days, None, "the thank-you", thank_you)
        interviewed = self.interviewed_at(interview)
        if interviewed is not None:
            return Window(interviewed + days, None, "the interview", interviewed)
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


def country(timezone: str | None) -> str | None:
    """The ISO country code of an IANA time zone ('Europe/Dublin' -> 'IE'),
    from tzdata's zone table; None when unknown."""
    return _zone_countries().get(timezone or "")


@cache
def _zone_countries() -> dict[str, str]:
    from importlib.resources import files

    try:
        table = files("tzdata").joinpath("zoneinfo", "zone.tab").read_text(encoding="utf-8")
    except (ModuleNotFoundError, OSError):
        return {}
    rows = (line.split("\t") for line in table.splitlines() if line and not line.startswith("#"))
    return {row[2]: row[0] for row in rows if len(row) >= 3}
