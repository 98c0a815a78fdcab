"""Frame resizing and JPEG encoding (blocking CPU work: run it off the Qt thread)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from desktop.video.errors import EncodeError
from desktop.video.privacy import MaskRegion, apply_mask
from desktop.video.source import Frame

DEFAULT_LONG_SIDE = 768
MAX_LONG_SIDE = 1024  # for paced sending; snapshots are sent at full resolution
DEFAULT_QUALITY = 80
SNAPSHOT_QUALITY = 90


def _check_frame(frame: npt.NDArray[Any]) -> Frame:
    if not isinstance(frame, np.ndarray) or frame.dtype != np.uint8:
        raise EncodeError("A frame must be a uint8 numpy array")
    if frame.ndim == 2:
        return np.asarray(cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR), dtype=np.uint8)
    if frame.ndim != 3 or frame.shape[2] not in (3, 4):
        raise EncodeError(f"A frame must be H x W x 3 (BGR), got shape {frame.shape}")
    if frame.shape[2] == 4:
        return np.asarray(cv2.cvtColor(frame, cv2.COLOR_BGRA2BGR), dtype=np.uint8)
    if frame.shape[0] == 0 or frame.shape[1] == 0:
        raise EncodeError("A frame must not be empty")
    return frame


def fit_size(width: int, height: int, max_w: int, max_h: int) -> tuple[int, int]:
    """The largest size within max_w x max_h keeping the aspect ratio, never upscaled."""
    if max_w <= 0 or max_h <= 0:
        raise ValueError("bounds must be positive")
    scale = min(1.0, max_w / width, max_h / height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def resize_long_side(frame: Frame, long_side: int) -> Frame:
    """Shrink so that the longer side is at most ``long_side`` (never enlarges)."""
    if long_side <= 0:
        raise ValueError("long_side must be positive")
    frame = _check_frame(frame)
    h, w = frame.shape[:2]
    new_w, new_h = fit_size(w, h, long_side, long_side)
    if (new_w, new_h) == (w, h):
        return frame
    # INTER_AREA: the right filter for shrinking (no aliasing on text and edges).
    return np.asarray(cv2.resize(frame, (new_w, new_h), interpolation=cv2.INTER_AREA))


def encode_jpeg(
    frame: Frame,
    long_side: int | None = DEFAULT_LONG_SIDE,
    quality: int = DEFAULT_QUALITY,
    *,
    mask: Iterable[MaskRegion] = (),
) -> bytes:
    """JPEG bytes of a BGR frame, shrunk to ``long_side`` first (None: full resolution),
    with the privacy ``mask`` regions blacked out."""
    if not 1 <= quality <= 100:
        raise ValueError("quality must be between 1 and 100")
    frame = _check_frame(frame)
    if long_side is not None:
        frame = resize_long_side(frame, long_side)
    # Masking after the shrink is cheaper and as safe: INTER_AREA output pixels only mix
    # source pixels they cover, and mask boxes are rounded outwards to whole pixels.
    frame = apply_mask(frame, mask)
    try:
        ok, buf = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, int(quality)])
    except cv2.error as exc:
        raise EncodeError(f"JPEG encoding failed: {exc}") from exc
    if not ok:
        raise EncodeError("JPEG encoding failed")
    return bytes(buf.tobytes())


def to_rgb_preview(
    frame: Frame, max_w: int, max_h: int, *, mask: Iterable[MaskRegion] = ()
) -> Frame:
    """A C-contiguous RGB copy that fits max_w x max_h (for QImage.Format_RGB888 in the ui),
    masked like the frames that are sent so the user sees what the model sees."""
    frame = _check_frame(frame)
    h, w = frame.shape[:2]
    new_w, new_h = fit_size(w, h, max_w, max_h)
    if (new_w, new_h) != (w, h):
        # The preview runs on the Qt thread at up to 30 fps: bilinear is 4-5x cheaper than
        # INTER_AREA at non-integer scales and looks the same down to half size; below that
        # it aliases, so AREA takes over.
        interp = cv2.INTER_LINEAR if new_w * 2 >= w else cv2.INTER_AREA
        frame = np.asarray(cv2.resize(frame, (new_w, new_h), interpolation=interp))
    rgb = np.ascontiguousarray(cv2.cvtColor(frame, cv2.COLOR_BGR2RGB), dtype=np.uint8)
    return apply_mask(rgb, mask)
