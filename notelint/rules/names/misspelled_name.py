from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from rapidfuzz import fuzz

from notelint.analysis import names
from notelint.analysis.anatomy import anatomy
from notelint.analysis.names import Mention, People, Word
from notelint.core.model import Fix, Hit, Interview, Interviewer, Note, Severity
from notelint.core.text import describe_foreign, fold, near_miss
from notelint.inputs.datafiles import builtin_list, builtin_lists
from notelint.rule import Context, Rule

STOP = {"of", "the", "and", "&", "for", "a", "an", "to", "in"}
ABBREVIATIONS = dict(
    (short.strip(), long.strip())
    for short, _, long in (entry.partition("=") for entry in builtin_lists()["title-abbreviations"])
)
FUNCTIONS = builtin_list("title-functions")  # what someone is in the hiring process
DETERMINERS = {"the", "a", "an", "our", "my", "your", "their"}
YOU = {"you", "your", "yours", "yourself"}
ROLE_NOUNS = builtin_list("role-nouns")
RANKS = {fold(w) for w in builtin_list("title-ranks")}
# Words that put a sentence in the interview: "for the Head of Operations to
# sit in on a first-round interview" speaks of the reader, like "you".
IN_THE_INTERVIEW = YOU | {"interview", "candidate", "conversation", "meeting", "panel"}


