"""The screen region picker's side in the app: a picture of the desktop, and the source text
for the rectangle dragged over it ("screen:x,y,w,h" in desktop coordinates).

`desktop_shot` grabs through mss (X11, Windows, macOS) off the Qt thread; on Wayland the grab
sees only X programs, which the shot says (`wayland_note`) so the picker can warn. A desktop
portal (org.freedesktop.portal.ScreenCast) would need PipeWire frames in Python: see
docs/PACKAGING.md for what was checked.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from desktop.video.errors import VideoSourceError
from desktop.video.source import WAYLAND_NOTE, grab_desktop, on_wayland

MIN_REGION = 2  # screen:x,y,w,h refuses smaller regions


@dataclass(frozen=True, slots=True)
class DesktopShot:
    rgb: npt.NDArray[np.uint8]  # H x W x 3, RGB, the whole desktop
    left: int  # desktop coordinates of the picture's top-left pixel
    top: int
    wayland_note: str = ""  # non-empty: the picture may be black or partial


@dataclass(frozen=True, slots=True)
class ShotFailed:
    message: str


def desktop_shot() -> DesktopShot | ShotFailed:
    """Blocking (mss, X11): call it on a worker thread."""
    try:
        bgr, left, top = grab_desktop()
    except VideoSourceError as exc:
        return ShotFailed(str(exc))
    note = WAYLAND_NOTE if on_wayland() else ""
    return DesktopShot(np.ascontiguousarray(bgr[:, :, ::-1]), left, top, note)


def region_source(shot: DesktopShot, x: int, y: int, w: int, h: int) -> str | None:
    """The source text for a rectangle in picture pixels, clipped to the picture; None when
    what is left is too small to share."""
    height, width = shot.rgb.shape[:2]
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(width, x + w), min(height, y + h)
    if x1 - x0 < MIN_REGION or y1 - y0 < MIN_REGION:
        return None
    return f"screen:{shot.left + x0},{shot.top + y0},{x1 - x0},{y1 - y0}"
