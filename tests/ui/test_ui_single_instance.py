"""The single-instance hand-over with real Qt local sockets: the running side in this process
(on the Qt loop), the second launch in a child process, as in the program."""

from __future__ import annotations

import asyncio
import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtNetwork import QLocalSocket
from pytestqt.qtbot import QtBot
from support.waiting import wait_until

from desktop.app import SessionDriver
from desktop.infra.settings import Settings
from desktop.ui.controller import Controller
from desktop.ui.main_window import MainWindow
from desktop.ui.single_instance import (
    LOCK_FILE,
    MAX_FRAME,
    HandOver,
    SecondLaunches,
    claim_or_hand_over,
    decode_frame,
    encode_frame,
    listen_for_second_launches,
    server_name,
)

SECOND_LAUNCH = """
import json, sys
from pathlib import Path
from desktop.ui.single_instance import HandOver, InstanceError, claim_or_hand_over
print("trying", file=sys.stderr, flush=True)  # imported: the hand-over starts now
try:
    lock = claim_or_hand_over(HandOver(json.loads(sys.argv[2]), True, 4242), Path(sys.argv[1]),
                              timeout_s=float(sys.argv[3]))
except InstanceError as exc:
    print("error:", exc)
    sys.exit(3)
print("primary" if lock else "handed over")
"""


async def second_launch(folder: Path, argv: list[str], timeout_s: float = 5.0) -> tuple[int, str]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        SECOND_LAUNCH,
        str(folder),
        json.dumps(argv),
        str(timeout_s),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await asyncio.wait_for(proc.communicate(), 30)
    assert proc.returncode is not None
    return proc.returncode, out.decode().replace("trying\n", "")


