"""A letter's anatomy: the parts every note is built of, found once per body.

    Jane Smith / 456 Oak Drive / jane@example.com     sender (letterhead)
    October 7, 2025                                   date line
    Mark Johnson / Nurse Manager / City Hospital      recipient (inside address)
    RE: Thank you for the interview                   subject line
    Dear Mr. Johnson,                                 greeting
    ...                                               content: what was said
    Warm regards,                                     closing  } signature
    Jane Smith / (555) 010-2000                       sender   }
    Sent from my iPhone                               footer   }

Rules that judge what was *said* read the content; rules about names read
the greeting and the inside address too; contact details in the letterhead
and the signature are the sender's own. The words that open greetings and
closings, the honorifics and the mail-client footers are data
(`rules/letters.yaml`), in English, French, German, Spanish, Portuguese,
Italian and Dutch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from notelint.core.model import Note
from notelint.inputs.datafiles import builtin_lists


def _alternatives(entries: tuple[str, ...]) -> str:
    ordered = sorted(entries, key=len, reverse=True)  # the longest first
    return "(?:" + "|".join(re.escape(e).replace(r"\ ", r"[ \t]+") for e in ordered) + ")"


_LISTS = builtin_lists()
SALUTATIONS = _LISTS["salutations"]
HONORIFICS = frozenset(_LISTS["honorifics"])
_SALUTATION = _alternatives(SALUTATIONS) + r"(?![^\W_])"
# The salutation at the start of a greeting line, with what follows it up to the name.
SALUTATION = re.compile(rf"^[ \t]*{_SALUTATION}[ \t,]*", re.IGNORECASE)
_GREETING_LINE = re.compile(rf"^[ \t]*{_SALUTATION}", re.IGNORECASE)
# "Dear Ms. Scott:" inside a letter typed as one run-on line.
_DEAR_INLINE = re.compile(r"(?<![^\W_])Dear[ \t]+[^\r\n.:,!?]{1,60}?[.]?[^\r\n:,!?]{0,30}[:,]")
# A closing alone on its line, or followed by the sender's name: "Best regards, Simon"
# (not by the reader's: "Thanks again, Ms. Gonzalez." speaks to them).
_NAME = r"(?-i:[A-ZÀ-ÖØ-Þ][^\s,.!?]*\.?(?:[ \t]+[A-ZÀ-ÖØ-Þ][^\s,.!?]*\.?){0,4})"
_SENDER = rf"(?!{_alternatives(tuple(HONORIFICS))}\b){_NAME}"
CLOSING = re.compile(
    rf"^[ \t]*(?:with[ \t]+)?{_alternatives(_LISTS['closings'])}"
    rf"[ \t]*(?:[,.!—–-]+[ \t]*(?:{_SENDER}[ \t]*)?)?$",
    re.IGNORECASE | re.MULTILINE,
)
_CLOSING_INLINE = re.compile(
    rf"(?<=[.!?])[ \t]+{_alternatives(_LISTS['closings'])}[ \t]*,[ \t]*{_SENDER}[ \t]*$",
    re.IGNORECASE,
)
_FOOTER = re.compile(rf"^[ \t]*{_alternatives(_LISTS['mail-footers'])}\b", re.IGNORECASE)
_SUBJECT = re.compile(rf"^[ \t]*{_alternatives(_LISTS['subject-prefixes'])}[ \t]*:", re.IGNORECASE)
_SIGNATURE_DELIMITER = re.compile(r"^-- ?$")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# A date line: "October 7, 2025", "7 October 2025", "2026-11-20", "11/20/2026", "Jan 12, XXXX".
_DATE_LINE = re.compile(
    rf"^[ \t]*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?[ \t]+)?"
    rf"(?:{_MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+(?:\d{{4}}|x{{2,4}})"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{_MONTH},?[ \t]+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|date(?: of the letter)?)[ \t]*$",
    re.IGNORECASE,
)
_CONTACT = re.compile(
    r"@|\bhttps?://|\bwww\.|linkedin|\+?\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}|\bphone\b|\be-?mail\b",
    re.IGNORECASE,
)
# "Springfield, VA 22055", "SW1A 1AA", "75001 Paris", "Zip Code".
_POSTCODE = re.compile(
    r"\b[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?\b|\b[A-Z]{1,2}\d[A-Z\d]?[ \t]+\d[A-Z]{2}\b"
    r"|^[ \t]*\d{4,5}[ \t]+[A-Z]|zip[ \t]*code",
    re.MULTILINE | re.IGNORECASE,
)
_LETTER = re.compile(r"[^\W\d_]")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")

Span = tuple[int, int]


@dataclass(frozen=True)
class Anatomy:
    """Body offsets of a note's parts; a part the note lacks is None."""

    greeting: Span | None  # the greeting: "Dear Ms. Gonzalez,"
    content: Span  # what was said: after the greeting, before the closing
    signature: Span | None  # the closing line and all that follows it
    header: Span | None = None  # all before the greeting (letterhead, date, address, subject)
    sender: Span | None = None  # the letterhead: the candidate's own name and details
    recipient: Span | None = None  # the inside address: recipient, title, company, street
    date: Span | None = None
    subject: Span | None = None  # "RE: ...", in the header or right after the greeting
    closing: Span | None = None  # the closing words ("Best regards,")
    footer: Span | None = None  # "Sent from my iPhone"

    def outside_prose(self, offset: int) -> bool:
        """Whether `offset` lies in the header or the signature."""
        return any(span[0] <= offset < span[1] for span in (self.header, self.signature) if span)


