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
from functools import cached_property, lru_cache

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
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE), None)
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


@lru_cache(maxsize=1 << 16)
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

    @cached_property
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


# -- a term, however it is typed ----------------------------------------------

# What mail clients and URLs write instead of a space, and what they write
# inside a word (a quoted-printable soft line break, a soft hyphen entity).
_ESCAPES = re.compile(
    r"(?P<space>%20|=20|&nbsp;|&#160;|&#x0*a0;)|(?P<nothing>=\r?\n|&shy;|&#173;)", re.IGNORECASE
)
# What `Skeleton.of` does not copy as it is: an escape, or a letter beyond ASCII.
_SPECIAL = re.compile(rf"{_ESCAPES.pattern}|[^\x00-\x7f]", re.IGNORECASE)
# Between the words of a term: what separates words (spaces, hyphens, a URL
# slug's '-', '_' or '+', an address's '.' and '@'), or nothing ("ProjectNightjar").
_BETWEEN = r"[\W_]{0,3}"
_INSIDE = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Skeleton:
    """A text folded for finding terms in it: one lowercase base letter per
    letter written, escapes and invisible characters gone, with the offset in
    the text of every character kept."""

    source: str
    text: str
    origin: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Skeleton:
        out: list[str] = []
        origin: list[int] = []
        last = 0
        for special in _SPECIAL.finditer(text):
            start = special.start()
            if start > last:  # a run of plain ASCII: lower-cased as it is
                out.append(text[last:start].lower())
                origin.extend(range(last, start))
            if special.group("space"):
                out.append(" ")
                origin.append(start)
            elif not special.group("nothing"):
                folded = _fold_char(special.group())
                out.append(folded)
                origin.extend([start] * len(folded))
            last = special.end()
        out.append(text[last:].lower())
        origin.extend(range(last, len(text)))
        return cls(text, "".join(out), tuple(origin))

    def find(self, term: str) -> list[tuple[int, int]]:
        """The spans, in the text, of every occurrence of `term` as a whole
        word or words (a plural 's' included)."""
        pattern = term_pattern(term)
        if pattern is None:
            return []
        spans = []
        for match in pattern.finditer(self.text):
            end = self.origin[match.end() - 1] + 1
            while end < len(self.source) and not _fold_char(self.source[end]):
                end += 1  # a combining accent or invisible character on the last letter
            spans.append((self.origin[match.start()], end))
        return spans


def _fold_char(char: str) -> str:
    if ord(char) in _INVISIBLE or unicodedata.combining(char):
        return ""
    decomposed = unicodedata.normalize("NFKD", char.translate(_TYPOGRAPHIC))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.casefold().translate(_TRANSLIT)


@lru_cache(maxsize=256)
def term_pattern(term: str) -> re.Pattern | None:
    """A term's words, in order, with anything a typist or a URL puts between
    them; None for a term with no letter or digit."""
    parts = _INSIDE.findall(fold(term))
    if not parts:
        return None
    body = _BETWEEN.join(re.escape(p) for p in parts)
    return re.compile(rf"(?<![^\W_]){body}(?:'?s|es)?(?![^\W_])")
