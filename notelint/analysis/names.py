"""Who and what a note names: the mentions of people and of organisations in
a note, matched against the interviewers and the company of its interview.

Shared by `misspelled-name`, `wrong-recipient` and `wrong-company`. Names are
compared folded (case and diacritics dropped: "Wojcik" is "Wójcik"), short
forms ("Raj" for "Rajesh", "Bob" for "Robert") are the same name, and a near
miss is a small edit distance on a name long enough to tell.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz

from notelint.analysis.anatomy import HONORIFICS, SALUTATION, SALUTATIONS, anatomy
from notelint.core.model import Application, Interview, Interviewer, Note
from notelint.core.text import Word, edits, fold, near_miss, spellings, words
from notelint.inputs.datafiles import builtin_list

_NAME_WORD = r"[A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*"
HONORIFIC = re.compile(
    r"\b(?:"
    + "|".join(h.capitalize() for h in sorted(HONORIFICS, key=len, reverse=True))
    + r")\b\.?[ \t]+"
    rf"((?:{_NAME_WORD})(?:[ \t]+{_NAME_WORD}){{0,2}})"
)
LEGAL_FORMS = builtin_list("legal-forms")
# Words that make a name of the word after them: a project, not a company.
CODE_NAME_WORDS = builtin_list("code-name-words")
NAME_SUFFIXES = builtin_list("name-suffixes")
PARTICLES = builtin_list("name-particles")
# Words that are never a name in a greeting or after an honorific.
HONORIFIC_KEYS = HONORIFICS | {s.split()[0] for s in SALUTATIONS} - {"good"}


# -- the interviewers ----------------------------------------------------------


def nickname_table(entries: Iterable[str]) -> dict[str, set[str]]:
    """'robert = bob, rob' entries -> every name's set of equivalent names."""
    table: dict[str, set[str]] = {}
    for entry in entries:
        formal, _, shorts = entry.partition("=")
        group = {fold(formal)} | {fold(s) for s in shorts.split(",") if s.strip()}
        group.discard("")
        for name in group:
            table.setdefault(name, set()).update(group)
    return table


@dataclass(frozen=True)
class Part:
    """One word of an interviewer's name."""

    person: Interviewer
    text: str
    first: bool  # the given name (short forms apply)
    last: bool


@dataclass(frozen=True)
class Near:
    part: Part
    similarity: float
    distance: int


class People:
    """The interviewers of one interview, indexed by the words of their names."""

    def __init__(self, interviewers: Iterable[Interviewer], nicknames: Mapping[str, set[str]]):
        self.interviewers = tuple(interviewers)
        self.nicknames = nicknames
        self.parts: list[Part] = []
        for person in self.interviewers:
            name_words = [w.text for w in words(person.name) if not _particle(w.text)]
            for index, text in enumerate(name_words):
                self.parts.append(
                    Part(
                        person,
                        text,
                        index == 0 and len(name_words) > 1,
                        index == len(name_words) - 1,
                    )
                )

        # each part with its spellings and folded text, for `exact`
        self._forms = [(part, spellings(part.text), fold(part.text)) for part in self.parts]
        self._exact: dict[str, set[Interviewer]] = {}

    def exact(self, key: str) -> set[Interviewer]:
        """The interviewers one of whose name words `key` is (or a short form
        of), found once per key: the set is shared, read it without changing it."""
        found = self._exact.get(key)
        if found is None:
            found = self._exact[key] = {
                part.person
                for part, forms, folded in self._forms
                if key in forms or part.first and _short_form(key, folded, self.nicknames)
            }
        return found

    def near(self, key: str) -> Near | None:
        """The name word `key` most likely misspells, if any."""
        best = None
        if len(key) < 3:
            return None
        for part, forms, _ in self._forms:
            for form in forms:
                if not near_miss(key, form):
                    continue
                distance = edits(key, form)
                similarity = fuzz.ratio(key, form)
                if best is None or similarity > best.similarity:
                    best = Near(part, similarity, distance)
        return best


def _particle(word: str) -> bool:
    return word[:1].islower() or word.lower() in NAME_SUFFIXES or len(word) == 1


def _short_form(key: str, first: str, nicknames: Mapping[str, set[str]]) -> bool:
    if key in nicknames.get(first, ()):
        return True
    shorter, longer = sorted((key, first), key=len)
    return len(shorter) >= 3 and longer.startswith(shorter)


