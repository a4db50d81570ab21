"""`notelint timeline`: what each application owes, per interviewer.

For every application: the interview, then per interviewer their thank-you
note (file, sent), its deadline and status at the reference time, the
follow-ups sent to them and the window for the next one; then the notes that
go to nobody of the interview. The deadlines come from `notelint.analysis.timing`, so
the timeline and the timing rules always agree. No spaCy: nothing is parsed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from notelint.analysis import timing
from notelint.config import Config
from notelint.core.display import printable, shown
from notelint.core.model import Application, Interviewer, Note
from notelint.inputs import sources
from notelint.inputs.sources import Loaded


@dataclass(frozen=True)
class Sent:
    """One note: its file and when it was (or is to be) sent (None: not said)."""

    file: str
    sent: datetime | None

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "sent": _iso(self.sent)}


@dataclass(frozen=True)
class Row:
    """What one interviewer has had, and what is due to them."""

    name: str
    role: str
    thank_you: Sent | None
    deadline: datetime | None
    status: str  # on-time | late | scheduled | scheduled-late | draft | missing | overdue | sent
    follow_ups: tuple[Sent, ...]
    follow_up_from: datetime | None
    follow_up_until: datetime | None
    follow_up_after: str | None

    @property
    def status_text(self) -> str:
        due = "" if self.deadline is None else timing.stamp(self.deadline)
        return {
            "on-time": "sent on time",
            "late": "sent late",
            "scheduled": "scheduled, on time",
            "scheduled-late": "scheduled, late",
            "sent": "sent",
            "draft": f"draft, not sent — due by {due}" if due else "draft, not sent",
            "missing": f"missing — due by {due}" if due else "missing",
            "overdue": f"overdue — was due by {due}",
        }[self.status]

    @property
    def follow_up_text(self) -> str:
        if self.follow_up_from is None:
            return "—"
        if self.follow_up_until is None:
            return f"from {timing.stamp(self.follow_up_from)}"
        return f"{timing.stamp(self.follow_up_from)} – {timing.stamp(self.follow_up_until)}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "interviewer": self.name,
            "role": self.role,
            "thank_you": None if self.thank_you is None else self.thank_you.to_dict(),
            "deadline": _iso(self.deadline),
            "status": self.status,
            "status_text": self.status_text,
            "follow_ups": [f.to_dict() for f in self.follow_ups],
            "next_follow_up": None
            if self.follow_up_from is None
            else {
                "from": _iso(self.follow_up_from),
                "until": _iso(self.follow_up_until),
                "counted_from": self.follow_up_after,
            },
        }


@dataclass(frozen=True)
class Entry:
    """One application's timeline."""

    folder: str
    company: str
    role: str | None
    round: int
    interviewed_at: datetime | date | None
    decision_by: datetime | date | None
    rows: tuple[Row, ...]
    other_notes: tuple[tuple[str, str, str | None, datetime | None], ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "folder": self.folder,
            "company": self.company,
            "role": self.role,
            "round": self.round,
            "interviewed_at": _iso(self.interviewed_at),
            "decision_by": _iso(self.decision_by),
            "interviewers": [r.to_dict() for r in self.rows],
            "other_notes": [
                {"file": f, "kind": k, "to": to, "sent": _iso(s)}
                for f, k, to, s in self.other_notes
            ],
        }


def load(paths: list[str] | tuple[str, ...], config: Config) -> Loaded:
    """The applications under `paths`, as `check` loads them with `config`
    (an interview with no note yet among them)."""
    return sources.load(
        list(paths),
        exclude=config.exclude,
        max_file_size=config.max_file_size,
        max_note_chars=config.max_note_chars,
        context=True,
        gitignore=config.respect_gitignore,
        top=config.source.parent if config.source else None,
    )


def timing_options(config: Config) -> dict[tuple[str, str], Any]:
    """The timing rules' options as `config` sets them, so that the timeline
    applies the very policy `notelint check` does."""
    from notelint.plugins.registry import discover

    wanted = {slug for slug, _ in timing.OPTIONS}
    registry = discover(config.rule_packs)
    plain = Config(rules=config.rules, source=config.source)  # every rule, as configured
    return {
        (active.rule.slug, name): value
        for active in registry.active(plain)
        if active.rule.slug in wanted
        for name, value in active.options.items()
    }


def build(
    loaded: Loaded,
    now: datetime,
    timezone: str | None = None,
    options: dict[tuple[str, str], Any] | None = None,
) -> list[Entry]:
    """The timeline of every application that has an interview.yaml, each in
    its own time zone (`timezone`: the configuration's default)."""
    entries = [
        _entry(application, now, timing.Policy.of(application.interview, timezone, options))
        for application in loaded.applications
        if application.interview is not None
    ]
    return sorted(entries, key=lambda e: e.folder)


def _entry(application: Application, now: datetime, policy: timing.Policy) -> Entry:
    interview = application.interview
    now = policy.local(now)
    rows = tuple(_row(person, application, now, policy) for person in interview.interviewers)
    others = tuple(
        (n.path, n.kind, n.to, policy.sent_at(n))
        for n in application.notes
        if n.recipient is None or n.kind not in ("thank-you", "follow-up")
    )
    return Entry(
        folder=shown(application.interview.folder),
        company=interview.company,
        role=interview.role,
        round=interview.round,
        interviewed_at=policy.local(interview.interviewed_at)
        if isinstance(interview.interviewed_at, datetime)
        else interview.interviewed_at,
        decision_by=policy.local(interview.decision_by)
        if isinstance(interview.decision_by, datetime)
        else interview.decision_by,
        rows=rows,
        other_notes=others,
    )


