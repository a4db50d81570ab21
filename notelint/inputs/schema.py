"""Validation shared by interview files, front matter and configuration: one
precise complaint with a line, and a suggestion when a near spelling exists."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from datetime import date, datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from notelint.core.model import InputError
from notelint.inputs import yamlio


def suggest(word: str, choices: Iterable[str]) -> str:
    """ "; did you mean 'x'?" for the nearest choice, or ""."""
    match = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{match[0]}'?" if match else ""


def check_keys(data: yamlio.Mapping, allowed: Iterable[str], where: str) -> None:
    allowed = tuple(allowed)
    for key in data:
        if key not in allowed:
            raise InputError(
                f"{where}unknown key '{key}'{suggest(key, allowed)}", yamlio.line_of(data, key)
            )


def require_mapping(data: Any, what: str, line: int | None = 1) -> yamlio.Mapping:
    if not isinstance(data, dict):
        kind = "empty" if data is None else f"a {type(data).__name__}"
        raise InputError(f"{what} must be a mapping of keys to values, not {kind}", line)
    return data


def text(data: yamlio.Mapping, key: str, where: str, required: bool = False) -> str | None:
    value = data.get(key)
    if value is None:
        if required:
            raise InputError(f"{where}'{key}' is required", yamlio.line_of(data))
        return None
    if isinstance(value, (dict, list)) or isinstance(value, bool):
        raise InputError(f"{where}{key} must be text", yamlio.line_of(data, key))
    value = str(value).strip()
    if required and not value:
        raise InputError(f"{where}'{key}' must not be empty", yamlio.line_of(data, key))
    return value or None


def texts(data: yamlio.Mapping, key: str, where: str) -> tuple[str, ...]:
    value = data.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or any(isinstance(v, (dict, list)) for v in value):
        raise InputError(f"{where}{key} must be a list of texts", yamlio.line_of(data, key))
    return tuple(str(v).strip() for v in value if v is not None and str(v).strip())


def when(data: yamlio.Mapping, key: str, where: str) -> datetime | date | None:
    """A date (`2026-11-20`) or a date-time (`2026-11-20T14:00`, with or
    without a zone); anything else is an error naming the line."""
    value = data.get(key)
    if value is None:
        return None
    try:
        return parse_when(str(value))
    except ValueError as error:
        reason = (
            str(error)
            if "between" in str(error)
            else ("is not a date (2026-11-20) or date-time (2026-11-20T14:00)")
        )
        raise InputError(f"{where}{key}: '{value}' {reason}", yamlio.line_of(data, key)) from None


YEARS = range(1970, 2201)  # the dates of a job search; outside, a typo


def parse_when(value: str) -> datetime | date:
    value = value.strip()
    if len(value) == 10:
        parsed: datetime | date = date.fromisoformat(value)
    else:
        parsed = datetime.fromisoformat(value.replace(" ", "T", 1) if "T" not in value else value)
    if parsed.year not in YEARS:
        raise ValueError(f"is not between {YEARS.start} and {YEARS.stop - 1}")
    return parsed


def zone(name: str | None) -> tzinfo | None:
    """The IANA zone `name` (None: the machine's); ValueError when unknown."""
    if name is None:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"'{name}' is not an IANA time zone (e.g. Europe/London)") from None
