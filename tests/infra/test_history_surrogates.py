"""Lone surrogates in recorded text, through real SQLite files and the real writer thread.

The google-genai SDK keeps lone surrogates ("\\ud800") in server text and tool arguments. SQLite
and UTF-8 files refuse them; before the fix one of them killed the writer thread (everything
after it was lost while the status still said AVAILABLE) and close() raised from the journal.
Now every text is stored with U+FFFD in their place, and any error of one write is a failure
of that write only.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from desktop.infra.history import HistoryError, HistoryStore, storable
from desktop.infra.history_writer import HistoryState, HistoryWriter

BAD = "\ud800"
FFFD = "\ufffd"
T0 = 1_750_000_000.0


class Unprintable:
    """A tool argument the JSON fallback (str) cannot turn into text: a bug in a tool."""

    def __str__(self) -> str:
        raise RuntimeError("no text for this object")


def _journals(db: Path) -> list[Path]:
    return sorted(db.parent.glob(f"{db.name}.pending-*.jsonl"))


def _record_everything(writer: HistoryWriter) -> int:
    """One session with a lone surrogate in every kind of text, then clean writes after it."""
    key = writer.start_session({"backend": "sim", "site": f"site {BAD}"}, at=T0)
    writer.upsert_turn(key, 0, "user", f"bad {BAD} text", final=True, at=T0 + 1)
    writer.add_note(key, f"note {BAD} \udc80", at=T0 + 2)
    writer.update_meta(key, {"job_id": f"JOB-{BAD}", f"key{BAD}": "v"})
    writer.add_tool_call(key, "c1", "lookup", {"query": f"pump {BAD}", "n": [1, BAD]}, at=T0 + 3)
    writer.finish_tool_call(key, "c1", "ok", {"answer": f"found {BAD}"}, at=T0 + 4)
    writer.tool_step(key, "c2", f"search{BAD}", {"q": BAD}, step="running", at=T0 + 5)
    writer.add_snapshot(key, b"\xff\xd8jpeg", caption=f"valve {BAD}", at=T0 + 6)
    # Everything said after the bad text must land too.
    writer.upsert_turn(key, 1, "model", "good text after", final=True, at=T0 + 7)
    writer.add_note(key, "a note after", at=T0 + 8)
    writer.end_session(key, at=T0 + 9)
    return key


def _assert_stored_with_replacement(db: Path) -> None:
    reader = HistoryStore.open_reader(db)
    try:
        (session,) = reader.list_sessions()
        assert session.meta == {
            "backend": "sim",
            "site": f"site {FFFD}",
            "job_id": f"JOB-{FFFD}",
            f"key{FFFD}": "v",
        }
        assert session.ended_at == T0 + 9
        assert [t.text for t in reader.turns(session.id)] == [f"bad {FFFD} text", "good text after"]
        assert [n.text for n in reader.notes_of(session.id)] == [
            f"note {FFFD} {FFFD}",
            "a note after",
        ]
        calls = {c.call_id: c for c in reader.tool_calls(session.id)}
        assert calls["c1"].args == {"query": f"pump {FFFD}", "n": [1, FFFD]}
        assert calls["c1"].result == {"answer": f"found {FFFD}"}
        assert (calls["c2"].name, calls["c2"].args) == (f"search{FFFD}", {"q": FFFD})
        assert [s.caption for s in reader.snapshots(session.id)] == [f"valve {FFFD}"]
        # The whole record reads and exports as valid UTF-8.
        reader.export_json(session.id).encode("utf-8")
        reader.export_markdown(session.id).encode("utf-8")
    finally:
        reader.close()


def test_writer_thread_stores_surrogates_as_replacement_and_goes_on(tmp_path: Path) -> None:
    db = tmp_path / "history.db"
    writer = HistoryWriter(db).start()
    try:
        _record_everything(writer)
        assert writer.flush(30.0), "the writer stopped writing"
        assert writer.pending == 0
        assert writer.status.state is HistoryState.AVAILABLE
        # A later session still lands: the thread is alive.
        later = writer.start_session({"backend": "sim"}, at=T0 + 20)
        writer.upsert_turn(later, 0, "user", "second session", final=True, at=T0 + 21)
        assert writer.flush(30.0)
        reader = HistoryStore.open_reader(db)
        try:
            newest = max(reader.list_sessions(), key=lambda s: s.started_at)
            assert [t.text for t in reader.turns(newest.id)] == ["second session"]
        finally:
            reader.close()
    finally:
        assert writer.close(10.0) == 0
    assert _journals(db) == []
    reader = HistoryStore.open_reader(db)
    try:
        first = min(reader.list_sessions(), key=lambda s: s.started_at)
        assert reader.turns(first.id)[0].text == f"bad {FFFD} text"
    finally:
        reader.close()


def test_close_journals_surrogates_and_the_next_writer_saves_them(tmp_path: Path) -> None:
    """Held items (a writer whose thread never ran) are journaled at close, then imported."""
    db = tmp_path / "history.db"
    held = HistoryWriter(db)
    _record_everything(held)
    assert held.close(5.0) == 0  # raised UnicodeEncodeError before the fix
    (journal,) = _journals(db)
    journal.read_bytes().decode("utf-8")  # strict: valid UTF-8 through and through
    writer = HistoryWriter(db).start()
    try:
        assert writer.flush(30.0)
    finally:
        assert writer.close(10.0) == 0
    assert _journals(db) == []
    _assert_stored_with_replacement(db)


def test_store_writes_replace_surrogates(tmp_path: Path) -> None:
    """The store on its own (tools, the history window): every write verb."""
    db = tmp_path / "history.db"
    store = HistoryStore.open(db)
    try:
        sid = store.start_session({"backend": "sim", "site": f"site {BAD}"}, at=T0)
        store.upsert_turn(sid, 0, "user", f"bad {BAD} text", final=True, at=T0 + 1)
        store.append(sid, "model", f"typo {BAD}", at=T0 + 1.5)
        store.update_turn(sid, 1, text="good text after", at=T0 + 7)
        store.add_note(sid, f"note {BAD} \udc80", at=T0 + 2)
        store.add_note(sid, "a note after", at=T0 + 8)
        store.update_meta(sid, {"job_id": f"JOB-{BAD}", f"key{BAD}": "v"})
        store.add_tool_call(sid, "c1", "lookup", {"query": f"pump {BAD}", "n": [1, BAD]}, at=T0 + 3)
        store.finish_tool_call(sid, "c1", "ok", {"answer": f"found {BAD}"}, at=T0 + 4)
        store.record_tool_step(sid, "c2", f"search{BAD}", {"q": BAD}, step="running", at=T0 + 5)
        store.add_snapshot(sid, b"\xff\xd8jpeg", f"valve {BAD}", at=T0 + 6)
        store.end_session(sid, at=T0 + 9)
        store.index_pending()
        assert {hit.kind for hit in store.search("bad")} == {"turn"}
        assert {hit.kind for hit in store.search("pump")} == {"tool"}
    finally:
        store.close()
    _assert_stored_with_replacement(db)


def test_a_write_that_raises_is_dropped_alone(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """An error that is not the database's (here a tool argument with no text) fails that one
    write: it is logged, the items before and after it are saved, the thread goes on."""
    db = tmp_path / "history.db"
    writer = HistoryWriter(db).start()
    try:
        key = writer.start_session({"backend": "sim"}, at=T0)
        writer.upsert_turn(key, 0, "user", "before", final=True, at=T0 + 1)
        with caplog.at_level(logging.ERROR):
            writer.add_tool_call(key, "c1", "lookup", {"x": Unprintable()}, at=T0 + 2)
            writer.upsert_turn(key, 1, "user", "after", final=True, at=T0 + 3)
            assert writer.flush(30.0), "the writer stopped writing"
        assert writer.status.state is HistoryState.AVAILABLE
        assert any("dropped (_ToolCall)" in r.getMessage() for r in caplog.records)
        reader = HistoryStore.open_reader(db)
        try:
            (session,) = reader.list_sessions()
            assert [t.text for t in reader.turns(session.id)] == ["before", "after"]
            assert reader.tool_calls(session.id) == []
        finally:
            reader.close()
    finally:
        assert writer.close(10.0) == 0


def test_the_store_reports_such_an_error_as_a_history_error(tmp_path: Path) -> None:
    store = HistoryStore.open(tmp_path / "history.db")
    try:
        sid = store.start_session({}, at=T0)
        with pytest.raises(HistoryError) as caught:
            store.add_tool_call(sid, "c1", "lookup", {"x": Unprintable()}, at=T0)
        assert caught.value.fault == "invalid"
        store.add_note(sid, "still writable", at=T0)  # the failed write left no transaction
        assert [n.text for n in store.notes_of(sid)] == ["still writable"]
    finally:
        store.close()


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("plain", "plain"),
        (f"a{BAD}b", f"a{FFFD}b"),
        ("\udc80x", f"{FFFD}x"),
        ("x\ud83d\ude00y", "x\U0001f600y"),  # a high+low pair is the character it stands for
        ({f"k{BAD}": [BAD, 1, None]}, {f"k{FFFD}": [FFFD, 1, None]}),
        ((BAD, b"\xed\xa0\x80"), (FFFD, b"\xed\xa0\x80")),  # bytes are not text
    ],
)
def test_storable(given: Any, expected: Any) -> None:
    assert storable(given) == expected


def test_storable_returns_clean_values_themselves() -> None:
    value = {"a": ["b", {"c": "d"}], "e": 1}
    assert storable(value) is value


class NoteBugStore(HistoryStore):
    """A store whose add_note has a bug outside SQLite (a fault real parts cannot provoke):
    the writer must take it as that one write's failure."""

    def add_note(
        self, session_id: int, text: str, level: str = "info", at: float | None = None
    ) -> None:
        if text == "trips the bug":
            raise KeyError("a bug in the store")
        super().add_note(session_id, text, level, at)


def test_any_error_of_one_write_leaves_the_writer_thread_running(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "history.db"
    writer = HistoryWriter(db, opener=NoteBugStore.open).start()
    try:
        key = writer.start_session({"backend": "sim"}, at=T0)
        with caplog.at_level(logging.ERROR):
            writer.add_note(key, "trips the bug", at=T0 + 1)
            writer.add_note(key, "saved after it", at=T0 + 2)
            assert writer.flush(30.0), "the writer stopped writing"
        assert writer.status.state is HistoryState.AVAILABLE
        assert any("dropped (_Note)" in r.getMessage() for r in caplog.records)
        reader = HistoryStore.open_reader(db)
        try:
            (session,) = reader.list_sessions()
            assert [n.text for n in reader.notes_of(session.id)] == ["saved after it"]
        finally:
            reader.close()
    finally:
        assert writer.close(10.0) == 0
