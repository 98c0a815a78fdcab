"""Pacing arithmetic for video frames sent to the Live session (pure: no clock, no I/O).

Time arrives as arguments (monotonic seconds), so every rule here is testable from fake
timestamps. The Live API accepts video at about 1 fps and gains nothing above 2 fps, while
each frame costs uplink bandwidth that audio needs more: hence the hard cap below.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

MAX_SEND_FPS = 2.0  # hard cap whatever the settings say
DEFAULT_SEND_FPS = 1.0


class FramePacer:
    """Decides when the next video frame may be sent.

    A minimum interval of ``1 / max_fps`` between sent frames means that no window of any
    length ``w`` holds more than ``floor(w * max_fps) + 1`` frames, i.e. never more than the
    configured rate. ``ready`` only asks; ``mark_sent`` records, because the caller may
    decide not to send after all (no frame yet, uplink backed up).
    """

    def __init__(self, max_fps: float = DEFAULT_SEND_FPS, *, window_s: float = 5.0) -> None:
        if not window_s > 0:
            raise ValueError("window_s must be positive")
        self._window_s = window_s
        self._max_fps = _clamp_fps(max_fps)
        self._sent: deque[float] = deque()
        self._last: float | None = None

    @property
    def max_fps(self) -> float:
        """The rate in force (the configured one, capped at MAX_SEND_FPS)."""
        return self._max_fps

    @max_fps.setter
    def max_fps(self, value: float) -> None:
        self._max_fps = _clamp_fps(value)

    @property
    def interval_s(self) -> float:
        return 1.0 / self._max_fps

    def ready(self, now: float) -> bool:
        """True when a frame may be sent at ``now``."""
        if self._last is None:
            return True
        # A clock that goes backwards (a test, or a caller mixing clocks) never opens the gate.
        return now - self._last >= self.interval_s

    def next_due(self) -> float | None:
        """The earliest time the next frame may be sent (None: right away)."""
        return None if self._last is None else self._last + self.interval_s

    def mark_sent(self, now: float) -> None:
        """Record that a frame was sent at ``now``."""
        self._last = now if self._last is None else max(self._last, now)
        self._sent.append(now)
        self._forget(now)

    def effective_fps(self, now: float) -> float:
        """Frames actually sent per second over the last ``window_s`` seconds."""
        self._forget(now)
        count = sum(1 for t in self._sent if t <= now)
        return count / self._window_s

    def reset(self) -> None:
        """Forget history (a new session, or a switched source)."""
        self._sent.clear()
        self._last = None

    def _forget(self, now: float) -> None:
        horizon = now - self._window_s
        while self._sent and self._sent[0] <= horizon:
            self._sent.popleft()


def _clamp_fps(value: float) -> float:
    if math.isnan(value) or value <= 0:
        raise ValueError(f"frame rate must be positive, got {value!r}")
    return min(float(value), MAX_SEND_FPS)


@dataclass
class VideoDropPolicy:
    """Adaptive sending: drop video frames when the uplink backs up, so audio never waits.

    The caller passes the depth of its send queue (messages waiting for the socket, audio
    and video together). Video is the only thing this policy ever refuses: audio chunks are
    always queued. Hysteresis keeps the decision from flapping: once dropping starts it goes
    on until the queue has drained to ``resume_depth``.
    """

    max_depth: int = 4  # start dropping above this many queued messages
    resume_depth: int = 1  # send video again once the queue is this short
    dropping: bool = False
    dropped: int = 0
    admitted: int = 0

    def __post_init__(self) -> None:
        if self.max_depth < 0 or not 0 <= self.resume_depth <= self.max_depth:
            raise ValueError("need 0 <= resume_depth <= max_depth")

    def admit_video(self, queue_depth: int) -> bool:
        """True to send this video frame now, False to drop it (the next one is fresher)."""
        if self.dropping:
            if queue_depth <= self.resume_depth:
                self.dropping = False
        elif queue_depth > self.max_depth:
            self.dropping = True
        if self.dropping:
            self.dropped += 1
            return False
        self.admitted += 1
        return True
