"""Garbage collection on the Qt thread only.

Python collects reference cycles in whichever thread happens to allocate past the threshold.
This program has several threads that allocate (the audio worker, the history writer, keyring
lookups, executor workers); a widget or dialog caught in a cycle would then be destroyed on one
of them, and Qt objects must die on the thread that owns them. The test suite showed what
follows: segfaults inside Qt's event processing, in tests far from the one that left the cycle.

So automatic collection is switched off and a timer on the Qt thread collects instead, the
young generation a few times a second, and an older one when the counts say it is due
(Python's own thresholds).
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

INTERVAL_MS = 250


def generation_due(counts: tuple[int, int, int], thresholds: tuple[int, int, int]) -> int | None:
    """The oldest generation whose count has passed its threshold, as gc itself would pick."""
    due = None
    for gen in range(3):
        if thresholds[gen] and counts[gen] > thresholds[gen]:
            due = gen
    return due


# A full collection of the program's heap holds the interpreter 75-165 ms (measured), long
# enough for the speaker's 30 ms buffer to run dry. Ticking the young generation four times a
# second makes the older ones "due" far more often than Python's own rule would (it also waits
# for the long-lived objects to grow by a quarter), so: a full collection at most this often,
# and after the first one everything then alive (modules, classes, the window: the bulk) is
# frozen out of later ones, which then scan only what the session made.
FULL_EVERY_S = 60.0


class QtThreadCollector(QObject):
    """Owns the timer; `stop()` gives automatic collection back (tests, shutdown)."""

    def __init__(
        self,
        parent: QObject | None = None,
        interval_ms: int = INTERVAL_MS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._thresholds: tuple[int, int, int] = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        self._clock = clock
        self._last_full: float | None = None
        self.collections = 0
        self.full_collections = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_if_due)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.unfreeze()
        if self._was_enabled:
            gc.enable()

    def collect_if_due(self) -> None:
        # The young generation every tick (cheap: a few hundred objects), so a fresh cycle
        # dies here even when the counts say nothing is due; older ones when they are due.
        gen = generation_due(gc.get_count(), self._thresholds)
        now = self._clock()
        if gen == 2 and self._last_full is not None and now - self._last_full < FULL_EVERY_S:
            gen = 1
        gc.collect(0 if gen is None else gen)
        self.collections += 1
        if gen == 2:
            if self._last_full is None:
                gc.freeze()
            self._last_full = now
            self.full_collections += 1
