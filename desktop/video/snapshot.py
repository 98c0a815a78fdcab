"""Snapshots: one frame at full resolution, saved with a timestamp and sent once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from desktop.video.encode import SNAPSHOT_QUALITY, encode_jpeg
from desktop.video.errors import VideoError
from desktop.video.privacy import MaskRegion
from desktop.video.source import Frame


def snapshot(
    frame: Frame,
    folder: Path | str,
    *,
    mask: Iterable[MaskRegion] = (),
    when: dt.datetime | None = None,
    quality: int = SNAPSHOT_QUALITY,
) -> tuple[Path, bytes]:
    """Encode ``frame`` at full resolution (masked first), save it in ``folder`` as
    ``snapshot-YYYYmmdd-HHMMSS-mmm.jpg`` and return the path and the JPEG to send.

    Blocking (encode + file write): run it off the Qt thread. Never overwrites a file.
    """
    jpeg = encode_jpeg(frame, long_side=None, quality=quality, mask=mask)
    when = when or dt.datetime.now().astimezone()
    stamp = when.strftime("%Y%m%d-%H%M%S-") + f"{when.microsecond // 1000:03d}"
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = _write_new(folder, f"snapshot-{stamp}", jpeg)
    except OSError as exc:
        raise VideoError(f"Cannot save the snapshot in {folder}: {exc.strerror or exc}") from exc
    return path, jpeg


def _write_new(folder: Path, stem: str, data: bytes) -> Path:
    for n in range(1000):
        path = folder / (f"{stem}.jpg" if n == 0 else f"{stem}-{n}.jpg")
        try:
            with path.open("xb") as f:  # "x": two snapshots in one millisecond never collide
                f.write(data)
        except FileExistsError:
            continue
        return path
    raise FileExistsError(f"too many snapshots named {stem}")
