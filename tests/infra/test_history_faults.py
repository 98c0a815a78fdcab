"""History under faults, through real SQLite files and real processes: another program holding
the database, a killed writer's un-checkpointed WAL, a full disk, a read-only file system, a
file of garbage, damaged pages. Nothing the app was told to keep is lost and nothing is deleted.

The disk-full and read-only cases mount a small tmpfs (root, as in CI); without root they fall
back to SQLite's own page cap (a real SQLITE_FULL) and to file modes.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from support.db_lock import Locker

from desktop.infra import paths
from desktop.infra.history import HistoryError, HistoryStore
from desktop.infra.history_writer import (
    REFUSED_TEXT,
    SESSION_DELETED_TEXT,
    HistoryState,
    HistoryStatus,
    HistoryWriter,
)

REPO = Path(__file__).resolve().parents[2]
T0 = 1_750_000_000.0

# Writes turns through the real store until killed; prints each index after its commit.
WRITER_CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from desktop.infra.history import HistoryStore

    store = HistoryStore.open(Path(sys.argv[1]))
    sid = store.start_session({"backend": "simulator"})
    print(f"session {sid}", flush=True)
    i = 0
    while True:
        store.upsert_turn(sid, i, "user", f"killed run turn {i}", final=True)
        print(i, flush=True)
        i += 1
    """
)


@pytest.fixture
def locker_factory() -> Iterator[Callable[[Path], Locker]]:
    started: list[Locker] = []

    def start(db: Path) -> Locker:
        locker = Locker(db)
        started.append(locker)
        return locker

    yield start
    for locker in started:
        locker.kill()  # waits for the child (support/db_lock.py)


class Heard:
    """What the writer told the app, in order (thread-safe)."""

    def __init__(self) -> None:
        self.statuses: list[HistoryStatus] = []
        self._lock = threading.Lock()

    def __call__(self, status: HistoryStatus) -> None:
        with self._lock:
            self.statuses.append(status)

    def states(self) -> list[HistoryState]:
        with self._lock:
            return [s.state for s in self.statuses]

    def texts(self, state: HistoryState) -> list[str]:
        with self._lock:
            return [s.text for s in self.statuses if s.state is state]


def wait_for(condition: Callable[[], object], limit_s: float = 30.0) -> None:
    deadline = time.monotonic() + limit_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {limit_s} s")
        time.sleep(0.02)


def new_writer(db: Path, heard: Heard, **kwargs: object) -> HistoryWriter:
    writer = HistoryWriter(db, retry_first_s=0.1, retry_max_s=0.3, **kwargs)  # type: ignore[arg-type]
    writer.listen(heard)
    return writer.start()


