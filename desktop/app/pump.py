"""The pump: events in, the core's commands out through one handler table, in order.

`feed(event)` queues the event; the outermost call drains the queue, feeding each event to
the core and running its commands before the next event is taken. An event fed by a command
handler (a tool answered at once, a speaker's measure) waits its turn in the queue: `feed` is
never re-entered and order is kept.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable

from desktop.app.commands import CommandHandlers
from desktop.app.messages import AppEvent
from desktop.session import events as ev
from desktop.session.core import SessionCore

log = logging.getLogger(__name__)


class Pump:
    def __init__(self, core: SessionCore, show: Callable[[AppEvent], None]) -> None:
        self.core = core
        self._show = show
        self._handlers: CommandHandlers | None = None
        self._queue: deque[ev.Event] = deque()
        self._draining = False

    def register(self, handlers: CommandHandlers) -> None:
        """The ports' handlers, one per command type (the dataclass makes mypy check it)."""
        self._handlers = handlers

    def feed(self, event: ev.Event) -> Exception | None:
        """Queue `event`; the outermost call drains. Returns the first failure met while
        draining (the core refusing an event, a handler raising), for the caller to judge:
        every command is run even so (a bad audio chunk must not swallow the tool answer
        queued beside it)."""
        self._queue.append(event)
        if self._draining:
            return None
        self._draining = True
        failure: Exception | None = None
        try:
            while self._queue:
                failure = self._step(self._queue.popleft()) or failure
        finally:
            self._draining = False
        return failure

    def _step(self, event: ev.Event) -> Exception | None:
        failure: Exception | None = None
        try:
            self.core.feed(event)
        except Exception as exc:  # reported to the caller; the commands already made still run
            failure = exc
        for command in self.core.drain():
            try:
                self._run(command)
            except Exception as exc:
                log.exception("Executing %s failed", type(command).__name__)
                failure = failure or exc
        for ui_event in self.core.drain_ui():
            self._show(ui_event)
        return failure

    def _run(self, command: ev.Command) -> None:
        if self._handlers is None:
            raise RuntimeError("no command handlers registered")
        self._handlers.run(command)
