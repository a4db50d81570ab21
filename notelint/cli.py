"""The command line: `notelint check`, `rules`, `explain`, `timeline`, `init`
and `server` (the language server, in `notelint.lsp`).

Exit status: 0 nothing at or above --fail-on; 1 findings at or above it;
2 the run itself failed (bad option, bad config, a rule that crashed).
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import traceback
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, time
from pathlib import Path

import click

from notelint import __version__, nlp
from notelint.config import FORMATS, Config, ConfigError, discover, load, parse_severity
from notelint.core.display import plural as _count
from notelint.core.display import printable
from notelint.inputs.ignores import Patterns
from notelint.inputs.schema import InputError, parse_when
from notelint.nlp import ModelError
from notelint.plugins.packs import PackError
from notelint.report import statistics as stats
from notelint.report.progress import Progress

EXIT_CLEAN, EXIT_FINDINGS, EXIT_FAILED = 0, 1, 2


def _say(line: str) -> None:
    """One line on stderr, its control characters escaped: a path with a
    line break cannot forge a line ("::error file=...") in a CI log."""
    click.echo(printable(line), err=True)


def _fail(message: str) -> None:
    """Each line of `message` (a configuration may have several mistakes) on
    stderr; exit 2."""
    for line in message.splitlines() or [""]:
        _say(f"notelint: error: {line}")
    sys.exit(EXIT_FAILED)


def _names(ctx, param, value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(n.strip() for n in value.split(",") if n.strip())


def _now(ctx, param, value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        when = parse_when(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date (2026-11-20) or date-time") from None
    return when if isinstance(when, datetime) else datetime.combine(when, time())


def _severity(ctx, param, value: str | None):
    if value == "suggestion":  # Vale's name for the lowest level
        value = "info"
    return None if value is None else parse_severity(value)


_TEXT_OR_JSON = click.option(
    "--format",
    "--output-format",
    "format_",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="notelint")
def main() -> None:
    """A linter for the notes a job candidate sends after an interview."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, allow_dash=True))
