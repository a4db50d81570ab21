"""The progress bar: on a terminal only, after a delay, erased at the end."""

from __future__ import annotations

import io

import pytest

from notelint.report import progress
from notelint.report.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_bar_counts_and_erases_itself():
    stream = Terminal()
    bar = Progress(stream, delay=0)
    bar.advance(5, 20)
    bar.advance(20, 20)  # the last step is always drawn
    bar.close()
    drawn = stream.getvalue()
    assert "checked 5/20 notes" in drawn and "checked 20/20 notes" in drawn and "100%" in drawn
    assert drawn.endswith("\r\x1b[K")


def test_a_short_run_draws_nothing():
    stream = Terminal()
    bar = Progress(stream)  # the default delay: a run of milliseconds never shows it
    bar.advance(1, 2)
    bar.close()
    assert stream.getvalue() == ""


@pytest.mark.parametrize(
    "stream, environment, shown",
    [
        (Terminal(), {}, True),
        (io.StringIO(), {}, False),  # a pipe or a file
        (Terminal(), {"CI": "true"}, False),
        (Terminal(), {"TERM": "dumb"}, False),
    ],
)
def test_shown_only_on_an_interactive_terminal(monkeypatch, stream, environment, shown):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(progress.sys, "stderr", stream)
    with Progress.on_stderr(None) as bar:
        assert (bar is not None) is shown
    with Progress.on_stderr(True) as bar:
        assert bar is not None  # --progress asks for it anywhere
    with Progress.on_stderr(False) as bar:
        assert bar is None
