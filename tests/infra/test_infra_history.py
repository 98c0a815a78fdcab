"""History store: upserted turns, tool calls, snapshots, exports, and survival of kill -9."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.infra.history import HistoryError, HistoryStore

REPO = Path(__file__).resolve().parents[2]
T0 = 1_750_000_000.0


@pytest.fixture
def store(tmp_path):
    with HistoryStore.open(tmp_path / "h.sqlite3") as s:
        yield s


def test_constructor_does_no_io(tmp_path):
    path = tmp_path / "sub" / "h.sqlite3"
    HistoryStore(path)
    assert not path.parent.exists()


def test_default_path_is_in_the_data_dir(tmp_path):
    with HistoryStore.open() as s:
        assert s.path == tmp_path / "fieldassist-home" / "data" / "history.sqlite3"
        assert s.path.exists()
        mode = sqlite3.connect(s.path).execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"


def test_transcript_grows_in_pieces(store):
    sid = store.start_session({"backend": "simulator", "model": "m"}, at=T0)
    store.upsert_turn(sid, 0, "user", "the pump", at=T0 + 1)
    store.upsert_turn(sid, 0, "user", "the pump makes a noise", final=True, at=T0 + 2)
    store.upsert_turn(sid, 1, "model", "Switch it", at=T0 + 3)
    store.upsert_turn(sid, 1, "model", "Switch it off first", interrupted=True, at=T0 + 4)
    turns = store.turns(sid)
    assert [(t.index, t.role, t.text, t.final, t.interrupted) for t in turns] == [
        (0, "user", "the pump makes a noise", True, False),
        (1, "model", "Switch it off first", False, True),
    ]
    assert (turns[0].started_at, turns[0].updated_at) == (T0 + 1, T0 + 2)
    assert store.append(sid, "note", "Reconnected", at=T0 + 5) == 2
    store.update_turn(sid, 1, text="Switch it", final=True, at=T0 + 6)
    trimmed = store.turns(sid)[1]
    assert (trimmed.text, trimmed.final, trimmed.interrupted) == ("Switch it", True, True)
    with pytest.raises(HistoryError):
        store.update_turn(sid, 99, text="x")


def test_sessions_listed_newest_first_with_titles(store):
    a = store.start_session({"backend": "gemini"}, at=T0)
    store.upsert_turn(a, 0, "model", "Hello", at=T0 + 1)
    store.upsert_turn(a, 1, "user", "  How do I bleed\nthe radiator? " + "x" * 80, at=T0 + 2)
    store.end_session(a, at=T0 + 60)
    b = store.start_session(at=T0 + 100)
    sessions = store.list_sessions()
    assert [s.id for s in sessions] == [b, a]
    assert sessions[1].turn_count == 2 and sessions[1].ended_at == T0 + 60
    assert sessions[1].title.startswith("How do I bleed the radiator?")
    assert len(sessions[1].title) == 60
    assert sessions[1].meta == {"backend": "gemini"}
    assert sessions[0].title == "" and sessions[0].ended_at is None
    store.delete_session(a)
    assert [s.id for s in store.list_sessions()] == [b]
    assert store.turns(a) == []
    with pytest.raises(HistoryError):
        store.get_session(a)


def test_turns_are_per_session(store):
    a, b = store.start_session(), store.start_session()
    store.upsert_turn(a, 0, "user", "in a")
    store.upsert_turn(b, 0, "user", "in b")
    assert store.turns(a)[0].text == "in a" and store.turns(b)[0].text == "in b"


def test_tool_calls_snapshots_notes_and_exports(store, tmp_path):
    sid = store.start_session({"backend": "simulator"}, at=T0)
    store.upsert_turn(sid, 0, "user", "What is this part?", final=True, at=T0 + 1)
    jpeg = b"\xff\xd8\xff\xe0fake-jpeg\xff\xd9"
    snap_id = store.add_snapshot(sid, jpeg, caption="valve label", at=T0 + 2)
    store.add_tool_call(sid, "c1", "lookup_part", {"code": "V-12"}, at=T0 + 3)
    store.finish_tool_call(sid, "c1", "ok", {"name": "check valve"}, at=T0 + 4)
    store.add_tool_call(sid, "c2", "open_ticket", {}, at=T0 + 5)
    store.finish_tool_call(sid, "c2", "cancelled", at=T0 + 6)
    store.upsert_turn(sid, 1, "model", "A check valve. Is", interrupted=True, at=T0 + 7)
    store.add_note(sid, "Reconnected after goAway", at=T0 + 8)
    with pytest.raises(ValueError):
        store.finish_tool_call(sid, "c1", "done")
    with pytest.raises(HistoryError):
        store.finish_tool_call(sid, "nope", "ok")

    calls = store.tool_calls(sid)
    assert [(c.call_id, c.status, c.result) for c in calls] == [
        ("c1", "ok", {"name": "check valve"}),
        ("c2", "cancelled", None),
    ]
    assert store.snapshots(sid)[0].data == jpeg

    doc = json.loads(store.export_json(sid))
    assert doc["session"]["meta"] == {"backend": "simulator"}
    assert [t["text"] for t in doc["turns"]] == ["What is this part?", "A check valve. Is"]
    assert doc["turns"][1]["interrupted"] is True
    assert doc["tool_calls"][0]["args"] == {"code": "V-12"}
    assert doc["snapshots"][0]["bytes"] == len(jpeg) and "data_base64" not in doc["snapshots"][0]
    assert doc["notes"][0]["text"] == "Reconnected after goAway"
    with_images = json.loads(store.export_json(sid, include_images=True))
    assert with_images["snapshots"][0]["data_base64"]

    md = store.export_markdown(sid, image_dir=tmp_path / "export")
    order = [
        md.index("What is this part?"),
        md.index("valve label"),
        md.index("lookup_part"),
        md.index("open_ticket"),
        md.index("A check valve. Is *(interrupted)*"),
        md.index("Reconnected after goAway"),
    ]
    assert order == sorted(order)
    image = tmp_path / "export" / f"session{sid}-snapshot{snap_id}.jpg"
    assert image.read_bytes() == jpeg
    assert f"({image.name})" in md
    assert "**Technician:**" not in md and "Technician:**" in md


def test_closed_store_raises(tmp_path):
    s = HistoryStore.open(tmp_path / "h.sqlite3")
    s.close()
    with pytest.raises(HistoryError, match="closed"):
        s.start_session()


def test_damaged_database_is_set_aside(tmp_path):
    path = tmp_path / "h.sqlite3"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with HistoryStore.open(path) as s:
        assert s.notes and "damaged" in s.notes[0]
        sid = s.start_session()
        s.upsert_turn(sid, 0, "user", "works")
    assert len(list(tmp_path.glob("h.sqlite3.corrupt-*"))) == 1


CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from desktop.infra.history import HistoryStore

    store = HistoryStore.open(Path(sys.argv[1]))
    sid = store.start_session({"backend": "simulator"})
    print(f"session {sid}", flush=True)
    i = 0
    while True:  # runs until killed
        text = ""
        for word in ("one", "two", "three"):
            text = (text + " " + word).strip()
            store.upsert_turn(sid, i, "user" if i % 2 == 0 else "model", f"{i} {text}",
                              final=(word == "three"))
            print(f"{i} {len(text)}", flush=True)  # printed only after the commit
        i += 1
    """
)


