"""Test signals for driving the simulator (and the app) without a microphone.

A "speech-like" burst is a harmonic tone with a syllable-rate envelope: loud enough to
cross the simulator's energy threshold, shaped enough to be recognisable when echoed.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from desktop.sim.audio import IN_RATE, Int16Array


def speech_like(duration_s: float, level_dbfs: float = -20.0, rate: int = IN_RATE) -> Int16Array:
    n = int(duration_s * rate)
    t = np.arange(n, dtype=np.float64) / rate
    f0 = 140.0 + 30.0 * np.sin(2 * np.pi * 0.7 * t)  # a gliding voice pitch
    phase = 2 * np.pi * np.cumsum(f0) / rate
    wave = sum(np.sin(k * phase) / k for k in (1, 2, 3, 4))
    syllables = 0.55 + 0.45 * np.abs(np.sin(2 * np.pi * 2.5 * t))  # ~5 syllables per second
    wave = wave * syllables
    rms = float(np.sqrt(np.mean(wave**2))) or 1.0
    target = 32768.0 * 10 ** (level_dbfs / 20)
    return np.clip(wave * (target / rms), -32768, 32767).astype(np.int16)


def silence(duration_s: float, rate: int = IN_RATE) -> Int16Array:
    return np.zeros(int(duration_s * rate), dtype=np.int16)


def utterance(speech_s: float = 1.0, pause_s: float = 0.9, level_dbfs: float = -20.0) -> Int16Array:
    """Speech followed by enough silence for the simulator to end the utterance."""
    return np.concatenate([speech_like(speech_s, level_dbfs), silence(pause_s)])


def chunks(samples: Int16Array, chunk_ms: int = 20, rate: int = IN_RATE) -> Iterator[bytes]:
    """s16le blocks of `chunk_ms`, as a microphone callback would deliver them."""
    n = rate * chunk_ms // 1000
    for i in range(0, samples.size, n):
        yield samples[i : i + n].astype("<i2").tobytes()
