"""Registry: schemas from signatures, validation, timeouts, failures, confirmation, activity."""

from __future__ import annotations

import asyncio
from typing import Any, Literal

import pytest

from desktop.session.events import ToolCallItem
from desktop.tools.registry import (
    Confirmation,
    Tool,
    ToolActivity,
    ToolError,
    ToolRegistry,
)
from desktop.tools.schema import SchemaError, function_schema


async def torque_spec(  # noqa: PLR0917  # a tool's parameters are positional by nature
    pump_model: str,
    bolt_count: int,
    unit: Literal["Nm", "ftlb"] = "Nm",
    wet: bool = False,
    tolerance: float | None = None,
    positions: list[int] | None = None,
) -> dict[str, Any]:
    """Look up the torque for a pump's flange bolts.

    Use it before tightening anything.

    Args:
        pump_model: The model printed on the pump's plate.
        bolt_count: How many bolts the flange has.
        unit: Unit of the answer.
        wet: Whether the threads are lubricated,
            which lowers the torque.
        tolerance: Allowed deviation.
        positions: Bolt positions to report.

    Returns:
        The spec.
    """
    return {"model": pump_model, "bolts": bolt_count, "unit": unit, "wet": wet}


def test_schema_from_signature() -> None:
    description, schema = function_schema(torque_spec)
    assert description == (
        "Look up the torque for a pump's flange bolts. Use it before tightening anything."
    )
    assert schema == {
        "type": "object",
        "properties": {
            "pump_model": {
                "type": "string",
                "description": "The model printed on the pump's plate.",
            },
            "bolt_count": {"type": "integer", "description": "How many bolts the flange has."},
            "unit": {
                "type": "string",
                "enum": ["Nm", "ftlb"],
                "description": "Unit of the answer.",
            },
            "wet": {
                "type": "boolean",
                "description": "Whether the threads are lubricated, which lowers the torque.",
            },
            "tolerance": {"type": "number", "description": "Allowed deviation."},
            "positions": {
                "type": "array",
                "items": {"type": "integer"},
                "description": "Bolt positions to report.",
            },
        },
        "required": ["pump_model", "bolt_count"],
    }


def test_declarations_are_accepted_by_the_sdk() -> None:
    from google.genai import types

    registry = ToolRegistry()
    registry.add(Tool.from_function(torque_spec))
    (decl,) = registry.declarations()
    assert decl["name"] == "torque_spec"
    # Both forms the live layer may use: the JSON-schema field and the OpenAPI-style Schema.
    via_json = types.FunctionDeclaration(
        name=decl["name"],
        description=decl["description"],
        parameters_json_schema=decl["parameters"],
    )
    via_schema = types.FunctionDeclaration(
        name=decl["name"], description=decl["description"], parameters=decl["parameters"]
    )
    assert via_json.parameters_json_schema == decl["parameters"]
    assert via_schema.parameters is not None
    assert via_schema.parameters.required == ["pump_model", "bolt_count"]
    assert via_schema.parameters.properties is not None
    assert via_schema.parameters.properties["unit"].enum == ["Nm", "ftlb"]


def test_unsupported_signatures_are_refused() -> None:
    async def untyped(x):  # type: ignore[no-untyped-def]
        return x

    async def union(x: int | str) -> None:
        return None

    async def kwargs(**extra: Any) -> None:
        return None

    for func in (untyped, union, kwargs):
        with pytest.raises(SchemaError):
            function_schema(func)
    registry = ToolRegistry()
    with pytest.raises(SchemaError):
        registry.add(Tool("bad name!", "x", torque_spec))


