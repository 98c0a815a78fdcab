"""One running session, as the window sees it: commands in, UI events out.

`SessionDriver` composes the pump (events → core → commands) and one port per adapter: the
link, audio, video, tools and the history recorder. The ports register their command handlers
in one table (`commands.CommandHandlers`) and turn their adapters' callbacks into events. It
knows nothing of Qt: the UI gets `AppEvent`s through a callback and polls the preview frame.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.app.audio_port import AudioChoice, AudioPort
from desktop.app.changes import waiting_text
from desktop.app.commands import port_handlers
from desktop.app.launch_key import PendingKey
from desktop.app.link_port import LinkPort, Wire
from desktop.app.messages import AppEvent, ConfirmTool, UiCallback
from desktop.app.pump import Pump
from desktop.app.recorder import HistoryRecorder
from desktop.app.tasks import OwnedTasks
from desktop.app.tools_port import ToolsPort
from desktop.app.video_controls import VideoControls
from desktop.app.video_port import VideoPort
from desktop.infra.history import HistoryStore
from desktop.infra.history_writer import HistoryWriter
from desktop.infra.settings import Settings, SettingsChanged
from desktop.session import events as ev
from desktop.session.core import CorePolicy, SessionCore
from desktop.session.states import IllegalTransition, LinkState

if TYPE_CHECKING:
    from desktop.infra.credentials import KeyFound
    from desktop.sim.server import SimServer
    from desktop.tools import Toolbox

log = logging.getLogger(__name__)

TICK_S = 0.25
LINK_UP = (LinkState.OPEN, LinkState.DRAINING)


class SessionDriver(VideoControls):
    def __init__(
        self,
        settings: Settings,
        api_key: str | None,
        on_ui: UiCallback,
        history: HistoryWriter | HistoryStore | None = None,
        confirm_tool: ConfirmTool | None = None,
    ) -> None:
        self.settings = settings
        self._api_key = api_key
        self._on_ui = on_ui
        self._running = False
        self._closed = False
        self._key = PendingKey()
        self.core = SessionCore(CorePolicy(push_to_talk=settings.push_to_talk))
        self._pump = Pump(self.core, self._show)
        failed = self._task_failed
        self._tasks = OwnedTasks(on_failure=failed)  # the tick; each port owns its own
        self.recorder = HistoryRecorder(history, self._show)
        self.audio_port = AudioPort(self.feed, self._show, OwnedTasks(failed))
        self.video = VideoPort(
            settings, self.feed, self._show, OwnedTasks(failed), lambda: self.core.link in LINK_UP
        )
        self.tools = ToolsPort(
            self.feed,
            self._show,
            OwnedTasks(failed),
            confirm_tool=confirm_tool,
            take_snapshot=self.take_snapshot,
            record_note=self.recorder.note,
            record_tool=self.recorder.tool_step,
            declared=lambda: self.link.declared_tools,
            set_job=self.set_job,
        )
        self.link = LinkPort(
            self._pump.feed, self._show, OwnedTasks(failed), self.tools.declarations
        )
        self.link.tools_ready = self.tools.wait_ready  # a connect waits for the quick start only
        self._pump.register(port_handlers(self.link, self.audio_port, self.tools))

    # -- state the window reads ---------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._running

    @property
    def link_state(self) -> LinkState:
        return self.core.link

    @property
    def model_speaking(self) -> bool:
        return self.core.playing

    @property
    def api_key(self) -> str | None:
        """The key the next session connects with (None for Vertex AI and the simulator)."""
        return self._api_key

    @property
    def backend(self) -> str:
        """The running session's backend; between sessions, the one the next one uses."""
        connection = self.link.connection
        if self._running and connection is not None:
            return connection.backend
        return self.settings.effective_backend(self._api_key is not None)

    @property
    def push_to_talk(self) -> bool:
        return self.core.policy.push_to_talk

    @property
    def history(self) -> HistoryWriter | None:
        return self.recorder.history

    @property
    def toolbox(self) -> Toolbox | None:
        return self.tools.toolbox

    @property
    def _sim(self) -> SimServer | None:  # the built-in simulator, for tests
        return self.link.sim

    @property
    def on_wire(self) -> Wire | None:
        return self.link.on_wire

    @on_wire.setter
    def on_wire(self, tap: Wire | None) -> None:
        """The inspector's tap: (direction, kind, size, summary) for every message."""
        self.link.on_wire = tap

    # -- a session ------------------------------------------------------------------------------

    async def start(self) -> None:
        """Connect at once; devices and tools start alongside, never in front of it (speech
        meanwhile is buffered by the core). Device problems are reported; the session runs."""
        if self._running:
            return
        self._running = True
        # A keyring still answering is the one thing a connect waits for.
        await self._key.wait()
        self._api_key = self._key.take(self._api_key)
        s = self.settings
        self.watch_history(asyncio.get_running_loop())
        backend = s.effective_backend(self._api_key is not None)
        self.recorder.begin(backend, s.effective_model(backend))
        self.recorder.keep_for(s.retention_days)
        await self.link.begin(s, self._api_key)
        self.feed(ev.StartRequested())  # the link is opened first: OpenLink runs as a task
        self.audio_port.open_soon(AudioChoice.of(s))  # on a worker thread
        self.video.start()
        self.tools.start_soon(s)
        self._tasks.spawn(self._tick_loop(), "tick")

    def expect_key(self, lookup: asyncio.Future[KeyFound]) -> None:
        """The launch's key lookup, still running: taken when it answers; only a start
        waits for it."""
        self._key.expect(lookup)
        lookup.add_done_callback(self._take_key)

    def _take_key(self, _: object) -> None:
        self._api_key = self._key.take(self._api_key)

    @property
    def key_pending(self) -> bool:
        return self._key.pending

    async def stop(self) -> None:
        if not self._running:
            return
        self._running = False
        if self.core.link not in (LinkState.CLOSED, LinkState.DISCONNECTED):
            self.feed(ev.StopRequested())
        await self._cancel_tasks()
        await self.audio_port.close()
        await self.video.stop()
        await self.tools.stop()
        await self.recorder.end()
        await self.link.finish()

    async def aclose(self) -> None:
        """Shut everything down (window closing): tasks cancelled and awaited, devices closed."""
        if self._closed:
            return
        self._closed = True
        await self.stop()
        await self._cancel_tasks()
        await self.recorder.close()

    def watch_history(self, loop: asyncio.AbstractEventLoop) -> None:
        self.recorder.watch(loop)

    # -- what the user does ---------------------------------------------------------------------

    def feed(self, event: ev.Event) -> None:
        """Feed an input event. One the core refuses (a stop while stopped) changes nothing."""
        failure = self._pump.feed(event)
        if isinstance(failure, IllegalTransition):
            log.warning("Ignored out-of-order event %s: %s", type(event).__name__, failure)
        elif failure is not None:
            raise failure

    def send_text(self, text: str) -> None:
        self.feed(ev.UserText(text))

    def set_muted(self, muted: bool) -> None:
        self.audio_port.set_muted(muted)
        self.feed(ev.MicMuted(muted))

    def talk(self, pressed: bool) -> None:
        """Push-to-talk key down or up."""
        self.feed(ev.TalkKey(pressed))

    def set_headset_mode(self, on: bool) -> None:
        """Headset: no echo cancellation (it would eat the start of the user's speech);
        speaker mode: cancel the echo of the laptop's own speakers. Reopens the audio."""
        self.settings.echo_cancellation = not on
        if self._running:
            self.audio_port.reopen(AudioChoice.of(self.settings))

    def apply_settings(self, settings: Settings, api_key: str | None) -> str:
        """New settings from the dialog, as one change each port applies what it can of at
        once. Returns the banner naming what waits ("" when nothing does)."""
        change = SettingsChanged(self.settings, settings)
        key_changed = api_key != self._api_key
        self.settings, self._api_key = settings, api_key
        self._key.forget()
        self.link.push_to_talk = settings.push_to_talk  # before the core hands over for it
        self.feed(ev.TalkModeChanged(settings.push_to_talk))
        self.video.apply(settings)
        if self._running:
            self.audio_port.reopen(AudioChoice.of(settings))
        return waiting_text(change, key_changed) if self._running else ""

    @property
    def job(self) -> dict[str, str]:
        """Job ID, site and equipment as they stand (messages.JOB_FIELDS)."""
        return dict(self.recorder.job)

    def set_job(self, updates: Mapping[str, str]) -> dict[str, str]:
        """Job details typed in the window or told to the model ("" clears one): kept for the
        running session's record and the next session's; a JobDetails event shows them."""
        return self.recorder.set_job(updates)

    # -- video ------------------------------------------------------------------------------------

    async def take_snapshot(self, caption: str = "") -> Path | None:
        """Save the frame at full resolution and send it once (F8, or the snapshot tool)."""
        from desktop.infra import paths

        saved = await self.video.take_snapshot(paths.snapshots_dir())
        if saved is None:
            return None
        path, jpeg = saved
        self.recorder.snapshot(jpeg, path.name, caption)
        self.feed(ev.SnapshotTaken(jpeg, path.name, caption))
        return path

    # -- inside -----------------------------------------------------------------------------------

    def _show(self, event: AppEvent) -> None:
        if isinstance(event, ev.LinkStatusChanged):
            log.info("Link %s: %s", event.state, event.detail)
        self.recorder.seen(event)
        try:
            self._on_ui(event)
        except Exception:
            log.exception("The UI failed to show %s", type(event).__name__)

    async def _tick_loop(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            self.feed(ev.Tick(loop.time()))
            await asyncio.sleep(TICK_S)

    def _task_failed(self, task: asyncio.Task[object]) -> None:
        self._show(
            ev.Notice(f"Internal error in {task.get_name()}; see the log.", ev.NoticeLevel.ERROR)
        )

    async def _cancel_tasks(self) -> None:
        await self.link.settle()
        ports = (self.link, self.audio_port, self.video, self.tools)
        for tasks in (self._tasks, *(port.tasks for port in ports)):
            await tasks.cancel_all()
