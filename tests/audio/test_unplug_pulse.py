"""Devices vanishing while the streams run: a headset sink unloaded, streams killed."""

from __future__ import annotations

import asyncio

import numpy as np
import pytest
from support.pulse import PulseServer, peak_frequency, tone
from test_engine_pulse import flowing, loud_span

from desktop.audio import AudioEngine

pytestmark = pytest.mark.audio


def loud_share(samples: np.ndarray) -> float:
    return float((np.abs(samples.astype(np.int32)) > 500).mean()) if len(samples) else 0.0


async def test_unplugged_headset_sink_playback_continues_on_the_new_default(
    pulse: PulseServer,
) -> None:
    headset = pulse.add_null_sink("headset")
    pulse.set_defaults("headset")
    notes: list[str] = []
    engine = AudioEngine(lambda _: None, asyncio.get_running_loop(), on_device_note=notes.append)
    try:
        engine.start()
        await flowing(engine)
        engine.play(tone(440.0, 8.0, 24000).tobytes(), engine.generation)
        await asyncio.sleep(0.3)
        on_headset = await asyncio.to_thread(pulse.record, 0.5, "headset.monitor")
        pulse.unload_module(headset)  # the USB headset is pulled out
        pulse.set_defaults()
        await asyncio.sleep(0.5)
        on_speaker = await asyncio.to_thread(pulse.record, 1.0, "spk.monitor")
        assert engine.running
    finally:
        engine.stop()
        if "headset" in pulse.sinks():
            pulse.unload_module(headset)
        pulse.set_defaults()
    assert loud_share(on_headset) > 0.8
    assert loud_share(on_speaker) > 0.8, "playback did not continue on the remaining speaker"
    assert abs(peak_frequency(loud_span(on_speaker, 0.5, 48000), 48000) - 440.0) <= 5.0


async def test_streams_failing_under_the_engine_are_reopened(pulse: PulseServer) -> None:
    notes: list[str] = []
    chunks: list[bytes] = []
    engine = AudioEngine(chunks.append, asyncio.get_running_loop(), on_device_note=notes.append)
    engine.start()
    try:
        await flowing(engine)
        # Long enough to still be playing after a slow recovery on a loaded machine.
        engine.play(tone(440.0, 20.0, 24000).tobytes(), engine.generation)
        await asyncio.sleep(0.3)
        # Kill what the server lists until both of ours are gone: under load a stream may be
        # registered late (ALSA connects lazily) or be between a watchdog close and reopen.
        killed = 0
        for _ in range(100):
            killed += pulse.kill_streams()
            if killed >= 2:
                break
            await asyncio.sleep(0.05)
        assert killed >= 2
        for _ in range(100):
            await asyncio.sleep(0.05)
            if notes:
                break
        assert engine.stats.restarts >= 1
        await flowing(engine)
        chunks.clear()
        on_speaker = await asyncio.to_thread(pulse.record, 1.0, "spk.monitor")
        await asyncio.sleep(0.2)
    finally:
        engine.stop()
    assert notes and "restarted" in notes[0]
    assert loud_share(on_speaker) > 0.8, "playback did not resume after the reopen"
    assert len(chunks) >= 20  # the microphone flows again (20 ms chunks)
