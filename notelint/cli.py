"""The command line: `notelint check`, `rules` and `explain`.

Exit status: 0 nothing at or above --fail-on; 1 findings at or above it;
2 the run itself failed (bad option, bad config, a rule that crashed).
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Sequence
from datetime import date, datetime, time
from pathlib import Path

import click

from notelint import __version__
from notelint.config import FORMATS, Config, ConfigError, discover, load, parse_severity
from notelint.packs import PackError
from notelint.schema import InputError, parse_when

EXIT_CLEAN, EXIT_FINDINGS, EXIT_FAILED = 0, 1, 2


class RunFailed(Exception):
    """The run cannot go on: one line to stderr, exit 2."""


def _fail(message: str) -> None:
    click.echo(f"notelint: error: {message}", err=True)
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
    return None if value is None else parse_severity(value)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="notelint")
def main() -> None:
    """A linter for the notes a job candidate sends after an interview."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--format", "format_", type=click.Choice(FORMATS), help="Output format [default: text].")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the report to FILE.")
@click.option("--select", callback=_names, help="Only these rules (comma list of slugs or codes).")
@click.option("--ignore", callback=_names, help="Skip these rules (comma list of slugs or codes).")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False), help="Use this configuration file.")
@click.option("--now", callback=_now, help="Reference time for timing rules [default: the clock].")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), callback=_severity, help="Lowest severity that fails the run [default: warning].")
@click.option("--jobs", "-j", type=click.IntRange(1), help="Processes that parse notes [default: 1].")
@click.option("--model", help="spaCy pipeline to use, or 'blank' [default: en_core_web_sm].")
@click.option("--quiet", "-q", is_flag=True, help="Findings only: no source lines, no summary.")
@click.option("--show-confidential", is_flag=True, help="Show confidential matches in clear instead of masked.")
@click.option("--verbose", "-v", is_flag=True, help="Show tracebacks of rules that crashed.")
def check(paths: Sequence[str], format_, output, select, ignore, config_file, now, fail_on, jobs, model, quiet, show_confidential, verbose) -> None:
    """Lint the notes in PATHS (files or folders; default ".")."""
    from notelint.runner import RunOptions, run

    overrides = dict(format=format_, select=select, ignore=ignore, fail_on=fail_on, jobs=jobs, model=model)
    try:
        groups = _configs(paths or (".",), config_file, overrides)
        report = run(groups, RunOptions(
            now=now or datetime.now().astimezone().replace(tzinfo=None),
            show_confidential=show_confidential,
        ))
    except (ConfigError, PackError, InputError, RunFailed) as error:
        _fail(str(error))
    except Exception as error:  # noqa: BLE001 - the last guard: one line, exit 2
        if verbose:
            traceback.print_exc()
        _fail(f"internal error: {type(error).__name__}: {error} (run with --verbose for details)")
    config = groups[0][0]
    stream = open(output, "w", encoding="utf-8") if output else click.get_text_stream("stdout")
    try:
        report.write(stream, config.format, quiet=quiet)
    finally:
        if output:
            stream.close()
    for message in report.errors:
        click.echo(f"notelint: error: {message}", err=True)
    for crash in report.crashes:
        click.echo(f"notelint: error: rule '{crash.rule}' crashed on {crash.path}: {crash.reason}", err=True)
        if verbose:
            click.echo(crash.traceback, err=True)
    if report.errors or report.crashes:
        sys.exit(EXIT_FAILED)
    sys.exit(EXIT_FINDINGS if report.fails(config.fail_on) else EXIT_CLEAN)


def _configs(paths: Sequence[str], config_file: str | None, overrides: dict) -> list[tuple[Config, list[str]]]:
    """Each path with the configuration that governs it (the nearest one,
    unless --config names one), command-line options on top."""
    groups: dict[Path | None, list[str]] = {}
    for path in paths:
        found = Path(config_file) if config_file else discover(Path(path))
        groups.setdefault(found, []).append(path)
    return [(load(found).merged(**overrides), members) for found, members in groups.items()]


@main.command()
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False), help="Use this configuration file.")
def rules(config_file: str | None) -> None:
    """List every rule: code, slug, default severity, summary."""
    registry = _registry(config_file)
    width = max(len(r.slug) for r in registry.rules.values())
    for rule in sorted(registry.rules.values(), key=lambda r: r.code):
        click.echo(f"{rule.code:<6} {rule.slug:<{width}}  {rule.severity:<7}  {rule.summary()}")


@main.command()
@click.argument("rule")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False), help="Use this configuration file.")
def explain(rule: str, config_file: str | None) -> None:
    """Show a rule's rationale, examples and options."""
    registry = _registry(config_file)
    try:
        found = registry.find(rule)
    except ConfigError as error:
        _fail(str(error))
    click.echo(f"{found.slug} ({found.code}, default severity {found.severity}, scope {found.scope})\n")
    click.echo(found.doc())
    if found.options:
        click.echo("\nDefaults:")
        for name, default in found.options.items():
            click.echo(f"  {name}: {default!r}")


def _registry(config_file: str | None):
    from notelint.registry import discover as discover_rules

    try:
        config = load(Path(config_file) if config_file else discover(Path(".")))
        registry = discover_rules(config.rule_packs)
    except (ConfigError, PackError) as error:
        _fail(str(error))
    for message in registry.errors:
        click.echo(f"notelint: warning: {message}", err=True)
    return registry
