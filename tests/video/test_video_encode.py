"""JPEG encoding, resize bounds and the preview conversion, on real frames."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from desktop.video.encode import encode_jpeg, fit_size, resize_long_side, to_rgb_preview
from desktop.video.errors import EncodeError


def decode(jpeg: bytes) -> np.ndarray:
    assert jpeg[:2] == b"\xff\xd8" and jpeg[-2:] == b"\xff\xd9"  # SOI ... EOI
    img = cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None, "not a decodable JPEG"
    return img


@pytest.mark.parametrize(
    ("size", "long_side", "expected"),
    [
        ((640, 480), 768, (640, 480)),  # never upscaled
        ((1280, 720), 768, (768, 432)),
        ((1920, 1080), 768, (768, 432)),
        ((1080, 1920), 768, (432, 768)),  # portrait phone video
        ((4000, 3000), 1024, (1024, 768)),
        ((768, 100), 768, (768, 100)),  # exactly at the bound
    ],
)
def test_encode_resizes_long_side_keeping_aspect(pattern, size, long_side, expected) -> None:
    frame = pattern(*size)
    img = decode(encode_jpeg(frame, long_side=long_side))
    assert (img.shape[1], img.shape[0]) == expected
    assert max(img.shape[:2]) <= long_side


def test_encoded_picture_resembles_the_frame(pattern) -> None:
    frame = pattern(1280, 720, index=3)
    img = decode(encode_jpeg(frame))
    small = cv2.resize(frame, (img.shape[1], img.shape[0]), interpolation=cv2.INTER_AREA)
    assert np.abs(img.astype(int) - small.astype(int)).mean() < 6


def test_size_bounds_for_generated_and_worst_case_content(pattern) -> None:
    natural = encode_jpeg(pattern(1280, 720))
    assert 5_000 < len(natural) < 120_000
    noise = np.random.default_rng(1).integers(0, 256, (720, 1280, 3), dtype=np.uint8)
    worst = encode_jpeg(noise)  # random pixels: JPEG's worst case
    assert len(worst) < 400_000
    assert len(worst) > len(natural)
    flat = encode_jpeg(np.zeros((720, 1280, 3), np.uint8))
    assert len(flat) < 10_000


def test_quality_trades_size(pattern) -> None:
    frame = pattern(1280, 720)
    sizes = [len(encode_jpeg(frame, quality=q)) for q in (30, 80, 95)]
    assert sizes[0] < sizes[1] < sizes[2]


def test_full_resolution_when_long_side_is_none(pattern) -> None:
    img = decode(encode_jpeg(pattern(1920, 1080), long_side=None, quality=90))
    assert img.shape == (1080, 1920, 3)


def test_gray_and_bgra_frames_are_accepted() -> None:
    assert decode(encode_jpeg(np.full((100, 200), 128, np.uint8))).shape == (100, 200, 3)
    assert decode(encode_jpeg(np.full((100, 200, 4), 128, np.uint8))).shape == (100, 200, 3)


@pytest.mark.parametrize(
    "bad",
    [
        np.zeros((10, 10, 3), np.float32),
        np.zeros((10, 10, 2), np.uint8),
        np.zeros((0, 10, 3), np.uint8),
    ],
)
def test_bad_frames_raise_encode_error(bad) -> None:
    with pytest.raises(EncodeError):
        encode_jpeg(bad)


def test_bad_quality_is_refused(pattern) -> None:
    with pytest.raises(ValueError):
        encode_jpeg(pattern(64, 48), quality=0)


def test_resize_returns_the_same_frame_when_small_enough(pattern) -> None:
    frame = pattern(320, 240)
    assert resize_long_side(frame, 768) is frame
    assert resize_long_side(frame, 160).shape == (120, 160, 3)


def test_fit_size() -> None:
    assert fit_size(1920, 1080, 640, 640) == (640, 360)
    assert fit_size(100, 50, 640, 480) == (100, 50)
    assert fit_size(1000, 1, 10, 10) == (10, 1)  # never zero


def test_preview_is_rgb_contiguous_and_fits(pattern) -> None:
    frame = pattern(1280, 720)
    frame[:, :] = (255, 0, 0)  # pure blue in BGR
    rgb = to_rgb_preview(frame, 640, 480)
    assert rgb.shape == (360, 640, 3)
    assert rgb.flags["C_CONTIGUOUS"]
    assert tuple(rgb[10, 10]) == (0, 0, 255)
    assert frame[0, 0, 0] == 255  # the source frame is untouched


def test_preview_never_upscales(pattern) -> None:
    assert to_rgb_preview(pattern(320, 240), 1280, 800).shape == (240, 320, 3)
