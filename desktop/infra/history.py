"""Session history: every transcript turn, tool call, snapshot and note, saved as it happens.

SQLite in the user data dir, WAL journal. Each write is its own transaction, committed
before the call returns, so a process killed with SIGKILL loses nothing it was told was
written (WAL with synchronous=NORMAL survives application crashes; only an OS crash or
power cut may drop the last commits, which is the price of not fsyncing every word).

Turns are keyed by (session, index), the index of session.events.TranscriptChanged, and
written with upsert_turn(): a transcript grows in pieces and each piece rewrites its row.

The store is synchronous and thread-safe (one connection behind a lock), so the app may
call it from a worker thread. Library errors leave this module as HistoryError.
"""

from __future__ import annotations

import base64
import json
import logging
import sqlite3
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from desktop.infra import paths

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1

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
    data BLOB NOT NULL
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

TOOL_STATUSES = ("pending", "ok", "error", "cancelled")


class HistoryError(Exception):
    """The history database could not be read or written."""


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


@dataclass(frozen=True)
class NoteRecord:
    at: float
    level: str
    text: str


def _now(at: float | None) -> float:
    return time.time() if at is None else at


class HistoryStore:
    """Use HistoryStore.open(path); the constructor does no I/O."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.notes: list[str] = []  # things the UI should tell the user (e.g. a reset DB)
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    # -- opening and closing -------------------------------------------------------
    @classmethod
    def open(cls, path: Path | None = None) -> Self:
        store = cls(path or paths.history_path())
        store._open()
        return store

    def _open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._conn = self._connect()
        except sqlite3.DatabaseError as exc:
            # "file is not a database" and friends: keep the file for forensics, start anew.
            log.warning("history database %s unusable (%s); starting a new one", self.path, exc)
            backup = self._move_aside()
            self.notes.append(
                f"The history database was damaged and a new one was started"
                f"{f'; the old one was kept as {backup.name}' if backup else ''}."
            )
            try:
                self._conn = self._connect()
            except sqlite3.Error as exc2:
                raise HistoryError(f"cannot open history database: {exc2}") from exc2
        except sqlite3.Error as exc:
            raise HistoryError(f"cannot open history database: {exc}") from exc

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(
            self.path, isolation_level=None, check_same_thread=False, timeout=10.0
        )
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise sqlite3.DatabaseError(f"schema version {version} is newer than this program")
            conn.executescript(_SCHEMA)
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except sqlite3.Error:
            conn.close()
            raise
        return conn

    def _move_aside(self) -> Path | None:
        stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        try:
            self.path.replace(target)
            for suffix in ("-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        except OSError:
            log.exception("could not move the damaged history database aside")
            return None
        return target

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

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One committed transaction under the lock; sqlite3 errors become HistoryError."""
        with self._lock:
            if self._conn is None:
                raise HistoryError("the history store is closed")
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise HistoryError(str(exc)) from exc
                raise

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._conn is None:
                raise HistoryError("the history store is closed")
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise HistoryError(str(exc)) from exc

    # -- sessions ------------------------------------------------------------------
    def start_session(self, meta: Mapping[str, Any] | None = None, at: float | None = None) -> int:
        """A new session row; `meta` (backend, model, ...) must be JSON-serialisable."""
        with self._tx() as conn:
            cur = conn.execute(
                "INSERT INTO sessions (started_at, meta) VALUES (?, ?)",
                (_now(at), json.dumps(dict(meta or {}))),
            )
            return int(cur.lastrowid or 0)

    def end_session(self, session_id: int, at: float | None = None) -> None:
        with self._tx() as conn:
            conn.execute("UPDATE sessions SET ended_at = ? WHERE id = ?", (_now(at), session_id))

    def delete_session(self, session_id: int) -> None:
        with self._tx() as conn:
            conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

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
        raise HistoryError(f"no session {session_id}")

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
    ) -> None:
        """Create turn `index` or replace its text/flags (a transcript growing in pieces).

        The turn keeps the time it was first seen; updated_at follows the last piece.
        """
        now = _now(at)
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
                (session_id, index, role, text, int(final), int(interrupted), now, now),
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
                raise HistoryError(f"no turn {index} in session {session_id}")

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
                raise HistoryError(f"no tool call {call_id!r} in session {session_id}")

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
        at: float | None = None,
    ) -> int:
        with self._tx() as conn:
            cur = conn.execute(
                "INSERT INTO snapshots (session_id, at, caption, mime, data) "
                "VALUES (?, ?, ?, ?, ?)",
                (session_id, _now(at), caption, mime, sqlite3.Binary(data)),
            )
            return int(cur.lastrowid or 0)

    def snapshots(self, session_id: int) -> list[SnapshotRecord]:
        with self._read() as conn:
            rows = conn.execute(
                "SELECT id, at, caption, mime, data FROM snapshots "
                "WHERE session_id = ? ORDER BY at, id",
                (session_id,),
            ).fetchall()
        return [SnapshotRecord(r[0], r[1], r[2], r[3], bytes(r[4])) for r in rows]

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