def test_kill_9_mid_session_keeps_every_committed_turn(tmp_path):
    db = tmp_path / "h.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )
    committed: dict[int, int] = {}
    try:
        assert child.stdout is not None
        header = child.stdout.readline()
        assert header.startswith("session "), header
        sid = int(header.split()[1])
        while len(committed) < 300:
            line = child.stdout.readline()
            assert line, "child exited early"
            index, length = map(int, line.split())
            committed[index] = length
        # Kill while it is still writing: no close(), no checkpoint, no atexit.
        os.kill(child.pid, signal.SIGKILL)
        child.wait(30)
        assert child.returncode == -signal.SIGKILL
        # Anything it printed after our last read was committed too; read it.
        for line in child.stdout:
            index, length = map(int, line.split())
            committed[index] = length
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(30)
        if child.stdout:
            child.stdout.close()

    assert Path(f"{db}-wal").exists()  # the data lives in the un-checkpointed WAL
    with HistoryStore.open(db) as store:
        assert store.notes == []
        turns = {t.index: t for t in store.turns(sid)}
        for index, length in committed.items():
            text = turns[index].text
            assert text.startswith(f"{index} ")
            assert len(text) - len(f"{index} ") >= length
        # Every turn before the last one the child reported is complete.
        last = max(committed)
        for index in range(last):
            assert turns[index].final and turns[index].text.endswith("one two three")
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


