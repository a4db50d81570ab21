"""Reading a note as a person does: who it is for (as mail clients write
recipients), when it went (one timing policy in a stated zone, drafts not
sent), and the same findings however the note is passed."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from notelint.analysis.timing import Policy
from notelint.cli import main
from notelint.core.model import Interviewer
from notelint.inputs.notes import parse_note
from notelint.inputs.recipients import interviewer_named, interviewer_of_file
from notelint.inputs.schema import zone
from tests.conftest import write

PEOPLE = (
    Interviewer("Krzysztof Wojciechowski", email="kw@northwind.example"),
    Interviewer("Siobhan O’Brien"),
    Interviewer("Marcus Lee"),
    Interviewer("Maria Lee"),
)


@pytest.mark.parametrize(
    "written, name",
    [
        ("Krzysztof Wojciechowski", "Krzysztof Wojciechowski"),
        ("Wojciechowski, Krzysztof", "Krzysztof Wojciechowski"),  # "Last, First"
        ("KRZYSZTOF WOJCIECHOWSKI", "Krzysztof Wojciechowski"),
        ('"Krzysztof Wojciechowski"', "Krzysztof Wojciechowski"),
        ("KW@Northwind.example", "Krzysztof Wojciechowski"),
        ("Siobhan O'Brien", "Siobhan O’Brien"),  # a straight apostrophe for a curly one
        ("Siobhán O’Brien", "Siobhan O’Brien"),  # diacritics folded
        ("Krzysztof", None),  # a first name alone is not a recipient
        ("someone@else.example", None),
    ],
)
def test_interviewer_named(written, name):
    found = interviewer_named(written, PEOPLE)
    assert (found.name if found else None) == name


@pytest.mark.parametrize(
    "stem, name",
    [
        ("krzysztof-wojciechowski", "Krzysztof Wojciechowski"),
        ("siobhan-obrien", "Siobhan O’Brien"),  # the unique first name decides
        ("siobhan-o-brien-follow-up", "Siobhan O’Brien"),
        ("krzysztof", "Krzysztof Wojciechowski"),  # a unique first name
        ("wojciechowski", "Krzysztof Wojciechowski"),  # a unique last name
        ("lee", None),  # two interviewers are called Lee
        ("marcus", "Marcus Lee"),
    ],
)
def test_interviewer_of_file(stem, name):
    found = interviewer_of_file(stem, PEOPLE)
    assert (found.name if found else None) == name


EML = """\
From: Jo Candidate <jo@mailbox.example>
To: {to}
Cc: Maria Lee <maria@northwind.example>
Subject: Thank you
Date: Mon, 23 Nov 2026 09:00:00 +0100
{extra}MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Dear Krzysztof,

