"""The simulator's REST side: `models/{model}:generateContent` over TLS on loopback.

The job report's summary is one `generate_content` call with a text model (see
desktop/report/summary.py); this server answers it the way the service does (the same URL
shape, API-key header, JSON body and response), so the whole path runs offline. Its answer is
deterministic and made from the request: the technician's first words as the fault, the work
notes as the work done, notes that replace or fit something as parts. A key of "bad-key" is
refused with the service's 400 body.

Sync and threaded (http.server), because the report is made from worker threads and from the
command line, where no event loop runs.
"""

from __future__ import annotations

import json
import re
import ssl
import tempfile
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from desktop.sim.certs import client_context, server_context, write_self_signed
from desktop.sim.server import BAD_KEY, REASON_BAD_KEY

GENERATE_PATH = re.compile(r"^/v1(alpha|beta)?/models/(?P<model>[^/:]+):generateContent$")
# The prompt's section markers (desktop/report/summary.py writes them).
NOTE_LINE = re.compile(r"^- note: (?P<text>.+)$", re.MULTILINE)
TECH_LINE = re.compile(r"^\[[0-9:]+\] Technician: (?P<text>.+)$", re.MULTILINE)
PART_WORDS = ("replace", "fitted", "installed", "new ")


def simulated_summary(prompt: str) -> dict[str, Any]:
    """What the simulator's "model" writes for a prompt: taken from it, never invented."""
    notes = [m["text"].strip() for m in NOTE_LINE.finditer(prompt)]
    said = [m["text"].strip() for m in TECH_LINE.finditer(prompt)]
    return {
        "fault_found": said[0] if said else "Not stated in the session.",
        "work_done": "; ".join(notes) if notes else "No work was logged.",
        "parts_used": [n for n in notes if any(w in n.lower() for w in PART_WORDS)],
        "follow_ups": [],
    }


class SimRest:
    """start() / stop(); `url` and `client_ssl_context()` as for SimServer."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self.requests: list[dict[str, Any]] = []  # every request body, for tests
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self._ca_file: Path | None = None

    def start(self) -> SimRest:
        if self._server is not None:
            return self
        self._tmp = tempfile.TemporaryDirectory(prefix="fieldassist-simrest-")
        pair = write_self_signed(Path(self._tmp.name), self.host)
        self._ca_file = pair.cert_file
        server = ThreadingHTTPServer((self.host, 0), _handler(self))
        server.daemon_threads = True
        server.socket = server_context(pair).wrap_socket(server.socket, server_side=True)
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, name="sim-rest", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> SimRest:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("SimRest.start() has not run")
        return f"https://{self.host}:{self._server.server_address[1]}"

    def client_ssl_context(self) -> ssl.SSLContext:
        if self._ca_file is None:
            raise RuntimeError("SimRest.start() has not run")
        return client_context(self._ca_file)


def _handler(sim: SimRest) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass  # the test output is not the place for an access log

        def do_POST(self) -> None:
            path = self.path.split("?", 1)[0]
            match = GENERATE_PATH.match(path)
            if match is None:
                self._reply(HTTPStatus.NOT_FOUND, _error(404, f"No method at {path}", "NOT_FOUND"))
                return
            if self.headers.get("x-goog-api-key") == BAD_KEY:
                body = _error(400, REASON_BAD_KEY, "INVALID_ARGUMENT")
                self._reply(HTTPStatus.BAD_REQUEST, body)
                return
            length = int(self.headers.get("Content-Length") or 0)
            try:
                request = json.loads(self.rfile.read(length) or b"{}")
            except ValueError:
                self._reply(HTTPStatus.BAD_REQUEST, _error(400, "Invalid JSON", "INVALID_ARGUMENT"))
                return
            sim.requests.append({"model": match["model"], **request})
            prompt = "\n".join(
                str(part.get("text", ""))
                for content in request.get("contents", [])
                for part in content.get("parts", [])
            )
            text = json.dumps(simulated_summary(prompt))
            self._reply(
                HTTPStatus.OK,
                {
                    "candidates": [
                        {
                            "content": {"role": "model", "parts": [{"text": text}]},
                            "finishReason": "STOP",
                            "index": 0,
                        }
                    ],
                    "usageMetadata": {
                        "promptTokenCount": len(prompt) // 4,
                        "candidatesTokenCount": len(text) // 4,
                        "totalTokenCount": (len(prompt) + len(text)) // 4,
                    },
                    "modelVersion": match["model"],
                },
            )

        def _reply(self, status: HTTPStatus, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=UTF-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


def _error(code: int, message: str, status: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "status": status}}
