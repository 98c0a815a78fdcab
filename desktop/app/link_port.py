"""The link port: the live connection, its send loop and what a session connects with.

What a session connects with (backend, endpoint, key, CA file, project, location, the client
built from them, the built-in simulator) is fixed when the session starts: settings changed
meanwhile never reach a running session's reconnects; they apply at the next start. The
setup's conversation settings (model, voice, ...) are fixed the same way; only how turns are
marked (push-to-talk) follows the settings at once, and the core hands the connection over
for it.

Each `OpenLink` bumps a link id: events from a link that is no longer current are ignored.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from desktop.app.messages import SIMULATOR_BANNER, describe_message
from desktop.app.options import live_options
from desktop.app.outbox import Outbox
from desktop.app.preload import LINK_MODULES, imported
from desktop.app.tasks import OwnedTasks
from desktop.infra.settings import Settings
from desktop.session import events as ev

if TYPE_CHECKING:
    from google.genai import Client
    from google.genai.types import LiveConnectConfig

    from desktop.live.link import LiveLink
    from desktop.live.options import LiveOptions
    from desktop.sim.server import SimServer

log = logging.getLogger(__name__)

# The connect waits this long at most for the tools' quick start (built-ins, tools.toml, HTTP
# tools: milliseconds once imported); never for MCP servers or indexing, which join later.
TOOLS_READY_WAIT_S = 3.0

# A link being closed first gets what was queued for it (a tool answer, typed text); a send
# stuck on a dead socket must not hold the close, nor the next connection, for longer.
FLUSH_BEFORE_CLOSE_S = 3.0

Feed = Callable[[ev.Event], Exception | None]
Wire = Callable[[str, str, int, str], None]


@dataclass
class Connection:
    """What one session connects with, fixed at its start."""

    settings: Settings
    backend: str
    api_key: str | None
    sim: SimServer | None = None
    client: Client | None = None


class LinkPort:
    def __init__(
        self,
        feed: Feed,
        notify: Callable[[ev.Notice], None],
        tasks: OwnedTasks,
        declarations: Callable[[], list[Mapping[str, object]]],
    ) -> None:
        self._feed = feed
        self._notify = notify
        self.tasks = tasks
        self._declarations = declarations
        self.connection: Connection | None = None
        self.push_to_talk = False  # follows the settings at once (see the module's note)
        self.declared_tools: set[str] = set()  # what the last connect told the model
        self.outbox = Outbox(self._on_sent)
        self.on_wire: Wire | None = None
        self.tools_ready: Callable[[], Awaitable[None]] | None = None  # set by the driver
        self._link_id = 0
        self._link_task: asyncio.Task[None] | None = None
        self._closing: asyncio.Task[None] | None = None

    @property
    def sim(self) -> SimServer | None:
        return self.connection.sim if self.connection is not None else None

    # -- a session's start and end ------------------------------------------------------------

    async def begin(self, settings: Settings, api_key: str | None) -> None:
        backend = settings.effective_backend(api_key is not None)
        self.connection = Connection(replace(settings), backend, api_key)
        self.push_to_talk = settings.push_to_talk
        self.declared_tools = set()  # a new session: the model knows no tool yet
        self.outbox.reset()  # nothing queued for a previous session is sent now
        if backend == "simulator":
            await imported("desktop.sim.server")
            from desktop.sim.server import SimServer

            sim = SimServer()
            await sim.start()
            self.connection.sim = sim
            self._notify(ev.Notice(SIMULATOR_BANNER, ev.NoticeLevel.INFO))
        self.tasks.spawn(self.outbox.run(), "sender")

    async def finish(self) -> None:
        """After the tasks were cancelled: the link is gone, the simulator stops."""
        self._closing = None
        self.outbox.link = None
        sim = self.sim
        if sim is not None and self.connection is not None:
            self.connection.sim = None
            await sim.stop()

    async def settle(self) -> None:
        """Let a closing socket close cleanly, but never hang the window on it."""
        closing = self.tasks.named("link-close")
        if closing:
            await asyncio.wait(closing, timeout=2.0)

    # -- command handlers ---------------------------------------------------------------------

    def open_link(self, command: ev.OpenLink) -> None:
        self._link_id += 1
        self._link_task = self.tasks.spawn(self._run_link(command, self._link_id), "link")

    def close_link(self, _: ev.CloseLink) -> None:
        self._link_id += 1  # events still arriving from the old link are stale from now on
        link, self.outbox.link = self.outbox.link, None
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
        flushed = self.outbox.flush_marker(link)

        async def close_when_flushed() -> None:
            try:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(flushed.wait(), FLUSH_BEFORE_CLOSE_S)
            finally:  # closed even when the session stops while it waits
                await link.close()

        self._closing = self.tasks.spawn(close_when_flushed(), "link-close")

    # -- one connection -----------------------------------------------------------------------

    async def _run_link(self, command: ev.OpenLink, link_id: int) -> None:
        await imported(*LINK_MODULES)  # begun at launch; never on the window's thread
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
            history = _seeded(command.history)
            link = LiveLink(*await self._connect_parts(command.resume_handle, bool(history)))
            await link.open()
        except LinkError as exc:
            if link_id == self._link_id:
                self._tell(ev.LinkClosed(exc.kind, exc.code, exc.message))
            return
        if link_id != self._link_id:
            await link.close()
            return
        try:
            if history:  # the setup asked the server to take it as initial history
                await link.send_history(history, turn_complete=True)
        except LinkError as exc:
            await link.close()
            self._tell(ev.LinkClosed(exc.kind, exc.code, exc.message))
            return
        self.outbox.link = link
        self._tell(ev.LinkOpened(resumed=command.resume_handle is not None))
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
                        self.outbox.link = None
                    self._tap("in", event)
                    failure = self._feed(event)  # raised below: a protocol error
                    if failure is not None:
                        raise failure
        except Exception as exc:
            what = type(event).__name__ if event is not None else "a server message"
            log.error("Handling %s failed: a protocol error of this link", what, exc_info=exc)
            if link_id != self._link_id or isinstance(event, ev.LinkClosed):
                return  # stale, or the core already knows this link is gone
            if self.outbox.link is link:
                self.outbox.link = None
            self._retire(link)
            self._tell(
                ev.LinkClosed(
                    ev.CloseKind.PROTOCOL,
                    None,
                    f"A server message could not be handled ({type(exc).__name__}); reconnecting.",
                )
            )

    async def _connect_parts(
        self, handle: str | None, initial_history: bool = False
    ) -> tuple[Client, str, LiveConnectConfig]:
        from desktop.live.config import build_client, build_config, tools_from_declarations

        connection = self.connection
        if connection is None:
            raise RuntimeError("no session is running")
        options = self._live_options(connection)
        if connection.client is None:
            # Constructing the client reads credentials files: keep it off the Qt thread.
            # Meanwhile the tools' quick start finishes (the built-ins are offered at once).
            built, _ = await asyncio.gather(
                asyncio.to_thread(build_client, options), self._wait_for_tools()
            )
            connection.client = built
        else:
            await self._wait_for_tools()
        client: Client = connection.client
        # Read at every connect: MCP servers join (they start alongside the session, never in
        # front of it) and go during a session.
        declarations = self._declarations()
        self.declared_tools = {str(d["name"]) for d in declarations}
        config = build_config(
            options, handle, tools_from_declarations(declarations), initial_history=initial_history
        )
        return client, options.model_name, config

    async def _wait_for_tools(self) -> None:
        if self.tools_ready is None:
            return
        try:
            await asyncio.wait_for(self.tools_ready(), TOOLS_READY_WAIT_S)
        except TimeoutError:
            log.warning("Tools not ready after %g s: connecting without them", TOOLS_READY_WAIT_S)

    def _live_options(self, connection: Connection) -> LiveOptions:
        settings = replace(connection.settings, push_to_talk=self.push_to_talk)
        if connection.sim is not None:
            return live_options(
                settings,
                connection.backend,
                connection.api_key,
                endpoint=connection.sim.url,
                ssl_context=connection.sim.client_ssl_context(),
            )
        return live_options(settings, connection.backend, connection.api_key)

    def _tell(self, event: ev.Event) -> None:
        """Feed what the link saw; the core refusing it is logged (the link goes on)."""
        failure = self._feed(event)
        if failure is not None:
            log.warning("%s not taken: %r", type(event).__name__, failure)

    # -- the send loop's reports --------------------------------------------------------------

    def _on_sent(self, command: ev.Command) -> None:
        self._tap("out", command)
        if isinstance(command, ev.SendToolResults):
            # Only now are the calls answered: a goAway handover waited for this.
            self._tell(ev.ToolResultsSent(tuple(r.id for r in command.results)))

    def _tap(self, direction: str, message: ev.Command | ev.ServerEvent | ev.LinkClosed) -> None:
        if self.on_wire is not None:
            kind, size, summary = describe_message(message)
            self.on_wire(direction, kind, size, summary)


def _seeded(history: tuple[ev.HistoryTurn, ...] | None) -> tuple[ev.HistoryTurn, ...]:
    """The turns a fresh session is seeded with: those with text (LiveLink.send_history
    leaves empty ones out, and a setup that announces initial history must then send some)."""
    return tuple(t for t in history or () if t.text)
