"""Audio benchmark: barge-in, echo cancellation, VAD, latency and CPU of the audio engine.

Runs the real AudioEngine on a private PulseAudio (null sinks, as in the tests) and the DSP
chain offline on the synthetic room of ../shared/AUDIO.md. Prints a table, then one JSON line.

    .venv/bin/python bench/bench_audio.py [--trials 50] [--duplex-seconds 10]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from support.pulse import (
    PulseServer,
    private_pulse,
    read_wav,
    speech_wav,
    tone,
)

from desktop.audio import AudioEngine, AudioSettings
from desktop.audio.dsp import FRAME, EchoCanceller, VoiceActivity

RATE = 16000
FAR_TEXT = (
    "The replacement filter goes behind the lower panel. Turn the unit off first, then remove "
    "the four screws at the corners and slide the panel towards you. Check the seal for cracks "
    "and replace it if it is brittle. When you are done, restart the unit and wait one minute."
)
NEAR_TEXT = "Hold on, which of the screws do you mean?"


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def db(x: np.ndarray) -> float:
    return float(10 * np.log10(np.mean(np.asarray(x, dtype=np.float64) ** 2) + 1e-9))


# ----------------------------------------------------------------------------- offline DSP


def synthetic_room(far: np.ndarray, delay_ms: float = 40.0, decay_ms: float = 150.0) -> np.ndarray:
    rng = np.random.default_rng(7)
    n = int(RATE * decay_ms / 1000 * 3)
    t = np.arange(n) / RATE
    ir = rng.standard_normal(n) * np.exp(-t / (decay_ms / 1000 / 6.9))
    ir[0] += 3.0
    ir /= np.sqrt(np.sum(ir**2))
    wet = np.convolve(far.astype(np.float64), ir)[: len(far)]
    return np.concatenate((np.zeros(int(RATE * delay_ms / 1000)), wet))[: len(far)]


def offline_dsp(tmp: Path) -> dict[str, float]:
    far, _ = read_wav(speech_wav(tmp / "far.wav", FAR_TEXT, RATE))
    near_user, _ = read_wav(speech_wav(tmp / "near.wav", NEAR_TEXT, RATE))
    far = np.tile(far, 2)
    echo = synthetic_room(far)
    noise = np.random.default_rng(3).standard_normal(len(far)) * 10 ** ((db(echo) - 35) / 20)
    mic = np.clip(np.round(echo + noise), -32768, 32767).astype(np.int16)

    aec = EchoCanceller()
    out = np.zeros_like(mic)
    started = time.perf_counter()
    for i in range(0, len(mic) - FRAME + 1, FRAME):
        out[i : i + FRAME] = aec.process(mic[i : i + FRAME], far[i : i + FRAME])
    aec_cpu = time.perf_counter() - started
    half = len(mic) // 2
    erle = db(mic[half:]) - db(out[half:])

    vad = VoiceActivity()
    vad.recording = True
    speaking_windows = 0
    started = time.perf_counter()
    for i in range(half, len(out), 320):
        speaking_windows += vad.process(out[i : i + 320])
    vad_cpu = time.perf_counter() - started
    probs = np.array(vad.probabilities)
    residual_speech = float((probs >= 0.5).mean())
    false_barge_in = speaking_windows / max(1, len(range(half, len(out), 320)))

    # VAD onset: speech after a silence, fed in 20 ms blocks; onset -> `speaking` turned on.
    onset = VoiceActivity()
    silence = np.zeros(RATE, dtype=np.int16)
    onset.process(silence)
    first_voiced = int(np.flatnonzero(np.abs(near_user.astype(np.int32)) > 300)[0])
    fired_at = None
    for i in range(0, len(near_user), 320):
        if onset.process(near_user[i : i + 320]):
            fired_at = i + 320
            break
    onset_ms = (fired_at - first_voiced) / RATE * 1000 if fired_at is not None else float("nan")
    audio_s = (len(mic) - half) / RATE
    return {
        "erle_db": erle,
        "residual_echo_vad_speech_share": residual_speech,
        "false_barge_in_share": false_barge_in,
        "aec_cpu_us_per_10ms": aec_cpu / (len(mic) / FRAME) * 1e6,
        "vad_cpu_us_per_10ms": vad_cpu / (audio_s * 100) * 1e6,
        "vad_onset_ms": onset_ms,
    }


# ----------------------------------------------------------------------------- real streams


class CallbackProbe:
    """Wraps the engine's output callback to time what reaches the device."""

    def __init__(self, engine: AudioEngine) -> None:
        self.engine = engine
        self.inner = engine._output_callback
        self.events: list[tuple[float, bool]] = []  # (time handed to the device, all zero)
        engine._output_callback = self  # type: ignore[method-assign]

    def __call__(self, outdata: Any, frames: int, time_info: Any, status: Any) -> None:
        self.inner(outdata, frames, time_info, status)
        self.events.append((time.perf_counter(), not outdata.any()))

    def first_after(self, t: float, *, silent: bool) -> float | None:
        for when, zero in self.events:
            if when >= t and zero == silent:
                return when - t
        return None


async def flowing(engine: AudioEngine) -> None:
    for _ in range(100):
        before = engine.stats.output_blocks
        await asyncio.sleep(0.2)
        if engine.stats.output_blocks - before >= 15:
            return
    raise RuntimeError("output stream never ran in real time")


