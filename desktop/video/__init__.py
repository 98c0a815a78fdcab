"""Video sources, the capture worker, encoding, snapshots and privacy masks.

May import ``desktop.session``, numpy, OpenCV and mss; nothing else of the app.
"""

from desktop.video.capture import (
    Backoff,
    CaptureState,
    CaptureStatus,
    CaptureWorker,
    FrameMailbox,
)
from desktop.video.encode import encode_jpeg, resize_long_side, to_rgb_preview
from desktop.video.errors import EncodeError, VideoError, VideoSourceError
from desktop.video.privacy import MaskRegion, apply_mask
from desktop.video.snapshot import snapshot
from desktop.video.source import (
    CameraInfo,
    Frame,
    FrameSource,
    SourceKind,
    SourceSpec,
    list_cameras,
    open_source,
    parse_source,
)

__all__ = [
    "Backoff",
    "CameraInfo",
    "CaptureState",
    "CaptureStatus",
    "CaptureWorker",
    "EncodeError",
    "Frame",
    "FrameMailbox",
    "FrameSource",
    "MaskRegion",
    "SourceKind",
    "SourceSpec",
    "VideoError",
    "VideoSourceError",
    "apply_mask",
    "encode_jpeg",
    "list_cameras",
    "open_source",
    "parse_source",
    "resize_long_side",
    "snapshot",
    "to_rgb_preview",
]
