"""Tools the model can call: registry, built-in field tools, HTTP tools and MCP servers.

The app builds a `Toolbox` from a `ToolContext` (folders, tools.toml, callbacks), starts it,
sends `declarations()` in the session setup and answers each call with `call(item)`.
"""

from desktop.tools.config import HttpToolSpec, McpServerSpec, ToolsConfig, load_config, parse_config
from desktop.tools.context import TimerInfo, ToolContext, WorkNote
from desktop.tools.manuals import IndexProgress, ManualIndex, Passage
from desktop.tools.registry import (
    Confirmation,
    Tool,
    ToolActivity,
    ToolError,
    ToolRegistry,
)
from desktop.tools.schema import SchemaError, function_schema
from desktop.tools.toolbox import Toolbox

__all__ = [
    "Confirmation",
    "HttpToolSpec",
    "IndexProgress",
    "ManualIndex",
    "McpServerSpec",
    "Passage",
    "SchemaError",
    "TimerInfo",
    "Tool",
    "ToolActivity",
    "ToolContext",
    "ToolError",
    "ToolRegistry",
    "Toolbox",
    "ToolsConfig",
    "WorkNote",
    "function_schema",
    "load_config",
    "parse_config",
]
