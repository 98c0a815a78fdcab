"""One thread writes the history, so a locked or slow database never holds up the window.

Every write verb returns at once: it queues an item and the `history-writer` thread commits
it. The thread also opens the database (at launch a database held by another program must not
delay the window). What it cannot write yet is held in memory, in order, and written once the
database is usable again:

- a session started while the database is unreachable gets a local key at once; the thread
  creates its row when it can and maps the key to the row id (and creates it again in a new
  database if the old one turns out damaged);
- busy, locked, full, I/O error, read-only: the head item stays at the head and the thread
  tries again after 1 s, doubling to 5 s; one failed write never stops the history;
- pieces of a transcript turn that is still waiting are merged into one item, so a long
  outage costs one item per turn, not one per word;
- the memory is bounded (items and bytes). Past the bound the oldest waiting turns, notes,
  pictures and tool calls are dropped first, because a session's beginning is also on screen
  and in the snapshot files while its latest words are what the technician is working on; the
  session rows themselves are never dropped. A note says so once per outage;
- a damaged database (see `history.Fault`) is moved aside with its -wal/-shm and a new one
  started; the note says where the old one is;
- what is still held at close is kept in a journal beside the database
  (`<database>.pending-<stamp>.jsonl`, 0600, written atomically, one JSON object per item);
  the next writer that opens the database imports every journal, oldest first, each in one
  transaction (its id recorded in the database, so it is imported once), then deletes it. A
  journal that cannot be read is kept as `….jsonl.unreadable` and reported. A process killed
  with SIGKILL during an outage still loses what was only in memory;
- deletes (`delete_session`, the history window) go through the same queue, after what is
  already queued; the session being recorded is refused. A session row deleted by another
  program while it is recorded is said once (SESSION_DELETED); its later items are not saved.

Status changes reach the app through `listen(callback)`. The callback runs on the writer
thread (or on the caller's thread for the memory-bound note): it must hand over to its own
loop, as the driver does with `call_soon_threadsafe`.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Self, TypeVar

from desktop.infra import paths
from desktop.infra.history import (
    BUSY_TIMEOUT_S,
    TOOL_STATUSES,
    TOOL_STEP_STATUS,
    Fault,
    HistoryError,
    HistoryStore,
    storable,
)

log = logging.getLogger(__name__)

MAX_ITEMS = 5000  # about 2,500 exchanges of coalesced turns: hours of talking
MAX_BYTES = 64 * 1024 * 1024  # pictures are what fills it: a few hundred snapshots
RETRY_FIRST_S = 1.0
RETRY_MAX_S = 5.0


class HistoryState(StrEnum):
    OPENING = "opening"
    AVAILABLE = "available"
    UNAVAILABLE = "unavailable"  # held in memory, retried in the background
    RECOVERED = "recovered"  # what was held has been written
    DAMAGED = "damaged"  # a damaged database was moved aside; a new one is in use
    OVERFLOW = "overflow"  # the memory bound was reached: the oldest held items are dropped
    SESSION_DELETED = "session-deleted"  # the session being recorded is gone from the database
    REFUSED = "refused"  # a delete of the session being recorded was refused
    JOURNAL = "journal"  # about a file of items kept at the last close (imported or unreadable)


@dataclass(frozen=True)
class HistoryStatus:
    state: HistoryState
    text: str = ""  # plain words for the window
    pending: int = 0


Listener = Callable[[HistoryStatus], None]

UNAVAILABLE_TEXT = (
    "History is unavailable for now ({reason}); this session is kept in memory and will be "
    "saved when it can."
)
RECOVERED_TEXT = "History is saved again ({count} held items were written)."
SESSION_DELETED_TEXT = (
    "The session being recorded was deleted from the history database; what it records from "
    "now on is not saved."
)
REFUSED_TEXT = "The session being recorded cannot be deleted; delete it once the session has ended."
JOURNAL_IMPORTED_TEXT = "{count} history items kept when the app last closed were saved."
JOURNAL_UNREADABLE_TEXT = (
    "A file of history items kept when the app last closed could not be read; nothing was "
    "taken from it and it was kept as {path}."
)
# What a close could not write goes beside the database, one file per close, imported by the
# next writer that opens it: `<database>.pending-<stamp>.jsonl`.
JOURNAL_FORMAT = "fieldassist-history-pending"
JOURNAL_VERSION = 1
OVERFLOW_TEXT = (
    "History is still unavailable and the memory kept for it is full: the oldest unsaved "
    "items of this session are being dropped (the snapshot pictures stay in their folder)."
)


# -- what waits in the queue -----------------------------------------------------------------


@dataclass(frozen=True)
class _Item:
    key: int  # the session's local key
    droppable = True  # may go when the memory bound is reached
    needs_session = True  # written into its session's row (created first when needed)

    def size(self) -> int:
        return 64

    def write(self, store: HistoryStore, session_id: int) -> None:
        raise NotImplementedError


@dataclass(frozen=True)
class _Start(_Item):
    meta: Mapping[str, Any] = field(default_factory=dict)
    at: float = 0.0
    droppable = False  # everything of the session hangs on its row

    def write(self, store: HistoryStore, session_id: int) -> None:
        pass  # the row is created by the writer before any item of the session


@dataclass(frozen=True)
class _End(_Item):
    at: float = 0.0
    droppable = False

    def write(self, store: HistoryStore, session_id: int) -> None:
        store.end_session(session_id, at=self.at)


@dataclass(frozen=True)
class _Turn(_Item):
    index: int = 0
    role: str = ""
    text: str = ""
    final: bool = False
    interrupted: bool = False
    started_at: float = 0.0
    at: float = 0.0

    def size(self) -> int:
        return 64 + len(self.text) * 4

    def write(self, store: HistoryStore, session_id: int) -> None:
        store.upsert_turn(
            session_id,
            self.index,
            self.role,
            self.text,
            final=self.final,
            interrupted=self.interrupted,
            at=self.at,
            started_at=self.started_at,
        )


@dataclass(frozen=True)
class _Note(_Item):
    text: str = ""
    level: str = "info"
    at: float = 0.0

    def size(self) -> int:
        return 64 + len(self.text) * 4

    def write(self, store: HistoryStore, session_id: int) -> None:
        store.add_note(session_id, self.text, self.level, at=self.at)


@dataclass(frozen=True)
class _Snapshot(_Item):
    data: bytes = b""
    caption: str = ""
    mime: str = "image/jpeg"
    file: str | None = None
    at: float = 0.0

    def size(self) -> int:
        return 64 + len(self.data) + len(self.caption) * 4

    def write(self, store: HistoryStore, session_id: int) -> None:
        store.add_snapshot(
            session_id, self.data, self.caption, self.mime, at=self.at, file=self.file
        )


@dataclass(frozen=True)
class _ToolCall(_Item):
    call_id: str = ""
    name: str = ""
    args: Any = None
    at: float = 0.0

    def write(self, store: HistoryStore, session_id: int) -> None:
        store.add_tool_call(session_id, self.call_id, self.name, self.args, at=self.at)


@dataclass(frozen=True)
class _ToolDone(_Item):
    call_id: str = ""
    status: str = "ok"
    result: Any = None
    at: float = 0.0

    def write(self, store: HistoryStore, session_id: int) -> None:
        store.finish_tool_call(session_id, self.call_id, self.status, self.result, at=self.at)


@dataclass(frozen=True)
class _ToolStep(_Item):
    call_id: str = ""
    name: str = ""
    args: Any = None
    step: str = "running"
    result: Any = None
    at: float = 0.0

    def write(self, store: HistoryStore, session_id: int) -> None:
        store.record_tool_step(
            session_id,
            self.call_id,
            self.name,
            self.args,
            step=self.step,
            result=self.result,
            at=self.at,
        )


@dataclass(frozen=True)
class _Meta(_Item):
    """Keys merged into the session's meta (job details typed or told to the model)."""

    updates: Mapping[str, Any] = field(default_factory=dict)
    droppable = False  # a job ID is small and says what the whole session was for

    def write(self, store: HistoryStore, session_id: int) -> None:
        store.update_meta(session_id, self.updates)