class MisspelledName(Rule):
    """A misspelled name of an interviewer or of the company, or a wrong job title.

    Why: a misspelled name is the first thing a reader notices and the
    clearest sign of a careless, copied note. Every person named in the
    greeting or the body (after an honorific, or recognised as a person) is
    compared with the interviewers' names, and every organisation with the
    company. A near miss is flagged with the right spelling as a fix. A
    dropped diacritic ("Wojcik" for "Wójcik"), a first name alone and a common
    short form ("Bob" for "Robert", "Raj" for "Rajesh") are fine; a name that
    merely resembles an interviewer's but belongs to someone else (a full name
    with another surname, the candidate's own signature) is left alone. A job
    title given to an interviewer ("your role as Director of Sales") that
    differs from interview.yaml is flagged too.

    Bad:

        Dear Ms. Gonzales,
        ... I enjoyed learning how Acme Robotic brings marketing in early.
        ... your perspective as Director of Sales ...

    Good:

        Dear Ms. Gonzalez,
        ... I enjoyed learning how Acme Robotics brings marketing in early.
        ... your perspective as Director of Marketing ...

    Options: `titles` (default true) also checks the job titles given to
    interviewers. The short forms of given names are the `name-nicknames` list
    of the rule packs.
    """

    slug = "misspelled-name"
    code = "NL201"
    severity = Severity.WARNING
    requires = frozenset({"ents", "dep", "pos"})
    options = {"titles": True}
    fixable = True

    def prepare(
        self, nlp, options: Mapping[str, Any], lists: Mapping[str, tuple[str, ...]]
    ) -> None:
        self.nicknames = names.nickname_table(lists.get("name-nicknames", ()))
        self.stop = {fold(w) for w in lists.get("generic-addressees", ())} | names.HONORIFIC_KEYS
        self.common = {fold(w) for w in lists.get("company-common-words", ())}
        self.title_words = {fold(w) for w in lists.get("title-words", ())}

    def check(self, note: Note, context: Context) -> Iterable[Hit]:
        interview = context.interview
        if interview is None:
            return
        people = context.of_run(
            f"misspelled-name:people:{interview.path}",
            lambda: People(interview.interviewers, self.nicknames),
        )
        hits: dict[tuple[int, int], Hit] = {}
        parts = anatomy(note)
        mentions = names.body_mentions(note, parts.signature)
        for hit in self._people(note, interview, people, mentions):
            hits.setdefault((hit.start, hit.end), hit)
        for hit in self._company(note, interview, people, context):
            if not any(s < hit.end and hit.start < e for s, e in hits):
                hits.setdefault((hit.start, hit.end), hit)
        if context.options.get("titles", True):
            for hit in self._titles(note, interview, people, mentions):
                hits.setdefault((hit.start, hit.end), hit)
        yield from sorted(hits.values(), key=lambda h: (h.start, h.end))

    # -- people ----------------------------------------------------------------

    def _people(
        self, note: Note, interview: Interview, people: People, in_body: list[Mention]
    ) -> Iterator[Hit]:
        sender = names.sender_words(note)
        company = {w.key for w in names.words(interview.company)}
        mentions = names.greeting_mentions(note, self.stop) + in_body
        # Words that belong to someone else: a full name whose words are not
        # all an interviewer's ("Marie Curie") marks "Marie" as another person.
        others: set[str] = set()
        for mention in mentions:
            if len(mention.words) > 1 and any(
                not people.exact(w.key) and people.near(w.key) is None for w in mention.words
            ):
                others.update(w.key for w in mention.words)
        for mention in mentions:
            yield from self._mention(mention, people, sender | company | others)

    def _mention(self, mention: Mention, people: People, known: set[str]) -> Iterator[Hit]:
        exact: list[set[Interviewer]] = []
        near: list[tuple[Word, names.Near]] = []
        for word in mention.words:
            named = people.exact(word.key)
            if named:
                exact.append(named)
                continue
            if word.key in known:
                return
            close = people.near(word.key)
            if close is None:
                return  # someone else's name, or not a name
            near.append((word, close))
        if not near:
            return
        person = {close.part.person for _, close in near}
        if len(person) != 1:
            return
        (who,) = person
        if any(who not in named for named in exact):
            return
        strong = mention.strong or bool(exact)
        for word, close in near:
            if not strong and not self._weak_ok(word, close):
                continue
            right = close.part.text
            lookalike = describe_foreign(word.text)
            yield Hit(
                f"'{word.text}' looks like a misspelling of the interviewer's name '{right}'"
                + (f" ({lookalike})" if lookalike else ""),
                word.start,
                word.end,
                Fix(right),
            )

    @staticmethod
    def _weak_ok(word: Word, close: names.Near) -> bool:
        """A name alone in the body: only a close miss of a long enough name."""
        if len(close.part.text) < 5:
            return False
        if close.part.first:
            return close.distance == 1 and close.similarity >= 85
        return close.similarity >= 80

    # -- the company -----------------------------------------------------------

    def _company(
        self, note: Note, interview: Interview, people: People, context: Context
    ) -> Iterator[Hit]:
        target = names.company_words(interview.company, self.common)
        if not target:
            return
        keys = [w.key for w in target]
        companies = context.of_run(
            "misspelled-name:companies",
            lambda: {fold(a.interview.company) for a in context.corpus if a.interview is not None},
        )
        exact_elsewhere = companies | (
            {fold(interview.current_employer)} if interview.current_employer else set()
        )
        places = {  # the tokens of the entities (fewer than the tokens)
            t.idx
            for ent in (note.doc.ents if note.doc is not None else ())
            if ent.label_ in ("GPE", "LOC", "NORP", "PERSON", "FAC")
            for t in ent
        }
        runs = context.of_note(note, names.RUNS, lambda: names.note_runs(note))
        # A note that spells the company right elsewhere makes a lone near miss
        # tagged as a place or person more likely to be that place or person.
        named = any(w.key == keys[0] for run in runs for w in run)
        for run in runs:
            if len(run) == 1 and run[0].start in places and named:
                continue  # one word that names a place or a person, not the company
            yield from self._company_run(
                run, interview.company, target, keys, people, exact_elsewhere
            )

    def _company_run(self, run, company, target, keys, people, elsewhere) -> Iterator[Hit]:
        run_keys = [w.key for w in run]
        used: set[int] = set()
        for size in range(len(keys), 0, -1):
            for i in range(len(run) - size + 1):
                if used & set(range(i, i + size)):
                    continue
                window = run_keys[i : i + size]
                if " ".join(window) in elsewhere:
                    used.update(range(i, i + size))
                    continue
                for j in range(len(keys) - size + 1):
                    aligned = keys[j : j + size]
                    verdict = self._compare(window, aligned, j, people)
                    if verdict is None:
                        continue
                    used.update(range(i, i + size))
                    if verdict:
                        wrong = [k for k in range(size) if window[k] != aligned[k]]
                        first, last = wrong[0], wrong[-1]
                        start, end = run[i + first].start, run[i + last].end
                        right = company[target[j + first].start : target[j + last].end]
                        shown = " ".join(w.text for w in run[i : i + size])
                        yield Hit(
                            f"'{shown}' looks like a misspelling of the company name '{company}'",
                            start,
                            end,
                            Fix(right),
                        )
                    break

    def _compare(self, window, aligned, j, people) -> bool | None:
        """None: unrelated; False: the company spelled right; True: misspelled."""
        if window == aligned:
            return False
        same = sum(a == b for a, b in zip(window, aligned, strict=True))
        for a, b in zip(window, aligned, strict=True):
            if a == b:
                continue
            if not near_miss(a, b):
                return None
            if people.exact(a) or a in self.common and b not in self.common:
                return None
        if len(window) == 1:
            word = window[0]
            # One word alone: only the distinctive first word of the name.
            if j != 0 or aligned[0] in self.common or len(aligned[0]) < 5:
                return None
            return fuzz.ratio(word, aligned[0]) >= 80
        if same == 0 and fuzz.ratio(" ".join(window), " ".join(aligned)) < 90:
            return None
        return True

    # -- job titles ------------------------------------------------------------

    def _titles(
        self, note: Note, interview: Interview, people: People, mentions: list[Mention]
    ) -> Iterator[Hit]:
        doc = note.doc
        if doc is None:
            return
        yield from self._appositions(note, interview, people, mentions)
        if note.recipient is None or not note.recipient.title:
            return
        right = note.recipient.title
        yield from self._address_title(note, interview)
        start, end = anatomy(note).content
        for token in doc:
            if not (start <= token.idx < end):
                continue
            if token.lower_ in ("a", "an", "the"):
                span = self._described(doc, token, interview, right)
            elif token.lower_ == "as":
                span = self._addressed_as(doc, token, interview)
            else:
                continue
            if span is not None and _differs(span.text, right):
                yield _wrong_title(span.text, span.start_char, note.recipient.name, right)

    def _address_title(self, note: Note, interview: Interview) -> Iterator[Hit]:
        """The title under (or beside) the recipient's name in the inside
        address: "Mark Johnson, Nurse Manager" or "Mark Johnson / Nurse Manager"."""
        parts = anatomy(note)
        person = note.recipient
        if parts.recipient is None or person is None or not person.title:
            return
        start, end = parts.recipient
        lines = [
            (start + m.start(), start + m.end())
            for m in re.finditer(r"[^\r\n]+", note.body[start:end])
        ]
        surname = {w.key for w in names.words(person.name.split()[-1])}  # "Okonkwo-Hale": both
        company = _title_words(interview.company)
        for index, (s, e) in enumerate(lines):
            if not surname <= {w.key for w in names.words(note.body[s:e])}:
                continue
            comma = note.body.find(",", s, e)
            if comma >= 0:
                candidate = (comma + 1, e)
            elif index + 1 < len(lines):
                candidate = lines[index + 1]
            else:
                return
            s, e = candidate
            while s < e and note.body[s] in " \t":
                s += 1
            text = note.body[s:e].rstrip()
            words = _title_words(text)
            if not words or words <= company or not self._title_like(words):
                return
            if _differs(text, person.title):
                yield _wrong_title(text, s, person.name, person.title)
            return

    def _title_like(self, words: set[str]) -> bool:
        """Words of a job title, or a title word misspelled ("Maintenence Manager")."""
        return any(
            w in self.title_words or any(near_miss(w, t) for t in self.title_words) for w in words
        )

    def _addressed_as(self, doc, as_, interview: Interview):
        """A title given to the reader: "your work as Director of Sales",
        "As Head of Growth, you ..."; not the role applied for."""
        span = self._title_after(doc, as_.i + 1)
        if span is None:
            return None
        before = {t.lower_ for t in doc[max(as_.i - 4, as_.sent.start) : as_.i]}
        after = doc[span.end : span.end + 2]
        if not (before & YOU or any(t.lower_ in YOU for t in after)):
            return None
        if interview.role and _title_words(span.text) <= _title_words(interview.role):
            return None
        return span

    def _appositions(
        self, note: Note, interview: Interview, people: People, mentions: list[Mention]
    ) -> Iterator[Hit]:
        """ "Maria Gonzalez, Director of Sales," "Raj Patel (CTO)": the title
        given right after an interviewer's name (of `mentions`, the body's)."""
        doc = note.doc
        starts = {token.idx: token.i for token in doc}
        for mention in mentions:
            who = names.resolve(mention, people)
            if len(who) != 1:
                continue
            (person,) = who
            if not person.title:
                continue
            follow = re.match(r"[ \t]*(?:,|\(|–|—|-)[ \t]*", note.body[mention.words[-1].end :])
            if follow is None:
                continue
            at = mention.words[-1].end + follow.end()
            if at not in starts:
                continue
            span = self._title_after(doc, starts[at])
            if span is None:
                continue
            if interview.role and _title_words(span.text) <= _title_words(interview.role):
                continue
            if _differs(span.text, person.title):
                yield _wrong_title(span.text, span.start_char, person.name, person.title)

    def _described(self, doc, article, interview: Interview, right: str):
        """A title the note gives its reader in passing: "It's not often a
        Head of Marine Operations takes twenty minutes ... your comparison",
        "for the Head of Operations to sit in on the interview". Only a
        capitalised title of two words or more, in a sentence that speaks to
        the reader or of the interview, that no interviewer holds and that is
        not the role applied for; not "as a ..." (the sender's own) nor "a
        ... role". After "the", it must also be of the reader's field (a word
        of their title besides its rank) and not of another place ("the Head
        of Operations at Baltvik")."""
        span = self._title_after(doc, article.i + 1)
        if (
            span is None
            or len(span) < 2
            or not all(t.text[:1].isupper() for t in (span[0], span[-1]))
        ):
            return None
        before = doc[article.i - 1].lower_ if article.i > 0 else ""
        after = doc[span.end].lower_ if span.end < len(doc) else ""
        if before == "as" or after in ROLE_NOUNS:
            return None
        if article.lower_ == "the":
            field = _title_words(right) - RANKS
            if after in ("at", "in", "from") or not _title_words(span.text) & field:
                return None
            if not any(t.lower_ in IN_THE_INTERVIEW for t in article.sent):
                return None
        elif not any(t.lower_ in YOU for t in article.sent):
            return None
        words = _title_words(span.text)
        if interview.role and words <= _title_words(interview.role):
            return None
        if any(p.title and not _differs(span.text, p.title) for p in interview.interviewers):
            return None  # another interviewer's title: a mention of them
        return span

    def _title_after(self, doc, i: int):
        while i < len(doc) and doc[i].lower_ in DETERMINERS:
            i += 1
        owner = next((j for j in range(i, min(i + 4, len(doc))) if doc[j].tag_ == "POS"), None)
        if owner is not None and all(t.text[:1].isupper() for t in doc[i:owner]):
            i = owner + 1  # "as Bramblecourt's Chief Executive": the title follows
        first = i
        last = None
        after_of = 0
        while i < len(doc):
            token = doc[i]
            if token.is_alpha and (token.text[:1].isupper() or token.lower_ in self.title_words):
                last, after_of = i, 0
            elif token.lower_ in ("of", "for", "and", "&") and last is not None:
                after_of = 1 if token.lower_ in ("of", "for") else 0
            elif after_of == 1 and token.is_alpha:
                last, after_of = i, 2
            else:
                break
            i += 1
        if last is None:
            return None
        span = doc[first : last + 1]
        content = _title_words(span.text)
        if not self._title_like(content) or content <= FUNCTIONS:
            return None
        return span


def _wrong_title(text: str, start: int, name: str, right: str) -> Hit:
    """A title that is not the interviewer's: misspelled, or another one."""
    given, meant = _title_words(text), _title_words(right)
    extra = given - meant
    misspelled = extra and all(any(near_miss(w, m) for m in meant) for w in extra)
    what = "misspells" if misspelled else "is not"
    return Hit(
        f"'{text}' {what} the title of {name} in interview.yaml: '{right}'",
        start,
        start + len(text),
        Fix(right),
    )


def _title_words(title: str) -> set[str]:
    found = set()
    for word in names.words(title):
        key = fold(word.text)
        expanded = ABBREVIATIONS.get(key, key)
        found.update(k for k in expanded.split() if k not in STOP)
    return found


def _differs(given: str, right: str) -> bool:
    """`given` is not `right`: it has a word `right` lacks, or lacks a word of
    its level ("Director" for "Senior Director"); not an abbreviation of it."""
    given_words, right_words = _title_words(given), _title_words(right)
    if not given_words:
        return False
    if given_words <= right_words and not (right_words - given_words) & RANKS:
        return False
    initials = "".join(w.text[0] for w in names.words(right) if fold(w.text) not in STOP)
    return fold(given.replace(".", "")) != fold(initials)
