"""Session history: every transcript turn, tool call, snapshot and note, saved as it happens.

SQLite in the user data dir, WAL journal. Each write is its own transaction, committed
before the call returns, so a process killed with SIGKILL loses nothing it was told was
written (WAL with synchronous=NORMAL survives application crashes; only an OS crash or
power cut may drop the last commits, which is the price of not fsyncing every word).

Turns are keyed by (session, index), the index of session.events.TranscriptChanged, and
written with upsert_turn(): a transcript grows in pieces and each piece rewrites its row.

The store is synchronous and thread-safe (one connection behind a lock); the app writes
through `history_writer.HistoryWriter`, one thread that holds what cannot be written yet.
Library errors leave this module as HistoryError, with a `fault` that says what to do:

- DAMAGED (SQLITE_CORRUPT, SQLITE_NOTADB, a failing quick_check): the file is moved aside with
  its -wal and -shm under one stamp, never deleted, and a new database is started;
- UNAVAILABLE (busy, locked, full, I/O, read-only, cannot open, permission, newer schema): the
  file stays where it is and the caller tries again later. In WAL mode the recent commits live
  only in the -wal file, so treating these as damage would destroy what a killed run left there;
- INVALID (a constraint, a missing row): this one write is wrong; retrying cannot help.
"""

from __future__ import annotations

import base64
import contextlib
import errno
import json
import logging
import os
import re
import sqlite3
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Self

from desktop.infra import paths

log = logging.getLogger(__name__)

SCHEMA_VERSION = 3  # 2: snapshots.file; 3: full-text search (FTS5) over turns, notes, tools
BUSY_TIMEOUT_S = 1.0  # the writer retries in the background; a long wait helps nobody

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at REAL NOT NULL,
    ended_at REAL,
    meta TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS turns (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    role TEXT NOT NULL,
    text TEXT NOT NULL,
    final INTEGER NOT NULL DEFAULT 0,
    interrupted INTEGER NOT NULL DEFAULT 0,
    started_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    PRIMARY KEY (session_id, idx)
);
CREATE TABLE IF NOT EXISTS tool_calls (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    call_id TEXT NOT NULL,
    name TEXT NOT NULL,
    args TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    result TEXT,
    started_at REAL NOT NULL,
    finished_at REAL,
    UNIQUE (session_id, call_id)
);
CREATE TABLE IF NOT EXISTS snapshots (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    at REAL NOT NULL,
    caption TEXT NOT NULL DEFAULT '',
    mime TEXT NOT NULL DEFAULT 'image/jpeg',
    data BLOB NOT NULL,
    file TEXT
);
CREATE TABLE IF NOT EXISTS notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    at REAL NOT NULL,
    level TEXT NOT NULL DEFAULT 'info',
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tool_calls_session ON tool_calls(session_id);
CREATE INDEX IF NOT EXISTS snapshots_session ON snapshots(session_id);
CREATE INDEX IF NOT EXISTS notes_session ON notes(session_id);
"""

# Version 1 -> 2. Snapshots saved by the app were captioned with their file name.
_MIGRATE_1 = """
ALTER TABLE snapshots ADD COLUMN file TEXT;
UPDATE snapshots SET file = caption WHERE caption GLOB 'snapshot-*.jpg';
"""

# Version 2 -> 3: search across sessions (FTS5). Writes only mark what changed
# (search_dirty, one small page per commit); `index_pending()` brings the index up to date in
# one transaction for many changes, run by the writer thread when its queue is empty. A turn
# rewritten once per transcript piece is so indexed once, not once per word, and a nearly full
# disk needs little more room than without search. The index keeps its own copy of the text,
# so an entry is replaced or removed by its rowid alone: rowid = source row id * 4 + kind code.
# unicode61 with remove_diacritics: "Lüfter" is found by "lufter" too. The triggers test for
# a mark rather than INSERT OR IGNORE: an upsert's own conflict clause would override theirs.
_SEARCH = """
CREATE TABLE IF NOT EXISTS search_dirty (
    kind INTEGER NOT NULL, ref INTEGER NOT NULL, PRIMARY KEY (kind, ref)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
    text, session_id UNINDEXED, at UNINDEXED, tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER IF NOT EXISTS turns_ai AFTER INSERT ON turns BEGIN
    INSERT INTO search_dirty SELECT 0, new.rowid
        WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE kind = 0 AND ref = new.rowid); END;
CREATE TRIGGER IF NOT EXISTS turns_au AFTER UPDATE OF text ON turns BEGIN
    INSERT INTO search_dirty SELECT 0, new.rowid
        WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE kind = 0 AND ref = new.rowid); END;
CREATE TRIGGER IF NOT EXISTS turns_ad AFTER DELETE ON turns BEGIN
    INSERT INTO search_dirty SELECT 0, old.rowid
        WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE kind = 0 AND ref = old.rowid); END;
CREATE TRIGGER IF NOT EXISTS notes_ai AFTER INSERT ON notes BEGIN
    INSERT INTO search_dirty SELECT 1, new.id
        WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE kind = 1 AND ref = new.id); END;
CREATE TRIGGER IF NOT EXISTS notes_ad AFTER DELETE ON notes BEGIN
    INSERT INTO search_dirty SELECT 1, old.id
        WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE kind = 1 AND ref = old.id); END;
