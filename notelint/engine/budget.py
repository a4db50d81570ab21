"""A time budget for checking one note: when it runs out, the rule running
is stopped and the rest are skipped, so one pathological note costs seconds,
never the run. On POSIX, in the main thread, a timer interrupts the rule
(SIGALRM); elsewhere the budget is checked between rules."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class NoteTimeout(Exception):
    """The note's time budget ran out."""


class Budget:
    def __init__(self, seconds: float):
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds

    @contextmanager
    def running(self) -> Iterator[None]:
        """Run a step: NoteTimeout is raised inside it when the budget runs out."""
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise NoteTimeout
        if (
            not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()
        ):
            yield
            return

        def expire(signum, frame):
            raise NoteTimeout

        previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, left)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
