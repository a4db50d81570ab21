"""Positions between notelint and the Language Server Protocol.

notelint counts 1-based lines and 1-based columns in code points; LSP counts
0-based lines and characters in the code units of the encoding the client
and server agreed on (UTF-16 unless said otherwise, so an emoji is two).
Both break lines at \\r\\n, \\n and a lone \\r (`LineIndex`).
"""

from __future__ import annotations

from functools import cached_property

from notelint.core.model import LineIndex

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def units(text: str, encoding: str = UTF16) -> int:
    """How many code units `text` takes in `encoding`."""
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    if encoding == UTF16:
        return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)
    return len(text)


class Positions:
    """One text's positions, in one encoding."""

    def __init__(self, text: str, encoding: str = UTF16):
        self.text = text
        self.encoding = encoding

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex.of(self.text)

    def of(self, line: int, column: int) -> tuple[int, int]:
        """notelint's 1-based (line, column) as LSP's 0-based (line, character)."""
        starts = self.lines.starts
        line = min(max(line, 1), len(starts))
        start = starts[line - 1]
        offset = min(start + max(column, 1) - 1, self._line_end(line))
        return line - 1, units(self.text[start:offset], self.encoding)

    def at(self, offset: int) -> tuple[int, int]:
        """An offset of the text as LSP's (line, character)."""
        return self.of(*self.lines.position(offset))

    def _line_end(self, line: int) -> int:
        """Where 1-based `line`'s text ends (before its line break)."""
        starts = self.lines.starts
        end = starts[line] if line < len(starts) else len(self.text)
        while end > starts[line - 1] and self.text[end - 1] in "\r\n":
            end -= 1
        return end
