"""Inline suppression comments, as the contract spells them:

    <!-- notelint-disable RULE[,RULE] -->  ...  <!-- notelint-enable -->
    <!-- notelint-disable-next-line RULE -->

A disable without rules silences every rule. Rules are named by slug or code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from notelint.core.model import LineIndex, Note, Problem
from notelint.inputs.schema import suggest

COMMENT = re.compile(
    r"<!--\s*notelint-(disable-next-line|disable|enable)\b\s*([^>]*?)\s*-->", re.IGNORECASE
)
ALL = "*"


@dataclass(frozen=True)
class Suppressions:
    # (first line, last line or None for "to the end", rule names)
    ranges: tuple[tuple[int, int | None, frozenset[str]], ...] = ()

    @classmethod
    def of(cls, text: str, lines: LineIndex) -> Suppressions:
        ranges = []
        open_ranges: list[tuple[int, frozenset[str]]] = []
        for match in COMMENT.finditer(text):
            action = match.group(1).lower()
            names = frozenset(n.strip() for n in match.group(2).split(",") if n.strip()) or {ALL}
            line, _ = lines.position(match.start())
            if action == "disable-next-line":
                ranges.append((line + 1, line + 1, frozenset(names)))
            elif action == "disable":
                open_ranges.append((line, frozenset(names)))
            else:
                enabled = names
                for start, disabled in open_ranges:
                    if ALL in enabled or disabled & enabled or ALL in disabled:
                        ranges.append((start, line, disabled))
                open_ranges = [
                    (s, d)
                    for s, d in open_ranges
                    if not (ALL in enabled or d & enabled or ALL in d)
                ]
        ranges.extend((start, None, names) for start, names in open_ranges)
        return cls(tuple(ranges))

    def silences(self, line: int, slug: str, code: str) -> bool:
        return any(
            first <= line
            and (last is None or line <= last)
            and (ALL in names or slug in names or code in names)
            for first, last, names in self.ranges
        )


def unknown_rules(note: Note, known: set[str]) -> list[Problem]:
    """Rule names in a note's suppression comments or front-matter `ignore`
    that name no rule: a typo must not silently switch a check off."""
    lines = LineIndex.of(note.text)
    named = [
        (lines.position(m.start())[0], name.strip())
        for m in COMMENT.finditer(note.text)
        for name in m.group(2).split(",")
        if name.strip()
    ]
    ignore_line = re.search(r"^\s*(?:notelint:.*)?ignore:", note.text, re.MULTILINE)
    at = lines.position(ignore_line.start())[0] if ignore_line else 1
    named += [(at, name) for name in note.ignore]
    return [
        Problem(note.path, f"'{name}' is not a rule{suggest(name, known)}", line)
        for line, name in named
        if name not in known
    ]
