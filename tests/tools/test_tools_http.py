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
        elif url.path == "/redirect":
            self._redirect(query["to"], query.get("code", "302"))
        elif url.path == "/binary":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(500), "image/png")
        else:
            self._send(404, b"no such thing", "text/plain")

    def _redirect(self, to: str, code: str) -> None:
        """Sends the client on to `to` with status `code` (both chosen by the test)."""
        self.send_response(int(code))
        self.send_header("Location", to)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self._record(body)
        order = json.loads(body)
        if self.path == "/redirect":
            self._redirect(order["to"], order.get("code", "307"))
            return
        self._send(201, json.dumps({"order": 77, "received": order}).encode(), "application/json")

    do_PUT = do_POST


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # the slow handler must not hold the teardown

    def handle_error(self, request: Any, client_address: Any) -> None:
        return  # the slow handler writes to a client that gave up: expected


def serve() -> Iterator[tuple[str, list[dict[str, Any]]]]:
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


@pytest.fixture
def backend() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    yield from serve()


@pytest.fixture
def other_origin() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """A second server on another port: another origin, that must never see a credential."""
    yield from serve()


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
name = "redirected"
description = "Answers with a redirect."
method = "{{method}}"
url = "{base}/redirect"
headers = {{ Authorization = "Bearer ${{ENV:ERP_TOKEN}}", X-Api-Key = "${{KEYRING:erp-key}}" }}
[http.parameters]
type = "object"
properties.to = {{ type = "string" }}
properties.code = {{ type = "string" }}

[[http]]
name = "needs_secret"
description = "Needs a variable that is not set."
url = "{base}/parts/1/stock"
headers = {{ Authorization = "Bearer ${{ENV:NOT_SET_ANYWHERE}}" }}
"""


ENV_TOKEN = "token-from-env"
KEYRING_KEY = "key-from-keyring"


async def make_toolbox(
    tmp_path: Path,
    base: str,
    confirm: Any = None,
    *,
    method: str = "GET",
    on_secret: Any = None,
    resolve_secret: Any = None,
) -> tuple[Toolbox, list[Notice]]:
    path = tmp_path / "tools.toml"
    path.write_text(config_text(base).replace("{method}", method))
    notices: list[Notice] = []
    secrets = {"erp-key": KEYRING_KEY}
    toolbox = Toolbox(
        ToolContext(
            data_dir=tmp_path / "data",
            config_path=path,
            env={"ERP_TOKEN": ENV_TOKEN},
            resolve_secret=resolve_secret or secrets.get,
            on_secret=on_secret,
            on_notice=notices.append,
            confirm=confirm if confirm is not None else allow,
        )
    )
    await toolbox.start()
    return toolbox, notices


async def allow(name: str, args: Any) -> bool:
    return True


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
        "#3 (no_scheme): url must start with http",
        "#4 (undeclared): url uses part which parameters do not declare",
        "#5 (badschema): invalid parameters schema",
        "#6 (ok): the name 'ok' is used twice",
        "[[mcp]] #1 (both): give either command",
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


# -- credentials stay with their origin -----------------------------------------------------


@pytest.mark.parametrize(
    ("method", "code"), [("GET", "302"), ("GET", "301"), ("POST", "307"), ("PUT", "308")]
)
async def test_a_redirect_to_another_origin_never_carries_the_headers(
    tmp_path: Path,
    backend: tuple[str, list[dict[str, Any]]],
    other_origin: tuple[str, list[dict[str, Any]]],
    method: str,
    code: str,
) -> None:
    base, seen = backend
    other, stolen = other_origin
    toolbox, _ = await make_toolbox(tmp_path, base, method=method)
    try:
        target = f"{other}/parts/4471/stock?key=abc"
        out = await call(toolbox, "redirected", to=target, code=code)
        # The second origin saw nothing at all, let alone a header.
        assert [r["headers"] for r in stolen] == []
        assert out["error"].startswith(f"redirected: the server answered HTTP {code}, a redirect")
        assert f"{other}/parts/4471/stock;" in out["error"]  # where to, for IT to fix the URL
        assert "key=abc" not in out["error"]  # never the query: it may hold a key
        # The configured server got the credentials: it is the one they are meant for.
        assert seen[-1]["headers"]["X-Api-Key"] == KEYRING_KEY
    finally:
        await toolbox.aclose()


async def test_same_origin_redirects_are_reported_not_followed(
    tmp_path: Path, backend: tuple[str, list[dict[str, Any]]]
) -> None:
    base, seen = backend
    toolbox, _ = await make_toolbox(tmp_path, base)
    try:
        out = await call(toolbox, "redirected", to="/parts/4471/stock")
        assert "a redirect to http://127.0.0.1:" in out["error"]
        assert "tools.toml needs the final URL" in out["error"]
        assert [r["path"].split("?")[0] for r in seen] == ["/redirect"]
    finally:
        await toolbox.aclose()


@pytest.mark.parametrize("value", ["..", ".", "", " .. "])
async def test_dot_segments_in_path_parameters_are_refused(
    tmp_path: Path, backend: tuple[str, list[dict[str, Any]]], value: str
) -> None:
    base, seen = backend
    toolbox, _ = await make_toolbox(tmp_path, base)
    try:
        out = await call(toolbox, "check_inventory", part_number=value)
        assert out["error"].startswith(f"the argument part_number cannot be {value!r}")
        assert seen == []  # nothing was sent
        # Encoded, a slash stays inside its segment; a dot inside a name is just a dot.
        ok = await call(toolbox, "check_inventory", part_number="../4471")
        assert seen[-1]["path"] == "/parts/..%2F4471/stock"
        assert ok["output"]["part"] == "../4471"
        await call(toolbox, "check_inventory", part_number="44.71")
        assert seen[-1]["path"] == "/parts/44.71/stock"
    finally:
        await toolbox.aclose()


async def test_env_and_keyring_secrets_alike_are_resolved_off_the_loop_and_registered(
    tmp_path: Path, backend: tuple[str, list[dict[str, Any]]]
) -> None:
    base, seen = backend
    registered: list[str] = []
    threads: list[int] = []

    def keyring_lookup(name: str) -> str | None:
        threads.append(threading.get_ident())
        return {"erp-key": KEYRING_KEY}.get(name)

    toolbox, _ = await make_toolbox(
        tmp_path, base, on_secret=registered.append, resolve_secret=keyring_lookup
    )
    try:
        out = await call(toolbox, "check_inventory", part_number="4471")
        assert out["output"]["stock"] == 12
        assert seen[-1]["headers"]["Authorization"] == f"Bearer {ENV_TOKEN}"
        assert sorted(registered) == sorted([ENV_TOKEN, KEYRING_KEY])
        assert threads and threading.get_ident() not in threads  # never on the event loop
    finally:
        await toolbox.aclose()


NUMBER_PROBLEMS = [
    ("timeout_s = inf", "timeout_s must be a finite number, not inf"),
    ("timeout_s = nan", "timeout_s must be a finite number, not nan"),
    ("timeout_s = -3", "timeout_s must be above 0 and at most 600, not -3"),
    ("timeout_s = 0", "timeout_s must be above 0 and at most 600, not 0"),
    ("timeout_s = 1e9", "timeout_s must be above 0 and at most 600, not 1e+09"),
    ("timeout_s = '5'", "timeout_s must be a number, not str"),
    ("max_response_bytes = 0.5", "max_response_bytes must be a whole number, not 0.5"),
    ("max_response_bytes = inf", "max_response_bytes must be a finite number, not inf"),
    ("max_response_bytes = -inf", "max_response_bytes must be a finite number, not -inf"),
    ("max_response_bytes = 0", "max_response_bytes must be from 1 to 10485760, not 0"),
    ("max_response_bytes = 1e300", "max_response_bytes must be from 1 to 10485760, not 1e+300"),
]


@pytest.mark.parametrize(("line", "message"), NUMBER_PROBLEMS)
def test_numbers_must_be_finite_and_in_range(line: str, message: str) -> None:
    config = parse_config(
        f"""
