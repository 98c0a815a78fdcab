"""Fuzzing the way in: real server frames the simulator sent, mutated (keys dropped, renamed,
values of the wrong type, impossible mimeTypes) and random JSON, through the path a link
takes (the SDK's own receive and parse, then our translation, then the session core).

Allowed outcomes, each a documented error type: the SDK refuses the frame with an exception
that `classify` turns into a PROTOCOL close (the link reconnects), or the core refuses an
event with IllegalTransition (the driver makes that a protocol error too). Anything else
escaping is a bug: it would have killed the receive task."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Iterator
from typing import Any

import pydantic
import pytest
from google.genai import errors as genai_errors
from google.genai import live as genai_live
from google.genai import types
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sim_live_helpers import EventLog, make_link

from desktop.live.config import build_client
from desktop.live.errors import LinkContext, LinkError, classify
from desktop.live.options import LiveOptions
from desktop.live.translate import MAX_AUDIO_RATE, MIN_AUDIO_RATE, Translator
from desktop.session import events as ev
from desktop.session.core import SessionCore
from desktop.session.states import IllegalTransition
from desktop.sim import Scenario, SimServer, wire

SDK_REFUSALS = (
    TypeError,
    ValueError,
    KeyError,
    AttributeError,  # JSON that is not an object: the SDK calls .get on it
    pydantic.ValidationError,
    genai_errors.APIError,
)
BAD_MIMES = ["audio/pcm;rate=0", "audio/pcm;rate=-1", "audio/pcm;rate=x", "audio/opus", ""]
FUZZ = settings(
    max_examples=300,
    derandomize=True,  # the same examples on every run: CI is repeatable
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


async def _capture_frames() -> list[dict[str, Any]]:
    """Run a short session against the simulator and keep every frame it sent."""
    sent: list[dict[str, Any]] = []
    real_dumps = wire.dumps

    def spy(msg: dict[str, Any]) -> str:
        sent.append(json.loads(json.dumps(msg)))
        return real_dumps(msg)

    wire.dumps = spy  # a tap on the real server's output
    try:
        scenario = Scenario(go_away_after_s=0.3, go_away_time_left_s=30.0, chunk_s=0.05)
        async with SimServer(scenario=scenario) as sim:
            link = make_link(sim)
            await link.open()
            log = EventLog(link)
            await link.send_text("hello there")
            await log.wait_type(ev.ModelAudio)
            await link.send_text("call tool get_current_time {}")  # interrupts the reply
            await log.wait_type(ev.ToolCallRequested)
            await link.send_text("cancel tools")
            await log.wait_type(ev.ToolCallCancelled)
            await link.send_text("bye")
            await log.wait_type(ev.UsageReport)  # with the last reply's turnComplete
            await log.wait_type(ev.GoAway)
            await log.stop()
    finally:
        wire.dumps = real_dumps
    return sent


class _Frames(list[dict[str, Any]]):
    """The captured frames, with a short repr for hypothesis's failure reports."""

    def __repr__(self) -> str:
        return f"<{len(self)} frames the simulator sent>"


@pytest.fixture(scope="module")
def real_frames() -> list[dict[str, Any]]:
    frames = _Frames(asyncio.run(_capture_frames()))
    keys = {k for f in frames for k in f} | {k for f in frames for k in f.get("serverContent", {})}
    for needed in ("setupComplete", "serverContent", "toolCall", "toolCallCancellation"):
        assert needed in keys
    for needed in ("goAway", "sessionResumptionUpdate", "usageMetadata", "interrupted"):
        assert needed in keys
    return frames


@pytest.fixture(scope="module")
def loop() -> Iterator[asyncio.AbstractEventLoop]:
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


class _OneFrame:
    """What AsyncSession._receive reads from: a websocket holding one frame."""

    def __init__(self, raw: bytes) -> None:
        self.raw = raw

    async def recv(self, decode: bool = True) -> bytes:
        return self.raw


@pytest.fixture(scope="module")
def api_client() -> Any:
    options = LiveOptions(backend="simulator", endpoint="https://127.0.0.1:1")
    return build_client(options)._api_client


def through_the_link_path(raw: bytes, loop: asyncio.AbstractEventLoop, api_client: Any) -> None:
    """SDK receive + parse, our translation, the core: raise only what is not allowed."""
    session = genai_live.AsyncSession(api_client=api_client, websocket=_OneFrame(raw))  # type: ignore[arg-type]
    try:
        msg: types.LiveServerMessage = loop.run_until_complete(session._receive())
    except SDK_REFUSALS as exc:
        assert isinstance(classify(exc, LinkContext()), LinkError)  # what LiveLink does
        return
    events = Translator().translate(msg)
    for event in events:
        if isinstance(event, ev.ModelAudio):
            assert MIN_AUDIO_RATE <= event.rate <= MAX_AUDIO_RATE
            assert isinstance(event.pcm, bytes)
    core = _open_core()
    for event in events:
        with contextlib.suppress(IllegalTransition):
            core.feed(event)
        core.drain()
        core.drain_ui()


