"""Screen capture through mss on a real X server (Xvfb)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import cv2
import numpy as np
import pytest

from desktop.video.capture import CaptureWorker
from desktop.video.errors import VideoSourceError
from desktop.video.source import open_source

pytestmark = pytest.mark.display

RED = (0, 0, 255)  # BGR
GREEN = (0, 255, 0)


@pytest.fixture
def painted(x_display: str, tmp_path: Path) -> str:
    """Paint a known picture on the root window: red box at (200,100) 400x200, green elsewhere."""
    img = np.zeros((800, 1280, 3), np.uint8)
    img[100:300, 200:600] = RED
    img[500:700, 700:1200] = GREEN
    png = tmp_path / "root.png"
    cv2.imwrite(str(png), img)
    # ImageMagick's display sets the root window's picture and exits (its status is 1 even
    # when it worked, so the pixels are what the tests check).
    subprocess.run(
        ["display", "-display", x_display, "-window", "root", str(png)],
        check=False,
        timeout=20,
        capture_output=True,
    )
    return x_display


def read_one(spec: str) -> np.ndarray:
    source = open_source(spec)
    try:
        frame = source.read()
    finally:
        source.close()
    assert frame is not None
    return frame


def test_whole_screen_is_captured_in_bgr(painted: str) -> None:
    frame = read_one("screen")
    assert frame.shape == (800, 1280, 3)
    assert frame.flags["C_CONTIGUOUS"]
    assert tuple(int(v) for v in frame[200, 400]) == RED
    assert tuple(int(v) for v in frame[600, 900]) == GREEN
    assert tuple(int(v) for v in frame[10, 10]) == (0, 0, 0)


def test_one_monitor(painted: str) -> None:
    frame = read_one("screen:1")
    assert frame.shape == (800, 1280, 3)
    assert tuple(int(v) for v in frame[200, 400]) == RED


def test_region_is_exactly_the_rectangle(painted: str) -> None:
    frame = read_one("screen:200,100,400,200")
    assert frame.shape == (200, 400, 3)
    assert (frame == np.array(RED, np.uint8)).all()


def test_region_outside_the_desktop_is_refused(painted: str) -> None:
    with pytest.raises(VideoSourceError, match="outside the desktop"):
        open_source("screen:1200,700,200,200")


def test_missing_monitor_is_refused(painted: str) -> None:
    with pytest.raises(VideoSourceError, match="no screen 5"):
        open_source("screen:5")


def test_no_display_is_a_readable_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    with pytest.raises(VideoSourceError, match="screen"):
        open_source("screen")


def test_worker_captures_the_screen_and_switches_from_a_file(
    painted: str, make_video, status_log
) -> None:
    path = make_video(frames=300, fps=30.0, size=(320, 240))
    worker = CaptureWorker(str(path), status_log)
    worker.start()
    try:
        got = worker.wait_frame(0, timeout=5)
        assert got is not None and got[1].shape == (240, 320, 3)
        mark = len(status_log.items)
        worker.switch("screen:200,100,400,200")
        running = status_log.wait_for("running", after=mark)
        assert running.fps == 10.0  # screens are polled at a preview-friendly rate
        seq = got[0]
        for _ in range(3):
            got = worker.wait_frame(seq, timeout=5)
            assert got is not None
            seq, frame = got
            assert frame.shape == (200, 400, 3)
            assert tuple(int(v) for v in frame[50, 50]) == RED
    finally:
        worker.stop()
    assert status_log.states()[-1] == "stopped"
