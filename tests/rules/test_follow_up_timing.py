"""follow-up-timing: before the decision date, late after it, a week after
the thank-you when no date was given, two follow-ups within a week."""

from datetime import datetime

import pytest

RULE = "follow-up-timing"


def interview(decision_by=None, when="2026-11-17T14:00"):
    text = f"company: Acme Robotics\ninterviewed_at: {when}\n"
    if decision_by:
        text += f"decision_by: {decision_by}\n"
    return text + (
        "interviewers:\n"
        "  - name: Maria Gonzalez\n    role: hiring-manager\n"
        "  - name: Raj Patel\n    role: colleague\n"
    )


def note(to, sent, kind):
    sent_line = f"sent: {sent}\n" if sent else ""
    return f"---\nto: {to}\n{sent_line}kind: {kind}\n---\nDear {to.split()[0]},\n\nA note.\n"


def run(lint, notes, decision_by=None, now=datetime(2026, 12, 31, 12, 0)):
    files = {"app/interview.yaml": interview(decision_by)}
    for name, (to, sent, kind) in notes.items():
        files[f"app/{name}"] = note(to, sent, kind)
    findings = lint(files, now=now, select=(RULE,))
    return {f.path.rsplit("/", 1)[-1]: f.message for f in findings if f.rule == RULE}


MARIA = "Maria Gonzalez"


@pytest.mark.parametrize(
    "sent, fires",
    [
        ("2026-12-03T16:00", True),  # before the decision date
        ("2026-12-04T23:59", True),  # on the decision date
        ("2026-12-04", True),  # date only: 00:00 on the decision date
        ("2026-12-05T00:00", False),  # the decision date has ended
        ("2026-12-05", False),
        ("2026-12-06T23:59", False),  # within 48 hours of its end
        ("2026-12-07T00:00", False),  # exactly 48 hours
        ("2026-12-07T00:01", True),  # late
    ],
)
def test_with_decision_date(lint, sent, fires):
    found = run(lint, {"f.md": (MARIA, sent, "follow-up")}, decision_by="2026-12-04")
    assert ("f.md" in found) is fires


def test_messages_with_decision_date(lint):
    early = run(lint, {"f.md": (MARIA, "2026-12-02T09:00", "follow-up")}, "2026-12-04")
    assert early["f.md"] == (
        "follow-up sent before the promised decision (Fri 2026-12-04) has passed; "
        "it reads as pressure: send it from Sat 2026-12-05 00:00"
    )
    late = run(lint, {"f.md": (MARIA, "2026-12-08T10:00", "follow-up")}, "2026-12-04")
    assert late["f.md"] == (
        "follow-up sent 3 days 10 hours after the promised decision date passed; "
        "it was due by Mon 2026-12-07 00:00"
    )


@pytest.mark.parametrize(
    "thank_you, follow_up, fires",
    [
        ("2026-11-18T09:00", "2026-11-21T09:00", True),  # 3 days after the thank-you
        ("2026-11-18T09:00", "2026-11-25T08:59", True),
        ("2026-11-18T09:00", "2026-11-25T09:00", False),  # a week after
        ("2026-11-18T09:00", "2026-12-20T09:00", False),  # no late without a date
        (None, "2026-11-23T09:00", True),  # no thank-you: 6 days after the interview
        (None, "2026-11-24T14:00", False),  # a week after the interview
    ],
)
def test_without_decision_date(lint, thank_you, follow_up, fires):
    notes = {"f.md": (MARIA, follow_up, "follow-up")}
    if thank_you:
        notes["t.md"] = (MARIA, thank_you, "thank-you")
    assert ("f.md" in run(lint, notes)) is fires


def test_message_without_decision_date(lint):
    found = run(
        lint,
        {
            "t.md": (MARIA, "2026-11-18T09:00", "thank-you"),
            "f.md": (MARIA, "2026-11-21T11:00", "follow-up"),
        },
    )
    assert found == {
        "f.md": "follow-up sent 3 days 2 hours after the thank-you; it reads as pressure: "
        "wait until Wed 2026-11-25 09:00"
    }


def test_thank_you_to_someone_else_does_not_count(lint):
    notes = {
        "t.md": ("Raj Patel", "2026-11-22T09:00", "thank-you"),
        "f.md": (MARIA, "2026-11-25T09:00", "follow-up"),  # 7 days 19 h after the interview
    }
    assert run(lint, notes) == {}


def test_two_follow_ups_within_a_week(lint):
    notes = {
        "t.md": (MARIA, "2026-11-18T09:00", "thank-you"),
        "f1.md": (MARIA, "2026-11-26T09:00", "follow-up"),
        "f2.md": (MARIA, "2026-12-01T09:00", "follow-up"),
        "r.md": ("Raj Patel", "2026-11-27T09:00", "follow-up"),  # another person
    }
    found = run(lint, notes)
    assert set(found) == {"f2.md"}
    assert found["f2.md"] == (
        "second follow-up to the same person 5 days after the one in f1.md; "
        "wait at least 7 days between them"
    )


def test_second_follow_up_after_decision_is_not_late(lint):
    notes = {
        "f1.md": (MARIA, "2026-12-05T09:00", "follow-up"),
        "f2.md": (MARIA, "2026-12-14T09:00", "follow-up"),  # 9 days later
    }
    assert run(lint, notes, decision_by="2026-12-04") == {}


def test_unsent_follow_up_is_judged_at_now(lint):
    notes = {"f.md": (MARIA, None, "follow-up")}
    assert run(lint, notes, "2026-12-04", now=datetime(2026, 12, 5, 9, 0)) == {}
    assert "f.md" in run(lint, notes, "2026-12-04", now=datetime(2026, 12, 3, 9, 0))


@pytest.mark.parametrize("kind", ["thank-you", "check-in", "rejection-reply"])
def test_only_follow_ups(lint, kind):
    assert run(lint, {"n.md": (MARIA, "2026-11-18T09:00", kind)}, "2026-12-04") == {}


def test_no_interview_file_no_finding(lint):
    findings = lint({"f.md": note(MARIA, "2026-11-18T09:00", "follow-up")}, select=(RULE,))
    assert not [f for f in findings if f.rule == RULE]


@pytest.mark.parametrize("sent", [None, "2026-12-10T09:00"])
def test_two_follow_ups_at_one_time_flag_only_the_second(lint, sent):
    """Two unsent follow-ups (judged at --now) or two with the same `sent`:
    ordered by time, then path; only the later one is a second follow-up."""
    notes = {
        "f1.md": (MARIA, sent, "follow-up"),
        "f2.md": (MARIA, sent, "follow-up"),
    }
    found = run(lint, notes, now=datetime(2026, 12, 10, 9, 0))
    assert set(found) == {"f2.md"}
    assert found["f2.md"].startswith(
        "second follow-up to the same person 0 minutes after the one in f1.md"
    )
