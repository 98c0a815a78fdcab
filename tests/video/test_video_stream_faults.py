"""A real MJPEG-over-HTTP stream (a helmet camera's usual protocol) that stalls and dies."""

from __future__ import annotations

import contextlib
import http.server
import socket
import socketserver
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import cv2
import numpy as np
import pytest

from desktop.video.capture import Backoff, CaptureWorker
from desktop.video.errors import VideoSourceError
from desktop.video.source import FrameSource, SourceSpec, open_source

TIMEOUT_S = 1.0


@dataclass
class StreamControl:
    stall: threading.Event = field(default_factory=threading.Event)
    served: int = 0


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    control: StreamControl
    clients: set[socket.socket]

    def die(self) -> None:
        """Stop listening and cut every open connection, like a camera losing power."""
        self.shutdown()
        self.server_close()
        for sock in list(self.clients):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "multipart/x-mixed-replace; boundary=frame")
        self.end_headers()
        control = self.server.control
        self.server.clients.add(self.connection)
        i = 0
        try:
            while True:
                if control.stall.is_set():  # connected but silent: the nasty failure
                    time.sleep(0.05)
                    continue
                img = np.full((240, 320, 3), (i * 8) % 256, np.uint8)
                cv2.putText(img, str(i), (20, 120), cv2.FONT_HERSHEY_SIMPLEX, 2, (0, 0, 255), 3)
                data = cv2.imencode(".jpg", img)[1].tobytes()
                head = f"--frame\r\nContent-Type: image/jpeg\r\nContent-Length: {len(data)}\r\n\r\n"
                self.wfile.write(head.encode() + data + b"\r\n")
                self.wfile.flush()
                control.served += 1
                i += 1
                time.sleep(1 / 15)
        except OSError:  # the client left, or die() cut the connection
            pass
        finally:
            self.server.clients.discard(self.connection)


@pytest.fixture
def mjpeg_server() -> Iterator[tuple[str, StreamControl, _Server]]:
    server = _Server(("127.0.0.1", 0), _Handler)
    server.control = StreamControl()
    server.clients = set()
    thread = threading.Thread(target=server.serve_forever, name="mjpeg-server", daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/stream.mjpg"
    try:
        yield url, server.control, server
    finally:
        server.control.stall.clear()
        server.die()
        thread.join(5)


def quick_open(spec: SourceSpec, loop: bool) -> FrameSource:
    return open_source(spec, loop=loop, stream_timeout_s=TIMEOUT_S)


def test_stream_url_reads_frames(mjpeg_server) -> None:
    url, _, _ = mjpeg_server
    source = open_source(url, stream_timeout_s=TIMEOUT_S)
    try:
        frames = [source.read() for _ in range(5)]
    finally:
        source.close()
    assert all(f is not None and f.shape == (240, 320, 3) for f in frames)


def test_refused_connection_is_a_readable_error() -> None:
    with socketserver.TCPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler) as s:
        port = s.server_address[1]
    # The port was just freed: nothing listens there now.
    with pytest.raises(VideoSourceError, match="no video stream answered"):
        open_source(f"http://127.0.0.1:{port}/x.mjpg", stream_timeout_s=TIMEOUT_S)


def test_stalled_stream_retries_with_backoff_and_recovers(mjpeg_server, status_log) -> None:
    url, control, _ = mjpeg_server
    worker = CaptureWorker(
        url, status_log, opener=quick_open, backoff=Backoff(initial_s=0.1, max_s=0.5)
    )
    worker.start()
    try:
        status_log.wait_for("running")
        first = worker.wait_frame(0, timeout=5)
        assert first is not None
        control.stall.set()  # the camera stops answering, the connection stays up
        stopped = status_log.wait_for("retrying", timeout=15)
        assert "stopped" in stopped.message
        # While it is silent, reopening fails too: the attempts count up with growing delays.
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not any(
            s.state.value == "retrying" and s.attempt >= 2 for s in status_log.items
        ):
            time.sleep(0.05)
        retries = [s for s in status_log.items if s.state.value == "retrying"]
        assert retries[-1].attempt >= 2
        assert retries[-1].retry_in_s > retries[0].retry_in_s
        assert worker.alive
        mark = len(status_log.items)
        control.stall.clear()  # the camera comes back
        status_log.wait_for("running", timeout=20, after=mark)
        again = worker.wait_frame(first[0], timeout=5)
        assert again is not None
    finally:
        worker.stop()
    assert not worker.alive


def test_server_gone_for_good_keeps_retrying_without_raising(mjpeg_server, status_log) -> None:
    url, _, server = mjpeg_server
    worker = CaptureWorker(
        url, status_log, opener=quick_open, backoff=Backoff(initial_s=0.05, max_s=0.2)
    )
    worker.start()
    try:
        assert worker.wait_frame(0, timeout=5) is not None
        server.die()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not any(
            s.state.value == "error" and "no video stream answered" in s.message
            for s in status_log.items
        ):
            time.sleep(0.05)
        assert any("no video stream answered" in s.message for s in status_log.items)
        assert worker.alive
        assert status_log.states()[-1] in ("retrying", "opening", "error")
    finally:
        worker.stop()
