"""One running session: the driver that pumps events into the core and executes its commands.

It owns every task (named, held, cancelled and awaited on close) and every device. It knows
nothing of Qt: the UI gets `UiEvent`s through a callback and polls the preview frame.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, assert_never

from desktop.app.messages import (
    SIMULATOR_BANNER,
    AppEvent,
    AudioLevels,
    ConfirmTool,
    HistoryNotice,
    Speaking,
    UiCallback,
    VideoStatus,
    describe_message,
)
from desktop.app.options import live_options
from desktop.app.tasks import OwnedTasks
from desktop.infra.history import HistoryStore
from desktop.infra.history_writer import HistoryState, HistoryStatus, HistoryWriter
from desktop.infra.settings import Settings
from desktop.session import events as ev
from desktop.session.core import CorePolicy, SessionCore
from desktop.session.pacing import FramePacer, VideoDropPolicy
from desktop.session.states import IllegalTransition, LinkState

if TYPE_CHECKING:
    import numpy as np

    from desktop.audio.engine import AudioEngine
    from desktop.live.link import LiveLink
    from desktop.live.options import LiveOptions
    from desktop.sim.server import SimServer
    from desktop.tools import Confirmation, TimerInfo, ToolActivity, Toolbox, WorkNote
    from desktop.video.capture import CaptureStatus, CaptureWorker
    from desktop.video.privacy import MaskRegion

log = logging.getLogger(__name__)

TICK_S = 0.25
HISTORY_FLUSH_S = 2.0  # what a stop or close waits for the history at most
VIDEO_POLL_S = 0.05
# A link being closed first gets what was queued for it (a tool answer, typed text); a send
# stuck on a dead socket must not hold the close, nor the next connection, for longer.
FLUSH_BEFORE_CLOSE_S = 3.0


@dataclass(frozen=True)
class _Flush:
    """Outbox marker: every send queued before it for its link has been written (or failed)."""

    done: asyncio.Event


# Each send carries the link it was queued for: a handover must not redirect it to the next.
_Outgoing = tuple["LiveLink | None", "ev.Command | _Flush"]


class SessionDriver:
    def __init__(
        self,
        settings: Settings,
        api_key: str | None,
        on_ui: UiCallback,
        history: HistoryWriter | HistoryStore | None = None,
        confirm_tool: ConfirmTool | None = None,
    ) -> None:
        self.settings = settings
        self._confirm_tool = confirm_tool
        self.toolbox: Toolbox | None = None
        self._declared_tools: set[str] = set()  # what the last connect told the model
        # Every write goes through one writer thread; an open store is wrapped in one.
        if isinstance(history, HistoryStore):
            history = HistoryWriter.around(history).start()
        self.history = history
        self._history_session: int | None = None  # the writer's local key for this session
        self._history_watched = False
        self.backend = settings.effective_backend(api_key is not None)
        self._api_key = api_key
        self._on_ui = on_ui
        self.core = SessionCore(CorePolicy(push_to_talk=settings.push_to_talk))
        self.pacer = FramePacer(settings.video_fps)
        self._tasks = OwnedTasks(on_failure=self._task_failed)
        self._link: LiveLink | None = None
        self._link_id = 0
        self._link_task: asyncio.Task[None] | None = None
        self._closing: asyncio.Task[None] | None = None  # the last link being flushed and closed
        self._outbox: asyncio.Queue[_Outgoing] = asyncio.Queue()
        self._video_drop = VideoDropPolicy()  # frames are dropped before audio ever waits
        self.masks: tuple[MaskRegion, ...] = ()
        self._tool_tasks: dict[str, asyncio.Task[None]] = {}
        self._client: Any = None
        self._sim: SimServer | None = None
        self.audio: AudioEngine | None = None
        self.video: CaptureWorker | None = None
        self.video_status = VideoStatus("off")
        self._running = False
        self._closed = False
        self.send_failures = 0  # sends that met a link already gone (a drop not yet noticed)
        # The inspector's tap: (direction, kind, size, summary) for every message on the wire.
        self.on_wire: Callable[[str, str, int, str], None] | None = None

    # -- what the UI calls ------------------------------------------------------------------

    @property
    def link_state(self) -> LinkState:
        return self.core.link

    @property
    def api_key(self) -> str | None:
        """The key this driver connects with (None for Vertex AI and the simulator)."""
        return self._api_key

    @property
    def running(self) -> bool:
        return self._running

    async def start(self) -> None:
        """Open devices and connect. Device problems are reported; the session still runs."""
        if self._running:
            return
        self._running = True
        loop = asyncio.get_running_loop()
        self._outbox = asyncio.Queue()  # nothing queued for a previous session is sent now
        self.watch_history(loop)
        self._begin_history()
        if self.backend == "simulator":
            await self._start_simulator()
            self._ui(ev.Notice(SIMULATOR_BANNER, ev.NoticeLevel.INFO))
        self._start_audio(loop)
        self._start_video()
        await self._start_tools()
        self._spawn(self._tick_loop(), "tick")
        self._spawn(self._send_loop(), "sender")
        self._spawn(self._video_loop(), "video-pacer")
        self.feed(ev.StartRequested())

    async def stop(self) -> None:
        if not self._running:
            return
        self._running = False
        if self.core.link not in (LinkState.CLOSED, LinkState.DISCONNECTED):
            self.feed(ev.StopRequested())
        await self._cancel_tasks()
        await self._stop_devices()
        if self.toolbox is not None:
            toolbox, self.toolbox = self.toolbox, None
            await toolbox.aclose()
        if self._history_session is not None:
            session_id = self._history_session
            self._record(lambda h: h.end_session(session_id))
            self._history_session = None
        if self.history is not None and self.history.status.state is not HistoryState.UNAVAILABLE:
            # Written before "stopped" is shown; a bounded wait, off the loop. An unavailable
            # database keeps its backlog in memory and is retried; closing waits for it once.
            await asyncio.to_thread(self.history.flush, HISTORY_FLUSH_S)
        if self._sim is not None:
            await self._sim.stop()
            self._sim = None

    async def aclose(self) -> None:
        """Shut everything down (window closing): tasks cancelled and awaited, devices closed."""
        if self._closed:
            return
        self._closed = True
        await self.stop()
        await self._cancel_tasks()
        if self.history is not None:
            await asyncio.to_thread(self.history.close, HISTORY_FLUSH_S)

    def send_text(self, text: str) -> None:
        self.feed(ev.UserText(text))

    def set_muted(self, muted: bool) -> None:
        if self.audio is not None:
            self.audio.muted = muted
        self.feed(ev.MicMuted(muted))

    def set_headset_mode(self, on: bool) -> None:
        """Headset: no echo cancellation (it would eat the start of the user's speech);
        speaker mode: cancel the echo of the laptop's own speakers. Reopens the audio."""
        self.settings.echo_cancellation = not on
        if self.audio is not None:
            self.audio.stop()
            self.audio = None
            self._start_audio(asyncio.get_running_loop())

    def talk(self, pressed: bool) -> None:
        """Push-to-talk key down or up."""
        self.feed(ev.TalkKey(pressed))

    def set_camera(self, on: bool) -> None:
        if self.video is not None:
            self.video.paused = not on
        self._set_video_status(VideoStatus("running" if on else "paused"))

    def latest_frame(self) -> tuple[int, np.ndarray[Any, Any]] | None:
        return self.video.latest() if self.video is not None else None

    def preview_frame(
        self, after_seq: int, max_w: int, max_h: int
    ) -> tuple[int, np.ndarray[Any, Any]] | None:
        """The newest frame as RGB fitted to the preview, masks applied; None if not newer."""
        from desktop.video.encode import to_rgb_preview

        latest = self.latest_frame()
        if latest is None or latest[0] == after_seq:
            return None
        seq, frame = latest
        return seq, to_rgb_preview(frame, max_w, max_h, mask=self.masks)

    def effective_video_fps(self) -> float:
        return self.pacer.effective_fps(asyncio.get_running_loop().time())

    def switch_source(self, spec_text: str) -> None:
        """Change the video source mid-session, without reconnecting."""
        from desktop.video.errors import VideoSourceError

        self.settings.video_source = spec_text
        if not self._running:
            return
        if self.video is None:
            self._start_video()
            return
        try:
            self.video.switch(spec_text, loop=True)
        except VideoSourceError as exc:
            self._set_video_status(VideoStatus("error", str(exc)))
            self._ui(ev.Notice(str(exc), ev.NoticeLevel.WARNING))

    @staticmethod
    def video_source_choices() -> list[str]:
        """Sources to offer in the picker: each camera found (by index and name), the screen,
        and none. Probes devices: call it off the Qt thread."""
        from desktop.video.source import list_cameras

        cameras = [f"camera:{c.name}" if c.name else str(c.index) for c in list_cameras()]
        return [*cameras, "screen", "none"]

    def add_mask(self, region: MaskRegion) -> None:
        self.masks = (*self.masks, region)

    def clear_masks(self) -> None:
        self.masks = ()

    async def take_snapshot(self) -> Path | None:
        """Save the current frame at full resolution and send it once (the snapshot key)."""
        from desktop.infra import paths
        from desktop.video.errors import VideoError
        from desktop.video.snapshot import snapshot

        latest = self.latest_frame()
        if latest is None or self.video_status.state == "paused":
            self._ui(ev.Notice("No camera picture to take a snapshot of.", ev.NoticeLevel.WARNING))
            return None
        folder, frame, masks = paths.snapshots_dir(), latest[1], self.masks

        def save() -> tuple[Path, bytes]:
            path, jpeg = snapshot(frame, paths.private_dir(folder), mask=masks)
            paths.private_file(path)  # the picture is the technician's: 0600
            return path, jpeg

        try:
            path, jpeg = await asyncio.to_thread(save)
        except (VideoError, OSError) as exc:
            self._ui(ev.Notice(f"Snapshot not saved: {exc}", ev.NoticeLevel.WARNING))
            return None
        if self._history_session is not None:
            session_id = self._history_session
            self._record(
                lambda h: h.add_snapshot(session_id, jpeg, caption=path.name, file=path.name)
            )
        self.feed(ev.SnapshotTaken(jpeg, path.name))
        return path

    # -- the pump ---------------------------------------------------------------------------

    def feed(self, event: ev.Event) -> None:
        """Feed, then drain: every input is followed by executing the core's commands."""
        try:
            self._pump(event)
        except IllegalTransition as exc:
            # The user or a device out of step (a stop while stopped) changes nothing.
            log.warning("Ignored out-of-order event %s: %s", type(event).__name__, exc)

    def _pump(self, event: ev.Event) -> None:
        """Feed one event and carry out what the core decided; raise what went wrong.

        Every command is executed even when the core or an earlier command failed: a bad
        audio chunk must not swallow the tool answer queued beside it."""
        try:
            if isinstance(event, ev.Interrupted) and self.audio is not None:
                # Before the core clears the speaker: how much of the reply was never heard.
                self.core.feed(ev.PlaybackCut(self.audio.buffered_seconds))
            self.core.feed(event)
        finally:
            failure = self._run_commands()
        if failure is not None:
            raise failure

    def _run_commands(self) -> Exception | None:
        failure: Exception | None = None
        for command in self.core.drain():
            try:
                self._execute(command)
            except Exception as exc:
                log.exception("Executing %s failed", type(command).__name__)
                failure = failure or exc
        for ui_event in self.core.drain_ui():
            self._ui(ui_event)
        return failure

    def _execute(self, command: ev.Command) -> None:
        match command:
            case ev.OpenLink():
                self._open_link(command)
            case ev.CloseLink():
                self._close_link()
            case ev.SendVideo():
                self._queue_video(command)
            case (
                ev.SendAudio()
                | ev.SendText()
                | ev.SendAudioStreamEnd()
                | ev.SendActivityStart()
                | ev.SendActivityEnd()
                | ev.SendToolResults()
            ):
                self._outbox.put_nowait((self._link, command))
            case ev.PlayAudio(pcm=pcm, generation=generation, rate=rate):
                self._play(pcm, generation, rate)
            case ev.ClearPlayback(generation=generation):
                if self.audio is not None:
                    self.audio.clear(generation)
            case ev.RunTool(call=call):
                self._run_tool(call)
            case ev.CancelTool(id=call_id):
                task = self._tool_tasks.pop(call_id, None)
                if task is not None:
                    task.cancel()
            case _:
                assert_never(command)  # mypy proves every command has a branch

    def _queue_video(self, command: ev.SendVideo) -> None:
        if self._video_drop.admit_video(self._outbox.qsize()):
            self._outbox.put_nowait((self._link, command))

    def _play(self, pcm: bytes, generation: int, rate: int) -> None:
        if self.audio is not None:
            self.audio.play(to_model_rate(pcm, rate), generation)
        else:
            # No speaker: nothing will ever report the playback idle.
            asyncio.get_running_loop().call_soon(self.feed, ev.PlaybackIdle())

    def _ui(self, event: AppEvent) -> None:
        if isinstance(event, ev.LinkStatusChanged):
            log.info("Link %s: %s", event.state, event.detail)
        if (
            isinstance(event, ev.TranscriptChanged)
            and event.text
            and self._history_session is not None
        ):
            session_id = self._history_session
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
        try:
            self._on_ui(event)
        except Exception:
            log.exception("The UI failed to show %s", type(event).__name__)

    # -- history ----------------------------------------------------------------------------

    def _begin_history(self) -> None:
        if self.history is None:
            return
        meta = {"backend": self.backend, "model": self.settings.effective_model(self.backend)}
        self._history_session = self.history.start_session(meta)  # a local key, at once

    def _record(self, write: Callable[[HistoryWriter], object]) -> None:
        """Hand a write to the history thread. It returns at once and never disables the
        history: an unusable database is retried in the background, its state reported by
        `_history_changed`."""
        if self.history is None:
            return
        try:
            write(self.history)
        except Exception:  # a bug in one write must not stop the session or the history
            log.exception("History write not queued")

    def watch_history(self, loop: asyncio.AbstractEventLoop) -> None:
        """Show the history's state changes (and what opening it said) in the window. The
        writer calls from its own thread: hand over to the loop."""
        if self.history is None or self._history_watched:
            return
        self._history_watched = True

        def heard(status: HistoryStatus) -> None:
            if not loop.is_closed():
                loop.call_soon_threadsafe(self._history_changed, status)

        self.history.listen(heard)

    def _history_changed(self, status: HistoryStatus) -> None:
        if status.text:
            log.info("History %s: %s", status.state, status.text)
            self._ui(HistoryNotice(status.state.value, status.text))

    # -- the link ---------------------------------------------------------------------------

    def _open_link(self, command: ev.OpenLink) -> None:
        self._link_id += 1
        self._link_task = self._spawn(self._run_link(command, self._link_id), "link")

    def _close_link(self) -> None:
        self._link_id += 1  # events still arriving from the old link are stale from now on
        link, self._link = self._link, None
        if self._link_task is not None:
            self._link_task.cancel()
            self._link_task = None
        if link is not None:
            self._retire(link)

    def _retire(self, link: LiveLink) -> None:
        """Close `link` once everything queued for it has been written.

        Sends queued before the close (a tool answer, typed text, in the same step as a goAway
        handover) reach the old link before it closes; they are never re-sent on the next one,
        whose resumed session predates them. The next connection waits for this close (a
        resume beside the old socket fails)."""
        flushed = asyncio.Event()
        self._outbox.put_nowait((link, _Flush(flushed)))

        async def close_when_flushed() -> None:
            try:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(flushed.wait(), FLUSH_BEFORE_CLOSE_S)
            finally:  # closed even when the session stops while it waits
                await link.close()

        self._closing = self._spawn(close_when_flushed(), "link-close")

    async def _run_link(self, command: ev.OpenLink, link_id: int) -> None:
        from desktop.live.errors import LinkError
        from desktop.live.link import LiveLink

        if command.delay_s > 0:
            await asyncio.sleep(command.delay_s)
        closing = self._closing
        if closing is not None and not closing.done():
            await asyncio.wait({closing}, timeout=FLUSH_BEFORE_CLOSE_S + 2.0)
        if link_id != self._link_id:
            return
        try:
            client, model, config = await self._connect_parts(command.resume_handle)
            link = LiveLink(client, model, config)
            await link.open()
        except LinkError as exc:
            if link_id == self._link_id:
                self.feed(ev.LinkClosed(exc.kind, exc.code, exc.message))
            return
        if link_id != self._link_id:
            await link.close()
            return
        try:
            if command.history:
                await link.send_history(command.history)
        except LinkError as exc:
            await link.close()
            self.feed(ev.LinkClosed(exc.kind, exc.code, exc.message))
            return
        self._link = link
        self.feed(ev.LinkOpened(resumed=command.resume_handle is not None))
        await self._receive(link, link_id)

    async def _receive(self, link: LiveLink, link_id: int) -> None:
        """Feed the link's events until it closes. A failure while handling one (in the core,
        or carrying out its commands) is this link's protocol error: logged, the link closed
        and reconnected. Never a dead receiver behind a window that says "Connected"."""
        event: ev.ServerEvent | ev.LinkClosed | None = None
        try:
            async with contextlib.aclosing(link.events()) as events:
                async for event in events:
                    if link_id != self._link_id:
                        return
                    if isinstance(event, ev.LinkClosed):
                        self._link = None
                    self._tap("in", event)
                    self._pump(event)
        except Exception as exc:
            what = type(event).__name__ if event is not None else "a server message"
            log.exception("Handling %s failed: a protocol error of this link", what)
            if link_id != self._link_id or isinstance(event, ev.LinkClosed):
                return  # stale, or the core already knows this link is gone
            if self._link is link:
                self._link = None
            self._retire(link)
            self.feed(
                ev.LinkClosed(
                    ev.CloseKind.PROTOCOL,
                    None,
                    f"A server message could not be handled ({type(exc).__name__}); reconnecting.",
                )
            )

    async def _connect_parts(self, handle: str | None) -> tuple[Any, str, Any]:
        from desktop.live.config import build_client, build_config, tools_from_declarations

        options = self._live_options()
        if self._client is None:
            # Constructing the client reads credentials files: keep it off the Qt thread.
            self._client = await asyncio.to_thread(build_client, options)
        # Read at every connect: MCP servers join (they start alongside the session, never in
        # front of it) and go during a session.
        declarations = self.toolbox.declarations() if self.toolbox is not None else []
        self._declared_tools = {d["name"] for d in declarations}
        config = build_config(options, handle, tools_from_declarations(declarations))
        return self._client, options.model_name, config

    def _live_options(self) -> LiveOptions:
        if self._sim is not None:
            return live_options(
                self.settings,
                self.backend,
                self._api_key,
                endpoint=self._sim.url,
                ssl_context=self._sim.client_ssl_context(),
            )
        return live_options(self.settings, self.backend, self._api_key)

    async def _send_loop(self) -> None:
        from desktop.live.errors import LinkError

        while True:
            link, command = await self._outbox.get()
            if isinstance(command, _Flush):
                command.done.set()  # everything before it went out: the link may close now
                continue
            if link is None or not link.is_open:
                continue  # no link, or one known closed: the core buffers what must survive
            try:
                await self._send(link, command)
                self._tap("out", command)
            except LinkError as exc:
                # The receive loop reports the close; until it does, nothing more goes here.
                self.send_failures += 1
                log.info("Send failed (%s): %s", type(command).__name__, exc.message)
                if self._link is link:
                    self._link = None
                continue
            if isinstance(command, ev.SendToolResults):
                # Only now are the calls answered: a goAway handover waited for this.
                self.feed(ev.ToolResultsSent(tuple(r.id for r in command.results)))

    def _tap(self, direction: str, message: ev.Command | ev.ServerEvent | ev.LinkClosed) -> None:
        if self.on_wire is not None:
            kind, size, summary = describe_message(message)
            self.on_wire(direction, kind, size, summary)

    def reconfigure(self, settings: Settings, api_key: str | None) -> bool:
        """New settings from the dialog. True when they wait for the next session start."""
        self.settings = settings
        self._api_key = api_key
        self.backend = settings.effective_backend(api_key is not None)
        self._client = None  # rebuilt with the new credentials and endpoint
        self.pacer.max_fps = settings.video_fps
        self.core.policy = CorePolicy(push_to_talk=settings.push_to_talk)
        return self._running

    @staticmethod
    async def _send(link: LiveLink, command: ev.Command) -> None:
        match command:
            case ev.SendAudio(pcm=pcm):
                await link.send_audio(pcm)
            case ev.SendVideo(jpeg=jpeg):
                await link.send_video(jpeg)
            case ev.SendText(text=text):
                await link.send_text(text)
            case ev.SendAudioStreamEnd():
                await link.send_audio_stream_end()
            case ev.SendActivityStart():
                await link.send_activity_start()
            case ev.SendActivityEnd():
                await link.send_activity_end()
            case ev.SendToolResults(results=results):
                await link.send_tool_results(results)

    # -- tools ------------------------------------------------------------------------------

    def _run_tool(self, call: ev.ToolCallItem) -> None:
        toolbox = self.toolbox
        if toolbox is None:
            self.feed(ev.ToolResult(call.id, call.name, {"error": "Tools are not available."}))
            return

        async def run() -> None:
            result = await toolbox.call(call)  # never raises: errors come back as results
            self._tool_tasks.pop(call.id, None)
            self.feed(result)

        self._tool_tasks[call.id] = self._spawn(run(), f"tool-{call.name}")

    async def _start_tools(self) -> None:
        from desktop.infra import paths
        from desktop.infra.credentials import lookup_secret
        from desktop.infra.redact import register_secret
        from desktop.tools import Toolbox, ToolContext

        self._declared_tools = set()  # a new session: the model knows no tool yet
        manuals = Path(self.settings.manuals_dir) if self.settings.manuals_dir else None
        if manuals is None and (paths.data_dir() / "manuals").is_dir():
            manuals = paths.data_dir() / "manuals"
        self.toolbox = Toolbox(
            ToolContext(
                data_dir=paths.data_dir(),
                manuals_dir=manuals,
                config_path=paths.config_dir() / "tools.toml",
                resolve_secret=lookup_secret,  # the tools call it on a worker thread
                on_secret=register_secret,  # ${ENV:...} values are secrets as much
                http_verify=self.settings.ca_file or True,
                confirm=self._confirm if self._confirm_tool is not None else None,
                on_activity=self._on_tool_activity,
                on_notice=self._ui,
                take_snapshot=self._snapshot_for_tool,
                log_note=self._log_work_note,
                on_timer=self._on_timer,
                on_tools_changed=self._on_tools_changed,
            )
        )
        # Quick (tools.toml, HTTP tools); MCP servers start in the background and never hold
        # up the connect. Never raises; reports config problems as notices.
        await self.toolbox.start()

    def _on_tools_changed(self) -> None:
        """MCP tools came (or went): a note for those the model does not know yet."""
        toolbox = self.toolbox
        if toolbox is None:
            return
        joined = sorted(set(toolbox.registry.names()) - self._declared_tools)
        if joined and self._running:
            when = "the next connection" if self._declared_tools else "the connection"
            self.feed(ev.AppNote(f"Tools ready: {', '.join(joined)} (offered from {when})."))

    async def _confirm(self, name: str, args: Mapping[str, Any]) -> Confirmation:
        from desktop.tools import Confirmation

        assert self._confirm_tool is not None
        answer = await self._confirm_tool(name, args)
        try:
            return Confirmation(answer)
        except ValueError:
            return Confirmation.DENY

    def _on_tool_activity(self, activity: ToolActivity) -> None:
        log.info(
            "Tool %s (%s): %s %s",
            activity.name,
            activity.call_id,
            activity.status,
            activity.summary or "",
        )

    async def _snapshot_for_tool(self, caption: str) -> str:
        from desktop.tools import ToolError

        path = await self.take_snapshot()
        if path is None:
            raise ToolError("There is no camera picture to take a snapshot of.")
        return str(path)

    def _log_work_note(self, note: WorkNote) -> None:
        if self._history_session is not None:
            session_id = self._history_session
            self._record(lambda h: h.add_note(session_id, note.text))
        self.feed(ev.AppNote(f"Work note: {note.text}"))

    def _on_timer(self, timer: TimerInfo) -> None:
        self.feed(
            ev.AppNote(
                f"Timer finished: {timer.label}",
                tell_model=f"(The timer '{timer.label}' you set has just finished. "
                "Tell the technician now, in one short sentence.)",
            )
        )

    # -- devices ----------------------------------------------------------------------------

    async def _start_simulator(self) -> None:
        from desktop.sim.server import SimServer

        self._sim = SimServer()
        await self._sim.start()

    def _start_audio(self, loop: asyncio.AbstractEventLoop) -> None:
        from desktop.audio.devices import AudioDeviceError
        from desktop.audio.engine import AudioEngine, AudioSettings

        engine = AudioEngine(
            on_mic_chunk=lambda pcm: self.feed(ev.MicAudio(pcm)),
            loop=loop,
            input_device=self.settings.input_device or None,
            output_device=self.settings.output_device or None,
            settings=AudioSettings(
                echo_cancellation=self.settings.echo_cancellation,
                instant_barge_in=self.settings.instant_barge_in,
            ),
            on_playback_idle=lambda: self.feed(ev.PlaybackIdle()),
            on_speaking=lambda speaking: self._ui(Speaking(speaking)),
            on_levels=lambda lv: self._ui(
                AudioLevels(lv.input_rms, lv.input_peak, lv.output_rms, lv.output_peak)
            ),
            on_device_note=lambda text: self._ui(ev.Notice(text, ev.NoticeLevel.WARNING)),
        )
        try:
            engine.start()
        except AudioDeviceError as exc:
            log.warning("Audio unavailable: %s", exc)
            self._ui(ev.Notice(f"{exc} The session runs text-only.", ev.NoticeLevel.WARNING))
            engine.stop()
            return
        self.audio = engine

    def _start_video(self) -> None:
        from desktop.video.capture import CaptureWorker
        from desktop.video.errors import VideoSourceError
        from desktop.video.source import parse_source

        spec_text = self.settings.video_source
        if spec_text.strip().lower() in ("", "none"):
            self._set_video_status(VideoStatus("off", "No video source"))
            return
        try:
            spec = parse_source(spec_text)
        except VideoSourceError as exc:
            self._set_video_status(VideoStatus("error", str(exc)))
            self._ui(ev.Notice(str(exc), ev.NoticeLevel.WARNING))
            return
        loop = asyncio.get_running_loop()

        def on_status(status: CaptureStatus) -> None:  # called on the capture thread
            loop.call_soon_threadsafe(self._on_capture_status, status)

        self.video = CaptureWorker(spec, on_status=on_status, loop=True)
        self.video.start()

    def _on_capture_status(self, status: CaptureStatus) -> None:
        self._set_video_status(VideoStatus(status.state.value, status.message))

    def _set_video_status(self, status: VideoStatus) -> None:
        self.video_status = status
        self._ui(status)

    async def _stop_devices(self) -> None:
        if self.audio is not None:
            self.audio.stop()
            self.audio = None
        if self.video is not None:
            video, self.video = self.video, None
            await asyncio.to_thread(video.stop)  # a stuck stream read can take seconds

    async def _video_loop(self) -> None:
        from desktop.video.encode import encode_jpeg

        loop = asyncio.get_running_loop()
        last_seq = -1
        while True:
            await asyncio.sleep(VIDEO_POLL_S)
            latest = self.latest_frame()
            if (
                latest is None
                or latest[0] == last_seq
                or self.core.link
                not in (
                    LinkState.OPEN,
                    LinkState.DRAINING,
                )
            ):
                continue
            now = loop.time()
            if not self.pacer.ready(now):
                continue
            self.pacer.mark_sent(now)
            last_seq, frame = latest
            jpeg = await asyncio.to_thread(
                encode_jpeg,
                frame,
                self.settings.video_long_side,
                self.settings.jpeg_quality,
                mask=self.masks,
            )
            self.feed(ev.VideoFrame(jpeg))

    async def _tick_loop(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            self.feed(ev.Tick(loop.time()))
            await asyncio.sleep(TICK_S)

    # -- task ownership ---------------------------------------------------------------------

    def _spawn(self, coro: Coroutine[Any, Any, None], name: str) -> asyncio.Task[None]:
        return self._tasks.spawn(coro, name)

    def _task_failed(self, task: asyncio.Task[Any]) -> None:
        message = f"Internal error in {task.get_name()}; see the log."
        self._ui(ev.Notice(message, ev.NoticeLevel.ERROR))

    async def _cancel_tasks(self) -> None:
        self._closing = None
        closing = self._tasks.named("link-close")
        if closing:  # let the socket close cleanly, but never hang the window on it
            await asyncio.wait(closing, timeout=2.0)
        await self._tasks.cancel_all()
        self._link = None
        self._tool_tasks.clear()


def to_model_rate(pcm: bytes, rate: int) -> bytes:
    """Model audio at another (valid: the live adapter checked it) rate, brought to the
    player's 24 kHz so it plays at the right pitch and speed."""
    from desktop.audio.engine import MODEL_RATE

    if rate == MODEL_RATE or len(pcm) < 2:
        return pcm
    import numpy as np
    import soxr

    samples = np.frombuffer(pcm[: len(pcm) // 2 * 2], dtype="<i2")
    return bytes(soxr.resample(samples, rate, MODEL_RATE).astype("<i2").tobytes())
