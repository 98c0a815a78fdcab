"""Privacy masks: rectangles blacked out before a frame is encoded or previewed."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from desktop.video.source import Frame


@dataclass(frozen=True)
class MaskRegion:
    """A rectangle in normalised frame coordinates (0..1 from the top-left corner), so a
    region the user dragged on the preview stays put whatever the frame's resolution."""

    x: float
    y: float
    w: float
    h: float

    def __post_init__(self) -> None:
        values = (self.x, self.y, self.w, self.h)
        if not all(math.isfinite(v) for v in values):
            raise ValueError("mask coordinates must be finite numbers")
        if self.w < 0 or self.h < 0:
            raise ValueError("mask width and height must not be negative")

    def pixels(self, width: int, height: int) -> tuple[int, int, int, int] | None:
        """(x0, y0, x1, y1) clipped to the frame, rounded outwards; None when empty."""
        x0 = max(0, math.floor(self.x * width))
        y0 = max(0, math.floor(self.y * height))
        x1 = min(width, math.ceil((self.x + self.w) * width))
        y1 = min(height, math.ceil((self.y + self.h) * height))
        if x1 <= x0 or y1 <= y0:
            return None
        return x0, y0, x1, y1


def apply_mask(frame: Frame, regions: Iterable[MaskRegion]) -> Frame:
    """A copy of ``frame`` with every region black (the frame itself is shared and untouched).

    Rounding outwards means a masked edge never leaks a one-pixel line of what it hides.
    """
    regions = tuple(regions)
    if not regions:
        return frame
    out = np.array(frame, dtype=np.uint8, copy=True)
    height, width = out.shape[:2]
    for region in regions:
        box = region.pixels(width, height)
        if box is not None:
            x0, y0, x1, y1 = box
            out[y0:y1, x0:x1] = 0
    return out
