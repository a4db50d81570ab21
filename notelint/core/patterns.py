"""Regular expressions written by users (rule packs), run so that none can
hang a run: each runs on the `regex` engine under a time limit, and a
pattern that nests one unbounded repetition inside another ("(a+)+$", the
classic catastrophic backtracking) is refused when its pack loads. Possessive
quantifiers ("a++") and atomic groups ("(?>...)") cannot backtrack, and are
the way to write such a pattern safely."""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

import regex

TIMEOUT = 1.0  # seconds one pattern may take on one note


class PatternTimeout(Exception):
    """A user's pattern ran out of time on a text."""

    def __init__(self, pattern: str):
        super().__init__(f"the pattern '{pattern}' took more than {TIMEOUT:g} s and was stopped")
        self.pattern = pattern


def problem(pattern: str) -> str | None:
    """Why `pattern` cannot be used, or None: it does not compile, or it
    nests unbounded repetitions."""
    try:
        tree = sre_parse.parse(pattern)
    except re.error as error:
        return str(error)
    if _nested(tree):
        return (
            "it repeats a repetition ('(a+)+'), which can take hours on one line; "
            "make the inner one possessive ('a++') or atomic ('(?>a+)')"
        )
    return None


_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT}


def _nested(items) -> bool:
    """An unbounded repetition whose body is little more than another one:
    the engine may split a run of text between them in exponentially many
    ways ("(a+)+", "(\\w+\\s?)*"). A body with a second required part
    ("(?:-[a-z]+)*") splits one way only."""
    for op, value in items:
        if op in _REPEATS:
            low, high, body = value
            if high == sre.MAXREPEAT and _ambiguous(body):
                return True
            if _nested(body):
                return True
        elif op is sre.SUBPATTERN and _nested(value[-1]):
            return True
        elif op is sre.BRANCH and any(_nested(branch) for branch in value[1]):
            return True
        # ATOMIC_GROUP and POSSESSIVE_REPEAT never backtrack: not looked into.
    return False


def _ambiguous(body) -> bool:
    items = list(body)
    while len(items) == 1 and items[0][0] is sre.SUBPATTERN:
        items = list(items[0][1][-1])
    required = [
        (op, v) for op, v in items if op is not sre.AT and not (op in _REPEATS and v[0] == 0)
    ]
    return len(required) <= 1 and any(_unbounded(item) for item in items)


def _unbounded(item) -> bool:
    op, value = item
    if op in _REPEATS:
        return value[1] == sre.MAXREPEAT or any(_unbounded(i) for i in value[2])
    if op is sre.SUBPATTERN:
        return any(_unbounded(i) for i in value[-1])
    if op is sre.BRANCH:
        return any(_unbounded(i) for branch in value[1] for i in branch)
    return False


class Pattern:
    """A user's pattern, compiled once, run under `TIMEOUT`."""

    def __init__(self, pattern: str, ignore_case: bool = True):
        self.pattern = pattern
        self._compiled = regex.compile(pattern, regex.IGNORECASE if ignore_case else 0)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator:
        end = len(text) if endpos is None else endpos
        try:
            yield from self._compiled.finditer(text, pos, end, timeout=TIMEOUT)
        except TimeoutError:
            raise PatternTimeout(self.pattern) from None
