"""LiveLink: one Live connection through google-genai, spoken in session events.

It opens, sends, yields events and closes; it never reconnects by itself (the reconnect
policy belongs to the session core). Only the non-deprecated SDK calls are used:
`send_realtime_input` (one argument per call), `send_client_content`, `send_tool_response`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncGenerator, Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager

from google import genai
from google.genai import live as genai_live
from google.genai import types

from desktop.live.errors import LinkContext, LinkError, classify
from desktop.live.translate import Translator
from desktop.session.events import (
    CloseKind,
    HistoryTurn,
    LinkClosed,
    LinkOpened,
    ServerEvent,
    ToolResult,
)

log = logging.getLogger(__name__)

MIC_MIME = "audio/pcm;rate=16000"
JPEG_MIME = "image/jpeg"


class LiveLink:
    """A single connection. Construct (no I/O), `open()`, then run `events()` in one task."""

    def __init__(
        self,
        client: genai.Client,
        model: str,
        config: types.LiveConnectConfig,
        *,
        setup_timeout_s: float = 20.0,
    ) -> None:
        self._client = client
        # The SDK bounds the WebSocket handshake (10 s) but waits for setupComplete forever.
        self._setup_timeout_s = setup_timeout_s
        self._model = model
        self._config = config
        res = config.session_resumption
        self.resuming = bool(res is not None and res.handle)
        self._cm: AbstractAsyncContextManager[genai_live.AsyncSession] | None = None
        self._session: genai_live.AsyncSession | None = None
        self._requested = False  # close() was called: a close is ours, not the server's
        self._got_message = False
        self._closed_result: LinkClosed | None = None
        self.translator = Translator()  # one per connection: bad audio formats warned once

    # --- state ----------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._session is not None and self._closed_result is None and not self._requested

    @property
    def session_id(self) -> str | None:
        return self._session.session_id if self._session is not None else None

    def _ctx(self) -> LinkContext:
        return LinkContext(
            requested=self._requested,
            resuming=self.resuming,
            early=not self._got_message,
            vertex=bool(self._client.vertexai),
            model=self._model,
        )

    # --- open / close ---------------------------------------------------------------

    async def open(self) -> LinkOpened:
        """Connect and wait for setupComplete. Raises LinkError, classified."""
        if self._cm is not None:
            raise RuntimeError("LiveLink.open() called twice; make a new LiveLink per connection")
        cm = self._client.aio.live.connect(model=self._model, config=self._config)
        self._cm = cm
        try:
            session = await asyncio.wait_for(cm.__aenter__(), self._setup_timeout_s)
        except Exception as exc:
            self._cm = None
            err = classify(exc, self._ctx())
            self._closed_result = err.as_closed()
            raise err from exc
        self._session = session
        if session.setup_complete is None:
            # The SDK hands back a session whatever the first frame was.
            await self._teardown()
            err = LinkError(CloseKind.PROTOCOL, None, "The server did not confirm the setup.")
            self._closed_result = err.as_closed()
            raise err
        return LinkOpened(resumed=self.resuming)

    async def close(self) -> None:
        """Close the connection (idempotent). `events()` then ends with LinkClosed(REQUESTED)."""
        self._requested = True
        await self._teardown()

    async def _teardown(self) -> None:
        cm, self._cm = self._cm, None
        if cm is None:
            return
        # Leaving the SDK's context manager closes the WebSocket (close handshake, 1000).
        with contextlib.suppress(Exception):
            await cm.__aexit__(None, None, None)

    # --- sending --------------------------------------------------------------------

    async def _send(self, op: Callable[[genai_live.AsyncSession], Awaitable[None]]) -> None:
        session = self._session
        if session is None or self._cm is None:
            kind = CloseKind.REQUESTED if self._requested else CloseKind.TRANSIENT
            raise LinkError(kind, None, "The Live connection is not open.")
        try:
            await op(session)
        except LinkError:
            raise
        except Exception as exc:
            # ConnectionClosed from websockets, OSError from the transport.
            raise classify(exc, self._ctx()) from exc

    async def send_audio(self, pcm: bytes) -> None:
        blob = types.Blob(data=pcm, mime_type=MIC_MIME)
        await self._send(lambda s: s.send_realtime_input(audio=blob))

    async def send_video(self, jpeg: bytes) -> None:
        blob = types.Blob(data=jpeg, mime_type=JPEG_MIME)
        await self._send(lambda s: s.send_realtime_input(video=blob))

    async def send_text(self, text: str) -> None:
        await self._send(lambda s: s.send_realtime_input(text=text))

    async def send_audio_stream_end(self) -> None:
        await self._send(lambda s: s.send_realtime_input(audio_stream_end=True))

    async def send_activity_start(self) -> None:
        """Manual turn control, for when automatic activity detection is off."""
        await self._send(lambda s: s.send_realtime_input(activity_start=types.ActivityStart()))

    async def send_activity_end(self) -> None:
        await self._send(lambda s: s.send_realtime_input(activity_end=types.ActivityEnd()))

    async def send_tool_results(self, results: Sequence[ToolResult]) -> None:
        if not results:
            return
        responses = [
            types.FunctionResponse(id=r.id, name=r.name, response=dict(r.response)) for r in results
        ]
        await self._send(lambda s: s.send_tool_response(function_responses=responses))

    async def send_history(self, turns: Sequence[HistoryTurn], turn_complete: bool = False) -> None:
        """Re-seed a fresh session with the conversation so far (no handle could be used).

        A session opened with `history_config.initial_history_in_client_content` (see
        `build_config(initial_history=True)`) needs `turn_complete=True` to end the history;
        the server does not answer it. Without that config, `turn_complete=False` adds the
        turns as context without a reply (models before 3.1).
        """
        contents: list[types.Content | types.ContentDict] = [
            types.Content(role=t.role, parts=[types.Part(text=t.text)]) for t in turns if t.text
        ]
        if not contents:
            return
        await self._send(
            lambda s: s.send_client_content(turns=contents, turn_complete=turn_complete)
        )

    # --- receiving ------------------------------------------------------------------

    async def events(self) -> AsyncGenerator[ServerEvent | LinkClosed, None]:
        """Server events in the fixed order, then exactly one LinkClosed."""
        session = self._session
        if session is None:
            yield self._closed_result or LinkClosed(CloseKind.TRANSIENT, None, "Never opened.")
            return
        closed: LinkClosed | None = None
        while closed is None:
            # receive() ends after every turnComplete: re-enter it for the next turn.
            stream = session.receive()
            while True:
                try:
                    msg = await anext(stream)
                except StopAsyncIteration:
                    break
                except Exception as exc:
                    closed = self._on_receive_error(exc)
                    break
                self._got_message = True
                try:
                    events = self.translator.translate(msg)
                except Exception as exc:
                    # Any failure is this link's protocol error: the link is reset, never
                    # left as a dead receive loop.
                    log.exception("Could not translate a server message")
                    closed = LinkClosed(
                        CloseKind.PROTOCOL,
                        None,
                        f"The server sent a message this app could not read "
                        f"({type(exc).__name__}); reconnecting.",
                    )
                    break
                for event in events:
                    yield event
        # A protocol error leaves the socket open; server closes leave the SDK's context open.
        await self._teardown()
        self._closed_result = closed
        yield closed

    def _on_receive_error(self, exc: BaseException) -> LinkClosed:
        err = classify(exc, self._ctx())
        if err.kind is not CloseKind.REQUESTED:
            log.warning("Live link closed: %s (%s)", err.kind.value, err.message)
        return err.as_closed()