class Applications:
    """The applications of a run, found by the first word of their company
    and by a word of an interviewer's name: a note is compared with the few
    whose names it could contain, never with each of a coach's thousands."""

    def __init__(
        self,
        applications: Iterable[Application],
        common: set[str],
        nicknames: Mapping[str, set[str]],
    ):
        self.interviews = [a.interview for a in applications if a.interview is not None]
        self._companies: dict[str, list[int]] = {}
        self._people: dict[str, list[int]] = {}
        for index, interview in enumerate(self.interviews):
            head = company_words(interview.company, common)
            if head:
                self._companies.setdefault(head[0].key, []).append(index)
            for key in self._name_keys(interview, nicknames):
                self._people.setdefault(key, []).append(index)

    @staticmethod
    def _name_keys(interview: Interview, nicknames: Mapping[str, set[str]]) -> set[str]:
        """The first three letters of each way `People.exact` can match one
        of the interview's people: a spelling of a name word, and for a
        given name its short forms (which begin as it does) and nicknames."""
        keys = set()
        for part in People(interview.interviewers, nicknames).parts:
            keys |= {form[:3] for form in spellings(part.text)}
            if part.first:
                keys |= {n[:3] for n in nicknames.get(fold(part.text), ())}
        return keys

    def by_company(self, keys: Iterable[str]) -> list[Interview]:
        """In the run's order, the interviews whose company begins with one of `keys`."""
        found = {i for key in keys for i in self._companies.get(key, ())}
        return [self.interviews[i] for i in sorted(found)]

    def by_person(self, key: str) -> list[Interview]:
        """In the run's order, the interviews with someone `key` may name."""
        return [self.interviews[i] for i in self._people.get(key[:3], ())]


# -- mentions of people ------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    """Words that name one person: in the greeting, after an honorific, or a
    PERSON entity. `strong`: the words are surely a name used for someone."""

    words: tuple[Word, ...]
    source: str  # greeting | honorific | entity | vocative
    honorific: bool = False

    @property
    def strong(self) -> bool:
        return self.source in ("greeting", "honorific")


def greeting_mentions(note: Note, stop: set[str]) -> list[Mention]:
    """The people a greeting speaks to ("Dear Ms. Gonzalez," "Hi Maria and Raj,")."""
    span = anatomy(note).greeting
    if span is None:
        return []
    line = note.body[span[0] : span[1]]
    opening = SALUTATION.match(line)
    if opening is None:
        return []
    rest_start = span[0] + opening.end()
    rest = note.body[rest_start : span[1]]
    cut = re.search(r"[:!\r\n]|,\s*$|,\s+(?![A-Z])", rest)
    if cut:
        rest = rest[: cut.start()]
    mentions = []
    for group in re.finditer(r"[^,&/]+", rest):
        pieces = re.split(r"\band\b", group.group())
        offset = rest_start + group.start()
        for piece in pieces:
            found = words(piece, offset)
            offset += len(piece) + 3
            honorific = any(w.key in stop for w in found)
            if any(w.key in stop and w.key not in HONORIFIC_KEYS for w in found):
                continue  # "Dear Hiring Manager", "Hello team"
            named = tuple(w for w in found if w.key not in HONORIFIC_KEYS and w.capitalised)
            if named:
                mentions.append(Mention(named, "greeting", honorific))
    return mentions


def body_mentions(note: Note, skip: tuple[int, int] | None = None) -> list[Mention]:
    """People named in the body (outside `skip`): after an honorific, or as
    PERSON entities."""
    mentions: list[Mention] = []
    taken: set[int] = set()

    def outside(start: int) -> bool:
        return skip is None or not (skip[0] <= start < skip[1])

    for match in HONORIFIC.finditer(note.body):
        if not outside(match.start()):
            continue
        found = tuple(
            w for w in words(match.group(1), match.start(1)) if w.key not in HONORIFIC_KEYS
        )
        if found:
            mentions.append(Mention(found, "honorific", True))
            taken.update(w.start for w in found)
    if note.doc is not None:
        for ent in note.doc.ents:
            if ent.label_ != "PERSON" or not outside(ent.start_char):
                continue
            found = tuple(
                w
                for w in words(ent.text, ent.start_char)
                if w.key not in HONORIFIC_KEYS and w.capitalised
            )
            if found and not any(w.start in taken for w in found):
                mentions.append(Mention(found, "entity"))
                taken.update(w.start for w in found)
        # A proper noun alone that the recogniser missed ("As Lindqvst said").
        for token in note.doc:
            if (
                token.tag_ in ("NNP", "NNPS")
                and token.ent_type_ not in NOT_PEOPLE
                and token.idx not in taken
                and outside(token.idx)
            ):
                found = tuple(
                    w
                    for w in words(token.text, token.idx)
                    if w.key not in HONORIFIC_KEYS and w.capitalised
                )
                if found:
                    mentions.append(Mention(found, "entity"))
    return mentions


NOT_PEOPLE = {
    "GPE",
    "LOC",
    "NORP",
    "FAC",
    "EVENT",
    "WORK_OF_ART",
    "LAW",
    "LANGUAGE",
    "DATE",
    "TIME",
    "MONEY",
    "PERCENT",
    "CARDINAL",
    "ORDINAL",
    "QUANTITY",
    "PRODUCT",
}


def sender_words(note: Note) -> set[str]:
    """Folded words of the signature: the candidate's own name is among them."""
    span = anatomy(note).signature
    if span is None:
        return set()
    return {w.key for w in words(note.body[span[0] : span[1]]) if w.capitalised}


