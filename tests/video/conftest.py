"""Fixtures for the video tests: generated video files and an X display for screen capture."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest
from support.display import Display

VideoMaker = Callable[..., Path]

FOURCC = {".avi": "MJPG", ".mp4": "mp4v"}


def draw_frame(index: int, width: int, height: int) -> np.ndarray:
    """A moving pattern with the frame number drawn on it (natural-ish content for JPEG)."""
    y, x = np.mgrid[0:height, 0:width]
    base = ((x + 4 * index) % 256).astype(np.uint8)
    frame = np.dstack([base, ((y + 2 * index) % 256).astype(np.uint8), 255 - base])
    frame = np.ascontiguousarray(frame)
    cx = int((index * 7) % max(1, width - 40)) + 20
    cv2.circle(frame, (cx, height // 2), min(width, height) // 8, (255, 255, 255), -1)
    cv2.putText(
        frame, f"{index:04d}", (10, height - 10), cv2.FONT_HERSHEY_SIMPLEX, 1.0, (0, 0, 0), 2
    )
    return frame


@pytest.fixture
def make_video(tmp_path: Path) -> VideoMaker:
    """Write a video with OpenCV: make_video(frames=30, fps=30, size=(320, 240), ext=".avi")."""

    def make(
        frames: int = 30,
        fps: float = 30.0,
        size: tuple[int, int] = (320, 240),
        ext: str = ".avi",
        name: str = "clip",
    ) -> Path:
        path = tmp_path / f"{name}{ext}"
        width, height = size
        writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*FOURCC[ext]), fps, size)
        assert writer.isOpened(), f"cannot write {ext} here"
        try:
            for i in range(frames):
                writer.write(draw_frame(i, width, height))
        finally:
            writer.release()
        assert path.stat().st_size > 0
        return path

    return make


@pytest.fixture
def x_display(xvfb: Display, monkeypatch: pytest.MonkeyPatch) -> str:
    """The tests' private X display (support.display), set as $DISPLAY for this test only."""
    monkeypatch.setenv("DISPLAY", xvfb.name)
    return xvfb.name


@pytest.fixture
def pattern() -> Callable[..., np.ndarray]:
    """pattern(width, height, index=0): one generated BGR test frame."""

    def make(width: int, height: int, index: int = 0) -> np.ndarray:
        return draw_frame(index, width, height)

    return make


class StatusLog:
    """Records CaptureStatus reports from the worker thread; tests wait on them."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self.items: list[Any] = []
        self.times: list[float] = []

    def __call__(self, status: Any) -> None:
        with self._cond:
            self.items.append(status)
            self.times.append(time.monotonic())
            self._cond.notify_all()

    def states(self) -> list[str]:
        with self._cond:
            return [s.state.value for s in self.items]

    def wait_for(self, state: str, timeout: float = 10.0, *, after: int = 0) -> Any:
        """The first status with this state at position >= after; fails on timeout."""

        def find() -> Any:
            for s in self.items[after:]:
                if s.state.value == state:
                    return s
            return None

        with self._cond:
            found = self._cond.wait_for(find, timeout)
        assert found is not None, f"no {state!r} within {timeout} s; saw {self.states()}"
        return found

    def time_of(self, status: Any) -> float:
        with self._cond:
            return self.times[self.items.index(status)]


@pytest.fixture
def status_log() -> StatusLog:
    return StatusLog()
