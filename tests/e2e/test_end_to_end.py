"""The program as a user runs it: a real window on Xvfb, virtual audio devices, a video file,
the built-in simulator. Speech goes into the virtual microphone; the spoken-back reply must come
out of the virtual speaker, and the transcript must be saved."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import cv2
import numpy as np
import pytest
from support.display import Display
from support.pulse import PulseServer, speech_wav

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
FRAME = 0.02  # seconds per analysis frame


def write_video(path: Path, frames: int = 90) -> Path:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 15, (640, 480))
    for i in range(frames):
        img = np.full((480, 640, 3), (40, 60, 80), np.uint8)
        cv2.circle(img, (200 + 3 * i, 220), 60, (0, 140, 255), -1)
        cv2.putText(
            img,
            f"PUMP P-4471 frame {i}",
            (40, 420),
            cv2.FONT_HERSHEY_SIMPLEX,
            1.0,
            (230, 230, 230),
            2,
        )
        writer.write(img)
    writer.release()
    return path


def active_seconds(samples: np.ndarray, rate: int, threshold_dbfs: float = -45.0) -> float:
    """How long the signal is louder than the threshold, in 20 ms frames."""
    n = int(rate * FRAME)
    frames = samples[: len(samples) // n * n].astype(np.float64).reshape(-1, n) / 32768.0
    rms = np.sqrt(np.mean(frames**2, axis=1)) + 1e-12
    return float(np.sum(20 * np.log10(rms) > threshold_dbfs) * FRAME)


def wait_for_line(log_file: Path, text: str, proc: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log_file.exists() and text in log_file.read_text(errors="replace"):
            return
        if proc.poll() is not None:
            raise AssertionError(f"the app exited with {proc.returncode} before {text!r}")
        time.sleep(0.1)
    raise AssertionError(f"{text!r} not in the log after {timeout} s")


@pytest.mark.slow
@pytest.mark.audio
@pytest.mark.display
def test_spoken_turn_through_the_real_program(
    xvfb: Display, pulse: PulseServer, tmp_path: Path
) -> None:
    video = write_video(tmp_path / "pump.avi")
    speech = speech_wav(
        tmp_path / "question.wav", "The pump is making a grinding noise. What should I check first?"
    )
    home = tmp_path / "home"
    env = xvfb.env() | {"PULSE_SERVER": pulse.server, "FIELDASSIST_HOME": str(home)}
    log_file = home / "logs" / "fieldassist.log"
    with (tmp_path / "stderr.txt").open("wb") as stderr:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "desktop",
                "--backend",
                "simulator",
                "--connect",
                "--video-source",
                str(video),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
        try:
            wait_for_line(log_file, "Link open: Connected", proc, timeout=30)
            with pulse.recorder(rate=24000) as recorder:
                spoken_at = time.monotonic()
                pulse.play(speech)
                said = active_seconds(*_wav(speech))
                deadline = time.monotonic() + said + 15
                heard = 0.0
                while time.monotonic() < deadline and heard < 0.7 * said:
                    time.sleep(0.25)
                    heard = active_seconds(recorder.recording.samples(), 24000)
                arrivals = recorder.recording.arrivals()
            ARTIFACTS.mkdir(exist_ok=True)
            shot = ARTIFACTS / "e2e-window.png"
            subprocess.run(
                ["import", "-display", xvfb.name, "-window", "root", str(shot)],
                check=False,
                timeout=20,
            )
            proc.send_signal(signal.SIGTERM)
            code = proc.wait(timeout=15)
            assert code == 0, (tmp_path / "stderr.txt").read_text(errors="replace")[-3000:]
        finally:
            if proc.poll() is None:
                proc.kill()
    # The user hears their own words back: about as much speech as they said.
    assert 0.7 * said <= heard <= 1.5 * said + 0.5, (said, heard)
    assert first_loud_arrival(arrivals) > spoken_at  # the reply came after the question
    log = log_file.read_text()
    assert "Closed cleanly" in log
    assert "Traceback" not in log
    with sqlite3.connect(home / "data" / "history.sqlite3") as db:
        texts = [row[0] for row in db.execute("SELECT text FROM turns ORDER BY idx")]
    assert any(t.startswith("I heard") and "video frames seen" in t for t in texts), texts


def first_loud_arrival(arrivals: list[tuple[float, np.ndarray]]) -> float:
    """When the first sample louder than -45 dBFS reached the recorder."""
    for arrived_at, samples in arrivals:
        if samples.size and np.max(np.abs(samples.astype(np.int32))) > 32768 * 10 ** (-45 / 20):
            return arrived_at
    raise AssertionError("nothing loud was heard")


def _wav(path: Path) -> tuple[np.ndarray, int]:
    from support.pulse import read_wav

    return read_wav(path)
