"""Search across sessions and data retention, on real SQLite files: the FTS5 index follows
every write (through the store and through the writer thread, which indexes when idle), reads
typed words literally, forgets deleted sessions, and is built for a database of the previous
version on upgrade; retention deletes old sessions with their pictures, never the one being
recorded."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from desktop.infra import history as h
from desktop.infra.history import HistoryStore, fts_query
from desktop.infra.history_writer import HistoryWriter

DAY = 86400.0
NOW = time.time()


def wait_for(condition: Callable[[], object], limit_s: float = 20.0) -> None:
    deadline = time.monotonic() + limit_s
    while not condition():
        assert time.monotonic() < deadline, f"condition not met within {limit_s} s"
        time.sleep(0.02)


def found(store: HistoryStore, text: str) -> list[tuple[int, str]]:
    return [(hit.session_id, hit.kind) for hit in store.search(text)]


def test_turns_notes_and_tools_are_found_by_words_and_prefixes(tmp_path: Path) -> None:
    store = HistoryStore.open(tmp_path / "h.sqlite3")
    a = store.start_session(at=NOW - 100)
    store.upsert_turn(a, 0, "user", "the Lüfter ", at=NOW - 99)
    store.upsert_turn(a, 0, "user", "the Lüfter of pump P-200 rattles", final=True, at=NOW - 98)
    b = store.start_session(at=NOW - 50)
    store.add_note(b, "Replaced bearing 6204-2RS", at=NOW - 40)
    store.record_tool_step(
        b,
        "c1",
        "search_manuals",
        {"query": "bearing torque"},
        step="done",
        result={"page": 12},
        at=NOW - 30,
    )

    assert found(store, "lufter") == [(a, "turn")]  # diacritics folded
    assert found(store, "rattl") == [(a, "turn")]  # a prefix of 3+ characters
    assert found(store, "P-200") == [(a, "turn")]  # "P" exact, "200" as prefix
    assert found(store, "bearing") == [(b, "tool"), (b, "note")]  # newest first
    assert found(store, "search_manuals") == [(b, "tool")]
    assert found(store, "bearing lufter") == []  # every word, in one entry
    hit = store.search("6204")[0]
    assert hit.snippet == "Replaced bearing [6204]-2RS"
    for typed in ('"', "AND OR", "NEAR(", "*", "pump)", "' OR 1=1 --"):  # never FTS5 syntax
        store.search(typed)
    assert fts_query('a "b" c*') == '"a" AND "b" AND "c"'
    store.close()


def test_a_turn_is_found_by_its_last_words_only_and_deleted_sessions_not_at_all(
    tmp_path: Path,
) -> None:
    store = HistoryStore.open(tmp_path / "h.sqlite3")
    sid = store.start_session()
    store.upsert_turn(sid, 0, "model", "Check the gasket")
    store.search("gasket")
    store.update_turn(sid, 0, text="Check the seal", interrupted=True)
    assert found(store, "gasket") == []
    assert found(store, "seal") == [(sid, "turn")]
    store.delete_session(sid)
    assert found(store, "seal") == []
    assert store.index_is_current()
    store.close()


def test_the_writer_indexes_while_idle_and_the_window_reader_finds_it(tmp_path: Path) -> None:
    db = tmp_path / "h.sqlite3"
    writer = HistoryWriter(db).start()
    try:
        key = writer.start_session()
        for n, words in enumerate(("the compressor", "the compressor trips", "after 10 min")):
            writer.upsert_turn(key, 0 if n < 2 else 1, "user", words, final=True)
        writer.add_note(key, "reset the overload relay")
        assert writer.flush(10)
        reader = HistoryStore.open_reader(db)
        try:
            wait_for(reader.index_is_current)
            row = writer.session_id(key)
            assert found(reader, "trips") == [(row, "turn")]
            assert found(reader, "overload relay") == [(row, "note")]
        finally:
            reader.close()
    finally:
        writer.close()


def test_an_older_database_is_indexed_on_upgrade(tmp_path: Path) -> None:
    db = tmp_path / "h.sqlite3"
    conn = sqlite3.connect(db)
    conn.executescript(h._SCHEMA + "PRAGMA user_version=2;")  # version 2: no search yet
    conn.execute("INSERT INTO sessions (started_at) VALUES (1)")
    conn.execute("INSERT INTO turns VALUES (1, 0, 'user', 'the chiller leaks', 1, 0, 1, 1)")
    conn.commit()
    conn.close()
    with HistoryStore.open(db) as store:
        assert found(store, "chiller") == [(1, "turn")]


def test_retention_deletes_old_sessions_and_pictures_but_never_the_recording_one(
    tmp_path: Path,
) -> None:
    db = tmp_path / "h.sqlite3"
    pictures = tmp_path / "snapshots"
    pictures.mkdir()
    store = HistoryStore.open(db, snapshot_dir=pictures)
    old = store.start_session({"job_id": "OLD"}, at=NOW - 40 * DAY)
    (pictures / "old.jpg").write_bytes(b"\xff")
    store.add_snapshot(old, b"\xff", file="old.jpg", at=NOW - 40 * DAY)
    store.add_note(old, "forty days ago", at=NOW - 40 * DAY)
    recent = store.start_session({"job_id": "RECENT"}, at=NOW - 2 * DAY)
    store.close()

    writer = HistoryWriter(db, opener=lambda p: HistoryStore.open(p, snapshot_dir=pictures))
    writer.start()
    try:
        # A session recorded across the cut (started long ago, still running) is kept.
        running = writer.start_session({"job_id": "RUNNING"}, at=NOW - 31 * DAY)
        assert writer.flush(10)
        writer.purge_older_than(30)
        assert writer.flush(10)
        assert writer.store is not None
        left = {s.meta["job_id"] for s in writer.store.list_sessions()}
        assert left == {"RECENT", "RUNNING"}
        assert not (pictures / "old.jpg").exists()
        assert found(writer.store, "forty") == []
        writer.end_session(running)
    finally:
        writer.close()
    assert recent
