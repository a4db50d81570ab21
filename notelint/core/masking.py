"""How confidential text is shown when it must be shown at all: each word
keeps its first letter, digits never survive ('Project Falcon' ->
'P****** F*****', '$3.2 million' -> '$*.* m******'). A mask covers exactly
the characters it hides: an accent, a zero-width space or a soft hyphen
inside a word is hidden with it, never shown beside stars."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from notelint.core.text import INVISIBLE, Skeleton


def mask(text: str) -> str:
    out = []
    in_word = False
    for char in text:
        if char.isalnum() or char == "_":
            out.append(char if not in_word and char.isalpha() else "*")
            in_word = True
        elif in_word and (char in INVISIBLE or unicodedata.combining(char)):
            out.append("*")
        else:
            out.append(char)
            in_word = False
    return "".join(out)


def mask_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """`text` with each (start, end) span masked."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = mask(text[start:end])
    return "".join(chars)


def mask_terms(text: str, terms: Iterable[str]) -> str:
    """`text` with every occurrence of each term masked, however it is typed
    (`Skeleton.find`)."""
    terms = [t for t in terms if t]
    if not terms:
        return text
    skeleton = Skeleton.of(text)
    return mask_spans(text, [span for term in terms for span in skeleton.find(term)])
