"""The history dialog over a real SQLite HistoryStore (reads, exports and deletes run off the
Qt thread: each step is awaited with `settled()`)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.infra.history import HistoryStore
from desktop.infra.history_writer import HistoryWriter
from desktop.ui.history_view import (
    RECORDING_TEXT,
    HistoryDialog,
    entry_text,
    format_duration,
    session_timeline,
)

T0 = datetime(2025, 3, 4, 9, 15, 0).timestamp()
T1 = datetime(2025, 3, 5, 14, 2, 0).timestamp()


def hms(at: float) -> str:
    return datetime.fromtimestamp(at).strftime("%H:%M:%S")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    store = HistoryStore.open(tmp_path / "history.sqlite3")
    old = store.start_session({"backend": "simulator"}, at=T0)
    store.upsert_turn(old, 0, "user", "is the breaker off?", final=True, at=T0 + 1)
    store.upsert_turn(old, 1, "model", "Yes, the lever is down.", final=True, at=T0 + 3)
    store.end_session(old, at=T0 + 125)

    new = store.start_session({"backend": "gemini", "model": "m"}, at=T1)
    store.upsert_turn(new, 0, "user", "what is this valve?", final=True, at=T1 + 2)
    store.upsert_turn(
        new, 1, "model", "That is a ball valve; turn it a", final=True, interrupted=True, at=T1 + 4
    )
    store.add_tool_call(new, "c1", "lookup_manual", {"part": "BV-20"}, at=T1 + 5)
    store.finish_tool_call(new, "c1", "ok", {"page": 12}, at=T1 + 6)
    store.add_snapshot(new, b"\xff\xd8jpeg-bytes\xff\xd9", caption="valve label", at=T1 + 7)
    store.add_note(new, "Reconnected after a network drop", level="warning", at=T1 + 8)
    # Killed mid-session: never ended.
    yield store
    store.close()


async def make(qtbot: QtBot, store: HistoryStore, **kwargs: object) -> HistoryDialog:
    dialog = HistoryDialog(store, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    await dialog.settled()
    return dialog


async def test_sessions_newest_first_with_date_duration_and_turns(
    qtbot: QtBot, store: HistoryStore
) -> None:
    dialog = await make(qtbot, store)
    assert dialog.sessions.topLevelItemCount() == 2
    rows = [
        [dialog.sessions.topLevelItem(i).text(c) for c in range(4)]
        for i in range(dialog.sessions.topLevelItemCount())
    ]
    assert rows == [
        ["2025-03-05 14:02", "not closed", "2", "what is this valve?"],
        ["2025-03-04 09:15", "2 min 05 s", "2", "is the breaker off?"],
    ]
    assert dialog.selected_session_id() == dialog.session_ids()[0]


async def test_transcript_shows_turns_tools_snapshots_and_notes_in_time_order(
    qtbot: QtBot, store: HistoryStore
) -> None:
    dialog = await make(qtbot, store)
    assert dialog.transcript_lines() == [
        f"{hms(T1 + 2)}  Technician: what is this valve?",
        f"{hms(T1 + 4)}  Assistant: That is a ball valve; turn it a  [interrupted]",
        f"{hms(T1 + 5)}  Tool ✓: lookup_manual({{'part': 'BV-20'}}) → {{'page': 12}}",
        f"{hms(T1 + 7)}  Snapshot: valve label (14 bytes)",
        f"{hms(T1 + 8)}  Warning: Reconnected after a network drop",
    ]
    assert dialog.transcript.item(1).font().italic()  # interrupted is set apart by shape
    dialog.select_session(dialog.session_ids()[1])
    await dialog.settled()
    assert dialog.transcript_lines()[1] == f"{hms(T0 + 3)}  Assistant: Yes, the lever is down."


async def test_constructor_reads_nothing_until_shown(qtbot: QtBot, store: HistoryStore) -> None:
    dialog = HistoryDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.sessions.topLevelItemCount() == 0
    assert not dialog.export_md_button.isEnabled()
    dialog.show()
    assert dialog.status.text() == "Loading…"  # read on a worker thread, said at once
    await dialog.settled()
    assert dialog.sessions.topLevelItemCount() == 2
    assert dialog.export_md_button.isEnabled()


async def test_export_markdown_and_json(qtbot: QtBot, store: HistoryStore, tmp_path: Path) -> None:
    dialog = await make(qtbot, store)
    session_id = dialog.selected_session_id()
    assert session_id is not None
    out = tmp_path / "ticket"
    out.mkdir()
    md = await dialog.export_markdown(out / "ticket.md")
    text = md.read_text(encoding="utf-8")
    assert "*(interrupted)*" in text and "tool `lookup_manual`" in text
    (image,) = out.glob("*.jpg")
    assert f"]({image.name})" in text  # linked by a name relative to the Markdown file
    assert image.read_bytes() == b"\xff\xd8jpeg-bytes\xff\xd9"
    assert dialog.status.text() == f"Exported to {md}"

    js = await dialog.export_json(out / "ticket.json")
    doc = json.loads(js.read_text(encoding="utf-8"))
    assert doc["session"]["id"] == session_id
    assert [t["interrupted"] for t in doc["turns"]] == [False, True]
    assert doc["tool_calls"][0]["status"] == "ok"
    assert "data_base64" not in doc["snapshots"][0]
    with_images = json.loads(
        (await dialog.export_json(out / "full.json", include_images=True)).read_text(
            encoding="utf-8"
        )
    )
    assert with_images["snapshots"][0]["data_base64"]


async def test_delete_asks_first(qtbot: QtBot, store: HistoryStore) -> None:
    questions: list[str] = []
    answers = [False, True]

    def confirm(parent: QWidget, question: str) -> bool:
        questions.append(question)
        return answers.pop(0)

    dialog = await make(qtbot, store, confirm=confirm)
    newest, oldest = dialog.session_ids()
    assert dialog.selected_session_id() == newest
    assert not dialog.delete_selected()
    assert len(store.list_sessions()) == 2
    assert "2025-03-05 14:02" in questions[0] and "cannot be recovered" in questions[0]
    assert dialog.delete_selected()
    await dialog.settled()
    assert [s.id for s in store.list_sessions()] == [oldest]
    assert dialog.session_ids() == [oldest]
    assert dialog.selected_session_id() == oldest
    assert dialog.status.text() == "Session deleted."


async def test_the_real_question_defaults_to_no(qtbot: QtBot, store: HistoryStore) -> None:
    dialog = await make(qtbot, store)
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        default = box.defaultButton()
        assert box.standardButton(default) == QMessageBox.StandardButton.No
        default.click()

    QTimer.singleShot(50, answer)
    assert not dialog.delete_selected()
    assert seen and "Delete the session" in seen[0]
    assert len(store.list_sessions()) == 2


async def test_empty_history(qtbot: QtBot, tmp_path: Path) -> None:
    with HistoryStore.open(tmp_path / "empty.sqlite3") as empty:
        dialog = await make(qtbot, empty)
        assert dialog.status.text() == "No sessions recorded yet."
        assert not dialog.delete_button.isEnabled()
        assert not dialog.delete_selected()
        with pytest.raises(LookupError):
            await dialog.export_json(tmp_path / "x.json")


async def test_an_unreadable_file_is_reported_not_raised(qtbot: QtBot, tmp_path: Path) -> None:
    broken = HistoryStore(tmp_path / "h.sqlite3")  # never opened: the file does not exist
    dialog = await make(qtbot, broken)
    assert dialog.status.text().startswith("Could not read the history:")
    (tmp_path / "h.sqlite3").write_bytes(b"not a database" * 100)
    dialog.refresh()
    await dialog.settled()
    assert dialog.status.text() == "Could not read the history: the file is not a database"


def test_pure_helpers(store: HistoryStore) -> None:
    assert format_duration(3725) == "1 h 02 min"
    assert format_duration(59.6) == "1 min 00 s"
    assert format_duration(None) == "not closed"
    session_id = store.list_sessions()[0].id
    kinds = [e.kind for e in session_timeline(store, session_id)]
    assert kinds == ["turn", "turn", "tool", "snapshot", "note"]
    assert entry_text(session_timeline(store, session_id)[0]).endswith("what is this valve?")


async def test_recorded_tool_steps_show_their_outcome_in_the_window_and_exports(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Calls recorded step by step (as the app records them) appear with their outcome,
    a declined one too, in the History window, the Markdown and the JSON."""
    writer = HistoryWriter.around(HistoryStore.open(tmp_path / "history.sqlite3")).start()
    key = writer.start_session({"backend": "simulator"}, at=T1)
    writer.tool_step(key, "c1", "lookup_manual", {"part": "BV-20"}, step="running", at=T1 + 1)
    writer.tool_step(
        key, "c1", "lookup_manual", {"part": "BV-20"}, step="done", result="page 12", at=T1 + 2
    )
    writer.tool_step(
        key,
        "c2",
        "open_ticket",
        {"title": "leak"},
        step="declined",
        result="The user declined",
        at=T1 + 3,
    )
    assert writer.flush()
    store = writer.store
    assert store is not None
    dialog = await make(qtbot, store)
    assert dialog.transcript_lines() == [
        f"{hms(T1 + 1)}  Tool ✓: lookup_manual({{'part': 'BV-20'}}) → page 12",
        f"{hms(T1 + 3)}  Tool declined: open_ticket({{'title': 'leak'}}) → The user declined",
    ]
    md = (await dialog.export_markdown(tmp_path / "ticket.md")).read_text(encoding="utf-8")
    assert 'tool `open_ticket`(`{"title": "leak"}`) declined → `The user declined`' in md
    doc = json.loads((await dialog.export_json(tmp_path / "t.json")).read_text(encoding="utf-8"))
    assert [(c["call_id"], c["status"]) for c in doc["tool_calls"]] == [
        ("c1", "ok"),
        ("c2", "declined"),
    ]
    writer.close()


