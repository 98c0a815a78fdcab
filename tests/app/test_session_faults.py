"""Faults through the whole driver, the real SDK and the simulator over TLS loopback:
a goAway right behind a tool call, a server message the app cannot handle, model audio in a
format it cannot play. Each time nothing the technician did is lost and the session goes on."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from support.pulse import PulseServer
from support.waiting import wait_until
from test_session_resilience import gateway_settings
from test_tools_in_session import tool_responses

from desktop.app import AppEvent, SessionDriver
from desktop.app.audio_port import AudioPort
from desktop.infra.settings import Settings
from desktop.live.translate import Translator
from desktop.session import events as ev
from desktop.session.states import LinkState
from desktop.sim import Fault, Scenario, SimServer


def model_lines(driver: SessionDriver) -> list[str]:
    return [t.text for t in driver.core.transcript.turns if t.role == "model"]


def replied(driver: SessionDriver, text: str) -> Callable[[], bool]:
    return lambda: any(f"You typed: {text}" in line for line in model_lines(driver))


def sent_texts(sim: SimServer) -> Counter[str]:
    out: Counter[str] = Counter()
    for frame in sim.frames("realtime_input"):
        body = frame.get("realtime_input") or frame.get("realtimeInput") or {}
        if "text" in body:
            out[body["text"]] += 1
    return out


async def started(sim: SimServer, on_ui: Callable[[AppEvent], None]) -> SessionDriver:
    driver = SessionDriver(gateway_settings(sim), "test-key", on_ui)
    await driver.start()
    await wait_until(lambda: driver.link_state is LinkState.OPEN)
    return driver


# -- goAway behind a toolCall -------------------------------------------------------------


@pytest.mark.parametrize("typed_meanwhile", [False, True], ids=["answer", "answer+text"])
async def test_a_go_away_right_behind_a_tool_call_loses_neither_the_answer_nor_the_text(
    typed_meanwhile: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    statuses: list[str] = []

    def on_ui(event: AppEvent) -> None:
        if isinstance(event, ev.LinkStatusChanged):
            statuses.append(event.detail)

    # The server announces its goAway in the same burst as the call: the client hands over
    # after answering it, in the step where the tool's result is fed.
    async with SimServer(scenario=Scenario(go_away_with_tool_call_s=8.0)) as sim:
        driver = await started(sim, on_ui)
        assert driver.toolbox is not None
        toolbox_call = driver.toolbox.call

        async def call_then_type(call: ev.ToolCallItem) -> ev.ToolResult:
            result = await toolbox_call(call)
            if typed_meanwhile:  # typed in the very step the result is fed to the core
                driver.send_text("the breaker is off now")
            return result

        monkeypatch.setattr(driver.toolbox, "call", call_then_type)
        try:
            driver.send_text("call tool get_current_time {}")
            await wait_until(lambda: sim.connections >= 2 and driver.link_state is LinkState.OPEN)
            driver.send_text("after the handover")
            await wait_until(replied(driver, "after the handover"))
        finally:
            await driver.aclose()

    (answer,) = tool_responses(sim)  # reached a server exactly once
    assert answer["id"] == "call-1-1" and "local_time" in str(answer["response"])
    answered_on = [a.connection for a in sim.arrivals if a.kind == "tool_response"]
    assert answered_on == [1]  # on the link that asked, before it was closed
    expected = ["call tool get_current_time {}", "after the handover"]
    if typed_meanwhile:
        expected.append("the breaker is off now")
        assert any("You typed: the breaker is off now" in line for line in model_lines(driver))
    else:
        assert any("get_current_time returned" in line for line in model_lines(driver))
    assert sent_texts(sim) == Counter(expected)  # each typed line exactly once
    assert any(s.startswith("Handing over") for s in statuses)  # a rotation, not a drop
    assert sim.resumed_connections >= 1
    # Resumed with a handle issued after the reply, not the one from before the call.
    first_handle = sim.issued_handles()[0]
    resumed_with = sim.frames("setup")[1]["setup"]["sessionResumption"]["handle"]
    assert resumed_with in sim.issued_handles() and resumed_with != first_handle


# -- a server message the app cannot handle -----------------------------------------------


def fail_once(what: str) -> Callable[..., Any]:
    """Wrap a method so that its first call raises (a bug met while handling one message)."""
    calls = {"n": 0}

    def install(original: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            calls["n"] += 1
            if calls["n"] == 1:
                raise RuntimeError(f"injected failure in {what}")
            return original(*args, **kwargs)

        return wrapper

    return install


@pytest.mark.parametrize("where", ["core", "translate", "command"])
async def test_a_message_that_cannot_be_handled_is_a_protocol_error_and_a_reconnect(
    where: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """core: the simulator sends `generationComplete` after `interrupted` mid-reply, which the
    turn table refuses (IllegalTransition). translate / command: a failure injected in the
    live adapter's translation, or in carrying out the core's command (playing audio), once."""
    faults: tuple[Fault, ...] = ()
    if where == "core":
        faults = (Fault("out_of_order", mid_reply=True, connections=(1,)),)
    elif where == "translate":
        wrap = fail_once("translate")
        monkeypatch.setattr(Translator, "translate", wrap(Translator.translate))
    if where == "command":  # before the driver registers its handlers
        monkeypatch.setattr(AudioPort, "play", fail_once("play")(AudioPort.play))
    async with SimServer(scenario=Scenario(faults=faults)) as sim:
        driver = await started(sim, lambda event: None)
        try:
            driver.send_text("is the pump running?")
            await wait_until(lambda: sim.connections >= 2 and driver.link_state is LinkState.OPEN)
            driver.send_text("still with me?")
            await wait_until(replied(driver, "still with me?"))
        finally:
            await driver.aclose()
    failures = [r for r in caplog.records if r.levelno >= logging.ERROR and r.exc_info]
    assert failures, "the failure was not logged with its traceback"
    assert sent_texts(sim)["still with me?"] == 1


# -- model audio in a format the app cannot play --------------------------------------------

BAD_MIMES = [
    "audio/pcm;rate=0",
    "audio/pcm;rate=-24000",
    "audio/pcm;rate=fast",
    "audio/pcm;rate=99999999999",
    "audio/opus",
]


def loud(samples: np.ndarray, threshold: float = 0.01) -> bool:
    return samples.size > 0 and float(np.max(np.abs(samples))) / 32768 > threshold


@pytest.mark.audio
@pytest.mark.parametrize("mime", BAD_MIMES)
async def test_model_audio_in_an_impossible_format_is_dropped_once_and_the_next_reply_plays(
    mime: str, pulse: PulseServer, caplog: pytest.LogCaptureFixture
) -> None:
    # The first reply's audio (three chunks) comes under the bad mimeType, the next is normal.
    scenario = Scenario(bad_audio_mime=mime, bad_audio_replies=1)
    async with SimServer(scenario=scenario) as sim:
        settings = Settings(
            backend="gemini", endpoint=sim.url, ca_file=str(sim.ca_file), video_source="none"
        )
        driver = SessionDriver(settings, "test-key", lambda event: None)
        await driver.start()
        try:
            await wait_until(lambda: driver.link_state is LinkState.OPEN)
            # The speaker is PulseAudio's null sink, opened alongside the connect.
            await wait_until(lambda: driver.audio_port.engine is not None)
            with pulse.recorder(rate=24000) as recorder:
                driver.send_text("first reply")
                await wait_until(replied(driver, "first reply"))
                await wait_until(lambda: driver.core.turn.value == "listening")
                await asyncio.sleep(1.0)  # the bad reply's length and more: nothing played
                first = recorder.recording.samples()
                driver.send_text("second reply")
                await wait_until(replied(driver, "second reply"))
                await wait_until(lambda: not driver.core.playing, limit_s=10)
                await asyncio.sleep(0.5)
                both = recorder.recording.samples()
            connections = sim.connections
        finally:
            await driver.aclose()
    assert not loud(first), "audio in an unplayable format reached the speaker"
    assert loud(both[first.size :]), "the next reply did not play"
    assert connections == 1  # the session went on, on the same connection
    warnings = [r for r in caplog.records if "Model audio dropped" in r.getMessage()]
    assert len(warnings) == 1 and warnings[0].levelno == logging.WARNING
