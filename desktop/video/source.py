"""Video sources: camera (index or name), file, stream URL, screen.

``parse_source`` turns the user's text (``--video-source``, the settings dialog) into a
``SourceSpec`` without touching any device; ``open_source`` opens it. Everything OpenCV or
mss raises is translated here into ``VideoSourceError`` with a message a technician can act on.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import math
import os
import re
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import cv2
import numpy as np
import numpy.typing as npt

from desktop.video.errors import VideoSourceError

log = logging.getLogger(__name__)

Frame = npt.NDArray[np.uint8]  # H x W x 3, BGR

URL_SCHEMES = ("rtsp", "rtsps", "rtmp", "http", "https")
DEFAULT_FILE_FPS = 25.0  # when a container does not say
DEFAULT_SCREEN_FPS = 10.0  # screen grabs are polled; 10 fps is smooth enough for a preview
STREAM_TIMEOUT_S = 5.0  # a URL that stops answering fails a read after this long
# Cameras open at their driver's default mode, often 640x480; a snapshot is only as sharp as
# the mode asked for. Preview and sent frames are scaled down from it (encode.py).
MAX_CAMERA_SIZE = (1920, 1080)


class SourceKind(enum.Enum):
    NONE = "none"
    CAMERA = "camera"
    FILE = "file"
    URL = "url"
    SCREEN = "screen"


@dataclass(frozen=True)
class SourceSpec:
    """A parsed video source. Only the fields of its kind are set."""

    kind: SourceKind
    text: str  # what the user wrote, for messages
    camera_index: int | None = None
    camera_name: str | None = None
    path: Path | None = None
    url: str | None = None
    monitor: int | None = None  # mss numbering: 0 = all monitors together, 1.. = one monitor
    region: tuple[int, int, int, int] | None = None  # x, y, w, h in desktop pixels

    @property
    def live(self) -> bool:
        """A live source has its own clock; a file is paced by its frame rate."""
        return self.kind in (SourceKind.CAMERA, SourceKind.URL, SourceKind.SCREEN)

    def describe(self) -> str:
        """A short name for messages and the preview (stream passwords hidden)."""
        if self.kind is SourceKind.CAMERA:
            name = self.camera_index if self.camera_name is None else f"“{self.camera_name}”"
            return f"camera {name}"
        if self.kind is SourceKind.FILE:
            return f"file {self.path}"
        if self.kind is SourceKind.URL:
            return f"stream {_redact_url(self.url or '')}"
        if self.kind is SourceKind.SCREEN:
            if self.region is not None:
                x, y, w, h = self.region
                return f"screen region {w}x{h} at {x},{y}"
            return f"screen {self.monitor}" if self.monitor else "all screens"
        return "no video"


NONE_SPEC = SourceSpec(SourceKind.NONE, "none")

_REGION = re.compile(r"^\s*(-?\d+)\s*,\s*(-?\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*$")


def parse_source(spec: str) -> SourceSpec:
    """Parse a source text; raises VideoSourceError when it cannot mean anything.

    ``none`` (or empty) | ``0`` (camera index) | ``camera:NAME`` | ``camera:0`` | a file path
    (or ``file://...``) | ``rtsp://``/``http(s)://``... | ``screen`` | ``screen:N`` |
    ``screen:x,y,w,h``. No device or file is touched here.
    """
    text = spec.strip()
    lowered = text.lower()
    if lowered in ("", "none", "off"):
        return SourceSpec(SourceKind.NONE, text or "none")
    if text.isdigit():
        return SourceSpec(SourceKind.CAMERA, text, camera_index=int(text))
    if lowered.startswith("camera:"):
        return _parse_camera(text)
    if lowered == "screen" or lowered.startswith("screen:"):
        return _parse_screen(text)
    if "://" in text:
        return _parse_url(text)
    return SourceSpec(SourceKind.FILE, text, path=Path(text).expanduser())


def _parse_camera(text: str) -> SourceSpec:
    name = text[len("camera:") :].strip()
    if not name:
        raise VideoSourceError("“camera:” needs a camera name or number after the colon")
    if name.isdigit():
        return SourceSpec(SourceKind.CAMERA, text, camera_index=int(name))
    return SourceSpec(SourceKind.CAMERA, text, camera_name=name)


def _parse_url(text: str) -> SourceSpec:
    scheme = text.partition("://")[0].lower()
    if scheme == "file":
        return SourceSpec(SourceKind.FILE, text, path=Path(text[len("file://") :]))
    if scheme in URL_SCHEMES:
        return SourceSpec(SourceKind.URL, text, url=text)
    raise VideoSourceError(
        f"Unsupported stream address “{scheme}://…”: use one of "
        + ", ".join(f"{s}://" for s in URL_SCHEMES)
    )


def _parse_screen(text: str) -> SourceSpec:
    arg = text[len("screen") :].lstrip(":").strip()
    if not arg:
        return SourceSpec(SourceKind.SCREEN, text, monitor=0)
    if arg.isdigit():
        return SourceSpec(SourceKind.SCREEN, text, monitor=int(arg))
    m = _REGION.match(arg)
    if m is None:
        raise VideoSourceError(
            f"Cannot read screen source “{text}”: use screen, screen:N or screen:x,y,w,h"
        )
    x, y, w, h = (int(g) for g in m.groups())
    if w < 2 or h < 2:
        raise VideoSourceError(f"Screen region “{text}” is too small (at least 2x2 pixels)")
    return SourceSpec(SourceKind.SCREEN, text, region=(x, y, w, h))


def _redact_url(url: str) -> str:
    """Hide user:password@ in stream URLs before they reach a message or a log."""
    return re.sub(r"//[^/@]*@", "//***@", url)


# ---------------------------------------------------------------------------
# Cameras
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CameraInfo:
    index: int
    name: str


def list_cameras(max_probe: int = 4) -> list[CameraInfo]:
    """Cameras the system offers. Linux reads names from sysfs without opening devices;
    elsewhere the first ``max_probe`` indices are opened briefly (names are not available)."""
    sysfs = Path("/sys/class/video4linux")
    if sys.platform.startswith("linux"):
        found: list[CameraInfo] = []
        if sysfs.is_dir():
            for entry in sorted(sysfs.glob("video*")):
                idx = entry.name.removeprefix("video")
                if not idx.isdigit() or not _is_capture_node(entry):
                    continue
                try:
                    name = (entry / "name").read_text().strip()
                except OSError:
                    name = entry.name
                found.append(CameraInfo(int(idx), name))
        return found
    found = []
    for i in range(max_probe):
        cap = cv2.VideoCapture(i)
        try:
            if cap.isOpened():
                found.append(CameraInfo(i, f"Camera {i}"))
        finally:
            cap.release()
    return found


def _is_capture_node(entry: Path) -> bool:
    # UVC cameras expose a second node for metadata; its sysfs "index" is not 0.
    try:
        return (entry / "index").read_text().strip() in ("", "0")
    except OSError:
        return True


def resolve_camera(spec: SourceSpec) -> int:
    """The device index of a camera spec (names are looked up in ``list_cameras``)."""
    if spec.camera_index is not None:
        return spec.camera_index
    name = (spec.camera_name or "").casefold()
    cams = list_cameras()
    for cam in cams:
        if cam.name.casefold() == name:
            return cam.index
    for cam in cams:
        if name in cam.name.casefold():
            return cam.index
    available = ", ".join(c.name for c in cams) or "none found"
    raise VideoSourceError(f"No camera named “{spec.camera_name}” (available: {available})")


# ---------------------------------------------------------------------------
# Opened sources
# ---------------------------------------------------------------------------


class FrameSource(Protocol):
    """An opened source. ``read`` blocks for at most about one frame (or a stream timeout).

    ``read`` returns a fresh BGR array each time (callers may keep it), or None when the
    source has no more frames (a file at its end, a stream that stopped); it raises
    VideoSourceError when reading fails in a way worth reporting.
    """

    spec: SourceSpec

    @property
    def fps(self) -> float: ...

    def read(self) -> Frame | None: ...

    def close(self) -> None: ...


class CvSource:
    """Camera, file or URL through cv2.VideoCapture."""

    def __init__(self, spec: SourceSpec, cap: Any, fps: float, *, loop: bool = False) -> None:
        self.spec = spec
        self._cap = cap
        self._fps = fps
        self._loop = loop and spec.kind is SourceKind.FILE
        self._frames_read = 0
        self._lock = threading.Lock()  # close() may come from another thread than read()

    @property
    def fps(self) -> float:
        return self._fps

    @property
    def loop(self) -> bool:
        return self._loop

    def read(self) -> Frame | None:
        with self._lock:
            if self._cap is None:
                return None
            frame = self._read_once()
            if frame is None and self._loop and self._frames_read > 0:
                # Rewind rather than reopen: the file stays open and keeps its decoder.
                self._cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
                self._frames_read = 0
                frame = self._read_once()
            return frame

    def _read_once(self) -> Frame | None:
        try:
            ok, frame = self._cap.read()
        except cv2.error as exc:
            raise VideoSourceError(f"Reading {self.spec.describe()} failed: {exc}") from exc
        if not ok or frame is None:
            return None
        self._frames_read += 1
        return _as_bgr(frame)

    def close(self) -> None:
        with self._lock:
            if self._cap is not None:
                self._cap.release()
                self._cap = None


class ScreenSource:
    """The screen (all monitors, one monitor or a region) through mss.

    mss keeps per-thread X11 state, so it is created lazily in the thread that reads.
    """

    def __init__(self, spec: SourceSpec, fps: float = DEFAULT_SCREEN_FPS) -> None:
        self.spec = spec
        self._fps = fps
        self._local = threading.local()
        self._closed = False
        self._instances: list[Any] = []
        self._lock = threading.Lock()
        self._area: dict[str, int] | None = None

    @property
    def fps(self) -> float:
        return self._fps

    def probe(self) -> None:
        """Fail now (with a readable message) if the screen cannot be grabbed."""
        self._grabber()

    def _grabber(self) -> Any:
        sct = getattr(self._local, "sct", None)
        if sct is not None:
            return sct
        import mss  # late: only screen sharing needs it

        # mss 10.2 renamed the factory to the class (mss.mss now warns); 9.x has only mss.mss.
        factory = getattr(mss, "MSS", None) or mss.mss
        sct = None
        try:
            sct = factory()
            area = _screen_area(self.spec, sct.monitors)
        except mss.ScreenShotError as exc:
            _close_quietly(sct)
            raise VideoSourceError(f"Cannot capture the screen: {exc}") from exc
        except VideoSourceError:
            _close_quietly(sct)
            raise
        with self._lock:
            self._instances.append(sct)
            self._area = area
        self._local.sct = sct
        return sct

    def read(self) -> Frame | None:
        if self._closed:
            return None
        import mss

        sct = self._grabber()
        try:
            shot = sct.grab(self._area)
        except mss.ScreenShotError as exc:
            raise VideoSourceError(f"Screen capture failed: {exc}") from exc
        # BGRA -> BGR; the copy also detaches the frame from mss's buffer.
        return np.ascontiguousarray(np.asarray(shot, dtype=np.uint8)[:, :, :3])

    def close(self) -> None:
        self._closed = True
        with self._lock:
            instances, self._instances = self._instances, []
        for sct in instances:
            _close_quietly(sct)


WAYLAND_NOTE = (
    "This is a Wayland session: screen capture through X shows only other X programs' "
    'windows (often a black picture). Log in with an X11 session ("GNOME on Xorg") to '
    "share the screen, or point the camera at it."
)


def on_wayland(env: dict[str, str] | None = None) -> bool:
    """A Wayland session, where mss (X11) cannot see the desktop."""
    env = dict(os.environ) if env is None else env
    return env.get("XDG_SESSION_TYPE") == "wayland" or bool(env.get("WAYLAND_DISPLAY"))


def grab_desktop() -> tuple[Frame, int, int]:
    """One picture of the whole desktop (all monitors) and its top-left corner in desktop
    coordinates, for the region picker. Blocking: call it off the Qt thread."""
    source = ScreenSource(parse_source("screen"))
    try:
        sct = source._grabber()
        desk = sct.monitors[0]
        frame = source.read()
    except VideoSourceError as exc:
        if on_wayland():
            raise VideoSourceError(f"{exc}. {WAYLAND_NOTE}") from exc
        raise
    finally:
        source.close()
    if frame is None:
        raise VideoSourceError("Cannot capture the screen: no picture")
    return frame, int(desk["left"]), int(desk["top"])


def _close_quietly(sct: Any) -> None:
    # Closing a dead X connection may fail; there is nothing left to do about it.
    with contextlib.suppress(Exception):
        sct.close()


def _screen_area(spec: SourceSpec, monitors: Sequence[dict[str, Any]]) -> dict[str, int]:
    """The rectangle to grab, checked against the desktop (monitors[0] is all of it)."""
    if spec.region is not None:
        x, y, w, h = spec.region
        desk = monitors[0]
        inside = (
            x >= desk["left"]
            and y >= desk["top"]
            and x + w <= desk["left"] + desk["width"]
            and y + h <= desk["top"] + desk["height"]
        )
        if not inside:
            raise VideoSourceError(
                f"The {spec.describe()} is outside the desktop "
                f"({desk['width']}x{desk['height']} at {desk['left']},{desk['top']})"
            )
        return {"left": x, "top": y, "width": w, "height": h}
    index = spec.monitor or 0
    if index >= len(monitors):
        raise VideoSourceError(
            f"There is no screen {index} (this desktop has {len(monitors) - 1} screen(s))"
        )
    mon = monitors[index]
    return {k: int(mon[k]) for k in ("left", "top", "width", "height")}


def _as_bgr(frame: npt.NDArray[Any]) -> Frame:
    if frame.dtype != np.uint8:
        raise VideoSourceError(f"Unsupported pixel type {frame.dtype}")
    if frame.ndim == 2:
        return np.asarray(cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR), dtype=np.uint8)
    if frame.ndim == 3 and frame.shape[2] == 4:
        return np.asarray(cv2.cvtColor(frame, cv2.COLOR_BGRA2BGR), dtype=np.uint8)
    return frame


def open_source(
    spec: SourceSpec | str,
    *,
    loop: bool = False,
    stream_timeout_s: float = STREAM_TIMEOUT_S,
    max_camera_size: tuple[int, int] = MAX_CAMERA_SIZE,
) -> FrameSource:
    """Open a source (blocking: call it off the Qt thread). ``loop`` replays files forever;
    a stream URL that does not answer for ``stream_timeout_s`` fails to open or read; a
    camera is asked for its largest mode within ``max_camera_size``."""
    if isinstance(spec, str):
        spec = parse_source(spec)
    match spec.kind:
        case SourceKind.NONE:
            raise VideoSourceError("No video source is configured")
        case SourceKind.FILE:
            return _open_file(spec, loop=loop)
        case SourceKind.CAMERA:
            return _open_camera(spec, max_camera_size)
        case SourceKind.URL:
            return _open_url(spec, stream_timeout_s)
        case SourceKind.SCREEN:
            screen = ScreenSource(spec)
            screen.probe()
            return screen
    raise VideoSourceError(f"Unknown source {spec.text!r}")  # pragma: no cover


def _open_file(spec: SourceSpec, *, loop: bool) -> CvSource:
    path = spec.path
    assert path is not None
    sequence = "%" in path.name  # an image sequence such as seq_%04d.png
    if not sequence:
        if not path.exists():
            raise VideoSourceError(f"Video file not found: {path}")
        if not path.is_file():
            raise VideoSourceError(f"Not a video file: {path}")
        if not os.access(path, os.R_OK):
            raise VideoSourceError(f"No permission to read the video file {path}")
    cap = _capture(str(path), cv2.CAP_ANY, label=path.name)
    if not cap.isOpened():
        cap.release()
        raise VideoSourceError(f"Cannot decode {path.name}: not a video OpenCV can read")
    source = CvSource(spec, cap, _fps_of(cap, DEFAULT_FILE_FPS), loop=loop)
    # A file whose container opens but whose frames do not decode is as bad as a missing one.
    first = _probe_first_frame(cap)
    if not first:
        source.close()
        raise VideoSourceError(f"Cannot decode {path.name}: no readable video frames")
    return source


def _probe_first_frame(cap: Any) -> bool:
    ok = bool(cap.grab())
    cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
    return ok


def _open_camera(spec: SourceSpec, max_size: tuple[int, int] = MAX_CAMERA_SIZE) -> CvSource:
    index = resolve_camera(spec)
    backend = cv2.CAP_V4L2 if sys.platform.startswith("linux") else cv2.CAP_ANY
    cap = _capture(index, backend, label=spec.describe())
    if not cap.isOpened():
        cap.release()
        raise VideoSourceError(
            f"Cannot open {spec.describe()}: it is missing, unplugged or used by another program"
        )
    # Keep the driver's queue short: a stale buffered frame is worse than a dropped one.
    cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)
    width, height = request_largest_mode(cap, max_size)
    log.info("Camera %s: %dx%d", spec.describe(), width, height)
    return CvSource(spec, cap, _fps_of(cap, 30.0))


def request_largest_mode(cap: Any, max_size: tuple[int, int] = MAX_CAMERA_SIZE) -> tuple[int, int]:
    """Ask the camera for its largest mode within ``max_size``; return the mode it gave.

    Drivers (V4L2, Media Foundation, AVFoundation) answer a size request with their nearest
    supported mode, so asking for the cap itself gets the largest mode up to it. MJPG first:
    over USB 2 most cameras offer their large modes only compressed (raw 1080p does not fit
    the bus at a usable rate). A mode over the cap (a driver that rounds up) is asked down
    once more at the cap's height, keeping the camera's aspect.
    """
    width, height = max_size
    with contextlib.suppress(cv2.error):  # an unsupported property is a no, not a failure
        cap.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*"MJPG"))
    _ask_size(cap, width, height)
    got = _mode_of(cap)
    if got[0] > width or got[1] > height:
        scale = min(width / got[0], height / got[1])
        _ask_size(cap, int(got[0] * scale), int(got[1] * scale))
        got = _mode_of(cap)
    return got


def _ask_size(cap: Any, width: int, height: int) -> None:
    with contextlib.suppress(cv2.error):
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, width)
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, height)


def _mode_of(cap: Any) -> tuple[int, int]:
    return int(cap.get(cv2.CAP_PROP_FRAME_WIDTH) or 0), int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT) or 0)


def _open_url(spec: SourceSpec, timeout_s: float) -> CvSource:
    assert spec.url is not None
    timeout_ms = max(1, round(timeout_s * 1000))
    # Without them a server that stops answering can hold a read for much longer.
    params = [
        cv2.CAP_PROP_OPEN_TIMEOUT_MSEC,
        timeout_ms,
        cv2.CAP_PROP_READ_TIMEOUT_MSEC,
        timeout_ms,
    ]
    cap = _capture(spec.url, cv2.CAP_FFMPEG, label=spec.describe(), params=params)
    if not cap.isOpened():
        cap.release()
        raise VideoSourceError(f"Cannot open {spec.describe()}: no video stream answered")
    return CvSource(spec, cap, _fps_of(cap, DEFAULT_FILE_FPS))


def _capture(target: str | int, backend: int, *, label: str, params: Sequence[int] = ()) -> Any:
    try:
        if params:
            return cv2.VideoCapture(target, backend, list(params))
        return cv2.VideoCapture(target, backend)
    except cv2.error as exc:
        # The label, not the target: a stream URL may carry a password.
        raise VideoSourceError(f"Cannot open {label}: {exc}") from exc


def _fps_of(cap: Any, default: float) -> float:
    fps = float(cap.get(cv2.CAP_PROP_FPS) or 0.0)
    # Containers report 0, NaN or absurd values (1000 for some streams) when they do not know.
    if not math.isfinite(fps) or fps <= 0 or fps > 240:
        return default
    return fps
