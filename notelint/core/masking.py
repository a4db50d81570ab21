"""How confidential text is shown when it must be shown at all: each word
keeps its first letter, digits never survive ('Project Falcon' ->
'P****** F*****', '$3.2 million' -> '$*.* m******')."""

from __future__ import annotations

import re


def mask(text: str) -> str:
    def hide(match: re.Match) -> str:
        word = match.group()
        keep = word[0] if word[0].isalpha() else "*"
        return keep + "*" * (len(word) - 1)

    return re.sub(r"\w+", hide, text)