@pytest.mark.parametrize(
    ("code", "fault"),
    [
        (sqlite3.SQLITE_BUSY, "unavailable"),
        (sqlite3.SQLITE_LOCKED, "unavailable"),
        (sqlite3.SQLITE_FULL, "unavailable"),
        (sqlite3.SQLITE_IOERR_WRITE, "unavailable"),  # extended codes by their primary code
        (sqlite3.SQLITE_READONLY, "unavailable"),
        (sqlite3.SQLITE_CANTOPEN, "unavailable"),
        (sqlite3.SQLITE_PERM, "unavailable"),
        (sqlite3.SQLITE_CORRUPT, "damaged"),
        (sqlite3.SQLITE_CORRUPT_INDEX, "damaged"),
        (sqlite3.SQLITE_NOTADB, "damaged"),
        (sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY, "invalid"),
        (9999, "unavailable"),  # unknown: keeping the file and retrying is the safe side
    ],
)
def test_only_corrupt_and_notadb_are_damage(code, fault):
    from desktop.infra.history import classify

    exc = sqlite3.OperationalError("x")
    exc.sqlite_errorcode = code  # type: ignore[attr-defined]
    assert classify(exc)[0] == fault


def test_a_database_from_a_newer_program_is_left_alone(tmp_path):
    path = tmp_path / "h.sqlite3"
    with HistoryStore.open(path) as s:
        s.start_session()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version=99")
    conn.close()
    with pytest.raises(HistoryError) as raised:
        HistoryStore.open(path)
    assert raised.value.fault == "unavailable" and "newer version" in raised.value.reason
    assert sorted(p.name for p in tmp_path.iterdir() if "corrupt" in p.name) == []


def test_damage_found_while_in_use_moves_the_files_aside_together(tmp_path):
    path = tmp_path / "h.sqlite3"
    store = HistoryStore.open(path)
    sid = store.start_session()
    store.upsert_turn(sid, 0, "user", "in the old file")
    backup = store.replace_damaged()
    assert backup.name.startswith("h.sqlite3.corrupt-")
    assert backup.exists() and not Path(f"{path}.corrupt").exists()
    old = sqlite3.connect(backup)  # the moved trio still opens, with what the WAL held
    assert old.execute("SELECT text FROM turns").fetchall() == [("in the old file",)]
    old.close()
    assert store.list_sessions() == []
    new = store.start_session()
    store.upsert_turn(new, 0, "user", "in the new file")
    store.close()


def test_a_reader_never_writes_and_never_waits_for_a_writer(tmp_path: Path) -> None:
    """The History window's connection: read-only, and in WAL mode it reads while another
    connection holds the write lock (with no busy wait at all)."""
    db = tmp_path / "h.sqlite3"
    with HistoryStore.open(db) as store:
        sid = store.start_session(at=1.0)
        store.upsert_turn(sid, 0, "user", "kept", final=True)
        holder = sqlite3.connect(db, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")  # WAL: a writer's lock, readers go on
        try:
            reader = HistoryStore.open_reader(db, busy_timeout_s=0)
            assert [s.title for s in reader.list_sessions()] == ["kept"]
            with pytest.raises(HistoryError):
                reader.add_note(sid, "never")
            reader.close()
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert store.notes_of(sid) == []
    with pytest.raises(HistoryError):
        HistoryStore.open_reader(tmp_path / "missing.sqlite3")
    assert not (tmp_path / "missing.sqlite3").exists()  # a reader creates nothing