async def barge_in_and_playback(trials: int) -> dict[str, float]:
    engine = AudioEngine(lambda _: None, asyncio.get_running_loop())
    probe = CallbackProbe(engine)
    engine.start()
    barge: list[float] = []
    playback: list[float] = []
    rng = np.random.default_rng(11)
    try:
        await flowing(engine)
        reply = tone(440.0, 2.0, 24000).tobytes()
        for _ in range(trials):
            sent = time.perf_counter()
            engine.play(reply[:960], engine.generation)  # first 20 ms chunk of a reply
            engine.play(reply[960:], engine.generation)
            await asyncio.sleep(0.15 + float(rng.uniform(0, 0.1)))
            first = probe.first_after(sent, silent=False)
            if first is not None:
                playback.append(first)
            cleared = time.perf_counter()
            engine.clear()
            await asyncio.sleep(0.08)
            silent = probe.first_after(cleared, silent=True)
            if silent is not None:
                barge.append(silent)
        underflows = engine.stats.output_underflows
    finally:
        engine.stop()
    return {
        "barge_in_ms_p50": pct(barge, 50) * 1000,
        "barge_in_ms_p99": pct(barge, 99) * 1000,
        "barge_in_trials": float(len(barge)),
        "playback_ms_p50": pct(playback, 50) * 1000,
        "playback_ms_p95": pct(playback, 95) * 1000,
        "output_block_ms": engine.output_block / engine.output_rate * 1000,
        "output_underflows": float(underflows),
    }


async def duplex(pulse: PulseServer, seconds: float, tmp: Path) -> dict[str, float]:
    """Model speech playing, echo path loaded, AEC + VAD on: capture latency and CPU."""
    reply, _ = read_wav(speech_wav(tmp / "reply.wav", FAR_TEXT, 24000))
    loopback = pulse.load_module(
        "module-loopback", "source=spk.monitor", "sink=mic", "latency_msec=40"
    )
    chunks: list[bytes] = []
    speaking: list[bool] = []
    engine = AudioEngine(
        chunks.append,
        asyncio.get_running_loop(),
        settings=AudioSettings(),
        on_speaking=speaking.append,
    )
    engine.start()
    try:
        await flowing(engine)
        engine.stats.capture_delays.clear()
        cpu0, wall0 = time.process_time(), time.perf_counter()
        played = 0.0
        while played < seconds:
            engine.play(reply.tobytes(), engine.generation)
            length = len(reply) / 24000
            await asyncio.sleep(min(length, seconds - played))
            played += length
        cpu = time.process_time() - cpu0
        wall = time.perf_counter() - wall0
        delays = list(engine.stats.capture_delays)
        processor = engine._processor
        dsp_cpu = processor.cpu_s if processor is not None else float("nan")
        anchored = processor.anchored if processor is not None else False
        aligner = processor.aligner if processor is not None else None
        waits = aligner.waits if aligner is not None else 0
        missing = aligner.missing if aligner is not None else 0
        frames = engine.stats.input_blocks
    finally:
        engine.stop()
        pulse.unload_module(loopback)
    return {
        "capture_ms_p50": pct(delays, 50) * 1000,
        "capture_ms_p95": pct(delays, 95) * 1000,
        "cpu_share_of_one_core": cpu / wall,
        "dsp_cpu_share": dsp_cpu / wall,
        "duplex_seconds": wall,
        "echo_reference_anchored": float(anchored),
        "live_false_barge_ins": float(sum(speaking)),
        "reference_wait_share": waits / max(1, frames),
        "reference_missing_share": missing / max(1, frames),
    }


async def main_async(args: argparse.Namespace) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        results = offline_dsp(tmp)
        with private_pulse() as pulse:
            results |= await barge_in_and_playback(args.trials)
            results |= await duplex(pulse, args.duplex_seconds, tmp)
    return results


ROWS = [
    ("barge-in: clear() -> first all-zero block to device, p50", "barge_in_ms_p50", "ms", "<= 20"),
    ("barge-in: same, p99", "barge_in_ms_p99", "ms", "<= 20"),
    ("output block", "output_block_ms", "ms", ""),
    ("VAD onset -> speaking (offline, 20 ms blocks)", "vad_onset_ms", "ms", ""),
    ("playback: play() -> first sample to device, p50", "playback_ms_p50", "ms", ""),
    ("playback: same, p95", "playback_ms_p95", "ms", ""),
    ("capture: input callback -> on_mic_chunk, p50", "capture_ms_p50", "ms", ""),
    ("capture: same, p95 (AEC+VAD on, echo path)", "capture_ms_p95", "ms", "<= 30"),
    ("ERLE, synthetic room (offline)", "erle_db", "dB", ">= 30"),
    ("residual echo windows judged speech", "residual_echo_vad_speech_share", "share", ""),
    ("false barge-in share (speaking on echo)", "false_barge_in_share", "share", "<= 0.02"),
    ("speaking onsets on live echo (loopback)", "live_false_barge_ins", "count", "0"),
    ("mic blocks that waited for their echo reference", "reference_wait_share", "share", ""),
    ("mic blocks whose reference never came (zeros)", "reference_missing_share", "share", "0"),
    ("AEC3 CPU per 10 ms", "aec_cpu_us_per_10ms", "us", ""),
    ("Silero VAD CPU per 10 ms", "vad_cpu_us_per_10ms", "us", ""),
    ("CPU, whole process, duplex audio", "cpu_share_of_one_core", "core", "<= 0.05"),
    ("CPU, mic DSP chain only", "dsp_cpu_share", "core", ""),
    ("output underflows during barge-in trials", "output_underflows", "count", ""),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trials", type=int, default=50)
    parser.add_argument("--duplex-seconds", type=float, default=10.0)
    args = parser.parse_args()
    results = asyncio.run(main_async(args))
    print(f"{'measure':<58} {'value':>10} {'unit':<6} target")
    for label, key, unit, target in ROWS:
        print(f"{label:<58} {results[key]:>10.3f} {unit:<6} {target}")
    print(json.dumps({"bench": "audio", **{k: round(v, 4) for k, v in results.items()}}))


if __name__ == "__main__":
    main()
