"""The stream callbacks driven directly with numpy blocks and status flags, no device."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import numpy as np
import sounddevice as sd
from support.pulse import peak_frequency, tone

from desktop.audio import AudioEngine, AudioSettings

UNDERFLOW = sd.CallbackFlags(sd._lib.paOutputUnderflow)
OVERFLOW = sd.CallbackFlags(sd._lib.paInputOverflow)
CLEAN = sd.CallbackFlags()


def make_engine(**settings: object) -> AudioEngine:
    loop = asyncio.new_event_loop()
    loop.close()  # the callbacks never touch the loop; the worker is not started here
    engine = AudioEngine(lambda _: None, loop, settings=AudioSettings(**settings))  # type: ignore[arg-type]
    engine._out_stream = SimpleNamespace()  # type: ignore[assignment]  # play() needs a speaker
    return engine


def pull(engine: AudioEngine, status: sd.CallbackFlags = CLEAN, dac: float = 0.0) -> np.ndarray:
    out = np.full(
        (engine.output_block, 1), 1234, dtype=np.int16
    )  # garbage the callback must overwrite
    engine._output_callback(
        out, engine.output_block, SimpleNamespace(outputBufferDacTime=dac), status
    )
    return out[:, 0].copy()


def test_output_callback_plays_upsampled_model_audio() -> None:
    engine = make_engine()
    engine.play(tone(500.0, 0.5, 24000).tobytes(), engine.generation)
    blocks = [pull(engine) for _ in range(40)]
    played = np.concatenate(blocks)
    assert engine.output_rate == 48000 and len(blocks[0]) == 480
    assert abs(peak_frequency(played[4800:], 48000) - 500.0) <= 5.0


def test_output_underrun_is_zero_filled_and_underflow_counted() -> None:
    engine = make_engine()
    assert not pull(engine, UNDERFLOW).any()
    assert engine.stats.output_underflows == 1
    assert not pull(engine).any()
    assert engine.stats.output_underflows == 1


def test_clear_makes_the_next_block_silent_and_drops_stale_audio() -> None:
    engine = make_engine()
    engine.play(tone(500.0, 2.0, 24000).tobytes(), engine.generation)
    pull(engine)
    assert pull(engine).any()
    old = engine.generation
    new = engine.clear()
    assert new == old + 1
    assert not pull(engine).any()
    engine.play(tone(500.0, 1.0, 24000).tobytes(), old)  # a late chunk of the interrupted reply
    assert not pull(engine).any()
    engine.play(tone(500.0, 1.0, 24000).tobytes(), new)
    assert any(pull(engine).any() for _ in range(5))


def test_idle_is_noted_once_when_the_ring_drains() -> None:
    engine = make_engine()
    engine.play(tone(500.0, 0.05, 24000).tobytes(), engine.generation)
    for _ in range(10):
        pull(engine)
    assert engine._idle_blocks == 1
    for _ in range(10):
        pull(engine)
    assert engine._idle_blocks == 1


def test_local_barge_in_stops_the_reply_and_the_next_one_plays() -> None:
    engine = make_engine(instant_barge_in=True)
    engine.play(np.full(24000, 16000, dtype=np.int16).tobytes(), engine.generation)
    for _ in range(5):
        pull(engine)
    assert int(np.abs(pull(engine)).max()) > 15000
    generation = engine.generation
    engine._halt_playback()  # what the worker does when the VAD turns `speaking` on
    assert not pull(engine).any()  # stopped, not ducked
    engine.play(np.full(2400, 16000, dtype=np.int16).tobytes(), generation)  # still arriving
    assert not pull(engine).any() and engine.buffered_seconds == 0
    assert engine.generation == generation  # the session core's numbering is untouched
    new = engine.clear(generation + 1)  # the core's clear after `interrupted`
    engine.play(np.full(24000, 16000, dtype=np.int16).tobytes(), new)
    assert max(int(np.abs(pull(engine)).max()) for _ in range(8)) > 15000


def test_output_tap_holds_what_was_handed_to_the_device() -> None:
    engine = make_engine()
    engine.play(tone(500.0, 0.2, 24000).tobytes(), engine.generation)
    blocks = [pull(engine, dac=0.01 * i) for i in range(5)]
    held = engine._tap.read(0, 5 * 480)
    assert held is not None and np.array_equal(held, np.concatenate(blocks))
    assert [round(b[1], 2) for b in engine._tap.recent_blocks(5)] == [0.0, 0.01, 0.02, 0.03, 0.04]


def test_input_callback_copies_blocks_and_counts_overflow() -> None:
    engine = make_engine()
    block = np.arange(320, dtype=np.int16).reshape(320, 1)
    engine._input_callback(block, 320, SimpleNamespace(inputBufferAdcTime=1.5), OVERFLOW)
    block[:] = 0  # PortAudio reuses its buffer: the queue must hold a copy
    item = engine._mic_queue.get(timeout=0.1)
    assert item is not None
    data, adc, _wall = item
    assert np.array_equal(data, np.arange(320, dtype=np.int16)) and adc == 1.5
    assert engine.stats.input_overflows == 1


def test_input_queue_drops_newest_when_worker_stalls() -> None:
    engine = make_engine()
    block = np.zeros((320, 1), dtype=np.int16)
    for _ in range(70):  # 64 slots
        engine._input_callback(block, 320, SimpleNamespace(inputBufferAdcTime=0.0), CLEAN)
    assert engine.stats.mic_blocks_dropped == 6


def test_output_falls_back_to_24k_without_resampling() -> None:
    engine = make_engine()
    engine._set_output_rate(24000)
    assert engine.output_block == 240
    sent = tone(500.0, 0.1, 24000)
    engine.play(sent.tobytes(), engine.generation)
    assert np.array_equal(pull(engine), sent[:240])
