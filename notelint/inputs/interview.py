"""Reads and validates `interview.yaml`: the context every note is checked
against. Its keys are declared in `inputs/fields.py` (the JSON Schema comes
from the same declarations). Unknown keys are errors, so that a typo never
silently switches a check off."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from notelint.core.model import Interview, Interviewer
from notelint.inputs import fields, yamlio
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

KEYS = fields.names(fields.INTERVIEW)
INTERVIEWER_KEYS = fields.names(fields.INTERVIEWER)


def parse_interview(path: Path, source: str, lines: bool = True) -> Interview:
    """The interview a file says; without `lines` (a neighbour read only for
    its company and names), an error names no line."""
    if lines:
        return yamlio.load_checked(source, lambda data: _interview(path, data))
    return _interview(path, yamlio.load(source, lines=False))


def _interview(path: Path, data: Any) -> Interview:
    data = require_mapping(data, "interview.yaml")
    check_keys(data, KEYS, "")
    return Interview(path=path, **{key.name: _value(data, key, "") for key in fields.INTERVIEW})


def _value(data: yamlio.Mapping, key: fields.Key, where: str) -> Any:
    """The value of one declared key, checked as its kind says."""
    name = key.name
    if key.kind == "text":
        return text(data, name, where, required=key.required)
    if key.kind == "texts":
        return texts(data, name, where)
    if key.kind == "when":
        return when(data, name, where)
    if key.kind == "zone":
        value = text(data, name, where)
        try:
            zone(value)
        except ValueError as error:
            raise InputError(f"{where}{name}: {error}", yamlio.line_of(data, name)) from None
        return value
    if key.kind == "round":
        value = data.get(name, key.default)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise InputError(
                f"{where}{name}: '{value}' is not a round number (1, 2, 3 ...)",
                yamlio.line_of(data, name),
            )
        return value
    if key.kind == "choice":
        value = text(data, name, where) or key.default
        if value not in key.choices:
            raise InputError(
                f"{where}{name}: '{value}' is not a {name}{suggest(value, key.choices)}",
                yamlio.line_of(data, name),
            )
        return value
    if key.kind == "people":
        people = data.get(name) or []
        if not isinstance(people, list):
            raise InputError(f"{where}{name} must be a list", yamlio.line_of(data, name))
        return tuple(
            _interviewer(person, f"{name}[{i}].", yamlio.line_of(people, i))
            for i, person in enumerate(people)
        )
    raise AssertionError(key.kind)  # every kind of interview key is handled above


def _interviewer(data: object, where: str, line: int | None) -> Interviewer:
    data = require_mapping(data, where.rstrip("."), line)
    check_keys(data, INTERVIEWER_KEYS, where)
    return Interviewer(**{key.name: _value(data, key, where) for key in fields.INTERVIEWER})


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
