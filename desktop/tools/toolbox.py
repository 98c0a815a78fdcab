"""Toolbox: everything the app needs from the tools package, behind one object.

    toolbox = Toolbox(ToolContext(data_dir=..., manuals_dir=..., config_path=..., ...))
    await toolbox.start()              # tools.toml, HTTP tools; MCP servers and indexing go on
    toolbox.declarations()             # at every connect: [{"name", "description", "parameters"}]
    await toolbox.mcp_started()        # only when a caller must wait (tests, benchmarks)
    result = await toolbox.call(item)  # -> ToolResult; raises only CancelledError
    await toolbox.aclose()

The constructor does no I/O; `start` reports problems through `on_notice` and never raises.
`start` never waits for MCP servers: they start in a background task owned here, and each
server's tools join the registry (and `on_tools_changed` fires) as soon as it is ready, so a
stuck server can delay neither the session's connect nor `aclose`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

import httpx2

from desktop.session.events import Notice, NoticeLevel, ToolCallItem, ToolResult
from desktop.tools.builtins import Timers, register_builtins
from desktop.tools.config import ToolsConfig, load_config
from desktop.tools.context import ToolContext
from desktop.tools.http_tools import http_tool, make_client
from desktop.tools.manuals import IndexProgress, ManualIndex
from desktop.tools.mcp_servers import PING_INTERVAL_S, McpServers
from desktop.tools.registry import ToolRegistry
from desktop.tools.schema import SchemaError

log = logging.getLogger(__name__)

INDEX_FILE = "manuals.sqlite3"


class Toolbox:
    def __init__(self, ctx: ToolContext, *, mcp_ping_interval_s: float = PING_INTERVAL_S) -> None:
        self.ctx = ctx
        self.registry = ToolRegistry(confirm=ctx.confirm, on_activity=ctx.on_activity)
        self.manuals = (
            ManualIndex(ctx.data_dir / INDEX_FILE, ctx.manuals_dir)
            if ctx.manuals_dir is not None
            else None
        )
        self.timers = Timers(ctx)
        self.config = ToolsConfig()
        self.mcp: McpServers | None = None
        self._mcp_ping_interval_s = mcp_ping_interval_s
        self._http: httpx2.AsyncClient | None = None
        self._index_task: asyncio.Task[IndexProgress] | None = None
        self._mcp_task: asyncio.Task[None] | None = None
        self._started = False
        register_builtins(self.registry, ctx, self.manuals, self.timers)

    # -- lifecycle ------------------------------------------------------------------------------

    async def start(self) -> None:
        """Load tools.toml, register HTTP tools, start MCP servers, index in the background."""
        if self._started:
            return
        self._started = True
        if self.manuals is not None:
            self.reindex()
        self.config = await asyncio.to_thread(load_config, self.ctx.config_path)
        for problem in self.config.problems:
            self._notice(problem, NoticeLevel.WARNING)
        self._add_http_tools()
        if self.config.mcp:
            self.mcp = McpServers(
                self.registry,
                self.config.mcp,
                env=self.ctx.env,
                keyring=self.ctx.resolve_secret,
                on_problem=lambda text: self._notice(text, NoticeLevel.WARNING),
                on_tools_changed=self.ctx.on_tools_changed,
                ping_interval_s=self._mcp_ping_interval_s,
                on_secret=self.ctx.on_secret,
            )
            self._mcp_task = asyncio.get_running_loop().create_task(
                self.mcp.start(), name="tools-mcp-start"
            )

    async def mcp_started(self) -> None:
        """Wait until every MCP server is running or reported (returns at once without any)."""
        if self._mcp_task is not None:
            await asyncio.shield(self._mcp_task)

    async def aclose(self) -> None:
        """Stop timers, MCP servers and indexing; close the HTTP client and the index."""
        self.timers.cancel_all()
        starting, self._mcp_task = self._mcp_task, None
        if starting is not None and not starting.done():
            starting.cancel()  # servers still starting are ended by mcp.stop() just below
            await asyncio.wait({starting})
        if self.mcp is not None:
            await self.mcp.stop()
            self.mcp = None
        task, self._index_task = self._index_task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if self._http is not None:
            await self._http.aclose()
            self._http = None
        if self.manuals is not None:
            self.manuals.close()
        self.registry.forget_session_permissions()
        self._started = False

    # -- what the driver calls ------------------------------------------------------------------

    def declarations(self) -> list[dict[str, Any]]:
        return self.registry.declarations()

    async def call(self, item: ToolCallItem) -> ToolResult:
        return await self.registry.call(item)

    def reindex(self) -> asyncio.Task[IndexProgress] | None:
        """(Re)index the manuals folder in the background; the running refresh if there is one."""
        if self.manuals is None:
            return None
        if self._index_task is not None and not self._index_task.done():
            return self._index_task
        self._index_task = asyncio.get_running_loop().create_task(
            self._index(self.manuals), name="tools-manual-index"
        )
        return self._index_task

    async def _index(self, manuals: ManualIndex) -> IndexProgress:
        try:
            progress = await manuals.refresh_async(self.ctx.on_index_progress)
        except Exception as exc:
            log.exception("Indexing the manuals failed")
            self._notice(f"The manuals could not be indexed: {exc}", NoticeLevel.ERROR)
            return IndexProgress(finished=True)
        if progress.failed:
            shown = "; ".join(progress.failed[:3])
            more = f" (and {len(progress.failed) - 3} more)" if len(progress.failed) > 3 else ""
            self._notice(f"Some documents could not be indexed: {shown}{more}", NoticeLevel.WARNING)
        return progress

    # -- parts ----------------------------------------------------------------------------------

    def _add_http_tools(self) -> None:
        for spec in self.config.http:
            tool = http_tool(
                spec, self._client, self.ctx.env, self.ctx.resolve_secret, self.ctx.on_secret
            )
            try:
                self.registry.add(tool)
            except (SchemaError, ValueError) as exc:
                self._notice(f"HTTP tool {spec.name} not offered: {exc}", NoticeLevel.WARNING)

    async def _client(self) -> httpx2.AsyncClient:
        if self._http is None:
            # Built on first use: it loads the system's certificates.
            self._http = await asyncio.to_thread(make_client, self.ctx.http_verify)
        return self._http

    def _notice(self, text: str, level: NoticeLevel) -> None:
        log.log(logging.ERROR if level is NoticeLevel.ERROR else logging.WARNING, "%s", text)
        if self.ctx.on_notice is not None:
            try:
                self.ctx.on_notice(Notice(text, level))
            except Exception:
                log.exception("The notice callback failed")