def rows(db: Path, sql: str, args: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return list(conn.execute(sql, args))
    finally:
        conn.close()


def names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def write_session(writer: HistoryWriter, words: str, turns: int) -> int:
    key = writer.start_session({"backend": "simulator"}, at=T0)
    for i in range(turns):
        # Each turn arrives in pieces, as a transcript does.
        writer.upsert_turn(key, i, "user", f"{words} {i}", at=T0 + i)
        writer.upsert_turn(key, i, "user", f"{words} {i} done", final=True, at=T0 + i + 0.5)
    writer.add_note(key, f"{words} note", at=T0 + turns)
    writer.add_snapshot(key, b"\xff\xd8" + words.encode(), caption="label", at=T0 + turns + 1)
    writer.add_tool_call(key, "c1", "lookup_part", {"code": "V-12"}, at=T0 + turns + 2)
    writer.finish_tool_call(key, "c1", "ok", {"name": "valve"}, at=T0 + turns + 3)
    writer.end_session(key, at=T0 + turns + 4)
    return key


def assert_session_saved(
    db: Path, writer: HistoryWriter | HistoryWriterView, key: int, words: str, turns: int
) -> None:
    sid = writer.session_id(key)
    assert sid is not None
    texts = [
        r[0] for r in rows(db, "SELECT text FROM turns WHERE session_id=? ORDER BY idx", (sid,))
    ]
    assert texts == [f"{words} {i} done" for i in range(turns)]
    started = rows(db, "SELECT started_at FROM turns WHERE session_id=? ORDER BY idx", (sid,))
    assert [r[0] for r in started] == [T0 + i for i in range(turns)]  # when it was said
    assert rows(db, "SELECT text FROM notes WHERE session_id=?", (sid,)) == [(f"{words} note",)]
    assert len(rows(db, "SELECT 1 FROM snapshots WHERE session_id=?", (sid,))) == 1
    assert rows(db, "SELECT status FROM tool_calls WHERE session_id=?", (sid,)) == [("ok",)]
    assert rows(db, "SELECT ended_at FROM sessions WHERE id=?", (sid,)) == [(T0 + turns + 4,)]


def make_db(db: Path, journal: str = "wal") -> None:
    with HistoryStore.open(db) as store:
        sid = store.start_session(at=T0 - 100)
        store.upsert_turn(sid, 0, "user", "an earlier session", final=True)
    if journal != "wal":
        conn = sqlite3.connect(db)
        conn.execute(f"PRAGMA journal_mode={journal}")
        conn.close()


# -- another program holds the database --


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_locked_at_open_nothing_moved_turns_held_and_written_after_release(
    tmp_path: Path, locker_factory: Callable[[Path], Locker], journal: str
) -> None:
    """In WAL mode the lock stops writes only; in rollback mode it stops the open itself."""
    db = tmp_path / "h.sqlite3"
    make_db(db, journal)
    locker = locker_factory(db)
    before = names(tmp_path)  # with the locker's -wal/-shm
    heard = Heard()
    writer = new_writer(db, heard)
    key = write_session(writer, "held", 20)
    wait_for(lambda: HistoryState.UNAVAILABLE in heard.states())
    (text,) = heard.texts(HistoryState.UNAVAILABLE)
    assert "locked by another program" in text and "kept in memory" in text
    assert writer.store is None  # the history window says "unavailable", not a stale view
    time.sleep(1.0)  # several retries while locked
    assert names(tmp_path) == before  # nothing renamed, nothing deleted
    assert writer.pending > 0
    assert heard.states().count(HistoryState.UNAVAILABLE) == 1  # said once, not per retry

    locker.release()
    assert writer.flush(30)
    wait_for(lambda: HistoryState.RECOVERED in heard.states())
    assert "saved again" in heard.texts(HistoryState.RECOVERED)[0]
    assert_session_saved(db, writer, key, "held", 20)
    assert rows(db, "SELECT text FROM turns WHERE text = 'an earlier session'")
    assert writer.close() == 0
    assert not list(tmp_path.glob("*corrupt*"))


def test_locked_mid_session_one_failed_write_never_disables_history(
    tmp_path: Path, locker_factory: Callable[[Path], Locker]
) -> None:
    db = tmp_path / "h.sqlite3"
    heard = Heard()
    writer = new_writer(db, heard)
    key = writer.start_session(at=T0)
    for i in range(5):
        writer.upsert_turn(key, i, "user", f"before {i}", final=True)
    assert writer.flush(30)
    locker = locker_factory(db)
    for i in range(5, 40):
        writer.upsert_turn(key, i, "user", f"during {i}", final=True)
    wait_for(lambda: HistoryState.UNAVAILABLE in heard.states())
    for i in range(40, 45):  # still accepted after the failure
        writer.upsert_turn(key, i, "user", f"during {i}", final=True)
    assert writer.pending > 0
    locker.release()
    assert writer.flush(30)
    for i in range(45, 50):  # and after the recovery, written as before
        writer.upsert_turn(key, i, "user", f"after {i}", final=True)
    assert writer.flush(30)
    sid = writer.session_id(key)
    texts = [
        r[0] for r in rows(db, "SELECT text FROM turns WHERE session_id=? ORDER BY idx", (sid,))
    ]
    assert len(texts) == 50 and texts[0] == "before 0" and texts[-1] == "after 49"
    assert heard.states() == [HistoryState.UNAVAILABLE, HistoryState.RECOVERED]
    assert writer.close() == 0


def test_kill_9_leaves_turns_in_the_wal_then_a_locked_open_keeps_them(
    tmp_path: Path, locker_factory: Callable[[Path], Locker]
) -> None:
    """The exact bug: a run killed with its commits only in the -wal, then the next start
    meets a database locked by another program. Every killed-run turn survives."""
    db = tmp_path / "h.sqlite3"
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER_CHILD, str(db)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        cwd=REPO,
    )
    committed: list[int] = []
    try:
        assert child.stdout is not None
        sid = int(child.stdout.readline().split()[1])
        while len(committed) < 200:
            committed.append(int(child.stdout.readline()))
        os.kill(child.pid, signal.SIGKILL)
        child.wait(30)
        committed.extend(int(line) for line in child.stdout)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(30)
        if child.stdout:
            child.stdout.close()
    wal = Path(f"{db}-wal")
    assert wal.stat().st_size > 0  # the turns live in the un-checkpointed WAL

    locker = locker_factory(db)
    before = names(tmp_path)
    heard = Heard()
    writer = new_writer(db, heard)
    key = write_session(writer, "next run", 5)
    wait_for(lambda: HistoryState.UNAVAILABLE in heard.states())
    time.sleep(1.0)
    assert names(tmp_path) == before  # the -wal and -shm are where they were
    locker.release()
    assert writer.flush(30)
    assert writer.close() == 0

    saved = {r[0] for r in rows(db, "SELECT idx FROM turns WHERE session_id=?", (sid,))}
    assert set(committed) <= saved
    assert_session_saved(db, HistoryWriterView(writer), key, "next run", 5)
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]


