"""A small stdio MCP server for the tests (run as a script: `python tools_mcp_server.py`).

Tools: `lookup_part` (read-only), `order_part` (changes things), `whoami` (its process id,
so a test can kill it), `crash` (exits at once), `sleepy` (takes its time).
Options: `--name NAME` (tests tell servers apart), `--delay SECONDS` (a slow server: waits
before it starts answering).
"""

from __future__ import annotations

import os
import sys
import time

from mcp.server.mcpserver import MCPServer
from mcp_types import ToolAnnotations

server = MCPServer("parts-test")

STOCK = {"4471": 12, "5520": 0}


@server.tool(annotations=ToolAnnotations(read_only_hint=True))
def lookup_part(part_number: str) -> str:
    """Stock of a spare part in the warehouse."""
    if part_number not in STOCK:
        raise ValueError(f"unknown part {part_number}")
    return f"part {part_number}: {STOCK[part_number]} in stock"


@server.tool()
def order_part(part_number: str, quantity: int = 1) -> str:
    """Order spare parts for the van."""
    return f"ordered {quantity} x {part_number}"


@server.tool(annotations=ToolAnnotations(read_only_hint=True))
def whoami() -> int:
    """The server's process id."""
    return os.getpid()


@server.tool(annotations=ToolAnnotations(read_only_hint=True))
def crash() -> str:
    """Exit the server process at once."""
    os._exit(3)


@server.tool(annotations=ToolAnnotations(read_only_hint=True))
def sleepy(seconds: float) -> str:
    """Sleep, then answer."""
    time.sleep(seconds)
    return "awake"


if __name__ == "__main__":
    options = dict(zip(sys.argv[1::2], sys.argv[2::2], strict=False))
    if "--name" in options:
        server._lowlevel_server.name = options["--name"]
    time.sleep(float(options.get("--delay", "0")))
    server.run("stdio")
