"""Tools through the whole driver: declared in the setup, called by the (simulated) model,
answered exactly once, confirmed by the user when they change something outside the app."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from support.waiting import wait_until

from desktop.app import AppEvent, SessionDriver
from desktop.infra.settings import Settings
from desktop.session.states import LinkState
from desktop.sim import SimServer


def tool_responses(sim: SimServer) -> list[dict[str, Any]]:
    out = []
    for frame in sim.frames("tool_response"):
        body = frame.get("tool_response") or frame.get("toolResponse") or {}
        out.extend(body.get("function_responses") or body.get("functionResponses") or [])
    return out


def model_lines(driver: SessionDriver) -> list[str]:
    return [t.text for t in driver.core.transcript.turns if t.role == "model"]


async def start(sim: SimServer, confirm: Any = None) -> SessionDriver:
    settings = Settings(
        backend="gemini",
        endpoint=sim.url,
        ca_file=str(sim.ca_file),
        video_source="none",
        input_device="no-such-microphone",
    )
    events: list[AppEvent] = []
    driver = SessionDriver(settings, "test-key", events.append, confirm_tool=confirm)
    await driver.start()
    await wait_until(lambda: driver.link_state is LinkState.OPEN)
    return driver


async def test_tools_are_declared_called_and_answered_once(tmp_path: Path) -> None:
    async with SimServer() as sim:
        driver = await start(sim)
        try:
            (setup,) = sim.frames("setup")
            declared = {
                f["name"]
                for tool in setup["setup"]["tools"]
                for f in tool.get("function_declarations") or tool.get("functionDeclarations")
            }
            assert {"get_current_time", "log_work_note", "set_timer"} <= declared

            driver.send_text("call tool get_current_time {}")
            await wait_until(
                lambda: any("get_current_time returned" in t for t in model_lines(driver))
            )
            driver.send_text('call tool log_work_note {"note": "replaced the shaft seal"}')
            await wait_until(lambda: len(tool_responses(sim)) == 2)
            driver.send_text('call tool no_such_tool {"x": 1}')
            await wait_until(lambda: len(tool_responses(sim)) == 3)
        finally:
            await driver.aclose()
    responses = tool_responses(sim)
    ids = [r["id"] for r in responses]
    assert len(ids) == len(set(ids)) == 3  # each call answered exactly once
    assert "local_time" in json.dumps(responses[0]["response"])
    assert "error" in responses[2]["response"] and "no_such_tool" in json.dumps(responses[2])
    notes = [t.text for t in driver.core.transcript.turns if t.role == "note"]
    assert "Work note: replaced the shaft seal" in notes


async def test_a_timer_speaks_up_when_it_fires() -> None:
    async with SimServer() as sim:
        driver = await start(sim)
        try:
            driver.send_text('call tool set_timer {"minutes": 0.02, "label": "epoxy cured"}')
            await wait_until(
                lambda: any(
                    "Timer finished: epoxy cured" in t.text for t in driver.core.transcript.turns
                ),
                limit_s=20,
            )
            await wait_until(
                lambda: any(
                    "epoxy cured" in str(f) and "has just finished" in str(f)
                    for f in sim.frames("realtime_input")
                )
            )
        finally:
            await driver.aclose()


async def test_declined_confirmation_is_answered_as_an_error(tmp_path: Path) -> None:
    asked: list[tuple[str, Mapping[str, Any]]] = []

    async def decline(name: str, args: Mapping[str, Any]) -> str:
        asked.append((name, args))
        return "deny"

    async with SimServer() as sim:
        driver = await start(sim, confirm=decline)
        assert driver.toolbox is not None
        from desktop.tools import Tool

        async def open_valve(valve: str) -> str:
            return f"opened {valve}"

        driver.toolbox.registry.add(
            Tool.from_function(open_valve, changes_outside=True)  # type: ignore[arg-type]
        )
        try:
            driver.send_text('call tool open_valve {"valve": "V-12"}')
            await wait_until(lambda: len(tool_responses(sim)) == 1)
        finally:
            await driver.aclose()
    assert asked == [("open_valve", {"valve": "V-12"})]
    (response,) = tool_responses(sim)
    assert "declined" in json.dumps(response["response"])
