from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from notelint.analysis import names
from notelint.core.model import Hit, Interview, Note, Severity
from notelint.core.text import fold
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

    def prepare(
        self, nlp, options: Mapping[str, Any], lists: Mapping[str, tuple[str, ...]]
    ) -> None:
        self.common = {fold(w) for w in lists.get("company-common-words", ())}

    def check(self, note: Note, context: Context) -> Iterable[Hit]:
        interview = context.interview
        if interview is None:
            return
        own = fold(interview.company)
        allowed = {own} | (
            {fold(interview.current_employer)} if interview.current_employer else set()
        )
        runs = context.of_note(note, names.RUNS, lambda: names.note_runs(note))
        applications = context.of_run(
            "wrong-company:applications",
            lambda: names.Applications(context.corpus, self.common, {}),
        )
        others: dict[str, Interview] = {}
        for other in applications.by_company({w.key for run in runs for w in run}):
            if fold(other.company) not in allowed:
                others.setdefault(fold(other.company), other)
        if not others:
            return
        if names.company_spans(runs, interview.company, self.common, near=True):
            return
        own_names = {  # this application's words: "the Ashgrove launch" of its points
            w.key
            for text in (
                interview.company,
                *(p.name for p in interview.interviewers),
                *interview.texts("points", "values"),
            )
            for w in names.words(text)
        }
        employer = (  # "At Kestrel" is the candidate's "Kestrel Parcel", whatever else is Kestrel
            names.company_spans(runs, interview.current_employer, self.common)
            if interview.current_employer
            else []
        )
        found = [
            (start, end, other)
            for other in others.values()
            for start, end in names.company_spans(
                runs, other.company, self.common, exclude=own_names
            )
            if not any(s <= start and end <= e for s, e in employer)  # the current employer's name
        ]
        for start, end, other in found:
            if any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in found):
                continue  # "Saltmarsh" inside "Saltmarsh Energy": the longer name says it
            yield Hit(
                f"'{note.body[start:end]}' is the company of another application "
                f"({_folder(other)}); this note never names {interview.company}",
                start,
                end,
            )


def _folder(interview: Interview) -> str:
    return f"folder {interview.folder.name}"
