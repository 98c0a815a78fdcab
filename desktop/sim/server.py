"""A local Gemini Live simulator: a real TLS WebSocket server speaking the Live wire protocol.

The SDK reaches it exactly as it would reach a corporate gateway:
`HttpOptions(base_url=server.url, async_client_args={"ssl": server.client_ssl_context()})`.
Default behaviour ("echo"): every utterance the client streams is spoken back, with a
transcript line saying what was heard; typed text gets a short chirp and "You typed: ...".
Faults, goAway, resumption and tool calls are scripted through `Scenario`.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import itertools
import json
import logging
import re
import ssl
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import parse_qs, urlsplit

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from desktop.sim import audio as sa
from desktop.sim import history, wire
from desktop.sim.certs import client_context, server_context, write_self_signed
from desktop.sim.record import Arrival, FrameRecord
from desktop.sim.scenario import Fault, Scenario

log = logging.getLogger(__name__)

GEMINI_PATH = re.compile(
    r"^/ws/google\.ai\.generativelanguage\.v1(alpha|beta)?\.GenerativeService\."
    r"BidiGenerateContent(Constrained)?$"
)
VERTEX_PATH = re.compile(
    r"^/ws/google\.cloud\.aiplatform\.v1(beta1)?\.LlmBidiService/BidiGenerateContent$"
)
BAD_KEY = "bad-key"  # the one credential the simulator refuses
# Close reasons modelled on what the real service sends (see docs/PROTOCOL.md).
REASON_BAD_KEY = "API key not valid. Please pass a valid API key."
REASON_BAD_HANDLE = "Session resumption handle is invalid or has expired."
REASON_TOOL_AUDIO = "Realtime input is not allowed while a function call is pending."
REASON_DEADLINE = "Connection lifetime reached after goAway."
AUDIO_TOKENS_PER_S = 25  # Gemini counts audio at 25 tokens per second


@dataclass
class _SessionState:
    """What survives a resumption: the conversation as the simulator knows it."""

    history: list[tuple[str, str]] = field(default_factory=list)
    turns: int = 0


class SimServer:
    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        scenario: Scenario | None = None,
        record: FrameRecord | None = None,
    ) -> None:
        self.host = host
        self._requested_port = port
        self.scenario = scenario or Scenario()
        # Counters for the whole run and a bounded record of recent frames, never every frame.
        self.record_of_frames = record or FrameRecord()
        self.connections = 0
        self.resumed_connections = 0
        self.replies = 0  # replies spoken over the whole run
        self._server: Server | None = None
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self._ca_file: Path | None = None
        self._sessions: dict[str, _SessionState] = {}
        self._live: set[_Connection] = set()

    # --- lifecycle -------------------------------------------------------------------

    async def start(self) -> None:
        if self._server is not None:
            return
        self._tmp = tempfile.TemporaryDirectory(prefix="fieldassist-sim-")
        pair = write_self_signed(Path(self._tmp.name), self.host)
        self._ca_file = pair.cert_file
        self._server = await serve(
            self._handle,
            self.host,
            self._requested_port,
            ssl=server_context(pair),
            process_request=self._process_request,
            max_size=32 * 2**20,  # camera JPEGs in base64 can be large; the real limit is higher
            ping_interval=None,  # the SDK's client answers pings, but tests need no keepalive
        )

    async def stop(self) -> None:
        if self._server is None:
            return
        for conn in list(self._live):
            await conn.cancel_tasks()
            if conn.handler is not None:
                conn.handler.cancel()  # a handler may be mid-sleep (slow setup scenario)
        self._server.close()
        await self._server.wait_closed()
        self._server = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    async def __aenter__(self) -> SimServer:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("SimServer.start() has not run")
        sock = next(iter(self._server.sockets))
        return int(sock.getsockname()[1])

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"https://{host}:{self.port}"

    @property
    def ca_file(self) -> Path:
        if self._ca_file is None:
            raise RuntimeError("SimServer.start() has not run")
        return self._ca_file

    def client_ssl_context(self) -> ssl.SSLContext:
        return client_context(self.ca_file)

    # --- what tests look at ----------------------------------------------------------

    @property
    def received(self) -> list[dict[str, Any]]:
        """The client frames still held (bounded; see FrameRecord), in arrival order."""
        return self.record_of_frames.frames()

    @property
    def arrivals(self) -> list[Arrival]:
        return self.record_of_frames.arrivals()

    @property
    def counts(self) -> dict[str, int]:
        """Client frames per kind over the whole run (setup, audio, text, tool_response, ...)."""
        return dict(self.record_of_frames.counts)

    def frames(self, kind: str) -> list[dict[str, Any]]:
        """Received frames whose top-level key is `kind` in either spelling."""
        return [f for f in self.received if any(wire.snake(k) == kind for k in f)]

    @property
    def open_connections(self) -> int:
        """Connections the server currently holds open."""
        return len(self._live)

    def issued_handles(self) -> list[str]:
        return list(self._sessions)

    # --- handshake -------------------------------------------------------------------

    def _process_request(self, conn: ServerConnection, request: Request) -> Response | None:
        path = urlsplit(request.path).path
        if not (GEMINI_PATH.match(path) or VERTEX_PATH.match(path)):
            return conn.respond(HTTPStatus.NOT_FOUND, f"No Live endpoint at {path}\n")
        if _credential(request) == BAD_KEY and self.scenario.auth_failure == "http":
            body = {"error": {"code": 401, "message": REASON_BAD_KEY, "status": "UNAUTHENTICATED"}}
            response = conn.respond(HTTPStatus.UNAUTHORIZED, json.dumps(body))
            response.headers["Content-Type"] = "application/json"
            return response
        return None

    async def _handle(self, ws: ServerConnection) -> None:
        self.connections += 1
        conn = _Connection(self, ws, self.connections)
        self._live.add(conn)
        try:
            await conn.run()
        finally:
            self._live.discard(conn)
            await conn.cancel_tasks()

    # --- used by connections ---------------------------------------------------------

    def record(self, frame: dict[str, Any], connection: int, kind: str, size: int = 0) -> None:
        self.record_of_frames.add(frame, Arrival(time.monotonic(), connection, kind), size)

    def new_handle(self, state: _SessionState) -> str:
        handle = f"sim-{uuid.uuid4().hex}"
        self._sessions[handle] = state
        return handle

    def resume(self, handle: str) -> _SessionState | None:
        if self.scenario.resume == "reject":
            return None
        return self._sessions.get(handle)


def _credential(request: Request) -> str | None:
    key = request.headers.get("x-goog-api-key")
    if key:
        return key
    auth = request.headers.get("Authorization", "")
    for prefix in ("Bearer ", "Token "):
        if auth.startswith(prefix):
            return auth[len(prefix) :]
    keys = parse_qs(urlsplit(request.path).query).get("key")
    return keys[0] if keys else None


class _Closed(Exception):
    """The connection is gone (or was closed on purpose); stop what this task is doing."""


class _Connection:
    """One client connection: setup, then client frames in, model replies out."""

    def __init__(self, server: SimServer, ws: ServerConnection, number: int) -> None:
        self.server = server
        self.sc = server.scenario
        self.ws = ws
        self.number = number
        self.state = _SessionState()
        self.resumption = False
        self.manual_activity = False
        self.history_phase = history.Phase.NONE  # initial history announced at setup?
        self.detector = sa.UtteranceDetector(self.sc.speech_threshold_dbfs, self.sc.end_silence_s)
        self.reply: asyncio.Task[None] | None = None
        self.tasks: set[asyncio.Task[None]] = set()
        self.video_frames = 0
        self.frame_size = 0  # of the client frame being handled, for the record's byte counts
        self.pending_tools: dict[str, str] = {}  # id -> name
        self.replies_started = 0
        self.fired: set[Fault] = set()
        self.call_ids = itertools.count(1)
        self.handler = asyncio.current_task()  # the websockets handler task running us

    # --- plumbing --------------------------------------------------------------------

    async def send(self, msg: dict[str, Any] | str) -> None:
        try:
            await self.ws.send(msg if isinstance(msg, str) else wire.dumps(msg))
        except ConnectionClosed as exc:
            raise _Closed from exc

    async def close(self, code: int, reason: str) -> NoReturn:
        with contextlib.suppress(ConnectionClosed):
            await self.ws.close(code, reason)
        raise _Closed

    def spawn(self, factory: Callable[[], Awaitable[None]], name: str) -> None:
        task: asyncio.Task[None] = asyncio.create_task(self._guard(factory), name=name)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    @staticmethod
    async def _guard(factory: Callable[[], Awaitable[None]]) -> None:
        # The coroutine is created inside the task, so a task cancelled before its first
        # step leaves no never-awaited coroutine behind.
        with contextlib.suppress(_Closed, ConnectionClosed):
            await factory()

    async def cancel_tasks(self) -> None:
        tasks = [*self.tasks, *([self.reply] if self.reply else [])]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, _Closed, ConnectionClosed):
                await task

    # --- main loop -------------------------------------------------------------------

    async def run(self) -> None:
        try:
            await self._setup()
            async for raw in self.ws:
                await self._on_frame(raw)
        except (_Closed, ConnectionClosed):
            pass

    async def _setup(self) -> None:
        try:
            raw = await asyncio.wait_for(self.ws.recv(), timeout=30)
        except TimeoutError:
            await self.close(1008, "No setup message received.")
        try:
            frame = wire.decode_frame(raw)
        except wire.FrameError as exc:
            await self.close(1007, f"Invalid JSON payload received. {exc}")
        self.server.record(frame, self.number, "setup", len(raw))
        setup = wire.normalise(frame).get("setup")
        if not isinstance(setup, dict):
            await self.close(1007, "The first message must be a setup message.")
        await self._check_setup(setup)
        if self.sc.setup_delay_s > 0:
            await asyncio.sleep(self.sc.setup_delay_s)
        await self.send(wire.setup_complete(f"sim-session-{self.number}"))
        if self.resumption:
            await self.send(wire.resumption_update(self.server.new_handle(self.state), True))
        self._arm_timers()

    async def _check_setup(self, setup: dict[str, Any]) -> None:
        request = self.ws.request
        if request is not None and _credential(request) == BAD_KEY:
            await self.close(1007, REASON_BAD_KEY)  # the real service's way: close after setup
        model = str(setup.get("model", ""))
        short = model.rsplit("/", 1)[-1]
        if not model or (self.sc.models is not None and short not in self.sc.models):
            await self.close(
                1008,
                f"{model or 'models/'} is not found for API version v1beta, "
                "or is not supported for bidiGenerateContent.",
            )
        res = setup.get("session_resumption")
        self.resumption = isinstance(res, dict)
        handle = res.get("handle") if isinstance(res, dict) else None
        if handle:
            state = self.server.resume(str(handle))
            if state is None:
                await self.close(1007, REASON_BAD_HANDLE)
            self.state = state
            self.server.resumed_connections += 1
        self.history_phase = history.phase_after_setup(setup)
        ric = setup.get("realtime_input_config") or {}
        aad = ric.get("automatic_activity_detection") or {}
        self.manual_activity = bool(aad.get("disabled"))

    def _arm_timers(self) -> None:
        if self.sc.go_away_after_s is not None:
            self.spawn(self._go_away, f"sim-goaway-{self.number}")
        for fault in self.sc.faults:
            if fault.after_s is not None and not fault.mid_reply and fault.applies_to(self.number):
                self.spawn(
                    functools.partial(self._fault_later, fault),
                    f"sim-fault-{fault.kind}-{self.number}",
                )

    async def _go_away(self) -> None:
        assert self.sc.go_away_after_s is not None
        await asyncio.sleep(self.sc.go_away_after_s)
        await self.send(wire.go_away(self.sc.go_away_time_left_s))
        await asyncio.sleep(self.sc.go_away_time_left_s)
        await self.close(1011, REASON_DEADLINE)

    async def _go_away_now(self) -> None:
        left = self.sc.go_away_with_tool_call_s
        assert left is not None
        await self.send(wire.go_away(left))
        await asyncio.sleep(left)
        await self.close(1011, REASON_DEADLINE)

    async def _fault_later(self, fault: Fault) -> None:
        assert fault.after_s is not None
        await asyncio.sleep(fault.after_s)
        await self._fire(fault)

    async def _fire(self, fault: Fault) -> None:
        self.fired.add(fault)
        log.info("sim connection %d: fault %s", self.number, fault.kind)
        if fault.kind == "drop":
            # An abrupt TCP loss: no close frame, the client sees 1006.
            if self.ws.transport is not None:
                self.ws.transport.abort()
            raise _Closed
        if fault.kind == "close":
            await self.close(fault.code, fault.reason or _default_reason(fault.code))
        elif fault.kind == "unknown_keys":
            await self.send({"mysteryMessage": {"detail": "not part of the Live protocol"}})
        elif fault.kind == "invalid_json":
            await self.send('{"serverContent": {"modelTurn": ')
        elif fault.kind == "huge_frame":
            filler = "A" * self.sc.huge_frame_bytes
            part = {"inlineData": {"mimeType": "audio/pcm;rate=24000", "data": filler}}
            await self.send(wire.content(modelTurn={"parts": [part]}))
        elif fault.kind == "error_body":
            err = {"code": 500, "message": "Internal error encountered.", "status": "INTERNAL"}
            await self.send({"error": err})
        elif fault.kind == "out_of_order":
            await self.send(wire.content(interrupted=True))
            await self.send(wire.content(generationComplete=True))

    # --- client frames ---------------------------------------------------------------

    def _record(self, frame: dict[str, Any], kind: str) -> None:
        self.server.record(frame, self.number, kind, self.frame_size)

    async def _on_frame(self, raw: str | bytes) -> None:
        self.frame_size = len(raw)
        try:
            frame = wire.decode_frame(raw)
        except wire.FrameError as exc:
            self._record({"_invalid": repr(raw[:200])}, "invalid")
            await self.close(1007, f"Invalid JSON payload received. {exc}")
        msg = wire.normalise(frame)
        if "realtime_input" in msg:
            await self._on_realtime(frame, msg["realtime_input"])
        elif "client_content" in msg:
            self._record(frame, "client_content")
            await self._on_client_content(msg["client_content"])
        elif "tool_response" in msg:
            self._record(frame, "tool_response")
            await self._on_tool_response(msg["tool_response"])
        else:
            self._record(frame, "unknown")
            await self.close(1007, f"Unknown message type: {sorted(frame)}")

    async def _on_realtime(self, frame: dict[str, Any], rt: dict[str, Any]) -> None:
        kind = next(iter(rt), "empty")
        self._record(frame, kind)
        if refusal := history.realtime_refusal(self.sc.client_content, self.history_phase):
            await self.close(1007, refusal)
        try:
            if "audio" in rt:
                await self._on_audio(_blob(rt["audio"]))
            elif "media_chunks" in rt:
                for chunk in rt["media_chunks"]:
                    blob = _blob(chunk)
                    if blob[0].startswith("audio/"):
                        await self._on_audio(blob)
                    else:
                        self.video_frames += 1
            elif "video" in rt:
                _blob(rt["video"])
                self.video_frames += 1
            elif "text" in rt:
                await self._on_text(str(rt["text"]))
            elif "audio_stream_end" in rt:
                await self._end_utterance(self.detector.finish())
            elif "activity_start" in rt:
                await self._barge_in()
                self.detector.start()
            elif "activity_end" in rt:
                await self._end_utterance(self.detector.finish())
        except wire.FrameError as exc:
            await self.close(1007, f"Invalid realtime input: {exc}")

    async def _on_audio(self, blob: tuple[str, bytes]) -> None:
        mime, pcm = blob
        if self.pending_tools and self.sc.strict_tool_audio:
            await self.close(1008, REASON_TOOL_AUDIO)
        samples = sa.pcm_to_array(pcm)
        rate = _rate(mime)
        if rate != sa.IN_RATE:
            samples = sa.resample(samples, rate, sa.IN_RATE)
        if self.manual_activity:
            self.detector.feed_manual(samples)
            return
        started, utterance = self.detector.feed(samples)
        if started:
            await self._barge_in()
        if utterance is not None:
            await self._end_utterance(utterance)

    async def _barge_in(self) -> None:
        """The user started speaking: stop a running reply, cancel pending tool calls."""
        if self.reply is not None and not self.reply.done():
            self.reply.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.reply
            await self.send(wire.content(interrupted=True))
            await self.send(wire.content(turnComplete=True))
        if self.pending_tools:
            ids = list(self.pending_tools)
            self.pending_tools.clear()
            await self.send({"toolCallCancellation": {"ids": ids}})

    async def _end_utterance(self, utt: sa.Utterance | None) -> None:
        if utt is None:
            return
        frames = self.video_frames
        self.video_frames = 0
        plural = "frame" if frames == 1 else "frames"
        heard = f"I heard {utt.voiced_s:.1f} s of audio at {utt.level_dbfs:.0f} dBFS; "
        heard += f"{frames} video {plural} seen."
        said = f"({utt.voiced_s:.1f} s of speech)"
        self.state.history.append(("user", said))
        self.state.history.append(("model", heard))
        pcm = sa.resample(utt.samples, sa.IN_RATE, sa.OUT_RATE)
        prompt_tokens = round(utt.voiced_s * AUDIO_TOKENS_PER_S)
        self._start_reply(pcm, heard, said, prompt_tokens)

    async def _on_text(self, text: str) -> None:
        await self._barge_in()
        call = re.match(r"^\s*call tool (\w+)\s*(\{.*\})?\s*$", text, re.DOTALL)
        if call:
            await self._tool_call(call.group(1), call.group(2))
            return
        if text.strip().lower() == "cancel tools" and self.pending_tools:
            ids = list(self.pending_tools)
            self.pending_tools.clear()
            await self.send({"toolCallCancellation": {"ids": ids}})
            return
        reply = f"You typed: {text}"
        self.state.history.append(("user", text))
        self.state.history.append(("model", reply))
        self._start_reply(sa.chirp(0.6), reply, None, max(1, len(text) // 4))

    async def _on_client_content(self, cc: dict[str, Any]) -> None:
        self.history_phase, answer, refusal = history.on_client_content(
            self.sc.client_content, self.history_phase, bool(cc.get("turn_complete"))
        )
        if refusal:
            await self.close(1007, refusal)
        turns = cc.get("turns") or []
        for turn in turns:
            text = " ".join(str(p.get("text", "")) for p in turn.get("parts", []) if "text" in p)
            self.state.history.append((str(turn.get("role", "user")), text))
        if answer:
            await self._barge_in()
            reply = f"I have {len(self.state.history)} turns of history."
            self._start_reply(sa.chirp(0.4), reply, None, 10 * len(turns))

    async def _tool_call(self, name: str, args_json: str | None) -> None:
        try:
            args = json.loads(args_json) if args_json else {}
        except json.JSONDecodeError:
            args = {"raw": args_json}
        call_id = f"call-{self.number}-{next(self.call_ids)}"
        self.pending_tools[call_id] = name
        if self.resumption:
            await self.send(wire.resumption_update(None, False))
        call = {"id": call_id, "name": name, "args": args}
        await self.send({"toolCall": {"functionCalls": [call]}})
        if self.sc.go_away_with_tool_call_s is not None:
            # Right behind the call, in the same burst: the client must answer it and rotate.
            self.spawn(self._go_away_now, f"sim-goaway-tool-{call_id}")
        if self.sc.cancel_tool_calls_after_s is not None:
            self.spawn(functools.partial(self._cancel_later, call_id), f"sim-cancel-{call_id}")

    async def _cancel_later(self, call_id: str) -> None:
        assert self.sc.cancel_tool_calls_after_s is not None
        await asyncio.sleep(self.sc.cancel_tool_calls_after_s)
        if self.pending_tools.pop(call_id, None) is not None:
            await self.send({"toolCallCancellation": {"ids": [call_id]}})

    async def _on_tool_response(self, tr: dict[str, Any]) -> None:
        answered: list[str] = []
        for resp in tr.get("function_responses") or []:
            name = self.pending_tools.pop(str(resp.get("id")), None)
            if name is not None:
                answered.append(f"Tool {name} returned {json.dumps(resp.get('response'))}.")
        if answered and not self.pending_tools:
            text = " ".join(answered)
            self.state.history.append(("model", text))
            self._start_reply(sa.chirp(0.4, f0=660, f1=990), text, None, 20)

    # --- replies ---------------------------------------------------------------------

    def _start_reply(
        self, pcm24: sa.Int16Array, out_text: str, in_text: str | None, prompt_tokens: int
    ) -> None:
        self.replies_started += 1
        self.reply = asyncio.create_task(
            self._guard(functools.partial(self._speak, pcm24, out_text, in_text, prompt_tokens)),
            name=f"sim-reply-{self.number}-{self.replies_started}",
        )

    async def _speak(
        self, pcm24: sa.Int16Array, out_text: str, in_text: str | None, prompt_tokens: int
    ) -> None:
        sc = self.sc
        self.state.turns += 1
        if self.resumption:
            await self.send(wire.resumption_update(None, False))
        if in_text:
            # Input transcription arrives in pieces; the last one says it is finished.
            half = len(in_text) // 2
            await self.send(wire.content(inputTranscription={"text": in_text[:half]}))
            await self.send(
                wire.content(inputTranscription={"text": in_text[half:], "finished": True})
            )
        chunk_n = max(1, int(sc.chunk_s * sa.OUT_RATE))
        chunks = [pcm24[i : i + chunk_n] for i in range(0, max(1, pcm24.size), chunk_n)]
        words = _pieces(out_text, len(chunks))
        mid_faults = [f for f in sc.faults if f.mid_reply and f.applies_to(self.number)]
        mime = None
        if sc.bad_audio_mime is not None and self.server.replies < sc.bad_audio_replies:
            mime = sc.bad_audio_mime
        self.server.replies += 1
        loop = asyncio.get_running_loop()
        t0 = loop.time()
        for i, chunk in enumerate(chunks):
            delay = t0 + self._due(i) - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            part = wire.audio_part(chunk.tobytes(), mime=mime)
            fields: dict[str, Any] = {"modelTurn": {"parts": [part]}}
            if words[i]:
                fields["outputTranscription"] = {"text": words[i]}
            await self.send(wire.content(**fields))
            if i == len(chunks) // 2:
                for fault in mid_faults:
                    if fault not in self.fired:
                        await self._fire(fault)
        await self.send(wire.content(generationComplete=True))
        response_tokens = round(pcm24.size / sa.OUT_RATE * AUDIO_TOKENS_PER_S)
        done: dict[str, Any] = wire.content(turnComplete=True)
        heard_speech = in_text is not None  # the speech path passes what was heard
        modality = "AUDIO" if heard_speech else "TEXT"
        done["usageMetadata"] = wire.usage(prompt_tokens, response_tokens, modality)
        await self.send(done)
        if self.resumption and not self.pending_tools:
            await self.send(wire.resumption_update(self.server.new_handle(self.state), True))

    def _due(self, i: int) -> float:
        """Send time of chunk i relative to the start of the reply, per delivery mode."""
        sc = self.sc
        if sc.delivery == "bursty":
            return (i // 5) * 5 * sc.chunk_s  # five chunks at once, once a second on average
        if sc.delivery == "slow":
            return i * sc.chunk_s * 1.3  # slower than real time: the player must cope
        return max(0, i - sc.initial_burst_chunks) * sc.chunk_s


def _blob(obj: Any) -> tuple[str, bytes]:
    if not isinstance(obj, dict) or "data" not in obj:
        raise wire.FrameError("a media blob needs data and mime_type")
    return str(obj.get("mime_type", "")), wire.b64decode_any(str(obj["data"]))


def _rate(mime: str) -> int:
    match = re.search(r"rate=(\d+)", mime)
    return int(match.group(1)) if match else sa.IN_RATE


def _pieces(text: str, n: int) -> list[str]:
    """Spread a transcript over n audio chunks (output transcription arrives interleaved)."""
    words = text.split(" ")
    per = max(1, -(-len(words) // max(1, n)))
    out = [" ".join(words[i : i + per]) for i in range(0, len(words), per)]
    out = [p + " " if k < len(out) - 1 else p for k, p in enumerate(out)]
    return out + [""] * (n - len(out)) if len(out) < n else out[:n]


def _default_reason(code: int) -> str:
    return {
        1007: "Request contains an invalid argument.",
        1008: "Operation is not implemented, or supported, or enabled.",
        1011: "Internal error encountered.",
    }.get(code, "Closed by the simulator.")
