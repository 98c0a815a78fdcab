"""The driver with real audio streams on the private PulseAudio devices and the simulator:
a barge-in silences the speaker at once (no ghost audio), and headset mode reopens the audio
without echo cancellation while the session goes on."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import numpy as np
import pytest
from support.pulse import PulseServer, speech_wav
from support.waiting import wait_until

from desktop.app import AppEvent, SessionDriver
from desktop.infra.settings import Settings
from desktop.session.states import LinkState

pytestmark = [pytest.mark.audio, pytest.mark.slow]


def loud(samples: np.ndarray, threshold: float = 0.01) -> bool:
    return samples.size > 0 and float(np.max(np.abs(samples))) / 32768 > threshold


async def test_barge_in_silences_the_speaker_at_once(pulse: PulseServer, tmp_path: Path) -> None:
    question = speech_wav(
        tmp_path / "q.wav",
        "The compressor trips after ten minutes of running, "
        "and the fan keeps spinning when it stops. What should I look at?",
    )
    interruption = speech_wav(tmp_path / "i.wav", "Wait the breaker just tripped on the panel")
    wire: list[tuple[float, str]] = []
    events: list[AppEvent] = []
    settings = Settings(backend="simulator", video_source="none")
    driver = SessionDriver(settings, None, events.append)
    driver.on_wire = lambda direction, kind, size, summary: wire.append((time.monotonic(), kind))
    await driver.start()
    try:
        await wait_until(lambda: driver.link_state is LinkState.OPEN)
        await wait_until(lambda: driver.audio_port.engine is not None)  # opened alongside
        with pulse.recorder(rate=24000) as recorder:
            await asyncio.to_thread(pulse.play, question)
            await wait_until(lambda: driver.core.playing)  # the spoken-back reply is playing
            await asyncio.sleep(1.0)
            speaking = pulse.play_async(interruption)  # the user talks over the reply
            try:
                await wait_until(lambda: any(kind == "Interrupted" for _, kind in wire))
                await asyncio.sleep(1.5)  # still within the interruption: no new reply yet
                arrivals = recorder.recording.arrivals()
            finally:
                await asyncio.to_thread(speaking.wait, 20)
    finally:
        await driver.aclose()
    interrupted_at = next(t for t, kind in wire if kind == "Interrupted")
    before = [s for t, s in arrivals if interrupted_at - 1.0 < t < interrupted_at]
    # Pieces reach the recorder through PulseAudio's own buffering, slower on a loaded machine:
    # allow 400 ms for that. The figure itself is measured by bench/bench_audio.py.
    # Silence until the model's next reply (the simulator answers the interruption itself
    # once it ends, sooner if the speech has a long pause).
    next_reply = min(
        [t for t, kind in wire if kind == "ModelAudio" and t > interrupted_at],
        default=interrupted_at + 1.5,
    )
    after = [
        s for t, s in arrivals if interrupted_at + 0.4 < t < min(next_reply, interrupted_at + 1.5)
    ]
    assert any(loud(s) for s in before), "the reply was not playing before the barge-in"
    assert after and not any(loud(s) for s in after), "the speaker kept talking (ghost audio)"
    assert driver.core.transcript.turns[-1].interrupted or any(
        t.interrupted for t in driver.core.transcript.turns
    )


async def test_headset_mode_reopens_audio_without_echo_cancellation(pulse: PulseServer) -> None:
    settings = Settings(backend="simulator", video_source="none")
    driver = SessionDriver(settings, None, lambda event: None)
    await driver.start()
    try:
        await wait_until(lambda: driver.link_state is LinkState.OPEN)
        await wait_until(lambda: driver.audio_port.engine is not None)  # opened alongside
        first = driver.audio_port.engine
        assert first is not None and first.running
        driver.set_headset_mode(True)  # reopened on a worker thread, never on the loop
        await wait_until(lambda: driver.audio_port.engine not in (None, first))
        assert driver.audio_port.engine is not None and driver.audio_port.engine.running
        assert not first.running
        assert settings.echo_cancellation is False
        assert driver.link_state is LinkState.OPEN  # the session was not touched
    finally:
        await driver.aclose()
