"""Connection faults scripted in the simulator, as LiveLink classifies them (real SDK, real TLS)."""

from __future__ import annotations

import asyncio

import pytest
from sim_live_helpers import WAIT_S, EventLog, SimFactory, make_link, options, speak

from desktop.live import LinkError, LiveLink, build_client, build_config
from desktop.session.events import CloseKind, GoAway, ModelAudio, TurnComplete
from desktop.sim import Fault, Scenario, parse


async def test_go_away_then_close_1011_is_transient(make_sim: SimFactory) -> None:
    sim = await make_sim(Scenario(go_away_after_s=0.3, go_away_time_left_s=0.5))
    link = make_link(sim)
    await link.open()
    log = EventLog(link)
    (go_away,) = await log.wait_type(GoAway)
    assert go_away.time_left_s == 0.5
    closed = await log.wait_closed()
    assert (closed.kind, closed.code) == (CloseKind.TRANSIENT, 1011)
    assert log.kinds()[-2:] == ["GoAway", "LinkClosed"]


async def test_abrupt_drop_mid_reply_is_transient_1006(make_sim: SimFactory) -> None:
    sim = await make_sim(Scenario(faults=(Fault("drop", mid_reply=True),)))
    link = make_link(sim)
    await link.open()
    log = EventLog(link)
    await speak(link, speech_s=2.0)
    closed = await log.wait_closed()
    assert (closed.kind, closed.code) == (CloseKind.TRANSIENT, 1006)
    assert log.of(ModelAudio)  # it broke mid-reply, after some audio
    assert not log.of(TurnComplete)
    with pytest.raises(LinkError) as info:
        await link.send_text("into a dead socket")
    assert info.value.kind is CloseKind.TRANSIENT  # never silently sent into a closed socket


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        (1007, CloseKind.FATAL_ARGUMENT),
        (1008, CloseKind.FATAL_POLICY),
        (1011, CloseKind.TRANSIENT),
        (1001, CloseKind.TRANSIENT),
    ],
)
async def test_server_close_codes(make_sim: SimFactory, code: int, kind: CloseKind) -> None:
    sim = await make_sim(Scenario(faults=(Fault("close", after_s=0.2, code=code),)))
    link = make_link(sim)
    await link.open()
    log = EventLog(link)
    closed = await log.wait_closed()
    assert (closed.kind, closed.code) == (kind, code)
    assert closed.message  # always something to show


async def test_fatal_messages_say_what_to_change(make_sim: SimFactory) -> None:
    sim = await make_sim(Scenario(faults=(Fault("close", after_s=0.1, code=1007),)))
    link = make_link(sim)
    await link.open()
    closed = await EventLog(link).wait_closed()
    assert "check the model, voice, language and tools in Settings" in closed.message


async def test_unknown_model_is_fatal_model(make_sim: SimFactory) -> None:
    sim = await make_sim(Scenario(models=frozenset({"gemini-3.1-flash-live-preview"})))
    link = make_link(sim, model="gemini-0-no-such-model")
    with pytest.raises(LinkError) as info:
        await link.open()
    assert (info.value.kind, info.value.code) == (CloseKind.FATAL_MODEL, 1008)
    assert "gemini-0-no-such-model" in info.value.message
    ok = make_link(sim)  # the served model still works
    await ok.open()
    await ok.close()


async def test_drop_only_on_chosen_connection(make_sim: SimFactory) -> None:
    sim = await make_sim(Scenario(faults=(Fault("drop", after_s=0.1, connections=(1,)),)))
    first = make_link(sim)
    await first.open()
    assert (await EventLog(first).wait_closed()).kind is CloseKind.TRANSIENT
    second = make_link(sim)
    await second.open()
    log = EventLog(second)
    await second.send_text("still here")
    await log.wait_type(TurnComplete)
    await log.stop()
    assert log.closed is not None and log.closed.kind is CloseKind.REQUESTED


@pytest.mark.parametrize("kind", ["unknown_keys", "invalid_json", "error_body", "huge_frame"])
async def test_malformed_frames_are_protocol_errors(make_sim: SimFactory, kind: str) -> None:
    sim = await make_sim(Scenario(faults=(Fault(kind, after_s=0.2),)))  # type: ignore[arg-type]
    link = make_link(sim)
    await link.open()
    log = EventLog(link)
    closed = await log.wait_closed()
    assert closed.kind is CloseKind.PROTOCOL, closed
    assert "reconnecting" in closed.message
    # LiveLink closed its end: the simulator sees the connection go away.
    for _ in range(100):
        if not sim.open_connections:
            break
        await asyncio.sleep(0.05)
    assert sim.open_connections == 0
    assert not link.is_open


async def test_scenario_from_command_line_text() -> None:
    sc = parse("goaway=5:2,resume=reject,delivery=bursty,fault=drop@reply#1+3,fault=close:1008@2")
    assert (sc.go_away_after_s, sc.go_away_time_left_s) == (5.0, 2.0)
    assert sc.resume == "reject" and sc.delivery == "bursty"
    assert sc.faults == (
        Fault("drop", mid_reply=True, connections=(1, 3)),
        Fault("close", after_s=2.0, code=1008),
    )
    with pytest.raises(ValueError, match="unknown fault"):
        parse("fault=explode@1")


async def test_events_end_with_exactly_one_link_closed(make_sim: SimFactory) -> None:
    sim = await make_sim(Scenario(faults=(Fault("close", after_s=0.3, code=1011),)))
    link = make_link(sim)
    await link.open()
    log = EventLog(link)
    await link.send_text("hello")
    await asyncio.wait_for(log.task, WAIT_S)
    assert log.kinds().count("LinkClosed") == 1
    assert log.kinds()[-1] == "LinkClosed"


async def test_silent_server_at_setup_times_out_as_transient(make_sim: SimFactory) -> None:
    sim = await make_sim(Scenario(setup_delay_s=30))
    opts = options(sim)
    link = LiveLink(build_client(opts), opts.model_name, build_config(opts), setup_timeout_s=0.3)
    with pytest.raises(LinkError) as info:
        await link.open()
    assert info.value.kind is CloseKind.TRANSIENT
    assert not link.is_open
