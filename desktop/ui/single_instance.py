"""One running FieldAssist per user and data folder.

A second launch hands its command line to the running instance and exits; it never opens a
session, the history database or a settings writer of its own.

How (all Qt, so the same code works wherever Qt runs):
- a QLockFile `instance.lock` in the data folder says who runs. Qt finds a lock left by a
  killed process stale by its PID, so `kill -9` never locks the user out;
- the running instance listens on a QLocalServer named after the user and a hash of the data
  folder, so two FIELDASSIST_HOMEs (tests, two profiles) never meet. Whoever holds the lock
  may remove a socket left behind by a killed instance (QLocalServer.removeServer) before
  listening;
- a second launch that finds the lock held connects and sends one frame (a 4-byte big-endian
  length, then UTF-8 JSON) {"argv": [...], "connect": b, "pid": n, "nonce": "..."}; the
  running instance answers {"pid": n}; the launch confirms with {"go": nonce} and only then
  does the running instance act. The owner stops listening when its window closes. If no
  owner answers within HANDOVER_TIMEOUT_S the launch fails with a message rather than
  starting a second writer. If the lock becomes free meanwhile (the first instance just
  closed), the launch claims it and starts normally.

Why a confirmation: a stopped or frozen owner still has its connections queued by the kernel,
frames included. A launch that gave up (status 1, "did not answer") must never take effect
when the owner wakes up, and a launch must take effect at most once. So the launch writes its
frame once per connection and waits on that one connection until its deadline; it confirms
only when the answer came in time, and then reports success; it never confirms after giving
up, and a connection it closed without confirming is dropped by the owner, however late the
owner reads it. The nonce (one per launch) makes the owner act at most once per launch even if
a confirmation were ever sent on two connections. A deadline inside the frame was the other
way: it needs the owner to act before the launch's answer is read, so an answer late by a few
milliseconds would still be a launch that failed but took effect.

The check needs no QApplication and runs before the history or the window exist; listening
needs the QApplication's event loop, so it is a second step.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import re
import secrets
import struct
import sys
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QLockFile, QObject, QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop.cli import CliOptions
from desktop.infra import paths

if TYPE_CHECKING:
    from desktop.ui.controller import Controller

log = logging.getLogger(__name__)

LOCK_FILE = "instance.lock"
# A second launch gives up after this: the owner may be starting, or closing (it stops
# listening when its window closes and frees the lock once its session and history are shut).
HANDOVER_TIMEOUT_S = 10.0
CONNECT_ATTEMPT_MS = 300
READ_TIMEOUT_MS = 2000  # the owner drops a launch that has not confirmed in this time
CONFIRM_WRITE_MS = 2000  # writing the confirmation (a few bytes to a local socket)
REMEMBERED_LAUNCHES = 64  # nonces the owner remembers, so no launch is acted on twice
MAX_FRAME = 64 * 1024  # a command line is far smaller; anything bigger is not ours
_HEADER = struct.Struct(">I")


class InstanceError(Exception):
    """Another instance holds the lock but did not take the command line."""


@dataclass(frozen=True)
class HandOver:
    """What a second launch passes on: its command line as typed (for the log and the
    banner), whether it asked for --connect (parsed there, so abbreviations count), its pid."""

    argv: list[str]
    connect: bool
    pid: int

    def to_payload(self) -> dict[str, object]:
        return {"argv": self.argv, "connect": self.connect, "pid": self.pid}

    @classmethod
    def from_payload(cls, payload: dict[str, object]) -> HandOver | None:
        argv, connect, pid = payload.get("argv"), payload.get("connect"), payload.get("pid")
        if not isinstance(argv, list) or not all(isinstance(a, str) for a in argv):
            return None
        if not isinstance(connect, bool) or not isinstance(pid, int):
            return None
        return cls(list(argv), connect, pid)


def server_name(data_folder: Path) -> str:
    """The local socket's name: per user and per data folder, short enough for a Unix
    socket path, and only characters every platform accepts in a pipe name."""
    user = re.sub(r"[^A-Za-z0-9_.-]", "_", _user())[:32]
    digest = hashlib.sha256(str(data_folder.resolve()).encode()).hexdigest()[:16]
    return f"fieldassist-{user}-{digest}"


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a container without a passwd entry)
        return str(os.getuid()) if hasattr(os, "getuid") else "user"


def encode_frame(payload: dict[str, object]) -> bytes:
    data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    return _HEADER.pack(len(data)) + data


def decode_frame(buffer: bytes) -> tuple[dict[str, object] | None, int]:
    """(payload, bytes used) once a whole frame is in `buffer`, else (None, 0).

    Raises ValueError for a frame that is too big or not a JSON object."""
    if len(buffer) < _HEADER.size:
        return None, 0
    (size,) = _HEADER.unpack_from(buffer)
    if size > MAX_FRAME:
        raise ValueError(f"frame of {size} bytes")
    end = _HEADER.size + size
    if len(buffer) < end:
        return None, 0
    payload = json.loads(buffer[_HEADER.size : end].decode("utf-8"))
    if not isinstance(payload, dict):
        raise ValueError("frame is not a JSON object")
    return payload, end


class InstanceLock:
    """Held by the running instance for as long as it runs."""

    def __init__(self, lock: QLockFile | None, name: str) -> None:
        self._lock = lock  # None: the lock could not be used, so this run is unguarded
        self.name = name
        self._server: QLocalServer | None = None
        self._receiver: _Receiver | None = None

    def listen(self, on_command_line: Callable[[HandOver], None]) -> None:
        """Accept command lines from later launches (needs the QApplication)."""
        if self._lock is None:
            return  # without the lock, removing a socket could cut off a running instance
        server = QLocalServer()
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # We hold the lock, so a socket by this name can only be a killed instance's leftover.
        QLocalServer.removeServer(self.name)
        if not server.listen(self.name):
            log.warning("Second launches cannot reach this window: %s", server.errorString())
            return
        self._server = server
        self._receiver = _Receiver(server, on_command_line)

    def stop_listening(self) -> None:
        """The window is closing: later launches wait for the lock instead of handing over
        to a window that is going away."""
        if self._server is not None:
            self._server.close()
            self._server = None

    def release(self) -> None:
        self.stop_listening()
        if self._lock is not None:
            self._lock.unlock()


def claim_for_this_run(opts: CliOptions, argv: Sequence[str] | None = None) -> InstanceLock | None:
    """run()'s first step: the lock, or None after handing over (then exit 0). A running
    instance that does not answer ends this launch with a message and status 1."""
    handover = HandOver(list(sys.argv[1:] if argv is None else argv), opts.connect, os.getpid())
    try:
        lock = claim_or_hand_over(handover, paths.data_dir())
    except InstanceError as exc:
        raise SystemExit(str(exc)) from None
    if lock is None:
        print("FieldAssist is already running: handed this command line to its window.")
    return lock


def claim_or_hand_over(
    handover: HandOver, data_folder: Path, timeout_s: float = HANDOVER_TIMEOUT_S
) -> InstanceLock | None:
    """The lock if this is the only instance; None once `handover` reached the running one.

    Raises InstanceError if the running instance does not answer within `timeout_s`; a
    launch that raised is never acted on by the running instance, even if it wakes up later.
    """
    name = server_name(data_folder)
    try:
        paths.private_dir(data_folder)  # FIELDASSIST_HOME and the folders in it: 0700
    except OSError as exc:
        return _unguarded(name, f"cannot create {data_folder}: {exc.strerror}")
    lock = QLockFile(str(data_folder / LOCK_FILE))
    lock.setStaleLockTime(0)  # only a dead owner makes the lock stale, never its age
    nonce = secrets.token_hex(16)  # this launch, on every connection it tries
    frame = encode_frame(handover.to_payload() | {"nonce": nonce})
    deadline = time.monotonic() + timeout_s
    while True:
        if lock.tryLock(0):
            _make_private(data_folder / LOCK_FILE)
            return InstanceLock(lock, name)
        if lock.error() != QLockFile.LockError.LockFailedError:  # not held: unusable
            return _unguarded(name, f"cannot write {data_folder / LOCK_FILE}")
        owner = _send(name, frame, nonce, deadline)
        if owner is not None:
            log.info("FieldAssist is already running (pid %s): command line handed over", owner)
            return None
        if time.monotonic() > deadline:
            found = lock.getLockInfo()
            pid = found[0] if found else "?"
            raise InstanceError(
                f"FieldAssist is already running (pid {pid}) but did not answer within "
                f"{timeout_s:.0f} s; close it or end that process, then start again."
            )
        time.sleep(0.1)


def _make_private(lock_file: Path) -> None:
    """QLockFile creates its file 0666 less the umask and cannot take an existing file (an
    empty one would read as held forever), so it is tightened right after it is taken."""
    try:
        os.chmod(lock_file, paths.PRIVATE_FILE_MODE)
    except OSError as exc:  # a file system without modes: nothing secret is in it anyway
        log.debug("Could not restrict %s: %s", lock_file, exc.strerror)


def _unguarded(name: str, why: str) -> InstanceLock:
    """A folder we cannot write must not stop the program: it starts without the check (the
    history in that folder will say it is unavailable)."""
    log.warning("Starting without the one-instance check: %s", why)
    return InstanceLock(None, name)


def _ms_left(deadline: float, cap: int | None = None) -> int:
    left = max(1, int((deadline - time.monotonic()) * 1000))
    return left if cap is None else min(cap, left)


def _send(name: str, frame: bytes, nonce: str, deadline: float) -> object | None:
    """One connection to the owner: its pid once it answered and this launch confirmed,
    else None (the caller may try a new connection until the deadline).

    The frame is written once, and the answer is awaited on this same connection until the
    deadline: a frame is never written again on a connection, and every connection this
    launch gave up on closes unconfirmed, so the owner drops it whenever it reads it."""
    sock = QLocalSocket()
    sock.connectToServer(name)
    try:
        if not sock.waitForConnected(_ms_left(deadline, CONNECT_ATTEMPT_MS)):
            return None
        sock.write(QByteArray(frame))
        if not sock.waitForBytesWritten(_ms_left(deadline)):
            return None
        reply = _read_reply(sock, deadline)
        if reply is None or time.monotonic() > deadline:
            return None  # gave up: closing without the confirmation cancels the hand-over
        sock.write(QByteArray(encode_frame({"go": nonce})))
        if not sock.waitForBytesWritten(CONFIRM_WRITE_MS):
            return None  # not delivered: the owner never acts on it
        return reply.get("pid", "?")
    finally:
        sock.abort()  # what was written is already in the owner's socket buffer


def _read_reply(sock: QLocalSocket, deadline: float) -> dict[str, object] | None:
    buffer = b""
    while time.monotonic() <= deadline and sock.waitForReadyRead(_ms_left(deadline)):
        buffer += bytes(sock.readAll().data())
        try:
            reply, _ = decode_frame(buffer)
        except (ValueError, UnicodeDecodeError):
            return None
        if reply is not None:
            return reply
    return None


class _Receiver(QObject):
    """Takes one command line from each connecting launch that confirms it."""

    def __init__(self, server: QLocalServer, on_command_line: Callable[[HandOver], None]) -> None:
        super().__init__(server)
        self._on_command_line = on_command_line
        self._acted: deque[str] = deque(maxlen=REMEMBERED_LAUNCHES)
        server.newConnection.connect(lambda: self._accept(server))

    def _accept(self, server: QLocalServer) -> None:
        while server.hasPendingConnections():
            _Launch(server.nextPendingConnection(), self._act)

    def _act(self, handover: HandOver, nonce: str) -> None:
        if nonce in self._acted:
            log.warning("Ignored a repeated hand-over from a second launch (pid %d)", handover.pid)
            return
        self._acted.append(nonce)
        log.info(
            "Second launch (pid %d) handed over its command line: %s",
            handover.pid,
            " ".join(handover.argv) or "(no options)",
        )
        self._on_command_line(handover)


class _Launch(QObject):
    """One connection from a second launch: its frame, our answer, its confirmation.

    Acts only on a confirmation that follows our answer on this connection. A launch that
    closed before confirming (it gave up while we were stopped or busy) is dropped."""

    def __init__(self, sock: QLocalSocket, act: Callable[[HandOver, str], None]) -> None:
        super().__init__(sock)  # goes with the socket
        self._sock = sock
        self._act = act
        self._buffer = bytearray()
        self._offer: tuple[HandOver, str] | None = None  # answered, awaiting the confirmation
        self._finished = False
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(self._expire)
        timer.start(READ_TIMEOUT_MS)
        sock.readyRead.connect(self._read)
        sock.disconnected.connect(self._closed)

    def _read(self) -> None:
        self._buffer += bytes(self._sock.readAll().data())
        while not self._finished:
            try:
                payload, used = decode_frame(bytes(self._buffer))
            except (ValueError, UnicodeDecodeError) as exc:
                self._drop(
                    f"Ignored a malformed message from a second launch: {exc}", logging.WARNING
                )
                return
            if payload is None:
                return
            del self._buffer[:used]
            if self._offer is None:
                self._take_offer(payload)
            else:
                self._take_confirmation(payload)

    def _take_offer(self, payload: dict[str, object]) -> None:
        handover, nonce = HandOver.from_payload(payload), payload.get("nonce")
        if handover is None or not isinstance(nonce, str) or not nonce:
            self._drop(
                "Ignored a message from a second launch without a command line", logging.WARNING
            )
            return
        self._offer = (handover, nonce)
        self._sock.write(QByteArray(encode_frame({"pid": os.getpid()})))
        self._sock.flush()

    def _take_confirmation(self, payload: dict[str, object]) -> None:
        assert self._offer is not None
        handover, nonce = self._offer
        if payload.get("go") != nonce:
            self._drop(
                "Ignored a second launch's confirmation for another hand-over", logging.WARNING
            )
            return
        self._finished = True
        self._sock.disconnectFromServer()
        self._act(handover, nonce)

    def _expire(self) -> None:
        # After a long stop this can fire before readyRead for bytes that did arrive: read
        # what the socket holds first.
        if not self._finished and self._sock.bytesAvailable() == 0:
            self._sock.waitForReadyRead(0)  # emits readyRead, so _read runs
        if not self._finished:
            self._drop(self._gave_up())

    def _closed(self) -> None:
        if not self._finished:
            self._read()  # the confirmation may come with the close
        if not self._finished:
            self._drop(self._gave_up())
        self._sock.deleteLater()

    def _gave_up(self) -> str:
        if self._offer is None:
            return "Dropped a connection that sent no whole command line"
        return (
            f"Second launch (pid {self._offer[0].pid}) gave up before confirming; "
            "its command line was not used"
        )

    def _drop(self, why: str, level: int = logging.INFO) -> None:
        if self._finished:
            return
        self._finished = True
        log.log(level, "%s", why)
        self._sock.abort()


def listen_for_second_launches(instance: InstanceLock | None) -> SecondLaunches:
    """Start listening (the QApplication must exist); hand-overs wait for the window."""
    launches = SecondLaunches(instance)
    if instance is not None:
        instance.listen(launches.received)
    return launches


class SecondLaunches:
    """Hand-overs that arrive before the window exists (the welcome dialog is up) wait."""

    def __init__(self, instance: InstanceLock | None = None) -> None:
        self._instance = instance
        self._pending: list[HandOver] = []
        self._controller: Controller | None = None

    def received(self, handover: HandOver) -> None:
        if self._controller is None:
            self._pending.append(handover)
        else:
            on_second_launch(self._controller, handover)

    def deliver_to(self, controller: Controller) -> None:
        self._controller = controller
        if self._instance is not None:
            controller.window.closing.connect(self._instance.stop_listening)
        # Once the loop runs: starting a session needs the running asyncio loop.
        QTimer.singleShot(0, self._deliver_pending)

    def _deliver_pending(self) -> None:
        pending, self._pending = self._pending, []
        for handover in pending:
            if self._controller is not None:
                on_second_launch(self._controller, handover)


def on_second_launch(controller: Controller, handover: HandOver) -> None:
    """Bring the window to the front; --connect starts a session if none runs. Other options
    are not applied to a running window (they would change the session under the user's
    hands): a banner says which ones were left out and that a restart applies them."""
    window = controller.window
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
    if handover.connect and not controller.driver.running:
        controller.start_session()
    ignored = [a for a in handover.argv if not _is_connect_flag(a)]
    if ignored:
        controller.show_banner(
            "FieldAssist was started again with "
            + " ".join(ignored)
            + "; those options were not applied to this window. Close it and start FieldAssist "
            "again to use them.",
            topic="instance",
        )


def _is_connect_flag(arg: str) -> bool:
    return arg.startswith("--co") and "--connect".startswith(arg)