def resolve(mention: Mention, people: People) -> set[Interviewer]:
    """The interviewers every word of the mention names exactly (or as a short
    form): empty when the mention is someone else."""
    candidates: set[Interviewer] | None = None
    for word in mention.words:
        named = people.exact(word.key)
        candidates = named if candidates is None else candidates & named
    return candidates or set()


# -- the company ---------------------------------------------------------------


def company_words(company: str, common: set[str]) -> list[Word]:
    """The words of a company name, legal forms and connectors left out."""
    return [
        w
        for w in words(company)
        if not (w.text[:1].islower() and w.key in common) and w.key not in LEGAL_FORMS
    ]


RUNS = "names:runs"  # what `note_runs` is memoised as (`Context.of_note`)


def note_runs(note: Note) -> list[list[Word]]:
    """The capitalised runs of a note's body outside its signature, where
    the rules about company names look (share them: `RUNS`; read them
    without changing them)."""
    return list(capitalised_runs(note.body, anatomy(note).signature))


def capitalised_runs(text: str, skip: tuple[int, int] | None = None) -> Iterator[list[Word]]:
    """Runs of capitalised words in `text` (connectors like "&" and "of"
    inside a run are dropped), outside `skip`: where organisations are named."""
    run: list[Word] = []
    gap = ""
    last_end = 0
    for match in re.finditer(r"[^\W_][\w'’]*|[^\w\s]", text):
        token = match.group()
        inside_skip = skip is not None and skip[0] <= match.start() < skip[1]
        between = text[last_end : match.start()]
        if "\n" in between and run:
            yield run
            run = []
        if (
            not inside_skip
            and token[:1].isalpha()
            and (token[:1].isupper() or any(c.isupper() for c in token[1:2]))
        ):
            word = words(token, match.start())
            if word:
                run.extend(word)
            gap = ""
        elif run and token in ("&", "of", "and", "-", "the", "for", "de") and not gap:
            gap = token
        elif token == "." and run and len(run[-1].text) <= 3 and run[-1].end == match.start():
            pass  # the period of an abbreviation inside a name: "St. Brigid's"
        else:
            if run:
                yield run
            run, gap = [], ""
        last_end = match.end()
    if run:
        yield run


def company_spans(
    runs: Iterable[list[Word]],
    company: str,
    common: set[str],
    near: bool = False,
    exclude: Iterable[str] = (),
    first_word: bool = True,
) -> list[tuple[int, int]]:
    """Where the runs name `company`: all its words in a row, or (with
    `first_word`) its first word when distinctive ("Brackenridge" for
    "Brackenridge Civil & Structural"); with `near`, misspelled by an edit or
    two too."""
    target = [w.key for w in company_words(company, common)]
    if not target:
        return []
    head = target[0]
    short = first_word and len(head) >= 4 and head not in common and head not in set(exclude)

    def same(a: str, b: str) -> bool:
        return a == b or (near and len(b) >= 5 and near_miss(a, b))

    found = []
    for run in runs:
        keys = [w.key for w in run]
        i = 0
        while i < len(run):
            size = len(target)
            if all(i + k < len(keys) and same(keys[i + k], target[k]) for k in range(size)):
                found.append((run[i].start, run[i + size - 1].end))
                i += size
                continue
            named_thing = i > 0 and keys[i - 1] in CODE_NAME_WORDS  # "Project Juniper"
            if short and same(keys[i], head) and len(target) > 1 and not named_thing:
                found.append((run[i].start, run[i].end))
            i += 1
    return found
