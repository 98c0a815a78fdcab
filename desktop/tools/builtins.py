"""The built-in field tools: manuals, work notes, snapshots, time and timers.

Each is a typed async function: its signature and docstring are its declaration.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import inspect
import itertools
import logging
from typing import Any

from desktop.tools.context import TimerInfo, ToolContext, WorkNote
from desktop.tools.manuals import ManualIndex
from desktop.tools.registry import Tool, ToolError, ToolRegistry

log = logging.getLogger(__name__)

MAX_TIMER_MINUTES = 24 * 60
MAX_RESULTS = 8


class Timers:
    """Timers on the event loop; `on_fire` runs on the loop when one is due."""

    def __init__(self, ctx: ToolContext) -> None:
        self._ctx = ctx
        self._handles: dict[str, tuple[asyncio.TimerHandle, TimerInfo]] = {}
        self._ids = itertools.count(1)

    def start(self, minutes: float, label: str) -> TimerInfo:
        loop = asyncio.get_running_loop()
        timer_id = f"timer-{next(self._ids)}"
        info = TimerInfo(
            timer_id, label, minutes, self._ctx.clock() + dt.timedelta(minutes=minutes)
        )
        handle = loop.call_later(minutes * 60.0, self._fire, timer_id)
        self._handles[timer_id] = (handle, info)
        return info

    def cancel(self, timer_id: str) -> TimerInfo | None:
        entry = self._handles.pop(timer_id, None)
        if entry is None:
            return None
        entry[0].cancel()
        return entry[1]

    def pending(self) -> list[TimerInfo]:
        return sorted((info for _, info in self._handles.values()), key=lambda i: i.due)

    def cancel_all(self) -> None:
        for handle, _ in self._handles.values():
            handle.cancel()
        self._handles.clear()

    def _fire(self, timer_id: str) -> None:
        entry = self._handles.pop(timer_id, None)
        if entry is None or self._ctx.on_timer is None:
            return
        try:
            self._ctx.on_timer(entry[1])
        except Exception:
            log.exception("The timer callback failed")


def _iso(when: dt.datetime) -> str:
    return when.isoformat(timespec="seconds")


def register_builtins(
    registry: ToolRegistry, ctx: ToolContext, manuals: ManualIndex | None, timers: Timers
) -> None:
    """Add the built-ins whose parts the app provided (no I/O)."""
    _add_time(registry, ctx)
    if manuals is not None:
        _add_search(registry, manuals)
    if ctx.log_note is not None:
        _add_notes(registry, ctx)
    if ctx.take_snapshot is not None:
        _add_snapshot(registry, ctx)
    if ctx.set_job is not None:
        _add_job(registry, ctx)
    if ctx.on_timer is not None:
        _add_timers(registry, timers)


def _add_time(registry: ToolRegistry, ctx: ToolContext) -> None:
    async def get_current_time() -> dict[str, str]:
        """The current local date, time and weekday on the technician's laptop."""
        now = ctx.clock()
        return {
            "local_time": _iso(now),
            "weekday": now.strftime("%A"),
            "timezone": str(now.tzname()),
        }

    registry.add(Tool.from_function(get_current_time, timeout_s=2.0))


def _add_search(registry: ToolRegistry, index: ManualIndex) -> None:
    async def search_manuals(query: str, max_results: int = 3) -> dict[str, Any]:
        """Search the technician's manuals and documents (PDF, Markdown, text).

        Returns the best matching passages with the document name and page number.
        Quote the document and page when answering from them.

        Args:
            query: Keywords to look for, e.g. "P-200 flange bolt torque".
            max_results: How many passages to return (1 to 8).
        """
        limit = max(1, min(MAX_RESULTS, max_results))
        hits = await asyncio.to_thread(index.search, query, limit)
        out: dict[str, Any] = {
            "results": [
                {
                    "document": h.document,
                    "page": h.page,
                    "section": h.section,
                    "passage": h.text,
                }
                for h in hits
            ]
        }
        progress = index.progress
        if index.building:
            out["note"] = (
                f"The document index is still being built ({progress.done} of "
                f"{progress.total} documents); results may be incomplete."
            )
        elif not hits:
            out["note"] = "No passage matched. Try other or fewer keywords."
        return out

    registry.add(Tool.from_function(search_manuals, timeout_s=10.0))


