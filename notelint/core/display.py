"""How counts and paths read in messages: one wording everywhere."""

from __future__ import annotations

import re
from pathlib import Path

UNCOUNTABLE = {"info"}


def plural(count: int, word: str) -> str:
    """'1 file', '2 files', '3 info'."""
    return f"{count} {word}" if count == 1 or word in UNCOUNTABLE else f"{count} {word}s"


def shown(path: Path) -> str:
    """A path as a user would type it: relative to here when it is below here."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve())) or "."
    except (ValueError, OSError):
        return str(path)


# Characters a terminal or a CI log acts on instead of showing: line breaks
# (a forged "::error" line), escape sequences, and the bidi controls that
# reorder what is shown.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with every control character written as an escape ('\\n',
    '\\x1b', '\\u202e'): a path or a message shown on one line, as written."""

    def escape(match: re.Match) -> str:
        char = match.group()
        named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
        return named.get(char) or (
            f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
        )

    return _CONTROLS.sub(escape, text)


def visible(line: str) -> str:
    """One line of a note as a snippet shows it: each control character as
    '�', one for one, so the underline below stays under its text."""
    return _CONTROLS.sub("\ufffd", line)
