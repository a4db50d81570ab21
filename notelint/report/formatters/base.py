from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import IO, Any

from notelint.core.model import Finding


@dataclass
class Summary:
    files: int
    findings: list[Finding] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        by_severity = Counter(str(f.severity) for f in self.findings)
        return {s: by_severity.get(s, 0) for s in ("error", "warning", "info")}


class Formatter:
    """Lifecycle: `start`, then `handle` for each finding in order, then
    `finish` with the summary. Formats that need every finding at once
    collect them in `handle`."""

    def __init__(self, stream: IO[str], rules: list[Any] | None = None, **options: Any):
        self.stream = stream
        self.rules = rules or []
        self.options = options

    def start(self) -> None:
        pass

    def handle(self, finding: Finding) -> None:
        pass

    def finish(self, summary: Summary) -> None:
        pass
