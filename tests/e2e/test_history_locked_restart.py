"""The whole program meets its history database held by another program.

A first run saves typed turns and is killed with SIGKILL (its commits live in the -wal). A child
process then holds the database with BEGIN EXCLUSIVE for 12 s while the program starts again:
the window comes up at once with a banner saying history is unavailable, the session works,
and once the lock is released every turn of both runs is in the database. Nothing is renamed.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from support.display import Display

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
LOCK_S = 12.0

# Holds the lock for LOCK_S, then until told to let go (so the test decides when typing is
# over); prints when it has the lock.
LOCKER = textwrap.dedent(
    """
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
    conn.execute("BEGIN EXCLUSIVE")
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    sys.stdin.readline()
    conn.execute("ROLLBACK")
    conn.close()
    """
)


def _start(xvfb: Display, home: Path, stderr_path: Path) -> subprocess.Popen[bytes]:
    env = xvfb.env() | {"FIELDASSIST_HOME": str(home)}
    env.pop("PULSE_SERVER", None)  # no sound card: the session runs text-only
    with stderr_path.open("ab") as stderr:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "desktop",
                "--backend",
                "simulator",
                "--connect",
                "--video-source",
                "none",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )


def _log_has(log_file: Path, text: str) -> bool:
    return log_file.exists() and text in log_file.read_text(errors="replace")


def _wait(condition: object, what: str, proc: subprocess.Popen[bytes], limit_s: float) -> None:
    assert callable(condition)
    deadline = time.monotonic() + limit_s
    while not condition():
        if proc.poll() is not None:
            raise AssertionError(f"the app exited with {proc.returncode} before {what}")
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} not seen within {limit_s} s")
        time.sleep(0.1)


def _texts(db: Path) -> list[str]:
    conn = sqlite3.connect(db, timeout=30)  # reading works while another program writes
    try:
        return [row[0] for row in conn.execute("SELECT text FROM turns ORDER BY session_id, idx")]
    finally:
        conn.close()


def _history_files(db: Path) -> list[str]:
    return sorted(p.name for p in db.parent.glob(f"{db.name}*"))


def _type(xvfb: Display, text: str) -> None:
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
    subprocess.run(["xdotool", "type", "--delay", "5", text], env=env, check=True, timeout=20)
    subprocess.run(["xdotool", "key", "Return"], env=env, check=True, timeout=20)


@pytest.mark.slow
@pytest.mark.display
def test_killed_run_then_locked_database_at_restart_loses_no_turn(
    xvfb: Display, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    db = home / "data" / "history.sqlite3"
    log_file = home / "logs" / "fieldassist.log"
    stderr_path = tmp_path / "stderr.txt"

    # Run 1: typed turns saved as they happen, then SIGKILL.
    first = _start(xvfb, home, stderr_path)
    try:
        _wait(lambda: _log_has(log_file, "Link open: Connected"), "connected", first, 60)
        for n in range(3):
            _type(xvfb, f"first run {n}")
            _wait(
                lambda n=n: f"You typed: first run {n}" in " ".join(_texts(db)),
                f"reply {n} saved",
                first,
                30,
            )
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait(10)
    assert Path(f"{db}-wal").stat().st_size > 0  # what run 1 saved is in the WAL

    # Another program holds the database for 12 s while the program starts again.
    locker = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(db), str(LOCK_S)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    second: subprocess.Popen[bytes] | None = None
    try:
        assert locker.stdout is not None and locker.stdout.readline().strip() == "locked"
        files_while_locked = _history_files(db)
        log_file.write_text("")  # run 2's lines only
        second = _start(xvfb, home, stderr_path)
        proc = second
        _wait(lambda: _log_has(log_file, "Window shown"), "the window", proc, 60)
        assert locker.poll() is None  # the window did not wait for the lock
        _wait(lambda: _log_has(log_file, "Link open: Connected"), "connected", proc, 60)
        _wait(
            lambda: _log_has(log_file, "locked by another program"),
            "the history banner",
            proc,
            30,
        )
        for n in range(2):
            _type(xvfb, f"second run {n}")
        time.sleep(1.5)  # the replies come back while history is still held in memory
        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / "history-locked-banner.png"
        subprocess.run(
            ["import", "-display", xvfb.name, "-window", "root", str(shot)],
            check=True,
            timeout=20,
        )
        assert locker.poll() is None  # still locked: what follows was held, not written
        assert not any("second run" in t for t in _texts(db))
        assert _history_files(db) == files_while_locked  # nothing renamed or deleted

        assert locker.stdin is not None
        locker.stdin.write("release\n")
        locker.stdin.flush()
        assert locker.wait(timeout=LOCK_S + 20) == 0
        _wait(lambda: _log_has(log_file, "History is saved again"), "saved again", proc, 30)
        _wait(
            lambda: "You typed: second run 1" in " ".join(_texts(db)),
            "run 2's replies saved",
            proc,
            30,
        )
        second.send_signal(signal.SIGTERM)
        assert second.wait(timeout=20) == 0, stderr_path.read_text(errors="replace")[-3000:]
    finally:
        if locker.poll() is None:
            locker.kill()
            locker.wait(10)
        for stream in (locker.stdin, locker.stdout):
            if stream is not None:
                stream.close()
        if second is not None and second.poll() is None:
            second.kill()
            second.wait(10)

    texts = _texts(db)
    for run, count in (("first", 3), ("second", 2)):
        for n in range(count):
            assert f"{run} run {n}" in texts, texts
            assert any(t.startswith("You typed:") and f"{run} run {n}" in t for t in texts)
    assert not list(db.parent.glob("*corrupt*"))
    log = log_file.read_text()
    assert "History is unavailable for now (the database is locked by another program)" in log
    assert "Traceback" not in log
