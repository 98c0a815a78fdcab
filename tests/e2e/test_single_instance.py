"""The real program started twice on a real X display (Xvfb): the second launch hands its
command line to the first and exits; a killed first instance never blocks the next start;
IT's settings file is never rewritten by a run that did not change a setting."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support.display import Display

ARGS = ["--backend", "simulator", "--video-source", "none"]
HANDED = "FieldAssist is already running: handed this command line to its window."


def start(xvfb: Display, home: Path, *extra: str) -> subprocess.Popen[bytes]:
    env = xvfb.env() | {"FIELDASSIST_HOME": str(home)}
    env.pop("PULSE_SERVER", None)  # no sound card: the session runs text-only
    with (home.parent / f"stderr-{time.monotonic_ns()}.txt").open("wb") as stderr:
        return subprocess.Popen(
            [sys.executable, "-m", "desktop", *ARGS, *extra],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )


def launch_again(xvfb: Display, home: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """A second launch run to its end; 30 s is far beyond the hand-over's own 10 s limit."""
    env = xvfb.env() | {"FIELDASSIST_HOME": str(home)}
    env.pop("PULSE_SERVER", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop", *ARGS, *extra],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def log_text(home: Path) -> str:
    path = home / "logs" / "fieldassist.log"
    return path.read_text(errors="replace") if path.exists() else ""


def wait_for(home: Path, pattern: str, proc: subprocess.Popen[bytes], count: int = 1) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if len(re.findall(pattern, log_text(home))) >= count:
            return
        if proc.poll() is not None:
            raise AssertionError(f"the app exited with {proc.returncode} before {pattern!r}")
        time.sleep(0.1)
    raise AssertionError(f"{pattern!r} not in the log {count} times:\n{log_text(home)[-3000:]}")


def visible_windows(xvfb: Display) -> list[str]:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", "^FieldAssist$"],
        env=xvfb.env(),
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
    )
    return found.stdout.split()


def holders(path: Path) -> set[int]:
    """The processes that have `path` open, from /proc (no lsof needed on CI)."""
    target = str(path.resolve())
    found: set[int] = set()
    for fd in Path("/proc").glob("[0-9]*/fd/*"):
        try:
            if os.readlink(fd) == target:
                found.add(int(fd.parts[2]))
        except OSError:  # the process or the descriptor went away meanwhile
            continue
    return found


def close(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=20) == 0


