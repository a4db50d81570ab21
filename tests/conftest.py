"""Shared fixtures: one spaCy pipeline per test session, and `lint`, which
writes files into a temporary notes folder and runs the real engine on it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest

from notelint import nlp as nlp_module
from notelint.app.runner import RunOptions, run
from notelint.config import Config
from notelint.core.model import Finding

NOW = datetime(2026, 11, 21, 12, 0)
# The rules the contract names (section 4); all but unreadable-input judge content.
CONTRACT_SLUGS = frozenset(
    {
        "generic-phrasing", "duplicate-note", "missing-interview-point", "misspelled-name",
        "wrong-recipient", "confidential-content", "template-placeholder", "wrong-company",
        "late-thank-you", "follow-up-timing", "premature-plan", "hiring-manager-detail",
        "missing-culture-fit", "desperate-tone", "rejection-reply-tone", "unreadable-input",
    }
)  # fmt: skip
CONTENT_SLUGS = CONTRACT_SLUGS - {"unreadable-input"}
FULL = frozenset({"pos", "lemma", "dep", "ents"})


@pytest.fixture(scope="session")
def nlp():
    """The full default pipeline, loaded once (nlp.load caches per process)."""
    return nlp_module.load(None, FULL)


def notelint(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """`notelint ARGS` in a fresh process; the colour variables of the
    environment that runs the tests are left out (`env` may set them)."""
    inherited = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return subprocess.run(
        [sys.executable, "-m", "notelint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={**inherited, **(env or {})},
    )


def write(root: Path, files: dict[str, str | bytes]) -> None:
    """Write `files` (relative path -> text, dedented, or raw bytes) under root."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8", newline="")


@pytest.fixture
def lint(tmp_path: Path, nlp):
    """lint(files, select=(...), now=..., **config) -> findings, run on tmp_path."""

    def run_lint(files: dict[str, str | bytes], now: datetime = NOW, **config) -> list[Finding]:
        write(tmp_path, files)
        report = run([(Config(**config), [str(tmp_path)])], RunOptions(now=now))
        assert not report.crashes, report.crashes
        return report.findings

    return run_lint