@dataclass(frozen=True)
class _RowMeta(_Item):
    """Keys merged into an earlier session's meta, by its row id (the History window)."""

    row: int = 0
    updates: Mapping[str, Any] = field(default_factory=dict)
    droppable = False
    needs_session = False

    def write(self, store: HistoryStore, session_id: int) -> None:
        store.update_meta(self.row, self.updates)


@dataclass(frozen=True)
class _Delete(_Item):
    """Delete a session's rows and snapshot files (the history window), in queue order."""

    row: int = 0
    done: Future[None] | None = field(default=None, compare=False)
    droppable = False
    needs_session = False

    def write(self, store: HistoryStore, session_id: int) -> None:
        store.delete_session(self.row)


@dataclass(frozen=True)
class _Purge(_Item):
    """Data retention: delete the sessions started before `cutoff` with their snapshot files,
    except the rows in `keep` (sessions being recorded)."""

    cutoff: float = 0.0
    keep: tuple[int, ...] = ()
    droppable = False
    needs_session = False

    def write(self, store: HistoryStore, session_id: int) -> None:
        gone = store.delete_older_than(self.cutoff, keep=self.keep)
        if gone:
            log.info("History: %d sessions past the retention period deleted", len(gone))


# Journal lines: {"kind": <name>, <the item's fields>}; bytes as base64.
_KINDS: dict[str, type[_Item]] = {
    "end": _End,
    "turn": _Turn,
    "note": _Note,
    "snapshot": _Snapshot,
    "tool_call": _ToolCall,
    "tool_done": _ToolDone,
    "tool_step": _ToolStep,
    "meta": _Meta,
    "row_meta": _RowMeta,
    "purge": _Purge,
    "delete": _Delete,
}
_KIND_OF = {cls: kind for kind, cls in _KINDS.items()}
_ItemT = TypeVar("_ItemT", bound=_Item)


