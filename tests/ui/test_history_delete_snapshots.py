"""Deleting a session in the history window deletes its snapshot pictures, and only its own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.infra.history import HistoryStore
from desktop.ui.history_view import HistoryDialog


async def test_deleting_a_session_in_the_window_deletes_its_pictures(
    qtbot: QtBot, tmp_path: Path
) -> None:
    pictures = tmp_path / "snapshots"
    pictures.mkdir()
    with HistoryStore.open(tmp_path / "history.sqlite3") as store:
        assert store.snapshot_dir == pictures  # beside the database, as in the data folder
        kept = store.start_session(at=1_000.0)
        gone = store.start_session(at=2_000.0)
        for sid, name in ((kept, "snapshot-kept.jpg"), (gone, "snapshot-gone.jpg")):
            (pictures / name).write_bytes(b"\xff\xd8" + name.encode())
            store.add_snapshot(sid, b"\xff\xd8", caption=name, file=name)
        questions: list[str] = []

        def confirm(parent: QWidget, question: str) -> bool:
            questions.append(question)
            return True

        dialog = HistoryDialog(store, confirm=confirm)
        qtbot.addWidget(dialog)
        dialog.show()
        await dialog.settled()
        assert dialog.selected_session_id() == gone  # newest first
        assert dialog.delete_selected()
        await dialog.settled()
        assert "picture files" in questions[0]
        assert sorted(p.name for p in pictures.iterdir()) == ["snapshot-kept.jpg"]
        assert dialog.session_ids() == [kept]
