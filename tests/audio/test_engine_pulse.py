"""AudioEngine on real PortAudio streams through a private PulseAudio with null sinks."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import numpy as np
import pytest
from support.pulse import PulseServer, peak_frequency, tone, write_wav

from desktop.audio import AudioEngine, AudioSettings

pytestmark = pytest.mark.audio

PLAIN = AudioSettings(echo_cancellation=False, vad=False)


async def flowing(engine: AudioEngine, within_s: float = 10.0) -> None:
    """Wait until the output callbacks run in real time.

    A new stream through ALSA->PulseAudio primes a few blocks and then sits still for about a
    second before its callbacks keep pace; latency is measured from then on.
    """
    end = time.monotonic() + within_s
    while time.monotonic() < end:
        before = engine.stats.output_blocks
        await asyncio.sleep(0.2)
        if engine.stats.output_blocks - before >= 15:  # >= 150 ms of 10 ms blocks in 200 ms
            return
    raise AssertionError("output stream never ran in real time")


def loud_span(samples: np.ndarray, seconds: float, rate: int) -> np.ndarray:
    """``seconds`` of contiguous audio starting 50 ms after the signal first gets loud."""
    loud = np.flatnonzero(np.abs(samples.astype(np.int32)) > 500)
    assert len(loud), "no signal recorded"
    start = int(loud[0]) + rate // 20
    span = samples[start : start + int(seconds * rate)]
    assert len(span) == int(seconds * rate), "signal shorter than expected"
    return span


def first_loud(rec_arrivals: list[tuple[float, np.ndarray]], threshold: int = 500) -> float | None:
    for t, chunk in rec_arrivals:
        if len(chunk) and int(np.abs(chunk.astype(np.int32)).max()) > threshold:
            return t
    return None


def last_loud(rec_arrivals: list[tuple[float, np.ndarray]], threshold: int = 500) -> float | None:
    found = None
    for t, chunk in rec_arrivals:
        if len(chunk) and int(np.abs(chunk.astype(np.int32)).max()) > threshold:
            found = t
    return found


async def test_tone_played_arrives_at_the_speaker_monitor(pulse: PulseServer) -> None:
    loop = asyncio.get_running_loop()
    engine = AudioEngine(lambda _: None, loop, settings=PLAIN)
    engine.start()
    try:
        assert engine.output_rate == 48000
        await flowing(engine)
        with pulse.recorder("spk.monitor", rate=48000) as rec:
            await asyncio.sleep(0.3)
            sent = time.monotonic()
            engine.play(tone(440.0, 1.5, 24000).tobytes(), engine.generation)
            await asyncio.sleep(2.5)
        heard = rec.recording.samples()
        arrived = first_loud(rec.recording.arrivals())
    finally:
        engine.stop()
    assert arrived is not None, "nothing reached spk.monitor"
    assert arrived - sent < 1.0  # generous: 'high' latency is ~50 ms here
    span = loud_span(heard, 1.0, 48000)
    assert abs(peak_frequency(span, 48000) - 440.0) <= 5.0
    assert (np.abs(span.astype(np.int32)) > 500).mean() > 0.9  # continuous, not choppy


async def test_microphone_audio_reaches_on_mic_chunk(pulse: PulseServer, tmp_path: Path) -> None:
    loop = asyncio.get_running_loop()
    chunks: list[bytes] = []
    engine = AudioEngine(chunks.append, loop, settings=PLAIN)
    engine.start()
    try:
        wav = write_wav(tmp_path / "tone.wav", tone(1000.0, 1.0, 16000), 16000)
        await asyncio.to_thread(pulse.play, wav, "mic")
        await asyncio.sleep(0.5)
    finally:
        engine.stop()
    assert chunks
    assert all(len(c) == 640 for c in chunks)  # 20 ms of 16 kHz s16le each
    mic = np.frombuffer(b"".join(chunks), dtype=np.int16)
    span = loud_span(mic, 0.5, 16000)
    assert abs(peak_frequency(span, 16000) - 1000.0) <= 5.0


async def test_muted_microphone_sends_nothing(pulse: PulseServer, tmp_path: Path) -> None:
    loop = asyncio.get_running_loop()
    chunks: list[bytes] = []
    engine = AudioEngine(chunks.append, loop, settings=PLAIN)
    engine.muted = True
    engine.start()
    try:
        wav = write_wav(tmp_path / "tone.wav", tone(1000.0, 0.5, 16000), 16000)
        await asyncio.to_thread(pulse.play, wav, "mic")
        await asyncio.sleep(0.3)
        assert chunks == []
        engine.muted = False
        await asyncio.sleep(0.3)
    finally:
        engine.stop()
    assert chunks  # unmuting resumes the flow


async def test_clear_silences_playback_quickly(pulse: PulseServer) -> None:
    loop = asyncio.get_running_loop()
    idle: list[bool] = []
    engine = AudioEngine(
        lambda _: None, loop, settings=PLAIN, on_playback_idle=lambda: idle.append(True)
    )
    engine.start()
    try:
        await flowing(engine)
        with pulse.recorder("spk.monitor") as rec:
            engine.play(tone(300.0, 6.0, 24000).tobytes(), engine.generation)
            await asyncio.sleep(1.0)
            cleared_at = time.monotonic()
            gen = engine.clear()
            engine.play(tone(300.0, 1.0, 24000).tobytes(), gen - 1)  # stale: must not play
            await asyncio.sleep(1.5)
        arrivals = rec.recording.arrivals()
    finally:
        engine.stop()
    started = first_loud(arrivals)
    stopped = last_loud(arrivals)
    assert started is not None and stopped is not None
    assert started < cleared_at
    # Without the clear the tone would go on for 5 more seconds.
    assert stopped - cleared_at < 0.5
    assert idle  # the drained ring was reported as idle


async def test_engine_stop_is_idempotent_and_restartable(pulse: PulseServer) -> None:
    engine = AudioEngine(lambda _: None, asyncio.get_running_loop(), settings=PLAIN)
    engine.stop()
    engine.start()
    engine.start()
    engine.stop()
    engine.stop()
    engine.start()
    assert engine.running
    engine.stop()
    assert not engine.running


async def test_missing_devices_are_named_in_the_notes(pulse: PulseServer) -> None:
    """A saved device that is gone: the default one is used and the note names the saved one
    (tests/audio/test_devices_fallback_pulse.py plays through them)."""
    engine = AudioEngine(lambda _: None, asyncio.get_running_loop(), input_device="No Such Headset")
    engine.start()
    engine.stop()
    assert len(engine.notes) == 1 and "No Such Headset" in engine.notes[0]
    engine = AudioEngine(
        lambda _: None, asyncio.get_running_loop(), output_device="No Such Speaker"
    )
    engine.start()
    engine.stop()
    assert len(engine.notes) == 1 and "No Such Speaker" in engine.notes[0]


def test_devices_are_listed(pulse: PulseServer) -> None:
    inputs, outputs = AudioEngine.list_devices()
    assert "pulse" in inputs and "pulse" in outputs


async def test_output_rate_falls_back_when_refused(pulse: PulseServer) -> None:
    settings = AudioSettings(echo_cancellation=False, vad=False, output_rates=(10_000_000, 24000))
    engine = AudioEngine(lambda _: None, asyncio.get_running_loop(), settings=settings)
    engine.start()
    try:
        assert engine.output_rate == 24000 and engine.output_block == 240
        await flowing(engine)
    finally:
        engine.stop()


async def test_a_microphone_that_refuses_16_khz_is_opened_at_its_own_rate(
    pulse: PulseServer, tmp_path: Path
) -> None:
    """16 kHz refused (rate 1 is refused by every device): 48 kHz, brought to 16 kHz by soxr,
    still delivers exact 20 ms chunks with the right content; the echo canceller runs on it."""
    loop = asyncio.get_running_loop()
    chunks: list[bytes] = []
    settings = AudioSettings(input_rates=(1, 48000), echo_cancellation=True, vad=True)
    engine = AudioEngine(chunks.append, loop, settings=settings)
    engine.start()
    try:
        assert engine.input_rate == 48000
        wav = write_wav(tmp_path / "tone.wav", tone(1000.0, 1.0, 48000), 48000)
        await asyncio.to_thread(pulse.play, wav, "mic")
        await asyncio.sleep(0.5)
    finally:
        engine.stop()
    assert chunks and all(len(c) == 640 for c in chunks)
    mic = np.frombuffer(b"".join(chunks), dtype=np.int16)
    span = loud_span(mic, 0.5, 16000)
    assert abs(peak_frequency(span, 16000) - 1000.0) <= 5.0


def test_a_microphone_refusing_our_rates_runs_at_its_own_default_rate(
    pulse: PulseServer,
) -> None:
    loop = asyncio.new_event_loop()
    engine = AudioEngine(lambda chunk: None, loop, settings=AudioSettings(input_rates=(1,)))
    try:
        engine.start()
        assert engine.has_microphone and engine.input_rate == 44100  # the pulse device's own
        assert engine.notes == []
    finally:
        engine.stop()
        loop.close()