class HistoryWriterView:
    """A closed writer still knows the row ids it mapped."""

    def __init__(self, writer: HistoryWriter) -> None:
        self._writer = writer

    def session_id(self, key: int) -> int | None:
        return self._writer.session_id(key)


# -- disk full, read-only --


class SmallDisk:
    """A 1 MiB tmpfs that can be filled, freed, and remounted read-only."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.filler = root / "filler"

    def fill(self) -> None:
        fd = os.open(self.filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        try:
            while True:
                os.write(fd, b"\0" * 4096)
        except OSError:
            pass  # ENOSPC: full
        finally:
            os.close(fd)

    def free(self) -> None:
        self.filler.unlink()

    def read_only(self, on: bool) -> None:
        mode = "ro" if on else "rw"
        subprocess.run(["mount", "-o", f"remount,{mode}", str(self.root)], check=True)


def _can_mount() -> bool:
    return os.geteuid() == 0 and shutil.which("mount") is not None


@pytest.fixture
def small_disk() -> Iterator[SmallDisk]:
    if not _can_mount():
        pytest.skip("needs root to mount a tmpfs; the page-cap variant runs instead")
    root = Path(tempfile.mkdtemp(prefix="fa-disk-"))
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(root)], check=False
    )
    if done.returncode != 0:
        root.rmdir()
        pytest.skip("tmpfs cannot be mounted here; the page-cap variant runs instead")
    try:
        yield SmallDisk(root)
    finally:
        subprocess.run(["umount", "-l", str(root)], check=False)
        root.rmdir()


class CappedStore(HistoryStore):
    """Without root: SQLite's own page cap, a real SQLITE_FULL from the library."""

    cap = 40

    def _connect(self) -> sqlite3.Connection:
        conn = super()._connect()
        conn.execute(f"PRAGMA max_page_count={type(self).cap}")
        return conn


def test_disk_full_at_open_and_mid_session(small_disk: SmallDisk) -> None:
    db = small_disk.root / "data" / "h.sqlite3"
    small_disk.root.joinpath("data").mkdir()
    small_disk.fill()
    heard = Heard()
    writer = new_writer(db, heard)
    first = write_session(writer, "full at open", 10)
    wait_for(lambda: HistoryState.UNAVAILABLE in heard.states())
    assert "disk is full" in heard.texts(HistoryState.UNAVAILABLE)[0]
    small_disk.free()
    assert writer.flush(30)
    assert_session_saved(db, writer, first, "full at open", 10)

    small_disk.fill()  # mid-session: the database is open and in use
    key = writer.start_session(at=T0)
    for i in range(30):
        writer.upsert_turn(key, i, "user", f"while full {i} " + "x" * 2000, final=True)
    wait_for(lambda: heard.states().count(HistoryState.UNAVAILABLE) == 2)
    assert writer.pending > 0
    small_disk.free()
    assert writer.flush(30)
    sid = writer.session_id(key)
    assert len(rows(db, "SELECT 1 FROM turns WHERE session_id=?", (sid,))) == 30
    assert heard.states().count(HistoryState.RECOVERED) == 2
    assert writer.close() == 0
    assert not list(db.parent.glob("*corrupt*"))


