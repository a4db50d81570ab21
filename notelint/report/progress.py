"""A progress bar on stderr, for the runs that take long enough to wonder.

It appears only on a terminal (never in a pipe, a file or a CI log, unless
`--progress` asks), only once a run has taken `DELAY` seconds, and it erases
itself when the run ends, so the report below it reads as without it.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from typing import TextIO

DELAY = 2.0  # seconds before the bar appears
REDRAW = 0.1  # seconds between two drawings
WIDTH = 30


class Progress:
    def __init__(self, stream: TextIO, delay: float = DELAY):
        self.stream = stream
        self.started = time.monotonic()
        self.delay = delay
        self.drawn = 0.0  # when it was last drawn (0: never)

    @classmethod
    @contextlib.contextmanager
    def on_stderr(cls, asked: bool | None) -> Iterator[Progress | None]:
        """A bar on stderr when `asked`, or when not told (None) and stderr
        is an interactive terminal outside CI; else None."""
        wanted = asked if asked is not None else _interactive(sys.stderr)
        bar = cls(sys.stderr) if wanted else None
        try:
            yield bar
        finally:
            if bar is not None:
                bar.close()

    def advance(self, done: int, total: int) -> None:
        """`done` of `total` notes are checked."""
        now = time.monotonic()
        if now - self.started < self.delay or now - self.drawn < REDRAW and done < total:
            return
        filled = WIDTH * done // max(total, 1)
        self.stream.write(
            f"\rnotelint: checked {done}/{total} notes "
            f"[{'#' * filled}{'.' * (WIDTH - filled)}] {100 * done // max(total, 1)}%"
        )
        self.stream.flush()
        self.drawn = now

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _interactive(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return (
        bool(isatty and isatty())
        and not os.environ.get("CI")
        and os.environ.get("TERM", "") != "dumb"
    )
