"""One reply through the real engine on PulseAudio with a loopback echo path, measured.

Used by tests/audio/test_echo_paths_pulse.py and bench/bench_audio.py. The echo path is
``module-loopback`` from the speaker sink's monitor into the microphone sink; the model's reply
is played in bursts (2x real time, then gaps), the user optionally talks into the microphone
sink during the reply and after it, and the reply is interrupted (``engine.clear()``) at a set
time. Recorded alongside: the microphone sink's monitor (what the microphone heard, for ERLE
and the user's onset) and the speaker sink's monitor (what the device played, for the ghost
after the clear). The Live server's rule is applied to the chunks the engine sends: a 20 ms
chunk with RMS >= 300 (int16) is speech.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt

from desktop.audio import AudioEngine, AudioSettings
from support.pulse import PulseServer, Recording, write_wav

SPEECH_RMS = 300.0
F64 = npt.NDArray[np.float64]


@dataclass
class LiveRun:
    path_ms: int
    chunks: list[tuple[float, np.ndarray]]  # (monotonic arrival at on_mic_chunk, 320 samples)
    mic_heard: Recording  # mic.monitor
    device: Recording  # spk.monitor
    reply_start: float
    cleared_at: float | None
    user_spans: list[tuple[float, float]]  # (start, end) monotonic, from mic.monitor onsets
    underflows: int
    cpu_process_s: float
    cpu_dsp_s: float
    wall_s: float
    engine: AudioEngine
    speaking: list[tuple[float, bool]] = field(default_factory=list)  # local VAD changes

    def false_barge_in_share(self) -> float:
        """Share of model-only reply time the local VAD said the user was speaking, from
        turns on while only the model spoke (a barge-in on echo).

        The VAD keeps ``speaking`` for its hangover (480 ms of quiet windows) after a real
        user stops; that tail, past the guard after the user, is not the VAD firing on echo:
        on real streams it was all of the 5-12 % once counted here, with nothing but zeros
        sent after the user's last chunk (``vad_on_share`` still counts it).
        """
        return self._vad_share(only_echo_onsets=True)

    def vad_on_share(self) -> float:
        """Share of model-only reply time the local VAD was on, whatever turned it on."""
        return self._vad_share(only_echo_onsets=False)

    def _vad_share(self, *, only_echo_onsets: bool) -> float:
        end = self.cleared_at or (self.chunks[-1][0] if self.chunks else self.reply_start)
        grid = np.arange(self.reply_start, end, 0.02)
        state = np.zeros(len(grid), dtype=bool)
        for t, on in self.speaking:
            by_echo = bool(self.model_only(np.array([t]))[0]) or not only_echo_onsets
            state[grid >= t] = on and by_echo
        mask = self.model_only(grid)
        return int(np.sum(state & mask)) / max(1, int(np.sum(mask)))

    def _rms(self) -> tuple[F64, F64]:
        t = np.array([c[0] for c in self.chunks])
        r = np.array([np.sqrt(np.mean(c[1].astype(np.float64) ** 2)) for c in self.chunks])
        return t, r

    def model_only(self, t: F64, guard_s: float = 0.35) -> npt.NDArray[np.bool_]:
        """Chunks sent while the user was not talking (with the capture latency as guard)."""
        ok = t >= self.reply_start
        for a, b in self.user_spans:
            ok &= ~((t >= a - 0.05) & (t <= b + guard_s))
        return ok

    def self_interruptions(self) -> int:
        return len(self.self_interruption_times())

    def self_interruption_times(self) -> list[float]:
        """When (seconds after the reply started) each echo chunk at speech level was sent."""
        t, r = self._rms()
        bad = (r >= SPEECH_RMS) & self.model_only(t)
        return [round(float(x - self.reply_start), 2) for x in t[bad]]

    def worst_chunk(self) -> float:
        t, r = self._rms()
        sel = r[self.model_only(t)]
        return float(sel.max()) if len(sel) else 0.0

    def erle_per_second(self) -> list[float]:
        """Per second of the reply: energy heard at the microphone / energy sent, model only."""
        heard = self.mic_heard.arrivals()
        t, r = self._rms()
        mask = self.model_only(t)
        ht = np.array([a for a, _ in heard])
        he = np.array([float(np.sum(x.astype(np.float64) ** 2)) for _, x in heard])
        hn = np.array([len(x) for _, x in heard])
        hmask = self.model_only(ht)
        out: list[float] = []
        end = self.cleared_at or (t[-1] if len(t) else self.reply_start)
        s = self.reply_start
        while s + 1.0 <= end:
            sel = mask & (t >= s) & (t < s + 1.0)
            hsel = hmask & (ht >= s) & (ht < s + 1.0)
            if sel.sum() >= 25 and hsel.any():
                mic = he[hsel].sum() / max(1, hn[hsel].sum())
                sent = float(np.mean(r[sel] ** 2))
                if mic > 100.0**2:  # echo present in this second
                    out.append(float(10 * np.log10(mic / max(sent, 1e-3))))
            s += 1.0
        return out

    def ghost_s(self, threshold: int = 300) -> float | None:
        """From ``clear()`` to the last loud piece the speaker's monitor delivered."""
        if self.cleared_at is None:
            return None
        last = None
        for t, x in self.device.arrivals():
            if len(x) and int(np.abs(x.astype(np.int32)).max()) > threshold:
                last = t
        return None if last is None else max(0.0, last - self.cleared_at)

    def mic_to_wire_s(self) -> list[float]:
        """Per user utterance: its onset heard on mic.monitor -> first sent chunk >= 300."""
        t, r = self._rms()
        out = []
        for a, b in self.user_spans:
            sel = np.flatnonzero((t >= a) & (t <= b) & (r >= SPEECH_RMS))
            if len(sel):
                out.append(float(t[sel[0]] - a))
            else:
                out.append(float("nan"))
        return out