def _to_line(item: _Item) -> dict[str, Any]:
    line: dict[str, Any] = {"kind": _KIND_OF[type(item)]}
    for f in fields(item):
        value = getattr(item, f.name)
        if f.name == "done":
            continue
        line[f.name] = base64.b64encode(value).decode("ascii") if f.name == "data" else value
    return line


def _from_line(line: Mapping[str, Any]) -> _Item:
    """An item from a journal line; KeyError/TypeError/ValueError when it is not one."""
    cls = _KINDS[line["kind"]]
    values = {k: v for k, v in line.items() if k != "kind"}
    if "data" in values:
        values["data"] = base64.b64decode(values["data"], validate=True)
    item = cls(**values)
    if not isinstance(item.key, int):
        raise TypeError("key")
    return item


@dataclass(frozen=True)
class _Journal:
    path: Path
    id: str
    sessions: dict[int, tuple[_Start, int | None]]  # key -> (how to create it, its row then)
    items: list[_Item]


def _read_journal(path: Path) -> _Journal:
    """The whole file or nothing: ValueError (with why) when any line is not as written."""
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        raise ValueError("the file ends in the middle of a line")
    lines = [json.loads(raw) for raw in text.splitlines()]
    if not lines or not isinstance(lines[0], dict):
        raise ValueError("no header")
    head = lines[0]
    if head.get("format") != JOURNAL_FORMAT or head.get("version") != JOURNAL_VERSION:
        raise ValueError("not a journal of this version")
    if head.get("count") != len(lines) - 1 or not isinstance(head.get("id"), str):
        raise ValueError("the item count does not match")
    sessions: dict[int, tuple[_Start, int | None]] = {}
    items: list[_Item] = []
    try:
        for line in lines[1:]:
            if line["kind"] == "session":
                start = _Start(int(line["key"]), dict(line["meta"]), float(line["at"]))
                row = line.get("row")
                sessions[start.key] = (start, row if isinstance(row, int) else None)
            else:
                items.append(_from_line(line))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValueError(f"a line is not an item ({exc!r})") from exc
    if any(i.needs_session and i.key not in sessions for i in items):
        raise ValueError("an item of a session the file does not name")
    return _Journal(path, head["id"], sessions, items)


def _journals(db: Path) -> list[Path]:
    """Pending journals beside `db`, oldest first (their names sort by time)."""
    return sorted(db.parent.glob(f"{db.name}.pending-*.jsonl"))


# -- the writer --------------------------------------------------------------------------------


