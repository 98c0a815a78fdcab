"""Tool registry: declarations for the session setup, and calls answered exactly once.

Every call ends in a `ToolResult`: the handler's output, or an error the model can read
(unknown tool, bad arguments, a handler that raised or ran past its timeout).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.session.events import ToolCallItem, ToolResult

log = logging.getLogger(__name__)

Handler = Callable[..., Awaitable[Any]]


@dataclass(frozen=True)
class Tool:
    name: str
    description: str
    handler: Handler
    parameters: Mapping[str, Any] = field(
        default_factory=lambda: {"type": "object", "properties": {}}
    )
    timeout_s: float = 10.0
    changes_outside: bool = False  # asks the user before it runs

    def declaration(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "parameters": dict(self.parameters),
        }


class ToolRegistry:
    def __init__(self) -> None:
        self._tools: dict[str, Tool] = {}

    def add(self, tool: Tool) -> None:
        self._tools[tool.name] = tool

    def remove(self, name: str) -> None:
        self._tools.pop(name, None)

    def names(self) -> list[str]:
        return sorted(self._tools)

    def declarations(self) -> list[dict[str, Any]]:
        return [t.declaration() for t in self._tools.values()]

    async def call(self, item: ToolCallItem) -> ToolResult:
        tool = self._tools.get(item.name)
        if tool is None:
            return _error(item, f"Unknown tool {item.name!r}. Available: {', '.join(self.names())}")
        problem = _check_args(tool.parameters, item.args)
        if problem:
            return _error(item, f"Invalid arguments for {item.name}: {problem}")
        try:
            output = await asyncio.wait_for(tool.handler(**item.args), tool.timeout_s)
        except TimeoutError:
            return _error(item, f"{item.name} did not finish within {tool.timeout_s:g} s")
        except Exception as exc:
            log.warning("Tool %s failed", item.name, exc_info=True)
            return _error(item, f"{item.name} failed: {exc}")
        return ToolResult(item.id, item.name, {"output": output})


def _error(item: ToolCallItem, message: str) -> ToolResult:
    return ToolResult(item.id, item.name, {"error": message})


_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "object": (dict,),
    "array": (list,),
}


def _check_args(schema: Mapping[str, Any], args: Mapping[str, Any]) -> str:
    """The checks the model can act on: required names, unknown names, simple types."""
    props: Mapping[str, Any] = schema.get("properties", {})
    missing = [name for name in schema.get("required", []) if name not in args]
    if missing:
        return f"missing {', '.join(missing)}"
    unknown = [name for name in args if name not in props]
    if unknown:
        return f"unknown {', '.join(unknown)}"
    for name, value in args.items():
        expected = _JSON_TYPES.get(props[name].get("type", ""), (object,))
        wrong_bool = isinstance(value, bool) and bool not in expected
        if not isinstance(value, expected) or wrong_bool:
            return f"{name} must be {props[name].get('type')}"
    return ""


async def get_current_time() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


@functools.cache
def default_registry() -> ToolRegistry:
    registry = ToolRegistry()
    registry.add(
        Tool(
            "get_current_time",
            "The current local date and time on the technician's laptop (ISO 8601).",
            get_current_time,
        )
    )
    return registry
