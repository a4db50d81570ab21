"""Reads one note file into a `Note`: Markdown or text with YAML front matter,
or an e-mail draft (`.eml`). Every character of the body keeps its place in
the file, so findings point at the exact line and column on disk."""

from __future__ import annotations

import codecs
import email
import email.policy
import email.utils
import re
from dataclasses import replace
from email.message import EmailMessage
from html.parser import HTMLParser
from typing import Any

from notelint.core.model import NOTE_KINDS, Note
from notelint.inputs import yamlio
from notelint.inputs.schema import (
    YEARS,
    InputError,
    check_keys,
    require_mapping,
    suggest,
    text,
    texts,
    when,
)

FRONT_MATTER_KEYS = ("to", "sent", "kind", "subject", "attachments", "notelint")
NOTE_SUFFIXES = (".md", ".markdown", ".txt", ".eml")
_OPENING = re.compile(r"---[ \t]*(?:\r\n|\r|\n)")
_CLOSING = re.compile(r"(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z)")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)")


def decode(raw: bytes) -> tuple[str, str]:
    """The file's text and its encoding: UTF-8 (with or without a BOM) or
    UTF-16 with a BOM. Anything else is not a note we can safely rewrite."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise InputError("not valid UTF-16 text", 1) from None
    if b"\x00" in raw:
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        raise InputError(f"binary file, not text (NUL byte at line {line})", line)
    encoding = "utf-8-sig" if raw.startswith(codecs.BOM_UTF8) else "utf-8"
    try:
        return raw.decode(encoding), encoding
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise InputError(
            f"not UTF-8 text: byte 0x{raw[error.start]:02x} at line {line} "
            "(save the file as UTF-8)",
            line,
        ) from None


# The parser's memory grows with the words of a note: a note may hold one
# word or mark per this many characters of `max_note_chars` ("a a a ..." of
# 200,000 characters would need 2 GB to parse; real prose has one per 5 or 6).
CHARS_PER_WORD = 5
_WORD_OR_MARK = re.compile(r"\w+|[^\w\s]")


def parse_note(path: str, raw: bytes, max_chars: int | None = None) -> Note:
    """The note in `raw`; longer than `max_chars` characters, refused before
    any pattern reads it, and with more words and marks than
    `max_chars / CHARS_PER_WORD`, before it is parsed."""
    text_, encoding = decode(raw)
    if max_chars is not None and len(text_) > max_chars:
        raise InputError(
            f"the note is {len(text_):,} characters long, over the limit of "
            f"{max_chars:,} (option max_note_chars)"
        )
    if path.lower().endswith(".eml"):
        note = _parse_eml(path, text_, encoding)
    else:
        note = _parse_text(path, text_, encoding)
    note = replace(note, body=own_prose(note.body))
    if max_chars is not None:
        words = sum(1 for _ in _WORD_OR_MARK.finditer(note.body))
        if words > max_chars // CHARS_PER_WORD:
            raise InputError(
                f"the note has {words:,} words and marks, over the "
                f"{max_chars // CHARS_PER_WORD:,} that notelint parses (max_note_chars / "
                f"{CHARS_PER_WORD})"
            )
    return note


def own_prose(body: str) -> str:
    """The candidate's own prose: comments, the message a reply quotes,
    Markdown code and URLs are not prose, and the rules see spaces where they
    stood (line breaks kept, so every offset stays where it was)."""
    body = _NOT_PROSE.sub(_blank, body)
    quoted = quoted_reply(body)
    return body if quoted is None else body[:quoted] + _blank_text(body[quoted:])


URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]\"']+[^\s<>()\[\]\"'.,;:!?]")
# Comments, "> " lines, Markdown code (fenced and inline), link targets, URLs.
_NOT_PROSE = re.compile(
    r"<!--.*?(?:-->|\Z)"  # an unclosed comment runs to the end, as in HTML
    r"|^[ \t]*>[^\r\n]*"
    r"|^[ \t]*(?P<fence>```|~~~)[^\r\n]*(?:\r\n|\r|\n).*?(?:^[ \t]*(?P=fence)[ \t]*$|\Z)"
    r"|`[^`\r\n]+`"
    r"|(?<=\])\([^)\s]+\)"
    rf"|{URL.pattern}",
    re.MULTILINE | re.DOTALL,
)
# Lines that may open a quoted message: only then is the reply parser asked.
_REPLY_CUE = re.compile(
    r":[ \t]*$|^-{3,}|^_{10,}|^[ \t>*]*(?:From|Von|De|Van|Da|Od)[ \t]*:", re.MULTILINE
)
REPLY_LANGUAGES = ("en", "de", "fr", "es", "pt", "it", "nl")
MAX_HEADER_LINE = 300  # characters: a reply's header line is shorter


def quoted_reply(body: str) -> int | None:
    """Where the message a reply quotes begins ("On Tue, ... wrote:",
    Outlook's "From: / Sent:" block, "Am ... schrieb", "Le ... a écrit"),
    found by mail-parser-reply in any of `REPLY_LANGUAGES`."""
    if not _REPLY_CUE.search(body):
        return None
    from mailparser_reply import EmailReplyParser

    # The parser's patterns take time by the square of a line's length: it
    # sees long lines (prose, never a reply header) as blank ones.
    short = "\n".join("" if len(line) > MAX_HEADER_LINE else line for line in body.split("\n"))
    replies = EmailReplyParser(languages=list(REPLY_LANGUAGES)).read(text=short).replies
    for reply in replies[1:]:
        header = (reply.headers or "").strip()
        first_line = header.splitlines()[0].strip() if header else ""
        at = body.find(first_line) if first_line else -1
        if at > 0:
            return body.rfind("\n", 0, at) + 1
    return None


def _blank(match: re.Match) -> str:
    return _blank_text(match.group())


def _blank_text(text: str) -> str:
    return re.sub(r"[^\r\n]", " ", text)


def _parse_text(path: str, source: str, encoding: str) -> Note:
    body_start = 0
    opening = _OPENING.match(source)
    if opening:
        closing = _closing_line(source, opening.end())
        body_start = closing.end()
        fields = yamlio.load_checked(
            source[opening.end() : closing.start()], _front_matter_of, first_line=2
        )
    else:
        fields = _front_matter({})
    return Note(
        path=path,
        text=source,
        body=source[body_start:],
        body_start=body_start,
        encoding=encoding,
        **fields,
    )


def _front_matter_of(data: Any) -> dict:
    return _front_matter({} if data is None else require_mapping(data, "front matter", 1))


def _closing_line(source: str, start: int) -> re.Match:
    """The line that closes the front matter opened before `start`."""
    position = start
    while position < len(source):
        closing = _CLOSING.match(source, position)
        if closing:
            return closing
        line = _LINE.match(source, position)
        if line is None:  # the last line, without a line ending
            break
        position = line.end()
    raise InputError("front matter opened at line 1 is never closed with '---'", 1)


def _front_matter(meta: dict) -> dict:
    if not meta:
        return {}
    check_keys(meta, FRONT_MATTER_KEYS, "front matter: ")
    kind = text(meta, "kind", "front matter: ") or "thank-you"
    if kind not in NOTE_KINDS:
        raise InputError(
            f"front matter: kind: '{kind}' is not a note kind{suggest(kind, NOTE_KINDS)}",
            yamlio.line_of(meta, "kind"),
        )
    return dict(
        to=text(meta, "to", "front matter: "),
        sent=when(meta, "sent", "front matter: "),
        kind=kind,
        subject=text(meta, "subject", "front matter: "),
        attachments=texts(meta, "attachments", "front matter: "),
        ignore=_ignored_rules(meta.get("notelint")),
    )


def _ignored_rules(settings: object) -> tuple[str, ...]:
    if settings is None:
        return ()
    settings = require_mapping(settings, "front matter: notelint", yamlio.line_of(settings))
    check_keys(settings, ("ignore",), "front matter: notelint: ")
    return texts(settings, "ignore", "front matter: notelint: ")


# --- e-mail drafts -----------------------------------------------------------

_KIND_HEADER = "X-Notelint-Kind"
_SUBJECT_KINDS = (
    (re.compile(r"\bfollow(?:ing)?[- ]?up\b", re.I), "follow-up"),
    (re.compile(r"\bcheck(?:ing)?[- ]in\b", re.I), "check-in"),
)


def _parse_eml(path: str, source: str, encoding: str) -> Note:
    message = email.message_from_string(source, policy=email.policy.default)
    if not any(message[h] for h in ("To", "Date", "Subject", "From")):
        raise InputError("not an e-mail: no To, From, Date or Subject header", 1)
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        raise InputError("the e-mail has no text/plain or text/html part", 1)
    charset = part.get_content_charset() or "utf-8"
    try:
        codecs.lookup(charset)
    except LookupError:
        raise InputError(
            f"the e-mail's text is in an unknown charset '{charset}'",
            _header_line(source, "Content-Type"),
        ) from None
    broken = [d for d in part.defects if "Base64" in type(d).__name__]
    if broken:
        raise InputError(
            f"the e-mail's base64 text does not decode: {broken[0]}", _first_body_line(source)
        )
    body, body_start, body_map = _locate_body(source, part, charset)
    addresses = _addresses(message, "To") + _addresses(message, "Cc")
    kind = str(message.get(_KIND_HEADER, "")).strip() or _kind_from_subject(message["Subject"])
    if kind not in NOTE_KINDS:
        raise InputError(
            f"{_KIND_HEADER}: '{kind}' is not a note kind{suggest(kind, NOTE_KINDS)}",
            _header_line(source, _KIND_HEADER),
        )
    return Note(
        path=path,
        text=source,
        body=body,
        body_start=body_start,
        body_map=body_map,
        encoding=encoding,
        to=addresses[0] if addresses else None,
        addressees=addresses,
        sent=_date_header(source, message),
        kind=kind,
        subject=str(message["Subject"] or "") or None,
        attachments=tuple(a.get_filename() for a in message.iter_attachments() if a.get_filename()),
    )


def _locate_body(
    source: str, part: EmailMessage, charset: str
) -> tuple[str, int, tuple[int, ...] | None]:
    """The body text, the file offset of its first line, and (for a body the
    file does not hold verbatim) a map from body characters to file offsets."""
    raw = part.get_payload(decode=False)
    raw = raw if isinstance(raw, str) else ""
    found = source.find(raw) if raw.strip() else -1
    start = found if found >= 0 else _first_body_offset(source)
    encoding = str(part.get("Content-Transfer-Encoding", "7bit")).strip().lower()
    if part.get_content_type() == "text/html":
        body = html_to_text(part.get_content())
        return body, start, (start,) * len(body)
    if encoding in ("7bit", "8bit", "binary") and found >= 0:
        return raw, start, None
    if encoding == "quoted-printable" and found >= 0:
        body, offsets = decode_quoted_printable(raw, charset)
        return body, start, tuple(start + o for o in offsets)
    body = part.get_content()
    return body, start, (start,) * len(body)


def _first_body_offset(source: str) -> int:
    blank = re.search(r"(?:\r\n|\r|\n)(?:\r\n|\r|\n)", source)
    return blank.end() if blank else len(source)


def _first_body_line(source: str) -> int:
    return source.count("\n", 0, _first_body_offset(source)) + 1


def decode_quoted_printable(raw: str, charset: str) -> tuple[str, list[int]]:
    """Decode a quoted-printable body, keeping for each decoded character the
    offset in `raw` where it was written."""
    data = bytearray()
    origins: list[int] = []
    i, n = 0, len(raw)
    while i < n:
        c = raw[i]
        if c == "=":
            soft = re.match(r"=[ \t]*(?:\r\n|\r|\n)", raw[i:])
            if soft:
                i += soft.end()
                continue
            if re.fullmatch(r"[0-9A-Fa-f]{2}", raw[i + 1 : i + 3]):
                data.append(int(raw[i + 1 : i + 3], 16))
                origins.append(i)
                i += 3
                continue
        for byte in c.encode(charset, errors="replace"):
            data.append(byte)
            origins.append(i)
        i += 1
    decoder = codecs.getincrementaldecoder(charset)(errors="replace")
    text_: list[str] = []
    offsets: list[int] = []
    first_byte = None  # where the character being decoded started
    for byte, origin in zip(data, origins, strict=True):
        first_byte = origin if first_byte is None else first_byte
        piece = decoder.decode(bytes([byte]))
        if piece:
            text_.append(piece)
            offsets.extend([first_byte] * len(piece))
            first_byte = None
    return "".join(text_), offsets


def _kind_from_subject(subject: object) -> str:
    for pattern, kind in _SUBJECT_KINDS:
        if pattern.search(str(subject or "")):
            return kind
    return "thank-you"


def _addresses(message: EmailMessage, header: str) -> tuple[str, ...]:
    """Each recipient of a header as mail clients write them: the address,
    then its display name ("Wojciechowski, Krzysztof" quotes kept apart)."""
    value = message[header]
    if value is None:
        return ()
    try:
        found = [(a.display_name, a.addr_spec) for a in value.addresses]
    except (AttributeError, IndexError, ValueError):
        found = email.utils.getaddresses([str(value)])
    return tuple(item for name, address in found for item in (address, name) if item.strip())


def is_draft(message: EmailMessage) -> bool:
    """A mail client's unsent draft: its Date is when it was saved, not sent."""
    return (
        str(message.get("X-Unsent", "")).strip() == "1"
        or message.get("X-Mozilla-Draft-Info") is not None
        or "mail-draft" in str(message.get("X-Uniform-Type-Identifier", "")).lower()
    )


def _date_header(source: str, message: EmailMessage):
    value = message["Date"]
    if value is None or is_draft(message):
        return None
    try:
        sent = email.utils.parsedate_to_datetime(str(value))
        if sent.year not in YEARS:
            raise ValueError(sent.year)
        return sent
    except (TypeError, ValueError):
        raise InputError(
            f"Date: '{value}' is not an RFC 5322 date", _header_line(source, "Date")
        ) from None


def _header_line(source: str, name: str) -> int:
    match = re.search(rf"^{re.escape(name)}:", source, re.I | re.M)
    return source.count("\n", 0, match.start()) + 1 if match else 1


class _TextExtractor(HTMLParser):
    """Text of an HTML body; scripts, styles and the quoted message of a
    reply (Gmail's `gmail_quote`, Outlook's `divRplyFwdMsg`, any
    `blockquote`) left out."""

    BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "blockquote"}
    QUOTE_MARKS = (
        "gmail_quote",
        "divrplyfwdmsg",
        "appendonsend",
        "moz-cite-prefix",
        "yahoo_quoted",
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping: list[str] = []  # the tag that opened the skipped element, per level

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if self._skipping:
            if tag == self._skipping[0] and tag not in ("br",):
                self._skipping.append(tag)
            return
        marks = " ".join(str(v).lower() for k, v in attrs if k in ("class", "id") and v)
        if tag in ("script", "style", "blockquote") or any(m in marks for m in self.QUOTE_MARKS):
            self._skipping.append(tag)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self._skipping:
            if tag == self._skipping[0]:
                self._skipping.pop()
            return
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Readable text of an HTML-only e-mail: block elements become lines."""
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    text_ = re.sub(r"[ \t]+", " ", "".join(extractor.parts))
    return re.sub(r"\n\s*\n+", "\n\n", text_).strip() + "\n"
