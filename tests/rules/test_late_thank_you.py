"""late-thank-you: 48 hours after the interview; a Friday interview until
Monday 12:00; dates without a time, zone-aware times and .eml Date headers."""

from datetime import datetime

import pytest

RULE = "late-thank-you"
INTERVIEW = """\
company: Acme Robotics
round: 1
interviewed_at: {when}
interviewers:
  - name: Maria Gonzalez
    role: hiring-manager
"""
NOTE = """\
---
to: Maria Gonzalez
{sent}kind: {kind}
---
Dear Maria,

Thank you for the tour of the gripper lab.
"""


def run(lint, when, sent, kind="thank-you", now=datetime(2026, 12, 31, 12, 0), **options):
    sent_line = f"sent: {sent}\n" if sent else ""
    files = {
        "app/interview.yaml": INTERVIEW.format(when=when),
        "app/maria-gonzalez.md": NOTE.format(sent=sent_line, kind=kind),
    }
    config = {"select": (RULE,)}
    if options:
        config["rules"] = {RULE: options}
    return [f for f in lint(files, now=now, **config) if f.rule == RULE]


@pytest.mark.parametrize(
    "when, sent, late",
    [
        ("2026-11-17T14:00", "2026-11-19T14:00", False),  # Tuesday, exactly 48 h
        ("2026-11-17T14:00", "2026-11-19T14:01", True),  # Tuesday, 48 h 1 min
        ("2026-11-20T14:00", "2026-11-23T11:59", False),  # Friday -> Monday noon
        ("2026-11-20T14:00", "2026-11-23T12:00", False),
        ("2026-11-20T14:00", "2026-11-23T12:30", True),
        ("2026-11-21T10:00", "2026-11-23T10:00", False),  # Saturday: plain 48 h
        ("2026-11-19", "2026-11-21T16:59", False),  # date only = 17:00
        ("2026-11-19", "2026-11-21T17:01", True),
        ("2026-11-17T14:00", "2026-11-19", False),  # sent date only = 00:00
        ("2026-11-17T14:00", "2026-11-20", True),
        ("2026-11-17T14:00", "2026-11-15T09:00", False),  # before: not late
    ],
)
def test_deadline(lint, when, sent, late):
    assert bool(run(lint, when, sent)) is late


def test_message_says_how_late_and_by_when(lint):
    (finding,) = run(lint, "2026-11-20T14:00", "2026-11-23T16:00")
    assert finding.message == (
        "sent 3 days 2 hours after the interview; it was due by Mon 2026-11-23 12:00"
    )
    assert (finding.line, finding.column) == (6, 1)  # the first body line
    assert str(finding.severity) == "warning"


def test_zone_aware_times_are_compared_in_local_time(lint, monkeypatch):
    import time

    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    try:
        # 12:30 UTC is 13:30 in Berlin: 47.5 h after a Tuesday 14:00 interview.
        assert not run(lint, "2026-11-17T14:00", "2026-11-19T12:30+00:00")
        assert run(lint, "2026-11-17T14:00", "2026-11-19T14:30+01:00")
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_unsent_note_is_judged_at_now(lint):
    assert not run(lint, "2026-11-17T14:00", None, now=datetime(2026, 11, 18, 9, 0))
    (finding,) = run(lint, "2026-11-17T14:00", None, now=datetime(2026, 11, 20, 9, 0))
    assert finding.message.startswith("not sent yet, 2 days 19 hours after the interview;")


def test_eml_date_header(lint):
    files = {
        "app/interview.yaml": INTERVIEW.format(when="2026-11-20T14:00"),
        "app/maria.eml": (
            "To: Maria Gonzalez <maria@acme.example>\n"
            "Date: Tue, 24 Nov 2026 09:00:00 -0000\n"
            "Subject: Thank you\n\nDear Maria,\n\nThank you for the tour.\n"
        ),
    }
    findings = [f for f in lint(files, select=(RULE,)) if f.rule == RULE]
    assert len(findings) == 1 and "due by Mon 2026-11-23 12:00" in findings[0].message


@pytest.mark.parametrize("kind", ["follow-up", "check-in", "rejection-reply"])
def test_only_thank_you_notes(lint, kind):
    assert not run(lint, "2026-11-17T14:00", "2026-11-30T09:00", kind=kind)


def test_no_interview_time_no_finding(lint):
    files = {
        "app/interview.yaml": "company: Acme\ninterviewers:\n  - name: Maria Gonzalez\n",
        "app/maria-gonzalez.md": NOTE.format(sent="sent: 2027-01-01\n", kind="thank-you"),
    }
    assert not [f for f in lint(files, select=(RULE,)) if f.rule == RULE]


def test_hours_option(lint):
    assert not run(lint, "2026-11-17T14:00", "2026-11-20T09:00", hours=72)
    assert run(lint, "2026-11-17T14:00", "2026-11-18T15:00", hours=24)
