"""MCP servers start alongside the session, never in front of it: a stuck one delays neither
the connect nor the stop, and a slow one's tools are declared at the next connect, with a note
in the transcript when they join. Through the whole driver, the real SDK and the simulator."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from support.waiting import wait_until

from desktop.app import AppEvent, SessionDriver
from desktop.infra import paths
from desktop.infra.redact import redact, unregister_secret
from desktop.infra.settings import Settings
from desktop.session.states import LinkState
from desktop.sim import Scenario, SimServer
from desktop.sim.scenario import Fault

MCP_SERVER = Path(__file__).parents[1] / "tools" / "tools_mcp_server.py"
LIMIT_S = 30.0  # bounds against hangs, not timings


def write_tools_toml(text: str) -> None:
    folder = paths.config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tools.toml").write_text(text)


def driver_for(sim: SimServer, events: list[AppEvent]) -> SessionDriver:
    settings = Settings(
        backend="gemini",
        endpoint=sim.url,
        ca_file=str(sim.ca_file),
        video_source="none",
        input_device="no-such-microphone",
    )
    return SessionDriver(settings, "test-key", events.append)


def declared(setup: dict[str, Any]) -> set[str]:
    body = setup.get("setup") or {}
    return {
        f["name"]
        for tool in body.get("tools") or []
        for f in tool.get("function_declarations") or tool.get("functionDeclarations") or []
    }


def live_children(command: str) -> list[int]:
    """Processes this test process started that still run `command` (zombies excluded)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        state, ppid = fields[0], int(fields[1])
        if ppid == os.getpid() and state != "Z" and cmdline == command:
            found.append(int(entry.name))
    return found


async def test_a_stuck_mcp_server_delays_neither_the_connect_nor_the_stop() -> None:
    # `sleep` never answers MCP's initialize: without a bound it would wait 120 s.
    write_tools_toml(
        '[[mcp]]\nname = "stuck"\ncommand = "sleep"\nargs = ["120"]\nstart_timeout_s = 120\n'
    )
    events: list[AppEvent] = []
    async with SimServer() as sim:
        driver = driver_for(sim, events)
        try:
            await asyncio.wait_for(driver.start(), LIMIT_S)
            await wait_until(lambda: driver.link_state is LinkState.OPEN, LIMIT_S)
            (setup,) = sim.frames("setup")  # the setup reached the simulator ...
            assert "get_current_time" in declared(setup)  # ... with the tools that were ready
            await wait_until(lambda: live_children("sleep 120"), LIMIT_S)  # still starting
        finally:
            await asyncio.wait_for(driver.aclose(), LIMIT_S)  # the stop does not hang on it
    await wait_until(lambda: not live_children("sleep 120"), LIMIT_S)  # and it is gone


async def test_a_slow_mcp_servers_tools_join_at_the_next_connect(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    token = "parts-" + "token-" + "7d1f9e3a"  # built at run time
    monkeypatch.setenv("PARTS_TOKEN", token)
    write_tools_toml(
        f'[[mcp]]\nname = "parts"\ncommand = "{sys.executable}"\n'
        f'args = ["{MCP_SERVER}", "--delay", "2"]\ntimeout_s = 10\n'
        'env = { PARTS_TOKEN = "${ENV:PARTS_TOKEN}" }\n'
    )
    # Each of the first connections drops a few seconds in: the reconnects that follow are
    # the "next connect" (one of them comes after the slow server is ready).
    drops = Fault(kind="drop", after_s=4.0, connections=(1, 2, 3, 4))
    events: list[AppEvent] = []
    async with SimServer(scenario=Scenario(faults=(drops,))) as sim:
        driver = driver_for(sim, events)
        try:
            await asyncio.wait_for(driver.start(), LIMIT_S)
            await wait_until(lambda: driver.link_state is LinkState.OPEN, LIMIT_S)
            first = sim.frames("setup")[0]
            assert "lookup_part" not in declared(first)  # not waited for
            await wait_until(lambda: any("lookup_part" in declared(s) for s in sim.frames("setup")),
                             limit_s=60)  # fmt: skip
            notes = [t.text for t in driver.core.transcript.turns if t.role == "note"]
            joined = [n for n in notes if n.startswith("Tools ready:")]
            assert len(joined) == 1 and "lookup_part" in joined[0] and "order_part" in joined[0]
            assert redact(f"env {token}") == "env [REDACTED]"  # resolved, so registered
            # And it is called like any tool once declared.
            await wait_until(lambda: driver.link_state is LinkState.OPEN, LIMIT_S)
            driver.send_text('call tool lookup_part {"part_number": "4471"}')
            await wait_until(
                lambda: any("12 in stock" in str(f) for f in sim.frames("tool_response")),
                LIMIT_S,
            )
        finally:
            await asyncio.wait_for(driver.aclose(), LIMIT_S)
            unregister_secret(token)
