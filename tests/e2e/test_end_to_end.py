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
            wait_for_line(log_file, "Audio open", proc, timeout=30)  # opens beside the connect
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
                proc.wait(10)
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


FAKE_KEY = "AIza" + "SyFAKE-0123456789abcdefghijklmnopqrs"  # key-shaped, not a key


@pytest.mark.slow
@pytest.mark.display
def test_kill_minus_nine_keeps_every_turn_and_the_key_never_reaches_the_log(
    xvfb: Display, tmp_path: Path
) -> None:
    """The real program on a gateway endpoint (the simulator started alone), with an API key in
    the environment: typed turns are saved as they happen, SIGKILL loses none of them, and
    neither the log nor stderr ever shows the key."""
    home = tmp_path / "home"
    sim_out = tmp_path / "sim.txt"
    with sim_out.open("w") as sim_log:
        sim = subprocess.Popen(
            [sys.executable, "-m", "desktop.sim", "--port", "0"],
            stdout=sim_log,
            stderr=subprocess.STDOUT,
        )
    try:
        endpoint, ca_file = _sim_address(sim_out, sim)
        env = xvfb.env() | {"FIELDASSIST_HOME": str(home), "GEMINI_API_KEY": FAKE_KEY}
        env.pop("PULSE_SERVER", None)  # no sound card at all: the session runs text-only
        stderr_path = tmp_path / "stderr.txt"
        with stderr_path.open("wb") as stderr:
            proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "desktop",
                    "--endpoint",
                    endpoint,
                    "--ca-file",
                    ca_file,
                    "--connect",
                    "--video-source",
                    "none",
                    "--log-level",
                    "DEBUG",
                ],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
        log_file = home / "logs" / "fieldassist.log"
        try:
            wait_for_line(log_file, "Link open: Connected", proc, timeout=30)
            for n in range(3):
                _type_into_window(xvfb, f"valve {n} is leaking")
                _wait_for_turns(home, n + 1)
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(10)
    finally:
        sim.terminate()
        sim.wait(timeout=10)
    with sqlite3.connect(home / "data" / "history.sqlite3") as db:
        texts = [row[0] for row in db.execute("SELECT text FROM turns ORDER BY idx")]
    typed = [t for t in texts if t.startswith("valve ")]
    assert typed == ["valve 0 is leaking", "valve 1 is leaking", "valve 2 is leaking"]
    assert sum(t.startswith("You typed: valve") for t in texts) == 3
    for text in (log_file.read_text(), stderr_path.read_text(errors="replace")):
        assert FAKE_KEY not in text
        assert FAKE_KEY[:12] not in text


def _sim_address(
    out: Path, proc: subprocess.Popen[str] | subprocess.Popen[bytes]
) -> tuple[str, str]:
    import re

    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        text = out.read_text()
        url = re.search(r"https://127\.0\.0\.1:\d+", text)
        ca = re.search(r"--ca-file\s+(\S+)", text)
        if url and ca:
            return url.group(0), ca.group(1)
        assert proc.poll() is None, text
        time.sleep(0.1)
    raise AssertionError(out.read_text())


def _type_into_window(xvfb: Display, text: str) -> None:
    """Type as a user would: into the focused message box, then Enter."""
    env = _focus_window(xvfb)
    subprocess.run(["xdotool", "type", "--delay", "5", text], env=env, check=True, timeout=20)
    subprocess.run(["xdotool", "key", "Return"], env=env, check=True, timeout=20)


def _wait_for_turns(home: Path, replies: int, limit_s: float = 20.0) -> None:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        db_path = home / "data" / "history.sqlite3"
        if db_path.exists():
            with sqlite3.connect(db_path) as db:
                rows = db.execute("SELECT count(*) FROM turns WHERE text LIKE 'You typed:%'")
                if rows.fetchone()[0] >= replies:
                    return
        time.sleep(0.1)
    raise AssertionError(f"{replies} replies not saved in time")


