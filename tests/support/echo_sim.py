"""Deterministic replay of the audio engine's real pipeline through a simulated echo path.

What runs is the app's own code: ``AudioEngine.play``/``clear`` (24 -> 48 kHz soxr, playback
ring with generations), its output callback (zero fill, ducking, output tap), the reference
aligner (anchoring from the callbacks' time info), AEC3, the echo gate and Silero VAD. Only the
device and the room are simulated, on a virtual clock in 10 ms steps:

- the output device keeps ``out_latency_s`` of audio queued by calling the output callback and
  plays 480 samples per step; when callbacks stall it runs dry, plays zeros (an underrun) and
  everything after plays later than before;
- the device's reported DAC time is ``dac_bias_ms`` earlier than the true play time (PulseAudio
  reports were seen ~70-110 ms off), so the anchored reference leads its echo;
- the microphone hears what the device played ``path_ms`` later (the path may change mid-run),
  brought to 16 kHz (a 3-sample mean: no latency of its own), times ``gain_db``, through an
  optional room (150 ms decay), plus user speech and noise, in 20 ms blocks with ADC times that
  jitter by -6/+4 ms (AUDIO.md);
- the model's reply arrives in bursts (``burst_speed`` times real time, then a gap).

The score applies the Live server's rule: a 20 ms chunk with RMS >= 300 (int16) is speech.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from types import SimpleNamespace

import numpy as np
import numpy.typing as npt
import sounddevice as sd

from desktop.audio import AudioEngine, AudioSettings
from desktop.audio.dsp import MicProcessor

OUT_RATE = 48000
MIC_RATE = 16000
MODEL_RATE = 24000
STEP = 0.01
SPEECH_RMS = 300.0  # the server's rule

I16 = npt.NDArray[np.int16]
F64 = npt.NDArray[np.float64]


@dataclass
class Reply:
    at_s: float
    pcm24k: I16
    burst_speed: float = 2.0  # chunks arrive this much faster than real time...
    burst_s: float = 1.0  # ...for this long (of audio), then
    gap_s: float = 0.4  # nothing arrives for this long
    interrupt_at_s: float | None = None  # engine.clear() at this time (barge-in)


@dataclass
class Scenario:
    duration_s: float
    replies: list[Reply]
    path_ms: float = 40.0
    path_change: tuple[float, float] | None = None  # (at_s, new path_ms)
    gain_db: float = 0.0
    room: bool = False
    dac_bias_ms: float = 70.0
    out_latency_s: float = 0.1
    noise_rms: float = 5.0
    user: list[tuple[float, I16]] = field(default_factory=list)  # (at_s, 16 kHz samples)
    stalls: list[tuple[float, float]] = field(default_factory=list)  # output callbacks paused
    seed: int = 1
    settings: AudioSettings = field(default_factory=AudioSettings)


@dataclass
class Replay:
    mic: I16  # what the microphone heard (16 kHz)
    echo: F64  # its echo component
    user: F64  # its user component
    sent: I16  # what the engine sent towards the server
    speaking: list[bool]  # the local VAD's state after each 20 ms block
    underflows: int
    engine: AudioEngine
    processor: MicProcessor

    CHUNK = 320

    def chunks(self, x: npt.NDArray[np.generic]) -> F64:
        n = len(x) // self.CHUNK
        f = np.asarray(x[: n * self.CHUNK], dtype=np.float64).reshape(n, self.CHUNK)
        out: F64 = np.sqrt(np.mean(f * f, axis=1))
        return out

    def model_only(self, guard_s: float = 0.1) -> npt.NDArray[np.bool_]:
        """Chunks with no user speech in or within ``guard_s`` before them."""
        user = self.chunks(self.user) > 1.0
        guard = int(guard_s / 0.02)
        busy = np.convolve(user.astype(int), np.ones(guard + 1, dtype=int))[: len(user)] > 0
        out: npt.NDArray[np.bool_] = ~busy
        return out

    def self_interruptions(self) -> int:
        """Chunks the server would take for speech while only the model speaks."""
        return int(np.sum((self.chunks(self.sent) >= SPEECH_RMS) & self.model_only()))

    def worst_echo_chunk(self) -> float:
        sent = self.chunks(self.sent)[self.model_only()]
        return float(sent.max()) if len(sent) else 0.0

    def erle_db(self) -> float:
        """Echo energy in over energy out, on chunks with echo and no user."""
        echo = (self.chunks(self.echo) > 100.0) & self.model_only()
        mic = self.chunks(self.mic)[echo]
        sent = self.chunks(self.sent)[echo]
        return float(10 * np.log10(np.sum(mic**2) / max(np.sum(sent**2), 1e-9)))

    def user_delay_s(self, at_s: float) -> float | None:
        """From the user's first loud chunk at/after ``at_s`` to the first sent chunk >= 300."""
        user = self.chunks(self.user)
        sent = self.chunks(self.sent)
        start = int(at_s / 0.02)
        onset = next((i for i in range(start, len(user)) if user[i] >= SPEECH_RMS), None)
        if onset is None:
            return None
        first = next((i for i in range(onset, len(sent)) if sent[i] >= SPEECH_RMS), None)
        return None if first is None else (first - onset) * 0.02

    def user_passed_share(self, at_s: float, length_s: float) -> float:
        """Share of the user's loud chunks in the span that reach the server as speech."""
        span = slice(int(at_s / 0.02), int((at_s + length_s) / 0.02))
        loud = self.chunks(self.user)[span] >= SPEECH_RMS
        sent = self.chunks(self.sent)[span] >= SPEECH_RMS
        return int(np.sum(loud & sent)) / max(1, int(np.sum(loud)))

    def false_barge_in_share(self) -> float:
        """Share of model-only echo time with the local VAD on, from turns on while only the
        model spoke: its hangover after a real user (480 ms) is not a barge-in on echo."""
        return self._vad_share(only_echo_onsets=True)

    def vad_on_share(self) -> float:
        """Share of model-only echo time with the local VAD on, whatever turned it on."""
        return self._vad_share(only_echo_onsets=False)

    def _vad_share(self, *, only_echo_onsets: bool) -> float:
        model_only = self.model_only()[: len(self.speaking)]
        echo = (self.chunks(self.echo) > 100.0)[: len(self.speaking)]
        spoken = np.array(self.speaking, dtype=bool)
        if only_echo_onsets:
            by_echo = False
            for i, on in enumerate(self.speaking):
                if on and (i == 0 or not self.speaking[i - 1]):
                    by_echo = bool(model_only[i])  # a turn on: did the user cause it?
                spoken[i] = on and by_echo
        return int(np.sum(spoken & model_only & echo)) / max(1, int(np.sum(model_only & echo)))


