"""Helpers the machine formats share: the text under a finding's span, and
what a format may show of a sensitive finding (never the span's text, never
its fix; the engine has already masked it in the message)."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import PurePath
from typing import Any

from notelint.core.model import Finding, Fix, LineIndex


class SourceTexts:
    """The file texts of a run (path -> text), with their line starts."""

    def __init__(self, texts: Mapping[str, str] | None):
        self.texts = dict(texts or {})
        self._index: dict[str, LineIndex] = {}

    def offsets(self, finding: Finding) -> tuple[int, int] | None:
        """Character offsets of the finding's span in its file, if known."""
        text = self.texts.get(finding.path)
        if text is None:
            return None
        starts = self._starts(finding.path, text)
        start = _offset(starts, text, finding.line, finding.column)
        end = _offset(starts, text, finding.end_line, finding.end_column)
        if start is None or end is None or end < start:
            return None
        return start, end

    def span(self, finding: Finding) -> str | None:
        found = self.offsets(finding)
        if found is None:
            return None
        return self.texts[finding.path][found[0] : found[1]]

    def line(self, path: str, line: int) -> str | None:
        """The text of one line, without its line ending."""
        text = self.texts.get(path)
        if text is None:
            return None
        starts = self._starts(path, text)
        if not 0 < line <= len(starts):
            return None
        end = starts[line] if line < len(starts) else len(text)
        return text[starts[line - 1] : end].rstrip("\r\n")

    def _starts(self, path: str, text: str) -> tuple[int, ...]:
        if path not in self._index:
            self._index[path] = LineIndex.of(text)
        return self._index[path].starts


def _offset(starts: tuple[int, ...], text: str, line: int, column: int) -> int | None:
    if not 0 < line <= len(starts) or column < 1:
        return None
    offset = starts[line - 1] + column - 1
    return offset if offset <= len(text) else None


def fixable_rules(rules: Iterable[Any]) -> set[str]:
    """The slugs of the rules whose fixes `--fix` applies."""
    return {r.slug for r in rules if getattr(r, "fixable", False)}


def is_fixable(finding: Finding, fixable: set[str]) -> bool:
    """Whether `--fix` would fix this finding (`fixable`: `fixable_rules`)."""
    return finding.fix is not None and finding.rule in fixable


class Fingerprints:
    """A finding's identity across runs, for SARIF's `partialFingerprints`
    and GitLab's `fingerprint`: stable when lines above it move. It hashes
    the rule, the path and the finding's own text as the report shows it
    (confidential text already masked), or for an empty span its line's
    text, whitespace folded, plus which occurrence of that text this is.
    Only the hash is output."""

    def __init__(self, sources: SourceTexts):
        self.sources = sources
        self.seen: Counter[str] = Counter()

    def of(self, finding: Finding) -> str:
        text = self.sources.span(finding)
        if not text or not text.strip():
            text = self.sources.line(finding.path, finding.line) or finding.message
        folded = " ".join(text.split()).casefold()
        key = "\x1f".join((finding.rule, PurePath(finding.path).as_posix(), folded))
        self.seen[key] += 1
        digest = hashlib.sha256(f"{key}\x1f{self.seen[key]}".encode("utf-8", "surrogatepass"))
        return digest.hexdigest()[:32]


def shown_fix(finding: Finding) -> Fix | None:
    """The fix a format may print: none for a sensitive finding."""
    return None if finding.sensitive else finding.fix


@cache
def utf8_column(line_text: str, column: int) -> int:
    """A 1-based code-point column as a 1-based UTF-8 byte column."""
    return (
        len(line_text[: column - 1].encode("utf-8", "surrogatepass"))
        + 1
        + max(0, column - 1 - len(line_text))
    )
