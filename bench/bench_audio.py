"""Audio benchmark: echo per path, barge-in at the device, latency and CPU of the audio engine.

Runs the real AudioEngine on a private PulseAudio (null sinks, as in the tests). Per echo path
(``module-loopback`` from the speaker's monitor into the microphone, 20/40/90/150 ms): a reply
played in bursts, the user talking over it at 3 s (double talk), ``clear()`` at 6 s (barge-in),
the user again at 9 s (model silent). The Live server's rule is applied to what the engine
sends (a 20 ms chunk with RMS >= 300 is speech). Also the DSP chain offline on the synthetic
room of docs/AUDIO.md. Prints a table, then one JSON line.

    .venv/bin/python bench/bench_audio.py [--paths 20,40,90,150] [--voice speech|tone] [--trials 50]
        [--runs 1] [--delay-change 40:90]

With ``--runs N`` each path is measured N times (a new engine and loopback each time): the
table shows the worst run of each measure against its target (the pairing and the loopback's
own latency differ between stream starts, so one run can hide a bad start), the JSON line
keeps every run. ``--delay-change A:B`` also plays a reply (no user, no clear) on an A ms
path that is reloaded with B ms of latency 4 s into the reply, and counts what leaks after.
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
from support.echo_live import run_reply
from support.echo_sim import scaled
from support.pulse import (
    PulseServer,
    private_pulse,
    read_wav,
    speech_wav,
    tone,
)

from desktop.audio import AudioEngine
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


async def echo_path(
    pulse: PulseServer, tmp: Path, path_ms: int, voice: str
) -> dict[str, float | list[float]]:
    """One reply over a ``path_ms`` loopback: echo, double talk, barge-in, latency, CPU."""
    if voice == "tone":
        reply = tone(440.0, 12.0, 24000, amplitude=0.2)
    else:
        reply, _ = read_wav(speech_wav(tmp / "reply.wav", FAR_TEXT, 24000))
        reply = scaled(reply, 5000.0)
    user, _ = read_wav(speech_wav(tmp / "user.wav", NEAR_TEXT, 16000))
    user = scaled(user, 16000.0)  # about 10 dB above the echo on this 0 dB path
    run = await run_reply(
        pulse, tmp, reply, path_ms=path_ms, user16k=user, user_at_s=(3.0, 9.0), clear_at_s=6.0
    )
    processor = run.engine._processor
    gate = processor.gate if processor is not None else None
    aligner = processor.aligner if processor is not None else None
    erle = run.erle_per_second()
    m2w = run.mic_to_wire_s()
    ghost = run.ghost_s()
    return {
        "erle_db_per_s": [round(x, 1) for x in erle],
        "erle_db_min_s": min(erle) if erle else float("nan"),
        "worst_echo_chunk_rms": run.worst_chunk(),
        "self_interruptions": float(run.self_interruptions()),
        "self_interruption_times_s": run.self_interruption_times(),
        "false_barge_in_share": run.false_barge_in_share(),
        "vad_on_share": run.vad_on_share(),
        "ghost_after_clear_ms": ghost * 1000 if ghost is not None else float("nan"),
        "underruns": float(run.underflows),
        "mic_to_wire_double_talk_ms": m2w[0] * 1000 if m2w else float("nan"),
        "mic_to_wire_model_silent_ms": m2w[1] * 1000 if len(m2w) > 1 else float("nan"),
        "cpu_process_share": run.cpu_process_s / run.wall_s,
        "cpu_dsp_share": run.cpu_dsp_s / run.wall_s,
        "gate_silenced_frames": float(gate.stats.suppressed) if gate else float("nan"),
        "gate_double_talk_frames": float(gate.stats.near_end) if gate else float("nan"),
        # frames whose reference span had to be waited for (each wait polls and resamples),
        # and pairings made (each underrun remakes it)
        "reference_waits": float(aligner.waits) if aligner else float("nan"),
        "reference_missing": float(aligner.missing) if aligner else float("nan"),
        "pairings": float(aligner.anchors) if aligner else float("nan"),
    }


async def delay_change(
    pulse: PulseServer, tmp: Path, before_ms: int, after_ms: int, voice: str
) -> dict[str, float | list[float]]:
    """The echo path's delay changes in the middle of a reply (the loopback reloaded)."""
    reply = tone(440.0, 10.0, 24000, amplitude=0.2) if voice == "tone" else None
    if reply is None:
        reply, _ = read_wav(speech_wav(tmp / "reply.wav", FAR_TEXT, 24000))
        reply = scaled(reply, 5000.0)
    loaded: list[int] = []
    first_loaded = asyncio.Event()
    plain_load, plain_unload = pulse.load_module, pulse.unload_module

    def load(name: str, *args: str) -> int:
        loaded.append(plain_load(name, *args))
        first_loaded.set()
        return loaded[-1]

    def unload(_: int) -> None:  # run_reply unloads the loopback it made: the current one
        plain_unload(loaded[-1])

    pulse.load_module, pulse.unload_module = load, unload
    changed_at: list[float] = []

    async def reload() -> None:
        await first_loaded.wait()
        first = loaded[0]
        engine_flowing_s, reply_at_s = 1.8, 4.0  # the engine's start-up, then into the reply
        await asyncio.sleep(engine_flowing_s + reply_at_s)
        plain_unload(first)
        load("module-loopback", "source=spk.monitor", "sink=mic", f"latency_msec={after_ms}")
        changed_at.append(time.monotonic())

    try:
        changer = asyncio.create_task(reload())
        run = await run_reply(pulse, tmp, reply, path_ms=before_ms, clear_at_s=None)
        await changer
    finally:
        pulse.load_module, pulse.unload_module = plain_load, plain_unload
    change_s = changed_at[0] - run.reply_start
    leaks = run.self_interruption_times()
    return {
        "change_at_s": round(change_s, 2),
        "erle_db_per_s": [round(x, 1) for x in run.erle_per_second()],
        "self_interruptions_before": float(sum(t < change_s for t in leaks)),
        "self_interruptions_after": float(sum(t >= change_s for t in leaks)),
        "self_interruption_times_s": leaks,
        "worst_echo_chunk_rms": run.worst_chunk(),
        "underruns": float(run.underflows),
    }


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        results: dict[str, Any] = dict(offline_dsp(tmp))
        with private_pulse() as pulse:
            results |= await barge_in_and_playback(args.trials)
            for path in args.paths:
                runs = [await echo_path(pulse, tmp, path, args.voice) for _ in range(args.runs)]
                results[f"path_{path}ms"] = worst_of(runs)
                if args.runs > 1:
                    results[f"path_{path}ms_runs"] = runs
            if args.delay_change:
                a, b = args.delay_change
                changes = [
                    await delay_change(pulse, tmp, a, b, args.voice) for _ in range(args.runs)
                ]
                results["delay_change"] = changes
    return results