async def test_valid_call_passes_coerced_arguments() -> None:
    registry = ToolRegistry()
    registry.add(Tool.from_function(torque_spec))
    result = await registry.call(
        ToolCallItem("c1", "torque_spec", {"pump_model": "KSB-40", "bolt_count": 8.0})
    )
    assert not result.is_error
    assert result.response == {
        "output": {"model": "KSB-40", "bolts": 8, "unit": "Nm", "wet": False}
    }
    assert isinstance(result.response["output"]["bolts"], int)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ({"bolt_count": 8}, "'pump_model' is a required property"),
        (
            {"pump_model": "A", "bolt_count": "eight"},
            "bolt_count: 'eight' is not of type 'integer'",
        ),
        ({"pump_model": "A", "bolt_count": 8, "unit": "psi"}, "unit: 'psi' is not one of"),
        ({"pump_model": "A", "bolt_count": 8, "colour": "red"}, "unknown argument(s) colour"),
        ({"pump_model": "A", "bolt_count": 8, "positions": [1, "x"]}, "positions.1:"),
        ({"pump_model": "A", "bolt_count": 8, "wet": 1}, "wet: 1 is not of type 'boolean'"),
    ],
)
async def test_invalid_arguments_are_answered_as_correctable_errors(
    args: dict[str, Any], expected: str
) -> None:
    ran: list[object] = []

    async def handler(**kw: Any) -> str:
        ran.append(kw)
        return "ran"

    registry = ToolRegistry()
    base = Tool.from_function(torque_spec)
    registry.add(Tool(base.name, base.description, handler, base.parameters))
    result = await registry.call(ToolCallItem("c1", "torque_spec", args))
    assert result.is_error
    assert result.id == "c1" and result.name == "torque_spec"
    assert result.response["error"].startswith("Invalid arguments for torque_spec: ")
    assert expected in result.response["error"]
    assert ran == []


async def test_unknown_and_withdrawn_tools() -> None:
    registry = ToolRegistry()
    registry.add(Tool.from_function(torque_spec))
    result = await registry.call(ToolCallItem("c1", "fly_drone", {}))
    assert result.response == {"error": "Unknown tool 'fly_drone'. Available tools: torque_spec"}
    registry.withdraw("torque_spec", "its server stopped")
    assert registry.declarations() == []
    result = await registry.call(ToolCallItem("c2", "torque_spec", {}))
    assert result.response == {"error": "torque_spec is not available: its server stopped"}


async def test_handler_raising_and_hanging_are_answered() -> None:
    registry = ToolRegistry()

    async def broken() -> str:
        raise KeyError("seal")

    async def careful() -> str:
        raise ToolError("Part 4471 is not in the catalogue.")

    async def hangs() -> str:
        await asyncio.Event().wait()
        return "never"

    registry.add(Tool("broken", "raises", broken))
    registry.add(Tool("careful", "raises a message for the model", careful))
    registry.add(Tool("hangs", "never returns", hangs, timeout_s=0.2))
    broken_result = await registry.call(ToolCallItem("1", "broken", {}))
    assert broken_result.response == {"error": "broken failed: KeyError: 'seal'"}
    careful_result = await registry.call(ToolCallItem("2", "careful", {}))
    assert careful_result.response == {"error": "Part 4471 is not in the catalogue."}
    hung = await asyncio.wait_for(registry.call(ToolCallItem("3", "hangs", {})), 10)
    assert hung.response == {"error": "hangs did not finish within 0.2 s"}


async def test_cancelled_call_raises_and_is_reported_not_answered() -> None:
    seen: list[ToolActivity] = []
    started = asyncio.Event()

    async def slow() -> str:
        started.set()
        await asyncio.sleep(30)
        return "late"

    registry = ToolRegistry(on_activity=seen.append)
    registry.add(Tool("slow", "slow", slow, timeout_s=60))
    task = asyncio.create_task(registry.call(ToolCallItem("c9", "slow", {})))
    await asyncio.wait_for(started.wait(), 5)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert [a.status for a in seen] == ["running", "cancelled"]


async def test_output_is_made_plain_and_capped() -> None:
    registry = ToolRegistry(max_output_chars=100)

    async def big() -> str:
        return "x" * 1000

    class Odd:
        def __str__(self) -> str:
            return "odd"

    async def odd() -> dict[str, Any]:
        return {"value": Odd(), "n": (1, 2)}

    registry.add(Tool("big", "big", big))
    registry.add(Tool("odd", "odd", odd))
    out = (await registry.call(ToolCallItem("1", "big", {}))).response["output"]
    assert out.startswith('"xxx') and out.endswith("[truncated: 1002 characters in all]")
    assert len(out) < 160
    odd_out = (await registry.call(ToolCallItem("2", "odd", {}))).response
    assert odd_out == {"output": {"value": "odd", "n": [1, 2]}}


async def test_activity_reports_running_then_done_with_duration() -> None:
    seen: list[ToolActivity] = []
    registry = ToolRegistry(on_activity=seen.append)
    registry.add(Tool.from_function(torque_spec))
    await registry.call(ToolCallItem("c1", "torque_spec", {"pump_model": "P", "bolt_count": 4}))
    assert [a.status for a in seen] == ["running", "done"]
    done = seen[-1]
    assert done.call_id == "c1" and done.args == {"pump_model": "P", "bolt_count": 4}
    assert done.duration_s is not None and done.duration_s >= 0
    assert '"model": "P"' in done.summary


