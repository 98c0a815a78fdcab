"""Every tool call reaches the history's tool_calls table with its outcome: a real ToolRegistry
reports its steps (the words the app receives), a real HistoryWriter thread writes them into a
real SQLite file, and the store reads them back (what the History window and exports show)."""

from __future__ import annotations

import asyncio
import typing
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.infra.history import TOOL_STEP_STATUS, HistoryStore
from desktop.infra.history_writer import HistoryWriter
from desktop.session.events import ToolCallItem
from desktop.tools.registry import ActivityStatus, ToolActivity, ToolError, ToolRegistry


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[HistoryWriter]:
    writer = HistoryWriter.around(HistoryStore.open(tmp_path / "history.sqlite3")).start()
    yield writer
    writer.close()


def test_every_step_word_the_tools_use_is_known() -> None:
    assert set(typing.get_args(ActivityStatus)) == set(TOOL_STEP_STATUS)


async def test_calls_of_every_outcome_are_recorded(writer: HistoryWriter) -> None:
    key = writer.start_session({"backend": "simulator"})

    def seen(activity: ToolActivity) -> None:  # what the app's tool port forwards
        writer.tool_step(
            key,
            activity.call_id,
            activity.name,
            activity.args,
            step=activity.status,
            result=activity.summary,
        )

    answers = iter([False])
    registry = ToolRegistry(on_activity=seen, confirm=lambda name, args: _answer(next(answers)))

    @registry.tool
    async def lookup_part(code: str) -> str:
        """Look a part up."""
        if code == "none":
            raise ToolError("no such part")
        return f"part {code}: check valve"

    @registry.tool(changes_outside=True)  # type: ignore[untyped-decorator]
    async def open_ticket(title: str) -> str:
        """Open a ticket."""
        return "T-1"

    @registry.tool
    async def wait_long() -> str:
        """Takes a while."""
        await asyncio.sleep(60)
        return "never"

    await registry.call(ToolCallItem("c1", "lookup_part", {"code": "V-12"}))
    await registry.call(ToolCallItem("c2", "lookup_part", {"code": "none"}))
    await registry.call(ToolCallItem("c3", "open_ticket", {"title": "leak"}))
    await registry.call(ToolCallItem("c4", "no_such_tool", {}))
    slow = asyncio.create_task(registry.call(ToolCallItem("c5", "wait_long", {})))
    await asyncio.sleep(0.05)
    slow.cancel()
    with pytest.raises(asyncio.CancelledError):
        await slow
    assert writer.flush()

    store = writer.store
    assert store is not None
    session_id = writer.session_id(key)
    assert session_id is not None
    calls = {c.call_id: c for c in store.tool_calls(session_id)}
    outcome = {c: (calls[c].name, calls[c].status) for c in calls}
    assert outcome == {
        "c1": ("lookup_part", "ok"),
        "c2": ("lookup_part", "error"),
        "c3": ("open_ticket", "declined"),  # never ran: the user said no
        "c4": ("no_such_tool", "error"),  # never ran: unknown
        "c5": ("wait_long", "cancelled"),
    }
    assert calls["c1"].args == {"code": "V-12"}
    assert calls["c1"].result == "part V-12: check valve"
    assert "no such part" in calls["c2"].result
    assert "declined" in calls["c3"].result
    for call in calls.values():
        assert call.finished_at is not None and call.finished_at >= call.started_at


async def _answer(value: bool) -> bool:
    return value


def test_a_late_running_step_never_undoes_an_outcome(writer: HistoryWriter) -> None:
    key = writer.start_session()
    writer.tool_step(key, "c1", "lookup_part", {"code": "V"}, step="running", at=100.0)
    writer.tool_step(key, "c1", "lookup_part", {"code": "V"}, step="done", result="valve", at=101.0)
    writer.tool_step(key, "c1", "lookup_part", {"code": "V"}, step="running", at=102.0)
    assert writer.flush()
    assert writer.store is not None
    session_id = writer.session_id(key)
    assert session_id is not None
    [call] = writer.store.tool_calls(session_id)
    assert (call.status, call.result, call.started_at, call.finished_at) == (
        "ok",
        "valve",
        100.0,
        101.0,
    )


def test_a_step_the_history_does_not_know_is_refused_at_once(writer: HistoryWriter) -> None:
    key = writer.start_session()
    with pytest.raises(ValueError, match="step must be one of"):
        writer.tool_step(key, "c1", "lookup_part", {}, step="finished")
