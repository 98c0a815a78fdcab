"""The outbox: one queue of sends, written in order by one task.

Each send carries the link it was queued for: a handover must never redirect it to the next
connection. Video frames are dropped before audio ever waits behind them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.session import events as ev
from desktop.session.pacing import VideoDropPolicy

if TYPE_CHECKING:
    from desktop.live.link import LiveLink

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Flush:
    """Marker: every send queued before it for its link has been written (or failed)."""

    done: asyncio.Event


Outgoing = tuple["LiveLink | None", "ev.Command | _Flush"]


class Outbox:
    def __init__(self, on_sent: Callable[[ev.Command], None]) -> None:
        self._on_sent = on_sent
        self._queue: asyncio.Queue[Outgoing] = asyncio.Queue()
        self._video_drop = VideoDropPolicy()
        self.link: LiveLink | None = None  # the current link: what new sends are queued for
        self.send_failures = 0  # sends that met a link already gone (a drop not yet noticed)

    def reset(self) -> None:
        self._queue = asyncio.Queue()

    def put(self, command: ev.Command) -> None:
        self._queue.put_nowait((self.link, command))

    def put_video(self, command: ev.SendVideo) -> None:
        if self._video_drop.admit_video(self._queue.qsize()):
            self.put(command)

    def flush_marker(self, link: LiveLink) -> asyncio.Event:
        flushed = asyncio.Event()
        self._queue.put_nowait((link, _Flush(flushed)))
        return flushed

    async def run(self) -> None:
        from desktop.app.preload import imported

        await imported("desktop.live.errors")  # google-genai: imported off the loop
        from desktop.live.errors import LinkError

        while True:
            link, command = await self._queue.get()
            if isinstance(command, _Flush):
                command.done.set()  # everything before it went out: the link may close now
                continue
            if link is None or not link.is_open:
                continue  # no link, or one known closed: the core buffers what must survive
            try:
                await _send(link, command)
            except LinkError as exc:
                # The receive loop reports the close; until it does, nothing more goes here.
                self.send_failures += 1
                log.info("Send failed (%s): %s", type(command).__name__, exc.message)
                if self.link is link:
                    self.link = None
                continue
            self._on_sent(command)


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
