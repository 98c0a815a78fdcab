"""The microphone processing chain, run on the audio worker thread.

Phase 1: levels only; the echo canceller and VAD plug in here (MicProcessor.process).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from desktop.audio.taps import OutputTap

Int16Array = npt.NDArray[np.int16]


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


class MicProcessor:
    """Echo cancellation and voice activity on 10 ms frames (phase 2)."""

    def __init__(
        self, block: int, reference_rate: int, *, echo_cancellation: bool, vad: bool
    ) -> None:
        self.block = block
        self.reference_rate = reference_rate
        self.echo_cancellation = echo_cancellation
        self.vad = vad
        self.speaking = False

    def process(self, block: Int16Array, adc_time: float, tap: OutputTap) -> Int16Array:
        return block
