"""The playback ring buffer between the asyncio producer and the PortAudio output callback.

One preallocated int16 array, one lock, and a generation id. Barge-in clears the ring under
the lock and bumps the generation, so the very next output callback plays silence and any chunk
still in flight from the interrupted reply (tagged with the old generation) is dropped.
"""

from __future__ import annotations

import threading

import numpy as np
import numpy.typing as npt

Int16Array = npt.NDArray[np.int16]


class PlaybackRing:
    """Single-producer, single-consumer int16 ring; every method is thread-safe.

    Generations: chunks tagged with a generation older than the ring's are stale and dropped;
    a chunk tagged with a newer generation first clears what is buffered (older audio is stale
    by definition) and makes that generation current, so a producer that learned of a new turn
    before ``clear`` was called cannot get stuck.
    """

    def __init__(self, capacity: int) -> None:
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self._buf: Int16Array = np.zeros(capacity, dtype=np.int16)
        self._lock = threading.Lock()
        self._read = 0  # index of the oldest buffered sample
        self._count = 0  # samples buffered
        self._generation = 0
        self._overflow = 0  # samples dropped because the ring was full
        self._stale = 0  # samples dropped because their generation was old

    @property
    def capacity(self) -> int:
        return len(self._buf)

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def buffered(self) -> int:
        """Samples waiting to be played."""
        return self._count

    @property
    def overflow(self) -> int:
        """Samples dropped so far because they did not fit."""
        return self._overflow

    @property
    def stale(self) -> int:
        """Samples dropped so far because they belonged to an older generation."""
        return self._stale

    def write(self, samples: Int16Array, generation: int) -> int:
        """Append ``samples`` (1-D int16); returns how many were accepted.

        What does not fit is dropped (and counted): the producer must not block, and losing
        the tail of an over-long burst is better than stalling the event loop.
        """
        n = len(samples)
        with self._lock:
            if generation < self._generation:
                self._stale += n
                return 0
            if generation > self._generation:
                self._generation = generation
                self._read = 0
                self._count = 0
            size = len(self._buf)
            accepted = min(n, size - self._count)
            self._overflow += n - accepted
            start = (self._read + self._count) % size
            first = min(accepted, size - start)
            self._buf[start : start + first] = samples[:first]
            if accepted > first:
                self._buf[: accepted - first] = samples[first:accepted]
            self._count += accepted
            return accepted

    def read_into(self, out: Int16Array) -> int:
        """Fill ``out`` (1-D int16) with the oldest samples, zero-filling on underrun.

        Returns the number of real samples copied. Runs in the audio callback: copies into the
        caller's block, allocates no buffers.
        """
        want = len(out)
        with self._lock:
            n = min(want, self._count)
            size = len(self._buf)
            first = min(n, size - self._read)
            out[:first] = self._buf[self._read : self._read + first]
            if n > first:
                out[first:n] = self._buf[: n - first]
            self._read = (self._read + n) % size
            self._count -= n
        if n < want:
            out[n:] = 0
        return n

    def drop(self) -> int:
        """Drop everything buffered, keeping the generation; returns how many samples."""
        with self._lock:
            dropped = self._count
            self._read = 0
            self._count = 0
            return dropped

    def clear(self, generation: int | None = None) -> int:
        """Drop everything buffered and start a new generation; returns it.

        With ``generation`` the new generation is that value when it is newer than the current
        one (the session core numbers its own generations), otherwise current + 1.
        """
        with self._lock:
            self._read = 0
            self._count = 0
            if generation is not None and generation > self._generation:
                self._generation = generation
            else:
                self._generation += 1
            return self._generation
