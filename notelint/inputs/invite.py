"""Reads a calendar invite (`.ics`, as Google Calendar and Outlook export
it) for `notelint init`: when the interview is, in which time zone, who is
invited and which company it is with. Parsed by the `icalendar` library
(folded lines, parameters, VTIMEZONE), imported only when an invite is read.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from notelint.core.model import InputError
from notelint.inputs.schema import zone

# Addresses of mail providers and calendar services: no company's domain.
PUBLIC_DOMAINS = frozenset(
    "gmail.com googlemail.com google.com calendar.google.com outlook.com hotmail.com live.com "
    "msn.com yahoo.com icloud.com me.com aol.com proton.me protonmail.com gmx.com gmx.de "
    "mail.com zoho.com fastmail.com yandex.com example.com".split()
)
# "Interview at Acme Robotics - Product Manager": the company ends at a
# spaced dash, a bracket or a punctuation mark ("Hewlett-Packard" is one name).
_AT_COMPANY = re.compile(
    r"\bat\s+(?P<company>[^\W\d_][^()\[\]|,;:]*?)\s*(?:\s[-–—|]\s|[()\[\],;:|]|$)", re.I
)
_SPLIT = re.compile(r"[._+-]+")


@dataclass(frozen=True)
class Person:
    name: str
    email: str | None


@dataclass(frozen=True)
class Invite:
    summary: str | None
    start: datetime | date | None  # in the invite's own zone where it names one
    timezone: str | None  # IANA name of that zone, when it is one
    organizer: Person | None
    attendees: tuple[Person, ...]

    def company(self, me: str | None = None) -> str | None:
        """The company: "... at Acme Robotics" in the summary, else the
        domain most of the other people write from, spelt as the summary
        spells it where it does."""
        found = _AT_COMPANY.search(self.summary or "")
        if found:
            return found.group("company").strip()
        domains = Counter(
            _domain(p.email)
            for p in (self.organizer, *self.attendees)
            if p is not None and p.email and not _same(p.email, me)
        )
        domains.pop(None, None)
        if not domains:
            return None
        label = domains.most_common(1)[0][0]
        words = [w for w in _SPLIT.split(label) if w]
        spelt = re.search(r"[\W_]*".join(map(re.escape, words)), self.summary or "", re.I)
        return spelt.group() if spelt else " ".join(w.capitalize() for w in words)

    def interviewers(self, me: str | None) -> tuple[Person, ...]:
        """Everyone invited but the candidate (`me`), each once."""
        seen: set[str] = set()
        found = []
        for person in self.attendees:
            key = (person.email or person.name).casefold()
            if _same(person.email, me) or key in seen:
                continue
            seen.add(key)
            found.append(person)
        return tuple(found)


def read(path: Path) -> Invite:
    """The first event of an invite; InputError (with the file's line where
    the parser says one) when it is not an invite."""
    import icalendar

    try:
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}") from None
    except ValueError as error:
        raise InputError(f"not an iCalendar file: {str(error).splitlines()[0]}") from None
    events = calendar.walk("VEVENT")
    if not events:
        raise InputError("the invite has no event (no VEVENT)")
    event = events[0]
    start, timezone = _start(event, calendar)
    attendees = event.get("ATTENDEE") or []
    if not isinstance(attendees, list):
        attendees = [attendees]
    people = tuple(
        _person(a)
        for a in attendees
        if str(a.params.get("CUTYPE", "INDIVIDUAL")).upper() in ("INDIVIDUAL", "UNKNOWN")
    )
    organizer = event.get("ORGANIZER")
    summary = event.get("SUMMARY")
    return Invite(
        summary=None if summary is None else str(summary).strip(),
        start=start,
        timezone=timezone,
        organizer=None if organizer is None else _person(organizer),
        attendees=people,
    )


def _start(event, calendar) -> tuple[datetime | date | None, str | None]:
    """DTSTART, and the IANA name of its zone: the TZID itself, a Windows
    zone name (Outlook's "Pacific Standard Time") mapped to IANA, or for a
    time in UTC the calendar's X-WR-TIMEZONE (Google's)."""
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    if event.get("DTSTART") is None:
        return None, None
    try:
        start = event.decoded("DTSTART")
    except (ValueError, KeyError) as error:
        raise InputError(f"DTSTART: {error}") from None
    if not isinstance(start, datetime):
        return start, None
    tzid = event.get("DTSTART").params.get("TZID")
    candidates = [str(tzid), WINDOWS_TO_OLSON.get(str(tzid))] if tzid else []
    if start.utcoffset() is not None and start.utcoffset().total_seconds() == 0 and not tzid:
        candidates.append(str(calendar.get("X-WR-TIMEZONE") or ""))
    for name in candidates:
        if name and _iana(name):
            return start.astimezone(zone(name)), name
    return start, None


def _iana(name: str) -> bool:
    try:
        zone(name)
    except ValueError:
        return False
    return "/" in name or name == "UTC"


def _person(value) -> Person:
    email = str(value).strip()
    email = email[7:] if email.lower().startswith("mailto:") else email
    email = email.strip() or None
    name = str(value.params.get("CN", "")).strip().strip('"') if hasattr(value, "params") else ""
    if not name or (email and name.casefold() == email.casefold()):
        local = (email or "someone").split("@")[0]
        name = " ".join(w.capitalize() for w in _SPLIT.split(local) if w)
    return Person(name, email)


def _domain(email: str) -> str | None:
    domain = email.rsplit("@", 1)[-1].casefold() if "@" in email else ""
    if not domain or domain in PUBLIC_DOMAINS or domain.endswith(".google.com"):
        return None
    parts = domain.split(".")
    # acme.example, careers.acme.co.uk: the label before the public suffix
    label = parts[-2] if len(parts) >= 2 else parts[0]
    if len(parts) >= 3 and parts[-2] in ("co", "com", "ac", "org", "gov", "net"):
        label = parts[-3]
    return label


def _same(email: str | None, me: str | None) -> bool:
    return bool(email and me and email.strip().casefold() == me.strip().casefold())
