"""HTTP tools from tools.toml against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import json
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from desktop.session.events import Notice, ToolCallItem
from desktop.tools import Toolbox, ToolContext, parse_config

SLOW_S = 3.0


class Backend(BaseHTTPRequestHandler):
    seen: list[dict[str, Any]]  # set per server

    def log_message(self, format: str, *args: Any) -> None:  # stdlib's name
        return  # keep test output clean

    def _record(self, body: bytes = b"") -> None:
        self.server.seen.append(  # type: ignore[attr-defined]
            {
                "method": self.command,
                "path": self.path,
                "headers": dict(self.headers),
                "body": body.decode() if body else "",
            }
        )

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self._record()
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        if url.path.startswith("/parts/"):
            part = urllib.parse.unquote(url.path.split("/")[2])
            body = {"part": part, "stock": 12 if part == "4471" else 0, "query": query}
            self._send(200, json.dumps(body).encode(), "application/json")
        elif url.path == "/fail":
            self._send(500, b"database down", "text/plain")
        elif url.path == "/garbage":
            self._send(200, b"<html>definitely not json", "application/json")
        elif url.path == "/slow":
            time.sleep(SLOW_S)
            self._send(200, b"{}", "application/json")
        elif url.path == "/huge":
            self._send(200, b"line of text\n" * 100_000, "text/plain; charset=utf-8")
        elif url.path == "/binary":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(500), "image/png")
        else:
            self._send(404, b"no such thing", "text/plain")

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self._record(body)
        order = json.loads(body)
        self._send(201, json.dumps({"order": 77, "received": order}).encode(), "application/json")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # the slow handler must not hold the teardown

    def handle_error(self, request: Any, client_address: Any) -> None:
        return  # the slow handler writes to a client that gave up: expected


@pytest.fixture
def backend() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    server = QuietServer(("127.0.0.1", 0), Backend)
    server.seen = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, name="test-http", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server.seen  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


def config_text(base: str) -> str:
    return f"""
[[http]]
name = "check_inventory"
description = "Stock of a spare part in the regional warehouse."
url = "{base}/parts/{{part_number}}/stock"
timeout_s = 5
headers = {{ Authorization = "Bearer ${{ENV:ERP_TOKEN}}", X-Api-Key = "${{KEYRING:erp-key}}" }}
[http.parameters]
type = "object"
required = ["part_number"]
properties.part_number = {{ type = "string", description = "Part number" }}
properties.warehouse = {{ type = "string", enum = ["north", "south"] }}

[[http]]
name = "order_part"
description = "Order a part for the van."
method = "POST"
url = "{base}/orders"
[http.parameters]
type = "object"
required = ["part_number", "quantity"]
properties.part_number = {{ type = "string" }}
properties.quantity = {{ type = "integer", minimum = 1 }}

[[http]]
name = "failing"
description = "Answers 500."
url = "{base}/fail"

[[http]]
name = "garbage"
description = "Claims JSON, sends HTML."
url = "{base}/garbage"

[[http]]
name = "slow"
description = "Takes too long."
url = "{base}/slow"
timeout_s = 0.5

[[http]]
name = "huge"
description = "A megabyte of text."
url = "{base}/huge"
max_response_bytes = 4096

[[http]]
name = "binary"
description = "A picture."
url = "{base}/binary"

[[http]]
name = "refused"
description = "Nobody listens."
url = "http://127.0.0.1:9/nothing"
timeout_s = 2

