"""MCP servers from `tools.toml`: started with the session, their tools offered to the model.

Servers start alongside the session, never in front of it: `Toolbox.start` returns without
waiting for them, each server's tools are registered the moment that server has listed them
(a slow or stuck one holds back nobody else), and the app declares them at its next connect.

Each server lives in one task of its own that holds the SDK's connection open (the SDK's
context managers must be entered and left in the same task). A server that exits or stops
answering is reported once and its tools are withdrawn; the session goes on.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import tempfile
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass
from typing import IO, Any

import httpx2
from mcp import Client
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.exceptions import MCPError
from mcp_types import CONNECTION_CLOSED, CallToolResult, TextContent
from mcp_types import Tool as McpTool

from desktop.tools.config import (
    McpServerSpec,
    SecretResolver,
    SecretSink,
    resolve_map_off_loop,
)
from desktop.tools.registry import Tool, ToolError, ToolRegistry
from desktop.tools.schema import SchemaError, safe_name

log = logging.getLogger(__name__)

PING_INTERVAL_S = 5.0
PING_TIMEOUT_S = 10.0
STOP_TIMEOUT_S = 5.0
STDERR_TAIL_CHARS = 400
ORDER_GRACE_S = 5.0  # how long a ready server's tools wait for the server above it


class McpServerError(Exception):
    """A server that could not be started (the message is for the UI)."""


@dataclass(frozen=True)
class McpToolInfo:
    name: str  # the server's own name for it
    description: str
    input_schema: Mapping[str, Any]
    read_only: bool


LostCallback = Callable[["McpServer", str], None]


class McpServer:
    """One configured server. Construct (no I/O), `await start()`, `call`, `await stop()`."""

    def __init__(
        self,
        spec: McpServerSpec,
        env: Mapping[str, str],
        keyring: SecretResolver | None,
        on_lost: LostCallback,
        *,
        ping_interval_s: float = PING_INTERVAL_S,
        on_secret: SecretSink | None = None,
    ) -> None:
        self.spec = spec
        self._env = env
        self._keyring = keyring
        self._on_secret = on_secret
        self._on_lost = on_lost
        self._ping_interval_s = ping_interval_s
        self._client: Client | None = None
        self._task: asyncio.Task[None] | None = None
        self._ready: asyncio.Future[list[McpToolInfo]] | None = None
        self._stop = asyncio.Event()
        self._errlog: IO[str] | None = None
        self._started_ok = False
        self.lost_reason: str | None = None

    @property
    def alive(self) -> bool:
        return self._client is not None and self.lost_reason is None

    async def start(self) -> list[McpToolInfo]:
        """Connect and list the tools. Raises McpServerError; leaves nothing running then."""
        loop = asyncio.get_running_loop()
        self._ready = loop.create_future()
        self._task = loop.create_task(self._run(), name=f"mcp-{self.spec.name}")
        try:
            return await asyncio.wait_for(asyncio.shield(self._ready), self.spec.start_timeout_s)
        except TimeoutError:
            await self.stop()
            raise McpServerError(
                f"MCP server {self.spec.name} did not start within {self.spec.start_timeout_s:g} s"
            ) from None
        except McpServerError:
            await self.stop()
            raise

    async def stop(self) -> None:
        self._stop.set()
        task, self._task = self._task, None
        if task is not None and not task.done():
            if self._client is None:
                task.cancel()  # still starting: there is no session to close politely
            # asyncio.wait, not await: the task's own cancellation must not look like ours.
            _, pending = await asyncio.wait({task}, timeout=STOP_TIMEOUT_S)
            if pending:
                task.cancel()
                await asyncio.wait({task}, timeout=STOP_TIMEOUT_S)
        if task is not None and task.done() and not task.cancelled():
            task.exception()  # retrieved: its failure was reported already
        self._client = None
        self._close_errlog()

    async def call(self, name: str, args: Mapping[str, Any]) -> Any:
        client = self._client
        if client is None or self.lost_reason is not None:
            raise ToolError(f"The MCP server {self.spec.name} is not running.")
        try:
            result = await client.call_tool(name, dict(args))
        except MCPError as exc:
            if exc.code == CONNECTION_CLOSED:
                self._lose("the connection closed")
                raise ToolError(
                    f"The MCP server {self.spec.name} stopped during the call."
                ) from exc
            raise ToolError(f"{name} failed on {self.spec.name}: {exc.error.message}") from exc
        except (OSError, httpx2.HTTPError) as exc:
            raise ToolError(
                f"{name}: cannot reach {self.spec.name} ({type(exc).__name__})"
            ) from exc
        return _result(name, result)

    # -- the owning task ----------------------------------------------------------------------

    async def _run(self) -> None:
        assert self._ready is not None
        ready = self._ready
        try:
            async with self._connect() as client:
                tools = await _list_tools(client)
                self._client = client
                ready.set_result(tools)
                self._started_ok = True
                await self._watch(client)
        except asyncio.CancelledError:
            if not ready.done():
                ready.cancel()  # start() gave up waiting: nobody reads this future
            raise
        except ToolError as exc:  # a secret could not be resolved
            self._fail(ready, str(exc))
        except Exception as exc:
            self._fail(ready, _describe(exc))
        finally:
            self._client = None
        if self._started_ok and not self._stop.is_set():
            self._lose("it exited")

    def _fail(self, ready: asyncio.Future[list[McpToolInfo]], why: str) -> None:
        if not ready.done():
            ready.set_exception(
                McpServerError(
                    f"MCP server {self.spec.name} failed to start: {why}{self._stderr_tail()}"
                )
            )
        elif not self._stop.is_set():
            self._lose(why)

    @contextlib.asynccontextmanager
    async def _connect(self) -> AsyncIterator[Client]:
        spec = self.spec
        async with contextlib.AsyncExitStack() as stack:
            if spec.command is not None:
                params = StdioServerParameters(
                    command=spec.command,
                    args=list(spec.args),
                    env=await self._resolve(spec.env),
                    cwd=spec.cwd,
                )
                # The server's stderr is kept to explain a crash (and out of the app's own).
                self._errlog = tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace")  # noqa: SIM115
                transport: Any = stdio_client(params, errlog=self._errlog)
            else:
                assert spec.url is not None
                http = await stack.enter_async_context(
                    httpx2.AsyncClient(
                        headers=await self._resolve(spec.headers),
                        timeout=httpx2.Timeout(30.0, read=300.0),
                    )
                )
                transport = streamable_http_client(spec.url, http_client=http)
            client = await stack.enter_async_context(
                Client(transport, read_timeout_seconds=spec.timeout_s)
            )
            yield client

    async def _resolve(self, values: Mapping[str, str]) -> dict[str, str]:
        """Secrets filled on a worker thread: a keyring may prompt and take its time."""
        return await resolve_map_off_loop(values, self._env, self._keyring, self._on_secret)

    async def _watch(self, client: Client) -> None:
        """Until stopped: ping now and then, so that a dead server is noticed between calls."""
        misses = 0
        while not self._stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), self._ping_interval_s)
                return
            if self.lost_reason is not None:
                return
            try:
                await asyncio.wait_for(client.session.send_ping(), PING_TIMEOUT_S)
                misses = 0
            except TimeoutError:
                misses += 1
                if misses >= 2:
                    self._lose("it stopped answering")
                    return
            except MCPError as exc:
                if exc.code == CONNECTION_CLOSED:
                    self._lose("the connection closed")
                    return
                misses = 0  # any answer, even "method not found" (newer protocols), is alive
            except Exception as exc:
                self._lose(_describe(exc))
                return

    def _lose(self, why: str) -> None:
        if self.lost_reason is not None or self._stop.is_set():
            return
        self.lost_reason = why + self._stderr_tail()
        log.warning("MCP server %s lost: %s", self.spec.name, self.lost_reason)
        try:
            self._on_lost(self, self.lost_reason)
        except Exception:
            log.exception("The MCP lost-server callback failed")

    def _stderr_tail(self) -> str:
        if self._errlog is None or self._errlog.closed:
            return ""
        try:
            self._errlog.flush()
            self._errlog.seek(0)
            tail = " ".join(self._errlog.read()[-STDERR_TAIL_CHARS:].split())
        except (OSError, ValueError):
            return ""
        return f" (last output: {tail})" if tail else ""

    def _close_errlog(self) -> None:
        if self._errlog is not None:
            self._errlog.close()
            self._errlog = None


async def _list_tools(client: Client) -> list[McpToolInfo]:
    tools: list[McpTool] = []
    cursor: str | None = None
    for _ in range(100):  # a server that pages forever is not worth waiting for
        page = await client.list_tools(cursor=cursor)
        tools.extend(page.tools)
        cursor = page.next_cursor
        if not cursor:
            break
    return [
        McpToolInfo(
            name=t.name,
            description=t.description or t.title or t.name,
            input_schema=t.input_schema,
            read_only=bool(t.annotations and t.annotations.read_only_hint),
        )
        for t in tools
    ]


def _result(name: str, result: CallToolResult) -> Any:
    texts = [c.text if isinstance(c, TextContent) else f"[{c.type} content omitted]"
             for c in result.content]  # fmt: skip
    if result.is_error:
        raise ToolError(f"{name} failed: {' '.join(texts) or 'the server gave no reason'}")
    if result.structured_content is not None:
        return result.structured_content
    return texts[0] if len(texts) == 1 else texts


def _describe(exc: BaseException) -> str:
    if isinstance(exc, BaseExceptionGroup):
        return "; ".join(_describe(e) for e in exc.exceptions)
    if isinstance(exc, MCPError):
        return exc.error.message
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


# -- the manager: servers -> registry -------------------------------------------------------------


class McpServers:
    """All configured servers: starts them, registers their tools, withdraws them on loss."""

    def __init__(
        self,
        registry: ToolRegistry,
        specs: tuple[McpServerSpec, ...],
        *,
        env: Mapping[str, str],
        keyring: SecretResolver | None,
        on_problem: Callable[[str], None],
        on_tools_changed: Callable[[], None] | None = None,
        ping_interval_s: float = PING_INTERVAL_S,
        on_secret: SecretSink | None = None,
    ) -> None:
        self._registry = registry
        self._on_problem = on_problem
        self._on_tools_changed = on_tools_changed
        self.servers = [
            McpServer(
                s, env, keyring, self._lost, ping_interval_s=ping_interval_s, on_secret=on_secret
            )
            for s in specs
        ]
        self._names: dict[str, list[str]] = {}  # server -> registered tool names

    def tools_of(self, server: str) -> list[str]:
        return list(self._names.get(server, []))

    async def start(self) -> None:
        """Start every server at once; each one's tools join as soon as it is ready.

        One that fails is reported, the others go on. Tools are registered in the file's
        order where that costs little: a ready server waits up to ORDER_GRACE_S for the one
        above it, so a tool name two servers share goes to the same one at every launch, and a
        stuck server above holds back the others' tools by seconds, not by its start timeout.
        Returns when every server is running or reported; cancelling it leaves the servers
        to `stop()`.
        """
        gates = [asyncio.Event() for _ in self.servers]
        await asyncio.gather(
            *(
                self._start_one(server, gates[n - 1] if n else None, gates[n])
                for n, server in enumerate(self.servers)
            )
        )

    async def _start_one(
        self, server: McpServer, after: asyncio.Event | None, done: asyncio.Event
    ) -> None:
        try:
            tools = await server.start()
        except McpServerError as exc:
            self._on_problem(str(exc))
            done.set()
            return
        except Exception as exc:  # a bug here must not stop the other servers
            log.warning("MCP server %s: start failed", server.spec.name, exc_info=True)
            self._on_problem(f"MCP server {server.spec.name} failed to start: {_describe(exc)}")
            done.set()
            return
        try:
            if after is not None:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(after.wait(), ORDER_GRACE_S)
            self._register(server, tools)
        finally:
            done.set()
        if self._names.get(server.spec.name) and self._on_tools_changed is not None:
            self._on_tools_changed()

    async def stop(self) -> None:
        await asyncio.gather(*(s.stop() for s in self.servers), return_exceptions=True)
        for server in self.servers:
            for name in self._names.pop(server.spec.name, []):
                self._registry.remove(name)

    def _register(self, server: McpServer, tools: list[McpToolInfo]) -> None:
        spec = server.spec
        names: list[str] = []
        for info in tools:
            name = safe_name(f"{spec.name}_{info.name}" if spec.prefix else info.name)
            if name in self._registry:
                name = safe_name(f"{spec.name}_{info.name}")
            if name in self._registry:
                self._on_problem(f"MCP server {spec.name}: tool {info.name} clashes; not offered")
                continue
            confirm = spec.confirm == "always" or (spec.confirm == "auto" and not info.read_only)
            try:
                self._registry.add(
                    Tool(
                        name=name,
                        description=info.description,
                        handler=_forward(server, info.name),
                        parameters=_object_schema(info.input_schema),
                        timeout_s=spec.timeout_s + 1.0,  # the SDK's read timeout answers first
                        changes_outside=confirm,
                        allow_extra_args=True,
                        source=f"mcp:{spec.name}",
                    )
                )
            except (SchemaError, ValueError) as exc:
                self._on_problem(f"MCP server {spec.name}: tool {info.name} not offered ({exc})")
                continue
            names.append(name)
        self._names[spec.name] = names
        log.info("MCP server %s: %d tools", spec.name, len(names))

    def _lost(self, server: McpServer, reason: str) -> None:
        names = self._names.pop(server.spec.name, [])
        why = f"the MCP server {server.spec.name} stopped"
        for name in names:
            self._registry.withdraw(name, why)
        self._on_problem(
            f"MCP server {server.spec.name} stopped ({reason}); {len(names)} tool(s) withdrawn"
        )
        if self._on_tools_changed is not None:
            self._on_tools_changed()


def _forward(server: McpServer, tool_name: str) -> Callable[..., Any]:
    async def handler(**args: Any) -> Any:
        return await server.call(tool_name, args)

    return handler


def _object_schema(schema: Mapping[str, Any]) -> dict[str, Any]:
    """The server's input schema, minus keys that only describe the schema itself."""
    clean = {k: v for k, v in schema.items() if k not in ("$schema", "title")}
    clean.setdefault("type", "object")
    clean.setdefault("properties", {})
    return clean
