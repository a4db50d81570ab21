"""Runs the rules, one application at a time: the findings the result cache
holds are taken from it; for the rest, the notes the rules need are parsed in
one spaCy stream, each rule is asked about each reported note, its bare hits
stamped with identity, severity and position, suppressed ones dropped, and
what may be kept is cached. With `jobs` > 1, applications are shared among
forked worker processes, parse and rules together.

An exception inside one rule on one note is caught and recorded as a crash:
the run completes, and the caller turns crashes into exit status 2.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING

from notelint.analysis.facts import Facts
from notelint.core.model import Application, Finding, Hit, LineIndex, Note, Problem, Severity
from notelint.core.patterns import PatternTimeout
from notelint.engine.budget import Budget, NoteTimeout
from notelint.engine.cache import SCOPES, Entry, ResultCache, Slot, corpus_digest
from notelint.engine.suppression import Suppressions
from notelint.inputs.sources import Loaded
from notelint.nlp import parse_kept
from notelint.plugins.registry import UNREADABLE, ActiveRule
from notelint.rule import Context

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True)
class Crash:
    rule: str
    path: str
    reason: str
    traceback: str


@dataclass
class Outcome:
    findings: list[Finding] = field(default_factory=list)
    crashes: list[Crash] = field(default_factory=list)
    files: int = 0
    checked: int = 0  # notes the rules ran on (the others came from the cache)


@dataclass(frozen=True)
class Checker:
    """What checking needs: made once a run, and only when some note is not
    in the cache (a run that finds every result cached never loads spaCy)."""

    nlp: Language
    rules: list[ActiveRule]  # prepared
    facts: Facts
    keep: bool = True  # whether results may be cached (no rule failed to prepare)


@dataclass
class _Plan:
    """One application's work: the findings the cache holds, and which rules
    must run on which note (and the slots to keep their findings in)."""

    application: Application
    reported: int = 0  # its notes to report on
    cached: list[Finding] = field(default_factory=list)
    todo: dict[str, set[str]] = field(default_factory=dict)  # path -> rule slugs
    slots: dict[str, Slot] = field(default_factory=dict)  # path -> where it is kept
    held: dict[str, dict[str, Entry]] = field(default_factory=dict)  # path -> scope -> entry


@dataclass(frozen=True)
class _Settings:
    now: datetime
    timezone: str | None
    note_timeout: float
    cache: ResultCache | None


def run(
    loaded: Loaded,
    rules: list[ActiveRule],
    checker: Callable[[], Checker],
    now: datetime,
    jobs: int = 1,
    timezone: str | None = None,
    note_timeout: float = 30,
    cache: ResultCache | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Outcome:
    """The findings on `loaded`'s reported notes. Each application is a unit
    of work, parsed and checked as one: with `jobs` > 1, applications are
    shared among worker processes. `progress(done, total)` counts notes."""
    corpus = (*loaded.applications, *loaded.neighbours)
    outcome = Outcome(files=len(loaded.reported | {p.path for p in loaded.problems}))
    plans = _plans(loaded, rules, cache, corpus)
    stopped: list[Problem] = []
    for plan in plans:
        outcome.findings.extend(plan.cached)
    work = [plan for plan in plans if plan.todo]
    total = sum(plan.reported for plan in plans)
    done = total - sum(plan.reported for plan in work)
    if progress:
        progress(done, total)
    if work:
        made = checker()
        made.facts.parse_interviews(plan.application for plan in work)
        settings = _Settings(now, timezone, note_timeout, cache if made.keep else None)
        for plan, (findings, crashes, problems) in _each(work, made, corpus, settings, jobs):
            outcome.findings.extend(findings)
            outcome.crashes.extend(crashes)
            stopped.extend(problems)
            outcome.checked += len(plan.todo)
            done += plan.reported
            if progress:
                progress(done, total)
    outcome.findings.extend(_unreadable([*loaded.problems, *stopped], rules))
    outcome.findings.sort(key=lambda f: f.sort_key)
    return outcome


def _plans(loaded: Loaded, rules: list[ActiveRule], cache, corpus) -> list[_Plan]:
    """What each application with a reported note needs: without a cache,
    every rule on every reported note."""
    by_scope = {
        scope: {a.rule.slug for a in rules if a.rule.scope == scope and a.rule.slug != UNREADABLE}
        for scope in SCOPES
    }
    everything = set().union(*by_scope.values())
    everywhere = corpus_digest(corpus) if cache else ""
    plans = []
    for application in loaded.applications:
        reported = [n for n in application.notes if n.path in loaded.reported]
        if not reported:
            continue
        plan = _Plan(application, len(reported))
        plan.slots = cache.slots(application, everywhere) if cache else {}
        for note in reported:
            if cache is None:
                plan.todo[note.path] = set(everything)
                continue
            held = plan.held[note.path] = cache.get(plan.slots[note.path])
            todo: set[str] = set()
            for scope, slugs in by_scope.items():
                entry = held.get(scope)
                if not slugs:
                    continue
                if entry is None:
                    todo |= slugs
                else:
                    plan.cached.extend(entry.findings)
                    todo |= entry.clock & slugs
            if todo:
                plan.todo[note.path] = todo
        plans.append(plan)
    return plans


BATCH = 64  # notes parsed in one stream: spaCy pays per call, so applications go in batches


def _batches(work: list[_Plan]) -> list[list[int]]:
    """The plans' indices in batches of about `BATCH` notes, the largest
    applications first, so that no worker is left with a big one at the end."""
    batches: list[list[int]] = []
    size = BATCH
    for index in sorted(range(len(work)), key=lambda i: -len(work[i].application.notes)):
        if size >= BATCH:
            batches.append([])
            size = 0
        batches[-1].append(index)
        size += len(work[index].application.notes)
    return batches


def _each(work: list[_Plan], checker: Checker, corpus, settings: _Settings, jobs: int):
    """(plan, its results) for each plan, a batch of applications at a time:
    in this process, or shared among `jobs` forked workers that inherit the
    loaded pipeline and rules (one model in memory, copied on write, no load
    per worker)."""
    import multiprocessing

    batches = _batches(work)
    jobs = min(jobs, len(batches))
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for batch in batches:
            for index, results in _lint_batch([work[i] for i in batch], checker, corpus, settings):
                yield work[batch[index]], results
        return
    global _SHARED
    _SHARED = (work, checker, corpus, settings)
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            for batch, found in pool.imap_unordered(_lint_shared, batches):
                for index, results in found:
                    yield work[batch[index]], results
    finally:
        _SHARED = None


_SHARED = None  # what forked workers inherit: (work, checker, corpus, settings)


def _lint_shared(batch: list[int]):
    work, checker, corpus, settings = _SHARED
    return batch, list(_lint_batch([work[i] for i in batch], checker, corpus, settings))


def _lint_batch(plans: list[_Plan], checker: Checker, corpus, settings: _Settings):
    """(index in `plans`, its results) for each plan; the notes their rules
    need parsed in one stream (or read back from the kept parses)."""
    wanted = [_wanted(plan, checker) for plan in plans]
    store = settings.cache.store if settings.cache else None
    bodies = [note.body for notes in wanted for note in notes]
    docs = iter(parse_kept(checker.nlp, bodies, store))
    for index, (plan, notes) in enumerate(zip(plans, wanted, strict=True)):
        parsed = {note.path: next(docs) for note in notes}
        yield index, _lint(plan, parsed, checker, corpus, settings)


def _wanted(plan: _Plan, checker: Checker) -> list[Note]:
    """The notes of one application its rules need parsed: those checked,
    and all of them when a rule that compares them runs."""
    rules_of = {a.rule.slug: a for a in checker.rules}
    compares = any(
        rules_of[slug].rule.scope == "application"
        for slugs in plan.todo.values()
        for slug in slugs
        if slug in rules_of
    )
    return [n for n in plan.application.notes if compares or n.path in plan.todo]


def _lint(plan: _Plan, docs: dict, checker: Checker, corpus, settings: _Settings):
    """Run the rules one application needs on its parsed notes, keep what
    may be kept: (findings, crashes, problems)."""
    application = replace(
        plan.application,
        notes=tuple(replace(n, doc=docs.get(n.path)) for n in plan.application.notes),
    )
    findings: list[Finding] = []
    crashes: list[Crash] = []
    stopped: list[Problem] = []
    for note in application.notes:
        if note.path not in plan.todo:
            continue
        active = [a for a in checker.rules if a.rule.slug in plan.todo[note.path]]
        run = _Run(
            application,
            corpus,
            settings.now,
            settings.timezone,
            checker.facts,
            Budget(settings.note_timeout),
        )
        result = _Result()
        findings.extend(_check(note, run, active, result))
        crashes.extend(result.crashes)
        stopped.extend(result.stopped)
        if settings.cache is not None:
            _keep(settings.cache, plan, active, findings, note, result)
    return findings, crashes, stopped


def _keep(cache: ResultCache, plan: _Plan, active, findings, note: Note, result) -> None:
    """Cache the findings of each scope that was not held, unless a rule of
    it crashed or ran out of time on this note."""
    held = plan.held.get(note.path, {})
    entries = dict(held)
    for scope in SCOPES:
        slugs = {a.rule.slug for a in active if a.rule.scope == scope}
        if scope in held or not slugs or slugs & result.failed:
            continue
        clock = slugs & result.clock
        kept = tuple(
            f for f in findings if f.path == note.path and f.rule in slugs and f.rule not in clock
        )
        entries[scope] = Entry(kept, frozenset(clock))
    if entries != held:
        cache.put(plan.slots[note.path], entries)


@dataclass(frozen=True)
class _Run:
    """What every rule's context on one note is made of."""

    application: Application
    corpus: tuple[Application, ...]
    now: datetime
    timezone: str | None
    facts: Facts | None
    budget: Budget


