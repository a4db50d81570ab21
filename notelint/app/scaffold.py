"""`notelint init`: an application folder to start from, an `interview.yaml`
whose comments explain every key (from the declarations the validator
reads, `inputs/fields.py`) and one note stub per interviewer, addressed to
them, with an empty body and a comment: nothing a rule could take for an
unfilled placeholder. Existing files are never overwritten."""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parseaddr
from pathlib import Path

from notelint.core.model import ROLES, InputError
from notelint.core.text import fold
from notelint.inputs import fields, jsonschemas
from notelint.inputs.schema import parse_when, zone
from notelint.inputs.sources import INTERVIEW_FILE

MODELINE = "# yaml-language-server: $schema="


@dataclass(frozen=True)
class Interviewer:
    name: str
    email: str | None = None
    title: str | None = None
    role: str = "other"


@dataclass(frozen=True)
class Scaffold:
    company: str
    role: str | None = None
    interviewed_at: datetime | date | None = None
    timezone: str | None = None
    interviewers: tuple[Interviewer, ...] = field(default=())

    def files(self) -> dict[str, str]:
        """File name -> text: interview.yaml and the note stubs."""
        found = {INTERVIEW_FILE: self.interview_yaml()}
        for person in self.interviewers:
            name = f"{slug(person.name)}.md"
            stem, number = name[:-3], 2
            while name in found:  # two people of one name
                name, number = f"{stem}-{number}.md", number + 1
            found[name] = note_stub(person)
        return found

    def interview_yaml(self) -> str:
        keys = fields.by_name(fields.INTERVIEW)
        values = {
            "company": self.company,
            "role": self.role,
            "round": 1,
            # in `timezone` when it names one; else the time keeps its UTC offset
            "interviewed_at": self.interviewed_at.replace(tzinfo=None)
            if isinstance(self.interviewed_at, datetime) and self.timezone
            else self.interviewed_at,
            "decision_by": None,
            "timezone": self.timezone,
            "current_employer": None,
            "confidential": [],
            "values": [],
        }
        lines = [
            MODELINE + jsonschemas.shipped("interview"),
            "# The context notelint checks the notes of this folder against.",
            "# Only company and each interviewer's name are required; an empty value is no value.",
            "",
        ]
        for name in fields.names(fields.INTERVIEW):
            lines.append(f"# {keys[name].description}")
            if name != "interviewers":
                lines.append(f"{name}: {_scalar(values[name])}".rstrip())
        lines.append("interviewers:" if self.interviewers else "interviewers: []")
        role = fields.by_name(fields.INTERVIEWER)["role"]
        width = max(len(c) for c in role.choices)
        for index, person in enumerate(self.interviewers):
            for key in fields.INTERVIEWER:
                first = "  - " if key.name == "name" else "    "
                if key.name == "role" and index == 0:  # the choices, once
                    lines.append(f"    # role: {key.description}, one of:")
                    lines.extend(
                        f"    #   {c:<{width}}  {d}"
                        for c, d in zip(role.choices, role.choice_descriptions, strict=True)
                    )
                value = {"points": []}.get(key.name, getattr(person, key.name, None))
                # each key explained once, at the first interviewer
                comment = "" if key.name == "role" or index else f"  # {key.description}"
                lines.append(f"{first}{key.name}: {_scalar(value)}".rstrip() + comment)
        return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Plan:
    scaffold: Scaffold
    warnings: tuple[str, ...] = ()