def _row(
    person: Interviewer, application: Application, now: datetime, policy: timing.Policy
) -> Row:
    interview = application.interview
    mine = [n for n in application.notes if n.recipient == person]
    thank_you = _thank_you([n for n in mine if n.kind == "thank-you"], policy)
    follow_ups = sorted(
        (Sent(n.path, policy.sent_at(n)) for n in mine if n.kind == "follow-up"),
        key=lambda s: (s.sent is None, s.sent or now),
    )
    interviewed = policy.interviewed_at(interview)
    deadline = None if interviewed is None else policy.thank_you_deadline(interviewed)
    status = _status(thank_you, deadline, now)
    sent_follow_ups = [f.sent for f in follow_ups if f.sent is not None and f.sent <= now]
    thanked = thank_you.sent if thank_you is not None and thank_you.sent is not None else None
    # A rejection ends the loop: its reply is the last note owed.
    rejected = any(n.kind == "rejection-reply" for n in application.notes)
    window = None if rejected else policy.follow_up_window(interview, thanked)
    if window is not None and window.closes is None and sent_follow_ups:
        # Without a decision date: the next one a week after the last follow-up.
        last = max(sent_follow_ups)
        window = timing.Window(
            last + (window.opens - window.since), None, "the last follow-up", last
        )
    return Row(
        name=person.name,
        role=person.role,
        thank_you=thank_you,
        deadline=deadline,
        status=status,
        follow_ups=tuple(follow_ups),
        follow_up_from=None if window is None else window.opens,
        follow_up_until=None if window is None else window.closes,
        follow_up_after=None if window is None else window.after,
    )


def _thank_you(notes: list[Note], policy: timing.Policy) -> Sent | None:
    """The thank-you that counts: the earliest one sent, else a draft."""
    if not notes:
        return None
    dated = [n for n in notes if n.sent is not None]
    chosen = min(dated, key=policy.sent_at) if dated else notes[0]
    return Sent(chosen.path, policy.sent_at(chosen))


def _status(thank_you: Sent | None, deadline: datetime | None, now: datetime) -> str:
    if thank_you is not None and thank_you.sent is not None:
        if deadline is None:
            return "sent"
        on_time = thank_you.sent <= deadline
        if thank_you.sent > now:
            return "scheduled" if on_time else "scheduled-late"
        return "on-time" if on_time else "late"
    if deadline is not None and now > deadline:
        return "overdue"
    return "draft" if thank_you is not None else "missing"


def _iso(value: datetime | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    return value.isoformat()


# -- text --------------------------------------------------------------------
def to_json(entries: list[Entry], now: datetime, timezone: str | None = None) -> dict[str, Any]:
    from notelint import __version__

    return {
        "notelint_version": __version__,
        "now": _iso(timing.Policy.of(None, timezone).local(now)),
        "applications": [e.to_dict() for e in entries],
    }


def render_text(entries: list[Entry], now: datetime, timezone: str | None = None) -> str:
    if not entries:
        return "No application with an interview.yaml found.\n"
    out = [f"Reference time: {timing.stamp(timing.Policy.of(None, timezone).local(now))}", ""]
    for entry in entries:
        out.extend(
            printable(line) for line in _render_entry(entry)
        )  # names as written, one line each
        out.append("")
    return "\n".join(out)


def _render_entry(entry: Entry) -> list[str]:
    role = f" — {entry.role}" if entry.role else ""
    lines = [f"{entry.company}{role} (round {entry.round})  [{entry.folder}]"]
    lines.append(f"  interviewed: {_day(entry.interviewed_at)}")
    if entry.decision_by is not None:
        lines.append(f"  decision by: {_day(entry.decision_by)}")
    header = ("interviewer", "thank-you", "sent", "deadline", "status", "next follow-up")
    table = [header]
    for row in entry.rows:
        table.append(
            (
                f"{row.name} ({row.role})",
                _basename(row.thank_you.file) if row.thank_you else "—",
                timing.stamp(row.thank_you.sent) if row.thank_you and row.thank_you.sent else "—",
                timing.stamp(row.deadline) if row.deadline else "—",
                row.status_text,
                row.follow_up_text,
            )
        )
        for follow_up in row.follow_ups:
            table.append(
                (
                    "",
                    f"follow-up: {_basename(follow_up.file)}",
                    timing.stamp(follow_up.sent) if follow_up.sent else "—",
                    "",
                    "",
                    "",
                )
            )
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    for index, cells in enumerate(table):
        lines.append(
            "  " + "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()
        )
        if index == 0:
            lines.append("  " + "  ".join("-" * w for w in widths))
    for file, kind, to, sent in entry.other_notes:
        shown = timing.stamp(sent) if sent else "not sent"
        lines.append(
            f"  other note: {_basename(file)} ({kind}, to {to or 'nobody named'}, {shown})"
        )
    return lines


def _day(value: datetime | date | None) -> str:
    if value is None:
        return "not given"
    if isinstance(value, datetime):
        return timing.stamp(value)
    return value.strftime("%a %Y-%m-%d")


def _basename(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]
