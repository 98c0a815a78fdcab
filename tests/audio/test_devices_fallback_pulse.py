"""Opening audio on what the computer has: a saved device that is gone, a missing microphone or
speaker, a device that refuses our rates; and the gain and volume applied to running streams.

Real PortAudio streams on the private PulseAudio server. A side is made missing the way the
sound server does it: ``PULSE_SOURCE``/``PULSE_SINK`` naming a source or sink that does not
exist makes PulseAudio refuse the stream when it is opened (the other side still opens).
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import numpy as np
import pytest
from support.pulse import PulseServer, peak_frequency, tone, write_wav

from desktop.audio import AudioDeviceError, AudioEngine, AudioSettings

pytestmark = pytest.mark.audio

PLAIN = AudioSettings(echo_cancellation=False, vad=False)


async def flowing(engine: AudioEngine, within_s: float = 10.0) -> None:
    """Wait until the output callbacks keep pace (a new PulseAudio stream sits still ~1 s)."""
    end = time.monotonic() + within_s
    while time.monotonic() < end:
        before = engine.stats.output_blocks
        await asyncio.sleep(0.2)
        if engine.stats.output_blocks - before >= 15:
            return
    raise AssertionError("output stream never ran in real time")


def rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(samples.astype(np.float64) ** 2))) if len(samples) else 0.0


def loud(samples: np.ndarray, threshold: int = 500) -> np.ndarray:
    """The samples from the first loud one to the last loud one."""
    where = np.flatnonzero(np.abs(samples.astype(np.int32)) > threshold)
    return samples[where[0] : where[-1] + 1] if len(where) else samples[:0]


async def played_tone(
    pulse: PulseServer, engine: AudioEngine, freq: float, source: str, rate: int
) -> np.ndarray:
    """Play 0.6 s of ``freq`` through the engine and record it at ``source``."""
    await flowing(engine)
    with pulse.recorder(source, rate=rate) as rec:
        engine.play(tone(freq, 0.6, 24000).tobytes(), engine.generation)
        await asyncio.sleep(1.1)
    return loud(rec.recording.samples())


async def spoken_chunks(pulse: PulseServer, chunks: list[bytes], tmp_path: Path) -> np.ndarray:
    wav = write_wav(tmp_path / "tone.wav", tone(1000.0, 0.8, 16000), 16000)
    await asyncio.to_thread(pulse.play, wav, "mic")
    await asyncio.sleep(0.4)
    return np.frombuffer(b"".join(chunks), dtype=np.int16)


async def test_saved_devices_that_are_gone_fall_back_to_the_defaults_with_a_notice(
    pulse: PulseServer, tmp_path: Path
) -> None:
    notes: list[str] = []
    chunks: list[bytes] = []
    engine = AudioEngine(
        chunks.append,
        asyncio.get_running_loop(),
        input_device="USB Headset Mic",
        output_device="USB Headset",
        settings=PLAIN,
        on_device_note=notes.append,
    )
    engine.start()
    try:
        assert engine.has_microphone and engine.has_speaker
        heard = await played_tone(pulse, engine, 440.0, "spk.monitor", 48000)
        mic = await spoken_chunks(pulse, chunks, tmp_path)
    finally:
        engine.stop()
    assert len(notes) == 2, notes
    assert "USB Headset Mic" in notes[0] + notes[1] and "default microphone" in " ".join(notes)
    assert "'USB Headset'" in " ".join(notes) and "default speaker" in " ".join(notes)
    assert len(heard) > 0.5 * 48000 and abs(peak_frequency(heard, 48000) - 440.0) <= 5.0
    assert abs(peak_frequency(loud(mic), 16000) - 1000.0) <= 5.0


async def test_a_missing_microphone_leaves_the_speaker_working(
    pulse: PulseServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PULSE_SOURCE", "no-such-source")
    notes: list[str] = []
    engine = AudioEngine(
        lambda _: None, asyncio.get_running_loop(), settings=PLAIN, on_device_note=notes.append
    )
    engine.start()
    started = time.monotonic()
    try:
        assert engine.has_speaker and not engine.has_microphone
        heard = await played_tone(pulse, engine, 523.0, "spk.monitor", 48000)
        # No reopen loop over the missing side: the watchdog has had time to look.
        await asyncio.sleep(
            max(0.0, started + engine._settings.watchdog_s + 0.5 - time.monotonic())
        )
        assert engine.stats.restarts == 0
    finally:
        engine.stop()
    assert len(heard) > 0.5 * 48000 and abs(peak_frequency(heard, 48000) - 523.0) <= 5.0
    assert len(notes) == 1 and "microphone" in notes[0] and "still plays" in notes[0]


async def test_a_missing_speaker_leaves_the_microphone_working(
    pulse: PulseServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PULSE_SINK", "no-such-sink")
    notes: list[str] = []
    chunks: list[bytes] = []
    settings = AudioSettings(echo_cancellation=True, vad=True)  # AEC with nothing to pair
    engine = AudioEngine(
        chunks.append, asyncio.get_running_loop(), settings=settings, on_device_note=notes.append
    )
    engine.start()
    try:
        assert engine.has_microphone and not engine.has_speaker
        engine.play(tone(440.0, 0.5, 24000).tobytes(), engine.generation)  # dropped, no error
        assert engine.buffered_seconds == 0.0
        mic = await spoken_chunks(pulse, chunks, tmp_path)
    finally:
        engine.stop()
    assert len(notes) == 1 and "speaker" in notes[0] and "microphone still works" in notes[0]
    assert abs(peak_frequency(loud(mic), 16000) - 1000.0) <= 5.0
    assert rms(loud(mic)) > 3000  # passed as it is: no echo gate holding it back


async def test_neither_side_usable_is_one_clear_error(
    pulse: PulseServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PULSE_SOURCE", "no-such-source")
    monkeypatch.setenv("PULSE_SINK", "no-such-sink")
    engine = AudioEngine(lambda _: None, asyncio.get_running_loop(), settings=PLAIN)
    try:
        with pytest.raises(AudioDeviceError) as err:
            engine.start()
    finally:
        engine.stop()
    assert "microphone" in str(err.value) and "speaker" in str(err.value)
    assert "still" not in str(err.value)  # neither side works: no "still plays/works" claims


async def test_a_44k1_output_refusing_our_rates_runs_at_its_own_default_rate(
    pulse: PulseServer,
) -> None:
    """Our rates refused (an impossible one stands in for a picky sound card): the device's
    own default rate (44.1 kHz here) is used; the reply plays at the right pitch on a
    44.1 kHz sink, and the echo canceller's reference (resampled from 44.1 kHz) runs."""
    module = pulse.add_null_sink("spk44", rate=44100)
    pulse.set_defaults("spk44")
    settings = AudioSettings(output_rates=(10_000_000,), echo_cancellation=True)
    engine = AudioEngine(lambda _: None, asyncio.get_running_loop(), settings=settings)
    try:
        engine.start()
        assert engine.output_rate == 44100 and engine.output_block == 441
        heard = await played_tone(pulse, engine, 440.0, "spk44.monitor", 44100)
        processor = engine._processor
        assert processor is not None and processor.aligner is not None
        assert processor.aligner.anchored  # the 44.1 kHz reference reached the canceller
    finally:
        engine.stop()
        pulse.set_defaults()
        pulse.unload_module(module)
    assert len(heard) > 0.54 * 44100, len(heard)  # the whole 0.6 s, not sped up or cut
    assert len(heard) < 0.66 * 44100, len(heard)
    assert abs(peak_frequency(heard, 44100) - 440.0) <= 5.0


