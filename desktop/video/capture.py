"""The capture worker: one thread that reads a source and keeps only its latest frame.

The app reads frames from the one-slot mailbox when it wants one (the preview at up to
30 fps, the sender at 0.5-2 fps), so a slow consumer never builds a queue: it just sees a
newer frame next time. State changes (running, ended, error, retrying, paused) go to a
callback the app provides; it is called on the worker thread, so it must be thread-safe
and quick (e.g. ``loop.call_soon_threadsafe``).
"""

from __future__ import annotations

import enum
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from desktop.video.errors import VideoSourceError
from desktop.video.source import (
    Frame,
    FrameSource,
    SourceKind,
    SourceSpec,
    open_source,
    parse_source,
)

log = logging.getLogger(__name__)

MAX_CAPTURE_FPS = 30.0  # the preview gains nothing above this and the CPU is shared with audio


class CaptureState(enum.Enum):
    IDLE = "idle"  # no source configured
    OPENING = "opening"
    RUNNING = "running"
    PAUSED = "paused"  # camera off: nothing captured, nothing sent
    ENDED = "ended"  # a file played to its end (not looping)
    ERROR = "error"  # followed by RETRYING
    RETRYING = "retrying"
    STOPPED = "stopped"


@dataclass(frozen=True)
class CaptureStatus:
    state: CaptureState
    source: str  # SourceSpec.describe(), safe to show (stream passwords are hidden)
    message: str = ""
    retry_in_s: float | None = None
    attempt: int = 0
    fps: float | None = None  # the rate frames are captured at, when running


@dataclass(frozen=True)
class Backoff:
    """Retry delays: initial, initial*factor, ... up to max_s."""

    initial_s: float = 0.5
    factor: float = 2.0
    max_s: float = 10.0

    def delay(self, attempt: int) -> float:
        """Delay before retry number ``attempt`` (1-based)."""
        return float(min(self.max_s, self.initial_s * self.factor ** max(0, attempt - 1)))


Opener = Callable[[SourceSpec, bool], FrameSource]
StatusCallback = Callable[[CaptureStatus], None]


def _default_opener(spec: SourceSpec, loop: bool) -> FrameSource:
    return open_source(spec, loop=loop)


