"""Tool registry: declarations for the session setup, and calls answered exactly once.

Every call ends in a `ToolResult`: the handler's output, or an error the model can read
(unknown or withdrawn tool, bad arguments, the user declined, a handler that raised or ran
past its timeout). `call` never raises, except `CancelledError` when the app cancels the
call's task (a cancelled call is not answered: the session core's rule).
"""

from __future__ import annotations

import asyncio
import enum
import json
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from desktop.session.events import ToolCallItem, ToolResult
from desktop.tools.schema import ArgChecker, SchemaError, function_schema, valid_name

log = logging.getLogger(__name__)

Handler = Callable[..., Awaitable[Any]]
DEFAULT_TIMEOUT_S = 10.0
MAX_OUTPUT_CHARS = 16_000  # what one answer may put into the model's context
SUMMARY_CHARS = 160


class Confirmation(enum.Enum):
    """The user's answer to "may this tool run?"."""

    DENY = "deny"
    ONCE = "once"
    SESSION = "session"  # and do not ask again for this tool until the session ends


# Spoken by the model before a changing tool runs: the microphone is held back while the call
# is pending (audio then has closed sessions), so the technician answers on screen.
ASK_FIRST = (
    "It changes something outside this app: before calling it, tell the technician out loud "
    "exactly what it will do; the app then asks them to confirm on screen, and it runs only if "
    "they agree."
)

ConfirmCallback = Callable[[str, Mapping[str, Any]], Awaitable["bool | Confirmation"]]
ActivityStatus = Literal["confirming", "running", "done", "failed", "declined", "cancelled"]


@dataclass(frozen=True)
class ToolActivity:
    """One step of a call, for the transcript: running -> done | failed | declined | cancelled."""

    call_id: str
    name: str
    args: Mapping[str, Any]
    status: ActivityStatus
    duration_s: float | None = None  # set once the call has finished
    summary: str = ""  # the result or the error, shortened for one line


ActivityCallback = Callable[[ToolActivity], None]


@dataclass(frozen=True)
class Tool:
    name: str
    description: str
    handler: Handler
    parameters: Mapping[str, Any] = field(
        default_factory=lambda: {"type": "object", "properties": {}}
    )
    timeout_s: float = DEFAULT_TIMEOUT_S
    changes_outside: bool = False  # asks the user before it runs
    allow_extra_args: bool = False  # MCP servers judge their own arguments
    source: str = "builtin"  # "builtin", "http", "mcp:<server>": shown in the UI and logs

    @classmethod
    def from_function(
        cls,
        func: Handler,
        *,
        name: str | None = None,
        description: str | None = None,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        changes_outside: bool = False,
        source: str = "builtin",
    ) -> Tool:
        """A tool whose schema and description come from the handler's signature and docstring."""
        summary, schema = function_schema(func)
        return cls(
            name=name or func.__name__,
            description=description or summary,
            handler=func,
            parameters=schema,
            timeout_s=timeout_s,
            changes_outside=changes_outside,
            source=source,
        )

    def declaration(self) -> dict[str, Any]:
        """`{"name", "description", "parameters"}`: a FunctionDeclaration as a dict."""
        description = self.description
        if self.changes_outside:
            description = f"{description} {ASK_FIRST}".strip()
        return {
            "name": self.name,
            "description": description,
            "parameters": json.loads(json.dumps(self.parameters)),  # a deep, plain copy
        }


