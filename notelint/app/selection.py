"""What a run reports of what the rules found: findings below
`min_severity` are dropped (not shown, not counted, never failing: Vale's
`--minAlertLevel`), and so are those `per_file_ignores` switches off."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from notelint.config import Config
from notelint.core.model import Finding
from notelint.inputs import sources
from notelint.plugins.registry import Registry


def kept(findings: Iterable[Finding], config: Config, registry: Registry) -> list[Finding]:
    ignores = [(entry.patterns, registry.slugs(entry.rules)) for entry in config.per_file_ignores]
    floor = config.min_severity.rank
    located: dict[str, Path] = {}

    def ignored(finding: Finding) -> bool:
        if not ignores:
            return False
        if finding.path not in located:
            located[finding.path] = sources.file_location(Path(finding.path))
        path = located[finding.path]
        return any(finding.rule in slugs and p.matches(path) for p, slugs in ignores)

    return [f for f in findings if f.severity.rank >= floor and not ignored(f)]
