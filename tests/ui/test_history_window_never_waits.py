"""The History window never waits on the database on the Qt thread.

Another program (a real child process) holds the database with BEGIN EXCLUSIVE while the
writer thread keeps retrying a turn (each attempt sits in SQLite's busy wait, ~1 s). The
window lists sessions, switches between them, refreshes, exports and deletes meanwhile: a
QTimer probe ticking every 10 ms measures how long the Qt loop was held. Before, the window
read through the writer's store and its lock, so each read could wait a whole busy timeout
on the Qt thread.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot
from support.db_lock import Locker
from support.waiting import wait_until

from desktop.infra.history_writer import HistoryState, HistoryWriter
from desktop.ui.history_view import DELETING_TEXT, HistoryDialog

T0 = 1_750_000_000.0
MAX_LAG_S = 0.3  # generous for a shared 2-core machine; one busy wait on the loop is ~1 s


@pytest.fixture
def lockers() -> Iterator[list[Locker]]:
    started: list[Locker] = []
    yield started
    for locker in started:
        locker.kill()


class LagProbe:
    """The longest time the Qt loop went without running a 10 ms timer."""

    def __init__(self) -> None:
        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(lambda: self.ticks.append(time.monotonic()))

    def start(self) -> None:
        self.ticks = [time.monotonic()]
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        self.ticks.append(time.monotonic())
        return max(b - a for a, b in zip(self.ticks, self.ticks[1:], strict=False))


async def test_the_window_lists_switches_and_deletes_while_another_program_holds_the_database(
    qtbot: QtBot, tmp_path: Path, lockers: list[Locker]
) -> None:
    db = tmp_path / "history.sqlite3"
    writer = HistoryWriter(db, retry_first_s=0.05, retry_max_s=0.05).start()
    earlier = []
    for n in range(3):
        key = writer.start_session({"backend": "simulator"}, at=T0 + n * 100)
        for i in range(30):
            writer.upsert_turn(key, i, "user", f"session {n} turn {i}", final=True, at=T0 + i)
        writer.end_session(key, at=T0 + n * 100 + 50)
        earlier.append(key)
    recording = writer.start_session({"backend": "simulator"}, at=T0 + 1000)
    writer.upsert_turn(recording, 0, "user", "being recorded", final=True)
    assert await asyncio.to_thread(writer.flush, 30)

    dialog = HistoryDialog(writer, confirm=lambda _parent, _question: True)
    qtbot.addWidget(dialog)
    probe = LagProbe()
    lockers.append(Locker(db))
    writer.upsert_turn(recording, 1, "user", "said while the database is held", final=True)
    await wait_until(lambda: writer.status.state is HistoryState.UNAVAILABLE)
    probe.start()  # from here on the writer sits in SQLite's busy wait again and again

    dialog.show()
    await dialog.settled()
    assert len(dialog.session_ids()) == 4  # read while the database is held
    for session_id in dialog.session_ids()[1:]:
        dialog.select_session(session_id)
        await dialog.settled()
        assert len(dialog.transcript_lines()) == 30
    dialog.refresh()
    await dialog.settled()
    exported = await dialog.export_json(tmp_path / "export.json")  # read and written off it
    assert "turn 29" in exported.read_text(encoding="utf-8")
    gone = dialog.session_ids()[-1]
    dialog.select_session(gone)
    await dialog.settled()
    assert dialog.delete_selected()  # queued on the writer: waits for the database, not us
    await asyncio.sleep(0.5)
    assert dialog.status.text() == DELETING_TEXT
    lag = probe.stop()
    assert lag < MAX_LAG_S, f"the Qt loop was held for {lag:.3f} s"

    lockers[0].release()
    await asyncio.wait_for(dialog.settled(), 30)
    assert dialog.status.text() == "Session deleted."
    assert gone not in dialog.session_ids() and len(dialog.session_ids()) == 3
    assert await asyncio.to_thread(writer.flush, 30)
    row = writer.session_id(recording)
    assert row is not None and row in dialog.session_ids()
    dialog.reject()
    assert await asyncio.to_thread(writer.close) == 0
