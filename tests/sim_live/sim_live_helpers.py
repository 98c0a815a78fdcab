"""Shared helpers for the SDK-against-simulator tests (imported by name: no package here)."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from desktop.live import LiveLink, LiveOptions, build_client, build_config
from desktop.session.events import (
    LinkClosed,
    ModelAudio,
    OutputTranscript,
    ServerEvent,
    TurnComplete,
)
from desktop.sim import SimServer, signals

SimFactory = Callable[..., Awaitable[SimServer]]  # the make_sim fixture

WAIT_S = 15.0  # generous: these are bounds against hangs, not timings


def options(server: SimServer, **overrides: Any) -> LiveOptions:
    base: dict[str, Any] = {
        "backend": "simulator",
        "endpoint": server.url,
        "ssl_context": server.client_ssl_context(),
    }
    base.update(overrides)
    return LiveOptions(**base)


def make_link(server: SimServer, resume_handle: str | None = None, **overrides: Any) -> LiveLink:
    opts = options(server, **overrides)
    return LiveLink(build_client(opts), opts.model_name, build_config(opts, resume_handle))


class EventLog:
    """Runs `link.events()` in a named task and lets a test wait for what it expects."""

    def __init__(self, link: LiveLink) -> None:
        self.link = link
        self.events: list[ServerEvent | LinkClosed] = []
        self.times: list[float] = []  # monotonic arrival time of each event
        self._changed = asyncio.Condition()
        self.task = asyncio.create_task(self._pump(), name="test-events")

    async def _pump(self) -> None:
        async for ev in self.link.events():
            async with self._changed:
                self.events.append(ev)
                self.times.append(time.monotonic())
                self._changed.notify_all()

    async def wait_for(
        self, pred: Callable[[ServerEvent | LinkClosed], bool], count: int = 1
    ) -> list[ServerEvent | LinkClosed]:
        async def matched() -> list[ServerEvent | LinkClosed]:
            async with self._changed:
                await self._changed.wait_for(
                    lambda: sum(map(pred, self.events)) >= count or self.closed is not None
                )
                hits = [e for e in self.events if pred(e)]
                if len(hits) < count:
                    raise AssertionError(f"link closed first: {self.closed}; saw {self.kinds()}")
                return hits

        return await asyncio.wait_for(matched(), WAIT_S)

    async def wait_type(self, kind: type, count: int = 1) -> list[Any]:
        return await self.wait_for(lambda e: isinstance(e, kind), count)

    async def wait_closed(self) -> LinkClosed:
        await asyncio.wait_for(asyncio.shield(self.task), WAIT_S)
        assert self.closed is not None
        return self.closed

    @property
    def closed(self) -> LinkClosed | None:
        hits = [e for e in self.events if isinstance(e, LinkClosed)]
        return hits[-1] if hits else None

    def kinds(self) -> list[str]:
        return [type(e).__name__ for e in self.events]

    def of(self, kind: type) -> list[Any]:
        return [e for e in self.events if isinstance(e, kind)]

    def times_of(self, kind: type) -> list[float]:
        return [t for t, e in zip(self.times, self.events, strict=True) if isinstance(e, kind)]

    def output_text(self) -> str:
        return "".join(e.text for e in self.of(OutputTranscript))

    def audio_bytes(self) -> int:
        return sum(len(e.pcm) for e in self.of(ModelAudio))

    def turns(self) -> int:
        return len(self.of(TurnComplete))

    async def stop(self) -> None:
        await self.link.close()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(self.task), WAIT_S)
        if not self.task.done():
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.task


async def send_pcm(link: LiveLink, blocks: Iterable[bytes]) -> int:
    n = 0
    for block in blocks:
        await link.send_audio(block)
        n += 1
    return n


async def speak(link: LiveLink, speech_s: float = 1.0, pause_s: float = 0.9) -> int:
    """Stream one utterance (speech, then silence) as 20 ms microphone blocks."""
    return await send_pcm(link, signals.chunks(signals.utterance(speech_s, pause_s)))
