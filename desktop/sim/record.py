"""What the simulator remembers of the client's frames: counters, and a bounded record.

The simulator is the default backend and runs for hours; a list of every frame (20 ms of
microphone audio fifty times a second, camera JPEGs) would grow without end. It keeps:

- counters per kind (frames and bytes), for the whole run;
- the most recent control frames (setup, text, tool responses, client content, stream ends),
  which are small and rare, up to `control_limit`;
- the most recent media frames (audio, video), up to `media_limit` frames and `media_bytes`.

Tests read the frames in arrival order; benchmarks read the arrival times.
"""

from __future__ import annotations

import heapq
import itertools
from collections import Counter, deque
from dataclasses import dataclass
from typing import Any

MEDIA_KINDS = frozenset({"audio", "video", "media_chunks"})


@dataclass(frozen=True)
class Arrival:
    """When a client frame reached the server (monotonic clock), for benchmarks and tests."""

    time: float
    connection: int
    kind: str  # setup | audio | video | text | audio_stream_end | client_content | ...


@dataclass(frozen=True)
class _Entry:
    seq: int
    arrival: Arrival
    frame: dict[str, Any]
    size: int


class FrameRecord:
    def __init__(
        self,
        *,
        control_limit: int = 2000,
        media_limit: int = 1000,
        media_bytes: int = 16 * 2**20,
    ) -> None:
        self.counts: Counter[str] = Counter()  # frames per kind, whole run
        self.sizes: Counter[str] = Counter()  # bytes per kind, whole run
        self._seq = itertools.count()
        self._control: deque[_Entry] = deque(maxlen=control_limit)
        self._media: deque[_Entry] = deque()
        self._media_limit = media_limit
        self._media_bytes_limit = media_bytes
        self._media_bytes = 0

    def add(self, frame: dict[str, Any], arrival: Arrival, size: int) -> None:
        self.counts[arrival.kind] += 1
        self.sizes[arrival.kind] += size
        entry = _Entry(next(self._seq), arrival, frame, size)
        if arrival.kind not in MEDIA_KINDS:
            self._control.append(entry)
            return
        self._media.append(entry)
        self._media_bytes += size
        while self._media and (
            len(self._media) > self._media_limit or self._media_bytes > self._media_bytes_limit
        ):
            self._media_bytes -= self._media.popleft().size

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def kept(self) -> int:
        return len(self._control) + len(self._media)

    def _entries(self) -> list[_Entry]:
        return list(heapq.merge(self._control, self._media, key=lambda e: e.seq))

    def frames(self) -> list[dict[str, Any]]:
        """The frames still held, in arrival order."""
        return [e.frame for e in self._entries()]

    def arrivals(self) -> list[Arrival]:
        return [e.arrival for e in self._entries()]
