"""The parts of a note that every letter has: the greeting line, the body,
the closing and signature. Rules that judge what was *said* look past the
greeting and the signature; rules about names look right at them.

The words that open a greeting and the honorifics before a name are listed
here once, for every rule."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from notelint.model import Note

# The words that open a greeting: "Dear", "Hi", "Good morning" ...
SALUTATIONS = (
    "dear",
    "hi",
    "hello",
    "hey",
    "good morning",
    "good afternoon",
    "good evening",
    "morning",  # "Morning Jonah —"
    "afternoon",
    "evening",
    "greetings",
)
# Titles written before a name: "Ms. Gonzalez", "Dr Patel", "Sir Alan".
HONORIFICS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "mx",
        "miss",
        "dr",
        "prof",
        "professor",
        "sir",
        "madam",
        "dame",
        "lord",
        "lady",
        "rev",
        "hon",
    }
)
_SALUTATION = "(?:" + "|".join(s.replace(" ", r"[ \t]+") for s in SALUTATIONS) + r")\b"
GREETING = re.compile(rf"^[ \t]*{_SALUTATION}[^\r\n]*$", re.IGNORECASE | re.MULTILINE)
# The salutation at the start of a greeting line, with what follows it up to the name.
SALUTATION = re.compile(rf"^[ \t]*{_SALUTATION}[ \t,]*", re.IGNORECASE)
# A closing line ("Best regards," "Thanks again," "Sincerely") opens the signature.
CLOSING = re.compile(
    r"^[ \t]*(?:(?:with )?(?:best|kind|warm|warmest|many|all the best)?[ \t]*"
    r"(?:regards|wishes|thanks|thank you(?: again)?|cheers|sincerely|respectfully|"
    r"best|yours(?: sincerely| truly| faithfully)?|gratefully|with gratitude|"
    r"appreciatively|talk soon|until soon|take care)[ \t]*[,.!—–-]*[ \t]*)$",
    re.IGNORECASE | re.MULTILINE,
)
_WORD = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Anatomy:
    greeting: tuple[int, int] | None  # body offsets of the greeting line
    content: tuple[int, int]  # what was said: after the greeting, before the closing
    signature: tuple[int, int] | None  # the closing line and what follows


def anatomy(note: Note) -> Anatomy:
    """The parts of the note's body (computed once per body)."""
    return _anatomy(note.body)


@lru_cache(maxsize=4096)
def _anatomy(body: str) -> Anatomy:
    greeting_match = next(
        (m for m in GREETING.finditer(body) if not body[: m.start()].strip()), None
    )
    greeting = greeting_match.span() if greeting_match else None
    content_start = greeting[1] if greeting else 0
    closings = [
        m
        for m in CLOSING.finditer(body, content_start)
        if len(body[m.end() :].strip()) < 400  # a closing sits near the end
    ]
    if closings:
        signature: tuple[int, int] | None = (closings[-1].start(), len(body.rstrip()))
    else:
        signature = _signature_without_closing(body, content_start)
    content_end = signature[0] if signature else len(body)
    return Anatomy(greeting, (content_start, content_end), signature)


def _signature_without_closing(body: str, content_start: int) -> tuple[int, int] | None:
    """A last short paragraph that reads as a signature (a name, a phone
    number, a title) when there is no closing line."""
    body = body.rstrip()
    start = max(body.rfind("\n\n"), body.rfind("\r\n\r\n"))
    if start < 0 or not body[content_start:start].strip():
        return None  # the last paragraph is all there is to say
    lines = body[start:].strip().splitlines()
    if len(lines) <= 4 and all(
        len(line.split()) <= 6 and not line.rstrip().endswith((".", "?", "!")) for line in lines
    ):
        return start, len(body)
    return None


def has_content(note: Note) -> bool:
    """Whether the note says anything between its greeting and its signature
    (a note of a greeting or a signature alone has nothing to judge)."""
    start, end = anatomy(note).content
    if note.doc is not None:
        return any(t.is_alpha and start <= t.idx < end for t in note.doc)
    return _WORD.search(note.body, start, end) is not None
