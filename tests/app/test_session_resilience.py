"""A long session compressed in time: the driver, the real SDK and the simulator over TLS,
reached as a corporate gateway would be (endpoint + CA file). Connections are rotated by goAway
and cut by abrupt drops; the conversation must come through whole."""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter

import pytest
from support.waiting import wait_until

from desktop.app import AppEvent, SessionDriver
from desktop.infra.settings import Settings
from desktop.session import events as ev
from desktop.session.states import LinkState
from desktop.sim import Fault, Scenario, SimServer
from desktop.sim.signals import chunks, silence, utterance

HANDOVERS = 5
DROPS = 5


def gateway_settings(sim: SimServer) -> Settings:
    return Settings(
        backend="gemini",
        endpoint=sim.url,
        ca_file=str(sim.ca_file),
        video_source="none",
        input_device="no-such-microphone",  # the test is the microphone
    )


async def microphone(driver: SessionDriver, stop: asyncio.Event) -> None:
    """20 ms blocks in real time: silence, with an utterance every few seconds."""
    pattern = list(chunks(utterance(0.8, 0.9))) + list(chunks(silence(2.0)))
    i = 0
    while not stop.is_set():
        driver.feed(ev.MicAudio(pattern[i % len(pattern)]))
        i += 1
        await asyncio.sleep(0.02)


@pytest.mark.slow
async def test_rotations_and_drops_keep_the_conversation_whole() -> None:
    # Odd connections are rotated by goAway after 2 s; even ones drop abruptly after 1 s.
    scenario = Scenario(
        go_away_after_s=2.0,
        go_away_time_left_s=1.0,
        faults=tuple(
            Fault("drop", after_s=1.0, connections=(n,)) for n in range(2, 2 * DROPS + 1, 2)
        ),
    )
    statuses: list[ev.LinkStatusChanged] = []

    def on_ui(event: AppEvent) -> None:
        if isinstance(event, ev.LinkStatusChanged):
            statuses.append(event)

    async with SimServer(scenario=scenario) as sim:
        driver = SessionDriver(gateway_settings(sim), "test-key", on_ui)
        await driver.start()
        stop = asyncio.Event()
        mic = asyncio.create_task(microphone(driver, stop))
        typed: list[str] = []
        try:
            while sim.connections < HANDOVERS + DROPS + 1:
                if len(typed) % 2 == 0:  # the others may land mid-reconnect: queued, sent once
                    await wait_until(lambda: driver.link_state is LinkState.OPEN)
                typed.append(f"note {len(typed)}")
                driver.send_text(typed[-1])
                await asyncio.sleep(0.7)
            await wait_until(lambda: driver.link_state is LinkState.OPEN)
            await asyncio.sleep(1.0)  # let the last replies arrive
        finally:
            stop.set()
            mic.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await mic
            transcript = [(t.role, t.text) for t in driver.core.transcript.turns]
            await driver.aclose()

    # Every rotation resumed the same conversation with a handle.
    assert sim.resumed_connections >= HANDOVERS + DROPS - 1
    handovers = [s for s in statuses if s.detail.startswith("Handing over")]
    drops = [s for s in statuses if s.detail.startswith("Reconnecting (")]
    assert len(handovers) >= HANDOVERS and len(drops) >= DROPS

    # Each typed turn reached the server exactly once, and is in the transcript exactly once.
    sent_texts = Counter(
        f["realtime_input"]["text"] if "realtime_input" in f else f["realtimeInput"]["text"]
        for f in sim.frames("realtime_input")
        if "text" in (f.get("realtime_input") or f.get("realtimeInput") or {})
    )
    assert sent_texts == Counter(typed)
    user_turns = Counter(text for role, text in transcript if role == "user" and text in typed)
    assert user_turns == Counter(typed)
    replies = [
        text for role, text in transcript if role == "model" and text.startswith("You typed")
    ]
    assert len(replies) >= len(typed) - DROPS  # a drop may cut the reply in flight, not the turn
    heard = [text for role, text in transcript if role == "model" and text.startswith("I heard")]
    assert heard  # spoken turns made it through as well

    # Audio never went into a closed socket except in the instant of an unannounced drop.
    assert driver.link.outbox.send_failures <= DROPS
    assert sim.frames("setup")  # sanity: the recorder saw the traffic


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        (
            Fault("close", after_s=0.3, code=1007, reason="Request contains an invalid argument."),
            "invalid",
        ),
        (Fault("close", after_s=0.3, code=1008, reason="Policy violation."), ""),
    ],
    ids=["1007", "1008"],
)
async def test_fatal_close_fails_once_with_a_message_and_no_retry(
    fault: Fault, message: str
) -> None:
    notices: list[ev.Notice] = []

    def on_ui(event: AppEvent) -> None:
        if isinstance(event, ev.Notice):
            notices.append(event)

    async with SimServer(scenario=Scenario(faults=(fault,))) as sim:
        driver = SessionDriver(gateway_settings(sim), "test-key", on_ui)
        await driver.start()
        driver.send_text("the gauge reads four bar")
        try:
            await wait_until(lambda: driver.link_state is LinkState.FAILED)
            await asyncio.sleep(2.0)  # long enough for a retry loop to show itself
            assert sim.connections == 1
            assert driver.link_state is LinkState.FAILED
        finally:
            await driver.aclose()
    errors = [n for n in notices if n.level is ev.NoticeLevel.ERROR]
    assert len(errors) == 1 and errors[0].text
    assert message in errors[0].text.lower()
    assert driver.core.transcript.turns[0].text == "the gauge reads four bar"  # kept


@pytest.mark.parametrize("kind", ["unknown_keys", "invalid_json", "huge_frame", "error_body"])
async def test_a_malformed_frame_is_a_logged_protocol_error_and_a_reconnect(
    kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    scenario = Scenario(faults=(Fault(kind, after_s=0.3, connections=(1,)),))  # type: ignore[arg-type]
    async with SimServer(scenario=scenario) as sim:
        driver = SessionDriver(gateway_settings(sim), "test-key", lambda event: None)
        await driver.start()
        try:
            await wait_until(lambda: sim.connections >= 2 and driver.link_state is LinkState.OPEN)
            driver.send_text("still with me?")
            await wait_until(
                lambda: any(
                    "You typed: still with me?" in t.text for t in driver.core.transcript.turns
                )
            )
        finally:
            await driver.aclose()
    assert "protocol" in caplog.text.lower()


async def test_a_rejected_api_key_fails_once_and_says_where_to_fix_it() -> None:
    notices: list[ev.Notice] = []

    def on_ui(event: AppEvent) -> None:
        if isinstance(event, ev.Notice):
            notices.append(event)

    async with SimServer() as sim:
        driver = SessionDriver(gateway_settings(sim), "bad-key", on_ui)
        await driver.start()
        try:
            await wait_until(lambda: driver.link_state is LinkState.FAILED)
            await asyncio.sleep(1.0)
            assert sim.connections <= 1  # refused at the handshake or at setup, never retried
        finally:
            await driver.aclose()
    (error,) = [n for n in notices if n.level is ev.NoticeLevel.ERROR]
    assert "key" in error.text.lower() and "settings" in error.text.lower()
