"""The whole program closed while its history database is held by another program.

The banner says the session "will be saved when it can": a child process holds the database
with BEGIN EXCLUSIVE while the program runs, the technician types two lines, and the program is
closed with SIGTERM before the lock goes. What was held is kept in a journal beside the
database (0600), and the next start, once the lock is gone, writes every turn into the
database and deletes the journal.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support.display import Display
from test_history_locked_restart import LOCKER, _log_has, _start, _texts, _type, _wait


def _journals(db: Path) -> list[Path]:
    return sorted(db.parent.glob(f"{db.name}.pending-*.jsonl"))


@pytest.mark.slow
@pytest.mark.display
def test_closing_while_the_database_is_held_keeps_the_turns_for_the_next_start(
    xvfb: Display, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    db = home / "data" / "history.sqlite3"
    log_file = home / "logs" / "fieldassist.log"
    stderr_path = tmp_path / "stderr.txt"

    first = _start(xvfb, home, stderr_path)  # creates the database, then is closed
    try:
        _wait(lambda: _log_has(log_file, "Link open: Connected"), "connected", first, 60)
        first.send_signal(signal.SIGTERM)
        assert first.wait(timeout=20) == 0
    finally:
        if first.poll() is None:
            first.kill()
            first.wait(10)

    locker = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(db), "0"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    second: subprocess.Popen[bytes] | None = None
    try:
        assert locker.stdout is not None and locker.stdout.readline().strip() == "locked"
        log_file.write_text("")
        second = _start(xvfb, home, stderr_path)
        proc = second
        _wait(lambda: _log_has(log_file, "Link open: Connected"), "connected", proc, 60)
        _wait(lambda: _log_has(log_file, "locked by another program"), "the banner", proc, 30)
        for n in range(2):
            _type(xvfb, f"held line {n}")
        time.sleep(3.0)  # the replies come back while history is held in memory
        second.send_signal(signal.SIGTERM)
        assert second.wait(timeout=20) == 0, stderr_path.read_text(errors="replace")[-3000:]
        assert locker.poll() is None  # closed while still locked
        (journal,) = _journals(db)
        assert journal.stat().st_mode & 0o777 == 0o600
        assert "could not be saved" not in log_file.read_text()
        assert not any("held line" in t for t in _texts(db))

        assert locker.stdin is not None
        locker.stdin.write("release\n")
        locker.stdin.flush()
        assert locker.wait(timeout=20) == 0
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

    third = _start(xvfb, home, stderr_path)
    try:
        _wait(lambda: not _journals(db), "the journal imported", third, 60)
        texts = _texts(db)
        for n in range(2):
            assert f"held line {n}" in texts, texts
            assert any(t.startswith("You typed:") and f"held line {n}" in t for t in texts)
        third.send_signal(signal.SIGTERM)
        assert third.wait(timeout=20) == 0
    finally:
        if third.poll() is None:
            third.kill()
            third.wait(10)
    log = log_file.read_text()
    assert "kept when the app last closed were saved" in log
    assert "Traceback" not in log
