"""`notelint init`: from a calendar invite as Google Calendar and Outlook
export it (tests/invites/: VTIMEZONE, TZID, folded lines, CN= and
mailto:), from flags or from prompts, an interview.yaml that validates
(by the validator and by its JSON Schema) and note stubs that lint."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from notelint.cli import main
from notelint.core.model import ROLES
from notelint.inputs import fields, yamlio
from notelint.inputs.interview import parse_interview
from notelint.inputs.notes import parse_note

ROOT = Path(__file__).resolve().parent.parent
INVITES = ROOT / "tests" / "invites"
ME = "jordan.lee@example.com"
SCHEMA = json.loads((ROOT / "notelint/schemas/interview.schema.json").read_text("utf-8"))


def init(*args: str, input: str | None = None, where: Path | None = None):
    with contextlib.chdir(where or Path.cwd()):
        result = CliRunner().invoke(main, ["init", *args], input=input)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def interview(folder: Path):
    path = folder / "interview.yaml"
    text = path.read_text(encoding="utf-8")
    assert list(Draft202012Validator(SCHEMA).iter_errors(yamlio.load(text))) == []
    return parse_interview(path, text), text


def test_a_google_calendar_invite(tmp_path):
    result = init(str(tmp_path / "acme"), "--from", str(INVITES / "google.ics"), "--me", ME)
    assert result.exit_code == 0, result.output
    found, text = interview(tmp_path / "acme")
    assert found.company == "Acme Robotics"  # "... at Acme Robotics" in the summary
    assert found.interviewed_at.isoformat() == "2026-11-20T14:00:00"
    assert found.timezone == "America/New_York"
    # the candidate and the meeting room are no interviewers; folded CN= read whole
    assert [(p.name, p.email) for p in found.interviewers] == [
        ("Maria Gonzalez", "mgonzalez@acme-robotics.example"),
        ("Raj Patel", "rpatel@acme-robotics.example"),
        ("Dana Whitfield", "dwhitfield@acme-robotics.example"),
    ]
    assert text.startswith("# yaml-language-server: $schema=file://")
    assert text.splitlines()[0].endswith("notelint/schemas/interview.schema.json")


def test_an_outlook_invite_with_a_windows_zone(tmp_path):
    result = init(str(tmp_path), "--from", str(INVITES / "outlook.ics"), "--me", ME.upper())
    assert result.exit_code == 0, result.output
    found, _ = interview(tmp_path)
    # no "at ..." in the summary: the organiser's domain names the company
    assert found.company == "Northwind Traders"
    assert found.timezone == "America/Los_Angeles"  # "Pacific Standard Time"
    assert found.interviewed_at.isoformat() == "2026-12-03T10:00:00"
    names = [p.name for p in found.interviewers]
    assert names == ["Tomás Herrera", "Zoe Wojcik", "Priya Nair"]  # no CN: from the address


def test_the_candidate_is_known_by_gits_user_email(tmp_path, monkeypatch):
    config = tmp_path / "gitconfig"
    config.write_text(f"[user]\n\temail = {ME}\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    result = init(str(tmp_path / "app"), "--from", str(INVITES / "google.ics"), where=tmp_path)
    assert result.exit_code == 0, result.output
    found, _ = interview(tmp_path / "app")
    assert ME not in [p.email for p in found.interviewers]


def test_every_key_and_role_is_explained(tmp_path):
    init(str(tmp_path), "--from", str(INVITES / "google.ics"), "--me", ME)
    text = (tmp_path / "interview.yaml").read_text(encoding="utf-8")
    for key in (*fields.INTERVIEW, *fields.INTERVIEWER):
        assert key.description in text, key.name
    for role in ROLES:
        assert f"#   {role} " in text


def test_the_stubs_are_addressed_and_lint_without_placeholders(tmp_path):
    init(str(tmp_path / "acme"), "--from", str(INVITES / "google.ics"), "--me", ME)
    stubs = sorted((tmp_path / "acme").glob("*.md"))
    assert [p.name for p in stubs] == ["dana-whitfield.md", "maria-gonzalez.md", "raj-patel.md"]
    note = parse_note(str(stubs[1]), stubs[1].read_bytes())
    assert note.to == "Maria Gonzalez"
    with contextlib.chdir(tmp_path):
        result = CliRunner().invoke(main, ["check", "acme", "--format", "json"])
    assert result.exit_code == 1, result.output  # the notes are still to be written ...
    found = json.loads(result.stdout)["findings"]
    assert sorted(f["path"] for f in found) == [f"acme/{p.name}" for p in stubs]
    # ... and that is all notelint says: no placeholder, no unknown recipient
    assert {(f["rule"], f["message"].split(":")[0]) for f in found} == {
        ("unreadable-input", "this note is empty")
    }


def test_it_never_overwrites_a_file(tmp_path):
    (tmp_path / "raj-patel.md").write_text("my draft\n", encoding="utf-8")
    result = init(str(tmp_path), "--from", str(INVITES / "google.ics"), "--me", ME)
    assert result.exit_code == 2
    assert "raj-patel.md already exists" in result.stderr and "never overwrites" in result.stderr
    assert (tmp_path / "raj-patel.md").read_text(encoding="utf-8") == "my draft\n"
    assert not (tmp_path / "interview.yaml").exists()  # nothing written at all


def test_flags_without_an_invite(tmp_path):
    result = init(
        str(tmp_path),
        "--company",
        "Initech",
        "--role",
        "Data Analyst",
        "--interviewed-at",
        "2026-11-19T10:00",
        "--timezone",
        "America/Chicago",
        "--interviewer",
        "Bill Lumbergh <bill@initech.example>",
        "--interviewer",
        "Samir Nagheenanajar",
        "--no-interactive",
    )
    assert result.exit_code == 0, result.output
    found, _ = interview(tmp_path)
    assert (found.company, found.role, found.timezone) == (
        "Initech",
        "Data Analyst",
        "America/Chicago",
    )
    assert [(p.name, p.email) for p in found.interviewers] == [
        ("Bill Lumbergh", "bill@initech.example"),
        ("Samir Nagheenanajar", None),
    ]


def test_prompts_ask_for_what_is_missing(tmp_path):
    answers = "Hooli\nOps Lead\n2026-10-05\nDenise Okafor <d@hooli.example>\n\nVP Ops\nHR\nhr\n"
    result = init(str(tmp_path), "--interactive", input=answers)
    assert result.exit_code == 0, result.output
    assert "is not a role" in result.output  # "HR" asked again
    found, _ = interview(tmp_path)
    (person,) = found.interviewers
    assert (found.company, found.role, str(found.interviewed_at)) == (
        "Hooli",
        "Ops Lead",
        "2026-10-05",
    )
    assert (person.name, person.title, person.role) == ("Denise Okafor", "VP Ops", "hr")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--no-interactive"], "the company is not known: pass --company"),
        (["--company", "X", "--timezone", "Mars/Olympus"], "is not an IANA time zone"),
        (["--company", "X", "--interviewed-at", "friday"], "is not a date"),
    ],
)
def test_what_cannot_be_used_is_one_line_and_exit_2(tmp_path, args, message):
    result = init(str(tmp_path), *args)
    assert result.exit_code == 2 and message in result.stderr
    assert not any(tmp_path.iterdir())


def test_a_file_that_is_no_invite(tmp_path):
    bad = tmp_path / "invite.ics"
    bad.write_text("Hello, see you Friday!\n", encoding="utf-8")
    result = init(str(tmp_path / "app"), "--from", str(bad), "--me", ME)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"notelint: error: {bad}: ")
    assert "Traceback" not in result.output


def test_a_time_in_utc_takes_the_calendars_zone(tmp_path):
    invite = tmp_path / "invite.ics"
    invite.write_bytes(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:Europe/London\r\nBEGIN:VEVENT\r\n"
        b"UID:1\r\nDTSTAMP:20260701T000000Z\r\nDTSTART:20260702T090000Z\r\n"
        b"SUMMARY:Interview at Kestrel Parcel\r\n"
        b"ATTENDEE;CN=Ann Lee:mailto:ann@kestrel.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    result = init(str(tmp_path / "app"), "--from", str(invite), "--me", ME)
    assert result.exit_code == 0, result.output
    found, _ = interview(tmp_path / "app")
    assert found.timezone == "Europe/London"
    assert found.interviewed_at.isoformat() == "2026-07-02T10:00:00"  # BST
