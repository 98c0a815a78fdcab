"""Searching in the History window: typing filters the session list to the sessions whose
turns, notes or tool calls contain the words (off the Qt thread), each row showing its best
match; a search with no match says so; clearing the box brings every session back."""

from __future__ import annotations

import time
from pathlib import Path

from pytestqt.qtbot import QtBot
from support.waiting import wait_until

from desktop.infra.history import HistoryStore
from desktop.ui.history_view import HistoryDialog

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


async def test_search_filters_the_sessions(qtbot: QtBot, tmp_path: Path) -> None:
    store = HistoryStore.open(tmp_path / "history.sqlite3")
    now = time.time()
    pump = store.start_session(at=now - 300)
    store.upsert_turn(pump, 0, "user", "the pump P-200 leaks at the flange", final=True)
    store.end_session(pump)
    fan = store.start_session(at=now - 200)
    store.upsert_turn(fan, 0, "user", "the fan is noisy", final=True)
    store.add_note(fan, "replaced the fan bearing")
    store.end_session(fan)
    other = store.start_session(at=now - 100)
    store.record_tool_step(other, "c1", "search_manuals", {"query": "bearing grease"}, step="done")
    store.end_session(other)
    store.index_pending()  # what the app's writer thread does whenever it is idle
    dialog = HistoryDialog(store, make_report=lambda _session: None)
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        await wait_until(lambda: dialog.session_ids() == [other, fan, pump])
        await dialog.settled()

        qtbot.keyClicks(dialog.search_box, "bearing")  # as typed; runs once typing pauses
        await wait_until(lambda: dialog.session_ids() == [other, fan])
        await dialog.settled()
        titles = [dialog.sessions.topLevelItem(i).text(3) for i in range(2)]
        assert titles == [
            'search_manuals {"query": "[bearing] grease"}',
            "replaced the fan [bearing]",
        ]
        assert "found in 2 sessions" in dialog.status.text()
        assert dialog.sessions.headerItem().text(3) == "Best match"
        ARTIFACTS.mkdir(exist_ok=True)
        dialog.grab().save(str(ARTIFACTS / "history-search.png"))  # to look at

        dialog.search_box.setText("flange leaks")
        dialog.search_box.returnPressed.emit()
        await wait_until(lambda: dialog.session_ids() == [pump])

        dialog.search_box.setText("compressor")
        dialog.search_box.returnPressed.emit()
        await wait_until(lambda: dialog.session_ids() == [])
        await dialog.settled()
        assert dialog.status.text() == "Nothing found for “compressor”."

        dialog.search_box.clear()
        dialog.search_box.returnPressed.emit()
        await wait_until(lambda: dialog.session_ids() == [other, fan, pump])
        await dialog.settled()
    finally:
        dialog.close()
        store.close()