def _add_notes(registry: ToolRegistry, ctx: ToolContext) -> None:
    assert ctx.log_note is not None
    log_note = ctx.log_note

    async def log_work_note(note: str) -> dict[str, str]:
        """Add a note to the current job's work log (kept with the session and its export).

        Use it when the technician says what they did or found, e.g. "replaced the seal".

        Args:
            note: The note, in the technician's words, short and factual.
        """
        text = note.strip()
        if not text:
            raise ToolError("The note is empty: say what should be logged.")
        job = ctx.current_job() if ctx.current_job is not None else None
        entry = WorkNote(text, ctx.clock(), job)
        done = log_note(entry)
        if inspect.isawaitable(done):
            await done
        reply = {"logged": text, "at": _iso(entry.at)}
        if job:
            reply["job"] = job
        return reply

    registry.add(Tool.from_function(log_work_note, timeout_s=5.0))


JOB_FIELD_LIMIT = 120  # a ticket ID, a site name: a line, never a paragraph


def _add_job(registry: ToolRegistry, ctx: ToolContext) -> None:
    assert ctx.set_job is not None
    set_job = ctx.set_job

    async def set_job_details(
        job_id: str = "", site: str = "", equipment: str = ""
    ) -> dict[str, Any]:
        """Record which job this session is for: the job or ticket ID, the site, the equipment.

        Call it as soon as the technician says any of them (e.g. "ticket 4711 at the Northside
        plant, pump P-200"); give only what was said, the rest is kept. They head the job
        report and name its file.

        Args:
            job_id: The job, work order or ticket ID, exactly as said, e.g. "WO-4711".
            site: Where the job is, e.g. "Northside water plant, hall 2".
            equipment: The machine worked on, e.g. "Grundfos pump P-200".
        """
        given = {"job_id": job_id, "site": site, "equipment": equipment}
        updates = {k: " ".join(v.split()) for k, v in given.items() if v.strip()}
        if not updates:
            raise ToolError("Nothing to record: give the job ID, the site or the equipment.")
        too_long = [k for k, v in updates.items() if len(v) > JOB_FIELD_LIMIT]
        if too_long:
            raise ToolError(
                f"Too long for {', '.join(too_long)}: at most {JOB_FIELD_LIMIT} characters."
            )
        job = set_job(updates)
        return {"job": dict(job), "recorded": sorted(updates)}

    registry.add(Tool.from_function(set_job_details, timeout_s=2.0))


def _add_snapshot(registry: ToolRegistry, ctx: ToolContext) -> None:
    assert ctx.take_snapshot is not None
    snapshot = ctx.take_snapshot

    async def take_snapshot(caption: str = "") -> dict[str, str]:
        """Save a full-resolution still of the current camera frame to the job record.

        Args:
            caption: What the picture shows, e.g. "corroded flange, pump P-200".
        """
        saved = await snapshot(caption.strip())
        return {"saved": str(saved), "caption": caption.strip()}

    registry.add(Tool.from_function(take_snapshot, timeout_s=10.0))


def _add_timers(registry: ToolRegistry, timers: Timers) -> None:
    async def set_timer(minutes: float, label: str) -> dict[str, str]:
        """Start a timer; when it runs out you will be told, and should say it aloud.

        Args:
            minutes: Duration in minutes (may be fractional, at most 1440).
            label: What the timer is for, e.g. "the epoxy has cured".
        """
        if not 0 < minutes <= MAX_TIMER_MINUTES:
            raise ToolError(f"minutes must be more than 0 and at most {MAX_TIMER_MINUTES}.")
        info = timers.start(minutes, label.strip() or "timer")
        return {"timer_id": info.timer_id, "label": info.label, "fires_at": _iso(info.due)}

    async def list_timers() -> dict[str, Any]:
        """The timers still running, soonest first."""
        return {
            "timers": [
                {"timer_id": t.timer_id, "label": t.label, "fires_at": _iso(t.due)}
                for t in timers.pending()
            ]
        }

    async def cancel_timer(timer_id: str) -> dict[str, str]:
        """Stop a running timer.

        Args:
            timer_id: The id set_timer or list_timers gave.
        """
        info = timers.cancel(timer_id)
        if info is None:
            raise ToolError(f"No running timer {timer_id!r}; list_timers shows them.")
        return {"cancelled": info.timer_id, "label": info.label}

    for func in (set_timer, list_timers, cancel_timer):
        registry.add(Tool.from_function(func, timeout_s=2.0))