Thank you for the warehouse tour.
"""


def test_every_recipient_of_an_email_is_read():
    note = parse_note(
        "n.eml", EML.format(to="Krzysztof Wojciechowski <k.w@other.example>", extra="").encode()
    )
    assert note.addressees == (
        "k.w@other.example",
        "Krzysztof Wojciechowski",
        "maria@northwind.example",
        "Maria Lee",
    )


def test_a_display_name_finds_the_interviewer_when_the_address_does_not(lint):
    files = {
        "app/interview.yaml": "company: Northwind\ninterviewers:\n"
        "  - name: Krzysztof Wojciechowski\n    points: [the warehouse tour]\n"
        "  - name: Maria Lee\n",
        "app/kw.eml": EML.format(to='"Wojciechowski, Krzysztof" <k.w@other.example>', extra=""),
    }
    findings = lint(files, now=datetime(2026, 11, 23, 12, 0))
    assert not [f for f in findings if f.rule == "unreadable-input"]
    # the recipient is known, so recipient-aware rules judge the note: it echoes his point
    assert not [f for f in findings if f.rule == "missing-interview-point"]


@pytest.mark.parametrize(
    "header",
    [
        "X-Unsent: 1\n",
        "X-Mozilla-Draft-Info: internal/draft; vcard=0\n",
        "X-Uniform-Type-Identifier: com.apple.mail-draft\n",
    ],
)
def test_a_draft_is_not_sent(header):
    draft = parse_note("n.eml", EML.format(to="kw@northwind.example", extra=header).encode())
    sent = parse_note("n.eml", EML.format(to="kw@northwind.example", extra="").encode())
    assert draft.sent is None
    assert sent.sent == datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


# -- one timing policy --------------------------------------------------------


def test_the_policy_converts_into_its_zone():
    tokyo = Policy(zone("Asia/Tokyo"))
    aware = datetime(2026, 11, 20, 14, 0, tzinfo=UTC)
    assert tokyo.local(aware) == datetime(2026, 11, 20, 23, 0)
    assert tokyo.local(datetime(2026, 11, 20, 14, 0)) == datetime(
        2026, 11, 20, 14, 0
    )  # naive: in the zone


def test_an_unknown_zone_is_an_error_naming_the_line(lint):
    files = {
        "app/interview.yaml": "company: Acme\ntimezone: Mars/Olympus\ninterviewers:\n  - name: Ana Ruiz\n"
    }
    (finding,) = [f for f in lint(files) if f.rule == "unreadable-input"]
    assert finding.line == 2 and "not an IANA time zone" in finding.message


TIMED = {
    ".notelint.yaml": "timezone: Europe/London\nrules:\n  late-thank-you: {hours: 72}\n",
    "acme/interview.yaml": "company: Acme\ninterviewed_at: 2026-11-17T10:00\n"
    "interviewers:\n  - name: Ana Ruiz\n    role: hiring-manager\n",
    # sent 60 hours later: late at 48 hours, on time at the configured 72
    "acme/ana.eml": "From: Jo <jo@mailbox.example>\nTo: Ana Ruiz <ana@acme.example>\n"
    "Subject: Thank you\nDate: Thu, 19 Nov 2026 22:00:00 +0000\n\nDear Ana,\n\nThank you.\n",
}


def _cli(tmp_path, monkeypatch, *args, tz="UTC"):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TZ", tz)
    import time

    time.tzset()
    try:
        return CliRunner().invoke(main, list(args))
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_check_and_timeline_apply_one_policy(tmp_path, monkeypatch):
    write(tmp_path, TIMED)
    check = _cli(
        tmp_path, monkeypatch, "check", ".", "--format", "json", "--now", "2026-11-25T10:00"
    )
    late = [f for f in json.loads(check.output)["findings"] if f["rule"] == "late-thank-you"]
    assert late == []  # 72 hours configured
    shown = _cli(
        tmp_path, monkeypatch, "timeline", ".", "--format", "json", "--now", "2026-11-25T10:00"
    )
    (row,) = json.loads(shown.output)["applications"][0]["interviewers"]
    assert row["status"] == "on-time"
    assert row["deadline"] == "2026-11-20T10:00"  # 72 hours after, in London


@pytest.mark.parametrize("tz", ["UTC", "America/New_York", "Asia/Tokyo"])
def test_findings_do_not_depend_on_the_machine_zone(tmp_path, monkeypatch, tz):
    files = dict(TIMED)
    files[".notelint.yaml"] = "timezone: Europe/London\n"  # 48 hours: the note is late
    write(tmp_path, files)
    result = _cli(
        tmp_path, monkeypatch, "check", ".", "--format", "json", "--now", "2026-11-25T10:00", tz=tz
    )
    findings = json.loads(result.output)["findings"]
    assert [(f["rule"], f["message"]) for f in findings if f["rule"] == "late-thank-you"] == [
        (
            "late-thank-you",
            "sent 2 days 12 hours after the interview; it was due by Thu 2026-11-19 10:00",
        )
    ]


def test_a_rejection_ends_the_follow_up_loop(tmp_path, monkeypatch):
    files = {
        "acme/interview.yaml": "company: Acme\ninterviewed_at: 2026-11-17T10:00\ninterviewers:\n  - name: Ana Ruiz\n",
        "acme/ana.md": "---\nto: Ana Ruiz\nsent: 2026-11-17T18:00\n---\nDear Ana,\n\nThank you.\n",
        "acme/ana-reply.md": "---\nto: Ana Ruiz\nkind: rejection-reply\nsent: 2026-11-24T09:00\n---\nDear Ana,\n\nThank you.\n",
    }
    write(tmp_path, files)
    shown = _cli(
        tmp_path, monkeypatch, "timeline", ".", "--format", "json", "--now", "2026-11-25T10:00"
    )
    (row,) = json.loads(shown.output)["applications"][0]["interviewers"]
    assert row["next_follow_up"] is None


# -- the same answer however the note is passed ------------------------------

REPO = {
    "acme/interview.yaml": "company: Acme Robotics\ninterviewers:\n  - name: Ana Ruiz\n    points: [robot arms]\n",
    "acme/ana.md": "---\nto: Ana Ruiz\n---\nDear Ana,\n\nYour robot arms demo was great; I would love to bring that "
    "rigour to Halcyon Robotics.\n",
    "halcyon/interview.yaml": "company: Halcyon Robotics\ninterviewers:\n  - name: Lee Chen\n",
}


@pytest.mark.parametrize("named", ["acme/ana.md", "acme", "."])
def test_a_note_checked_alone_gets_the_findings_of_a_whole_run(tmp_path, monkeypatch, named):
    write(tmp_path, REPO)
    (tmp_path / ".git").mkdir()  # the repository the hook runs in
    result = _cli(
        tmp_path, monkeypatch, "check", named, "--format", "json", "--now", "2026-11-21T10:00"
    )
    findings = [(f["rule"], f["line"], f["column"]) for f in json.loads(result.output)["findings"]]
    lines = REPO["acme/ana.md"].splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "Halcyon" in text)
    assert ("wrong-company", line, lines[line - 1].index("Halcyon") + 1) in findings
    assert not [f for f in findings if f[0] == "confidential-content"]


def test_a_broken_neighbour_is_not_reported_on(tmp_path, monkeypatch):
    """Only the named files are reported on: another application's unreadable
    interview.yaml is left to the run that names it."""
    write(tmp_path, REPO)
    (tmp_path / ".git").mkdir()
    Path(tmp_path, "halcyon/interview.yaml").write_text("company: [broken\n")
    now = ("--format", "json", "--now", "2026-11-21T10:00")
    alone = _cli(tmp_path, monkeypatch, "check", "acme/ana.md", *now)
    assert alone.exit_code == 0
    assert json.loads(alone.output)["findings"] == []
    whole = _cli(tmp_path, monkeypatch, "check", ".", *now)
    assert {f["path"] for f in json.loads(whole.output)["findings"]} == {"halcyon/interview.yaml"}


def test_the_examples_read_the_same_in_every_machine_zone(monkeypatch):
    root = Path(__file__).resolve().parent.parent
    outputs = {
        tz: _cli(root, monkeypatch, "check", "examples", "--format", "json", tz=tz).output
        for tz in ("UTC", "America/New_York", "Asia/Tokyo")
    }
    assert len(set(outputs.values())) == 1
    late = [f for f in json.loads(outputs["UTC"])["findings"] if f["rule"] == "late-thank-you"]
    assert {Path(f["path"]).name for f in late} >= {"raj-patel.eml"}
