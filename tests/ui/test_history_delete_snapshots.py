"""Deleting a session in the history window deletes its snapshot pictures, and only its own."""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.infra.history import HistoryStore
from desktop.infra.history_writer import HistoryWriter
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


async def test_a_delete_through_the_writer_deletes_the_pictures_too(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The app's window deletes through the history writer's queue (never on the Qt thread)."""
    pictures = tmp_path / "snapshots"
    pictures.mkdir()
    writer = HistoryWriter(tmp_path / "history.sqlite3").start()
    for n, name in enumerate(("snapshot-kept.jpg", "snapshot-gone.jpg")):
        key = writer.start_session(at=1_000.0 * (n + 1))
        (pictures / name).write_bytes(b"\xff\xd8" + name.encode())
        writer.add_snapshot(key, b"\xff\xd8", caption=name, file=name)
        writer.end_session(key)
    assert await asyncio.to_thread(writer.flush, 30)
    dialog = HistoryDialog(writer, confirm=lambda _parent, _question: True)
    qtbot.addWidget(dialog)
    dialog.show()
    await dialog.settled()
    kept, gone = dialog.session_ids()[1], dialog.session_ids()[0]
    assert dialog.delete_selected()
    await dialog.settled()
    assert sorted(p.name for p in pictures.iterdir()) == ["snapshot-kept.jpg"]
    assert dialog.session_ids() == [kept] and gone != kept
    dialog.reject()
    assert await asyncio.to_thread(writer.close) == 0
