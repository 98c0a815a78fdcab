"""Settings changed while a session runs: what a running session connects with never
changes under it (a drop still reconnects to the server it started with), and the banner
names exactly the settings that wait. Real SDK over TLS loopback to the simulator."""

from __future__ import annotations

import typing
from dataclasses import replace

import pytest
from support.waiting import wait_until
from test_session_faults import replied
from test_session_resilience import gateway_settings

from desktop.app import SessionDriver
from desktop.app.commands import CommandHandlers
from desktop.session import events as ev
from desktop.session.states import LinkState
from desktop.sim import Fault, Scenario, SimServer


def test_every_command_has_exactly_one_handler_field() -> None:
    """The run-time side of what mypy checks in commands.py."""
    commands = typing.get_args(ev.Command)
    hints = typing.get_type_hints(CommandHandlers)
    handled = [typing.get_args(hint)[0][0] for hint in hints.values()]
    assert sorted(c.__name__ for c in handled) == sorted(c.__name__ for c in commands)


@pytest.mark.parametrize("switch_to", ["gemini-elsewhere", "simulator"])
async def test_a_backend_change_mid_session_never_reaches_the_running_session(
    switch_to: str,
) -> None:
    drop = Scenario(faults=(Fault("drop", after_s=3.0, connections=(1,)),))
    async with SimServer(scenario=drop) as sim, SimServer() as elsewhere:
        settings = gateway_settings(sim)
        driver = SessionDriver(settings, "test-key", lambda event: None)
        await driver.start()
        try:
            await wait_until(lambda: driver.link_state is LinkState.OPEN)
            if switch_to == "simulator":
                new, key = replace(settings, backend="simulator", endpoint="", ca_file=""), None
            else:
                new, key = replace(settings, endpoint=elsewhere.url, model="other"), "new-key"
            waiting = driver.apply_settings(new, key)
            await wait_until(lambda: sim.connections >= 2, limit_s=30)  # dropped, reconnected
            await wait_until(lambda: driver.link_state is LinkState.OPEN, limit_s=30)
            driver.send_text("still the same server?")
            await wait_until(replied(driver, "still the same server?"))
        finally:
            await driver.aclose()
    assert elsewhere.connections == 0
    if switch_to == "simulator":
        assert waiting == "Backend, Endpoint, CA file, API key apply when the next session starts."
    else:
        assert waiting == (
            "Model applies at the next connection you start. "
            "Endpoint, API key apply when the next session starts."
        )
    assert driver.backend == new.effective_backend(key is not None)  # for the next session