def test_disk_full_by_page_cap_without_root(tmp_path: Path) -> None:
    """The same fault where no tmpfs can be mounted (SQLITE_FULL at the page cap)."""
    db = tmp_path / "h.sqlite3"
    heard = Heard()
    writer = new_writer(db, heard, opener=CappedStore.open)
    key = writer.start_session(at=T0)
    for i in range(60):
        writer.upsert_turn(key, i, "user", f"turn {i} " + "x" * 3000, final=True)
    wait_for(lambda: HistoryState.UNAVAILABLE in heard.states())
    assert "disk is full" in heard.texts(HistoryState.UNAVAILABLE)[0]
    store = writer._store
    assert store is not None and store._conn is not None
    CappedStore.cap = 100_000  # room again (the next connection gets it too)
    store._conn.execute("PRAGMA max_page_count=100000")
    assert writer.flush(30)
    sid = writer.session_id(key)
    assert len(rows(db, "SELECT 1 FROM turns WHERE session_id=?", (sid,))) == 60
    writer.close()
    CappedStore.cap = 40


def test_read_only_file_system_at_open(small_disk: SmallDisk) -> None:
    db = small_disk.root / "h.sqlite3"
    make_db(db)
    before = {p.name: p.read_bytes() for p in small_disk.root.iterdir()}
    small_disk.read_only(True)
    heard = Heard()
    writer = new_writer(db, heard)
    key = write_session(writer, "read-only", 5)
    wait_for(lambda: HistoryState.UNAVAILABLE in heard.states())
    assert "read-only" in heard.texts(HistoryState.UNAVAILABLE)[0]
    assert {p.name: p.read_bytes() for p in small_disk.root.iterdir()} == before
    small_disk.read_only(False)
    assert writer.flush(30)
    assert_session_saved(db, writer, key, "read-only", 5)
    writer.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file modes; the tmpfs case runs")