CREATE TRIGGER IF NOT EXISTS tools_ai AFTER INSERT ON tool_calls BEGIN
    INSERT INTO search_dirty SELECT 2, new.id
        WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE kind = 2 AND ref = new.id); END;
CREATE TRIGGER IF NOT EXISTS tools_au AFTER UPDATE ON tool_calls BEGIN
    INSERT INTO search_dirty SELECT 2, new.id
        WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE kind = 2 AND ref = new.id); END;
CREATE TRIGGER IF NOT EXISTS tools_ad AFTER DELETE ON tool_calls BEGIN
    INSERT INTO search_dirty SELECT 2, old.id
        WHERE NOT EXISTS (SELECT 1 FROM search_dirty WHERE kind = 2 AND ref = old.id); END;
INSERT OR IGNORE INTO search_dirty SELECT 0, rowid FROM turns;
INSERT OR IGNORE INTO search_dirty SELECT 1, id FROM notes;
INSERT OR IGNORE INTO search_dirty SELECT 2, id FROM tool_calls;
"""
# Kind code -> (its name in a SearchHit, the row's session, time and text now).
_SEARCH_KINDS: dict[int, tuple[str, str]] = {
    0: ("turn", "SELECT session_id, started_at, text FROM turns WHERE rowid = ?"),
    1: ("note", "SELECT session_id, at, text FROM notes WHERE id = ?"),
    2: (
        "tool",
        "SELECT session_id, started_at, "
        "name || ' ' || args || COALESCE(' ' || NULLIF(result, 'null'), '') "
        "FROM tool_calls WHERE id = ?",
    ),
}
_SEARCH_SQL = (
    "SELECT rowid, session_id, at, snippet(search_fts, 0, '[', ']', '…', 10) FROM search_fts "
    "WHERE search_fts MATCH ? AND session_id IN (SELECT id FROM sessions) "
    "ORDER BY at DESC LIMIT ?"
)
INDEX_BATCH = 2000  # changes indexed per transaction: a long outage's backlog in a few
SEARCH_LIMIT = 200
TOOL_STATUSES = ("pending", "ok", "error", "declined", "cancelled")
# A tool call's steps as the tools report them (ToolActivity.status) -> the status kept here.
# Every step is recorded, so a call that never ran (unknown tool, bad arguments, declined by
# the user) is in the history with its outcome too.
TOOL_STEP_STATUS = {
    "confirming": "pending",
    "running": "pending",
    "done": "ok",
    "failed": "error",
    "declined": "declined",
    "cancelled": "cancelled",
}


class Fault(StrEnum):
    UNAVAILABLE = "unavailable"  # for now: keep the file, keep the data, try again later
    DAMAGED = "damaged"  # the file itself is broken: move it aside, start a new one
    INVALID = "invalid"  # this write is wrong (a bug or a deleted session): drop it


class HistoryError(Exception):
    """The history database could not be read or written; `fault` says why, `reason` in
    plain words for the window."""

    def __init__(
        self, message: str, fault: Fault = Fault.UNAVAILABLE, reason: str | None = None
    ) -> None:
        super().__init__(message)
        self.fault = fault
        self.reason = reason or message


# Primary result codes (https://sqlite.org/rescode.html) -> (fault, plain words).
_CODES: dict[int, tuple[Fault, str]] = {
    1: (Fault.INVALID, "the database refused a statement"),  # SQLITE_ERROR: SQL or schema
    3: (Fault.UNAVAILABLE, "permission to the database file was denied"),  # SQLITE_PERM
    5: (Fault.UNAVAILABLE, "the database is locked by another program"),  # SQLITE_BUSY
    6: (Fault.UNAVAILABLE, "the database is locked by another program"),  # SQLITE_LOCKED
    7: (Fault.UNAVAILABLE, "the computer is out of memory"),  # SQLITE_NOMEM
    8: (Fault.UNAVAILABLE, "the database or its folder is read-only"),  # SQLITE_READONLY
    10: (Fault.UNAVAILABLE, "the disk reported an input/output error"),  # SQLITE_IOERR
    11: (Fault.DAMAGED, "the database file is damaged"),  # SQLITE_CORRUPT
    13: (Fault.UNAVAILABLE, "the disk is full"),  # SQLITE_FULL
    14: (Fault.UNAVAILABLE, "the database file cannot be opened"),  # SQLITE_CANTOPEN
    15: (Fault.UNAVAILABLE, "the database is locked by another program"),  # SQLITE_PROTOCOL
    19: (Fault.INVALID, "a record did not fit the database"),  # SQLITE_CONSTRAINT
    20: (Fault.INVALID, "a record did not fit the database"),  # SQLITE_MISMATCH
    23: (Fault.UNAVAILABLE, "access to the database was denied"),  # SQLITE_AUTH
    25: (Fault.INVALID, "a record did not fit the database"),  # SQLITE_RANGE
    26: (Fault.DAMAGED, "the file is not a database"),  # SQLITE_NOTADB
}
_OS_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the database or its folder is read-only",
    errno.EACCES: "permission to the database folder was denied",
    errno.EPERM: "permission to the database folder was denied",
    errno.EIO: "the disk reported an input/output error",
}


def classify(exc: sqlite3.Error) -> tuple[Fault, str]:
    """What a library error means for the data. Unknown codes count as "for now": keeping the
    file and retrying is always safe, moving it aside is not."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:  # Python-level: closed connection, wrong use of the API
        return Fault.INVALID, str(exc)
    return _CODES.get(code & 0xFF, (Fault.UNAVAILABLE, str(exc)))