@click.option(
    "--format",
    "--output-format",
    "format_",
    type=click.Choice(FORMATS),
    help="Output format [default: text].",
)
@click.option(
    "--stdin-filename",
    type=click.Path(dir_okay=False),
    help="Lint standard input ('-') as if it were this file, in its folder's context.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the report to FILE.",
)
@click.option(
    "--select", callback=_names, help="Only these rules (comma list of slugs, codes or prefixes)."
)
@click.option(
    "--ignore", callback=_names, help="Skip these rules (comma list of slugs, codes or prefixes)."
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(exists=True, dir_okay=False),
    help="Use this configuration file.",
)
@click.option("--now", callback=_now, help="Reference time for timing rules [default: the clock].")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    callback=_severity,
    help="Lowest severity that fails the run [default: warning].",
)
@click.option(
    "--min-severity",
    "--minAlertLevel",
    "min_severity",
    type=click.Choice(["error", "warning", "info", "suggestion"]),
    callback=_severity,
    help="Report nothing below this severity ('suggestion': info, as Vale says) [default: info].",
)
@click.option(
    "--exit-zero",
    is_flag=True,
    help="Exit 0 even when findings fail the run (a run that failed still exits 2).",
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    help="Colour the text report: auto honours NO_COLOR, FORCE_COLOR and TERM=dumb [default: auto].",
)
@click.option(
    "--force-exclude/--no-force-exclude",
    default=None,
    help="Apply exclude (and .gitignore) to files named on the command line too.",
)
@click.option(
    "--show-settings",
    is_flag=True,
    help="Print the settings in force for PATHS and where each came from; check nothing.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(0),
    help="Processes that check applications side by side; 0: one per core [default: 1].",
)
@click.option("--model", help="spaCy pipeline to use, or 'blank' [default: en_core_web_sm].")
@click.option("--quiet", "-q", is_flag=True, help="Findings only: no source lines, no summary.")
@click.option(
    "--show-confidential",
    is_flag=True,
    help="Show confidential matches in clear instead of masked.",
)
@click.option("--verbose", "-v", is_flag=True, help="Show tracebacks of rules that crashed.")
@click.option(
    "--fix", is_flag=True, help="Apply the safe fixes to the files, then report what remains."
)
@click.option(
    "--diff",
    "show_diff",
    is_flag=True,
    help="Print the safe fixes as a unified diff; write nothing.",
)
@click.option(
    "--statistics",
    is_flag=True,
    help="Show counts per rule (and per application) instead of each finding.",
)
@click.option(
    "--no-cache", is_flag=True, help="Neither read nor write the cache of results and parses."
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar on stderr [default: on a terminal, for runs of more than 2 s].",
)
def check(
    paths: Sequence[str],
    format_,
    stdin_filename,
    output,
    select,
    ignore,
    config_file,
    now,
    fail_on,
    min_severity,
    exit_zero,
    color,
    force_exclude,
    show_settings,
    jobs,
    model,
    quiet,
    show_confidential,
    verbose,
    fix,
    show_diff,
    statistics,
    no_cache,
    progress,
) -> None:
    """Lint the notes in PATHS (files or folders; default ".")."""
    from notelint.app.runner import RunOptions, run

    given = _stdin(paths, stdin_filename)  # path -> bytes: standard input, read once
    paths = tuple(given) or paths
    overrides = dict(
        format=format_,
        select=select,
        ignore=ignore,
        fail_on=fail_on,
        min_severity=min_severity,
        force_exclude=force_exclude,
        jobs=jobs,
        model=model,
    )
    paths = tuple(paths or (".",))
    groups = _guarded(lambda: _configs(paths, config_file, overrides), verbose)
    if show_settings:
        _show_settings(groups)
        return
    formats = sorted({config.format for config, _ in groups})
    if len(formats) > 1:
        _fail(
            f"the configurations of these paths ask for different formats ({', '.join(formats)}); pass --format"
        )
    if output:
        groups = [(_without(config, Path(output)), members) for config, members in groups]
    folder = None if no_cache else nlp.default_cache_folder(groups[0][0].cache_dir)
    nlp.keep_in(folder)
    options = RunOptions(now=now or _clock(), show_confidential=show_confidential, cache_dir=folder)

    def checked():  # standard input as it stands (--fix changes it)
        with Progress.on_stderr(progress) as bar:
            shown = replace(options, progress=bar.advance if bar else None, overrides=dict(given))
            return _guarded(lambda: run(groups, shown), verbose)

    report = checked()
    config = groups[0][0]
    if show_diff:
        _diff(report, output, given, exit_zero)
    if fix:
        report = _fix(report, checked, given)
    if fix and given:  # the fixed text goes to stdout, as ruff does; the report to stderr
        sys.stdout.buffer.write(next(iter(given.values())))
        sys.stdout.flush()
    beside = sys.stderr if fix and given else sys.stdout
    with _output(output, beside) as stream:
        if statistics and config.format == "text":
            stats.write(report, stream)
        else:
            context = _html_context(report, config, options) if config.format == "html" else {}
            report.write(
                stream,
                config.format,
                quiet=quiet,
                fail_on=config.fail_on,
                color=_colour(color, output),
                fixable_paths=_fixable_paths(report, given) if config.format == "text" else None,
                **context,
            )
            if statistics:
                stats.write(report, beside if output else sys.stderr)
    _errors(report, verbose)
    if not report.files and not report.findings:
        from notelint.inputs.notes import NOTE_SUFFIXES

        _say(
            f"notelint: warning: no notes found in {' '.join(paths)} (notelint reads "
            f"{', '.join(NOTE_SUFFIXES[:-1])} and {NOTE_SUFFIXES[-1]} files)"
        )
    sys.exit(EXIT_FINDINGS if report.failing and not exit_zero else EXIT_CLEAN)