@dataclass
class _Result:
    """What happened while the rules ran on one note, besides findings."""

    crashes: list[Crash] = field(default_factory=list)
    stopped: list[Problem] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)  # rules that crashed or were stopped
    clock: set[str] = field(default_factory=set)  # rules that read the clock


def _check(note: Note, run: _Run, rules: list[ActiveRule], result: _Result) -> Iterable[Finding]:
    """The findings of every rule on one note. A rule whose pattern runs out
    of time, or that is running when the note's budget runs out, stops; the
    note gets an `unreadable-input` finding that says so, and the run goes on."""
    lines = LineIndex.of(note.text)
    suppressions = Suppressions.of(note.text, lines)
    for index, active in enumerate(rules):
        rule = active.rule
        if rule.slug == UNREADABLE or {rule.slug, rule.code} & set(note.ignore):
            continue
        context = Context(
            run.application, run.corpus, active.options, run.now, run.timezone, run.facts
        )
        try:
            with run.budget.running():
                hits = list(rule.check(note, context))
        except PatternTimeout as timeout:
            result.stopped.append(Problem(note.path, f"rule {rule.slug} stopped: {timeout}"))
            result.failed.add(rule.slug)
            continue
        except NoteTimeout:
            skipped = [r.rule.slug for r in rules[index + 1 :] if r.rule.slug != UNREADABLE]
            result.stopped.append(
                Problem(
                    note.path,
                    f"checking stopped after {run.budget.seconds:g} s (option note_timeout), "
                    f"in rule {rule.slug}"
                    + (f"; not checked: {', '.join(skipped)}" if skipped else ""),
                )
            )
            result.failed |= {rule.slug, *skipped}
            return
        except Exception as error:  # one broken rule must not stop the run
            result.crashes.append(
                Crash(
                    rule.slug, note.path, f"{type(error).__name__}: {error}", traceback.format_exc()
                )
            )
            result.failed.add(rule.slug)
            continue
        finally:
            if context.read_clock:
                result.clock.add(rule.slug)
        for hit in hits:
            finding = _finding(note, lines, hit, active)
            if not suppressions.silences(finding.line, rule.slug, rule.code):
                yield finding


