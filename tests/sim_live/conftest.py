"""Fixtures: a started simulator per test (default scenario or one the test chooses)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sim_live_helpers import SimFactory

from desktop.sim import Scenario, SimServer


@pytest.fixture
async def make_sim() -> AsyncIterator[SimFactory]:
    servers: list[SimServer] = []

    async def start(scenario: Scenario | None = None) -> SimServer:
        server = SimServer(scenario=scenario)
        await server.start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        await server.stop()


@pytest.fixture
async def sim(make_sim: SimFactory) -> SimServer:
    return await make_sim()