def _room_ir(seed: int, decay_ms: float = 150.0) -> F64:
    rng = np.random.default_rng(seed)
    n = int(MIC_RATE * decay_ms / 1000 * 3)
    t = np.arange(n) / MIC_RATE
    ir = rng.standard_normal(n) * np.exp(-t / (decay_ms / 1000 / 6.9))
    ir[0] += 3.0
    out: F64 = ir / np.sqrt(np.sum(ir**2))
    return out


def _arrivals(reply: Reply) -> list[tuple[float, I16]]:
    """(time, 40 ms chunk) in bursts: ``burst_s`` of audio at ``burst_speed``, then a gap."""
    chunk = MODEL_RATE * 40 // 1000
    out: list[tuple[float, I16]] = []
    t = reply.at_s
    in_burst = 0.0
    for i in range(0, len(reply.pcm24k), chunk):
        out.append((t, reply.pcm24k[i : i + chunk]))
        t += 0.04 / reply.burst_speed
        in_burst += 0.04
        if in_burst >= reply.burst_s:
            in_burst = 0.0
            t += reply.gap_s
    return out


class _Device:
    """The output device: a queue the callback fills, drained at the device's rate."""

    def __init__(self, engine: AudioEngine, sc: Scenario) -> None:
        self.engine = engine
        self.sc = sc
        self.queue = np.zeros(0, dtype=np.int16)
        self.block = engine.output_block
        self.underflow = False
        self.underflows = 0

    def fill(self, now: float) -> None:
        if any(a <= now < a + length for a, length in self.sc.stalls):
            return
        target = int(self.sc.out_latency_s * OUT_RATE)
        while len(self.queue) < target:
            out = np.zeros((self.block, 1), dtype=np.int16)
            dac = now + len(self.queue) / OUT_RATE - self.sc.dac_bias_ms / 1000
            flags = sd.CallbackFlags(sd._lib.paOutputUnderflow if self.underflow else 0)
            info = SimpleNamespace(outputBufferDacTime=dac)
            self.engine._output_callback(out, self.block, info, flags)
            self.underflow = False
            self.queue = np.concatenate((self.queue, out[:, 0]))

    def play(self) -> I16:
        n = OUT_RATE // 100
        played = np.zeros(n, dtype=np.int16)
        take = min(n, len(self.queue))
        played[:take] = self.queue[:take]
        self.queue = self.queue[take:]
        if take < n:
            self.underflow = True
            self.underflows += 1
        return played