class FrameMailbox:
    """A one-slot mailbox: ``put`` replaces, ``latest`` peeks.

    Sequence numbers tell a new frame from one already seen.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._seq = 0
        self._frame: Frame | None = None

    def put(self, frame: Frame) -> int:
        with self._cond:
            self._seq += 1
            self._frame = frame
            self._cond.notify_all()
            return self._seq

    def latest(self) -> tuple[int, Frame] | None:
        with self._cond:
            return None if self._frame is None else (self._seq, self._frame)

    def clear(self) -> None:
        with self._cond:
            self._frame = None

    def wait_newer(self, after_seq: int, timeout: float) -> tuple[int, Frame] | None:
        """Block until a frame newer than ``after_seq`` is there (or the timeout passes)."""
        with self._cond:
            self._cond.wait_for(
                lambda: self._frame is not None and self._seq > after_seq, timeout=timeout
            )
            if self._frame is None or self._seq <= after_seq:
                return None
            return self._seq, self._frame


class CaptureWorker:
    """Reads frames from a source on its own thread, at the source's rate (at most 30 fps).

    Frames put in the mailbox are never modified afterwards; consumers must not modify
    them either (``apply_mask`` and the encoders return new arrays).
    """

    def __init__(
        self,
        spec: SourceSpec | str,
        on_status: StatusCallback,
        *,
        loop: bool = False,
        max_fps: float = MAX_CAPTURE_FPS,
        backoff: Backoff | None = None,
        opener: Opener | None = None,
        name: str = "video-capture",
    ) -> None:
        self._spec = parse_source(spec) if isinstance(spec, str) else spec
        self._loop = loop
        self._on_status = on_status
        self._max_fps = min(max_fps, MAX_CAPTURE_FPS)
        self._backoff = backoff or Backoff()
        self._opener = opener or _default_opener
        self._name = name
        self._mailbox = FrameMailbox()
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._pending: tuple[SourceSpec, bool] | None = None
        self._paused = False
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._last_status: CaptureStatus | None = None
        self._frames = 0
        # Owned by the worker thread only:
        self._source: FrameSource | None = None
        self._attempt = 0
        self._ended = False
        self._next_due = 0.0

    # -- control (any thread) -------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("CaptureWorker.start() called twice")
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop capturing, close the source and join the thread (a blocked stream read may
        take up to its timeout to return)."""
        with self._lock:
            self._stopping = True
        self._wake.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("capture thread did not stop within %.1f s", timeout)

    def switch(self, spec: SourceSpec | str, *, loop: bool | None = None) -> None:
        """Change the source without stopping the worker (parse errors raise here)."""
        new = parse_source(spec) if isinstance(spec, str) else spec
        with self._lock:
            self._pending = (new, self._loop if loop is None else loop)
            self._mailbox.clear()  # the old source's frames are not shown or sent any more
        self._wake.set()

    @property
    def paused(self) -> bool:
        return self._paused

    @paused.setter
    def paused(self, value: bool) -> None:
        with self._lock:
            self._paused = bool(value)
            if value:
                self._mailbox.clear()  # nothing captured before the pause may be sent after it
        self._wake.set()

    @property
    def spec(self) -> SourceSpec:
        return self._spec

    @property
    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def status(self) -> CaptureStatus | None:
        return self._last_status

    @property
    def frames_captured(self) -> int:
        return self._frames

    # -- frames (any thread) --------------------------------------------------------------

    def latest(self) -> tuple[int, Frame] | None:
        """The newest frame and its sequence number, or None (paused, switched, none yet)."""
        return self._mailbox.latest()

    def wait_frame(self, after_seq: int = 0, timeout: float = 1.0) -> tuple[int, Frame] | None:
        """Block until a frame newer than ``after_seq`` arrives (None on timeout)."""
        return self._mailbox.wait_newer(after_seq, timeout)

    # -- the thread -----------------------------------------------------------------------

    def _report(self, status: CaptureStatus) -> None:
        if status == self._last_status:
            return
        self._last_status = status
        try:
            self._on_status(status)
        except Exception:
            log.exception("capture status callback failed")

    def _status(
        self,
        state: CaptureState,
        message: str = "",
        *,
        retry_in_s: float | None = None,
        attempt: int = 0,
        fps: float | None = None,
    ) -> CaptureStatus:
        return CaptureStatus(state, self._spec.describe(), message, retry_in_s, attempt, fps)

    def _sleep(self, seconds: float | None) -> None:
        """Sleep until the time passes or a control call wakes us."""
        if self._wake.wait(seconds):
            self._wake.clear()

    def _run(self) -> None:
        try:
            while self._step():
                pass
        except Exception:
            # Never let a library surprise kill the thread silently: the preview must say so.
            log.exception("capture thread crashed")
            self._report(self._status(CaptureState.ERROR, "Video capture failed"))
        finally:
            self._close_source()
            self._mailbox.clear()
            self._report(self._status(CaptureState.STOPPED))

    def _step(self) -> bool:
        """One turn of the thread's loop; False when it is time to stop."""
        with self._lock:
            stopping, paused, pending = self._stopping, self._paused, self._pending
            self._pending = None
        if stopping:
            return False
        if pending is not None:
            self._close_source()
            self._spec, self._loop = pending
            self._mailbox.clear()
            self._attempt, self._ended = 0, False
        if self._spec.kind is SourceKind.NONE:
            self._close_source()
            self._report(self._status(CaptureState.IDLE, "No video source"))
            self._sleep(None)
        elif paused:
            # Camera off means the device is released; a file just holds its place.
            if self._spec.live:
                self._close_source()
            self._report(self._status(CaptureState.PAUSED, "Camera paused"))
            self._sleep(None)
        elif self._ended:
            self._sleep(None)
        elif self._ensure_open():
            self._capture_one()
        return True

    def _ensure_open(self) -> bool:
        if self._source is None:
            self._report(self._status(CaptureState.OPENING, attempt=self._attempt))
            try:
                self._source = self._opener(self._spec, self._loop)
            except VideoSourceError as exc:
                self._fail(str(exc))
                return False
            except Exception as exc:  # a library error not translated at the source: retry
                log.exception("opening %s failed", self._spec.describe())
                self._fail(f"Cannot open {self._spec.describe()}: {exc}")
                return False
        if self._last_status is None or self._last_status.state is not CaptureState.RUNNING:
            # Newly opened, or back from a pause with the file still open.
            self._next_due = time.monotonic()
            self._report(self._status(CaptureState.RUNNING, fps=self._rate(self._source)))
        return True

    def _capture_one(self) -> None:
        source = self._source
        assert source is not None
        try:
            frame = source.read()
        except VideoSourceError as exc:
            self._close_source()
            self._fail(str(exc))
            return
        if frame is None:
            self._close_source()
            if self._spec.kind is SourceKind.FILE:
                self._ended = True
                self._report(self._status(CaptureState.ENDED, "End of video"))
            else:
                self._fail("The video stream stopped")
            return
        with self._lock:
            # Under the control lock: a frame read while a pause or switch was requested
            # must not land in the mailbox after they emptied it.
            if self._paused or self._pending is not None or self._stopping:
                return
            self._mailbox.put(frame)
        self._frames += 1
        self._attempt = 0
        self._next_due = self._pace(self._next_due, self._rate(source))

    def _close_source(self) -> None:
        source, self._source = self._source, None
        if source is not None:
            try:
                source.close()
            except Exception:
                log.exception("closing a video source failed")

    def _fail(self, message: str) -> None:
        self._attempt += 1
        attempt = self._attempt
        delay = self._backoff.delay(attempt)
        self._report(self._status(CaptureState.ERROR, message, attempt=attempt))
        self._report(
            self._status(CaptureState.RETRYING, message, retry_in_s=delay, attempt=attempt)
        )
        self._sleep(delay)

    def _rate(self, source: FrameSource) -> float:
        return min(source.fps, self._max_fps) if source.fps > 0 else self._max_fps

    def _pace(self, due: float, fps: float) -> float:
        """Wait for the next frame slot; a live source that already blocked in read() is
        usually past it. Falling far behind resets the schedule instead of bursting."""
        interval = 1.0 / fps
        due += interval
        now = time.monotonic()
        if due < now - interval:
            return now
        if due > now:
            self._sleep(due - now)
        return due


__all__ = [
    "MAX_CAPTURE_FPS",
    "Backoff",
    "CaptureState",
    "CaptureStatus",
    "CaptureWorker",
    "FrameMailbox",
]
