"""The one text layer: how notelint normalises, folds, splits and compares
the words people type. Every comparison of names, companies, titles, `to:`,
confidential terms and placeholders goes through here, so that "O’Neill"
(Word's apostrophe) is "O'Neill" everywhere and a near miss means one thing.

It imports nothing else of notelint.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz.distance import OSA

# What Word, Outlook and phones type, and what we compare it as.
_TYPOGRAPHIC = str.maketrans(
    {
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u201a": "'",  # ‚
        "\u201b": "'",  # ‛
        "\u02bc": "'",  # ʼ modifier letter apostrophe
        "\u2032": "'",  # ′ prime
        "\u0060": "'",  # ` grave accent, typed as an apostrophe
        "\u00b4": "'",  # ´ acute accent, likewise
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2212": "-",  # minus
        "\u00a0": " ",  # no-break space
        "\u2007": " ",
        "\u202f": " ",  # narrow no-break space
        "\u2009": " ",  # thin space
        "\u3000": " ",
    }
)
# Characters that are not there for a reader: zero-width ones and soft hyphens.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Letters that Unicode does not decompose into a base letter and a mark.
_TRANSLIT = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "þ": "th", "ð": "d", "ı": "i"}
)
# The German umlauts written out: "Müller" is also "Mueller".
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def normalize(text: str) -> str:
    """NFC, typographic apostrophes, quotes and dashes made plain, every
    space a space, invisible characters dropped. Case and accents stay."""
    return unicodedata.normalize("NFC", text).translate(_INVISIBLE).translate(_TYPOGRAPHIC)


def fold(text: str) -> str:
    """The form every module compares names with: normalised, case- and
    diacritic-insensitive. 'Wójcik' -> 'wojcik', 'Łukasz' -> 'lukasz',
    'Søren' -> 'soren', 'Straße' -> 'strasse', 'O’Neill' -> "o'neill"."""
    decomposed = unicodedata.normalize("NFKD", normalize(text))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(plain.translate(_TRANSLIT).split())


def spellings(word: str) -> set[str]:
    """The folded spellings of one name word that are the same word
    ('Müller': 'muller' and 'mueller')."""
    lowered = normalize(word).lower()
    return {fold(lowered), fold(lowered.translate(_UMLAUTS))}


# -- words ------------------------------------------------------------------

# A word: letters, with inner apostrophes of any kind ("O’Brien", "don't").
WORD = re.compile(r"[^\W\d_]+(?:['’‘ʼ`´][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’‘ʼ`´]s$", re.IGNORECASE)


@dataclass(frozen=True)
class Word:
    start: int  # offsets in the text it was found in (plus the offset given)
    end: int
    text: str

    @property
    def key(self) -> str:
        return fold(self.text)

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def words(text: str, offset: int = 0) -> list[Word]:
    """The words of `text` (hyphens split, possessive "'s" dropped) at
    `offset` + their place in it."""
    found = []
    for match in WORD.finditer(text):
        value = match.group()
        possessive = _POSSESSIVE.search(value)
        if possessive and len(value) > 3:
            value = value[: possessive.start()]
        start = offset + match.start()
        found.append(Word(start, start + len(value), value))
    return found


# -- near misses --------------------------------------------------------------


def max_edits(length: int) -> int:
    """How many edits a word of `length` letters may be off and still be a
    misspelling of it. Under four letters every edit makes another word
    ("Ann"/"Ian"); up to five, one typo; longer words, a doubled or swapped
    pair too ("Lindqvist"/"Lindqvst", "Maintenance"/"Maintenence")."""
    if length < 4:
        return 0
    return 1 if length <= 5 else 2


def edits(a: str, b: str) -> int:
    """Edits between two folded words (a swap of neighbours is one)."""
    return OSA.distance(a, b)


def near_miss(written: str, meant: str) -> bool:
    """`written` misspells `meant`: both folded, not equal, within the edits
    `meant`'s length allows."""
    if written == meant:
        return False
    shorter, longer = sorted((written, meant), key=len)
    if len(longer) - len(shorter) >= 2 and longer.startswith(shorter):
        return False  # another word with an ending of its own: "Roberts", "Robertson"
    limit = max_edits(len(meant))
    return limit > 0 and len(longer) - len(shorter) <= limit and edits(written, meant) <= limit


# -- look-alike characters ---------------------------------------------------


def foreign_letters(word: str) -> list[tuple[str, str]]:
    """Letters of another script in a word written mostly in one: each as
    (letter, script), e.g. 'Mаria' -> [('а', 'Cyrillic')]. A word wholly in
    one script (Greek, Cyrillic) has none."""
    scripts = [(c, _script(c)) for c in word if c.isalpha()]
    if not scripts:
        return []
    counts: dict[str, int] = {}
    for _, script in scripts:
        counts[script] = counts.get(script, 0) + 1
    main = max(counts, key=lambda s: counts[s])
    return [(c, s) for c, s in scripts if s != main]


def _script(letter: str) -> str:
    name = unicodedata.name(letter, "")
    return name.split(" ", 1)[0].capitalize() if name else "Unknown"


def describe_foreign(word: str) -> str:
    """ "'Mаria' contains a Cyrillic 'а'", or "" when the word is of one script."""
    found = foreign_letters(word)
    if not found:
        return ""
    letter, script = found[0]
    return f"'{word}' contains a {script} '{letter}'"