def _error(exc: sqlite3.Error) -> HistoryError:
    fault, reason = classify(exc)
    name = getattr(exc, "sqlite_errorname", None) or type(exc).__name__
    return HistoryError(f"{exc} ({name})", fault, reason)


# Connections to damaged files that could not be moved aside, by path (see
# _set_aside_damaged). The next attempt tries the move again without opening another one.
_kept_open: dict[str, sqlite3.Connection] = {}


def _read_only(folder: Path) -> bool:
    try:
        if hasattr(os, "statvfs") and os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
        return not os.access(folder, os.W_OK)
    except OSError:
        return False


def _write_error(exc: Exception) -> HistoryError:
    """Any other error of one write as the store reports it."""
    if isinstance(exc, sqlite3.Error):
        return _error(exc)
    return HistoryError(
        f"{type(exc).__name__}: {exc}", Fault.INVALID, "a record could not be saved"
    )


def _os_error(exc: OSError) -> HistoryError:
    reason = _OS_REASONS.get(exc.errno or 0, f"the database folder cannot be used ({exc})")
    return HistoryError(str(exc), Fault.UNAVAILABLE, reason)


def storable(value: Any) -> Any:
    """`value` with every lone surrogate in its texts (keys too, in mappings and sequences)
    replaced by U+FFFD. The SDK keeps such code points in server text and tool arguments;
    SQLite and UTF-8 files refuse them, and one of them must not cost the rest of the record.
    Returns `value` itself when nothing needed replacing (the common case)."""
    if isinstance(value, str):
        return _storable_text(value)
    if isinstance(value, Mapping):
        pairs = [(storable(k), storable(v)) for k, v in value.items()]
        if all(k is k0 and v is v0 for (k, v), (k0, v0) in zip(pairs, value.items(), strict=True)):
            return value
        return dict(pairs)
    if isinstance(value, list | tuple):
        items = [storable(v) for v in value]
        if all(a is b for a, b in zip(items, value, strict=True)):
            return value
        return items if isinstance(value, list) else tuple(items)
    return value


