"""Another program holding the history database: a real child process in BEGIN EXCLUSIVE."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

# Holds the database with BEGIN EXCLUSIVE until a line arrives on stdin (or it is killed).
LOCKER = textwrap.dedent(
    """
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
    conn.execute("BEGIN EXCLUSIVE")
    print("locked", flush=True)
    sys.stdin.readline()
    conn.execute("ROLLBACK")
    conn.close()
    """
)


class Locker:
    """Returns once the child holds the lock; `release()` lets go, `kill()` ends it."""

    def __init__(self, db: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", LOCKER, str(db)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        assert line.strip() == "locked", line

    def release(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()
        assert self.proc.wait(20) == 0

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(20)
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                stream.close()
