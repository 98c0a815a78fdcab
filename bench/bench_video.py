"""Video path costs: grab + resize + encode per frame, preview conversion, loop lag.

Run: .venv/bin/python bench/bench_video.py [--frames N] [--lag-seconds S]
Prints a table, then one JSON line (the last line) for tracking.

- grab: decode one frame from a generated video file of that size (cv2 via open_source)
- resize+encode: encode_jpeg(frame, long_side=768, quality=80), as paced sending does
- preview: to_rgb_preview(frame, 960, 540) (numpy BGR -> RGB at preview size; the ui adds
  the QImage step)
- loop lag: timer lateness of a plain asyncio loop while a capture worker reads a 720p file
  at 30 fps, the loop converts previews at 30 Hz and a 2 fps sender encodes via to_thread
  (the Qt/qasync loop of the app is measured by the app's own bench)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.session.pacing import FramePacer
from desktop.video.capture import CaptureWorker
from desktop.video.encode import encode_jpeg, to_rgb_preview
from desktop.video.source import open_source

SIZES = [(640, 480), (1280, 720), (1920, 1080)]
PREVIEW = (960, 540)
TARGET_720P_ENCODE_MS = 10.0
TARGET_LAG_P99_MS = 10.0


def make_video(path: Path, size: tuple[int, int], frames: int, fps: float = 30.0) -> None:
    """A moving, textured pattern with a counter: closer to camera content than flat colour."""
    w, h = size
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"mp4v"), fps, size)
    rng = np.random.default_rng(3)
    texture = rng.integers(0, 40, (h, w, 3), dtype=np.uint8)
    y, x = np.mgrid[0:h, 0:w]
    for i in range(frames):
        base = ((x + 6 * i) % 256).astype(np.uint8)
        frame = np.dstack([base, ((y + 3 * i) % 256).astype(np.uint8), 255 - base]) + texture
        frame = np.ascontiguousarray(frame)
        cv2.circle(frame, ((i * 11) % w, h // 2), h // 6, (255, 255, 255), -1)
        cv2.putText(frame, f"{i:05d}", (20, h - 20), cv2.FONT_HERSHEY_SIMPLEX, 2, (0, 0, 0), 4)
        writer.write(frame)
    writer.release()


def ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def p99(samples: list[float]) -> float:
    s = sorted(samples)
    return s[min(len(s) - 1, int(len(s) * 0.99))] * 1000


def bench_sizes(folder: Path, frames: int) -> list[dict[str, float | int | str]]:
    rows: list[dict[str, float | int | str]] = []
    for size in SIZES:
        path = folder / f"bench_{size[0]}x{size[1]}.mp4"
        make_video(path, size, frames)
        source = open_source(str(path), loop=True)
        grab, enc, total, prev, nbytes = [], [], [], [], []
        try:
            for _ in range(frames):
                t0 = time.perf_counter()
                frame = source.read()
                t1 = time.perf_counter()
                assert frame is not None
                jpeg = encode_jpeg(frame, long_side=768, quality=80)
                t2 = time.perf_counter()
                to_rgb_preview(frame, *PREVIEW)
                t3 = time.perf_counter()
                grab.append(t1 - t0)
                enc.append(t2 - t1)
                total.append(t2 - t0)
                prev.append(t3 - t2)
                nbytes.append(len(jpeg))
        finally:
            source.close()
        rows.append(
            {
                "size": f"{size[0]}x{size[1]}",
                "grab_ms": round(ms(grab), 3),
                "resize_encode_ms": round(ms(enc), 3),
                "total_ms": round(ms(total), 3),
                "preview_rgb_ms": round(ms(prev), 3),
                "jpeg_kib": round(statistics.median(nbytes) / 1024, 1),
                "frames": frames,
            }
        )
    return rows


async def loop_lag(folder: Path, seconds: float) -> dict[str, float]:
    path = folder / "lag_720p.mp4"
    make_video(path, (1280, 720), 90)
    worker = CaptureWorker(str(path), lambda _status: None, loop=True)
    worker.start()
    pacer = FramePacer(2.0)
    lateness: list[float] = []
    sent = previews = 0
    loop = asyncio.get_running_loop()
    tick = 0.005

    async def preview() -> None:
        nonlocal previews
        while True:
            got = worker.latest()
            if got is not None:
                to_rgb_preview(got[1], *PREVIEW)  # on the loop thread, like the Qt paint path
                previews += 1
            await asyncio.sleep(1 / 30)

    async def sender() -> None:
        nonlocal sent
        while True:
            now = loop.time()
            got = worker.latest()
            if got is not None and pacer.ready(now):
                pacer.mark_sent(now)
                await asyncio.to_thread(encode_jpeg, got[1])
                sent += 1
            await asyncio.sleep(0.05)

    tasks = [asyncio.create_task(preview()), asyncio.create_task(sender())]
    try:
        end = loop.time() + seconds
        while loop.time() < end:
            t0 = loop.time()
            await asyncio.sleep(tick)
            lateness.append(loop.time() - t0 - tick)
    finally:
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        worker.stop()
    return {
        "lag_p50_ms": round(statistics.median(lateness) * 1000, 3),
        "lag_p99_ms": round(p99(lateness), 3),
        "preview_fps": round(previews / seconds, 1),
        "sent_fps": round(sent / seconds, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=120)
    parser.add_argument("--lag-seconds", type=float, default=5.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-video-") as tmp:
        folder = Path(tmp)
        rows = bench_sizes(folder, args.frames)
        lag = asyncio.run(loop_lag(folder, args.lag_seconds))

    head = f"{'size':>10} {'grab ms':>8} {'resize+enc ms':>14} {'total ms':>9} "
    head += f"{'preview ms':>11} {'JPEG KiB':>9}"
    print(head)
    for r in rows:
        print(
            f"{r['size']:>10} {r['grab_ms']:>8.2f} {r['resize_encode_ms']:>14.2f} "
            f"{r['total_ms']:>9.2f} {r['preview_rgb_ms']:>11.2f} {r['jpeg_kib']:>9.1f}"
        )
    print(
        f"medians over {args.frames} frames; preview box {PREVIEW[0]}x{PREVIEW[1]}; "
        "encode resizes to 768 px long side, quality 80"
    )
    print(
        f"asyncio loop lag while previewing 30 fps and sending 2 fps ({args.lag_seconds:.0f} s): "
        f"p50 {lag['lag_p50_ms']:.2f} ms, p99 {lag['lag_p99_ms']:.2f} ms "
        f"(preview {lag['preview_fps']} fps, sent {lag['sent_fps']} fps)"
    )
    enc720 = next(r for r in rows if r["size"] == "1280x720")["resize_encode_ms"]
    ok720 = float(enc720) <= TARGET_720P_ENCODE_MS
    print(
        f"target 1280x720 -> 768 encode <= {TARGET_720P_ENCODE_MS} ms median: "
        f"{'met' if ok720 else 'MISSED'} ({enc720} ms)"
    )
    result = {
        "bench": "video",
        "python": platform.python_version(),
        "opencv": cv2.__version__,
        "sizes": rows,
        "loop": lag,
        "targets": {
            "encode_720p_ms": TARGET_720P_ENCODE_MS,
            "encode_720p_met": ok720,
            "lag_p99_ms": TARGET_LAG_P99_MS,
            "lag_p99_met": lag["lag_p99_ms"] <= TARGET_LAG_P99_MS,
        },
    }
    print(json.dumps(result, separators=(",", ":")))


if __name__ == "__main__":
    main()