class ToolRegistry:
    """Tools by name. Construct, `add` tools, hand `declarations()` to the session setup."""

    def __init__(
        self,
        *,
        confirm: ConfirmCallback | None = None,
        on_activity: ActivityCallback | None = None,
        confirm_timeout_s: float = 120.0,
        max_output_chars: int = MAX_OUTPUT_CHARS,
    ) -> None:
        self._tools: dict[str, Tool] = {}
        self._checkers: dict[str, ArgChecker] = {}
        self._withdrawn: dict[str, str] = {}  # name -> why, so late calls get a useful answer
        self._session_allowed: set[str] = set()
        self._confirm = confirm
        self._on_activity = on_activity
        self.confirm_timeout_s = confirm_timeout_s
        self.max_output_chars = max_output_chars

    # -- contents ---------------------------------------------------------------------------

    def add(self, tool: Tool, *, replace: bool = False) -> None:
        """Register a tool. Raises SchemaError for a bad name/schema, ValueError for a clash."""
        if not valid_name(tool.name):
            raise SchemaError(f"tool name {tool.name!r} is not accepted by the model")
        if tool.name in self._tools and not replace:
            raise ValueError(f"a tool named {tool.name!r} is already registered")
        checker = ArgChecker(tool.parameters, allow_extra=tool.allow_extra_args)
        self._tools[tool.name] = tool
        self._checkers[tool.name] = checker
        self._withdrawn.pop(tool.name, None)

    def tool(
        self,
        func: Handler | None = None,
        *,
        name: str | None = None,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        changes_outside: bool = False,
    ) -> Any:
        """Decorator form of `add(Tool.from_function(...))`."""

        def register(f: Handler) -> Handler:
            self.add(
                Tool.from_function(
                    f, name=name, timeout_s=timeout_s, changes_outside=changes_outside
                )
            )
            return f

        return register(func) if func is not None else register

    def remove(self, name: str) -> None:
        self._tools.pop(name, None)
        self._checkers.pop(name, None)

    def withdraw(self, name: str, reason: str) -> None:
        """Remove a tool; calls still arriving for it are answered with `reason`."""
        if name in self._tools:
            self.remove(name)
            self._withdrawn[name] = reason

    def get(self, name: str) -> Tool | None:
        return self._tools.get(name)

    def __contains__(self, name: object) -> bool:
        return name in self._tools

    def names(self) -> list[str]:
        return sorted(self._tools)

    def tools(self) -> list[Tool]:
        return [self._tools[n] for n in self.names()]

    def declarations(self) -> list[dict[str, Any]]:
        """Plain dicts (name, description, JSON-schema parameters), sorted by name.

        Read them at every connect: MCP tools come and go during a session.
        """
        return [t.declaration() for t in self.tools()]

    # -- confirmation memory ----------------------------------------------------------------

    def allow_for_session(self, name: str) -> None:
        self._session_allowed.add(name)

    def forget_session_permissions(self) -> None:
        """The session ended: every tool that changes something asks again."""
        self._session_allowed.clear()

    def allowed_for_session(self, name: str) -> bool:
        return name in self._session_allowed

    # -- calls ------------------------------------------------------------------------------

    async def call(self, item: ToolCallItem) -> ToolResult:
        started = time.perf_counter()
        args: Mapping[str, Any] = item.args if isinstance(item.args, Mapping) else {}
        try:
            response = await self._answer(item, args)
        except asyncio.CancelledError:
            self._report(item, args, "cancelled", started, "cancelled")
            raise
        except Exception as exc:  # a bug here must still answer the model
            log.exception("Tool call %s failed inside the registry", item.name)
            response = {"error": f"{item.name} failed: {exc}"}
        if "error" in response:
            status: ActivityStatus = "declined" if response.get("declined") else "failed"
            response = {"error": response["error"]}
            self._report(item, args, status, started, str(response["error"]))
        else:
            self._report(item, args, "done", started, _summary(response["output"]))
        return ToolResult(item.id, item.name, response)

    async def _answer(self, item: ToolCallItem, raw_args: Mapping[str, Any]) -> dict[str, Any]:
        tool = self._tools.get(item.name)
        if tool is None:
            return {"error": self._missing(item.name)}
        args, problem = self._checkers[tool.name].check(raw_args)
        if problem:
            return {
                "error": f"Invalid arguments for {tool.name}: {problem}. "
                "Call it again with corrected arguments."
            }
        if tool.changes_outside and tool.name not in self._session_allowed:
            refusal = await self._ask(item, tool, args)
            if refusal:
                return {"error": refusal, "declined": True}
        self._report(item, args, "running", None, "")
        return await self._run(tool, args)

    def _missing(self, name: str) -> str:
        if name in self._withdrawn:
            return f"{name} is not available: {self._withdrawn[name]}"
        return f"Unknown tool {name!r}. Available tools: {', '.join(self.names()) or 'none'}"

    async def _run(self, tool: Tool, args: dict[str, Any]) -> dict[str, Any]:
        try:
            output = await asyncio.wait_for(tool.handler(**args), tool.timeout_s)
        except TimeoutError:
            log.warning("Tool %s timed out after %g s", tool.name, tool.timeout_s)
            return {"error": f"{tool.name} did not finish within {tool.timeout_s:g} s"}
        except ToolError as exc:
            return {"error": str(exc)}
        except Exception as exc:
            log.warning("Tool %s raised", tool.name, exc_info=True)
            return {"error": f"{tool.name} failed: {type(exc).__name__}: {exc}"}
        return {"output": self._plain(output)}

    async def _ask(self, item: ToolCallItem, tool: Tool, args: Mapping[str, Any]) -> str:
        """ "" when the tool may run, else the error the model gets."""
        if self._confirm is None:
            return f"{tool.name} changes things outside the app and no one can confirm it here"
        self._report(item, args, "confirming", None, "")
        try:
            answer = await asyncio.wait_for(self._confirm(tool.name, args), self.confirm_timeout_s)
        except TimeoutError:
            return f"The user did not confirm {tool.name} in time; it did not run."
        except Exception as exc:
            log.warning("Confirmation for %s failed", tool.name, exc_info=True)
            return f"Could not ask the user to confirm {tool.name} ({exc}); it did not run."
        if answer is Confirmation.SESSION:
            self._session_allowed.add(tool.name)
        if answer is True or answer in (Confirmation.ONCE, Confirmation.SESSION):
            return ""
        return f"The user declined: {tool.name} did not run."

    def _plain(self, output: Any) -> Any:
        """JSON-able output, capped: the answer goes into the model's context."""
        text = json.dumps(output, ensure_ascii=False, default=str)
        if len(text) <= self.max_output_chars:
            return json.loads(text) if not _is_plain(output) else output
        return text[: self.max_output_chars] + f"… [truncated: {len(text)} characters in all]"

    def _report(
        self,
        item: ToolCallItem,
        args: Mapping[str, Any],
        status: ActivityStatus,
        started: float | None,
        summary: str,
    ) -> None:
        if self._on_activity is None:
            return
        duration = None if started is None else time.perf_counter() - started
        try:
            self._on_activity(
                ToolActivity(
                    item.id, item.name, dict(args), status, duration, summary[:SUMMARY_CHARS]
                )
            )
        except Exception:
            log.exception("The tool activity observer failed")


class ToolError(Exception):
    """Raised by a handler for an error whose message is meant for the model as it is."""


def _is_plain(value: Any) -> bool:
    if value is None or isinstance(value, str | int | float | bool):
        return True
    if isinstance(value, list):
        return all(_is_plain(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _is_plain(v) for k, v in value.items())
    return False


def _summary(output: Any) -> str:
    text = output if isinstance(output, str) else json.dumps(output, ensure_ascii=False)
    return " ".join(text.split())
