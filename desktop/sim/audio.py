"""Signal helpers for the simulator: level measurement, utterance detection, resampling, tones.

Pure numpy and no I/O, so the detector can be reasoned about (and tested) apart from the socket.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

IN_RATE = 16000
OUT_RATE = 24000
FULL_SCALE = 32768.0
SILENCE_DBFS = -120.0

Int16Array = npt.NDArray[np.int16]


def pcm_to_array(pcm: bytes) -> Int16Array:
    usable = len(pcm) - (len(pcm) % 2)  # a stray odd byte cannot be a sample
    return np.frombuffer(pcm[:usable], dtype="<i2").astype(np.int16)


def rms_dbfs(samples: Int16Array) -> float:
    if samples.size == 0:
        return SILENCE_DBFS
    rms = float(np.sqrt(np.mean(np.square(samples.astype(np.float64)))))
    if rms <= 0.0:
        return SILENCE_DBFS
    return max(SILENCE_DBFS, 20.0 * math.log10(rms / FULL_SCALE))


def resample(samples: Int16Array, src_rate: int, dst_rate: int) -> Int16Array:
    """Linear-interpolation resampler: good enough for a voice echo, no extra dependency."""
    if samples.size == 0 or src_rate == dst_rate:
        return samples.copy()
    n_out = round(samples.size * dst_rate / src_rate)
    src_t = np.arange(samples.size, dtype=np.float64) / src_rate
    dst_t = np.arange(n_out, dtype=np.float64) / dst_rate
    out = np.interp(dst_t, src_t, samples.astype(np.float64))
    return np.clip(np.round(out), -32768, 32767).astype(np.int16)


def chirp(
    duration_s: float, rate: int = OUT_RATE, f0: float = 440.0, f1: float = 880.0
) -> Int16Array:
    """A short rising sweep at about -12 dBFS with soft edges (the reply to typed text)."""
    n = max(1, int(duration_s * rate))
    t = np.arange(n, dtype=np.float64) / rate
    phase = 2 * np.pi * (f0 * t + (f1 - f0) * t * t / (2 * duration_s))
    env = np.minimum(1.0, np.minimum(t, duration_s - t) / 0.02)  # 20 ms fades, no clicks
    return (np.sin(phase) * env * 0.25 * 32767).astype(np.int16)


@dataclass(frozen=True)
class Utterance:
    samples: Int16Array  # 16 kHz mono, voiced part plus a short tail
    level_dbfs: float  # of the voiced part
    voiced_s: float  # what the user actually spoke, without the tail

    @property
    def duration_s(self) -> float:
        return self.samples.size / IN_RATE


@dataclass
class UtteranceDetector:
    """Energy-based speech segmentation on 16 kHz audio.

    Speech starts on the first block louder than `threshold_dbfs`; it ends once
    `end_silence_s` of quieter audio has followed. Blocks are whatever the client sends
    (20-40 ms in practice), which is fine-grained enough for a simulator.
    """

    threshold_dbfs: float = -40.0
    end_silence_s: float = 0.6
    tail_s: float = 0.15  # keep a little of the decay so the echo does not sound clipped
    in_speech: bool = False
    _voiced: list[Int16Array] = field(default_factory=list)
    _trailing: list[Int16Array] = field(default_factory=list)
    _trailing_samples: int = 0

    def feed(self, samples: Int16Array) -> tuple[bool, Utterance | None]:
        """Returns (speech_started_now, finished_utterance_or_None)."""
        loud = rms_dbfs(samples) >= self.threshold_dbfs
        if not self.in_speech:
            if not loud:
                return False, None
            self.in_speech = True
            self._voiced = [samples]
            self._trailing, self._trailing_samples = [], 0
            return True, None
        if loud:
            self._voiced.extend(self._trailing)
            self._voiced.append(samples)
            self._trailing, self._trailing_samples = [], 0
            return False, None
        self._trailing.append(samples)
        self._trailing_samples += samples.size
        if self._trailing_samples >= self.end_silence_s * IN_RATE:
            return False, self.finish()
        return False, None

    def start(self) -> None:
        """Manual activity start (client-side VAD): capture regardless of energy."""
        self.in_speech = True
        self._voiced, self._trailing, self._trailing_samples = [], [], 0

    def feed_manual(self, samples: Int16Array) -> None:
        if self.in_speech:
            self._voiced.append(samples)

    def finish(self) -> Utterance | None:
        """End the current utterance now (silence timeout, audioStreamEnd, activityEnd)."""
        if not self.in_speech:
            return None
        self.in_speech = False
        voiced = np.concatenate(self._voiced) if self._voiced else np.zeros(0, np.int16)
        tail_n = int(self.tail_s * IN_RATE)
        tail = np.concatenate(self._trailing)[:tail_n] if self._trailing else np.zeros(0, np.int16)
        self._voiced, self._trailing, self._trailing_samples = [], [], 0
        if voiced.size == 0:
            return None
        return Utterance(
            samples=np.concatenate([voiced, tail]),
            level_dbfs=rms_dbfs(voiced),
            voiced_s=voiced.size / IN_RATE,
        )
