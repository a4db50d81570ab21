"""One `check` run from configured paths to a report: find the rules, load
the pipeline they need, load the notes, run the engine, merge the groups."""

from __future__ import annotations

import inspect
import os
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import IO

import notelint
from notelint import __version__, nlp
from notelint.analysis.facts import Facts
from notelint.app import selection
from notelint.config import Config, ConfigError
from notelint.core.model import Application, Finding
from notelint.engine import linter
from notelint.engine.cache import ResultCache
from notelint.engine.suppression import unknown_rules
from notelint.inputs import sources
from notelint.inputs.interview import confidential_of
from notelint.plugins import packs
from notelint.plugins.registry import ActiveRule, Registry, discover
from notelint.report.formatters import Summary, formatter
from notelint.report.redaction import Secrets, redact


@dataclass(frozen=True)
class RunOptions:
    now: datetime
    show_confidential: bool = False  # sets every rule's `reveal` option
    cache_dir: Path | None = None  # None: no result cache
    progress: Callable[[int, int], None] | None = None  # told (notes done, notes in all)
    # path -> bytes read instead of that file (standard input, an editor's buffer)
    overrides: Mapping[str | Path, bytes] = field(default_factory=dict)


@dataclass
class _Setup:
    """A configuration's rules, and once a note needs checking, the checker
    made of them (the pipeline, the rules prepared, the run's first facts)."""

    registry: Registry
    active: list[ActiveRule]
    made: linter.Checker | None = None
    crashes: list[linter.Crash] = field(default_factory=list)  # rules that failed to prepare


@dataclass
class Session:
    """What a caller that runs many times (the language server) keeps between
    runs: each configuration's rules, discovered and prepared once, and the
    interview files parsed (reused while their bytes are the same). Call
    `clear` when a configuration or a rule pack may have changed."""

    setups: dict[str, _Setup] = field(default_factory=dict)
    interviews: dict = field(default_factory=dict)

    def clear(self) -> None:
        self.setups.clear()


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    crashes: list[linter.Crash] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    files: int = 0
    checked: int = 0  # notes the rules ran on; the others' findings came from the cache
    sources: dict[str, str] = field(default_factory=dict)  # path -> file text (for --fix)
    shown: dict[str, str] = field(default_factory=dict)  # the same, sensitive text masked
    secrets: dict[str, Secrets] = field(default_factory=dict)  # path -> what was masked
    rules: list = field(default_factory=list)
    applications: list[Application] = field(default_factory=list)  # for --statistics
    reported: set[str] = field(default_factory=set)  # the paths reported on
    # The files and folders named on the command line: --fix stays inside them.
    roots: list[str] = field(default_factory=list)

    failing: bool = False  # a finding at or above its configuration's fail_on

    def write(self, stream: IO[str], format_: str, **options) -> None:
        """Report in `format_`. `run` redacted the report once: formatters
        see no sensitive text, in a message or a snippet."""
        out = formatter(format_, stream, rules=self.rules, sources=self.shown, **options)
        out.start()
        for finding in self.findings:
            out.handle(finding)
        out.finish(Summary(self.files, self.findings))


def run(
    groups: list[tuple[Config, list[str]]], options: RunOptions, session: Session | None = None
) -> Report:
    report = Report()
    terms: dict[str, tuple[str, ...]] = {}  # path -> the confidential terms to mask
    for config, paths in groups:
        report.roots.extend(paths)
        key = repr((config, options.show_confidential))
        setup = session.setups.get(key) if session else None
        if setup is None:
            setup = _set_up(config, options)
            if session is not None:
                session.setups[key] = setup
        registry, active = setup.registry, setup.active
        report.errors.extend(e for e in registry.errors if e not in report.errors)
        requires = frozenset().union(*(a.rule.requires for a in active))
        compares = any(a.rule.scope != "note" for a in active)
        loaded = sources.load(
            paths,
            exclude=config.exclude,
            max_file_size=config.max_file_size,
            max_note_chars=config.max_note_chars,
            context=compares,
            neighbours=_repository(config, paths)
            if any(a.rule.scope == "corpus" for a in active)
            else None,
            overrides=options.overrides,
            parsed=session.interviews if session else None,
            gitignore=config.respect_gitignore,
            force_exclude=config.force_exclude,
            top=config.source.parent if config.source else None,
        )
        known = {name for rule in registry.rules.values() for name in (rule.slug, rule.code)}
        loaded.problems.extend(
            problem
            for application in loaded.applications
            for note in application.notes
            if note.path in loaded.reported
            for problem in unknown_rules(note, known)
        )

        def checker(config=config, setup=setup, requires=requires):
            if setup.made is None:
                pipeline = nlp.load(config.model, requires)
                lists = setup.registry.lists
                prepared = [a for a in setup.active if _prepared(a, pipeline, lists, setup.crashes)]
                facts = Facts(pipeline, lists)
                keep = len(prepared) == len(setup.active)
                setup.made = linter.Checker(pipeline, prepared, facts, keep=keep)
            report.crashes.extend(setup.crashes)
            return replace(setup.made, facts=setup.made.facts.for_next_run())

        cache = None
        if options.cache_dir is not None:
            cache = ResultCache(options.cache_dir, _settings(config, active, requires))
        outcome = linter.run(
            loaded,
            active,
            checker,
            options.now,
            config.jobs or _cores(),
            config.timezone,
            config.note_timeout,
            cache,
            options.progress,
        )
        findings = selection.kept(outcome.findings, config, registry)
        report.findings.extend(findings)
        report.failing |= linter.fails(findings, config.fail_on)
        report.crashes.extend(outcome.crashes)
        report.files += outcome.files
        report.checked += outcome.checked
        listed = {r.slug for r in report.rules}
        report.rules.extend(a.rule for a in active if a.rule.slug not in listed)
        report.applications.extend(loaded.applications)
        if not any(a.options.get("reveal") for a in active):  # --show-confidential
            terms.update(_confidential_terms(loaded))
        report.reported |= loaded.reported
        for application in loaded.applications:
            report.sources.update((n.path, n.text) for n in application.notes)
    report.findings.sort(key=lambda f: f.sort_key)
    report.findings, report.shown, report.secrets = redact(report.findings, report.sources, terms)
    report.crashes = [_masked_crash(c, report.secrets) for c in report.crashes]
    return report


