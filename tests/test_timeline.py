"""`notelint timeline`: per interviewer, the thank-you, its deadline and
status at --now, and the next follow-up window."""

import json

from click.testing import CliRunner

from notelint.cli import main
from tests.conftest import write

FRIDAY = """\
company: Acme Robotics
role: Product Manager
round: 1
interviewed_at: 2026-11-20T14:00
interviewers:
  - name: Maria Gonzalez
    role: hiring-manager
  - name: Raj Patel
    role: colleague
  - name: Lee Chen
    role: hr
"""
DECIDED = """\
company: Initech
round: 2
interviewed_at: 2026-12-01
decision_by: 2026-12-10
interviewers:
  - name: Ana Silva
    role: hiring-manager
"""


def note(to, sent=None, kind="thank-you"):
    sent_line = f"sent: {sent}\n" if sent else ""
    return f"---\nto: {to}\n{sent_line}kind: {kind}\n---\nDear {to},\n\nThank you.\n"


def timeline(tmp_path, monkeypatch, files, now, *options):
    write(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["timeline", ".", "--now", now, *options])
    assert result.exit_code == 0, result.output
    return result.output


FILES = {
    "acme/interview.yaml": FRIDAY,
    "acme/maria.md": note("Maria Gonzalez", "2026-11-23T09:00"),  # Monday, on time
    "acme/raj.md": note("Raj Patel", "2026-11-23T15:00"),  # Monday afternoon: late
    "acme/maria-follow-up.md": note("Maria Gonzalez", "2026-11-30T09:00", "follow-up"),
    # Lee Chen: no note at all
    "initech/interview.yaml": DECIDED,
}


def test_json(tmp_path, monkeypatch):
    data = json.loads(
        timeline(tmp_path, monkeypatch, FILES, "2026-11-22T10:00", "--format", "json")
    )
    assert data["now"] == "2026-11-22T10:00"
    acme, initech = data["applications"]
    assert (acme["company"], acme["role"], acme["round"]) == ("Acme Robotics", "Product Manager", 1)
    maria, raj, lee = acme["interviewers"]
    # Friday 14:00 interview: due by Monday 12:00, not Sunday 14:00.
    assert maria["deadline"] == raj["deadline"] == lee["deadline"] == "2026-11-23T12:00"
    assert maria["thank_you"] == {"file": "acme/maria.md", "sent": "2026-11-23T09:00"}
    assert maria["status"] == "scheduled"
    assert raj["status"] == "scheduled-late"
    assert lee["thank_you"] is None and lee["status"] == "missing"
    assert lee["status_text"] == "missing — due by Mon 2026-11-23 12:00"
    assert maria["follow_ups"] == [{"file": "acme/maria-follow-up.md", "sent": "2026-11-30T09:00"}]
    # No decision date: a week after the thank-you (the interview when there is none).
    assert maria["next_follow_up"] == {
        "from": "2026-11-30T09:00",
        "until": None,
        "counted_from": "the thank-you",
    }
    assert lee["next_follow_up"]["from"] == "2026-11-27T14:00"
    # An interview.yaml without notes: every thank-you is due; the decision date
    # gives the follow-up window (its end, then 48 hours).
    (ana,) = initech["interviewers"]
    assert ana["deadline"] == "2026-12-03T17:00"  # date only = 17:00, + 48 h
    assert ana["status"] == "missing"
    assert ana["next_follow_up"] == {
        "from": "2026-12-11T00:00",
        "until": "2026-12-13T00:00",
        "counted_from": "the decision date",
    }


def test_statuses_after_the_deadline(tmp_path, monkeypatch):
    data = json.loads(
        timeline(tmp_path, monkeypatch, FILES, "2026-12-05T10:00", "--format", "json")
    )
    acme, initech = data["applications"]
    assert [r["status"] for r in acme["interviewers"]] == ["on-time", "late", "overdue"]
    assert initech["interviewers"][0]["status_text"] == "overdue — was due by Thu 2026-12-03 17:00"
    # After a follow-up without a decision date: the next one a week later.
    assert acme["interviewers"][0]["next_follow_up"]["from"] == "2026-12-07T09:00"


def test_text(tmp_path, monkeypatch):
    out = timeline(tmp_path, monkeypatch, FILES, "2026-11-24T10:00")
    assert "Reference time: Tue 2026-11-24 10:00" in out
    assert "Acme Robotics — Product Manager (round 1)" in out
    assert "interviewed: Fri 2026-11-20 14:00" in out
    lines = out.splitlines()
    maria = next(line for line in lines if line.strip().startswith("Maria Gonzalez"))
    assert "maria.md" in maria and "sent on time" in maria and "from Mon 2026-11-30 09:00" in maria
    raj = next(line for line in lines if line.strip().startswith("Raj Patel"))
    assert "sent late" in raj
    lee = next(line for line in lines if line.strip().startswith("Lee Chen"))
    assert "overdue — was due by Mon 2026-11-23 12:00" in lee
    assert any("follow-up: maria-follow-up.md" in line for line in lines)
    assert "decision by: Thu 2026-12-10" in out
    assert "Fri 2026-12-11 00:00 – Sun 2026-12-13 00:00" in out


def test_draft_without_sent(tmp_path, monkeypatch):
    files = {"acme/interview.yaml": FRIDAY, "acme/lee.md": note("Lee Chen")}
    data = json.loads(
        timeline(tmp_path, monkeypatch, files, "2026-11-21T10:00", "--format", "json")
    )
    lee = data["applications"][0]["interviewers"][2]
    assert lee["thank_you"] == {"file": "acme/lee.md", "sent": None}
    assert lee["status"] == "draft"
