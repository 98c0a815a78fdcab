"""Privacy masks and snapshots, checked on the decoded JPEG bytes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import cv2
import numpy as np
import pytest

from desktop.video.encode import encode_jpeg, to_rgb_preview
from desktop.video.errors import VideoError
from desktop.video.privacy import MaskRegion, apply_mask
from desktop.video.snapshot import snapshot


def decode(jpeg: bytes) -> np.ndarray:
    img = cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return img


def bright(width: int, height: int) -> np.ndarray:
    """A frame with bright, busy content everywhere (so black can only come from the mask)."""
    rng = np.random.default_rng(7)
    return rng.integers(128, 256, (height, width, 3), dtype=np.uint8)


REGION = MaskRegion(0.25, 0.5, 0.25, 0.25)


def test_mask_blacks_out_the_region_in_the_encoded_jpeg() -> None:
    frame = bright(1280, 720)
    img = decode(encode_jpeg(frame, mask=[REGION]))  # 768 x 432 after the shrink
    h, w = img.shape[:2]
    x0, y0, x1, y1 = round(0.25 * w), round(0.5 * h), round(0.5 * w), round(0.75 * h)
    inner = img[y0 + 4 : y1 - 4, x0 + 4 : x1 - 4]  # away from JPEG's block edges
    assert inner.max() <= 12
    outside = img[: y0 - 8, :]
    assert outside.mean() > 150
    assert frame.min() >= 128  # the captured frame is untouched (it is shared)


def test_mask_at_full_resolution_for_snapshots(tmp_path: Path) -> None:
    frame = bright(1920, 1080)
    path, jpeg = snapshot(frame, tmp_path, mask=[MaskRegion(0.0, 0.0, 0.5, 1.0)])
    assert path.read_bytes() == jpeg  # the saved file is masked too
    img = decode(jpeg)
    assert img.shape == (1080, 1920, 3)
    assert img[:, 8:952].max() <= 12
    assert img[:, 968:].mean() > 150


def test_mask_applies_to_the_preview_too() -> None:
    preview = to_rgb_preview(bright(1280, 720), 640, 360, mask=[REGION])
    assert preview[180:270, 160:320].max() == 0
    assert preview[:170].min() >= 100


def test_apply_mask_rounds_outwards_and_clips() -> None:
    frame = np.full((10, 10, 3), 255, np.uint8)
    out = apply_mask(frame, [MaskRegion(0.15, 0.15, 0.2, 0.2), MaskRegion(0.9, 0.9, 5.0, 5.0)])
    black = np.argwhere(out[:, :, 0] == 0)
    # 0.15..0.35 of 10 px covers pixels 1..3 (partly covered pixels included).
    assert {(int(y), int(x)) for y, x in black if y < 5} == {
        (y, x) for y in range(1, 4) for x in range(1, 4)
    }
    assert out[9, 9, 0] == 0  # the second region is clipped to the frame, not an error
    assert frame.min() == 255


def test_no_regions_returns_the_frame_itself() -> None:
    frame = np.zeros((4, 4, 3), np.uint8)
    assert apply_mask(frame, []) is frame


@pytest.mark.parametrize(("w", "h"), [(-0.1, 0.2), (float("nan"), 0.1)])
def test_bad_regions_are_refused(w: float, h: float) -> None:
    with pytest.raises(ValueError):
        MaskRegion(0.0, 0.0, w, h)


def test_snapshot_saves_full_resolution_quality_90_with_timestamp(tmp_path: Path, pattern) -> None:
    frame = pattern(1920, 1080, index=4)
    when = dt.datetime(2025, 3, 4, 5, 6, 7, 890123)
    path, jpeg = snapshot(frame, tmp_path / "session-1", when=when)
    assert path.name == "snapshot-20250304-050607-890.jpg"
    assert path.read_bytes() == jpeg  # what is saved is exactly what is sent
    img = decode(jpeg)
    assert img.shape == (1080, 1920, 3)
    # Quality 90: larger than the paced frame at 80, and close to the original.
    assert len(jpeg) > len(encode_jpeg(frame, long_side=None, quality=80))
    assert np.abs(img.astype(int) - frame.astype(int)).mean() < 3


def test_two_snapshots_in_the_same_millisecond_do_not_overwrite(tmp_path: Path, pattern) -> None:
    when = dt.datetime(2025, 1, 1, 12, 0, 0)
    folder = tmp_path / "shots"
    first, _ = snapshot(pattern(64, 48, 1), folder, when=when)
    second, _ = snapshot(pattern(64, 48, 2), folder, when=when)
    assert first != second
    assert sorted(p.name for p in folder.iterdir()) == [
        "snapshot-20250101-120000-000-1.jpg",
        "snapshot-20250101-120000-000.jpg",
    ]


def test_snapshot_into_an_unwritable_place_is_a_video_error(tmp_path: Path, pattern) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(VideoError, match="Cannot save the snapshot"):
        snapshot(pattern(64, 48), blocker / "sub")
