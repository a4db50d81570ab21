"""Who a note is for: the interviewer a `to:`, an e-mail recipient (address
or display name, as mail clients write them) or a file name stands for.
The one place that recognises an interviewer from what a user wrote."""

from __future__ import annotations

import re
from collections.abc import Iterable

from notelint.core.model import Interviewer
from notelint.core.text import fold, words


def interviewer_named(written: str, interviewers: Iterable[Interviewer]) -> Interviewer | None:
    """The interviewer that `written` (a `to:`, an e-mail address or display
    name) stands for: their address, or every word of their name in any
    order, case and accents ("Wojciechowski, Krzysztof", "O’Brien")."""
    written = written.strip().strip("\"'")
    if "@" in written:
        address = fold(written.strip("<>"))
        return next((p for p in interviewers if p.email and fold(p.email) == address), None)
    wanted = sorted(w.key for w in words(written))
    if not wanted:
        return None
    return next((p for p in interviewers if sorted(w.key for w in words(p.name)) == wanted), None)


def interviewer_of_file(stem: str, interviewers: Iterable[Interviewer]) -> Interviewer | None:
    """The interviewer a note's file name names: their full name
    ("maria-gonzalez", "maria-gonzalez-follow-up") or a first or last name
    no other interviewer shares ("marcus.md")."""
    people = tuple(interviewers)
    slug = _slug(stem)
    full = [p for p in people if slug == _slug(p.name) or slug.startswith(_slug(p.name) + "-")]
    if len(full) == 1:
        return full[0]
    first_word = slug.split("-", 1)[0]
    for index in (0, -1):  # the first name, then the surname
        named = [p for p in people if (keys := _name_keys(p)) and keys[index] == first_word]
        if len(named) == 1:
            return named[0]
    return None


def _name_keys(person: Interviewer) -> list[str]:
    return [_slug(w.text) for w in words(person.name)]


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