[[http]]
name = "stock"
description = "x"
url = "https://erp.example.invalid/stock"
{line}

[[mcp]]
name = "files"
command = "server-bin"
{line.replace("max_response_bytes", "start_timeout_s")}
"""
    )
    assert config.http == ()
    assert config.problems[0] == f"tools.toml [[http]] #1 (stock): {message}"
    if line.startswith("timeout_s"):
        assert config.mcp == ()
        assert config.problems[1] == f"tools.toml [[mcp]] #1 (files): {message}"


def test_placeholders_are_checked_when_the_file_is_read() -> None:
    config = parse_config(
        """
[[http]]
name = "host_from_the_model"
description = "x"
url = "https://{host}/stock"
parameters = { type = "object", properties = { host = { type = "string" } } }

[[http]]
name = "typo"
description = "x"
url = "https://erp.example.invalid/stock"
headers = { Authorization = "Bearer ${env:ERP_TOKEN}" }

[[mcp]]
name = "files"
command = "server-bin"
env = { TOKEN = "${ENV:FILES_TOKEN}", OTHER = "${KEYRING:files}" }
headers = { X-Api-Key = "${SECRET:files}" }
"""
    )
    assert config.http == () and config.mcp == ()
    assert config.problems == (
        "tools.toml [[http]] #1 (host_from_the_model): "
        "url may use {parameters} in its path and query, never in the host",
        "tools.toml [[http]] #2 (typo): headers.Authorization: '${env:ERP_TOKEN}' is not "
        "understood; write ${ENV:NAME} or ${KEYRING:NAME}",
        "tools.toml [[mcp]] #1 (files): headers.X-Api-Key: '${SECRET:files}' is not "
        "understood; write ${ENV:NAME} or ${KEYRING:NAME}",
    )