def _sample_times(rec: Recording) -> tuple[np.ndarray, F64]:
    """All samples and, per sample, when it arrived here (monotonic; 10 ms parec latency)."""
    pieces = rec.arrivals()
    samples = np.concatenate([x for _, x in pieces]) if pieces else np.zeros(0, np.int16)
    times = np.zeros(len(samples), dtype=np.float64)
    end = 0
    for t, x in pieces:
        n = len(x)
        times[end : end + n] = t - (n - 1 - np.arange(n)) / rec.rate
        end += n
    return samples, times


def _locate(rec: Recording, user: np.ndarray, near: float) -> tuple[float, float] | None:
    """(onset, end) in monotonic time of ``user`` as the microphone heard it, near ``near``."""
    samples, times = _sample_times(rec)
    lo = int(np.searchsorted(times, near - 0.2))
    hi = int(np.searchsorted(times, near + 1.5)) + len(user)
    seg = samples[lo:hi].astype(np.float64)
    if len(seg) < len(user):
        return None
    u = user.astype(np.float64)
    n = 1 << int(np.ceil(np.log2(len(seg) + len(u))))
    corr = np.fft.irfft(np.fft.rfft(seg, n) * np.conj(np.fft.rfft(u, n)), n)[
        : len(seg) - len(u) + 1
    ]
    start = lo + int(np.argmax(corr))
    loud = np.flatnonzero(np.abs(u) > SPEECH_RMS)  # any of it may reach the server
    onset = start + int(loud[0])
    last = min(start + int(loud[-1]), len(times) - 1)
    return float(times[onset]), float(times[last])


async def _play_in_bursts(engine: AudioEngine, pcm: np.ndarray, generation: int) -> None:
    chunk = 24000 * 40 // 1000
    sent_in_burst = 0.0
    for i in range(0, len(pcm), chunk):
        engine.play(pcm[i : i + chunk].tobytes(), generation)
        sent_in_burst += 0.04
        await asyncio.sleep(0.02)  # twice real time
        if sent_in_burst >= 1.0:
            sent_in_burst = 0.0
            await asyncio.sleep(0.4)


