"""Waiting in async tests for something the program does in its own time."""

from __future__ import annotations

import asyncio
from collections.abc import Callable


async def wait_until(condition: Callable[[], object], limit_s: float = 20.0) -> None:
    """Poll `condition` every 20 ms; fail the test if it is not true within `limit_s`."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit_s
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"condition not met within {limit_s} s")
        await asyncio.sleep(0.02)
