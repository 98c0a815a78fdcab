"""Echo cancellation and device loss on real streams through PulseAudio.

The echo path is a PulseAudio loopback from the speaker sink's monitor into the microphone
sink (40 ms), so whatever the engine plays comes back on its own microphone.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from support.pulse import PulseServer, read_wav, speech_wav
from test_engine_pulse import flowing

from desktop.audio import AudioEngine, AudioSettings

pytestmark = pytest.mark.audio

TEXT = "Hold the service button for five seconds until the green light blinks twice."


@pytest.fixture
def echo_path(pulse: PulseServer) -> Iterator[None]:
    index = pulse.load_module(
        "module-loopback", "source=spk.monitor", "sink=mic", "latency_msec=40"
    )
    yield
    pulse.unload_module(index)


@pytest.fixture(scope="module")
def reply_24k(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    samples, rate = read_wav(speech_wav(tmp_path_factory.mktemp("tts") / "r.wav", TEXT, 24000))
    assert rate == 24000
    return samples.tobytes()


def db(pcm: bytes) -> float:
    x = np.frombuffer(pcm, dtype=np.int16).astype(np.float64)
    return float(10 * np.log10(np.mean(x**2) + 1e-9))


async def capture_while_playing(
    settings: AudioSettings, reply: bytes
) -> tuple[bytes, list[bool], AudioEngine]:
    chunks: list[bytes] = []
    speaking: list[bool] = []
    engine = AudioEngine(
        chunks.append, asyncio.get_running_loop(), settings=settings, on_speaking=speaking.append
    )
    engine.start()
    try:
        await flowing(engine)
        await asyncio.sleep(0.5)  # the reference anchors on the first clean blocks
        chunks.clear()
        engine.play(reply, engine.generation)
        seconds = len(reply) / 2 / 24000
        await asyncio.sleep(seconds + 0.3)
    finally:
        engine.stop()
    return b"".join(chunks), speaking, engine


async def test_echo_canceller_removes_the_speaker_from_the_microphone(
    pulse: PulseServer, echo_path: None, reply_24k: bytes
) -> None:
    raw, _, _ = await capture_while_playing(
        AudioSettings(echo_cancellation=False, vad=False), reply_24k
    )
    cancelled, speaking, engine = await capture_while_playing(AudioSettings(), reply_24k)
    assert engine._processor is not None and engine._processor.anchored
    assert db(raw) > 40  # the echo path works: the engine hears itself without the canceller
    # Skip the first second while AEC3 converges; compare the rest.
    skip = 2 * 16000
    erle = db(raw[skip:]) - db(cancelled[skip:])
    assert erle >= 15.0, f"ERLE {erle:.1f} dB on the loopback"
    assert not any(speaking), "the VAD took the model's own voice for the user"


async def test_user_speech_still_passes_while_echo_is_cancelled(
    pulse: PulseServer, tmp_path: Path
) -> None:
    chunks: list[bytes] = []
    speaking: list[bool] = []
    engine = AudioEngine(chunks.append, asyncio.get_running_loop(), on_speaking=speaking.append)
    engine.start()
    try:
        await flowing(engine)
        wav = speech_wav(tmp_path / "user.wav", "Hello, can you hear me now?", 16000)
        await asyncio.to_thread(pulse.play, wav, "mic")
        await asyncio.sleep(0.8)
    finally:
        engine.stop()
    assert db(b"".join(chunks)) > 40
    assert any(speaking) and speaking[-1] is False  # on while talking, off afterwards
