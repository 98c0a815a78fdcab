"""The frozen Linux build used for real: a window on Xvfb, virtual audio devices, a video
file, the built-in simulator. One spoken turn must come back out of the virtual speaker.

This is what proves the bundle's native parts work together outside the venv: the xcb
platform plugin and its libraries, PortAudio through ALSA to PulseAudio, soxr, WebRTC echo
cancellation and the Silero VAD (both on by default), OpenCV's file reader, the SDK over TLS.
"""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest
from frozen_build import MISSING_PIECE, FrozenApp, loud_seconds, wait_for_line, write_video
from support.display import Display
from support.pulse import PulseServer, read_wav, speech_wav

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


@pytest.mark.slow
@pytest.mark.audio
@pytest.mark.display
@pytest.mark.timeout(900)  # includes the session's build when it has not run yet
def test_frozen_app_completes_a_spoken_turn(
    frozen_app: FrozenApp, xvfb: Display, pulse: PulseServer, tmp_path: Path
) -> None:
    video = write_video(tmp_path / "panel.avi")
    speech = speech_wav(tmp_path / "question.wav", "Which valve should I close before the pump?")
    said = loud_seconds(*read_wav(speech))
    home = tmp_path / "home"
    env = frozen_app.env(xvfb.env() | {"PULSE_SERVER": pulse.server}, home)
    log_file = home / "logs" / "fieldassist.log"
    stderr_file = tmp_path / "stderr.txt"
    command = [
        str(frozen_app.executable),
        *("--backend", "simulator", "--connect", "--video-source", str(video)),
    ]
    with stderr_file.open("wb") as stderr:
        proc = subprocess.Popen(
            command, env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=stderr
        )
        try:
            wait_for_line(log_file, "Window shown", proc, timeout=60)
            wait_for_line(log_file, "Link open: Connected", proc, timeout=60)
            with pulse.recorder(rate=24000) as recorder:
                spoken_at = time.monotonic()
                pulse.play(speech)
                deadline = time.monotonic() + said + 20
                heard = 0.0
                while time.monotonic() < deadline and heard < 0.7 * said:
                    time.sleep(0.25)
                    heard = loud_seconds(recorder.recording.samples(), 24000)
                arrivals = recorder.recording.arrivals()
            ARTIFACTS.mkdir(exist_ok=True)
            subprocess.run(
                [
                    "import",
                    "-display",
                    xvfb.name,
                    "-window",
                    "root",
                    str(ARTIFACTS / "frozen-window.png"),
                ],
                check=False,
                timeout=20,
            )
            proc.send_signal(signal.SIGTERM)
            code = proc.wait(timeout=20)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=10)
    log = log_file.read_text(errors="replace")
    errors = stderr_file.read_text(errors="replace")
    assert code == 0, errors[-4000:]
    problems = sorted({m.group(0) for m in MISSING_PIECE.finditer(log + errors)})
    assert not problems, f"{problems}\n{errors[-3000:]}\n{log[-3000:]}"
    # The simulator speaks the question back: about as much sound as was said, after it.
    assert 0.7 * said <= heard <= 1.5 * said + 0.5, (said, heard)
    first_loud = next(
        (t for t, s in arrivals if s.size and int(abs(s.astype("int32")).max()) > 184), None
    )  # 184 ≈ -45 dBFS
    assert first_loud is not None and first_loud > spoken_at
    assert "Closed cleanly" in log
