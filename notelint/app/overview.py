"""The context the HTML report shows beside the findings, built from a run's
report: the interviewers and the points each note echoes (the analysis
layer's own `echoes`, as `missing-interview-point` judges them) and the
timeline (`app/timeline.py`, as `notelint timeline` shows it). Every text of
an interview is masked with its notes' secrets before the formatter sees it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from notelint import nlp
from notelint.analysis.facts import Facts
from notelint.app import timeline
from notelint.app.runner import Report
from notelint.config import Config
from notelint.core.display import shown
from notelint.core.model import Application, Interviewer, Note
from notelint.core.store import Store
from notelint.inputs.sources import Loaded
from notelint.plugins.registry import discover
from notelint.report.overview import ApplicationInfo, NoteInfo, Overview, Person, Point
from notelint.report.redaction import Secrets, term_secrets

# What echoing needs of the parse: the annotations `missing-interview-point`
# requires (with every rule on, the pipeline `check` already loaded).
ECHO_NEEDS = frozenset({"pos", "lemma", "dep", "ents"})


def build(report: Report, config: Config, now: datetime, reveal: bool = False) -> Overview:
    applications = [
        a for a in report.applications if any(n.path in report.reported for n in a.notes)
    ]
    echoes = _echoes(applications, report.reported, config)
    entries = timeline.build(
        Loaded(applications=[a for a in applications if a.interview is not None]),
        now,
        config.timezone,
        timeline.timing_options(config),
    )
    return Overview(
        applications=tuple(
            _application(a, report, echoes, _secrets(a, report, reveal)) for a in applications
        ),
        timeline=tuple(e.to_dict() for e in entries),
        now=now.isoformat(timespec="minutes"),
    )


def _echoes(
    applications: list[Application], reported: set[str], config: Config
) -> dict[str, tuple[str, ...]]:
    """note path -> the points of its interview it echoes."""
    notes = [
        (note, application)
        for application in applications
        if application.interview is not None
        for note in application.notes
        if note.path in reported
    ]
    if not notes:
        return {}
    pipeline = nlp.load(config.model, ECHO_NEEDS)
    analyzer = Facts(pipeline, discover(config.rule_packs).lists).specificity
    folder = nlp.cache_folder()  # the parses `check` just kept, unless --no-cache
    docs = nlp.parse_kept(
        pipeline, [note.body for note, _ in notes], Store(folder) if folder else None
    )
    found = {}
    for (note, application), doc in zip(notes, docs, strict=True):
        interview = application.interview
        points = interview.texts("points")
        found[note.path] = analyzer.echoes(replace(note, doc=doc), points, interview)
    return found


def _secrets(application: Application, report: Report, reveal: bool) -> Secrets:
    """What the interview's texts must not show: its notes' secrets, and its
    confidential terms even when it has no note that names them."""
    joined = Secrets()
    for note in application.notes:
        found = report.secrets.get(note.path)
        if found is not None:
            joined.terms |= found.terms
            joined.words |= found.words
    if application.interview is not None and not reveal:
        extra = term_secrets(application.interview.confidential)
        joined.terms |= extra.terms
    return joined


def _application(
    application: Application,
    report: Report,
    echoes: dict[str, tuple[str, ...]],
    secrets: Secrets,
) -> ApplicationInfo:
    def masked(text: str | None) -> str | None:
        return None if text is None else secrets.in_file(text)

    notes = [n for n in application.notes if n.path in report.reported]
    interview = application.interview
    if interview is None:
        folder = notes[0].path.replace("\\", "/").rsplit("/", 1)[0] if notes else "."
        return ApplicationInfo(folder=folder, notes=tuple(_note(n, (), masked) for n in notes))
    when = interview.interviewed_at
    return ApplicationInfo(
        folder=shown(interview.folder),
        company=masked(interview.company),
        role=masked(interview.role),
        round=interview.round,
        interviewed_at=None if when is None else when.isoformat(),
        people=tuple(_person(p, notes, echoes, masked) for p in interview.interviewers),
        notes=tuple(_note(n, echoes.get(n.path, ()), masked) for n in notes),
    )


def _person(person: Interviewer, notes: list[Note], echoes, masked) -> Person:
    return Person(
        name=masked(person.name),
        title=masked(person.title),
        role=person.role,
        email=masked(person.email),
        points=tuple(
            Point(masked(p), tuple(n.path for n in notes if p in echoes.get(n.path, ())))
            for p in person.points
        ),
    )


def _note(note: Note, echoed: tuple[str, ...], masked) -> NoteInfo:
    to = note.recipient.name if note.recipient is not None else note.to
    return NoteInfo(
        path=note.path,
        to=masked(to),
        kind=note.kind,
        sent=None if note.sent is None else note.sent.isoformat(),
        echoes=tuple(masked(p) for p in echoed),
    )
