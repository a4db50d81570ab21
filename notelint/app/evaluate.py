"""Precision and recall of every rule on a labeled corpus.

    python -m notelint.app.evaluate tests/corpus [--rule SLUG] [--show]

Each application folder holds an `expected.yaml` naming, for every note, the
rules that must fire on it (a warning or an error); see tests/corpus/README.md.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import click
import yaml

from notelint.app.runner import RunOptions, run
from notelint.config import Config
from notelint.core.model import Severity

LABELS = "expected.yaml"
NOW = datetime(2027, 1, 15, 12, 0)  # after every note of the corpus


@dataclass
class Score:
    true_positives: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = len(self.true_positives) + len(self.false_positives)
        return len(self.true_positives) / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = len(self.true_positives) + len(self.false_negatives)
        return len(self.true_positives) / wanted if wanted else 1.0


def labels(corpus: Path) -> dict[str, set[str]]:
    """note path (as the run shows it) -> the rules that must fire on it."""
    expected: dict[str, set[str]] = {}
    for labels_file in sorted(corpus.rglob(LABELS)):
        for name, rules in (yaml.safe_load(labels_file.read_text(encoding="utf-8")) or {}).items():
            expected[str(labels_file.parent / name)] = set(rules or ())
    return expected


def evaluate(corpus: Path, config: Config | None = None) -> dict[str, Score]:
    expected = labels(corpus)
    report = run([(config or Config(), [str(corpus)])], RunOptions(now=NOW))
    if report.crashes:
        crash = report.crashes[0]
        raise RuntimeError(f"rule {crash.rule} crashed on {crash.path}: {crash.reason}")
    fired: dict[str, set[str]] = defaultdict(set)
    for finding in report.findings:
        if finding.severity.rank >= Severity.WARNING.rank:
            fired[finding.path].add(finding.rule)
    slugs = sorted({a.slug for a in report.rules} - {"unreadable-input"})
    scores = {slug: Score() for slug in slugs}
    for path, wanted in expected.items():
        for slug in slugs:
            got = slug in fired.get(path, set())
            if got and slug in wanted:
                scores[slug].true_positives.append(path)
            elif got:
                scores[slug].false_positives.append(path)
            elif slug in wanted:
                scores[slug].false_negatives.append(path)
    return scores


def table(scores: dict[str, Score]) -> str:
    rows = [
        "| rule | positives | TP | FP | FN | precision | recall |",
        "|---|---|---|---|---|---|---|",
    ]
    for slug, s in scores.items():
        positives = len(s.true_positives) + len(s.false_negatives)
        rows.append(
            f"| `{slug}` | {positives} | {len(s.true_positives)} | {len(s.false_positives)} "
            f"| {len(s.false_negatives)} | {s.precision:.2f} | {s.recall:.2f} |"
        )
    return "\n".join(rows)


@click.command()
@click.argument("corpus", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--rule", help="Only this rule.")
@click.option("--show", is_flag=True, help="List the false positives and negatives.")
def main(corpus: Path, rule: str | None, show: bool) -> None:
    scores = evaluate(corpus)
    if rule:
        if rule not in scores:
            raise click.BadParameter(f"unknown rule '{rule}'", param_hint="--rule")
        scores = {rule: scores[rule]}
    click.echo(table(scores))
    if show:
        for slug, s in scores.items():
            for path in s.false_positives:
                click.echo(f"FP {slug}: {path}")
            for path in s.false_negatives:
                click.echo(f"FN {slug}: {path}")
    sys.exit(0)


if __name__ == "__main__":
    main()