def gather(
    invite: Path | None = None,
    me: str | None = None,
    company: str | None = None,
    role: str | None = None,
    interviewed_at: str | None = None,
    timezone: str | None = None,
    people: tuple[str, ...] = (),
    ask=None,
) -> Plan:
    """What to scaffold: the flags, else the invite, else (with `ask`, a
    prompt such as click.prompt) the user's answers. InputError when a
    value cannot be used or the company is not known."""
    warnings = []
    found = None
    if invite is not None:
        from notelint.inputs import invite as invites

        try:
            found = invites.read(invite)
        except InputError as error:
            raise InputError(f"{invite}: {error}") from None
        me = me or git_email()
        if me is None:
            warnings.append(
                "could not tell which attendee is you (no --me, no git user.email): "
                "every attendee is listed as an interviewer"
            )
    company = company or (found.company(me) if found else None)
    if not company and ask:
        company = ask("Company")
    if not company or not company.strip():
        raise InputError("the company is not known: pass --company")
    if role is None and ask:
        role = ask("Job you applied for", default="", show_default=False)
    when = _when(interviewed_at) if interviewed_at else (found.start if found else None)
    if when is None and ask:
        answer = ask("Interviewed at (2026-11-20T14:00)", default="", show_default=False)
        when = _when(answer) if answer.strip() else None
    timezone = timezone or (found.timezone if found else None)
    try:
        zone(timezone)
    except ValueError as error:
        raise InputError(f"--timezone: {error}") from None
    persons = [Interviewer(p.name, p.email) for p in found.interviewers(me)] if found else []
    persons += [_person(text) for text in people]
    if ask:
        while not found and not people:  # nobody known: ask, one by one
            answer = ask("Interviewer ('Name <e-mail>', empty when done)", default="")
            if not answer.strip():
                break
            persons.append(_person(answer))
        persons = [_details(p, ask) for p in persons]
    return Plan(
        Scaffold(company.strip(), (role or "").strip() or None, when, timezone, tuple(persons)),
        tuple(warnings),
    )


def _when(text: str) -> datetime | date:
    try:
        return parse_when(text)
    except ValueError:
        raise InputError(
            f"--interviewed-at: '{text}' is not a date (2026-11-20) or date-time (2026-11-20T14:00)"
        ) from None


def _person(text: str) -> Interviewer:
    name, email = parseaddr(text)
    if "@" not in email:
        name, email = text.strip(), ""
    if not (name or email):
        raise InputError(f"--interviewer: '{text}' is not 'Name <e-mail>'")
    return Interviewer(name or email.split("@")[0], email or None)


def _details(person: Interviewer, ask) -> Interviewer:
    """An interviewer's title and role, asked."""
    title = ask(f"Title of {person.name}", default="", show_default=False).strip() or None
    role = ask(f"Role of {person.name} ({' | '.join(ROLES)})", default=person.role)
    while role not in ROLES:
        role = ask(f"'{role}' is not a role; one of {', '.join(ROLES)}", default=person.role)
    return Interviewer(person.name, person.email, title, role)


def note_stub(person: Interviewer) -> str:
    """A thank-you note to `person`, to be written: front matter and a comment."""
    return (
        "---\n"
        f"to: {_scalar(person.name)}\n"
        "kind: thank-you              # thank-you | follow-up | check-in | rejection-reply\n"
        "# sent: 2026-11-21T09:00     # when it was or will be sent\n"
        "---\n"
        f"<!-- Your thank-you note to {_comment(person.name)}: write it below, within 48 hours"
        " of the interview, and pick up a point you discussed. notelint never reads comments."
        " -->\n"
    )


def slug(name: str) -> str:
    """A file name for a person: 'María José Núñez' -> 'maria-jose-nunez'."""
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "interviewer"


def existing(folder: Path, files: dict[str, str]) -> list[Path]:
    return [folder / name for name in files if (folder / name).exists()]


def write(folder: Path, files: dict[str, str]) -> list[Path]:
    """Write every file, or none when any is already there (FileExistsError)."""
    there = existing(folder, files)
    if there:
        raise FileExistsError(there)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in files.items():
        path = folder / name
        with open(path, "x", encoding="utf-8") as stream:  # "x": never overwrite
            stream.write(text)
        written.append(path)
    return written


def git_email() -> str | None:
    """git's `user.email`: who the candidate is when --me is not given."""
    try:
        result = subprocess.run(
            ["git", "config", "user.email"], capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() or None


def _scalar(value) -> str:
    """A value as YAML writes it: dates plain, text quoted where YAML needs it."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if re.fullmatch(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#]*", text) and not re.fullmatch(
        r"(?i)(?:true|false|yes|no|on|off|null|~|[-+.\d][\d.:eE+-]*)", text
    ):
        return text.rstrip()
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string


def _comment(text: str) -> str:
    """Text inside an HTML comment: it cannot close it."""
    return text.replace("--", "- -")