def _open_core() -> SessionCore:
    core = SessionCore()
    core.feed(ev.StartRequested())
    core.feed(ev.LinkOpened())
    return core


# -- strategies -----------------------------------------------------------------------------

json_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from([*BAD_MIMES, "50s", "-3s", "1e400s", "NEED_MORE_INPUT", "AAEC", "!!"]),
)
json_value = st.recursive(
    json_leaf,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)


def _paths(obj: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(obj, dict):
        for key, value in obj.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            yield from _paths(value, (*prefix, i))


def _replace(obj: Any, path: tuple[Any, ...], action: str, new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(obj, dict):
        out = dict(obj)
        if not rest and action == "delete":
            out.pop(head, None)
        elif not rest and action == "rename":
            out[str(new)[:20] if isinstance(new, str) else wire.snake(str(head))] = out.pop(head)
        else:
            out[head] = _replace(obj[head], rest, action, new)
        return out
    out_list = list(obj)
    if not rest and action == "delete":
        del out_list[head]
    else:
        out_list[head] = _replace(obj[head], rest, action, new)
    return out_list


mime_value = st.one_of(
    st.sampled_from([*BAD_MIMES, "audio/pcm;rate=16000", "audio/pcm;rate=1e9", "AUDIO/PCM"]),
    st.text(max_size=24).map(lambda t: "audio/pcm;rate=" + t),
    st.text(max_size=24).map(lambda t: "audio/" + t),
)


def _set_mimes(obj: Any, mime: str) -> Any:
    """Every mimeType in the frame replaced (audio parts are most of what the server sends)."""
    if isinstance(obj, dict):
        return {k: mime if k == "mimeType" else _set_mimes(v, mime) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_set_mimes(v, mime) for v in obj]
    return obj


# One mutation: (action, which path, new value). Drawn without looking at the frames, so the
# data drawn never depends on what the simulator sent (hypothesis replays it exactly).
mutation = st.tuples(
    st.sampled_from(["set", "delete", "rename", "mime", "mime"]),
    st.integers(min_value=0, max_value=10_000),
    json_value,
    mime_value,
)


def mutate(frame: Any, mutations: list[tuple[str, int, Any, str]]) -> bytes:
    for action, where, value, mime in mutations:
        if action == "mime":
            frame = _set_mimes(frame, mime)
            continue
        paths = list(_paths(frame))
        path = paths[where % len(paths)]
        frame = _replace(frame, path, action if path else "set", value)
    return json.dumps(frame).encode()


# -- the tests -----------------------------------------------------------------------------


def test_real_frames_translate_cleanly(
    real_frames: list[dict[str, Any]], loop: asyncio.AbstractEventLoop, api_client: Any
) -> None:
    for frame in real_frames:
        through_the_link_path(json.dumps(frame).encode(), loop, api_client)


@FUZZ
@given(which=st.integers(min_value=0), mutations=st.lists(mutation, min_size=1, max_size=3))
def test_mutated_real_frames_raise_nothing_unexpected(
    which: int,
    mutations: list[tuple[str, int, Any, str]],
    real_frames: list[dict[str, Any]],
    loop: asyncio.AbstractEventLoop,
    api_client: Any,
) -> None:
    raw = mutate(real_frames[which % len(real_frames)], mutations)
    through_the_link_path(raw, loop, api_client)


@FUZZ
@given(raw=st.one_of(json_value.map(lambda v: json.dumps(v).encode()), st.binary(max_size=64)))
def test_random_json_and_bytes_raise_nothing_unexpected(
    raw: bytes, loop: asyncio.AbstractEventLoop, api_client: Any
) -> None:
    through_the_link_path(raw, loop, api_client)


@FUZZ
@given(which=st.integers(min_value=0), mime=mime_value)
def test_real_audio_frames_under_any_mime_type_raise_nothing_unexpected(
    which: int,
    mime: str,
    real_frames: list[dict[str, Any]],
    loop: asyncio.AbstractEventLoop,
    api_client: Any,
) -> None:
    audio = [f for f in real_frames if "mimeType" in json.dumps(f)]
    frame = audio[which % len(audio)]
    through_the_link_path(json.dumps(_set_mimes(frame, mime)).encode(), loop, api_client)
