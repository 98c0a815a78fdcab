"""Tool calls end to end: the simulator's scripted toolCall -> google-genai (TLS) -> LiveLink ->
session core -> Toolbox -> core -> toolResponse on the wire, as the app driver does it."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
from google.genai import types
from tools_fixtures import write_pdf

from desktop.live import LiveLink, LiveOptions, build_client, build_config
from desktop.session import events as ev
from desktop.session.core import SessionCore
from desktop.session.states import IllegalTransition
from desktop.sim import Scenario, SimServer
from desktop.sim.wire import normalise
from desktop.tools import Tool, Toolbox, ToolContext

WAIT_S = 20.0  # bounds against hangs, not timings


def genai_tools(declarations: list[dict[str, Any]]) -> list[types.Tool]:
    """What the live layer does with `Toolbox.declarations()`."""
    return [
        types.Tool(
            function_declarations=[
                types.FunctionDeclaration(
                    name=d["name"],
                    description=d["description"],
                    parameters_json_schema=d["parameters"],
                )
                for d in declarations
            ]
        )
    ]


class MiniDriver:
    """The app driver's tool path, in small: link events -> core -> toolbox -> link."""

    def __init__(self, link: LiveLink, toolbox: Toolbox) -> None:
        self.link = link
        self.toolbox = toolbox
        self.core = SessionCore()
        self.events: list[Any] = []
        self.tool_tasks: dict[str, asyncio.Task[None]] = {}
        self.tasks: set[asyncio.Task[Any]] = set()
        self.pump: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self.feed(ev.StartRequested())
        await self.link.open()
        self.feed(ev.LinkOpened())
        self.pump = asyncio.create_task(self._pump(), name="test-pump")

    async def _pump(self) -> None:
        async for event in self.link.events():
            self.events.append(event)
            self.feed(event)

    def feed(self, event: ev.Event) -> None:
        with contextlib.suppress(IllegalTransition):  # as the app: a confused server is logged
            self.core.feed(event)
        for command in self.core.drain():
            self._execute(command)
        self.core.drain_ui()

    def _execute(self, command: ev.Command) -> None:
        match command:
            case ev.RunTool(call=call):
                self.tool_tasks[call.id] = self._spawn(self._run(call))
            case ev.CancelTool(id=call_id):
                task = self.tool_tasks.pop(call_id, None)
                if task is not None:
                    task.cancel()
            case ev.SendToolResults(results=results):
                self._spawn(self.link.send_tool_results(results))
            case ev.PlayAudio():
                asyncio.get_running_loop().call_soon(self.feed, ev.PlaybackIdle())
            case _:
                pass

    async def _run(self, call: ev.ToolCallItem) -> None:
        result = await self.toolbox.call(call)
        self.tool_tasks.pop(call.id, None)
        self.feed(result)

    def _spawn(self, coro: Any) -> asyncio.Task[Any]:
        task = asyncio.create_task(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        return task

    def output_text(self) -> str:
        return "".join(e.text for e in self.events if isinstance(e, ev.OutputTranscript))

    async def stop(self) -> None:
        await self.link.close()
        if self.pump is not None:
            await asyncio.wait({self.pump}, timeout=WAIT_S)
        for task in list(self.tasks):
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)


async def until(predicate: Callable[[], bool]) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT_S
    while True:
        if predicate():
            return
        if loop.time() > deadline:
            raise AssertionError("the expected state never came")
        await asyncio.sleep(0.02)


def responses(sim: SimServer) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for frame in sim.frames("tool_response"):
        out.extend(normalise(frame)["tool_response"]["function_responses"])
    return out


class Session:
    def __init__(self, sim: SimServer, toolbox: Toolbox) -> None:
        opts = LiveOptions(
            backend="simulator", endpoint=sim.url, ssl_context=sim.client_ssl_context()
        )
        config = build_config(opts, tools=genai_tools(toolbox.declarations()))
        self.driver = MiniDriver(LiveLink(build_client(opts), opts.model_name, config), toolbox)
        self.sim = sim

    async def say(self, text: str) -> None:
        await self.driver.link.send_text(text)

    async def answered(self, count: int) -> list[dict[str, Any]]:
        await until(lambda: len(responses(self.sim)) >= count)
        return responses(self.sim)


