"""Level meters and local ducking ("instant barge-in") on real streams."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import numpy as np
import pytest
from support.pulse import PulseServer, speech_wav, tone
from test_engine_pulse import flowing

from desktop.audio import AudioEngine, AudioSettings, Levels

pytestmark = pytest.mark.audio


async def test_levels_follow_microphone_and_speaker(pulse: PulseServer, tmp_path: Path) -> None:
    readings: list[Levels] = []
    engine = AudioEngine(lambda _: None, asyncio.get_running_loop(), on_levels=readings.append)
    engine.start()
    try:
        await flowing(engine)
        quiet = engine.levels
        engine.play(tone(440.0, 1.0, 24000, amplitude=0.5).tobytes(), engine.generation)
        wav = speech_wav(tmp_path / "u.wav", "testing one two three", 16000)
        # Speak after the tone: AEC3 holds down double talk over a far end with no echo path.
        await asyncio.sleep(1.3)
        await asyncio.to_thread(pulse.play, wav, "mic")
        await asyncio.sleep(0.2)
    finally:
        engine.stop()
    assert quiet.input_peak < 0.01 and quiet.output_peak < 0.01
    assert max(r.output_peak for r in readings) > 0.4  # the 0.5 tone
    assert 0.3 < max(r.output_rms for r in readings) < 0.4  # 0.5 / sqrt(2)
    assert max(r.input_peak for r in readings) > 0.05


async def test_instant_barge_in_stops_playback_when_the_user_speaks(
    pulse: PulseServer, tmp_path: Path
) -> None:
    speaking: list[tuple[float, bool]] = []
    engine = AudioEngine(
        lambda _: None,
        asyncio.get_running_loop(),
        # Headset mode (no echo path here): AEC3 on a loud far end with no echo in the mic
        # holds the user's first second of double talk down while it learns (measured).
        settings=AudioSettings(instant_barge_in=True, echo_cancellation=False),
        on_speaking=lambda s: speaking.append((time.monotonic(), s)),
    )
    wav = speech_wav(
        tmp_path / "u.wav", "Stop, stop, that is the wrong valve, wait a moment", 16000
    )
    engine.start()
    try:
        await flowing(engine)
        engine.play(tone(300.0, 12.0, 24000).tobytes(), engine.generation)
        with pulse.recorder("spk.monitor") as rec:
            await asyncio.sleep(0.5)
            await asyncio.to_thread(pulse.play, wav, "mic")
            await asyncio.sleep(1.5)
        arrivals = rec.recording.arrivals()
    finally:
        engine.stop()
    ons = [t for t, s in speaking if s]
    offs = [t for t, s in speaking if not s]
    assert ons and offs and offs[-1] > ons[0]

    def peak_between(a: float, b: float) -> int:
        parts = [c for t, c in arrivals if a <= t <= b and len(c)]
        return int(np.abs(np.concatenate(parts).astype(np.int32)).max()) if parts else -1

    before = peak_between(arrivals[0][0], ons[0] - 0.1)
    during = peak_between(ons[0] + 0.1, offs[-1] - 0.1)
    after = peak_between(offs[-1] + 0.3, arrivals[-1][0])
    assert before > 8000
    assert 0 <= during < 300  # stopped, not ducked (a -24 dB duck would leave ~600)
    assert 0 <= after < 300  # the rest of that reply is dropped, not resumed
    assert engine.stats.local_barge_ins == 1
