"""The history recorder: the transcript, snapshots and notes of a session, written as they
happen through the history's writer thread (every call returns at once; an unusable database
is retried in the background and its state shown in the window)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from desktop.app.messages import JOB_FIELDS, AppEvent, HistoryNotice, JobDetails
from desktop.infra.history import HistoryStore
from desktop.infra.history_writer import HistoryState, HistoryStatus, HistoryWriter
from desktop.session import events as ev

if TYPE_CHECKING:
    from desktop.tools import ToolActivity

log = logging.getLogger(__name__)

HISTORY_FLUSH_S = 2.0  # what a stop or close waits for the history at most


class HistoryRecorder:
    def __init__(
        self, history: HistoryWriter | HistoryStore | None, show: Callable[[AppEvent], None]
    ) -> None:
        # Every write goes through one writer thread; an open store is wrapped in one.
        if isinstance(history, HistoryStore):
            history = HistoryWriter.around(history).start()
        self.history: HistoryWriter | None = history
        self._show = show
        self._session: int | None = None  # the writer's local key for this session
        self._watched = False
        # Job ID, site, equipment (JOB_FIELDS): typed in the window or told to the model; kept
        # for the next session too (a job often takes more than one).
        self.job: dict[str, str] = {}

    def begin(self, backend: str, model: str) -> None:
        if self.history is not None:
            meta = {"backend": backend, "model": model, **self.job}
            self._session = self.history.start_session(meta)  # a local key, at once

    def keep_for(self, days: int) -> None:
        """Data retention (Settings.retention_days): sessions older than `days` go, with their
        snapshots, in the writer's queue; 0 keeps every session."""
        if self.history is not None and days > 0:
            self._record(lambda h: h.purge_older_than(days))

    def set_job(self, updates: Mapping[str, str]) -> dict[str, str]:
        """Merge job details ("" clears one); written into the running session's meta, and
        shown in the window. Returns the whole job as it is now."""
        known = {k: v.strip() for k, v in updates.items() if k in JOB_FIELDS}
        for key, value in known.items():
            if value:
                self.job[key] = value
            else:
                self.job.pop(key, None)
        session_id = self._session
        if session_id is not None and known:
            meta = {k: (v or None) for k, v in known.items()}
            self._record(lambda h: h.update_meta(session_id, meta))
        if known:  # set_job({}) only reads
            self._show(JobDetails(**{k: self.job.get(k, "") for k in JOB_FIELDS}))
        return dict(self.job)

    async def end(self) -> None:
        session_id, self._session = self._session, None
        if session_id is not None:
            self._record(lambda h: h.end_session(session_id))
        if self.history is not None and self.history.status.state is not HistoryState.UNAVAILABLE:
            # Written before "stopped" is shown; a bounded wait, off the loop. An unavailable
            # database keeps its backlog in memory and is retried; closing waits for it once.
            await asyncio.to_thread(self.history.flush, HISTORY_FLUSH_S)

    async def close(self) -> None:
        if self.history is not None:
            await asyncio.to_thread(self.history.close, HISTORY_FLUSH_S)

    # -- what is recorded ---------------------------------------------------------------------

    def seen(self, event: AppEvent) -> None:
        """Every UI event passes here: transcript changes are written."""
        session_id = self._session
        if isinstance(event, ev.TranscriptChanged) and event.text and session_id is not None:
            self._record(
                lambda h: h.upsert_turn(
                    session_id,
                    event.index,
                    event.role,
                    event.text,
                    final=event.final,
                    interrupted=event.interrupted,
                )
            )

    def snapshot(self, jpeg: bytes, name: str, caption: str = "") -> None:
        session_id = self._session
        if session_id is not None:
            self._record(
                lambda h: h.add_snapshot(session_id, jpeg, caption=caption or name, file=name)
            )

    def tool_step(self, activity: ToolActivity) -> None:
        """Every step of every tool call, so the history keeps each call with its outcome."""
        session_id = self._session
        if session_id is not None:
            self._record(
                lambda h: h.tool_step(
                    session_id,
                    activity.call_id,
                    activity.name,
                    activity.args,
                    step=activity.status,
                    result=activity.summary or None,
                )
            )

    def note(self, text: str) -> None:
        session_id = self._session
        if session_id is not None:
            self._record(lambda h: h.add_note(session_id, text))

    def _record(self, write: Callable[[HistoryWriter], object]) -> None:
        """Hand a write to the history thread; a bug in one write must not stop the session
        or the history."""
        if self.history is None:
            return
        try:
            write(self.history)
        except Exception:
            log.exception("History write not queued")

    # -- the history's own state --------------------------------------------------------------

    def watch(self, loop: asyncio.AbstractEventLoop) -> None:
        """Show the history's state changes (and what opening it said) in the window. The
        writer calls from its own thread: hand over to the loop."""
        if self.history is None or self._watched:
            return
        self._watched = True

        def heard(status: HistoryStatus) -> None:
            if not loop.is_closed():
                loop.call_soon_threadsafe(self._changed, status)

        self.history.listen(heard)

    def _changed(self, status: HistoryStatus) -> None:
        if status.text:
            log.info("History %s: %s", status.state, status.text)
            self._show(HistoryNotice(status.state.value, status.text))