class HistoryWriter:
    """The app's history: non-blocking write verbs, one thread, a bounded in-memory backlog.

    The constructor does no I/O; `start()` starts the thread, which opens the database.
    """

    def __init__(
        self,
        path: Path | None = None,
        *,
        opener: Callable[[Path], HistoryStore] | None = None,
        max_items: int = MAX_ITEMS,
        max_bytes: int = MAX_BYTES,
        retry_first_s: float = RETRY_FIRST_S,
        retry_max_s: float = RETRY_MAX_S,
    ) -> None:
        self.path = path
        self._opener: Callable[[Path], HistoryStore] = opener or HistoryStore.open
        self._max_items = max_items
        self._max_bytes = max_bytes
        self._retry = (retry_first_s, retry_max_s)
        self._cv = threading.Condition()
        self._pending: OrderedDict[int, _Item] = OrderedDict()  # seq -> item, oldest first
        self._turns: dict[tuple[int, int], int] = {}  # (key, index) -> seq still waiting
        self._bytes = 0
        self._seq = 0
        self._inflight: int | None = None
        self._sessions: dict[int, _Start] = {}  # key -> how to create its row
        self._ids: dict[int, int] = {}  # key -> row id in the current database
        self._store: HistoryStore | None = None
        self._status = HistoryStatus(HistoryState.OPENING)
        self._listener: Listener | None = None
        self._unheard: list[HistoryStatus] = []  # said before anyone listened
        self._held_since_outage = 0
        self._dropped = 0
        self._overflow_said = False  # once per outage
        self._open_keys: list[int] = []  # sessions started and not ended, oldest first
        self._gone: set[int] = set()  # keys whose row was deleted while they were recorded
        self._journals_done = False  # journals of earlier closes imported (or set aside)
        self._closing = False
        self._abandon = False
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._index_due = True  # the search index may lag what was written (see _index)

    @classmethod
    def around(cls, store: HistoryStore) -> Self:
        """A writer for a store that is already open (tests, tools): no opening to do."""
        writer = cls(store.path)
        writer._store = store
        writer._status = HistoryStatus(HistoryState.AVAILABLE)
        return writer

    def start(self) -> Self:
        """Start the writer thread (idempotent). It opens the database if not open yet."""
        with self._cv:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="history-writer", daemon=True
                )
                self._thread.start()
        return self

    # -- what the app reads ------------------------------------------------------------------

    @property
    def store(self) -> HistoryStore | None:
        """The writer's open store (tests, tools), or None while unavailable. The history
        window reads through a connection of its own (`HistoryStore.open_reader`)."""
        with self._cv:
            return self._store if self._status.state is not HistoryState.UNAVAILABLE else None

    @property
    def status(self) -> HistoryStatus:
        with self._cv:
            return self._status

    @property
    def pending(self) -> int:
        """Items not written yet (held in memory)."""
        with self._cv:
            return len(self._pending)

    @property
    def dropped(self) -> int:
        """Items dropped because the memory bound was reached."""
        with self._cv:
            return self._dropped

    def session_id(self, key: int) -> int | None:
        """The row id of a session started with `start_session`, once written."""
        with self._cv:
            return self._ids.get(key)

    def recording_session(self) -> int | None:
        """The row id of the session being recorded (started, not ended), once written."""
        with self._cv:
            rows = (self._ids.get(key) for key in reversed(self._open_keys))
            return next((row for row in rows if row is not None), None)

    def listen(self, listener: Listener) -> None:
        """Status changes from now on go to `listener`; what was said before is replayed."""
        with self._cv:
            self._listener = listener
            unheard, self._unheard = self._unheard, []
        for status in unheard:
            self._tell(listener, status)

    # -- the write verbs (non-blocking, never raise for a database problem) --------------------

    def start_session(self, meta: Mapping[str, Any] | None = None, at: float | None = None) -> int:
        """A local key for a new session, at once; its row is written when possible."""
        with self._cv:
            self._seq += 1
            key = self._seq
            start = _storable(_Start(key, dict(meta or {}), _now(at)))
            self._sessions[key] = start
            self._open_keys.append(key)
            if self._status.state is HistoryState.SESSION_DELETED:
                self._status = HistoryStatus(HistoryState.AVAILABLE)
        self._put(start)
        return key

    def end_session(self, key: int, at: float | None = None) -> None:
        with self._cv:
            if key in self._open_keys:
                self._open_keys.remove(key)
        self._put(_End(key, _now(at)))

    def delete_session(self, row: int) -> Future[None]:
        """Delete a session's rows and snapshot files, in queue order (after what is already
        queued for it). The future ends when it is done, or with a HistoryError; the session
        being recorded is refused at once (its later turns would have nowhere to go)."""
        done: Future[None] = Future()
        if row == self.recording_session():
            log.warning("History: refused to delete session %d, it is being recorded", row)
            done.set_exception(HistoryError(REFUSED_TEXT, Fault.INVALID, REFUSED_TEXT))
            self._announce(HistoryStatus(HistoryState.REFUSED, REFUSED_TEXT, self.pending))
            return done
        if not self._put(_Delete(0, row, done)):
            done.set_exception(HistoryError("the history is closing", Fault.UNAVAILABLE))
        return done

    def upsert_turn(
        self,
        key: int,
        index: int,
        role: str,
        text: str,
        *,
        final: bool = False,
        interrupted: bool = False,
        at: float | None = None,
    ) -> None:
        now = _now(at)
        self._put(_Turn(key, index, role, text, final, interrupted, now, now))

    def add_note(self, key: int, text: str, level: str = "info", at: float | None = None) -> None:
        self._put(_Note(key, text, level, _now(at)))

    def add_snapshot(
        self,
        key: int,
        data: bytes,
        caption: str = "",
        mime: str = "image/jpeg",
        *,
        file: str | None = None,
        at: float | None = None,
    ) -> None:
        self._put(_Snapshot(key, bytes(data), caption, mime, file, _now(at)))

    def add_tool_call(
        self, key: int, call_id: str, name: str, args: Any, at: float | None = None
    ) -> None:
        self._put(_ToolCall(key, call_id, name, args, _now(at)))

    def finish_tool_call(
        self, key: int, call_id: str, status: str, result: Any = None, at: float | None = None
    ) -> None:
        if status not in TOOL_STATUSES:  # a caller's bug: said now, not in the thread
            raise ValueError(f"status must be one of {TOOL_STATUSES}")
        self._put(_ToolDone(key, call_id, status, result, _now(at)))

    def tool_step(
        self,
        key: int,
        call_id: str,
        name: str,
        args: Any,
        *,
        step: str,
        result: Any = None,
        at: float | None = None,
    ) -> None:
        """Record one step of a tool call as the tools report it (ToolActivity: call_id,
        name, args, status, summary); any order of steps ends with the call's outcome."""
        if step not in TOOL_STEP_STATUS:  # a caller's bug: said now, not in the thread
            raise ValueError(f"step must be one of {tuple(TOOL_STEP_STATUS)}")
        frozen = dict(args) if isinstance(args, Mapping) else args  # the caller may reuse it
        self._put(_ToolStep(key, call_id, name, frozen, step, result, _now(at)))

    def update_meta(self, key: int, updates: Mapping[str, Any]) -> None:
        """Merge `updates` (JSON-able; None removes a key) into the session's meta."""
        self._put(_Meta(key, dict(updates)))

    def purge_older_than(self, days: float, now: float | None = None) -> None:
        """Data retention: delete sessions started more than `days` days ago (and their
        snapshot files), in queue order; the sessions being recorded are kept."""
        if days <= 0:
            raise ValueError("days must be positive (0 means: keep every session)")
        with self._cv:
            keep = tuple(row for key in self._open_keys if (row := self._ids.get(key)) is not None)
        self._put(_Purge(0, _now(now) - days * 86400.0, keep))

    def update_row_meta(self, row: int, updates: Mapping[str, Any]) -> None:
        """The same for a session by its row id (one recorded earlier)."""
        self._put(_RowMeta(0, row, dict(updates)))

    # -- flushing and closing ----------------------------------------------------------------

    def flush(self, timeout_s: float = 2.0) -> bool:
        """Wait (blocking: call it off the Qt thread) until everything queued is written or
        `timeout_s` passes; a waiting retry is tried at once. True when nothing is left."""
        self._wake.set()
        with self._cv:
            return (
                self._cv.wait_for(
                    lambda: (
                        (not self._pending and self._journals_done)
                        or self._thread is None
                        or not self._thread.is_alive()
                    ),
                    timeout=timeout_s,
                )
                and not self._pending
            )

    def close(self, timeout_s: float = 2.0) -> int:
        """Write what can be written within `timeout_s`, stop the thread, close the store.

        What could not be written is kept in a journal file beside the database, which the
        next writer to open it imports (`<database>.pending-<stamp>.jsonl`, 0600). Returns
        within about `timeout_s` (plus a little when that is shorter than one busy timeout);
        the thread is a daemon, so the process never waits for it. Returns how many items are
        lost: neither written nor kept in a journal (logged as an error).
        """
        with self._cv:
            self._closing = True
            thread = self._thread
            self._cv.notify_all()
        self._wake.set()
        if thread is None:
            self._close_store()
            return self._spill()
        # One attempt may be inside SQLite's busy wait: keep room for it within the bound.
        thread.join(max(0.0, timeout_s - BUSY_TIMEOUT_S))
        if thread.is_alive():
            with self._cv:
                self._abandon = True  # the thread stops after its current attempt
                self._cv.notify_all()
            self._wake.set()
            thread.join(BUSY_TIMEOUT_S + 0.2)
        return self._spill()

    def _spill(self) -> int:
        """Keep what is still held in a journal file; returns how many items are lost."""
        with self._cv:
            items = list(self._pending.values())
            self._pending.clear()
            self._turns.clear()
            self._bytes = 0
            keys = {item.key for item in items if item.needs_session}
            sessions = {key: (self._sessions[key], self._ids.get(key)) for key in keys}
            reason = self._status.text or "the writer stopped"
        if not items:
            return 0
        items = [item for item in items if not isinstance(item, _Start)]  # sessions' lines
        path = self.path or paths.history_path()
        try:
            journal = _write_journal(path, sessions, items)
        except (OSError, ValueError) as exc:  # ValueError: text the file cannot hold
            log.error(
                "%d history items could not be saved before closing (%s) and could not be "
                "kept in a file beside the database either: %s",
                len(items),
                reason,
                exc,
            )
            return len(items)
        log.warning(
            "%d history items could not be written before closing (%s); they were kept in %s "
            "and are saved when the history is next opened",
            len(items),
            reason,
            journal,
        )
        for item in items:
            if isinstance(item, _Delete) and item.done is not None and not item.done.done():
                item.done.set_exception(
                    HistoryError("kept for the next start", Fault.UNAVAILABLE, reason)
                )
        return 0

    # -- queueing (caller's thread) -----------------------------------------------------------

    def _put(self, item: _Item) -> bool:
        item = _storable(item)  # what is held, written and journaled is valid UTF-8
        overflow: HistoryStatus | None = None
        with self._cv:
            if self._closing:
                log.warning("history write after close ignored: %s", type(item).__name__)
                return False
            if isinstance(item, _Turn) and self._merge_turn(item):
                self._cv.notify_all()
                return True
            self._seq += 1
            self._pending[self._seq] = item
            self._bytes += item.size()
            if isinstance(item, _Turn):
                self._turns[(item.key, item.index)] = self._seq
            overflow = self._enforce_bound()
            self._cv.notify_all()
        if overflow is not None:
            self._announce(overflow)
        return True

    def _merge_turn(self, turn: _Turn) -> bool:
        """A newer piece of a turn that is still waiting replaces it in place."""
        seq = self._turns.get((turn.key, turn.index))
        if seq is None or seq == self._inflight or seq not in self._pending:
            return False
        old = self._pending[seq]
        assert isinstance(old, _Turn)
        merged = replace(turn, started_at=old.started_at)
        self._pending[seq] = merged
        self._bytes += merged.size() - old.size()
        return True

    def _enforce_bound(self) -> HistoryStatus | None:
        """Drop the oldest droppable items past the bound. Called under the lock."""
        dropped = 0
        while len(self._pending) > self._max_items or self._bytes > self._max_bytes:
            victim = next(
                (
                    seq
                    for seq, item in self._pending.items()
                    if item.droppable and seq != self._inflight
                ),
                None,
            )
            if victim is None:
                break
            self._forget(victim)
            dropped += 1
        if not dropped:
            return None
        self._dropped += dropped
        log.warning("history memory full: %d held items dropped so far", self._dropped)
        if self._overflow_said:
            return None
        self._overflow_said = True
        return HistoryStatus(HistoryState.OVERFLOW, OVERFLOW_TEXT, len(self._pending))

    def _forget(self, seq: int) -> None:
        item = self._pending.pop(seq)
        self._bytes -= item.size()
        if isinstance(item, _Turn) and self._turns.get((item.key, item.index)) == seq:
            del self._turns[(item.key, item.index)]

    # -- the thread -----------------------------------------------------------------------------

    def _run(self) -> None:
        delay = self._retry[0]
        while True:
            with self._cv:
                if self._abandon:
                    break
            if self._store is None and not self._open():
                self._backoff(delay)
                delay = min(delay * 2, self._retry[1])
                continue
            if not self._journals_done and not self._import_journals():
                self._backoff(delay)
                delay = min(delay * 2, self._retry[1])
                continue
            if self._index_due and self._idle():
                self._index()
            got = self._next()
            if got is None:
                break
            seq, item = got
            if self._write(seq, item):
                delay = self._retry[0]
            else:
                self._backoff(delay)
                delay = min(delay * 2, self._retry[1])
        self._close_store()

    def _idle(self) -> bool:
        with self._cv:
            return not self._pending and not self._closing

    def _index(self) -> None:
        """Bring the search index up to date while nothing waits to be written. A failure
        changes no status (the recording is what matters): it is tried after the next write."""
        self._index_due = False
        store = self._store
        if store is None:
            return
        try:
            store.index_pending()
        except HistoryError as exc:
            log.debug("Search index not updated (tried again after the next write): %s", exc)
            self._index_due = True

    def _next(self) -> tuple[int, _Item] | None:
        """The oldest waiting item (left in the queue until written); None to stop."""
        with self._cv:
            while not self._pending and not self._closing and not self._abandon:
                self._cv.wait()
            if self._abandon or not self._pending:
                return None
            seq, item = next(iter(self._pending.items()))
            self._inflight = seq
            return seq, item

    def _open(self) -> bool:
        path = self.path or paths.history_path()
        self.path = path
        try:
            store = self._opener(path)
        except HistoryError as exc:
            self._unavailable(exc)
            return False
        with self._cv:
            self._store = store
            self._ids.clear()  # a new database: sessions are created in it afresh
            opened_after_outage = self._status.state is HistoryState.UNAVAILABLE
            if not opened_after_outage:
                self._status = HistoryStatus(HistoryState.AVAILABLE)
        for note in store.notes:
            log.warning("History: %s", note)
            self._announce(HistoryStatus(HistoryState.DAMAGED, note))
        if opened_after_outage:
            self._maybe_recovered()
        return True

    def _write(self, seq: int, item: _Item) -> bool:
        """Write one item; False when the database is unavailable (retry later)."""
        store = self._store
        assert store is not None
        with self._cv:
            gone = item.needs_session and item.key in self._gone
        if gone:  # its row was deleted: said once when found (_session_gone)
            log.debug("history item of a deleted session not written: %s", type(item).__name__)
        else:
            try:
                item.write(store, self._row_id(store, item.key) if item.needs_session else 0)
            except HistoryError as exc:
                return self._failed(seq, item, exc)
            except Exception as exc:  # a failure of this write, never of the thread
                log.exception("history item could not be written: %s", type(item).__name__)
                failure = HistoryError(
                    f"{type(exc).__name__}: {exc}", Fault.INVALID, "a record could not be saved"
                )
                return self._failed(seq, item, failure)
        with self._cv:
            self._inflight = None
            if seq in self._pending:
                self._forget(seq)
            if isinstance(item, _Delete):
                self._gone.update(k for k, row in self._ids.items() if row == item.row)
            if self._status.state is not HistoryState.AVAILABLE:
                self._held_since_outage += 1
            self._index_due = True
            self._cv.notify_all()
        if isinstance(item, _Delete) and item.done is not None and not item.done.done():
            item.done.set_result(None)
        self._maybe_recovered()
        return True

    def _row_id(self, store: HistoryStore, key: int) -> int:
        with self._cv:
            row = self._ids.get(key)
            start = self._sessions.get(key)
        if row is not None:
            return row
        if start is None:
            raise HistoryError(f"no session with key {key}", Fault.INVALID)
        row = store.start_session(start.meta, at=start.at)
        with self._cv:
            self._ids[key] = row
        return row

    def _failed(self, seq: int, item: _Item, exc: HistoryError) -> bool:
        with self._cv:
            self._inflight = None
        if exc.fault is Fault.INVALID:
            if item.needs_session and self._row_missing(item.key):
                self._session_gone(item.key)
            else:
                log.error("History item dropped (%s): %s", type(item).__name__, exc)
            if isinstance(item, _Delete) and item.done is not None and not item.done.done():
                item.done.set_exception(exc)
            with self._cv:
                if seq in self._pending:
                    self._forget(seq)
                self._cv.notify_all()
            return True
        if exc.fault is Fault.DAMAGED:
            return self._replace_damaged(exc)
        self._unavailable(exc)
        return False

    def _row_missing(self, key: int) -> bool:
        """Whether the row of session `key` was deleted (by another program, or before the
        window refused to delete the session being recorded)."""
        store = self._store
        with self._cv:
            row = self._ids.get(key)
        if row is None or store is None:
            return False
        try:
            return not store.session_exists(row)
        except HistoryError:
            return False

    def _session_gone(self, key: int) -> None:
        """Said once per session: its items from now on have no row to go to."""
        with self._cv:
            if key in self._gone:
                return
            self._gone.add(key)
            row = self._ids.get(key)
            self._status = HistoryStatus(
                HistoryState.SESSION_DELETED, SESSION_DELETED_TEXT, len(self._pending)
            )
            status = self._status
        log.error(
            "History: session %s was deleted while it was recorded; its later items are not saved",
            row,
        )
        self._announce(status)

    # -- journals of earlier closes ------------------------------------------------------------

    def _import_journals(self) -> bool:
        """Import every journal beside the database, oldest first, each in one transaction,
        deleted once committed. False when the database cannot take them now (retried)."""
        store = self._store
        assert store is not None
        for path in _journals(store.path):
            try:
                journal = _read_journal(path)
            except (OSError, ValueError) as exc:
                self._set_aside_journal(path, exc)
                continue
            try:
                count = _replay(store, journal)
            except HistoryError as exc:
                if exc.fault is Fault.INVALID:
                    self._set_aside_journal(path, exc)
                    continue
                if exc.fault is Fault.DAMAGED:
                    self._replace_damaged(exc)
                else:
                    self._unavailable(exc)
                return False
            try:
                path.unlink()
            except OSError as exc:  # imported once: its id is recorded in the database
                log.error("history journal %s imported but not deleted: %s", path, exc)
            log.info("History: %d items kept at the last close were saved from %s", count, path)
            self._announce(
                HistoryStatus(HistoryState.JOURNAL, JOURNAL_IMPORTED_TEXT.format(count=count))
            )
        with self._cv:
            self._journals_done = True
            self._cv.notify_all()
        self._maybe_recovered()
        return True

    def _set_aside_journal(self, path: Path, why: Exception) -> None:
        aside = path.with_name(f"{path.name}.unreadable")
        try:
            path.replace(aside)
        except OSError as exc:
            log.error("history journal %s unreadable (%s) and not moved: %s", path, why, exc)
            aside = path  # left where it is; this run goes on without it
            with self._cv:
                self._journals_done = True
        log.error("history journal %s could not be read (%s); kept as %s", path, why, aside)
        self._announce(
            HistoryStatus(HistoryState.JOURNAL, JOURNAL_UNREADABLE_TEXT.format(path=aside))
        )

    def _replace_damaged(self, exc: HistoryError) -> bool:
        store = self._store
        assert store is not None
        log.error("history database damaged while in use: %s", exc)
        try:
            backup = store.replace_damaged()
        except HistoryError as again:
            self._close_store()  # reopened (and set aside) by the next attempt
            self._unavailable(again)
            return False
        with self._cv:
            self._ids.clear()  # the sessions' rows went with the old file
        self._announce(
            HistoryStatus(
                HistoryState.DAMAGED,
                f"The history database was damaged ({exc.reason}). It was moved aside as "
                f"{backup} (with its -wal and -shm files) and a new one was started; the rest "
                "of this session is saved in the new one.",
            )
        )
        return True

    def _unavailable(self, exc: HistoryError) -> None:
        text = UNAVAILABLE_TEXT.format(reason=exc.reason)
        with self._cv:
            same = self._status.state is HistoryState.UNAVAILABLE and self._status.text == text
            if self._status.state is not HistoryState.UNAVAILABLE:
                self._held_since_outage = 0
            self._status = HistoryStatus(HistoryState.UNAVAILABLE, text, len(self._pending))
        if not same:
            log.warning("History unavailable: %s", exc)
            self._announce(self._status)

    def _maybe_recovered(self) -> None:
        with self._cv:
            if self._pending or self._status.state is not HistoryState.UNAVAILABLE:
                return
            count = self._held_since_outage
            self._held_since_outage = 0
            self._overflow_said = False
            self._status = HistoryStatus(HistoryState.AVAILABLE)
            recovered = HistoryStatus(HistoryState.RECOVERED, RECOVERED_TEXT.format(count=count))
        log.info("History saved again: %d held items written", count)
        self._announce(recovered)

    def _backoff(self, delay: float) -> None:
        """Wait before the next attempt; a flush or close tries again at once."""
        self._wake.wait(delay)
        self._wake.clear()

    def _close_store(self) -> None:
        with self._cv:
            store, self._store = self._store, None
        if store is not None:
            store.close()

    # -- telling the app -------------------------------------------------------------------------

    def _announce(self, status: HistoryStatus) -> None:
        with self._cv:
            listener = self._listener
            if listener is None:
                self._unheard.append(status)
                return
        self._tell(listener, status)

    @staticmethod
    def _tell(listener: Listener, status: HistoryStatus) -> None:
        try:
            listener(status)
        except Exception:  # a closed loop at shutdown must not kill the writer
            log.exception("history status %s not delivered", status.state)


