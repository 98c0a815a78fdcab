"""Reference cycles are collected on the Qt thread, never on a worker that happens to allocate."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtWidgets import QWidget

from desktop.ui.gc_guard import QtThreadCollector, generation_due


def test_generation_due_follows_the_thresholds() -> None:
    assert generation_due((5, 0, 0), (700, 10, 10)) is None
    assert generation_due((701, 0, 0), (700, 10, 10)) == 0
    assert generation_due((701, 11, 0), (700, 10, 10)) == 1
    assert generation_due((701, 11, 11), (700, 10, 10)) == 2
    assert generation_due((10**6, 0, 0), (0, 10, 10)) is None  # threshold 0: gc off


class _Cycle:
    """A widget kept alive only by a reference cycle, like a dialog whose slot holds itself."""

    def __init__(self) -> None:
        self.widget = QWidget()
        self.me = self


def test_a_widget_in_a_cycle_dies_on_the_qt_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    collector = QtThreadCollector(interval_ms=10)
    collector.start()
    try:
        cycle = _Cycle()
        gone = weakref.ref(cycle)
        died_on: list[str] = []
        cycle.widget.destroyed.connect(lambda: died_on.append(threading.current_thread().name))
        del cycle

        def allocate_on_a_worker() -> None:  # far past gen 0's threshold, as the writer does
            junk = [[i] for i in range(50_000)]
            del junk

        worker = threading.Thread(target=allocate_on_a_worker, name="worker")
        worker.start()
        worker.join()
        assert gone() is not None  # the worker's allocations collected nothing
        qtbot.waitUntil(lambda: gone() is None, timeout=5000)
        assert died_on == [threading.main_thread().name]
        assert collector.collections >= 1
    finally:
        collector.stop()
    assert gc.isenabled()


def test_full_collections_are_rare_and_freeze_what_start_up_made(qtbot) -> None:  # type: ignore[no-untyped-def]
    now = [0.0]
    collector = QtThreadCollector(interval_ms=10_000, clock=lambda: now[0])
    collector.start()
    try:
        for _ in range(400):  # 100 s of ticks at 4 a second, clock moving 0.25 s each
            collector.collect_if_due()
            now[0] += 0.25
        # Python's counts alone would make gen 2 due every ~25 s of ticks: at most every 60 s.
        assert 1 <= collector.full_collections <= 2
        assert gc.get_freeze_count() > 0  # start-up's objects are out of later full scans
    finally:
        collector.stop()
    assert gc.get_freeze_count() == 0 and gc.isenabled()
