"""The driver and its history through the simulator: a database held by another program in the
middle of a session costs no turn, the window is told (unavailable, then saved again), and the
history keeps being written after the outage."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from support.waiting import wait_until

from desktop.app import AppEvent, SessionDriver
from desktop.app.messages import HistoryNotice
from desktop.infra.history_writer import HistoryWriter
from desktop.infra.settings import Settings
from desktop.session.states import LinkState

LOCKER = textwrap.dedent(
    """
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
    conn.execute("BEGIN EXCLUSIVE")
    print("locked", flush=True)
    sys.stdin.readline()
    conn.execute("ROLLBACK")
    """
)


def shown(driver: SessionDriver) -> str:
    return " ".join(t.text for t in driver.core.transcript.turns)


def saved_texts(db: Path) -> list[str]:
    import sqlite3

    conn = sqlite3.connect(db, timeout=30)
    try:
        return [r[0] for r in conn.execute("SELECT text FROM turns ORDER BY session_id, idx")]
    finally:
        conn.close()


async def test_a_lock_mid_session_is_reported_and_loses_no_turn(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    events: list[AppEvent] = []
    writer = HistoryWriter(db, retry_first_s=0.1, retry_max_s=0.3).start()
    driver = SessionDriver(
        Settings(backend="simulator", video_source="none"), None, events.append, writer
    )
    notices = lambda: [e for e in events if isinstance(e, HistoryNotice)]  # noqa: E731
    locker: subprocess.Popen[str] | None = None
    try:
        await driver.start()
        await wait_until(lambda: driver.link_state is LinkState.OPEN)
        driver.send_text("before the lock")
        await wait_until(lambda: any("You typed: before" in t for t in saved_texts(db)))

        locker = subprocess.Popen(  # noqa: ASYNC220 - a child that lives across awaits
            [sys.executable, "-c", LOCKER, str(db)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert locker.stdout is not None and locker.stdout.readline().strip() == "locked"
        for n in range(3):
            driver.send_text(f"while locked {n}")
            await wait_until(lambda n=n: f"You typed: while locked {n}" in shown(driver))
        await wait_until(lambda: any(n.state == "unavailable" for n in notices()))
        assert "locked by another program" in notices()[0].text
        assert driver.history is writer  # one failed write did not switch the history off
        await wait_until(lambda: writer.pending > 0)
        assert not any("while locked" in t for t in saved_texts(db))

        assert locker.stdin is not None
        locker.stdin.write("go\n")
        locker.stdin.flush()
        locker.wait(20)
        await wait_until(lambda: any(n.state == "recovered" for n in notices()))
        driver.send_text("after the lock")
        await wait_until(lambda: any("You typed: after" in t for t in saved_texts(db)))
    finally:
        if locker is not None:
            if locker.poll() is None:
                locker.kill()
                locker.wait(10)
            for stream in (locker.stdin, locker.stdout):
                if stream is not None:
                    stream.close()
        await driver.aclose()
    texts = saved_texts(db)
    for said in (
        "before the lock",
        "while locked 0",
        "while locked 1",
        "while locked 2",
        "after the lock",
    ):
        assert said in texts
        assert any(t.startswith("You typed:") and said in t for t in texts), texts
    assert [n.state for n in notices()] == ["unavailable", "recovered"]