async def run_reply(
    pulse: PulseServer,
    tmp: Path,
    reply24k: np.ndarray,
    *,
    path_ms: int,
    user16k: np.ndarray | None = None,
    user_at_s: tuple[float, ...] = (),
    clear_at_s: float | None = None,
    settings: AudioSettings | None = None,
    after_s: float = 1.5,
) -> LiveRun:
    """Start an engine, play ``reply24k`` in bursts over a ``path_ms`` loopback, measure."""
    loop = asyncio.get_running_loop()
    index = pulse.load_module(
        "module-loopback", "source=spk.monitor", "sink=mic", f"latency_msec={path_ms}"
    )
    chunks: list[tuple[float, np.ndarray]] = []
    speaking: list[tuple[float, bool]] = []
    engine = AudioEngine(
        lambda pcm: chunks.append((time.monotonic(), np.frombuffer(pcm, dtype=np.int16))),
        loop,
        settings=settings or AudioSettings(),
        on_speaking=lambda on: speaking.append((time.monotonic(), on)),
    )
    user_wav = write_wav(tmp / "user.wav", user16k, 16000) if user16k is not None else None
    players = []
    try:
        engine.start()
        await _wait_flowing(engine)
        await asyncio.sleep(0.3)
        mic_rec = pulse.recorder("mic.monitor", rate=16000)
        dev_rec = pulse.recorder("spk.monitor", rate=48000)
        underflows0 = engine.stats.output_underflows
        processor = engine._processor
        dsp0 = processor.cpu_s if processor is not None else 0.0
        cpu0, wall0 = time.process_time(), time.monotonic()
        reply_start = time.monotonic()
        player = asyncio.create_task(_play_in_bursts(engine, reply24k, engine.generation))
        cleared_at = None
        events = sorted(
            [(a, "user") for a in user_at_s] + ([(clear_at_s, "clear")] if clear_at_s else [])
        )
        for at, what in events:
            await asyncio.sleep(max(0.0, reply_start + at - time.monotonic()))
            if what == "user" and user_wav is not None:
                players.append(pulse.play_async(user_wav, "mic"))
            elif what == "clear":
                player.cancel()
                cleared_at = time.monotonic()
                engine.clear()
        await asyncio.gather(player, return_exceptions=True)
        reply_s = len(reply24k) / 24000
        end = reply_start + max(reply_s * 1.2, max(user_at_s, default=0.0) + 2.5)
        await asyncio.sleep(max(0.0, end - time.monotonic()) + after_s)
        for p in players:
            await asyncio.to_thread(p.wait, 30)
        cpu = time.process_time() - cpu0
        wall = time.monotonic() - wall0
        dsp = (processor.cpu_s - dsp0) if processor is not None else 0.0
        mic_heard = mic_rec.stop()
        device = dev_rec.stop()
        underflows = engine.stats.output_underflows - underflows0
    finally:
        engine.stop()
        pulse.unload_module(index)
    user_spans: list[tuple[float, float]] = []
    if user16k is not None:
        for at in user_at_s:
            span = _locate(mic_heard, user16k, reply_start + at)
            if span is not None:
                user_spans.append(span)
    return LiveRun(
        path_ms=path_ms,
        chunks=chunks,
        mic_heard=mic_heard,
        device=device,
        reply_start=reply_start,
        cleared_at=cleared_at,
        user_spans=user_spans,
        underflows=underflows,
        cpu_process_s=cpu,
        cpu_dsp_s=dsp,
        wall_s=wall,
        engine=engine,
        speaking=speaking,
    )


async def _wait_flowing(engine: AudioEngine, within_s: float = 10.0) -> None:
    end = time.monotonic() + within_s
    while time.monotonic() < end:
        before = engine.stats.output_blocks
        await asyncio.sleep(0.2)
        if engine.stats.output_blocks - before >= 15:
            return
    raise RuntimeError("output stream never ran in real time")
