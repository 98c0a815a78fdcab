"""Source parsing, and opening/reading real files written by OpenCV in the test."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from desktop.video.errors import VideoSourceError
from desktop.video.source import SourceKind, SourceSpec, open_source, parse_source


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("none", SourceSpec(SourceKind.NONE, "none")),
        ("", SourceSpec(SourceKind.NONE, "none")),
        ("0", SourceSpec(SourceKind.CAMERA, "0", camera_index=0)),
        ("2", SourceSpec(SourceKind.CAMERA, "2", camera_index=2)),
        ("camera:1", SourceSpec(SourceKind.CAMERA, "camera:1", camera_index=1)),
        (
            "camera:HD Pro Webcam",
            SourceSpec(SourceKind.CAMERA, "camera:HD Pro Webcam", camera_name="HD Pro Webcam"),
        ),
        ("clip.mp4", SourceSpec(SourceKind.FILE, "clip.mp4", path=Path("clip.mp4"))),
        (
            "/data/seq_%04d.png",
            SourceSpec(SourceKind.FILE, "/data/seq_%04d.png", path=Path("/data/seq_%04d.png")),
        ),
        (
            "file:///tmp/a.avi",
            SourceSpec(SourceKind.FILE, "file:///tmp/a.avi", path=Path("/tmp/a.avi")),
        ),
        (
            "rtsp://10.0.0.5:554/stream",
            SourceSpec(
                SourceKind.URL, "rtsp://10.0.0.5:554/stream", url="rtsp://10.0.0.5:554/stream"
            ),
        ),
        (
            "https://cam.local/video.mjpg",
            SourceSpec(
                SourceKind.URL, "https://cam.local/video.mjpg", url="https://cam.local/video.mjpg"
            ),
        ),
        ("screen", SourceSpec(SourceKind.SCREEN, "screen", monitor=0)),
        ("screen:2", SourceSpec(SourceKind.SCREEN, "screen:2", monitor=2)),
        (
            "screen:10, 20, 640, 480",
            SourceSpec(SourceKind.SCREEN, "screen:10, 20, 640, 480", region=(10, 20, 640, 480)),
        ),
    ],
)
def test_parse_source(text: str, expected: SourceSpec) -> None:
    assert parse_source(text) == expected


def test_parse_expands_home() -> None:
    spec = parse_source("~/clip.mp4")
    assert spec.path == Path.home() / "clip.mp4"


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("camera:", "camera name"),
        ("ftp://host/x.mp4", "Unsupported stream"),
        ("screen:1,2,3", "screen:x,y,w,h"),
        ("screen:0,0,1,1", "too small"),
        ("screen:left", "screen:N"),
    ],
)
def test_parse_rejects_nonsense_with_a_readable_message(text: str, needle: str) -> None:
    with pytest.raises(VideoSourceError, match=needle):
        parse_source(text)


def test_describe_hides_stream_passwords() -> None:
    spec = parse_source("rtsp://admin:hunter2@10.0.0.5/live")
    assert "hunter2" not in spec.describe()
    assert spec.live
    assert not parse_source("a.mp4").live


@pytest.mark.parametrize("ext", [".avi", ".mp4"])
def test_file_reads_every_frame_then_ends(make_video, ext: str) -> None:
    path = make_video(frames=24, fps=12.0, size=(320, 240), ext=ext)
    source = open_source(str(path))
    try:
        assert source.fps == pytest.approx(12.0, abs=0.01)
        frames = []
        while (frame := source.read()) is not None:
            frames.append(frame)
            assert len(frames) <= 24
        assert len(frames) == 24
        assert frames[0].shape == (240, 320, 3)
        assert frames[0].dtype == np.uint8
        # Frames are fresh arrays (the mailbox relies on it), and they move.
        assert not np.shares_memory(frames[0], frames[1])
        assert np.abs(frames[0].astype(int) - frames[10].astype(int)).mean() > 5
        assert source.read() is None  # stays ended
    finally:
        source.close()
    assert source.read() is None  # closed


def test_file_loops_when_asked(make_video) -> None:
    path = make_video(frames=10, ext=".avi")
    source = open_source(path.as_posix(), loop=True)
    try:
        frames = [source.read() for _ in range(35)]
    finally:
        source.close()
    assert all(f is not None for f in frames)
    # After the rewind the picture is the first one again.
    assert frames[0] is not None and frames[10] is not None and frames[5] is not None
    assert np.abs(frames[0].astype(int) - frames[10].astype(int)).mean() < 2
    assert np.abs(frames[0].astype(int) - frames[5].astype(int)).mean() > 5


def test_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(VideoSourceError, match="not found") as info:
        open_source(str(tmp_path / "nope.mp4"))
    assert "nope.mp4" in str(info.value)


def test_unreadable_file_says_it_cannot_be_decoded(tmp_path: Path) -> None:
    bad = tmp_path / "garbage.mp4"
    bad.write_bytes(os.urandom(20000))
    with pytest.raises(VideoSourceError, match=r"Cannot decode garbage\.mp4"):
        open_source(str(bad))


def test_truncated_file_is_refused_or_ends_cleanly(make_video) -> None:
    path = make_video(frames=30, ext=".mp4")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])  # moov atom at the end is gone: undecodable
    with pytest.raises(VideoSourceError):
        open_source(str(path))


def test_directory_is_not_a_video(tmp_path: Path) -> None:
    with pytest.raises(VideoSourceError, match="Not a video file"):
        open_source(str(tmp_path))


def test_no_camera_on_this_machine_is_a_readable_error() -> None:
    # CI machines have no camera and no v4l2loopback; index 7 is absent on a desktop too.
    with pytest.raises(VideoSourceError, match="camera 7"):
        open_source("7")


def test_unknown_camera_name_lists_what_exists() -> None:
    with pytest.raises(VideoSourceError, match="No camera named “Borescope 3000”"):
        open_source("camera:Borescope 3000")


def test_none_cannot_be_opened() -> None:
    with pytest.raises(VideoSourceError, match="No video source"):
        open_source("none")


def test_image_sequence_reads(tmp_path: Path) -> None:
    import cv2

    for i in range(5):
        cv2.imwrite(str(tmp_path / f"seq_{i:04d}.png"), np.full((60, 80, 3), i * 40, np.uint8))
    source = open_source(str(tmp_path / "seq_%04d.png"))
    try:
        frames = []
        while (f := source.read()) is not None:
            frames.append(f)
    finally:
        source.close()
    assert len(frames) == 5
    assert int(frames[4][0, 0, 0]) == 160