async def test_volume_and_gain_change_running_streams(pulse: PulseServer, tmp_path: Path) -> None:
    chunks: list[bytes] = []
    engine = AudioEngine(chunks.append, asyncio.get_running_loop(), settings=PLAIN)
    engine.start()
    try:
        await flowing(engine)
        with pulse.recorder("spk.monitor", rate=48000) as rec:
            engine.play(tone(440.0, 2.0, 24000).tobytes(), engine.generation)
            await asyncio.sleep(0.8)
            engine.output_volume = 0.25  # mid-reply: what is already buffered gets quieter
            await asyncio.sleep(0.9)
        played = rec.recording.samples()
        full = await spoken_chunks(pulse, chunks, tmp_path)
        chunks.clear()
        engine.input_gain = 0.5
        halved = await spoken_chunks(pulse, chunks, tmp_path)
    finally:
        engine.stop()
    # 10 ms blocks that carry the tone (a gap under load carries nothing either way)
    blocks = [rms(played[i : i + 480]) for i in range(0, len(played) - 480, 480)]
    sounding = [b for b in blocks if b > 300]
    before, after = np.median(sounding[5:40]), np.median(sounding[-30:])
    assert 0.2 < after / before < 0.3, (before, after)
    assert 0.45 < rms(loud(halved, 250)) / rms(loud(full)) < 0.55
