from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rapidfuzz.distance import OSA

from notelint import names
from notelint.anatomy import anatomy
from notelint.model import Hit, Interview, Note, Severity
from notelint.names import Word, fold
from notelint.rule import Context, Rule


class WrongCompany(Rule):
    """The name of another application's company in a note that never names its own.

    Why: a note copied from one application to another and not fully
    edited ("I would love to join Halcyon Robotics" in a note to Copperleaf
    Software) tells the reader they are one of many, and nothing else in
    the note will be read kindly after it. notelint knows every application
    of the run: a note that names another application's company and never
    its own company is an error. Naming another company beside your own (a
    past employer, a client) is fine, and so is the current employer.

    Bad (the application is at Copperleaf Software; another is at Halcyon
    Robotics):

        I would be thrilled to bring this experience to Halcyon Robotics.

    Good:

        I would be thrilled to bring this experience to Copperleaf Software.

    Options: none.
    """

    slug = "wrong-company"
    code = "NL203"
    scope = "corpus"
    severity = Severity.ERROR

    def prepare(self, nlp, options: Mapping[str, Any], lists: Mapping[str, tuple[str, ...]]) -> None:
        self.common = {fold(w) for w in lists.get("company-common-words", ())}

    def check(self, note: Note, context: Context) -> Iterable[Hit]:
        interview = context.interview
        if interview is None:
            return
        own = fold(interview.company)
        allowed = {own} | ({fold(interview.current_employer)} if interview.current_employer else set())
        others: dict[str, Interview] = {}
        for application in context.corpus:
            other = application.interview
            if other is not None and fold(other.company) not in allowed:
                others.setdefault(fold(other.company), other)
        if not others:
            return
        skip = anatomy(note).signature
        runs = list(names.capitalised_runs(note, skip))
        if self._names(runs, interview.company, near=True):
            return
        people = {
            w.key for person in interview.interviewers for w in names.words(person.name)
        } | {w.key for w in names.words(interview.company)}
        for other in others.values():
            for start, end in self._names(runs, other.company, exclude=people):
                yield Hit(
                    f"'{note.body[start:end]}' is the company of another application "
                    f"({_folder(other)}); this note never names {interview.company}",
                    start,
                    end,
                )

    def _names(
        self, runs: list[list[Word]], company: str, near: bool = False, exclude: frozenset[str] = frozenset()
    ) -> list[tuple[int, int]]:
        """Where the runs name `company`: all its words in a row, or its first
        word when distinctive ("Brackenridge"); with `near`, misspelled too."""
        target = [w.key for w in names.company_words(company, self.common)]
        if not target:
            return []
        head = target[0]
        short = len(head) >= 4 and head not in self.common and head not in exclude

        def same(a: str, b: str) -> bool:
            if a == b:
                return True
            return near and len(b) >= 5 and OSA.distance(a, b) <= (1 if len(b) <= 6 else 2)

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
                if short and same(keys[i], head) and len(target) > 1:
                    found.append((run[i].start, run[i].end))
                i += 1
        return found


def _folder(interview: Interview) -> str:
    return f"application {interview.folder.name}"
