"""Helpers for the packaging tests: where the frozen app is and how to start it cleanly."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[2]
APP_NAME = "FieldAssist"
# The smoke-test runner CI uses on every platform is the one these tests use.
_spec = importlib.util.spec_from_file_location(
    "smoke_frozen", REPO / "packaging" / "smoke_frozen.py"
)
assert _spec is not None and _spec.loader is not None
smoke_frozen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(smoke_frozen)
MISSING_PIECE: re.Pattern[str] = smoke_frozen.MISSING_PIECE
_LEAKY_ENV: tuple[str, ...] = smoke_frozen.LEAKY_ENV


@dataclass(frozen=True)
class FrozenApp:
    folder: Path  # the one-folder build
    executable: Path
    build_log: str  # PyInstaller's output ("" for a prebuilt app)

    def env(self, base: dict[str, str], home: Path) -> dict[str, str]:
        """`base` without anything pointing at a Python installation, with a private home."""
        env = {k: v for k, v in base.items() if k not in _LEAKY_ENV}
        env["FIELDASSIST_HOME"] = str(home)
        for name in ("GEMINI_API_KEY", "GOOGLE_API_KEY"):
            env.pop(name, None)  # the tests use the simulator, never the real service
        return env


def app_in(folder: Path) -> FrozenApp:
    executable = folder / APP_NAME
    if not executable.is_file():
        pytest.fail(f"no frozen app at {executable}")
    return FrozenApp(folder=folder, executable=executable, build_log="")


def wait_for_line(log_file: Path, text: str, proc: subprocess.Popen[bytes], timeout: float) -> None:
    """Until `text` is in the app's log; fails early when the app exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log_file.exists() and text in log_file.read_text(errors="replace"):
            return
        if proc.poll() is not None:
            tail = log_file.read_text(errors="replace")[-3000:] if log_file.exists() else ""
            raise AssertionError(f"the app exited with {proc.returncode} before {text!r}:\n{tail}")
        time.sleep(0.1)
    tail = log_file.read_text(errors="replace")[-3000:] if log_file.exists() else "(no log)"
    raise AssertionError(f"{text!r} not in the log after {timeout} s; log ends:\n{tail}")


def write_video(path: Path, frames: int = 60) -> Path:
    """A short MJPG AVI of a moving disc: a camera stand-in OpenCV's file reader accepts."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 15, (640, 480))
    for i in range(frames):
        img = np.full((480, 640, 3), (60, 50, 40), np.uint8)
        cv2.circle(img, (160 + 4 * i, 240), 50, (40, 160, 240), -1)
        writer.write(img)
    writer.release()
    return path


def loud_seconds(samples: np.ndarray, rate: int, threshold_dbfs: float = -45.0) -> float:
    """How long the signal is louder than the threshold, counted in 20 ms frames."""
    n = int(rate * 0.02)
    frames = samples[: len(samples) // n * n].astype(np.float64).reshape(-1, n) / 32768.0
    rms = np.sqrt(np.mean(frames**2, axis=1)) + 1e-12
    return float(np.sum(20 * np.log10(rms) > threshold_dbfs) * 0.02)