# Which way is worse for each path measure (the table shows the worst run).
BETTER_HIGH = ("erle_db_min_s",)


def worst_of(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """One run's shape holding the worst value of each measure over ``runs``."""
    if len(runs) == 1:
        return runs[0]
    out: dict[str, Any] = {}
    for key, value in runs[0].items():
        values = [r[key] for r in runs]
        if isinstance(value, list):
            out[key] = max(values, key=len)
        elif key in BETTER_HIGH:
            out[key] = min(values)
        else:
            out[key] = max(values)
    out["erle_db_per_s"] = [r["erle_db_per_s"] for r in runs]
    out["self_interruptions_per_run"] = [r["self_interruptions"] for r in runs]
    return out


ROWS = [
    ("barge-in: clear() -> first all-zero block handed over, p50", "barge_in_ms_p50", "ms", ""),
    ("barge-in: same, p99", "barge_in_ms_p99", "ms", ""),
    ("playback: play() -> first sample to device, p50", "playback_ms_p50", "ms", ""),
    ("ERLE, synthetic room (offline)", "erle_db", "dB", ">= 30"),
    (
        "residual echo windows judged speech (offline)",
        "residual_echo_vad_speech_share",
        "share",
        "",
    ),
    ("VAD onset -> speaking (offline, 20 ms blocks)", "vad_onset_ms", "ms", ""),
    ("AEC3 CPU per 10 ms (offline)", "aec_cpu_us_per_10ms", "us", ""),
    ("Silero VAD CPU per 10 ms (offline)", "vad_cpu_us_per_10ms", "us", ""),
    ("output underflows during barge-in trials", "output_underflows", "count", ""),
]
PATH_ROWS = [
    ("self-interruptions (echo chunks RMS >= 300)", "self_interruptions", "count", "0"),
    ("worst echo chunk sent", "worst_echo_chunk_rms", "rms", "< 300"),
    ("ERLE, worst second of the reply", "erle_db_min_s", "dB", ">= 30"),
    ("false barge-in (local VAD turned on by echo)", "false_barge_in_share", "share", "<= 0.02"),
    ("VAD on, model only (incl. its hangover after the user)", "vad_on_share", "share", ""),
    ("ghost at the device after clear()", "ghost_after_clear_ms", "ms", "<= 40"),
    ("output underruns during the reply", "underruns", "count", "0"),
    ("mic -> wire, model silent", "mic_to_wire_model_silent_ms", "ms", "<= 50"),
    ("mic -> wire, double talk", "mic_to_wire_double_talk_ms", "ms", "<= 100"),
    ("CPU, mic DSP chain (worker thread)", "cpu_dsp_share", "core", "<= 0.05"),
    ("CPU, whole process (incl. bench's recorders)", "cpu_process_share", "core", ""),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trials", type=int, default=50)
    parser.add_argument(
        "--paths", type=lambda v: [int(x) for x in v.split(",")], default=[20, 40, 90, 150]
    )
    parser.add_argument("--voice", choices=("speech", "tone"), default="speech")
    parser.add_argument("--runs", type=int, default=1, help="runs per path (worst is shown)")
    parser.add_argument(
        "--delay-change",
        type=lambda v: tuple(int(x) for x in v.split(":")),
        default=None,
        help="A:B, a path of A ms reloaded with B ms 4 s into a reply",
    )
    args = parser.parse_args()
    results = asyncio.run(main_async(args))
    print(f"{'measure':<58} {'value':>10} {'unit':<6} target")
    for label, key, unit, target in ROWS:
        print(f"{label:<58} {results[key]:>10.3f} {unit:<6} {target}")
    for path in args.paths:
        r = results[f"path_{path}ms"]
        runs = f", worst of {args.runs} runs" if args.runs > 1 else ""
        print(f"-- echo path {path} ms ({args.voice}{runs}); ERLE per second: {r['erle_db_per_s']}")
        if args.runs > 1:
            print(f"   self-interruptions per run: {r['self_interruptions_per_run']}")
        for label, key, unit, target in PATH_ROWS:
            print(f"   {label:<55} {r[key]:>10.3f} {unit:<6} {target}")
        if r["self_interruption_times_s"]:
            print(
                f"   self-interruptions at (s after reply start): {r['self_interruption_times_s']}"
            )
    for change in results.get("delay_change", []):
        print(
            f"-- delay change {args.delay_change[0]} -> {args.delay_change[1]} ms at "
            f"{change['change_at_s']} s: self-interruptions before "
            f"{change['self_interruptions_before']:.0f}, after "
            f"{change['self_interruptions_after']:.0f} (target 0), worst chunk "
            f"{change['worst_echo_chunk_rms']:.0f} rms, ERLE per second {change['erle_db_per_s']}"
        )
    print(json.dumps({"bench": "audio", "voice": args.voice, **results}, default=float))


if __name__ == "__main__":
    main()