async def test_the_session_being_recorded_is_not_deleted(qtbot: QtBot, tmp_path: Path) -> None:
    """The writer names the session it records; the window refuses it with a message and
    never asks. Other sessions are deleted through the writer's queue."""
    writer = HistoryWriter(tmp_path / "history.sqlite3").start()
    ended = writer.start_session(at=T0)
    writer.upsert_turn(ended, 0, "user", "an ended session", final=True, at=T0 + 1)
    writer.end_session(ended, at=T0 + 60)
    running = writer.start_session(at=T1)
    writer.upsert_turn(running, 0, "user", "still talking", final=True, at=T1 + 1)
    assert await asyncio.to_thread(writer.flush, 30)
    asked: list[str] = []

    def confirm(parent: QWidget, question: str) -> bool:
        asked.append(question)
        return True

    dialog = HistoryDialog(writer, confirm=confirm)  # the current session comes from the writer
    qtbot.addWidget(dialog)
    dialog.show()
    await dialog.settled()
    current, other = dialog.session_ids()
    assert current == writer.session_id(running)
    assert not dialog.delete_selected()
    assert dialog.status.text() == RECORDING_TEXT and not asked
    assert dialog.session_ids() == [current, other]

    dialog.select_session(other)
    await dialog.settled()
    assert dialog.delete_selected()
    await dialog.settled()
    assert dialog.session_ids() == [current] and dialog.status.text() == "Session deleted."
    assert len(asked) == 1
    writer.end_session(running)  # ended: now it may go
    assert await asyncio.to_thread(writer.flush, 30)
    assert dialog.delete_selected()
    await dialog.settled()
    assert dialog.session_ids() == []
    dialog.reject()
    assert await asyncio.to_thread(writer.close) == 0


async def test_a_store_with_a_named_current_session(qtbot: QtBot, store: HistoryStore) -> None:
    newest = store.list_sessions()[0].id
    dialog = await make(qtbot, store, current_session=lambda: newest, confirm=lambda *_: True)
    assert dialog.selected_session_id() == newest
    assert not dialog.delete_selected()
    assert dialog.status.text() == RECORDING_TEXT
    assert len(store.list_sessions()) == 2