async def test_confirmation_declined_once_and_for_the_session() -> None:
    asked: list[tuple[str, dict[str, Any]]] = []
    answers: list[bool | Confirmation] = [False, True, Confirmation.SESSION]
    ran: list[str] = []

    async def confirm(name: str, args: Any) -> bool | Confirmation:
        asked.append((name, dict(args)))
        return answers.pop(0)

    async def order_part(part: str) -> str:
        """Order a spare part."""
        ran.append(part)
        return f"ordered {part}"

    seen: list[ToolActivity] = []
    registry = ToolRegistry(confirm=confirm, on_activity=seen.append)
    registry.add(Tool.from_function(order_part, changes_outside=True))

    declined = await registry.call(ToolCallItem("1", "order_part", {"part": "4471"}))
    assert declined.response == {"error": "The user declined: order_part did not run."}
    assert ran == []
    assert [a.status for a in seen] == ["confirming", "declined"]

    once = await registry.call(ToolCallItem("2", "order_part", {"part": "4471"}))
    assert once.response == {"output": "ordered 4471"}
    assert not registry.allowed_for_session("order_part")
    session = await registry.call(ToolCallItem("3", "order_part", {"part": "12"}))
    assert session.response == {"output": "ordered 12"}
    again = await registry.call(ToolCallItem("4", "order_part", {"part": "13"}))
    assert again.response == {"output": "ordered 13"}
    assert len(asked) == 3 and asked[0] == ("order_part", {"part": "4471"})
    assert ran == ["4471", "12", "13"]

    registry.forget_session_permissions()
    answers.append(False)
    assert (await registry.call(ToolCallItem("5", "order_part", {"part": "1"}))).is_error
    assert len(asked) == 4


async def test_confirmation_without_ui_timeout_or_failure_refuses() -> None:
    async def order_part(part: str) -> str:
        """Order a spare part."""
        return "ordered"

    no_ui = ToolRegistry()
    no_ui.add(Tool.from_function(order_part, changes_outside=True))
    result = await no_ui.call(ToolCallItem("1", "order_part", {"part": "x"}))
    assert "no one can confirm" in result.response["error"]

    async def never(name: str, args: Any) -> bool:
        await asyncio.Event().wait()
        return True

    slow_user = ToolRegistry(confirm=never, confirm_timeout_s=0.1)
    slow_user.add(Tool.from_function(order_part, changes_outside=True))
    result = await asyncio.wait_for(
        slow_user.call(ToolCallItem("2", "order_part", {"part": "x"})), 10
    )
    assert result.response == {
        "error": "The user did not confirm order_part in time; it did not run."
    }

    async def crashes(name: str, args: Any) -> bool:
        raise RuntimeError("dialog gone")

    broken_ui = ToolRegistry(confirm=crashes)
    broken_ui.add(Tool.from_function(order_part, changes_outside=True))
    result = await broken_ui.call(ToolCallItem("3", "order_part", {"part": "x"}))
    assert "dialog gone" in result.response["error"]


def test_duplicate_names_are_refused_unless_replacing() -> None:
    registry = ToolRegistry()
    registry.add(Tool.from_function(torque_spec))
    with pytest.raises(ValueError, match="already registered"):
        registry.add(Tool.from_function(torque_spec))
    registry.add(Tool.from_function(torque_spec, description="new"), replace=True)
    assert registry.declarations()[0]["description"] == "new"


def test_a_changing_tool_tells_the_model_to_announce_it_before_the_user_confirms() -> None:
    from desktop.tools.registry import ASK_FIRST

    async def open_valve(valve: str) -> str:
        """Open a valve on the plant's control system."""
        return valve

    async def read_gauge(gauge: str) -> str:
        """Read a gauge."""
        return gauge

    registry = ToolRegistry()
    registry.add(Tool.from_function(open_valve, changes_outside=True))
    registry.add(Tool.from_function(read_gauge))
    described = {d["name"]: d["description"] for d in registry.declarations()}
    assert (
        described["open_valve"].startswith("Open a valve") and ASK_FIRST in described["open_valve"]
    )
    assert ASK_FIRST not in described["read_gauge"]