def _cores() -> int:
    """The cores this process may run on (`jobs: 0`)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _settings(config: Config, active, requires: frozenset[str]) -> str:
    """What a run's results depend on besides the notes: notelint's code and
    version, the configuration, each enabled rule (its code and options) and
    the word lists, and the pipeline (named without loading it)."""
    rules = sorted(
        (a.rule.slug, a.rule.code, str(a.severity), repr(sorted(a.options.items())), _code(a.rule))
        for a in active
    )
    # what only reports or filters what was found: not part of a result
    unread = {
        "format",
        "jobs",
        "cache_dir",
        "source",
        "origins",
        "extends",
        "min_severity",
        "per_file_ignores",
    }
    settings = {f: getattr(config, f) for f in config.__dataclass_fields__ if f not in unread}
    return "\n".join(
        (
            __version__,
            _code(notelint),
            nlp.identity(config.model, requires),
            repr(settings),
            *map(repr, rules),
            packs.fingerprint(config.rule_packs),
        )
    )


def _code(thing) -> str:
    """The sizes and times of the source files of a package, or of the file
    that defines a plugin's rule: a changed notelint or plugin is a new
    cache, whatever its version says."""
    where = Path(inspect.getfile(thing if inspect.ismodule(thing) else type(thing)))
    files = sorted(where.parent.rglob("*.py")) if where.name == "__init__.py" else [where]
    return ";".join(f"{f.name}:{s.st_size}:{s.st_mtime_ns}" for f in files for s in [f.stat()])


def _masked_crash(crash: linter.Crash, secrets: dict[str, Secrets]) -> linter.Crash:
    """A crash as stderr may show it: an exception's message can quote the note."""
    found = secrets.get(crash.path)
    if found is None:
        return crash
    return replace(
        crash, reason=found.in_message(crash.reason), traceback=found.in_file(crash.traceback)
    )


def _confidential_terms(loaded: sources.Loaded) -> dict[str, tuple[str, ...]]:
    """path -> the confidential terms its outputs must mask: each note's
    interview's, and for a file that could not be read (its message may
    quote it), those of the interview.yaml of its folder."""
    terms = {
        note.path: application.interview.confidential
        for application in loaded.applications
        if application.interview is not None and application.interview.confidential
        for note in application.notes
    }
    for problem in loaded.problems:
        if problem.path not in terms:
            found = confidential_of(Path(problem.path).parent)
            if found:
                terms[problem.path] = found
    return terms


def _repository(config: Config, paths: list[str]) -> Path | None:
    """Where the applications a note may be compared with live: the folder of
    its configuration file, else its git repository."""
    if config.source is not None:
        return config.source.parent
    return sources.git_root(Path(paths[0])) if paths else None


def _set_up(config: Config, options: RunOptions) -> _Setup:
    registry = discover(config.rule_packs)
    active = registry.active(config)
    if options.show_confidential:
        for rule in active:
            if "reveal" in rule.options:
                rule.options["reveal"] = True
    return _Setup(registry, active)


def _prepared(active, pipeline, lists, crashes: list[linter.Crash]) -> bool:
    """Prepare a rule; one that fails is reported as crashed and left out."""
    try:
        active.rule.prepare(pipeline, active.options, lists)
    except ConfigError:
        raise  # a rule that rejects its configured options: the run stops, exit 2
    except Exception as error:  # a broken plugin must not stop the run
        crashes.append(
            linter.Crash(
                active.rule.slug,
                "(setup)",
                f"{type(error).__name__}: {error}",
                traceback.format_exc(),
            )
        )
        return False
    return True