[[http]]
name = "needs_secret"
description = "Needs a variable that is not set."
url = "{base}/parts/1/stock"
headers = {{ Authorization = "Bearer ${{ENV:NOT_SET_ANYWHERE}}" }}
"""


async def make_toolbox(
    tmp_path: Path, base: str, confirm: Any = None
) -> tuple[Toolbox, list[Notice]]:
    path = tmp_path / "tools.toml"
    path.write_text(config_text(base))
    notices: list[Notice] = []
    secrets = {"erp-key": "key-from-keyring"}
    toolbox = Toolbox(
        ToolContext(
            data_dir=tmp_path / "data",
            config_path=path,
            env={"ERP_TOKEN": "token-from-env"},
            resolve_secret=secrets.get,
            on_notice=notices.append,
            confirm=confirm,
        )
    )
    await toolbox.start()
    return toolbox, notices


async def call(toolbox: Toolbox, name: str, **args: Any) -> dict[str, Any]:
    result = await asyncio.wait_for(toolbox.call(ToolCallItem("id-" + name, name, args)), 30)
    return dict(result.response)


async def test_get_with_url_template_query_and_secret_headers(
    tmp_path: Path, backend: tuple[str, list[dict[str, Any]]]
) -> None:
    base, seen = backend
    toolbox, notices = await make_toolbox(tmp_path, base)
    try:
        assert notices == []
        names = [d["name"] for d in toolbox.declarations()]
        assert {"check_inventory", "order_part", "failing"} <= set(names)
        out = await call(toolbox, "check_inventory", part_number="4471/B", warehouse="north")
        assert out == {"output": {"part": "4471/B", "stock": 0, "query": {"warehouse": "north"}}}
        request = seen[-1]
        assert request["path"] == "/parts/4471%2FB/stock?warehouse=north"
        assert request["headers"]["Authorization"] == "Bearer token-from-env"
        assert request["headers"]["X-Api-Key"] == "key-from-keyring"

        bad = await call(toolbox, "check_inventory", warehouse="east")
        assert bad["error"].startswith("Invalid arguments for check_inventory")
        assert len(seen) == 1  # nothing was sent for invalid arguments
    finally:
        await toolbox.aclose()


async def test_post_sends_json_and_asks_first(
    tmp_path: Path, backend: tuple[str, list[dict[str, Any]]]
) -> None:
    base, seen = backend
    asked: list[str] = []

    async def confirm(name: str, args: Any) -> bool:
        asked.append(name)
        return len(asked) > 1  # declines the first time

    toolbox, _ = await make_toolbox(tmp_path, base, confirm)
    try:
        declined = await call(toolbox, "order_part", part_number="4471", quantity=2)
        assert declined == {"error": "The user declined: order_part did not run."}
        assert seen == []
        out = await call(toolbox, "order_part", part_number="4471", quantity=2)
        assert out == {"output": {"order": 77, "received": {"part_number": "4471", "quantity": 2}}}
        assert seen[-1]["method"] == "POST"
        assert asked == ["order_part", "order_part"]
    finally:
        await toolbox.aclose()


async def test_failures_are_tool_errors(
    tmp_path: Path, backend: tuple[str, list[dict[str, Any]]]
) -> None:
    base, _ = backend
    toolbox, _ = await make_toolbox(tmp_path, base)
    try:
        assert await call(toolbox, "failing") == {
            "error": "failing: the server answered HTTP 500: database down"
        }
        assert await call(toolbox, "garbage") == {
            "error": "garbage: the server's answer is not valid JSON"
        }
        assert await call(toolbox, "slow") == {
            "error": "slow: the server did not answer within 0.5 s"
        }
        assert await call(toolbox, "binary") == {
            "error": "binary: the server answered with image/png, which is not text"
        }
        refused = await call(toolbox, "refused")
        assert refused["error"].startswith("refused: the request failed (")
        missing = await call(toolbox, "needs_secret")
        assert missing == {"error": "the environment variable NOT_SET_ANYWHERE is not set"}
    finally:
        await toolbox.aclose()


async def test_responses_are_capped(
    tmp_path: Path, backend: tuple[str, list[dict[str, Any]]]
) -> None:
    base, _ = backend
    toolbox, _ = await make_toolbox(tmp_path, base)
    try:
        out = (await call(toolbox, "huge"))["output"]
        assert len(out["text"]) == 4096
        assert out["text"].startswith("line of text\n")
        assert out["truncated"] == "only the first 4096 bytes of the answer"
    finally:
        await toolbox.aclose()


def test_config_problems_are_listed_and_good_entries_kept() -> None:
    config = parse_config(
        """
[[http]]
name = "ok"
description = "fine"
url = "https://example.invalid/{id}"
parameters = { type = "object", properties = { id = { type = "string" } } }

[[http]]
name = "bad name"
description = "x"
url = "https://example.invalid/"

[[http]]
name = "no_scheme"
description = "x"
url = "example.invalid/a"

[[http]]
name = "undeclared"
description = "x"
url = "https://example.invalid/{part}"

[[http]]
name = "badschema"
description = "x"
url = "https://example.invalid/"
parameters = { type = "object", properties = { a = { type = "strung" } } }

[[http]]
name = "ok"
description = "again"
url = "https://example.invalid/"

[[mcp]]
name = "both"
command = "x"
url = "https://example.invalid/mcp"

[[mcp]]
name = "fine"
command = "server-bin"
args = ["--stdio"]

[other]
x = 1
"""
    )
    assert [h.name for h in config.http] == ["ok"]
    assert config.http[0].changes_outside is False and config.http[0].method == "GET"
    assert [m.name for m in config.mcp] == ["fine"]
    problems = "\n".join(config.problems)
    for expected in (
        "#2: name 'bad name'",
        "#3: url must start with http",
        "#4: url uses part which parameters do not declare",
        "#5: invalid parameters schema",
        "#6: the name 'ok' is used twice",
        "[[mcp]] #1: give either command",
        "unknown section(s) other ignored",
    ):
        assert expected in problems
    assert parse_config("not = [toml").problems[0].startswith("tools.toml: not valid TOML")


async def test_broken_config_file_is_reported_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "tools.toml"
    path.write_text("[[http]\nname=")
    notices: list[Notice] = []
    toolbox = Toolbox(ToolContext(data_dir=tmp_path, config_path=path, on_notice=notices.append))
    await toolbox.start()
    try:
        assert [d["name"] for d in toolbox.declarations()] == ["get_current_time"]
        assert len(notices) == 1 and "not valid TOML" in notices[0].text
    finally:
        await toolbox.aclose()
