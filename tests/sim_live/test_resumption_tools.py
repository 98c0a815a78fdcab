"""Resumption handles accepted or rejected, scripted tool calls, and reply delivery pacing."""

from __future__ import annotations

import itertools

import pytest
from sim_live_helpers import EventLog, SimFactory, make_link, speak

from desktop.live import LinkError
from desktop.session.events import (
    CloseKind,
    HistoryTurn,
    LinkOpened,
    ModelAudio,
    OutputTranscript,
    ResumptionUpdate,
    ToolCallCancelled,
    ToolCallRequested,
    ToolResult,
    TurnComplete,
)
from desktop.sim import Scenario, SimServer
from desktop.sim.wire import normalise


async def _session_with_handle(sim: SimServer) -> str:
    link = make_link(sim)
    await link.open()
    log = EventLog(link)
    await link.send_text("first connection")
    await log.wait_type(TurnComplete)
    await log.wait_for(lambda e: isinstance(e, ResumptionUpdate) and e.resumable, count=2)
    await log.stop()
    handles: list[str] = [u.handle for u in log.of(ResumptionUpdate) if u.resumable and u.handle]
    return handles[-1]


async def test_resume_with_a_handle_continues_the_session(sim: SimServer) -> None:
    handle = await _session_with_handle(sim)
    link = make_link(sim, resume_handle=handle)
    assert link.resuming
    assert await link.open() == LinkOpened(resumed=True)
    log = EventLog(link)
    await link.send_history([HistoryTurn("user", "one more")], turn_complete=True)
    await log.wait_type(TurnComplete)
    await log.stop()
    # The server kept the first connection's two turns and added the seeded one.
    assert log.output_text() == "I have 3 turns of history."
    assert sim.resumed_connections == 1
    setups = sim.frames("setup")
    assert normalise(setups[1])["setup"]["session_resumption"] == {"handle": handle}
    turns = normalise(sim.frames("client_content")[0])["client_content"]
    assert turns["turns"] == [{"parts": [{"text": "one more"}], "role": "user"}]


async def test_rejected_handle_is_resume_rejected(make_sim: SimFactory) -> None:
    sim = await make_sim(Scenario(resume="reject"))
    handle = await _session_with_handle(sim)
    link = make_link(sim, resume_handle=handle)
    with pytest.raises(LinkError) as info:
        await link.open()
    # The server closes 1007 (otherwise fatal); with a handle in the setup: "resume refused".
    assert (info.value.kind, info.value.code) == (CloseKind.RESUME_REJECTED, 1007)
    fresh = make_link(sim)  # and a fresh session is still possible
    await fresh.open()
    await fresh.close()


async def test_unknown_handle_is_resume_rejected(sim: SimServer) -> None:
    link = make_link(sim, resume_handle="sim-expired-long-ago")
    with pytest.raises(LinkError) as info:
        await link.open()
    assert info.value.kind is CloseKind.RESUME_REJECTED
    assert "fresh one from the transcript" in info.value.message


async def _call_tool(log: EventLog, text: str) -> ToolCallRequested:
    await log.link.send_text(text)
    (req,) = await log.wait_type(ToolCallRequested)
    assert isinstance(req, ToolCallRequested)
    return req


async def test_tool_call_answered(sim: SimServer) -> None:
    link = make_link(sim)
    await link.open()
    log = EventLog(link)
    req = await _call_tool(log, 'call tool lookup_part {"part": "valve", "qty": 2}')
    (call,) = req.calls
    assert call.name == "lookup_part" and call.args == {"part": "valve", "qty": 2} and call.id
    # While the call runs the session is not resumable.
    before = log.events[: log.events.index(req)]
    assert isinstance(before[-1], ResumptionUpdate) and not before[-1].resumable
    await link.send_tool_results([ToolResult(call.id, call.name, {"output": "in stock"})])
    await log.wait_type(TurnComplete)
    await log.wait_for(lambda e: isinstance(e, ResumptionUpdate) and e.resumable, count=2)
    await log.stop()
    assert log.output_text() == 'Tool lookup_part returned {"output": "in stock"}.'
    sent = normalise(sim.frames("tool_response")[0])["tool_response"]
    assert sent == {
        "function_responses": [
            {"id": call.id, "name": "lookup_part", "response": {"output": "in stock"}}
        ]
    }


async def test_tool_call_cancelled_by_request_and_by_speech(sim: SimServer) -> None:
    link = make_link(sim)
    await link.open()
    log = EventLog(link)
    first = await _call_tool(log, "call tool slow_one")
    await link.send_text("cancel tools")
    (cancel,) = await log.wait_type(ToolCallCancelled)
    assert cancel.ids == (first.calls[0].id,)

    await link.send_text("call tool slow_two {}")
    second = (await log.wait_type(ToolCallRequested, count=2))[1]
    await speak(link, speech_s=0.5)  # the user talks: the server drops the pending call
    cancels = await log.wait_type(ToolCallCancelled, count=2)
    assert cancels[1].ids == (second.calls[0].id,)
    await log.wait_type(TurnComplete)
    await log.stop()


async def test_tool_call_cancelled_by_timeout(make_sim: SimFactory) -> None:
    sim = await make_sim(Scenario(cancel_tool_calls_after_s=0.2))
    link = make_link(sim)
    await link.open()
    log = EventLog(link)
    req = await _call_tool(log, "call tool stuck")
    (cancel,) = await log.wait_type(ToolCallCancelled)
    assert cancel.ids == (req.calls[0].id,)
    await log.stop()


async def test_audio_during_tool_call_can_close_1008(make_sim: SimFactory) -> None:
    sim = await make_sim(Scenario(strict_tool_audio=True))
    link = make_link(sim)
    await link.open()
    log = EventLog(link)
    await _call_tool(log, "call tool anything")
    await link.send_audio(b"\x00\x00" * 320)
    closed = await log.wait_closed()
    assert (closed.kind, closed.code) == (CloseKind.FATAL_POLICY, 1008)


async def _reply_arrivals(sim: SimServer, speech_s: float) -> list[float]:
    link = make_link(sim)
    await link.open()
    log = EventLog(link)
    await speak(link, speech_s=speech_s)
    await log.wait_type(TurnComplete)
    await log.stop()
    assert "I heard" in "".join(e.text for e in log.of(OutputTranscript))
    return log.times_of(ModelAudio)


async def test_realtime_delivery_is_paced(sim: SimServer) -> None:
    times = await _reply_arrivals(sim, 1.6)
    # A burst of three 200 ms chunks, then one per 200 ms: never faster than that.
    assert times[-1] - times[0] >= (len(times) - 3) * 0.2 * 0.9


async def test_slow_delivery_is_slower_than_real_time(make_sim: SimFactory) -> None:
    sim = await make_sim(Scenario(delivery="slow"))
    times = await _reply_arrivals(sim, 1.6)
    assert times[-1] - times[0] >= (len(times) - 1) * 0.2 * 1.2


async def test_bursty_delivery_comes_in_bursts(make_sim: SimFactory) -> None:
    sim = await make_sim(Scenario(delivery="bursty"))
    times = await _reply_arrivals(sim, 1.8)
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert len(times) >= 10
    assert max(gaps) >= 0.5  # a pause between bursts
    assert sum(g < 0.15 for g in gaps) >= len(gaps) // 2  # most chunks arrive back to back