def test_read_only_folder_without_root(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "h.sqlite3"
    folder.chmod(0o500)
    try:
        heard = Heard()
        writer = new_writer(db, heard)
        key = write_session(writer, "read-only", 5)
        wait_for(lambda: HistoryState.UNAVAILABLE in heard.states())
    finally:
        folder.chmod(0o700)
    assert writer.flush(30)
    assert_session_saved(db, writer, key, "read-only", 5)
    writer.close()


# -- real damage --


def test_garbage_file_is_moved_aside_with_its_wal_and_shm(tmp_path: Path) -> None:
    db = tmp_path / "h.sqlite3"
    contents = {
        "": b"this is not sqlite at all" * 100,
        "-wal": b"garbage wal" * 50,
        "-shm": b"garbage shm" * 50,
    }
    for suffix, data in contents.items():
        Path(f"{db}{suffix}").write_bytes(data)
    heard = Heard()
    writer = new_writer(db, heard)
    key = write_session(writer, "after damage", 3)
    assert writer.flush(30)
    (note,) = heard.texts(HistoryState.DAMAGED)
    (aside,) = tmp_path.glob("h.sqlite3.corrupt-*[0-9]")
    assert str(aside) in note and "moved aside" in note
    # Kept under one stamp: the database and its WAL byte for byte (the -shm is only SQLite's
    # shared-memory index, rewritten by whoever opens the file).
    assert Path(str(aside)).read_bytes() == contents[""]
    assert Path(f"{aside}-wal").read_bytes() == contents["-wal"]
    assert Path(f"{aside}-shm").exists()
    assert_session_saved(db, writer, key, "after damage", 3)
    writer.close()


def _damage_interior_pages(db: Path) -> None:
    with HistoryStore.open(db) as store:
        sid = store.start_session(at=T0)
        for i in range(400):
            store.upsert_turn(sid, i, "user", f"turn {i} " + "words " * 40, final=True)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    count = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    assert count > 20
    with db.open("r+b") as f:
        for n in range(count // 2, count // 2 + 4):  # pages in the middle, not the header
            f.seek(n * page)
            f.write(os.urandom(page))


def test_damaged_interior_pages_are_found_and_moved_aside(tmp_path: Path) -> None:
    db = tmp_path / "h.sqlite3"
    _damage_interior_pages(db)
    damaged = db.read_bytes()
    conn = sqlite3.connect(db)
    with contextlib.suppress(sqlite3.DatabaseError):
        assert conn.execute("PRAGMA quick_check").fetchone()[0] != "ok"
    conn.close()
    heard = Heard()
    writer = new_writer(db, heard)
    key = write_session(writer, "fresh", 3)
    assert writer.flush(30)
    (note,) = heard.texts(HistoryState.DAMAGED)
    (aside,) = tmp_path.glob("h.sqlite3.corrupt-*[0-9]")
    assert str(aside) in note
    assert aside.read_bytes() == damaged
    assert_session_saved(db, writer, key, "fresh", 3)
    assert rows(db, "PRAGMA quick_check") == [("ok",)]
    writer.close()


# -- privacy and deletion --


def test_database_wal_shm_and_folders_are_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        data = paths.data_dir()
        heard = Heard()
        writer = HistoryWriter().start()
        writer.listen(heard)
        writer.start_session()
        assert writer.flush(30)
        db = paths.history_path()
        for file in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            assert file.stat().st_mode & 0o777 == 0o600, file
        assert data.stat().st_mode & 0o777 == 0o700
        writer.close()
        # A database left readable by an older version is tightened at the next open.
        db.chmod(0o644)
        with HistoryStore.open(db):
            assert db.stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(old)


def test_logs_and_snapshot_folders_are_private(tmp_path: Path) -> None:
    import logging

    from desktop.infra.logs import reset_logging, setup_logging

    old = os.umask(0o022)
    try:
        log_file = setup_logging("INFO", tmp_path / "logs" / "deeper")
        logging.getLogger("test").info("hello")
        handler = next(h for h in logging.getLogger().handlers if hasattr(h, "doRollover"))
        handler.doRollover()
        logging.getLogger("test").info("after the rollover")
        for file in (log_file, log_file.with_name(log_file.name + ".1")):
            assert file.stat().st_mode & 0o777 == 0o600, file
        for folder in (log_file.parent, log_file.parent.parent):
            assert folder.stat().st_mode & 0o777 == 0o700, folder
        shots = paths.private_dir(paths.snapshots_dir())
        assert shots.stat().st_mode & 0o777 == 0o700
        assert paths.data_dir().stat().st_mode & 0o777 == 0o700
    finally:
        reset_logging()
        os.umask(old)


def test_deleting_a_session_deletes_its_snapshot_files(tmp_path: Path) -> None:
    folder = tmp_path / "snapshots"
    folder.mkdir()
    with HistoryStore.open(tmp_path / "h.sqlite3", snapshot_dir=folder) as store:
        gone, kept = store.start_session(), store.start_session()
        for sid, name in (
            (gone, "snapshot-a.jpg"),
            (gone, "snapshot-b.jpg"),
            (kept, "snapshot-c.jpg"),
        ):
            (folder / name).write_bytes(b"\xff\xd8" + name.encode())
            store.add_snapshot(sid, (folder / name).read_bytes(), caption=name, file=name)
        store.add_snapshot(gone, b"x", caption="sneaky", file="../h.sqlite3")  # never followed
        store.delete_session(gone)
        assert names(folder) == {"snapshot-c.jpg"}
        assert (tmp_path / "h.sqlite3").exists()
        assert len(store.snapshots(kept)) == 1


def test_snapshots_of_an_older_database_are_named_after_the_upgrade(tmp_path: Path) -> None:
    """Version 1 kept the file name in the caption: the upgrade lets deletion find it."""
    db = tmp_path / "h.sqlite3"
    conn = sqlite3.connect(db)
    conn.executescript(
        """
        CREATE TABLE sessions (id INTEGER PRIMARY KEY AUTOINCREMENT, started_at REAL NOT NULL,
            ended_at REAL, meta TEXT NOT NULL DEFAULT '{}');
        CREATE TABLE snapshots (id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            at REAL NOT NULL, caption TEXT NOT NULL DEFAULT '',
            mime TEXT NOT NULL DEFAULT 'image/jpeg', data BLOB NOT NULL);
        INSERT INTO sessions (started_at) VALUES (1);
        INSERT INTO snapshots (session_id, at, caption, data)
            VALUES (1, 2, 'snapshot-20250101-101010-000.jpg', x'ff');
        PRAGMA user_version=1;
        """
    )
    conn.close()
    (tmp_path / "snapshots").mkdir()
    picture = tmp_path / "snapshots" / "snapshot-20250101-101010-000.jpg"
    picture.write_bytes(b"\xff")
    with HistoryStore.open(db) as store:
        assert store.snapshots(1)[0].file == picture.name
        store.delete_session(1)
    assert not picture.exists()


# -- the writer's memory and shutdown --


def test_memory_bound_drops_the_oldest_held_items_with_one_note(
    tmp_path: Path, locker_factory: Callable[[Path], Locker]
) -> None:
    db = tmp_path / "h.sqlite3"
    make_db(db)
    locker = locker_factory(db)
    heard = Heard()
    writer = new_writer(db, heard, max_items=12)
    key = writer.start_session(at=T0)
    for i in range(30):
        for piece in range(5):  # pieces of one turn take one place in memory
            writer.upsert_turn(key, i, "user", f"turn {i} piece {piece}", final=piece == 4)
    writer.end_session(key)
    assert writer.pending <= 12 and writer.dropped > 0
    assert len(heard.texts(HistoryState.OVERFLOW)) == 1
    assert "oldest unsaved" in heard.texts(HistoryState.OVERFLOW)[0]
    locker.release()
    assert writer.flush(30)
    sid = writer.session_id(key)
    texts = [
        r[0] for r in rows(db, "SELECT text FROM turns WHERE session_id=? ORDER BY idx", (sid,))
    ]
    assert texts[-1] == "turn 29 piece 4"  # the newest are kept, complete
    assert rows(db, "SELECT ended_at IS NOT NULL FROM sessions WHERE id=?", (sid,)) == [(1,)]
    writer.close()


COUNT_ROWS = {t: f"SELECT 1 FROM {t}" for t in ("sessions", "turns", "notes")}  # noqa: S608


def _sessions_by_words(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Session row -> its turns, keyed by the first turn's words (row ids differ per run)."""
    found: dict[str, list[tuple[object, ...]]] = {}
    for (sid,) in rows(db, "SELECT id FROM sessions ORDER BY id"):
        turns = rows(
            db, "SELECT idx, text, final FROM turns WHERE session_id=? ORDER BY idx", (sid,)
        )
        if turns:
            found[str(turns[0][1])] = turns
    return found


def test_closing_while_locked_keeps_held_items_in_a_private_journal_written_at_the_next_open(
    tmp_path: Path, locker_factory: Callable[[Path], Locker]
) -> None:
    """The banner promised "will be saved when it can": a close during the outage keeps what
    was held in a 0600 journal beside the database, and the next writer writes all of it into
    the same session rows, then deletes the journal."""
    db = tmp_path / "h.sqlite3"
    make_db(db)
    heard = Heard()
    writer = new_writer(db, heard)
    running = writer.start_session({"backend": "simulator"}, at=T0)
    writer.upsert_turn(running, 0, "user", "before the lock", final=True, at=T0 + 1)
    assert writer.flush(30)
    row = writer.session_id(running)
    locker = locker_factory(db)
    for i in range(1, 4):
        writer.upsert_turn(running, i, "user", f"during the lock {i}", final=True, at=T0 + 1 + i)
    writer.add_snapshot(running, b"\xff\xd8\x00picture", caption="label", at=T0 + 10)
    writer.tool_step(running, "c1", "lookup_part", {"code": "V-12"}, step="running", at=T0 + 11)
    writer.tool_step(running, "c1", "lookup_part", {"code": "V-12"}, step="done", at=T0 + 12)
    writer.end_session(running, at=T0 + 20)
    second = write_session(writer, "second", 3)  # its row was never created
    wait_for(lambda: HistoryState.UNAVAILABLE in heard.states())
    held = writer.pending
    assert held > 10

    started = time.monotonic()
    assert writer.close(0.5) == 0  # nothing lost: kept in the journal
    assert time.monotonic() - started < 10  # generous: a bounded wait, never a hang
    (journal,) = tmp_path.glob("h.sqlite3.pending-*.jsonl")
    assert journal.stat().st_mode & 0o777 == 0o600
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob("*corrupt*"))
    assert len(journal.read_text(encoding="utf-8").splitlines()) >= held

    locker.release()
    again = Heard()
    reopened = new_writer(db, again)
    assert reopened.flush(30)
    assert not list(tmp_path.glob("h.sqlite3.pending-*"))  # deleted once committed
    assert any("were saved" in t for t in again.texts(HistoryState.JOURNAL))
    sessions = _sessions_by_words(db)
    assert sessions["before the lock"] == [
        (0, "before the lock", 1),
        *((i, f"during the lock {i}", 1) for i in range(1, 4)),
    ]
    assert rows(db, "SELECT ended_at FROM sessions WHERE id=?", (row,)) == [(T0 + 20,)]
    assert rows(db, "SELECT data FROM snapshots WHERE session_id=?", (row,)) == [
        (b"\xff\xd8\x00picture",)
    ]
    assert rows(db, "SELECT status FROM tool_calls WHERE session_id=?", (row,)) == [("ok",)]
    assert [t[1] for t in sessions["second 0 done"]] == [f"second {i} done" for i in range(3)]
    (new_row,) = rows(db, "SELECT session_id FROM turns WHERE text='second 0 done'")
    assert rows(db, "SELECT text FROM notes WHERE session_id=?", new_row) == [("second note",)]
    assert rows(db, "SELECT status FROM tool_calls WHERE session_id=?", new_row) == [("ok",)]
    assert rows(db, "SELECT ended_at FROM sessions WHERE id=?", new_row) == [(T0 + 3 + 4,)]
    assert second  # its key belonged to the closed writer; the rows are found by their words
    assert len(rows(db, "SELECT 1 FROM sessions")) == 3  # the earlier one, ours, the second
    assert reopened.close() == 0


def test_a_journal_is_imported_once_even_when_it_could_not_be_deleted(
    tmp_path: Path, locker_factory: Callable[[Path], Locker]
) -> None:
    """Committed, then the process died before deleting the file: the next open finds the
    journal's id in the database, writes nothing twice and deletes the file."""
    db = tmp_path / "h.sqlite3"
    make_db(db)
    locker = locker_factory(db)
    writer = new_writer(db, Heard())
    write_session(writer, "once", 2)
    wait_for(lambda: writer.status.state is HistoryState.UNAVAILABLE)
    assert writer.close(0.5) == 0
    (journal,) = tmp_path.glob("h.sqlite3.pending-*.jsonl")
    copy = journal.read_bytes()
    locker.release()
    first = new_writer(db, Heard())
    assert first.flush(30)
    assert first.close() == 0
    counts = [len(rows(db, COUNT_ROWS[t])) for t in ("sessions", "turns", "notes")]
    journal.write_bytes(copy)  # as if the delete had not happened
    second = new_writer(db, Heard())
    assert second.flush(30)
    assert second.close() == 0
    assert not journal.exists()
    assert [len(rows(db, COUNT_ROWS[t])) for t in ("sessions", "turns", "notes")] == counts


@pytest.mark.parametrize("damage", ["half", "garbage"])
def test_a_half_written_or_garbage_journal_is_kept_aside_and_reported(
    tmp_path: Path, locker_factory: Callable[[Path], Locker], damage: str
) -> None:
    db = tmp_path / "h.sqlite3"
    make_db(db)
    locker = locker_factory(db)
    writer = new_writer(db, Heard())
    write_session(writer, "lost", 4)
    wait_for(lambda: writer.status.state is HistoryState.UNAVAILABLE)
    assert writer.close(0.5) == 0
    locker.release()
    (journal,) = tmp_path.glob("h.sqlite3.pending-*.jsonl")
    text = journal.read_bytes()
    broken = text[: len(text) // 2] if damage == "half" else os.urandom(500)
    journal.write_bytes(broken)
    before = [len(rows(db, COUNT_ROWS[t])) for t in ("sessions", "turns")]

    heard = Heard()
    reopened = new_writer(db, heard)
    key = write_session(reopened, "after", 2)  # the history goes on
    assert reopened.flush(30)
    assert_session_saved(db, reopened, key, "after", 2)
    (aside,) = tmp_path.glob("h.sqlite3.pending-*.jsonl.unreadable")
    assert aside.read_bytes() == broken  # kept, byte for byte
    assert not list(tmp_path.glob("h.sqlite3.pending-*.jsonl"))
    (note,) = heard.texts(HistoryState.JOURNAL)
    assert "could not be read" in note and str(aside) in note
    after = [len(rows(db, COUNT_ROWS[t])) for t in ("sessions", "turns")]
    assert after == [before[0] + 1, before[1] + 2]  # nothing half-imported
    assert reopened.close() == 0


def test_a_journal_that_cannot_be_written_is_logged_with_the_count(
    small_disk: SmallDisk, caplog: pytest.LogCaptureFixture
) -> None:
    """Disk full at close: the journal cannot be written either; the log says how many items
    are lost and why, and no partial file is left behind."""
    db = small_disk.root / "h.sqlite3"
    heard = Heard()
    writer = new_writer(db, heard)
    key = writer.start_session(at=T0)
    assert writer.flush(30)
    small_disk.fill()
    for i in range(20):
        writer.upsert_turn(key, i, "user", f"while full {i} " + "x" * 2000, final=True)
    wait_for(lambda: HistoryState.UNAVAILABLE in heard.states())
    held = writer.pending
    assert writer.close(0.5) == held > 0
    assert f"{held} history items could not be saved before closing" in caplog.text
    assert "could not be kept in a file beside the database either" in caplog.text
    assert not list(small_disk.root.glob("h.sqlite3.pending-*"))


def test_start_returns_before_a_locked_database_opens(
    tmp_path: Path, locker_factory: Callable[[Path], Locker]
) -> None:
    db = tmp_path / "h.sqlite3"
    make_db(db, "delete")  # rollback journal: the lock stops even the open
    locker = locker_factory(db)
    heard = Heard()
    writer = HistoryWriter(db, retry_first_s=0.1, retry_max_s=0.3)
    writer.listen(heard)
    writer.start()
    assert writer.status.state is HistoryState.OPENING  # start() did not wait for the open
    key = writer.start_session()  # a key at once, without a database
    wait_for(lambda: HistoryState.UNAVAILABLE in heard.states())
    assert writer.session_id(key) is None
    locker.release()
    assert writer.flush(30)
    assert writer.session_id(key) is not None
    writer.close()


def test_damaged_file_that_cannot_be_moved_is_retried_without_piling_up_connections(
    tmp_path: Path,
) -> None:
    """A file that is a mount point cannot be renamed (EBUSY): a real move-aside failure."""
    if not _can_mount():
        pytest.skip("needs root to bind-mount the database file")
    db = tmp_path / "h.sqlite3"
    db.write_bytes(b"not a database" * 100)
    Path(f"{db}-wal").write_bytes(b"wal bytes" * 100)
    subprocess.run(["mount", "--bind", str(db), str(db)], check=True)
    try:
        heard = Heard()
        writer = new_writer(db, heard)
        key = write_session(writer, "waited", 2)
        wait_for(lambda: HistoryState.UNAVAILABLE in heard.states())
        assert "could not be moved aside" in heard.texts(HistoryState.UNAVAILABLE)[0]
        time.sleep(0.5)
        fds = len(os.listdir("/proc/self/fd"))
        time.sleep(1.5)  # several more attempts
        assert len(os.listdir("/proc/self/fd")) <= fds + 1
        assert Path(f"{db}-wal").read_bytes() == b"wal bytes" * 100  # put back, untouched
    finally:
        subprocess.run(["umount", "-l", str(db)], check=False)  # lazily: the file is open
    assert writer.flush(30)
    (aside,) = tmp_path.glob("h.sqlite3.corrupt-*[0-9]")
    assert Path(f"{aside}-wal").read_bytes() == b"wal bytes" * 100
    assert len(heard.texts(HistoryState.DAMAGED)) == 1
    assert_session_saved(db, writer, key, "waited", 2)
    writer.close()


# -- deleting sessions --


def test_the_session_being_recorded_is_never_deleted_and_a_row_deleted_elsewhere_is_reported(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "h.sqlite3"
    heard = Heard()
    writer = new_writer(db, heard)
    ended = write_session(writer, "ended", 2)
    key = writer.start_session(at=T0 + 100)
    writer.upsert_turn(key, 0, "user", "being recorded", final=True)
    assert writer.flush(30)
    row = writer.recording_session()
    assert row == writer.session_id(key) and row is not None

    refused = writer.delete_session(row)
    with pytest.raises(HistoryError, match="being recorded"):
        refused.result(5)
    assert heard.texts(HistoryState.REFUSED) == [REFUSED_TEXT]
    assert rows(db, "SELECT text FROM turns WHERE session_id=?", (row,)) == [("being recorded",)]

    writer.delete_session(writer.session_id(ended) or 0).result(30)  # an ended one: deleted
    assert not rows(db, "SELECT 1 FROM sessions WHERE id=?", (writer.session_id(ended),))

    # Another program deletes the session being recorded: its later items have nowhere to go.
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("DELETE FROM sessions WHERE id=?", (row,))
    conn.commit()
    conn.close()
    for i in range(1, 6):
        writer.upsert_turn(key, i, "user", f"after the delete {i}", final=True)
    writer.tool_step(key, "c9", "lookup_part", {}, step="done")
    writer.end_session(key)
    assert writer.flush(30)
    assert heard.texts(HistoryState.SESSION_DELETED) == [SESSION_DELETED_TEXT]  # said once
    assert writer.status.state is HistoryState.SESSION_DELETED  # not "available"
    said = [r for r in caplog.records if "was deleted while it was recorded" in r.getMessage()]
    assert len(said) == 1
    assert "FOREIGN KEY" not in caplog.text  # understood, not logged per item

    later = writer.start_session(at=T0 + 200)  # the next session is saved as before
    writer.upsert_turn(later, 0, "user", "next session", final=True)
    assert writer.flush(30)
    assert writer.status.state is HistoryState.AVAILABLE
    assert rows(db, "SELECT text FROM turns WHERE session_id=?", (writer.session_id(later),))
    assert writer.close() == 0
