"""Reconnection without a handle, end to end: the app, the real SDK, the simulator on TLS.

The simulator plays gemini-3.1-flash-live (`client_content=initial_history`: client_content
only as initial history announced in the setup, closing 1007 otherwise) and refuses every
resumption handle. The first connection drops after a typed turn; the reconnect's handle is
refused; the fresh session must announce the history in its setup
(`historyConfig.initialHistoryInClientContent`), send the transcript as client_content with
`turnComplete: true` before any realtime input, get no reply to it, and go on.
"""

from __future__ import annotations

from typing import Any

from google.genai import types
from support.waiting import wait_until

from desktop.app import AppEvent, SessionDriver
from desktop.infra.settings import Settings
from desktop.session import events as ev
from desktop.session.states import LinkState
from desktop.sim import Fault, Scenario, SimServer, history
from desktop.sim.wire import normalise

QUESTION = "torque for the BV-20 valve?"


def gateway_settings(sim: SimServer) -> Settings:
    return Settings(
        backend="gemini",
        endpoint=sim.url,
        ca_file=str(sim.ca_file),
        video_source="none",
        input_device="no-such-microphone",
    )


def texts(turns: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(t["role"], " ".join(p["text"] for p in t["parts"])) for t in turns]


async def test_refused_handle_reseeds_a_fresh_session_in_the_form_the_sdk_sends() -> None:
    scenario = Scenario(
        resume="reject",
        client_content="initial_history",
        faults=(Fault("drop", after_s=2.5, connections=(1,)),),
    )
    notices: list[str] = []

    def on_ui(event: AppEvent) -> None:
        if isinstance(event, ev.Notice):
            notices.append(event.text)

    async with SimServer(scenario=scenario) as sim:
        driver = SessionDriver(gateway_settings(sim), "test-key", on_ui)
        try:
            await driver.start()
            await wait_until(lambda: driver.link_state is LinkState.OPEN)
            driver.send_text(QUESTION)
            await wait_until(lambda: len(driver.core.transcript.turns) >= 2)
            seeded = [(t.role, t.text) for t in driver.core.transcript.turns]
            # The drop, the refused handle, then the fresh session with the history.
            await wait_until(lambda: sim.connections >= 3 and driver.link_state is LinkState.OPEN)
            driver.send_text("and the gasket?")
            await wait_until(
                lambda: (
                    any("and the gasket?" in t.text for t in driver.core.transcript.turns[2:])
                    and driver.core.transcript.turns[-1].role == "model"
                    and driver.core.transcript.turns[-1].final
                )
            )
            final_turns = [(t.role, t.text) for t in driver.core.transcript.turns]
        finally:
            await driver.aclose()

    setups = [normalise(f)["setup"] for f in sim.frames("setup")]
    assert len(setups) >= 3
    assert (setups[1].get("session_resumption") or {}).get("handle")  # the refused one
    fresh = setups[2]
    assert not (fresh.get("session_resumption") or {}).get("handle")
    assert fresh["history_config"] == {"initial_history_in_client_content": True}
    assert sim.resumed_connections == 0

    (content,) = sim.frames("client_content")
    sent = normalise(content)["client_content"]
    assert sent["turn_complete"] is True
    assert (
        texts(sent["turns"])
        == seeded
        == [
            ("user", QUESTION),
            ("model", f"You typed: {QUESTION}"),
        ]
    )
    # What went on the wire is what the installed SDK's own types read back.
    parsed = types.LiveClientMessage.model_validate(content).client_content
    assert parsed is not None and parsed.turn_complete
    assert [(c.role, c.parts[0].text) for c in parsed.turns or [] if c.parts] == seeded
    setup = types.LiveClientMessage.model_validate(sim.frames("setup")[2]).setup
    assert setup is not None and setup.history_config is not None
    assert setup.history_config.initial_history_in_client_content is True

    # The history came before any realtime input on that connection, was not answered, and
    # the session went on with it.
    order = [next(iter(normalise(f))) for f in sim.received if f is not None]
    after_third_setup = order[[i for i, k in enumerate(order) if k == "setup"][2] :]
    assert after_third_setup[1] == "client_content"
    assert not any("turns of history" in text for _, text in final_turns)
    assert final_turns[:2] == seeded
    assert "The session was restored from the local transcript." in notices


def test_the_simulators_history_rule() -> None:
    awaiting = history.phase_after_setup(
        {"history_config": {"initial_history_in_client_content": True}}
    )
    assert awaiting is history.Phase.AWAITING
    assert history.phase_after_setup({}) is history.Phase.NONE
    strict = "initial_history"
    assert history.on_client_content(strict, awaiting, False) == (awaiting, False, None)
    assert history.on_client_content(strict, awaiting, True) == (history.Phase.DONE, False, None)
    assert history.realtime_refusal(strict, awaiting) == history.REASON_INPUT_BEFORE_HISTORY
    assert history.realtime_refusal(strict, history.Phase.DONE) is None
    for phase in (history.Phase.NONE, history.Phase.DONE):
        assert history.on_client_content(strict, phase, True)[2] == history.REASON_NOT_INITIAL
    assert history.on_client_content("any", history.Phase.NONE, True) == (
        history.Phase.NONE,
        True,
        None,
    )
