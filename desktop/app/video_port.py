"""The video port: the capture worker, privacy masks, pacing and encoding of sent frames.

The capture runs on its own thread with a one-slot mailbox; this port polls it, paces what
is sent (frames per second from the settings, read at every frame), encodes on a worker
thread and feeds `VideoFrame`s. Source, rate, size and quality apply at once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.app.messages import AppEvent, VideoStatus
from desktop.app.tasks import OwnedTasks
from desktop.infra.i18n_marks import QT_TRANSLATE_NOOP
from desktop.infra.settings import Settings
from desktop.session import events as ev
from desktop.session.pacing import FramePacer

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from desktop.video.capture import CaptureStatus, CaptureWorker
    from desktop.video.privacy import MaskRegion

    Picture = npt.NDArray[np.uint8]

log = logging.getLogger(__name__)

VIDEO_POLL_S = 0.05


class VideoPort:
    def __init__(
        self,
        settings: Settings,
        feed: Callable[[ev.Event], object],
        show: Callable[[AppEvent], None],
        tasks: OwnedTasks,
        may_send: Callable[[], bool],
    ) -> None:
        self.settings = settings
        self._feed = feed
        self._show = show
        self.tasks = tasks
        self._may_send = may_send  # the link is up
        self.pacer = FramePacer(settings.video_fps)
        self.masks: tuple[MaskRegion, ...] = ()
        self.worker: CaptureWorker | None = None
        self.status = VideoStatus("off")
        self.running = False

    # -- a session's start and end ------------------------------------------------------------

    def start(self) -> None:
        self.running = True
        self.tasks.spawn(self._start(), "video-pacer")

    async def _start(self) -> None:
        """OpenCV is imported off the loop after the connection's SDK (frames are sent once
        the link is up; the first connect is not slowed by this import), then the source
        opened."""
        from desktop.app.preload import LINK_MODULES, VIDEO_MODULES, imported

        await imported(*LINK_MODULES, *VIDEO_MODULES)
        if self.running and self.worker is None:
            self._open(self.settings.video_source)
        await self._send_loop()

    async def stop(self) -> None:
        self.running = False
        worker, self.worker = self.worker, None
        if worker is not None:
            await asyncio.to_thread(worker.stop)  # a stuck stream read can take seconds

    def _open(self, spec_text: str) -> None:
        from desktop.video.capture import CaptureWorker
        from desktop.video.errors import VideoSourceError
        from desktop.video.source import parse_source

        if spec_text.strip().lower() in ("", "none"):
            self._set_status(VideoStatus("off", "No video source"))
            return
        try:
            spec = parse_source(spec_text)
        except VideoSourceError as exc:
            self._problem(str(exc))
            return
        loop = asyncio.get_running_loop()

        def on_status(status: CaptureStatus) -> None:  # called on the capture thread
            loop.call_soon_threadsafe(self._on_capture_status, status)

        self.worker = CaptureWorker(spec, on_status=on_status, loop=True)
        self.worker.start()

    # -- settings and the user ----------------------------------------------------------------

    def apply(self, settings: Settings) -> None:
        """New settings: rate, size and quality are read at the next frame; a new source is
        switched to without touching the connection."""
        old, self.settings = self.settings, settings
        self.pacer.max_fps = settings.video_fps
        if settings.video_source != old.video_source:
            self.switch_source(settings.video_source)

    def switch_source(self, spec_text: str) -> None:
        from desktop.video.errors import VideoSourceError

        self.settings.video_source = spec_text
        if not self.running:
            return
        if self.worker is None:
            self._open(spec_text)
            return
        try:
            self.worker.switch(spec_text, loop=True)
        except VideoSourceError as exc:
            self._problem(str(exc))

    def set_camera(self, on: bool) -> None:
        if self.worker is not None:
            self.worker.paused = not on
        self._set_status(VideoStatus("running" if on else "paused"))

    def add_mask(self, x: float, y: float, width: float, height: float) -> None:
        from desktop.video.privacy import MaskRegion

        self.masks = (*self.masks, MaskRegion(x, y, width, height))

    def clear_masks(self) -> None:
        self.masks = ()

    # -- frames -------------------------------------------------------------------------------

    def latest(self) -> tuple[int, Picture] | None:
        return self.worker.latest() if self.worker is not None else None

    def preview(self, after_seq: int, max_w: int, max_h: int) -> tuple[int, Picture] | None:
        """The newest frame as RGB fitted to the preview, masks applied; None if not newer."""
        from desktop.video.encode import to_rgb_preview

        latest = self.latest()
        if latest is None or latest[0] == after_seq:
            return None
        seq, frame = latest
        return seq, to_rgb_preview(frame, max_w, max_h, mask=self.masks)

    async def take_snapshot(self, folder: Path) -> tuple[Path, bytes] | None:
        """Save the current frame at full resolution (0600): (path, JPEG), or None with a
        notice when there is no picture or it cannot be saved."""
        from desktop.infra import paths
        from desktop.video.errors import VideoError
        from desktop.video.snapshot import snapshot

        latest = self.latest()
        if latest is None or self.status.state == "paused":
            self._show(
                ev.Notice(
                    QT_TRANSLATE_NOOP("Notices", "No camera picture to take a snapshot of."),
                    ev.NoticeLevel.WARNING,
                )
            )
            return None
        frame, masks = latest[1], self.masks

        def save() -> tuple[Path, bytes]:
            path, jpeg = snapshot(frame, paths.private_dir(folder), mask=masks)
            paths.private_file(path)  # the picture is the technician's: 0600
            return path, jpeg

        try:
            return await asyncio.to_thread(save)
        except (VideoError, OSError) as exc:
            self._show(ev.Notice(f"Snapshot not saved: {exc}", ev.NoticeLevel.WARNING))
            return None

    async def _send_loop(self) -> None:
        from desktop.video.encode import encode_jpeg

        loop = asyncio.get_running_loop()
        last_seq = -1
        while True:
            # Wake when the pacer allows the next frame, not 20 times a second (at 1 fps:
            # once a second); a frame not ready yet is looked for again soon.
            due = self.pacer.next_due()
            await asyncio.sleep(max(VIDEO_POLL_S, due - loop.time() if due is not None else 0))
            latest = self.latest()
            if latest is None or latest[0] == last_seq or not self._may_send():
                continue
            now = loop.time()
            if not self.pacer.ready(now):
                continue
            self.pacer.mark_sent(now)
            last_seq, frame = latest
            s = self.settings
            jpeg = await asyncio.to_thread(
                encode_jpeg, frame, s.video_long_side, s.jpeg_quality, mask=self.masks
            )
            self._feed(ev.VideoFrame(jpeg))

    # -- status -------------------------------------------------------------------------------

    def _on_capture_status(self, status: CaptureStatus) -> None:
        self._set_status(VideoStatus(status.state.value, status.message))

    def _problem(self, text: str) -> None:
        self._set_status(VideoStatus("error", text))
        self._show(ev.Notice(text, ev.NoticeLevel.WARNING))

    def _set_status(self, status: VideoStatus) -> None:
        self.status = status
        self._show(status)


def video_source_choices() -> list[str]:
    """Sources to offer in the picker: each camera found (by index and name), the screen,
    and none. Probes devices: call it off the Qt thread."""
    from desktop.video.source import list_cameras

    cameras = [f"camera:{c.name}" if c.name else str(c.index) for c in list_cameras()]
    return [*cameras, "screen", "none"]


def check_video_source(text: str) -> str | None:
    """What is wrong with a video source as typed (None when it can be used): the video
    package's own parser decides; a file must also exist. Loads OpenCV: not at start-up."""
    from desktop.video.errors import VideoSourceError
    from desktop.video.source import SourceKind, parse_source

    if not text.strip():
        return "Enter a video source, or “none” for no video."
    try:
        spec = parse_source(text)
    except VideoSourceError as exc:
        return str(exc)
    if spec.kind is SourceKind.FILE and spec.path is not None and not spec.path.is_file():
        return f"No video file at {spec.path}."
    return None
