"""How counts and paths read in messages: one wording everywhere."""

from __future__ import annotations

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