def anatomy(note: Note) -> Anatomy:
    """The parts of the note's body (computed once per body)."""
    return parse(note.body)


@lru_cache(maxsize=4096)
def parse(body: str) -> Anatomy:
    lines = [(m.start(), m.end()) for m in _LINE.finditer(body) if m.start() < len(body)]
    greeting = _greeting(body, lines)
    header = (0, greeting[0]) if greeting and body[: greeting[0]].strip() else None
    content_start = greeting[1] if greeting else 0
    subject = _subject_after(body, lines, greeting[1]) if greeting else None
    if subject is not None:
        content_start = subject[1]
    signature, closing, footer = _signature(body, lines, content_start)
    content_end = signature[0] if signature else len(body)
    parts = Anatomy(greeting, (content_start, max(content_start, content_end)), signature)
    if header is None:
        return replace(parts, subject=subject, closing=closing, footer=footer)
    sender, date, recipient, subject_line = _header_parts(body, lines, header, greeting)
    return replace(
        parts,
        header=header,
        sender=sender,
        date=date,
        recipient=recipient,
        subject=subject_line or subject,
        closing=closing,
        footer=footer,
    )


# -- the greeting ------------------------------------------------------------


def _greeting(body: str, lines: list[Span]) -> Span | None:
    """The greeting: the first line that opens with a salutation, with only a
    letter's header (short lines: address, date, subject) before it."""
    for start, end in lines[:40]:
        text = body[start:end]
        if _GREETING_LINE.match(text):
            return start, start + _greeting_length(text)
        if text.strip() and not _header_like(text):
            break
    inline = _DEAR_INLINE.search(body, 0, min(len(body), 400))
    if inline and not re.search(r"[.!?][ \t]+[A-Z][a-z]+[ \t]+[a-z]+", body[: inline.start()]):
        return inline.span()
    return None


def _greeting_length(line: str) -> int:
    """A greeting line, or its first clause when a sentence runs on after it
    ("Dear So And So, I really enjoyed ...")."""
    stripped = line.rstrip("\r\n")
    opening = SALUTATION.match(stripped)
    rest_at = opening.end() if opening else 0
    if len(stripped[rest_at:].split()) > 8:
        cut = re.search(r"[:,!—–](?=[ \t])", stripped[rest_at:])
        if cut:
            return rest_at + cut.end()
    return len(stripped)


def _header_like(line: str) -> bool:
    """A line of a letterhead or an inside address: short, not a sentence."""
    text = line.strip()
    return (
        len(text.split()) <= 12
        and not re.search(r"[.!?]$", text)
        or bool(_DATE_LINE.match(text) or _SUBJECT.match(text) or _CONTACT.search(text))
        and len(text.split()) <= 16
    )


def _subject_after(body: str, lines: list[Span], after: int) -> Span | None:
    """A "RE: ..." line set right after the greeting, as some letters do."""
    for start, end in lines:
        if start < after:
            continue
        text = body[start:end]
        if not text.strip():
            continue
        return (start, start + len(text.rstrip("\r\n"))) if _SUBJECT.match(text) else None
    return None


# -- the header ----------------------------------------------------------------