def _storable_text(text: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # Through UTF-16, a high+low pair becomes the character it stands for and only the
        # lone halves are replaced.
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text


class _Writes:
    """The connection as the write methods see it: every argument is made storable on its
    way in, so no write method has to remember it."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def execute(self, sql: str, args: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self._conn.execute(sql, tuple(storable(a) for a in args))


@dataclass(frozen=True)
class SessionInfo:
    id: int
    started_at: float
    ended_at: float | None
    meta: dict[str, Any]
    turn_count: int
    title: str  # the first user words, for a history list


@dataclass(frozen=True)
class TurnRecord:
    index: int
    role: str
    text: str
    final: bool
    interrupted: bool
    started_at: float
    updated_at: float


@dataclass(frozen=True)
class ToolCallRecord:
    call_id: str
    name: str
    args: Any
    status: str
    result: Any
    started_at: float
    finished_at: float | None


@dataclass(frozen=True)
class SnapshotRecord:
    id: int
    at: float
    caption: str
    mime: str
    data: bytes
    file: str | None = None  # name in the snapshots folder, deleted with the session


@dataclass(frozen=True)
class SearchHit:
    session_id: int
    kind: str  # "turn" | "note" | "tool"
    at: float
    snippet: str  # the matching words with a little context, "[" "]" around each match


@dataclass(frozen=True)
class NoteRecord:
    at: float
    level: str
    text: str


def _now(at: float | None) -> float:
    return time.time() if at is None else at


class HistoryStore:
    """Use HistoryStore.open(path); the constructor does no I/O.

    `snapshot_dir` is where the snapshot files named in the database live (deleted with
    their session); by default the `snapshots` folder beside the database.
    """

    def __init__(
        self,
        path: Path,
        *,
        snapshot_dir: Path | None = None,
        busy_timeout_s: float = BUSY_TIMEOUT_S,
    ) -> None:
        self.path = path
        self.snapshot_dir = snapshot_dir or path.parent / "snapshots"
        self.notes: list[str] = []  # things the UI should tell the user (e.g. a reset DB)
        self.set_aside: list[Path] = []  # damaged databases moved aside by this store
        self._busy_timeout_s = busy_timeout_s
        self._conn: sqlite3.Connection | None = None
        self._damaged_conn: sqlite3.Connection | None = None  # open until moved aside
        self._lock = threading.RLock()  # re-entered by the writes inside a batch()
        self._batch_thread: int | None = None  # the thread inside batch(), if any
        self._reader = False  # opened by open_reader: never writes, not even the index

    # -- opening and closing -------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        snapshot_dir: Path | None = None,
        busy_timeout_s: float = BUSY_TIMEOUT_S,
    ) -> Self:
        """Open (creating if needed) the database. Raises HistoryError with fault UNAVAILABLE
        when it cannot be used for now; a damaged file is moved aside and noted instead."""
        store = cls(
            path or paths.history_path(), snapshot_dir=snapshot_dir, busy_timeout_s=busy_timeout_s
        )
        store._open()
        return store

    def _open(self) -> None:
        try:
            self._conn = self._connect()
        except HistoryError as exc:
            if exc.fault is not Fault.DAMAGED:
                raise
            log.warning("history database %s is damaged (%s)", self.path, exc)
            backup = self._set_aside_damaged()
            self.notes.append(
                f"The history database was damaged ({exc.reason}). It was moved aside as "
                f"{backup} (with its -wal and -shm files) and a new one was started."
            )
            self._conn = self._connect()

    def _connect(self) -> sqlite3.Connection:
        """A checked connection; every failure is a HistoryError with its fault."""
        held = _kept_open.pop(str(self.path), None)
        if held is not None:  # known damaged, not moved yet: try the move again, open nothing
            self._damaged_conn = held
            raise HistoryError("still damaged", Fault.DAMAGED, "the database file is damaged")
        self._prepare_files()
        try:
            conn = sqlite3.connect(
                self.path,
                isolation_level=None,
                check_same_thread=False,
                timeout=self._busy_timeout_s,
            )
        except sqlite3.Error as exc:
            raise self._explain(exc) from exc
        try:
            self._check_and_migrate(conn)
        except (sqlite3.Error, HistoryError) as exc:
            error = exc if isinstance(exc, HistoryError) else self._explain(exc)
            if error.fault is Fault.DAMAGED:
                # Closing the last connection lets SQLite checkpoint and delete the -wal, even
                # of a file it cannot read: the files are moved aside first, then it is closed.
                self._damaged_conn = conn
            else:
                conn.close()
            if error is exc:
                raise
            raise error from exc
        except BaseException:
            conn.close()
            raise
        return conn

    def _prepare_files(self) -> None:
        """Created 0600 before SQLite touches it: the -wal and -shm inherit its mode."""
        try:
            paths.private_file(self.path)
            for suffix in ("-wal", "-shm"):
                if Path(f"{self.path}{suffix}").exists():
                    paths.private_file(Path(f"{self.path}{suffix}"))
        except OSError as exc:
            raise _os_error(exc) from exc

    def _check_and_migrate(self, conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        # Reads only, so a database another program holds for writing still opens.
        check = [row[0] for row in conn.execute("PRAGMA quick_check")]
        if check != ["ok"]:
            raise HistoryError(
                f"quick_check: {'; '.join(map(str, check[:3]))}",
                Fault.DAMAGED,
                "the database file is damaged",
            )
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise HistoryError(
                f"schema version {version} is newer than this program",
                Fault.UNAVAILABLE,
                "the database was written by a newer version of FieldAssist",
            )
        if version < SCHEMA_VERSION:
            self._migrate(conn, version)

    def _explain(self, exc: sqlite3.Error) -> HistoryError:
        """The library's error, with "read-only" named when that is why it cannot open."""
        error = _error(exc)
        if error.fault is Fault.UNAVAILABLE and _read_only(self.path.parent):
            error.reason = _OS_REASONS[errno.EROFS]
        return error

    def _set_aside_damaged(self) -> Path:
        """Move the damaged files aside, then close the connection that found the damage."""
        held, self._damaged_conn = self._damaged_conn, None
        try:
            backup = self._move_aside()
        except HistoryError:
            if held is not None:
                _kept_open[str(self.path)] = held  # never closed: closing could delete its -wal
            raise
        if held is not None:
            with contextlib.suppress(sqlite3.Error):
                held.close()
        return backup

    @staticmethod
    def _migrate(conn: sqlite3.Connection, version: int) -> None:
        """Create or upgrade the schema in one transaction (the only write at open)."""
        # _SCHEMA only creates what is missing, so each upgrade also adds a table an older
        # file never had before the search index is built over it.
        steps = _MIGRATE_1 if version == 1 else ""
        steps += _SCHEMA + _SEARCH
        try:
            conn.executescript(
                f"BEGIN IMMEDIATE;{steps}PRAGMA user_version={SCHEMA_VERSION};COMMIT;"
            )
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _move_aside(self) -> Path:
        """Rename the database and its -wal/-shm to `<name>.corrupt-<stamp>[-wal|-shm]`.

        The stamped names keep the trio openable together for forensics. The journal files
        move first: a new database must never adopt the old one's WAL. Raises HistoryError
        (UNAVAILABLE) when the files cannot be moved; nothing is ever deleted.
        """
        stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 1
        while any(Path(f"{target}{s}").exists() for s in ("", "-wal", "-shm")):
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
            n += 1
        moved: list[tuple[Path, Path]] = []
        try:
            for suffix in ("-wal", "-shm", ""):
                source = Path(f"{self.path}{suffix}")
                if source.exists():
                    source.replace(Path(f"{target}{suffix}"))
                    moved.append((source, Path(f"{target}{suffix}")))
        except OSError as exc:
            for source, moved_to in reversed(moved):  # put back what moved: all or nothing
                with contextlib.suppress(OSError):
                    moved_to.replace(source)
            log.error("could not move the damaged history database aside: %s", exc)
            raise HistoryError(
                f"cannot move the damaged database aside: {exc}",
                Fault.UNAVAILABLE,
                "the database is damaged and could not be moved aside",
            ) from exc
        self.set_aside.append(target)
        return target

    def replace_damaged(self) -> Path:
        """The database turned out damaged while in use: close it, move it aside with its
        -wal/-shm, start a new one. Returns where the old one went."""
        with self._lock:
            self._damaged_conn, self._conn = self._conn, None
            backup = self._set_aside_damaged()  # moved first, closed after: see _connect
            self._conn = self._connect()
        return backup

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.close()
                finally:
                    self._conn = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @classmethod
    def open_reader(
        cls,
        path: Path | None = None,
        *,
        snapshot_dir: Path | None = None,
        busy_timeout_s: float = BUSY_TIMEOUT_S,
    ) -> Self:
        """A read-only connection of its own (the history window): it never shares the
        writer's lock, and in WAL mode a reader never waits for another program's write lock.
        Nothing is checked, created or migrated; raises HistoryError when it cannot open."""
        store = cls(
            path or paths.history_path(), snapshot_dir=snapshot_dir, busy_timeout_s=busy_timeout_s
        )
        try:
            conn = sqlite3.connect(
                f"{store.path.resolve().as_uri()}?mode=ro",
                uri=True,
                isolation_level=None,
                check_same_thread=False,
                timeout=busy_timeout_s,
            )
        except sqlite3.Error as exc:
            raise store._explain(exc) from exc
        try:
            conn.execute("PRAGMA query_only=ON")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.Error as exc:
            conn.close()
            raise _error(exc) from exc
        if version != SCHEMA_VERSION:
            conn.close()
            raise HistoryError(
                f"schema version {version}, this program reads {SCHEMA_VERSION}",
                Fault.UNAVAILABLE,
                "the database is not ready yet"
                if version < SCHEMA_VERSION
                else "the database was written by a newer version of FieldAssist",
            )
        store._conn = conn
        store._reader = True
        return store

    @contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction around several writes of this thread (all or nothing): the write
        methods called inside join it instead of committing on their own."""
        with self._lock:
            if self._conn is None:
                raise HistoryError("the history store is closed")
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
                self._batch_thread = threading.get_ident()
                yield
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise _error(exc) from exc
                raise
            finally:
                self._batch_thread = None

    def execute(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """One statement in its own transaction, or inside the running batch()."""
        with self._tx() as conn:
            return list(conn.execute(sql, args))

    @contextmanager
    def _tx(self) -> Iterator[_Writes]:
        """One committed transaction under the lock; its arguments are made storable, sqlite3
        errors become HistoryError, and so does any other error of this one write (INVALID:
        that write is dropped, the store goes on)."""
        with self._lock:
            if self._conn is None:
                raise HistoryError("the history store is closed")
            conn = self._conn
            if self._batch_thread == threading.get_ident():
                try:  # batch() commits or rolls back; a SAVEPOINT may undo this one write
                    yield _Writes(conn)
                except HistoryError:
                    raise
                except Exception as exc:
                    raise _write_error(exc) from exc
                return
            try:
                conn.execute("BEGIN IMMEDIATE")
                yield _Writes(conn)
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                if isinstance(exc, Exception) and not isinstance(exc, HistoryError):
                    raise _write_error(exc) from exc
                raise

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._conn is None:
                raise HistoryError("the history store is closed")
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise _error(exc) from exc

    # -- sessions ------------------------------------------------------------------
    def start_session(self, meta: Mapping[str, Any] | None = None, at: float | None = None) -> int:
        """A new session row; `meta` (backend, model, ...) must be JSON-serialisable."""
        with self._tx() as conn:
            cur = conn.execute(
                "INSERT INTO sessions (started_at, meta) VALUES (?, ?)",
                (_now(at), _dumps(dict(meta or {}))),
            )
            return int(cur.lastrowid or 0)

    def end_session(self, session_id: int, at: float | None = None) -> None:
        with self._tx() as conn:
            conn.execute("UPDATE sessions SET ended_at = ? WHERE id = ?", (_now(at), session_id))

    def update_meta(self, session_id: int, updates: Mapping[str, Any]) -> None:
        """Merge `updates` into the session's meta (job ID, site, equipment, the report's
        summary); a None value removes its key."""
        with self._tx() as conn:
            row = conn.execute("SELECT meta FROM sessions WHERE id = ?", (session_id,)).fetchone()
            if row is None:
                raise HistoryError(f"no session {session_id}", Fault.INVALID)
            meta = json.loads(row[0])
            for key, value in updates.items():
                if value is None:
                    meta.pop(key, None)
                else:
                    meta[key] = value
            conn.execute("UPDATE sessions SET meta = ? WHERE id = ?", (_dumps(meta), session_id))

    def session_exists(self, session_id: int) -> bool:
        with self._read() as conn:
            row = conn.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone()
        return row is not None

    def delete_session(self, session_id: int) -> None:
        """The session's rows and its snapshot files (files that are already gone are fine)."""
        with self._tx() as conn:
            files = [
                row[0]
                for row in conn.execute(
                    "SELECT file FROM snapshots WHERE session_id = ? AND file IS NOT NULL",
                    (session_id,),
                )
            ]
            conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
        for name in files:
            # Bare names only: a row can never point this at a file outside the folder.
            if Path(name).name != name or name in ("", ".", ".."):
                log.warning("not deleting snapshot %r: not a plain file name", name)
                continue
            try:
                (self.snapshot_dir / name).unlink(missing_ok=True)
            except OSError as exc:
                log.warning("snapshot %s of deleted session not removed: %s", name, exc)

    def search(self, text: str, limit: int = SEARCH_LIMIT) -> list[SearchHit]:
        """Sessions' turns, notes and tool calls containing every word of `text` (words of 3
        or more characters also as the start of a longer one), newest first. Typed words,
        not FTS5 syntax. A writable store indexes what changed first; a reader sees what the
        writer thread has indexed (it does so whenever its queue is empty)."""
        query = fts_query(text)
        if not query:
            return []
        if not self._reader:
            self.index_pending()
        with self._read() as conn:
            rows = conn.execute(_SEARCH_SQL, (query, limit)).fetchall()
        return [
            SearchHit(int(session_id), _SEARCH_KINDS[rowid % 4][0], float(at), snippet)
            for rowid, session_id, at, snippet in rows
        ]

    def index_pending(self, batch: int = INDEX_BATCH) -> int:
        """Bring the search index up to date with what changed, `batch` changes per
        transaction; returns how many were indexed."""
        done = 0
        while True:
            with self._tx() as conn:
                dirty = conn.execute(
                    "SELECT kind, ref FROM search_dirty LIMIT ?", (batch,)
                ).fetchall()
                for kind, ref in dirty:
                    rowid = ref * 4 + kind
                    conn.execute("DELETE FROM search_fts WHERE rowid = ?", (rowid,))
                    row = conn.execute(_SEARCH_KINDS[kind][1], (ref,)).fetchone()
                    if row is not None and row[2]:
                        conn.execute(
                            "INSERT INTO search_fts (rowid, text, session_id, at) "
                            "VALUES (?, ?, ?, ?)",
                            (rowid, row[2], row[0], row[1]),
                        )
                    conn.execute("DELETE FROM search_dirty WHERE kind = ? AND ref = ?", (kind, ref))
            done += len(dirty)
            if len(dirty) < batch:
                return done

    def index_is_current(self) -> bool:
        with self._read() as conn:
            return conn.execute("SELECT 1 FROM search_dirty LIMIT 1").fetchone() is None

    def delete_older_than(self, cutoff: float, keep: Sequence[int] = ()) -> list[int]:
        """Delete every session started before `cutoff` (a time.time() value) with its
        snapshot files, except the rows in `keep` (being recorded). Returns the ids deleted."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT id FROM sessions WHERE started_at < ? ORDER BY id", (cutoff,)
            ).fetchall()
        gone = [int(r[0]) for r in rows if r[0] not in keep]
        for session_id in gone:
            self.delete_session(session_id)
        return gone

    def list_sessions(self) -> list[SessionInfo]:
        """Newest first."""
        with self._read() as conn:
            rows = conn.execute(
                """
                SELECT s.id, s.started_at, s.ended_at, s.meta,
                       (SELECT COUNT(*) FROM turns t WHERE t.session_id = s.id),
                       (SELECT t.text FROM turns t WHERE t.session_id = s.id
                          AND t.role = 'user' AND t.text != '' ORDER BY t.idx LIMIT 1)
                FROM sessions s ORDER BY s.started_at DESC, s.id DESC
                """
            ).fetchall()
        return [
            SessionInfo(
                id=r[0],
                started_at=r[1],
                ended_at=r[2],
                meta=json.loads(r[3]),
                turn_count=r[4],
                title=_title(r[5]),
            )
            for r in rows
        ]

    def get_session(self, session_id: int) -> SessionInfo:
        for info in self.list_sessions():
            if info.id == session_id:
                return info
        raise HistoryError(f"no session {session_id}", Fault.INVALID)

    # -- turns ---------------------------------------------------------------------
    def upsert_turn(
        self,
        session_id: int,
        index: int,
        role: str,
        text: str,
        *,
        final: bool = False,
        interrupted: bool = False,
        at: float | None = None,
        started_at: float | None = None,
    ) -> None:
        """Create turn `index` or replace its text/flags (a transcript growing in pieces).

        The turn keeps the time it was first seen (`started_at` when pieces written late were
        merged); updated_at follows the last piece.
        """
        now = _now(at)
        first = now if started_at is None else started_at
        with self._tx() as conn:
            conn.execute(
                """
                INSERT INTO turns (session_id, idx, role, text, final, interrupted,
                                   started_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (session_id, idx) DO UPDATE SET
                    role = excluded.role, text = excluded.text, final = excluded.final,
                    interrupted = excluded.interrupted, updated_at = excluded.updated_at
                """,
                (session_id, index, role, text, int(final), int(interrupted), first, now),
            )

    def append(
        self,
        session_id: int,
        role: str,
        text: str,
        *,
        final: bool = True,
        interrupted: bool = False,
        at: float | None = None,
    ) -> int:
        """Add a turn after the last one; returns its index."""
        now = _now(at)
        with self._tx() as conn:
            row = conn.execute(
                "SELECT COALESCE(MAX(idx) + 1, 0) FROM turns WHERE session_id = ?", (session_id,)
            ).fetchone()
            index = int(row[0])
            conn.execute(
                "INSERT INTO turns (session_id, idx, role, text, final, interrupted, "
                "started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (session_id, index, role, text, int(final), int(interrupted), now, now),
            )
        return index

    def update_turn(
        self,
        session_id: int,
        index: int,
        *,
        text: str | None = None,
        final: bool | None = None,
        interrupted: bool | None = None,
        at: float | None = None,
    ) -> None:
        """Change some fields of an existing turn (e.g. trim an interrupted reply)."""
        with self._tx() as conn:
            cur = conn.execute(
                """
                UPDATE turns SET text = COALESCE(?, text), final = COALESCE(?, final),
                    interrupted = COALESCE(?, interrupted), updated_at = ?
                WHERE session_id = ? AND idx = ?
                """,
                (
                    text,
                    None if final is None else int(final),
                    None if interrupted is None else int(interrupted),
                    _now(at),
                    session_id,
                    index,
                ),
            )
            if cur.rowcount == 0:
                raise HistoryError(f"no turn {index} in session {session_id}", Fault.INVALID)

    def turns(self, session_id: int) -> list[TurnRecord]:
        with self._read() as conn:
            rows = conn.execute(
                "SELECT idx, role, text, final, interrupted, started_at, updated_at "
                "FROM turns WHERE session_id = ? ORDER BY idx",
                (session_id,),
            ).fetchall()
        return [TurnRecord(r[0], r[1], r[2], bool(r[3]), bool(r[4]), r[5], r[6]) for r in rows]

    # -- tool calls, snapshots, notes ---------------------------------------------------
    def add_tool_call(
        self, session_id: int, call_id: str, name: str, args: Any, at: float | None = None
    ) -> None:
        with self._tx() as conn:
            conn.execute(
                "INSERT INTO tool_calls (session_id, call_id, name, args, started_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (session_id, call_id, name, _dumps(args), _now(at)),
            )

    def finish_tool_call(
        self,
        session_id: int,
        call_id: str,
        status: str,
        result: Any = None,
        at: float | None = None,
    ) -> None:
        """status: "ok" | "error" | "cancelled"; result: the JSON-able response or error."""
        if status not in TOOL_STATUSES:
            raise ValueError(f"status must be one of {TOOL_STATUSES}")
        with self._tx() as conn:
            cur = conn.execute(
                "UPDATE tool_calls SET status = ?, result = ?, finished_at = ? "
                "WHERE session_id = ? AND call_id = ?",
                (status, _dumps(result), _now(at), session_id, call_id),
            )
            if cur.rowcount == 0:
                raise HistoryError(
                    f"no tool call {call_id!r} in session {session_id}", Fault.INVALID
                )

    def record_tool_step(
        self,
        session_id: int,
        call_id: str,
        name: str,
        args: Any,
        *,
        step: str,
        result: Any = None,
        at: float | None = None,
    ) -> None:
        """One step of a tool call (TOOL_STEP_STATUS's words): the first step adds the call,
        a final one sets its outcome and end time, whichever step comes first."""
        status = TOOL_STEP_STATUS.get(step)
        if status is None:
            raise ValueError(f"step must be one of {tuple(TOOL_STEP_STATUS)}")
        when = _now(at)
        finished = None if status == "pending" else when
        with self._tx() as conn:
            conn.execute(
                "INSERT INTO tool_calls "
                "(session_id, call_id, name, args, status, result, started_at, finished_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (session_id, call_id) DO UPDATE SET "
                "status = excluded.status, result = excluded.result, "
                "finished_at = excluded.finished_at WHERE excluded.status != 'pending'",
                (session_id, call_id, name, _dumps(args), status, _dumps(result), when, finished),
            )

    def tool_calls(self, session_id: int) -> list[ToolCallRecord]:
        with self._read() as conn:
            rows = conn.execute(
                "SELECT call_id, name, args, status, result, started_at, finished_at "
                "FROM tool_calls WHERE session_id = ? ORDER BY started_at, id",
                (session_id,),
            ).fetchall()
        return [
            ToolCallRecord(r[0], r[1], json.loads(r[2]), r[3], _loads(r[4]), r[5], r[6])
            for r in rows
        ]

    def add_snapshot(
        self,
        session_id: int,
        data: bytes,
        caption: str = "",
        mime: str = "image/jpeg",
        *,
        at: float | None = None,
        file: str | None = None,
    ) -> int:
        """`file`: the picture's name in `snapshot_dir`, removed when the session is deleted."""
        with self._tx() as conn:
            cur = conn.execute(
                "INSERT INTO snapshots (session_id, at, caption, mime, data, file) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (session_id, _now(at), caption, mime, sqlite3.Binary(data), file),
            )
            return int(cur.lastrowid or 0)

    def snapshots(self, session_id: int) -> list[SnapshotRecord]:
        with self._read() as conn:
            rows = conn.execute(
                "SELECT id, at, caption, mime, data, file FROM snapshots "
                "WHERE session_id = ? ORDER BY at, id",
                (session_id,),
            ).fetchall()
        return [SnapshotRecord(r[0], r[1], r[2], r[3], bytes(r[4]), r[5]) for r in rows]

    def add_note(
        self, session_id: int, text: str, level: str = "info", at: float | None = None
    ) -> None:
        with self._tx() as conn:
            conn.execute(
                "INSERT INTO notes (session_id, at, level, text) VALUES (?, ?, ?, ?)",
                (session_id, _now(at), level, text),
            )

    def notes_of(self, session_id: int) -> list[NoteRecord]:
        with self._read() as conn:
            rows = conn.execute(
                "SELECT at, level, text FROM notes WHERE session_id = ? ORDER BY at, id",
                (session_id,),
            ).fetchall()
        return [NoteRecord(r[0], r[1], r[2]) for r in rows]

    # -- export --------------------------------------------------------------------
    def export_json(self, session_id: int, include_images: bool = False) -> str:
        """The whole session as JSON text (images as base64 only when asked)."""
        info = self.get_session(session_id)
        snapshots = []
        for snap in self.snapshots(session_id):
            item: dict[str, Any] = {
                "id": snap.id,
                "at": _iso(snap.at),
                "caption": snap.caption,
                "mime": snap.mime,
                "bytes": len(snap.data),
            }
            if include_images:
                item["data_base64"] = base64.b64encode(snap.data).decode("ascii")
            snapshots.append(item)
        doc = {
            "format": "fieldassist-session",
            "version": 1,
            "session": {
                "id": info.id,
                "started_at": _iso(info.started_at),
                "ended_at": _iso(info.ended_at) if info.ended_at is not None else None,
                "meta": info.meta,
            },
            "turns": [
                {**asdict(t), "started_at": _iso(t.started_at), "updated_at": _iso(t.updated_at)}
                for t in self.turns(session_id)
            ],
            "tool_calls": [
                {
                    **asdict(c),
                    "started_at": _iso(c.started_at),
                    "finished_at": _iso(c.finished_at) if c.finished_at is not None else None,
                }
                for c in self.tool_calls(session_id)
            ],
            "snapshots": snapshots,
            "notes": [{**asdict(n), "at": _iso(n.at)} for n in self.notes_of(session_id)],
        }
        return json.dumps(doc, indent=2, ensure_ascii=False)

    def export_markdown(self, session_id: int, image_dir: Path | None = None) -> str:
        """A readable transcript for a ticket, events in time order.

        With `image_dir`, snapshots are written there as files and linked by relative name.
        """
        info = self.get_session(session_id)
        lines = [f"# Session {info.id}: {_iso(info.started_at)}", ""]
        for key, value in info.meta.items():
            lines.append(f"- **{key}**: {value}")
        if info.ended_at is not None:
            lines.append(f"- **ended**: {_iso(info.ended_at)}")
        lines.append("")

        timeline: list[tuple[float, int, str]] = []
        for t in self.turns(session_id):
            who = {"user": "Technician", "model": "Assistant"}.get(t.role, t.role.capitalize())
            mark = " *(interrupted)*" if t.interrupted else ""
            text = t.text.strip().replace("\n", "  \n") or "…"
            timeline.append((t.started_at, 0, f"**{_hms(t.started_at)} {who}:** {text}{mark}"))
        for c in self.tool_calls(session_id):
            result = "" if c.result is None else f" → `{_short(c.result)}`"
            timeline.append(
                (
                    c.started_at,
                    1,
                    f"> {_hms(c.started_at)} tool `{c.name}`(`{_short(c.args)}`) "
                    f"{c.status}{result}",
                )
            )
        for s in self.snapshots(session_id):
            ext = "png" if s.mime == "image/png" else "jpg"
            name = f"session{session_id}-snapshot{s.id}.{ext}"
            caption = s.caption or "snapshot"
            if image_dir is not None:
                image_dir.mkdir(parents=True, exist_ok=True)
                (image_dir / name).write_bytes(s.data)
                entry = f"![{caption}]({name})"
            else:
                entry = f"*[{caption}: {len(s.data)} bytes, {s.mime}]*"
            timeline.append((s.at, 2, f"{_hms(s.at)} {entry}"))
        for n in self.notes_of(session_id):
            timeline.append((n.at, 3, f"*{_hms(n.at)} {n.level}: {n.text}*"))
        timeline.sort(key=lambda item: (item[0], item[1]))
        for _, _, line in timeline:
            lines.extend([line, ""])
        return "\n".join(lines).rstrip() + "\n"


def fts_query(text: str) -> str:
    """Typed words as an FTS5 query: every word must match, words of 3 characters or more
    also as the start of a longer one ("bear" finds "bearing"; the "P" of "P-200" only "P").
    Each word is a quoted string, so nothing typed is FTS5 syntax."""
    words = [w for w in re.split(r"\W+", text) if w][:16]
    return " AND ".join(f'"{w}"' + ("*" if len(w) >= 3 else "") for w in words)


def _title(text: str | None) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def _short(value: Any, limit: int = 120) -> str:
    text = value if isinstance(value, str) else _dumps(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _iso(at: float) -> str:
    return datetime.fromtimestamp(at, tz=UTC).isoformat(timespec="milliseconds")


def _hms(at: float) -> str:
    # Local wall-clock time: what the technician saw on the screen.
    return datetime.fromtimestamp(at).strftime("%H:%M:%S")