@pytest.mark.slow
@pytest.mark.audio
@pytest.mark.display
def test_a_whole_session_driven_like_a_user(
    xvfb: Display, pulse: PulseServer, tmp_path: Path
) -> None:
    """Start, speak, interrupt, type, snapshot, stop: through the keyboard and the virtual
    microphone of the real program, with a screenshot after each step (CI artefacts)."""
    video = write_video(tmp_path / "pump.avi", frames=150)
    question = speech_wav(
        tmp_path / "q.wav",
        "The pressure relief valve keeps lifting at "
        "about four bar. The nameplate says six. What could cause that?",
    )
    interruption = speech_wav(tmp_path / "i.wav", "Hold on, I can see oil on the seat.")
    home = tmp_path / "home"
    env = xvfb.env() | {"PULSE_SERVER": pulse.server, "FIELDASSIST_HOME": str(home)}
    log_file = home / "logs" / "fieldassist.log"
    shots: list[Path] = []

    def screenshot(step: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / f"session-{len(shots) + 1}-{step}.png"
        subprocess.run(
            ["import", "-display", xvfb.name, "-window", "root", str(shot)], check=True, timeout=20
        )
        shots.append(shot)

    with (tmp_path / "stderr.txt").open("wb") as stderr:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "desktop",
                "--backend",
                "simulator",
                "--video-source",
                str(video),
                "--log-level",
                "DEBUG",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
        try:
            wait_for_line(log_file, "Window shown", proc, timeout=30)
            _key(xvfb, "ctrl+Return")  # Start session
            wait_for_line(log_file, "Link open: Connected", proc, timeout=30)
            wait_for_line(log_file, "Audio open", proc, timeout=30)  # opens beside the connect
            screenshot("connected")
            pulse.play(question)
            _wait_for_text(home, "I heard")
            # Speak over the spoken-back reply as soon as it starts: with no echo path the
            # first 150 ms were the hard case (AEC3 held the user down; one run in three).
            talking_over = pulse.play_async(interruption)
            talking_over.wait(timeout=20)
            _wait_for_interrupted_turn(home)
            screenshot("interrupted")
            _type_into_window(xvfb, "which spring part number?")
            _wait_for_turns(home, 1)
            _key(xvfb, "F8")  # snapshot
            _wait_for_text(home, "Snapshot sent")
            screenshot("snapshot")
            _key(xvfb, "ctrl+Return")  # Stop session
            wait_for_line(log_file, "Link closed: Session stopped", proc, timeout=20)
            screenshot("stopped")
            proc.send_signal(signal.SIGTERM)
            code = proc.wait(timeout=15)
            assert code == 0, (tmp_path / "stderr.txt").read_text(errors="replace")[-3000:]
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(10)
    assert len(list((home / "data" / "snapshots").glob("snapshot-*.jpg"))) == 1
    assert all(shot.stat().st_size > 10_000 for shot in shots)
    assert "Traceback" not in log_file.read_text()


def _key(xvfb: Display, keys: str) -> None:
    env = _focus_window(xvfb)
    subprocess.run(["xdotool", "key", keys], env=env, check=True, timeout=20)


def _focus_window(xvfb: Display) -> dict[str, str]:
    """Give the program's main window the keyboard (there is no window manager on Xvfb)."""
    env = xvfb.env()
    found = subprocess.run(
        ["xdotool", "search", "--sync", "--onlyvisible", "--name", "^FieldAssist$"],
        env=env,
        check=True,
        timeout=20,
        capture_output=True,
        text=True,
    )
    window = found.stdout.split()[0]
    subprocess.run(["xdotool", "windowfocus", "--sync", window], env=env, check=True, timeout=20)
    return env


def _history_rows(home: Path, sql: str) -> list[tuple[object, ...]]:
    db_path = home / "data" / "history.sqlite3"
    if not db_path.exists():
        return []
    with sqlite3.connect(db_path) as db:
        return list(db.execute(sql))


def _wait_for_interrupted_turn(home: Path, limit_s: float = 20.0) -> None:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        if _history_rows(home, "SELECT 1 FROM turns WHERE interrupted = 1"):
            return
        time.sleep(0.1)
    raise AssertionError("no interrupted turn was saved")


def _wait_for_text(home: Path, text: str, limit_s: float = 20.0) -> None:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        rows = _history_rows(home, "SELECT text FROM turns")
        if any(text in str(row[0]) for row in rows):
            return
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never reached the history")
