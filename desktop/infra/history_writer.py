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
  started; the note says where the old one is.

Status changes reach the app through `listen(callback)`. The callback runs on the writer
thread (or on the caller's thread for the memory-bound note): it must hand over to its own
loop, as the driver does with `call_soon_threadsafe`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, Self

from desktop.infra import paths
from desktop.infra.history import (
    BUSY_TIMEOUT_S,
    TOOL_STATUSES,
    TOOL_STEP_STATUS,
    Fault,
    HistoryError,
    HistoryStore,
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
OVERFLOW_TEXT = (
    "History is still unavailable and the memory kept for it is full: the oldest unsaved "
    "items of this session are being dropped (the snapshot pictures stay in their folder)."
)


# -- what waits in the queue -----------------------------------------------------------------


@dataclass(frozen=True)
class _Item:
    key: int  # the session's local key
    droppable = True  # may go when the memory bound is reached

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
        self._closing = False
        self._abandon = False
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

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
        """The open store for reading (the history window), or None while unavailable."""
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
            start = _Start(key, dict(meta or {}), _now(at))
            self._sessions[key] = start
        self._put(start)
        return key

    def end_session(self, key: int, at: float | None = None) -> None:
        self._put(_End(key, _now(at)))

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

    # -- flushing and closing ----------------------------------------------------------------

    def flush(self, timeout_s: float = 2.0) -> bool:
        """Wait (blocking: call it off the Qt thread) until everything queued is written or
        `timeout_s` passes; a waiting retry is tried at once. True when nothing is left."""
        self._wake.set()
        with self._cv:
            return (
                self._cv.wait_for(
                    lambda: (
                        not self._pending or self._thread is None or not self._thread.is_alive()
                    ),
                    timeout=timeout_s,
                )
                and not self._pending
            )

    def close(self, timeout_s: float = 2.0) -> int:
        """Write what can be written within `timeout_s`, stop the thread, close the store.

        Returns within about `timeout_s` (plus a little when that is shorter than one busy
        timeout); the thread is a daemon, so the process never waits for it. Returns how many
        items were left unsaved (logged as an error).
        """
        with self._cv:
            self._closing = True
            thread = self._thread
            self._cv.notify_all()
        self._wake.set()
        if thread is None:
            self._close_store()
            return self._report_unsaved()
        # One attempt may be inside SQLite's busy wait: keep room for it within the bound.
        thread.join(max(0.0, timeout_s - BUSY_TIMEOUT_S))
        if thread.is_alive():
            with self._cv:
                self._abandon = True  # the thread stops after its current attempt
                self._cv.notify_all()
            self._wake.set()
            thread.join(BUSY_TIMEOUT_S + 0.2)
        return self._report_unsaved()

    def _report_unsaved(self) -> int:
        with self._cv:
            left = len(self._pending)
            reason = self._status.text
        if left:
            log.error("%d history items could not be saved before closing: %s", left, reason)
        return left

    # -- queueing (caller's thread) -----------------------------------------------------------

    def _put(self, item: _Item) -> None:
        overflow: HistoryStatus | None = None
        with self._cv:
            if self._closing:
                log.warning("history write after close ignored: %s", type(item).__name__)
                return
            if isinstance(item, _Turn) and self._merge_turn(item):
                self._cv.notify_all()
                return
            self._seq += 1
            self._pending[self._seq] = item
            self._bytes += item.size()
            if isinstance(item, _Turn):
                self._turns[(item.key, item.index)] = self._seq
            overflow = self._enforce_bound()
            self._cv.notify_all()
        if overflow is not None:
            self._announce(overflow)

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
        try:
            item.write(store, self._row_id(store, item.key))
        except HistoryError as exc:
            return self._failed(seq, item, exc)
        with self._cv:
            self._inflight = None
            if seq in self._pending:
                self._forget(seq)
            if self._status.state is not HistoryState.AVAILABLE:
                self._held_since_outage += 1
            self._cv.notify_all()
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
            log.error("History item dropped (%s): %s", type(item).__name__, exc)
            with self._cv:
                if seq in self._pending:
                    self._forget(seq)
                self._cv.notify_all()
            return True
        if exc.fault is Fault.DAMAGED:
            return self._replace_damaged(exc)
        self._unavailable(exc)
        return False

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


def _now(at: float | None) -> float:
    # Stamped when the app said it, not when the item is finally written.
    return time.time() if at is None else at