@pytest.mark.slow
@pytest.mark.display
def test_a_second_launch_hands_over_its_command_line_and_exits(
    xvfb: Display, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    first = start(xvfb, home)
    try:
        wait_for(home, "Window shown", first)
        # Made by the one-instance check, before anything else: the user's alone.
        assert (home / "data" / "instance.lock").stat().st_mode & 0o777 == 0o600
        assert {(home / p).stat().st_mode & 0o777 for p in ("", "data")} == {0o700}
        second = launch_again(xvfb, home, "--connect")
        assert second.returncode == 0, second.stderr[-3000:]
        assert second.stdout.strip() == HANDED
        wait_for(
            home,
            r"Second launch \(pid \d+\) handed over its command line: "
            r"--backend simulator --video-source none --connect",
            first,
        )
        wait_for(home, "Link open: Connected", first)  # --connect started the first's session
        assert len(visible_windows(xvfb)) == 1
        assert holders(home / "data" / "history.sqlite3") == {first.pid}  # one history writer
        close(first)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait(10)
    log = log_text(home)
    assert log.count("Window shown") == 1  # the second launch never built a window
    assert "Traceback" not in log


@pytest.mark.slow
@pytest.mark.display
def test_an_instance_killed_with_sigkill_does_not_block_the_next(
    xvfb: Display, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    killed = start(xvfb, home)
    wait_for(home, "Window shown", killed)
    killed.kill()
    killed.wait(timeout=10)
    assert (home / "data" / "instance.lock").exists()  # left behind, as after a crash
    restarted = start(xvfb, home)
    try:
        wait_for(home, "Window shown", restarted, count=2)
        # The restarted instance owns the lock and listens despite the killed one's leftovers.
        third = launch_again(xvfb, home)
        assert third.returncode == 0, third.stderr[-3000:]
        assert third.stdout.strip() == HANDED
        wait_for(home, r"Second launch \(pid \d+\) handed over", restarted)
        assert len(visible_windows(xvfb)) == 1
        close(restarted)
    finally:
        if restarted.poll() is None:
            restarted.kill()
            restarted.wait(10)
    assert log_text(home).count("Window shown") == 2


def launch_in_background(xvfb: Display, home: Path, *extra: str) -> subprocess.Popen[str]:
    env = xvfb.env() | {"FIELDASSIST_HOME": str(home)}
    env.pop("PULSE_SERVER", None)
    return subprocess.Popen(
        [sys.executable, "-m", "desktop", *ARGS, *extra],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


HANDED_OVER = r"Second launch \(pid \d+\) handed over its command line"


@pytest.mark.slow
@pytest.mark.display
def test_a_launch_that_gave_up_on_a_stopped_instance_never_takes_effect(
    xvfb: Display, tmp_path: Path
) -> None:
    """kill -STOP the first instance; a second launch with --connect fails ("did not
    answer"); after kill -CONT the first must not act on it (no banner, no session): the
    next launch's hand-over is the only one in the log."""
    home = tmp_path / "home"
    first = start(xvfb, home)
    try:
        wait_for(home, "Window shown", first)
        first.send_signal(signal.SIGSTOP)
        try:
            gave_up = launch_again(xvfb, home, "--connect", "--input-device", "gave-up-marker")
        finally:
            first.send_signal(signal.SIGCONT)
        assert gave_up.returncode == 1, gave_up.stdout + gave_up.stderr[-3000:]
        assert "did not answer within 10 s" in gave_up.stderr
        wait_for(home, r"gave up before confirming; its command line was not used", first)
        later = launch_again(xvfb, home)
        assert (later.returncode, later.stdout.strip()) == (0, HANDED), later.stderr[-3000:]
        wait_for(home, HANDED_OVER, first)
        close(first)
    finally:
        if first.poll() is None:
            first.send_signal(signal.SIGCONT)
            first.kill()
            first.wait(timeout=10)
    log = log_text(home)
    assert len(re.findall(HANDED_OVER, log)) == 1
    assert "gave-up-marker" not in log  # its command line was never taken
    assert "Link open" not in log  # the --connect of the launch that gave up never ran


@pytest.mark.slow
@pytest.mark.display
def test_a_launch_waiting_on_a_stopped_instance_takes_effect_once_it_answers(
    xvfb: Display, tmp_path: Path
) -> None:
    """Stopped for longer than one read of the answer, resumed within the launch's 10 s:
    the launch exits 0 and its --connect is acted on exactly once."""
    home = tmp_path / "home"
    first = start(xvfb, home)
    try:
        wait_for(home, "Window shown", first)
        first.send_signal(signal.SIGSTOP)
        try:
            waiting = launch_in_background(xvfb, home, "--connect")
            time.sleep(6)  # the stall: the launch starts (1-3 s) and waits for an answer
        finally:
            first.send_signal(signal.SIGCONT)
        out, err = waiting.communicate(timeout=30)
        assert (waiting.returncode, out.strip()) == (0, HANDED), err[-3000:]
        wait_for(home, "Link open: Connected", first)
        close(first)
    finally:
        if first.poll() is None:
            first.send_signal(signal.SIGCONT)
            first.kill()
            first.wait(timeout=10)
    log = log_text(home)
    assert len(re.findall(HANDED_OVER, log)) == 1
    assert log.count("Link open: Connected") == 1


IT_FILE = """\
# Managed by IT (ticket 4711). Do not edit.
version = 1
backend = "gemini"   # overridden by --backend for the test
jpeg_quality = 80    # equal to the default, still IT's choice
rollout_wave = 3     # a key for a newer FieldAssist
"""


@pytest.mark.slow
@pytest.mark.display
@pytest.mark.parametrize(
    ("text", "note"),
    [
        (
            IT_FILE + 'video_fps = "1"\n',
            'Setting video_fps = "1" should be a number; using the default 1.0.',
        ),
        (
            IT_FILE + "video_fps = 1\nvoice = Kore\n",
            "could not be read (Invalid value (at line 7, column 9))",
        ),
    ],
    ids=["wrong-type", "syntax-error"],
)
def test_a_run_never_rewrites_it_s_settings_file(
    xvfb: Display, tmp_path: Path, text: str, note: str
) -> None:
    home = tmp_path / "home"
    settings_file = home / "config" / "settings.toml"
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text(text)
    proc = start(xvfb, home)
    try:
        wait_for(home, "Window shown", proc)
        close(proc)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
    log = log_text(home)
    assert note in log
    assert settings_file.read_text() == text  # comments, IT's keys, even the typo: all kept
    assert sorted(p.name for p in settings_file.parent.iterdir()) == ["settings.toml"]
    layout = home / "data" / "window.toml"
    assert layout.exists() and layout.stat().st_mode & 0o777 == 0o600
    assert "Traceback" not in log