@pytest.fixture
async def toolbox(tmp_path: Path) -> AsyncIterator[Toolbox]:
    manuals = tmp_path / "manuals"
    manuals.mkdir()
    write_pdf(manuals / "pump-p200.pdf", ["Overview", "Impeller clearance is 0.35 mm", "Bolts"])
    box = Toolbox(ToolContext(data_dir=tmp_path / "data", manuals_dir=manuals))
    cancelled: list[str] = []

    async def stuck(minutes: int) -> str:
        """Waits far longer than anyone should."""
        try:
            await asyncio.sleep(minutes * 60)
        except asyncio.CancelledError:
            cancelled.append("stuck")
            raise
        return "done"

    async def hangs() -> str:
        """Never finishes in time."""
        await asyncio.sleep(60)
        return "late"

    box.registry.add(Tool.from_function(stuck, timeout_s=60))
    box.registry.add(Tool.from_function(hangs, timeout_s=0.3))
    box.cancelled = cancelled  # type: ignore[attr-defined]
    await box.start()
    task = box.reindex()
    assert task is not None
    await asyncio.wait_for(task, WAIT_S)
    yield box
    await box.aclose()


@pytest.fixture
async def sim_session(toolbox: Toolbox) -> AsyncIterator[Session]:
    sim = SimServer(scenario=Scenario())
    await sim.start()
    session = Session(sim, toolbox)
    await session.driver.start()
    yield session
    await session.driver.stop()
    await sim.stop()


async def test_declarations_reach_the_server_and_a_call_is_answered(sim_session: Session) -> None:
    (setup,) = [normalise(f)["setup"] for f in sim_session.sim.frames("setup")]
    declared = {d["name"] for t in setup["tools"] for d in t["function_declarations"]}
    assert {"search_manuals", "get_current_time", "stuck", "hangs"} <= declared
    search = next(
        d
        for t in setup["tools"]
        for d in t["function_declarations"]
        if d["name"] == "search_manuals"
    )
    assert search["parameters_json_schema"]["required"] == ["query"]

    await sim_session.say('call tool search_manuals {"query": "impeller clearance"}')
    (answer,) = await sim_session.answered(1)
    assert answer["name"] == "search_manuals"
    hit = answer["response"]["output"]["results"][0]
    assert (hit["document"], hit["page"]) == ("pump-p200.pdf", 2)
    # The simulator speaks the result back: the answer went all the way round.
    await until(lambda: "Tool search_manuals returned" in sim_session.driver.output_text())
    assert "0.35 mm" in sim_session.driver.output_text()


async def test_bad_calls_are_answered_with_errors(sim_session: Session) -> None:
    await sim_session.say('call tool search_manuals {"qurey": "impeller"}')
    await sim_session.answered(1)
    await sim_session.say("call tool fly_drone {}")
    await sim_session.answered(2)
    await sim_session.say("call tool hangs {}")
    answers = await sim_session.answered(3)
    errors = [a["response"]["error"] for a in answers]
    assert errors[0].startswith("Invalid arguments for search_manuals: unknown argument(s) qurey")
    assert errors[1].startswith("Unknown tool 'fly_drone'.")
    assert errors[2] == "hangs did not finish within 0.3 s"
    assert all(set(a["response"]) == {"error"} for a in answers)
    assert [a["name"] for a in answers] == ["search_manuals", "fly_drone", "hangs"]


async def test_a_cancelled_call_is_not_answered(toolbox: Toolbox) -> None:
    sim = SimServer(scenario=Scenario(cancel_tool_calls_after_s=0.3))
    await sim.start()
    session = Session(sim, toolbox)
    await session.driver.start()
    try:
        await session.say('call tool stuck {"minutes": 5}')
        await until(lambda: toolbox.cancelled == ["stuck"])  # type: ignore[attr-defined]
        assert session.driver.core.pending_tools == {}
        # A later call is answered; had the cancelled one been answered, it would come first.
        await session.say("call tool get_current_time {}")
        (only,) = await session.answered(1)
        assert only["name"] == "get_current_time"
        assert "local_time" in only["response"]["output"]
        assert json.dumps(responses(sim)).count("stuck") == 0
    finally:
        await session.driver.stop()
        await sim.stop()