def _storable(item: _ItemT) -> _ItemT:
    """`item` with lone surrogates replaced in its texts, mappings and lists (see
    `history.storable`); the same object when there were none."""
    changes = {
        f.name: cleaned
        for f in fields(item)
        if (cleaned := storable(value := getattr(item, f.name))) is not value
    }
    return replace(item, **changes) if changes else item


def _write_journal(
    db: Path, sessions: Mapping[int, tuple[_Start, int | None]], items: list[_Item]
) -> Path:
    """Write a journal atomically (a temporary file, fsynced, renamed), 0600."""
    lines: list[dict[str, Any]] = [
        {
            "format": JOURNAL_FORMAT,
            "version": JOURNAL_VERSION,
            "id": uuid.uuid4().hex,  # recorded in the database when imported: imported once
            "count": len(sessions) + len(items),
            "database": db.name,
            "written_at": time.time(),
        }
    ]
    for key, (start, row) in sessions.items():
        lines.append(
            {"kind": "session", "key": key, "meta": start.meta, "at": start.at, "row": row}
        )
    lines.extend(_to_line(item) for item in items)
    text = "".join(json.dumps(line, ensure_ascii=False, default=str) + "\n" for line in lines)
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S%f")
    final = db.with_name(f"{db.name}.pending-{stamp}.jsonl")
    n = 1
    while final.exists():
        final = db.with_name(f"{db.name}.pending-{stamp}-{n}.jsonl")
        n += 1
    temporary = final.with_name(f"{final.name}.tmp")
    try:
        paths.private_file(temporary)
        with temporary.open("w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        temporary.replace(final)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise
    try:  # the rename itself survives a power cut too
        folder = os.open(final.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
    except OSError:
        pass
    return final


_JOURNALS_TABLE = (
    "CREATE TABLE IF NOT EXISTS imported_journals (id TEXT PRIMARY KEY, at REAL NOT NULL)"
)


def _replay(store: HistoryStore, journal: _Journal) -> int:
    """Write a journal's items in one transaction; returns how many were written. An item
    the database refuses (a tool result whose call was dropped) is skipped, not the file."""
    written = 0
    with store.batch():
        store.execute(_JOURNALS_TABLE)
        if store.execute("SELECT 1 FROM imported_journals WHERE id = ?", (journal.id,)):
            return 0  # committed before, not deleted then
        rows: dict[int, int] = {}
        for key, (start, row) in journal.sessions.items():
            same = row is not None and store.execute(
                "SELECT 1 FROM sessions WHERE id = ? AND started_at = ?", (row, start.at)
            )
            rows[key] = (
                row if same and row is not None else store.start_session(start.meta, at=start.at)
            )
        for item in journal.items:
            store.execute("SAVEPOINT item")
            try:
                item.write(store, rows.get(item.key, 0))
            except HistoryError as exc:
                if exc.fault is not Fault.INVALID:
                    raise
                store.execute("ROLLBACK TO item")
                log.warning("history journal item skipped (%s): %s", type(item).__name__, exc)
            else:
                written += 1
            store.execute("RELEASE item")
        store.execute(
            "INSERT INTO imported_journals (id, at) VALUES (?, ?)", (journal.id, time.time())
        )
    return written


def _now(at: float | None) -> float:
    # Stamped when the app said it, not when the item is finally written.
    return time.time() if at is None else at