def _colour(choice: str, output: str | None) -> bool | None:
    """Whether the text report is coloured: True, False, or None for "if
    stdout is a terminal". As Python's own (3.13) and no-color.org: the
    option first, then NO_COLOR (any non-empty value), FORCE_COLOR,
    TERM=dumb. A report written to --output is coloured only when asked."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or output is not None:
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return None


def _without(config: Config, output: Path) -> Config:
    """`config` leaving out the report file: a report saved among the notes
    is not read as one of them."""
    where = output.absolute()
    pattern = "/" + re.sub(r"([\\*?\[\]!# ])", r"\\\1", where.name)
    return replace(config, exclude=(*config.exclude, Patterns((pattern,), where.parent.resolve())))


def _show_settings(groups: list[tuple[Config, list[str]]]) -> None:
    from notelint.app.settings import render

    for config, members in groups:
        for path in members:
            click.echo(render(config, path))


def _html_context(report, config, options) -> dict:
    """The HTML page's context beyond the findings: interviewers, echoes, timeline."""
    from notelint.app import overview

    return {
        "overview": _guarded(
            lambda: overview.build(report, config, options.now, options.show_confidential),
            verbose=False,
        )
    }


STDIN_PATHS = ("-", "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0")


def _stdin(paths: Sequence[str], name: str | None) -> dict[str, bytes]:
    """Standard input, read once, under the name it is linted as: `-` (or
    /dev/stdin) alone, or `--stdin-filename` with no paths. Without a name it
    is `-`: a Markdown note with no interview context."""
    from notelint.inputs.sources import STDIN

    if not any(p in STDIN_PATHS for p in paths):
        if name is None:
            return {}
        if paths:
            _fail("--stdin-filename goes with '-' (standard input), not with other paths")
    elif len(paths) > 1:
        _fail("'-' (standard input) cannot be combined with other paths")
    return {name or STDIN: sys.stdin.buffer.read()}


def _clock() -> datetime:
    """Now, with the machine's zone: each application's timing policy
    converts it into the application's own zone."""
    return datetime.now().astimezone()


def _guarded(work, verbose: bool):
    """Run `work`; a run that cannot go on becomes one line and exit 2."""
    try:
        return work()
    except (ConfigError, PackError, ModelError, InputError) as error:
        _fail(str(error))
    except Exception as error:  # noqa: BLE001 - the last guard: one line, exit 2
        if verbose:
            traceback.print_exc()
        _fail(f"internal error: {type(error).__name__}: {error} (run with --verbose for details)")


@contextlib.contextmanager
def _output(path: str | None, default=None):
    """The report's stream: stdout (or `default`), or FILE (a folder that is
    not there, or a file that cannot be written, is one line and exit 2)."""
    if path is None:
        yield default or sys.stdout
        return
    try:
        stream = open(path, "w", encoding="utf-8")
    except OSError as error:
        _fail(f"cannot write {path}: {error.strerror or error}")
    with stream:
        yield stream


def _diff(report, output: str | None, given: dict[str, bytes], exit_zero: bool) -> None:
    """--diff: the safe fixes as a unified diff; nothing written. Exit 1 when
    there is something to fix, as ruff does."""
    from notelint.app import fixes

    planned = _planned_fixes(report, given)
    with _output(output) as stream:
        stream.write(fixes.diff(planned))
    for reason in planned.skipped:
        _say(f"notelint: {reason}")
    _say(
        f"notelint: would fix {_count(planned.count, 'finding')} in {_count(len(planned.files), 'file')}"
    )
    _errors(report, verbose=False)
    sys.exit(EXIT_FINDINGS if planned.files and not exit_zero else EXIT_CLEAN)


