"""The window's video commands on the driver (a mixin of `SessionDriver`): each goes to the
video port; kept apart so the driver stays a short façade."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from desktop.app.messages import VideoStatus
from desktop.app.video_port import VideoPort, video_source_choices

if TYPE_CHECKING:
    from desktop.app.video_port import Picture
    from desktop.video.privacy import MaskRegion


class VideoControls:
    video: VideoPort  # set by the driver

    @property
    def video_status(self) -> VideoStatus:
        return self.video.status

    @property
    def masks(self) -> tuple[MaskRegion, ...]:
        return self.video.masks

    def set_camera(self, on: bool) -> None:
        self.video.set_camera(on)

    def switch_source(self, spec_text: str) -> None:
        """Change the video source mid-session, without reconnecting."""
        self.video.switch_source(spec_text)

    @staticmethod
    def video_source_choices() -> list[str]:
        return video_source_choices()

    def add_mask(self, x: float, y: float, width: float, height: float) -> None:
        """Black out a region (normalised to the picture) before anything is sent or shown."""
        self.video.add_mask(x, y, width, height)

    def clear_masks(self) -> None:
        self.video.clear_masks()

    def preview_frame(self, after_seq: int, max_w: int, max_h: int) -> tuple[int, Picture] | None:
        return self.video.preview(after_seq, max_w, max_h)

    def effective_video_fps(self) -> float:
        return self.video.pacer.effective_fps(asyncio.get_running_loop().time())
