"""The tools port: the toolbox for one session, its running calls and its callbacks.

Tool calls run as owned tasks and come back as `ToolResult` events (a toolbox never raises:
errors are results). Timers, work notes and MCP servers joining become app notes.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.app.messages import AppEvent, ConfirmTool
from desktop.app.tasks import OwnedTasks
from desktop.infra.settings import Settings
from desktop.session import events as ev

if TYPE_CHECKING:
    from desktop.tools import Confirmation, TimerInfo, ToolActivity, Toolbox, WorkNote

log = logging.getLogger(__name__)

TakeSnapshot = Callable[[str], Awaitable[Path | None]]  # caption -> the saved picture


class ToolsPort:
    def __init__(
        self,
        feed: Callable[[ev.Event], object],
        show: Callable[[AppEvent], None],
        tasks: OwnedTasks,
        *,
        confirm_tool: ConfirmTool | None,
        take_snapshot: TakeSnapshot,
        record_note: Callable[[str], None],
        record_tool: Callable[[ToolActivity], None],
        declared: Callable[[], set[str]],
        set_job: Callable[[Mapping[str, str]], Mapping[str, str]] | None = None,
    ) -> None:
        self._feed = feed
        self._show = show
        self.tasks = tasks
        self._confirm_tool = confirm_tool
        self._take_snapshot = take_snapshot
        self._record_note = record_note
        self._record_tool = record_tool
        self._declared = declared  # what the last connect told the model
        self._set_job = set_job  # the job details tool (job ID, site, equipment)
        self.toolbox: Toolbox | None = None
        self._calls: dict[str, asyncio.Task[None]] = {}
        self.running = False
        self._ready: asyncio.Event | None = None  # set when the quick start is over

    def start_soon(self, settings: Settings) -> None:
        """Start the toolbox alongside the connect; `wait_ready` is what a connect awaits."""
        self._ready = asyncio.Event()
        self.tasks.spawn(self.start(settings), "tools-start")

    async def wait_ready(self) -> None:
        """The built-in, tools.toml and HTTP tools are registered (or failed); MCP servers and
        the manuals' indexing go on and are never waited for."""
        if self._ready is not None:
            await self._ready.wait()

    def declarations(self) -> list[Mapping[str, object]]:
        return list(self.toolbox.declarations()) if self.toolbox is not None else []

    async def start(self, settings: Settings) -> None:
        try:
            await self._start(settings)
        finally:
            if self._ready is not None:
                self._ready.set()  # a connect waiting for the tools goes on, with or without

    async def _start(self, settings: Settings) -> None:
        from desktop.app.preload import TOOLS_MODULES, imported

        self.running = True
        await imported(*TOOLS_MODULES)  # the MCP SDK's import is long: never on the loop
        from desktop.infra import paths
        from desktop.infra.credentials import lookup_secret
        from desktop.infra.redact import register_secret
        from desktop.tools import Toolbox, ToolContext

        manuals = Path(settings.manuals_dir) if settings.manuals_dir else None
        if manuals is None and (paths.data_dir() / "manuals").is_dir():
            manuals = paths.data_dir() / "manuals"
        self.toolbox = Toolbox(
            ToolContext(
                data_dir=paths.data_dir(),
                manuals_dir=manuals,
                config_path=paths.config_dir() / "tools.toml",
                resolve_secret=lookup_secret,  # the tools call it on a worker thread
                on_secret=register_secret,  # ${ENV:...} values are secrets as much
                http_verify=settings.ca_file or True,
                confirm=self._confirm if self._confirm_tool is not None else None,
                on_activity=self._on_activity,
                on_notice=self._show,
                take_snapshot=self._snapshot_for_tool,
                log_note=self._log_work_note,
                set_job=self._set_job,
                current_job=self._current_job if self._set_job is not None else None,
                on_timer=self._on_timer,
                on_tools_changed=self._on_tools_changed,
            )
        )
        # Quick (tools.toml, HTTP tools); MCP servers start in the background and never hold
        # up the connect. Never raises; reports config problems as notices.
        await self.toolbox.start()

    async def stop(self) -> None:
        self.running = False
        self._ready = None
        self._calls.clear()
        toolbox, self.toolbox = self.toolbox, None
        if toolbox is not None:
            await toolbox.aclose()

    # -- command handlers ---------------------------------------------------------------------

    def run(self, command: ev.RunTool) -> None:
        call, toolbox = command.call, self.toolbox
        if toolbox is None:
            self._feed(ev.ToolResult(call.id, call.name, {"error": "Tools are not available."}))
            return

        async def run() -> None:
            result = await toolbox.call(call)  # never raises: errors come back as results
            self._calls.pop(call.id, None)
            self._feed(result)

        self._calls[call.id] = self.tasks.spawn(run(), f"tool-{call.name}")

    def cancel(self, command: ev.CancelTool) -> None:
        task = self._calls.pop(command.id, None)
        if task is not None:
            task.cancel()

    # -- the toolbox's callbacks --------------------------------------------------------------

    def _current_job(self) -> str | None:
        """The job ID work notes are logged under (None when none was given)."""
        job = self._set_job({}) if self._set_job is not None else {}
        return job.get("job_id") or None

    def _on_tools_changed(self) -> None:
        """MCP tools came (or went): a note for those the model does not know yet."""
        if self.toolbox is None:
            return
        declared = self._declared()
        joined = sorted(set(self.toolbox.registry.names()) - declared)
        if joined and self.running:
            when = "the next connection" if declared else "the connection"
            self._feed(ev.AppNote(f"Tools ready: {', '.join(joined)} (offered from {when})."))

    async def _confirm(self, name: str, args: Mapping[str, object]) -> Confirmation:
        from desktop.tools import Confirmation

        assert self._confirm_tool is not None
        answer = await self._confirm_tool(name, args)
        try:
            return Confirmation(answer)
        except ValueError:
            return Confirmation.DENY

    async def _snapshot_for_tool(self, caption: str) -> str:
        from desktop.tools import ToolError

        path = await self._take_snapshot(caption)
        if path is None:
            raise ToolError("There is no camera picture to take a snapshot of.")
        return str(path)

    def _log_work_note(self, note: WorkNote) -> None:
        self._record_note(note.text)
        self._feed(ev.AppNote(f"Work note: {note.text}"))

    def _on_timer(self, timer: TimerInfo) -> None:
        self._feed(
            ev.AppNote(
                f"Timer finished: {timer.label}",
                tell_model=f"(The timer '{timer.label}' you set has just finished. "
                "Tell the technician now, in one short sentence.)",
            )
        )

    def _on_activity(self, activity: ToolActivity) -> None:
        _log_activity(activity)
        self._record_tool(activity)


def _log_activity(activity: ToolActivity) -> None:
    log.info(
        "Tool %s (%s): %s %s",
        activity.name,
        activity.call_id,
        activity.status,
        activity.summary or "",
    )