def _fixable_paths(report, given: dict[str, bytes]) -> set[str]:
    """The files whose fixes `--fix` would write (not an encoded e-mail body,
    a read-only file or a link out): the text format marks their fixes."""
    if not any(f.fix is not None for f in report.findings):
        return set()
    return {file.path for file in _planned_fixes(report, given).files}


def _planned_fixes(report, given: dict[str, bytes]):
    """The safe fixes of a report, shown with the report's own redaction."""
    from notelint.app import fixes
    from notelint.report.formatters.common import fixable_rules

    fixable = fixable_rules(report.rules)
    return fixes.plan(
        report.findings, report.sources, fixable, report.shown, report.secrets, report.roots, given
    )


def _fix(report, recheck, given: dict[str, bytes]):
    """--fix: apply the safe fixes, check again, and again while fixes remain
    (one that overlapped another is applied in the next pass). A `given`
    text (standard input) is fixed in place of the file, which is not written."""
    from notelint.app import fixes

    fixed, files = 0, set()
    for _ in range(fixes.MAX_PASSES):
        planned = _planned_fixes(report, given)
        for reason in planned.skipped:
            _say(f"notelint: {reason}")
        if not planned.files:
            break
        for file in planned.files:
            try:
                if file.path in given:
                    given[file.path] = file.data
                else:
                    fixes.write(file)
            except OSError as error:
                _fail(f"{file.path}: cannot write the fixes: {error.strerror or error}")
            fixed += len(file.applied)
            files.add(file.path)
        report = recheck()
    else:
        _say(f"notelint: warning: fixes still apply after {fixes.MAX_PASSES} passes")
    if fixed:
        _say(f"notelint: fixed {_count(fixed, 'finding')} in {_count(len(files), 'file')}")
    return report


def _errors(report, verbose: bool) -> None:
    for message in report.errors:
        _say(f"notelint: error: {message}")
    for crash in report.crashes:
        _say(f"notelint: error: rule '{crash.rule}' crashed on {crash.path}: {crash.reason}")
        if verbose:
            click.echo(crash.traceback, err=True)
    if report.errors or report.crashes:
        sys.exit(EXIT_FAILED)


def _configs(
    paths: Sequence[str], config_file: str | None, overrides: dict
) -> list[tuple[Config, list[str]]]:
    """Each path with the configuration that governs it (the nearest one,
    unless --config names one), command-line options on top."""
    groups: dict[Path | None, list[str]] = {}
    for path in paths:
        found = Path(config_file) if config_file else discover(Path(path))
        groups.setdefault(found, []).append(path)
    return [(load(found).merged(**overrides), members) for found, members in groups.items()]


@main.command()
@click.option(
    "--config",
    "config_file",
    type=click.Path(exists=True, dir_okay=False),
    help="Use this configuration file.",
)
@_TEXT_OR_JSON
def rules(config_file: str | None, format_: str) -> None:
    """List every rule: code, slug, default severity, summary."""
    registry = _registry(config_file)
    listed = sorted(registry.rules.values(), key=lambda r: r.code)
    if format_ == "json":
        import json

        from notelint.core.links import rule_url

        document = [
            {
                "code": rule.code,
                "slug": rule.slug,
                "severity": str(rule.severity),
                "scope": rule.scope,
                "fixable": bool(rule.fixable),
                "summary": rule.summary(),
                "url": rule_url(rule),
            }
            for rule in listed
        ]
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
        return
    width = max(len(r.slug) for r in listed)
    for rule in listed:
        click.echo(f"{rule.code:<6} {rule.slug:<{width}}  {rule.severity:<7}  {rule.summary()}")


@main.command()
@click.argument("rule")
@click.option(
    "--config",
    "config_file",
    type=click.Path(exists=True, dir_okay=False),
    help="Use this configuration file.",
)
def explain(rule: str, config_file: str | None) -> None:
    """Show a rule's rationale, examples and options."""
    registry = _registry(config_file)
    try:
        found = registry.find(rule)
    except ConfigError as error:
        _fail(str(error))
    click.echo(
        f"{found.slug} ({found.code}, default severity {found.severity}, scope {found.scope})\n"
    )
    click.echo(found.doc())
    if found.options:
        click.echo("\nDefaults:")
        for name, default in found.defaults().items():
            click.echo(f"  {name}: {default}")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--now", callback=_now, help="Reference time [default: the clock].")