def frozen_launch(folder: Path, argv: list[str], timeout_s: float) -> subprocess.Popen[str]:
    """A second launch started while this process's Qt loop (the owner) is frozen: it
    returns once the launch has begun handing over; the loop stays frozen until the caller
    yields. The kernel still queues the launch's connection, as for a stopped owner."""
    proc = subprocess.Popen(
        [sys.executable, "-c", SECOND_LAUNCH, str(folder), json.dumps(argv), str(timeout_s)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    assert proc.stderr.readline() == "trying\n"  # blocks the loop: the owner cannot answer
    return proc


async def finished(proc: subprocess.Popen[str]) -> tuple[int, str]:
    await wait_until(lambda: proc.poll() is not None, limit_s=30)
    out, _ = proc.communicate()
    return proc.returncode, out


def test_frames_round_trip_and_refuse_what_is_not_ours() -> None:
    frame = encode_frame({"argv": ["--connect", "ünï"], "connect": True, "pid": 7})
    assert decode_frame(frame[:3]) == (None, 0)  # not even the length yet
    assert decode_frame(frame[:-1]) == (None, 0)  # not all of it yet
    assert decode_frame(frame + b"x") == (
        {"argv": ["--connect", "ünï"], "connect": True, "pid": 7},
        len(frame),
    )
    with pytest.raises(ValueError, match="frame of"):
        decode_frame((MAX_FRAME + 1).to_bytes(4, "big") + b"{}")
    with pytest.raises(ValueError, match="not a JSON object"):
        decode_frame(b"\x00\x00\x00\x02[]")
    assert HandOver.from_payload({"argv": [1], "connect": True, "pid": 1}) is None
    assert HandOver.from_payload({"argv": ["a"], "connect": "yes", "pid": 1}) is None


def test_names_are_per_data_folder(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert server_name(a) != server_name(b)
    assert server_name(a) == server_name(tmp_path / "x" / ".." / "a")  # the same folder
    assert len(server_name(a)) < 70  # Unix socket paths are limited to about 100 bytes


async def test_a_second_launch_reaches_the_running_one(tmp_path: Path) -> None:
    lock = claim_or_hand_over(HandOver([], False, os.getpid()), tmp_path)
    assert lock is not None
    received: list[HandOver] = []
    lock.listen(received.append)
    try:
        code, out = await second_launch(tmp_path, ["--connect", "--video-source", "none"])
        assert (code, out.strip()) == (0, "handed over")
        assert received == [HandOver(["--connect", "--video-source", "none"], True, 4242)]
    finally:
        lock.release()
    # Released: the next launch is the running one.
    code, out = await second_launch(tmp_path, [])
    assert (code, out.strip()) == (0, "primary")


async def test_garbage_on_the_socket_is_dropped_and_the_next_launch_still_works(
    tmp_path: Path,
) -> None:
    lock = claim_or_hand_over(HandOver([], False, os.getpid()), tmp_path)
    assert lock is not None
    received: list[HandOver] = []
    lock.listen(received.append)
    try:
        for junk in (
            b"\xff\xff\xff\xff" + b"x" * 10,  # too big
            b"\x00\x00\x00\x03abc",  # not JSON
            encode_frame({}),  # no command line
            b"\x00\x00\x00\x10{",  # never finished: dropped after READ_TIMEOUT_MS
        ):
            sock = QLocalSocket()
            sock.connectToServer(lock.name)
            await wait_until(
                lambda s=sock: s.state() == QLocalSocket.LocalSocketState.ConnectedState
            )
            sock.write(QByteArray(junk))
            await wait_until(
                lambda s=sock: s.state() == QLocalSocket.LocalSocketState.UnconnectedState
            )
        assert received == []
        code, out = await second_launch(tmp_path, ["--connect"])
        assert (code, out.strip()) == (0, "handed over")
        assert [h.argv for h in received] == [["--connect"]]
    finally:
        lock.release()


async def test_an_owner_that_does_not_answer_fails_the_launch_with_a_message(
    tmp_path: Path,
) -> None:
    lock = claim_or_hand_over(HandOver([], False, os.getpid()), tmp_path)
    assert lock is not None  # held, but never listening: a hung first instance
    try:
        code, out = await second_launch(tmp_path, [], timeout_s=1.0)
    finally:
        lock.release()
    assert code == 3
    assert f"already running (pid {os.getpid()}) but did not answer" in out


def test_a_hand_over_raises_the_window_and_connect_starts_a_session(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    settings = Settings(backend="simulator", video_source="none", input_device="no-such-mic")
    driver = SessionDriver(settings, None, lambda event: None)
    controller = Controller(window, driver)
    started: list[bool] = []
    controller.start_session = lambda: started.append(True)  # type: ignore[method-assign,assignment,return-value]
    launches = SecondLaunches()
    launches.received(HandOver(["--connect"], True, 1))  # before the window exists: waits
    assert started == [] and not window.isVisible()
    launches.deliver_to(controller)
    qtbot.waitUntil(lambda: started == [True])  # once the event loop runs
    assert window.isVisible()
    assert window.banner.isHidden() or "started again" not in window.banner.text()
    launches.received(HandOver(["--conn", "--backend", "gemini"], True, 2))
    assert started == [True, True]
    assert any(
        line.startswith("FieldAssist was started again with --backend gemini;")
        for line in window.banner.text().splitlines()  # one notice per row
    )
    launches.received(HandOver([], False, 3))
    assert started == [True, True]


async def test_a_data_folder_that_cannot_be_created_starts_unguarded(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    lock = claim_or_hand_over(HandOver([], False, os.getpid()), blocked / "data")
    assert lock is not None  # the program starts; its history will report the folder
    lock.listen(lambda handover: None)  # without the lock it never takes over a socket
    lock.release()


async def test_a_closing_window_sends_later_launches_to_wait_for_the_lock(
    qtbot: QtBot, tmp_path: Path
) -> None:
    lock = claim_or_hand_over(HandOver([], False, os.getpid()), tmp_path)
    assert lock is not None
    launches = listen_for_second_launches(lock)
    window = MainWindow()
    qtbot.addWidget(window)
    settings = Settings(backend="simulator", video_source="none", input_device="no-such-mic")
    controller = Controller(window, SessionDriver(settings, None, lambda event: None))
    controller.save_on_close = False
    launches.deliver_to(controller)
    code, out = await second_launch(tmp_path, [])
    assert (code, out.strip()) == (0, "handed over")
    window.close()  # shutting down: no hand-over to a window that is going away
    waiting = asyncio.ensure_future(second_launch(tmp_path, ["--connect"], timeout_s=20))
    await asyncio.sleep(1.0)
    assert not waiting.done()
    lock.release()  # the session and the history are shut: the waiting launch starts
    code, out = await waiting
    assert (code, out.strip()) == (0, "primary")


async def test_a_launch_that_gave_up_on_a_frozen_owner_never_takes_effect(tmp_path: Path) -> None:
    """The owner's loop is frozen (a stopped or hung process) while a launch tries and gives
    up with status 1; when the owner runs again, that launch's queued connection (and any
    frame in it) must not be acted on: the next launch's command line is the only one."""
    lock = claim_or_hand_over(HandOver([], False, os.getpid()), tmp_path)
    assert lock is not None
    received: list[HandOver] = []
    lock.listen(received.append)
    try:
        gave_up = frozen_launch(tmp_path, ["--connect", "--gave-up"], timeout_s=2.5)
        gave_up.wait(timeout=30)  # still frozen: the launch runs out of time
        code, out = await finished(gave_up)
        assert code == 3 and "did not answer" in out
        # The owner runs again and reads the queued connection; a later launch is taken, and
        # it comes after the stale one in the owner's queue, so this is the whole story.
        code, out = await second_launch(tmp_path, ["--later"])
        assert (code, out.strip()) == (0, "handed over")
        assert [h.argv for h in received] == [["--later"]]
    finally:
        lock.release()


async def test_a_slow_owner_that_answers_in_time_takes_the_launch_once(tmp_path: Path) -> None:
    """Frozen for longer than one read of the answer (READ_TIMEOUT_MS) but within the
    launch's limit: the launch succeeds and its command line is acted on exactly once."""
    lock = claim_or_hand_over(HandOver([], False, os.getpid()), tmp_path)
    assert lock is not None
    received: list[HandOver] = []
    lock.listen(received.append)
    try:
        slow = frozen_launch(tmp_path, ["--connect"], timeout_s=20)
        time.sleep(4.5)  # noqa: ASYNC251 - the frozen owner itself: the stall, not a wait
        code, out = await finished(slow)
        assert (code, out.strip()) == (0, "handed over")
        await second_launch(tmp_path, ["--later"])  # queued behind anything left over
        assert [h.argv for h in received] == [["--connect"], ["--later"]]
    finally:
        lock.release()


def test_the_lock_and_new_folders_are_private(tmp_path: Path) -> None:
    """A FIELDASSIST_HOME that does not exist yet: every folder made on the way is 0700 and
    the lock file 0600, whatever the umask lets through."""
    old_umask = os.umask(0o022)  # the usual one, explicit so the test means the same anywhere
    try:
        home = tmp_path / "new-home"
        lock = claim_or_hand_over(HandOver([], False, os.getpid()), home / "data")
    finally:
        os.umask(old_umask)
    assert lock is not None
    try:
        modes = {
            p.name: stat.S_IMODE(p.stat().st_mode)
            for p in (home, home / "data", home / "data" / LOCK_FILE)
        }
        assert modes == {"new-home": 0o700, "data": 0o700, LOCK_FILE: 0o600}
    finally:
        lock.release()
