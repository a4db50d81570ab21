"""Reads and validates `interview.yaml`: the context every note is checked
against. Unknown keys are errors, so that a typo never silently switches a
check off."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from notelint.core.model import ROLES, Interview, Interviewer
from notelint.inputs import yamlio
from notelint.inputs.schema import (
    InputError,
    check_keys,
    require_mapping,
    suggest,
    text,
    texts,
    when,
    zone,
)

KEYS = (
    "company",
    "role",
    "round",
    "interviewed_at",
    "decision_by",
    "timezone",
    "current_employer",
    "confidential",
    "values",
    "interviewers",
)
INTERVIEWER_KEYS = ("name", "title", "role", "email", "points")


def parse_interview(path: Path, source: str, lines: bool = True) -> Interview:
    """The interview a file says; without `lines` (a neighbour read only for
    its company and names), an error names no line."""
    if lines:
        return yamlio.load_checked(source, lambda data: _interview(path, data))
    return _interview(path, yamlio.load(source, lines=False))


def _interview(path: Path, data: Any) -> Interview:
    data = require_mapping(data, "interview.yaml")
    check_keys(data, KEYS, "")
    round_ = data.get("round", 1)
    if isinstance(round_, bool) or not isinstance(round_, int) or round_ < 1:
        raise InputError(
            f"round: '{round_}' is not a round number (1, 2, 3 ...)", yamlio.line_of(data, "round")
        )
    people = data.get("interviewers") or []
    if not isinstance(people, list):
        raise InputError("interviewers must be a list", yamlio.line_of(data, "interviewers"))
    return Interview(
        path=path,
        company=text(data, "company", "", required=True),
        role=text(data, "role", ""),
        round=round_,
        interviewed_at=when(data, "interviewed_at", ""),
        decision_by=when(data, "decision_by", ""),
        timezone=_zone(data),
        current_employer=text(data, "current_employer", ""),
        confidential=texts(data, "confidential", ""),
        values=texts(data, "values", ""),
        interviewers=tuple(
            _interviewer(person, f"interviewers[{i}].", yamlio.line_of(people, i))
            for i, person in enumerate(people)
        ),
    )


def _zone(data: yamlio.Mapping) -> str | None:
    name = text(data, "timezone", "")
    try:
        zone(name)
    except ValueError as error:
        raise InputError(f"timezone: {error}", yamlio.line_of(data, "timezone")) from None
    return name


def _interviewer(data: object, where: str, line: int | None) -> Interviewer:
    data = require_mapping(data, where.rstrip("."), line)
    check_keys(data, INTERVIEWER_KEYS, where)
    role = text(data, "role", where) or "other"
    if role not in ROLES:
        raise InputError(
            f"{where}role: '{role}' is not a role{suggest(role, ROLES)}",
            yamlio.line_of(data, "role"),
        )
    return Interviewer(
        name=text(data, "name", where, required=True),
        title=text(data, "title", where),
        role=role,
        email=text(data, "email", where),
        points=texts(data, "points", where),
    )


def confidential_of(folder: Path) -> tuple[str, ...]:
    """The `confidential:` terms of the interview.yaml governing `folder`
    (the nearest at or above it), read even when the rest of that file is
    invalid: an error message about a file must not show its secrets."""
    for candidate in (folder, *folder.parents):
        path = candidate / "interview.yaml"
        if path.is_file():
            try:
                data = yamlio.load(path.read_text(encoding="utf-8-sig"), lines=False)
            except (OSError, UnicodeDecodeError, yamlio.YamlError):
                return ()
            terms = data.get("confidential") if isinstance(data, dict) else None
            return tuple(str(t) for t in terms if t) if isinstance(terms, list) else ()
    return ()
