"""The camera is asked for its largest mode up to 1920x1080, so a snapshot is full-resolution;
what is sent and previewed is scaled down from it.

CI machines have no camera (and no v4l2loopback), so the drivers' answer to a size request is
modelled: V4L2, Media Foundation and AVFoundation pick the supported mode nearest to what was
asked (a few round up). The same function runs against a real OpenCV capture of a file, whose
size cannot be changed, and must leave it alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest

from desktop.video.encode import encode_jpeg, resize_long_side
from desktop.video.source import MAX_CAMERA_SIZE, open_source, request_largest_mode

HD = (1280, 720)
FULL_HD = (1920, 1080)
UHD = (3840, 2160)


class Driver:
    """A camera driver's size negotiation: the nearest supported mode, or the smallest mode
    at least as large (`round_up`), per request."""

    def __init__(self, modes: list[tuple[int, int]], *, round_up: bool = False) -> None:
        self.modes = modes
        self.round_up = round_up
        self.mode = modes[0]
        self.asked_w = self.mode[0]
        self.fourcc: float | None = None
        self.requests: list[tuple[int, int]] = []

    def set(self, prop: int, value: float) -> bool:
        if prop == cv2.CAP_PROP_FOURCC:
            self.fourcc = value
        elif prop == cv2.CAP_PROP_FRAME_WIDTH:
            self.asked_w = int(value)
        elif prop == cv2.CAP_PROP_FRAME_HEIGHT:
            self.requests.append((self.asked_w, int(value)))
            self.mode = self._pick(self.asked_w, int(value))
        return True

    def get(self, prop: int) -> float:
        return float(
            {cv2.CAP_PROP_FRAME_WIDTH: self.mode[0], cv2.CAP_PROP_FRAME_HEIGHT: self.mode[1]}[prop]
        )

    def _pick(self, w: int, h: int) -> tuple[int, int]:
        if self.round_up:
            bigger = [m for m in self.modes if m[0] >= w and m[1] >= h]
            return min(bigger, key=lambda m: m[0] * m[1]) if bigger else max(self.modes)
        return min(self.modes, key=lambda m: abs(m[0] - w) + abs(m[1] - h))


@pytest.mark.parametrize(
    ("modes", "expected"),
    [
        ([(640, 480), HD, FULL_HD, UHD], FULL_HD),  # a 4K camera stops at the cap
        ([(640, 480), (800, 600), HD], HD),  # an HD camera gives its best
        ([(640, 480)], (640, 480)),
    ],
)
def test_the_largest_mode_within_the_cap(
    modes: list[tuple[int, int]], expected: tuple[int, int]
) -> None:
    driver = Driver(modes)
    assert request_largest_mode(driver) == expected
    assert driver.mode == expected
    assert driver.fourcc == cv2.VideoWriter.fourcc(*"MJPG")  # large modes over USB 2
    assert MAX_CAMERA_SIZE == FULL_HD


def test_a_driver_that_rounds_up_is_asked_down_again() -> None:
    driver = Driver([(640, 480), (2048, 1536), (2592, 1944)], round_up=True)
    driver.modes.insert(1, (1440, 1080))
    assert request_largest_mode(driver) == (1440, 1080)
    assert driver.requests == [FULL_HD, (1440, 1080)]


def test_a_smaller_cap_is_honoured() -> None:
    driver = Driver([(640, 480), HD, FULL_HD])
    assert request_largest_mode(driver, HD) == HD


def test_a_file_capture_keeps_its_size(make_video: Any) -> None:
    path: Path = make_video(frames=3, size=(320, 240))
    cap = cv2.VideoCapture(str(path))
    try:
        assert request_largest_mode(cap) == (320, 240)
        ok, frame = cap.read()
        assert ok and frame.shape[:2] == (240, 320)
    finally:
        cap.release()


def test_full_resolution_frames_are_sent_and_previewed_smaller(make_video: Any) -> None:
    source = open_source(str(make_video(frames=2, size=FULL_HD)))
    try:
        frame = source.read()
    finally:
        source.close()
    assert frame is not None and frame.shape[:2] == (1080, 1920)  # what a snapshot keeps
    sent = cv2.imdecode(
        np.frombuffer(encode_jpeg(frame, long_side=768), np.uint8), cv2.IMREAD_COLOR
    )
    assert sent.shape[:2] == (432, 768)
    snapshot = cv2.imdecode(
        np.frombuffer(encode_jpeg(frame, long_side=None), np.uint8), cv2.IMREAD_COLOR
    )
    assert snapshot.shape[:2] == (1080, 1920)
    assert resize_long_side(frame, 640).shape[:2] == (360, 640)
