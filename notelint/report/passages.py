"""The passages two notes share, for showing duplicates side by side: runs
of words the two have in the same order (rapidfuzz's Indel alignment of
their folded words), at least `MIN_WORDS` long so that a shared "thank you
for your time" is not marked."""

from __future__ import annotations

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from notelint.core.text import words

MIN_WORDS = 5

Spans = list[tuple[int, int]]


def shared(a: str, b: str, min_words: int = MIN_WORDS) -> tuple[Spans, Spans]:
    """The (start, end) offsets of the shared passages in `a` and in `b`."""
    words_a, words_b = words(a), words(b)
    in_a: Spans = []
    in_b: Spans = []
    for op in Indel.opcodes([w.key for w in words_a], [w.key for w in words_b]):
        if op.tag == "equal" and op.src_end - op.src_start >= min_words:
            in_a.append((words_a[op.src_start].start, words_a[op.src_end - 1].end))
            in_b.append((words_b[op.dest_start].start, words_b[op.dest_end - 1].end))
    return in_a, in_b


def alike(a: str, b: str) -> float:
    """How alike two texts are, 0-100."""
    return fuzz.ratio(a, b)
