"""App-level figures: start-up, event-loop lag while a session runs, transcript update cost.

Run: .venv/bin/python bench/bench_app.py [--seconds 10]
Prints a table and one JSON line. Medians and ratios against a baseline measured in the same
run (an idle loop), since the machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def time_to_line(args: list[str], line: str, home: Path, limit_s: float = 30.0) -> float:
    """Seconds from process start to `line` in its log output, then stop it."""
    env = dict(os.environ, FIELDASSIST_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    try:
        for text in proc.stderr:
            if line in text:
                return time.perf_counter() - started
            if time.perf_counter() - started > limit_s:
                break
        raise RuntimeError(f"{line!r} never appeared")
    finally:
        proc.terminate()
        proc.wait(timeout=15)


def write_video(path: Path) -> Path:
    import cv2
    import numpy as np

    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 30, (1280, 720))
    rng = np.random.default_rng(1)
    base = rng.integers(0, 255, (720, 1280, 3), dtype=np.uint8)
    for i in range(90):
        writer.write(np.roll(base, i * 8, axis=1))
    writer.release()
    return path


async def sample_lag(seconds: float, period: float = 0.01) -> list[float]:
    """How late a 10 ms sleep wakes up, in ms."""
    loop = asyncio.get_running_loop()
    lags: list[float] = []
    end = loop.time() + seconds
    while loop.time() < end:
        before = loop.time()
        await asyncio.sleep(period)
        lags.append((loop.time() - before - period) * 1000)
    return lags


async def session_lag(seconds: float, video: Path) -> dict[str, Any]:
    from desktop.app import SessionDriver
    from desktop.infra.settings import Settings
    from desktop.session import events as ev
    from desktop.ui.controller import Controller
    from desktop.ui.main_window import MainWindow

    idle = await sample_lag(seconds / 2)
    window = MainWindow()
    holder: list[Controller] = []
    settings = Settings(
        backend="simulator", video_source=str(video), video_fps=2.0, input_device="none-here"
    )

    def on_ui(event: Any) -> None:
        holder[0].on_ui_event(event)  # the controller is built after its driver

    driver = SessionDriver(settings, None, on_ui)
    controller = Controller(window, driver)
    holder.append(controller)
    window.show()
    await driver.start()
    while driver.link_state.value != "open":  # noqa: ASYNC110 - polling a state the driver owns
        await asyncio.sleep(0.05)
    busy = await sample_lag(seconds)
    fps = driver.effective_video_fps()

    # Transcript pane: 5,000 turns appended, then the last one growing piece by piece.
    started = time.perf_counter()
    for i in range(5000):
        controller.on_ui_event(ev.TranscriptChanged(10_000 + i, "model", f"turn {i} " * 8, True))
    append_ms = (time.perf_counter() - started) * 1000 / 5000
    grow: list[float] = []
    for i in range(200):
        t0 = time.perf_counter()
        controller.on_ui_event(ev.TranscriptChanged(14_999, "model", "piece " * i, False))
        grow.append((time.perf_counter() - t0) * 1000)
    closing = time.perf_counter()  # mid-session, video running: close as a user would
    window.close()
    await controller.closed.wait()
    close_s = time.perf_counter() - closing
    return {
        "close_during_session_s": close_s,
        "idle_lag_p50_ms": statistics.median(idle),
        "idle_lag_p99_ms": percentile(idle, 0.99),
        "session_lag_p50_ms": statistics.median(busy),
        "session_lag_p99_ms": percentile(busy, 0.99),
        "video_sent_fps": fps,
        "transcript_append_ms": append_ms,
        "transcript_update_at_5000_ms": statistics.median(grow),
    }


def encode_ms() -> float:
    import numpy as np

    from desktop.video.encode import encode_jpeg

    frame = np.random.default_rng(2).integers(0, 255, (720, 1280, 3), dtype=np.uint8)
    times = []
    for _ in range(40):
        t0 = time.perf_counter()
        encode_jpeg(frame, 768, 80)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> None:
    if os.environ.get("BENCH_DEBUG"):
        import faulthandler

        faulthandler.dump_traceback_later(40, exit=True)
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    import qasync
    from PySide6.QtWidgets import QApplication

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        os.environ["FIELDASSIST_HOME"] = str(home / "inproc")
        shown = [
            time_to_line(["--smoke-test"], "Window shown", home / f"s{i}") for i in range(args.runs)
        ]
        opened = [
            time_to_line(
                ["--backend", "simulator", "--connect", "--video-source", "none"],
                "Link open: Connected",
                home / f"o{i}",
            )
            for i in range(args.runs)
        ]
        video = write_video(home / "noise720.avi")
        app = QApplication.instance() or QApplication([])
        assert isinstance(app, QApplication)
        app.setQuitOnLastWindowClosed(False)
        loop = qasync.QEventLoop(app)
        with loop:
            lag = loop.run_until_complete(session_lag(args.seconds, video))
    results: dict[str, Any] = {
        "window_shown_s": statistics.median(shown),
        "session_open_s": statistics.median(opened),
        "jpeg_720p_to_768_ms": encode_ms(),
        **lag,
    }
    results["lag_p99_ratio_vs_idle"] = results["session_lag_p99_ms"] / max(
        results["idle_lag_p99_ms"], 1e-6
    )
    targets = {
        "window_shown_s": "<= 1.5 s",
        "session_lag_p99_ms": "<= 10 ms",
        "jpeg_720p_to_768_ms": "<= 10 ms",
        "close_during_session_s": "< 1 s",
    }
    print(f"{'metric':34} {'value':>10}  target")
    for key, value in results.items():
        print(f"{key:34} {value:10.3f}  {targets.get(key, '')}")
    print(json.dumps({"bench": "app", **{k: round(v, 4) for k, v in results.items()}}))


if __name__ == "__main__":
    main()
