"""Two spellings of one word: the stems and near spellings the rules compare
words with ("collaborate" / "collaboration", "hour" / "hourly"). Words are
compared as given: pass lemmas or folded forms (`schema.fold`) as the rule
needs."""

from __future__ import annotations

import os

from rapidfuzz import fuzz, process

MIN_STEM = 4
# Endings that make one word of another without changing what it is about
# ("" is the bare stem). Two forms share a stem when what follows it in each
# belongs to one family.
FAMILIES = (
    frozenset({"", "e", "es", "ed", "ing", "ion", "ions", "ive", "ively", "iveness", "or", "ors"}),
    frozenset({"", "e", "ity", "ities", "ness"}),
    frozenset({"", "e", "ty", "ly", "ness", "ful", "fully", "ment", "ments"}),
    frozenset({"", "s", "ed", "ing", "smanship", "sman", "y", "ship"}),
    frozenset({"ence", "ent", "ently", "ency", "cy", "t", "tly"}),
    frozenset({"ance", "ant", "antly", "ancy"}),
    frozenset({"", "ous", "ously"}),
    frozenset({"osity", "ous", "ously"}),
    frozenset({"ility", "le", "ly"}),
    frozenset({"y", "ic", "etic", "ically", "etically", "ize", "ise"}),
    frozenset({"", "ation"}),
)


def prefix_length(a: str, b: str) -> int:
    """How many letters `a` and `b` share from the start."""
    return len(os.path.commonprefix((a, b)))


def same_stem(a: str, b: str, min_stem: int = MIN_STEM) -> bool:
    """One word in two forms: equal, or the same stem of at least `min_stem`
    letters with endings of one family ("collaboration" ~ "collaborative",
    "safety" ~ "safe", "craft" ~ "craftsmanship"; not "integrity" ~
    "integrate")."""
    if a == b:
        return True
    for stem in range(min_stem, prefix_length(a, b) + 1):
        ends = {a[stem:], b[stem:]}
        if any(ends <= family for family in FAMILIES):
            return True
    return False


def same_word(a: str, b: str) -> bool:
    """The same word, another form of it, a long shared beginning, or a near
    spelling (words of four letters or more)."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    if shorter < 4:
        return False
    if same_stem(a, b):
        return True  # "hour" / "hourly"
    if prefix_length(a, b) >= max(5, shorter - 1) and abs(len(a) - len(b)) <= 3:
        return (
            True  # "schedule" / "scheduling"; not "change" / "changeover", "control" / "contribute"
        )
    return shorter >= 6 and fuzz.ratio(a, b) >= 88


class SameWords:
    """A set of words that answers "does it hold `same_word(key, w)` for some
    w?" without comparing `key` with every word: `same_word`'s stem and
    prefix tests need the first four letters shared, so only words of that
    beginning are tried, and the near-spelling test runs in rapidfuzz over
    the words long enough for it."""

    def __init__(self, words):
        self.words = set(words)
        self.by_start: dict[str, list[str]] = {}
        for word in self.words:
            if len(word) >= 4:
                self.by_start.setdefault(word[:4], []).append(word)
        self.long = [w for w in self.words if len(w) >= 6]

    def __contains__(self, key: str) -> bool:
        if key in self.words:
            return True
        if len(key) < 4:
            return False
        if any(same_word(key, w) for w in self.by_start.get(key[:4], ())):
            return True
        return (
            len(key) >= 6
            and process.extractOne(key, self.long, scorer=fuzz.ratio, score_cutoff=88) is not None
        )