def _finding(note: Note, lines: LineIndex, hit: Hit, active: ActiveRule) -> Finding:
    offset = (lambda at: at) if hit.in_file else note.file_offset
    start = None if hit.start is None else offset(hit.start)
    end = None if hit.end is None else offset(hit.end)
    if start is None or end is None or end < start:
        start, end = _first_body_line(note)
    line, column = lines.position(start)
    end_line, end_column = lines.position(end)
    severity = active.severity
    if hit.severity is not None and hit.severity.rank < severity.rank:
        severity = hit.severity  # a rule may soften a hit, never harden it
    sensitive = hit.sensitive and not active.options.get("reveal", False)
    secret = None  # masked by the report's one redaction step
    if sensitive and hit.start is not None and hit.end is not None:
        written = note.text if hit.in_file else note.body
        secret = written[hit.start : hit.end].strip() or None
    return Finding(
        path=note.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        rule=active.rule.slug,
        code=active.rule.code,
        severity=severity,
        message=hit.message,
        fix=hit.fix,
        sensitive=sensitive,
        secret=secret,
    )


_CONTENT_LINE = re.compile(r"[^\s][^\r\n]*")


def _first_body_line(note: Note) -> tuple[int, int]:
    """The span of the note's first line with text: where whole-note findings go."""
    if note.body_map is None:
        match = _CONTENT_LINE.search(note.body)
        if match:
            return note.body_start + match.start(), note.body_start + match.end()
        return note.body_start, note.body_start
    match = _CONTENT_LINE.search(note.text, note.body_start)
    return (match.start(), match.end()) if match else (note.body_start, note.body_start)


def _unreadable(problems: list[Problem], rules: list[ActiveRule]) -> Iterable[Finding]:
    active = next((r for r in rules if r.rule.slug == UNREADABLE), None)
    if active is None:
        return
    for problem in problems:
        yield Finding(
            path=problem.path,
            line=problem.line,
            column=1,
            end_line=problem.line,
            end_column=1,
            rule=UNREADABLE,
            code=active.rule.code,
            severity=active.severity,
            message=problem.message,
        )


def fails(findings: Iterable[Finding], threshold: Severity) -> bool:
    return any(f.severity.rank >= threshold.rank for f in findings)