def replay(sc: Scenario) -> Replay:
    """Run ``sc`` through the real pipeline; deterministic for a given scenario."""
    rng = np.random.default_rng(sc.seed)
    loop = asyncio.new_event_loop()
    loop.close()  # nothing is posted to a loop: the replay reads the processor directly
    engine = AudioEngine(lambda _: None, loop, settings=sc.settings)
    # The simulated device stands in for the output stream: play() drops audio while the
    # engine has no speaker open (a missing speaker leaves the microphone working).
    engine._out_stream = SimpleNamespace()
    fake_now = [0.0]

    def now() -> float:
        fake_now[0] += 0.002  # each poll of the aligner's wait advances the clock
        return fake_now[0]

    processor = MicProcessor(
        MIC_RATE * 20 // 1000,
        engine._tap,
        echo_cancellation=sc.settings.echo_cancellation,
        vad=sc.settings.vad,
        wait=lambda _s: None,
        now=now,
    )
    device = _Device(engine, sc)
    ir = _room_ir(sc.seed) if sc.room else np.ones(1)
    gain = 10 ** (sc.gain_db / 20)
    steps = int(sc.duration_s / STEP)
    n16 = steps * 160
    played16 = np.zeros(n16 + MIC_RATE, dtype=np.float64)
    user = np.zeros(n16, dtype=np.float64)
    for at, samples in sc.user:
        i = int(at * MIC_RATE)
        user[i : i + len(samples)] = samples[: max(0, n16 - i)]
    echo = np.zeros(n16, dtype=np.float64)
    mic = np.zeros(n16, dtype=np.int16)
    sent = np.zeros(n16, dtype=np.int16)
    speaking: list[bool] = []
    arrivals = sorted(
        ((t, c, k) for k, r in enumerate(sc.replies) for t, c in _arrivals(r)),
        key=lambda a: a[0],
    )
    interrupts = sorted(
        (r.interrupt_at_s, k) for k, r in enumerate(sc.replies) if r.interrupt_at_s is not None
    )
    generations: dict[int, int] = {}
    interrupted: set[int] = set()
    next_arrival = 0
    block16 = 320
    for step in range(steps):
        t = step * STEP
        fake_now[0] = max(fake_now[0], t)
        while interrupts and interrupts[0][0] <= t:
            _, k = interrupts.pop(0)
            interrupted.add(k)
            engine.clear()
        while next_arrival < len(arrivals) and arrivals[next_arrival][0] <= t:
            _, chunk, k = arrivals[next_arrival]
            next_arrival += 1
            if k in interrupted:
                continue
            if k not in generations:
                generations[k] = engine.clear() if k else engine.generation
            engine.play(chunk.tobytes(), generations[k])
        device.fill(t)
        got = device.play().astype(np.float64).reshape(-1, 3).mean(axis=1)  # to 16 kHz
        played16[step * 160 : (step + 1) * 160] = got
        # the microphone's 10 ms
        path_ms = sc.path_ms
        if sc.path_change is not None and t >= sc.path_change[0]:
            path_ms = sc.path_change[1]
        lag = int(path_ms * MIC_RATE / 1000)
        lo, hi = step * 160, (step + 1) * 160
        src_lo = lo - lag - (len(ir) - 1)
        src = np.zeros(hi - lag - src_lo, dtype=np.float64)
        valid_lo = max(src_lo, 0)
        if hi - lag > valid_lo:
            src[valid_lo - src_lo :] = played16[valid_lo : hi - lag]
        # the 160 outputs of the room's convolution only (a full np.convolve per step made
        # a room replay take 10 s)
        wet = np.lib.stride_tricks.sliding_window_view(src, len(ir)) @ ir[::-1] * gain
        echo[lo:hi] = wet
        noise = rng.standard_normal(160) * sc.noise_rms
        mic[lo:hi] = np.clip(np.round(wet + user[lo:hi] + noise), -32768, 32767)
        # a 20 ms block is complete every second step
        if step % 2 == 1:
            b_lo = hi - block16
            adc = b_lo / MIC_RATE + float(rng.uniform(-0.006, 0.004))
            out = processor.process(mic[b_lo:hi].copy(), adc)
            sent[b_lo:hi] = out
            speaking.append(processor.speaking)
    return Replay(
        mic=mic,
        echo=echo,
        user=user,
        sent=sent,
        speaking=speaking,
        underflows=device.underflows,
        engine=engine,
        processor=processor,
    )


def scaled(samples: I16, rms: float) -> I16:
    """``samples`` scaled so that their voiced part (|x| above 2% of peak) has RMS ``rms``."""
    x = samples.astype(np.float64)
    voiced = x[np.abs(x) > 0.02 * np.max(np.abs(x))]
    out: I16 = np.clip(x * rms / np.sqrt(np.mean(voiced**2)), -32767, 32767).astype(np.int16)
    return out
