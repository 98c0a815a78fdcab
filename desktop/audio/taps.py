"""Preallocated hand-offs from the PortAudio callbacks to the audio worker thread.

The callbacks only copy into these (no allocation of buffers, no locks held for long, no
logging); the worker thread reads behind them. Each is single-writer (one callback) and
single-reader (the worker), and counts monotonically so the reader can tell what is new.
"""

from __future__ import annotations

import threading

import numpy as np
import numpy.typing as npt

Int16Array = npt.NDArray[np.int16]


class BlockQueue:
    """Fixed-size slots of captured blocks, each with its capture times.

    When the worker falls behind by more than ``slots`` blocks the newest block is dropped and
    counted: the callback must never wait.
    """

    def __init__(self, block: int, slots: int) -> None:
        self.block = block
        self._data: Int16Array = np.zeros((slots, block), dtype=np.int16)
        self._adc = np.zeros(slots, dtype=np.float64)  # inputBufferAdcTime per block
        self._wall = np.zeros(slots, dtype=np.float64)  # time.perf_counter() in the callback
        self._written = 0
        self._read = 0
        self.dropped = 0
        self._ready = threading.Semaphore(0)

    def put(self, block: Int16Array, adc_time: float, wall: float) -> bool:
        """Copy ``block`` (callback side). False when it had to be dropped."""
        slots = len(self._data)
        if self._written - self._read >= slots:
            self.dropped += 1
            return False
        i = self._written % slots
        n = min(len(block), self.block)
        self._data[i, :n] = block[:n]
        if n < self.block:
            self._data[i, n:] = 0
        self._adc[i] = adc_time
        self._wall[i] = wall
        self._written += 1
        self._ready.release()
        return True

    def get(self, timeout: float) -> tuple[Int16Array, float, float] | None:
        """The oldest block (a copy), its ADC time and callback wall time; None on timeout."""
        if not self._ready.acquire(timeout=timeout):
            return None
        i = self._read % len(self._data)
        item = (self._data[i].copy(), float(self._adc[i]), float(self._wall[i]))
        self._read += 1
        return item

    def wake(self) -> None:
        """Let a waiting ``get`` return (used at shutdown)."""
        self._ready.release()

    @property
    def written(self) -> int:
        return self._written


class OutputTap:
    """A copy of every block the output callback handed to the device, with its DAC time.

    This is the echo canceller's far-end reference and the output level meter's input: what
    was really played (after clearing and ducking), not what the model sent.
    """

    def __init__(self, rate: int, seconds: float, block_slots: int = 256) -> None:
        self.rate = rate
        self._buf: Int16Array = np.zeros(int(rate * seconds), dtype=np.int16)
        self._block_start = np.zeros(block_slots, dtype=np.int64)
        self._block_dac = np.zeros(block_slots, dtype=np.float64)
        self._block_ok = np.zeros(block_slots, dtype=np.bool_)
        self._samples = 0  # total samples ever written
        self._blocks = 0  # total blocks ever written
        self.underflows = 0  # blocks written with the underflow flag

    def put(self, block: Int16Array, dac_time: float, underflow: bool) -> None:
        size = len(self._buf)
        n = len(block)
        start = self._samples % size
        first = min(n, size - start)
        self._buf[start : start + first] = block[:first]
        if n > first:
            self._buf[: n - first] = block[first:]
        j = self._blocks % len(self._block_start)
        self._block_start[j] = self._samples
        self._block_dac[j] = dac_time
        self._block_ok[j] = not underflow
        if underflow:
            self.underflows += 1
        self._samples += n
        self._blocks += 1

    @property
    def capacity(self) -> int:
        return len(self._buf)

    @property
    def samples_written(self) -> int:
        return self._samples

    @property
    def blocks_written(self) -> int:
        return self._blocks

    def read(self, start: int, count: int) -> Int16Array | None:
        """Samples ``start .. start+count`` (absolute indices); None if no longer held."""
        size = len(self._buf)
        if start < self._samples - size or start + count > self._samples:
            return None
        i = start % size
        first = min(count, size - i)
        if first == count:
            return self._buf[i : i + count].copy()
        return np.concatenate((self._buf[i:], self._buf[: count - first]))

    def recent_blocks(self, count: int) -> list[tuple[int, float, bool]]:
        """(start sample, DAC time, no underflow) of up to ``count`` latest blocks."""
        slots = len(self._block_start)
        n = min(count, self._blocks, slots)
        out = []
        for b in range(self._blocks - n, self._blocks):
            j = b % slots
            out.append(
                (int(self._block_start[j]), float(self._block_dac[j]), bool(self._block_ok[j]))
            )
        return out