@_TEXT_OR_JSON
def timeline(paths: Sequence[str], now, format_) -> None:
    """Show, per application, which notes went when and what is due next."""
    import json

    from notelint.app import timeline as timelines

    now = now or _clock()
    paths = tuple(paths or (".",))
    config = _guarded(lambda: load(discover(Path(paths[0]))), verbose=False)
    loaded = _guarded(lambda: timelines.load(paths, config), verbose=False)
    options = _guarded(lambda: timelines.timing_options(config), verbose=False)
    entries = _guarded(
        lambda: timelines.build(loaded, now, config.timezone, options), verbose=False
    )
    for problem in loaded.problems:
        _say(f"notelint: warning: {problem.path}:{problem.line}: {problem.message}")
    if format_ == "json":
        click.echo(
            json.dumps(
                timelines.to_json(entries, now, config.timezone), indent=2, ensure_ascii=False
            )
        )
    else:
        click.echo(timelines.render_text(entries, now, config.timezone), nl=False)


@main.command()
@click.argument("folder", default=".", type=click.Path(file_okay=False))
@click.option(
    "--from",
    "invite",
    type=click.Path(exists=True, dir_okay=False),
    help="A calendar invite (.ics) to read the interview from.",
)
@click.option("--me", help="Your e-mail, left out of the interviewers [default: git's user.email].")
@click.option("--company", help="The company [default: from the invite].")
@click.option("--role", "job", help="The job you applied for.")
@click.option("--interviewed-at", help="When the interview was (2026-11-20T14:00).")
@click.option("--timezone", help="The IANA time zone of the interview [default: the invite's].")
@click.option(
    "--interviewer",
    "people",
    multiple=True,
    help="'Name <e-mail>' of someone you met (repeat it); adds to the invite's.",
)
@click.option(
    "--interactive/--no-interactive",
    default=None,
    help="Ask for what is missing [default: when stdin is a terminal].",
)
def init(folder, invite, me, company, job, interviewed_at, timezone, people, interactive) -> None:
    """Scaffold FOLDER (default ".") for one application: interview.yaml and a note stub per interviewer."""
    from notelint.app import scaffold

    interactive = sys.stdin.isatty() if interactive is None else interactive
    try:
        plan = scaffold.gather(
            invite=Path(invite) if invite else None,
            me=me,
            company=company,
            role=job,
            interviewed_at=interviewed_at,
            timezone=timezone,
            people=people,
            ask=click.prompt if interactive else None,
        )
    except InputError as error:
        _fail(str(error))
    for warning in plan.warnings:
        _say(f"notelint: warning: {warning}")
    try:
        written = scaffold.write(Path(folder), plan.scaffold.files())
    except FileExistsError as error:
        there = error.args[0]
        verb = "exists" if len(there) == 1 else "exist"
        _fail(f"{', '.join(map(str, there))} already {verb}; notelint init never overwrites a file")
    except OSError as error:
        _fail(f"cannot write in {folder}: {error.strerror or error}")
    for path in written:
        click.echo(f"created {printable(str(path))}")


@main.command()
def server() -> None:
    """Run the language server over stdio, for editors (README: "In the editor")."""
    from notelint.lsp.server import serve

    serve()


def _registry(config_file: str | None):
    from notelint.plugins.registry import discover as discover_rules

    try:
        config = load(Path(config_file) if config_file else discover(Path(".")))
        registry = discover_rules(config.rule_packs)
    except (ConfigError, PackError) as error:
        _fail(str(error))
    for message in registry.errors:
        _say(f"notelint: warning: {message}")
    return registry