def _header_parts(
    body: str, lines: list[Span], header: Span, greeting: Span | None
) -> tuple[Span | None, Span | None, Span | None, Span | None]:
    """Sender, date, recipient and subject of a letter's header. The date
    line parts the letterhead (above) from the inside address (below); with
    no date, blank lines part the blocks: the last is the inside address.
    The block that names the greeting's person is the recipient's."""
    rows = [(s, min(e, header[1])) for s, e in lines if s < header[1]]
    date = subject = None
    before: list[list[Span]] = [[]]  # blocks above the date line (all, without one)
    after: list[list[Span]] = []  # blocks below it
    for start, end in rows:
        text = body[start:end].strip()
        blocks = before if date is None else after
        if not text:
            if blocks and blocks[-1]:
                blocks.append([])
            continue
        if date is None and _DATE_LINE.match(text):
            date = (start, start + len(body[start:end].rstrip()))
            after.append([])
            continue
        if _SUBJECT.match(text):
            subject = (start, start + len(body[start:end].rstrip()))
            continue
        blocks[-1].append((start, end))
    above = [_extent(b) for b in before if b]
    below = [_extent(b) for b in after if b]
    sender = recipient = None
    if date is not None:
        sender, recipient = _join(above), _join(below)
        if recipient is None and sender is not None and not _has_contact(body, sender):
            sender, recipient = None, sender  # only the inside address before the date
    elif len(above) >= 2:
        # the letterhead ends with the block that holds its address or contact
        ends = next((i for i, b in enumerate(above[:-1]) if _has_address(body, b)), len(above) - 2)
        sender, recipient = _join(above[: ends + 1]), _join(above[ends + 1 :])
    elif above:
        if _has_contact(body, above[0]) and not _names_greeted(body, above[0], greeting):
            sender = above[0]
        else:
            recipient = above[0]
    if sender and recipient and _names_greeted(body, sender, greeting):
        if not _names_greeted(body, recipient, greeting):
            sender, recipient = recipient, sender
    return sender, date, recipient, subject


def _extent(block: list[Span]) -> Span:
    return block[0][0], block[-1][1]


def _join(spans: list[Span]) -> Span | None:
    return (spans[0][0], spans[-1][1]) if spans else None


def _has_contact(body: str, span: Span) -> bool:
    return bool(_CONTACT.search(body[span[0] : span[1]]))


def _has_address(body: str, span: Span) -> bool:
    """A block that ends an address: a postal code, a phone, an e-mail."""
    return _has_contact(body, span) or bool(_POSTCODE.search(body[span[0] : span[1]]))


def _names_greeted(body: str, span: Span, greeting: Span | None) -> bool:
    """Whether the block holds the last word of the greeting's name."""
    if greeting is None:
        return False
    line = body[greeting[0] : greeting[1]]
    opening = SALUTATION.match(line)
    named = re.findall(r"[^\W\d_]{3,}", line[opening.end() if opening else 0 :])
    named = [w for w in named if w.lower() not in HONORIFICS]
    if not named:
        return False
    return re.search(rf"\b{re.escape(named[-1])}\b", body[span[0] : span[1]], re.I) is not None


# -- the signature ---------------------------------------------------------------


def _signature(
    body: str, lines: list[Span], content_start: int
) -> tuple[Span | None, Span | None, Span | None]:
    """The signature (closing, name, details, footer), the closing words and
    the mail client's footer."""
    end = len(body.rstrip())
    footer = None
    for start, stop in reversed(lines):
        if start < content_start:
            break
        text = body[start:stop]
        if not text.strip():
            continue
        if _FOOTER.match(text):
            footer = (start, start + len(text.rstrip()))
            continue
        break
    closing = None
    for match in CLOSING.finditer(body, content_start):
        if len(body[match.end() :].strip()) < 400:  # a closing sits near the end
            closing = (
                match.start() + len(match.group()) - len(match.group().lstrip()),
                match.end(),
            )
    if closing is None:
        tail = body[content_start:end]
        last_line = tail.rsplit("\n", 1)[-1]
        inline = _CLOSING_INLINE.search(last_line)
        if inline:
            at = end - len(last_line) + inline.start()
            at += len(body[at:]) - len(body[at:].lstrip())
            closing = (at, end)
    if closing is not None:
        return (closing[0], end), closing, footer
    for start, stop in lines:
        if start >= content_start and _SIGNATURE_DELIMITER.match(body[start:stop].rstrip()):
            return (start, end), None, footer
    bare = _signature_without_closing(body, content_start)
    if bare is not None:
        return bare, None, footer
    if footer is not None:
        return (footer[0], end), None, footer
    return None, None, None


def _signature_without_closing(body: str, content_start: int) -> Span | None:
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
        return start + len(body[start:]) - len(body[start:].lstrip()), len(body)
    return None


def has_content(note: Note) -> bool:
    """Whether the note says anything between its greeting and its signature
    (a note of a greeting or a signature alone has nothing to judge)."""
    start, end = anatomy(note).content
    if note.doc is not None:
        return any(t.is_alpha and start <= t.idx < end for t in note.doc)
    return _LETTER.search(note.body, start, end) is not None
