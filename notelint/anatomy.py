"""The parts of a note that every letter has: the greeting line, the body,
the closing and signature. Rules that judge what was *said* look past the
greeting and the signature; rules about names look right at them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from notelint.model import Note

GREETING = re.compile(
    r"^[ \t]*(?:dear|hi|hello|hey|good (?:morning|afternoon|evening)|greetings)\b[^\r\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
# A closing line ("Best regards," "Thanks again," "Sincerely") opens the signature.
CLOSING = re.compile(
    r"^[ \t]*(?:(?:with )?(?:best|kind|warm|warmest|many|all the best)?[ \t]*"
    r"(?:regards|wishes|thanks|thank you(?: again)?|cheers|sincerely|respectfully|"
    r"best|yours(?: sincerely| truly| faithfully)?|gratefully|with gratitude|"
    r"appreciatively|talk soon|until soon|take care)[ \t]*[,.!—–-]*[ \t]*)$",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass(frozen=True)
class Anatomy:
    greeting: tuple[int, int] | None  # body offsets of the greeting line
    content: tuple[int, int]  # what was said: after the greeting, before the closing
    signature: tuple[int, int] | None  # the closing line and what follows


def anatomy(note: Note) -> Anatomy:
    body = note.body
    greeting_match = next(
        (m for m in GREETING.finditer(body) if not body[: m.start()].strip()), None
    )
    greeting = greeting_match.span() if greeting_match else None
    content_start = greeting[1] if greeting else 0
    closings = [
        m for m in CLOSING.finditer(body, content_start)
        if len(body[m.end():].strip()) < 400  # a closing sits near the end
    ]
    signature = (closings[-1].start(), len(body.rstrip())) if closings else None
    content_end = signature[0] if signature else len(body)
    return Anatomy(greeting, (content_start, content_end), signature)


def content(note: Note) -> str:
    """The body without greeting and signature (offsets are not kept)."""
    start, end = anatomy(note).content
    return note.body[start:end]
