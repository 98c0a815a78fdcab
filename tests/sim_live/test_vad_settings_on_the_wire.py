"""The user's speech-detection settings reach the setup frame: Settings -> the app's one
translation -> the live config -> the SDK -> TLS -> the simulator, which records the frame
exactly as the SDK wrote it.

The installed SDK writes `realtimeInputConfig` camelCase but its contents in the field names
of its pydantic types (`automatic_activity_detection`, `start_of_speech_sensitivity`, ...);
the Live API's JSON parser takes either spelling, so the tests compare spelling-blind
(`wire.normalise`) and pin the enum values exactly."""

from __future__ import annotations

from typing import Any, get_args

import pytest
from sim_live_helpers import EventLog

from desktop.app.options import live_options
from desktop.infra.settings import SPECS, Settings
from desktop.live import LiveLink, build_client, build_config
from desktop.live.options import Backend, VadSensitivity
from desktop.session.events import TurnComplete
from desktop.sim import SimServer
from desktop.sim.wire import normalise


async def setup_frame(sim: SimServer, settings: Settings) -> dict[str, Any]:
    """Open a real session with `settings`, have one turn, return the setup as sent."""
    opts = live_options(
        settings, "simulator", None, endpoint=sim.url, ssl_context=sim.client_ssl_context()
    )
    link = LiveLink(build_client(opts), opts.model_name, build_config(opts))
    await link.open()
    log = EventLog(link)
    await link.send_text("hello")
    await log.wait_type(TurnComplete)  # the server took the setup and answered
    await log.stop()
    raw: dict[str, Any] = sim.received[0]["setup"]
    assert "realtime_input_config" not in raw  # the SDK's own camelCase at the top level
    setup: dict[str, Any] = normalise(raw)
    return setup


async def test_high_sensitivity_and_a_long_silence_are_sent(sim: SimServer) -> None:
    setup = await setup_frame(sim, Settings(vad_sensitivity="high", vad_silence_ms=1200))
    assert setup["realtime_input_config"] == {
        "automatic_activity_detection": {
            "start_of_speech_sensitivity": "START_SENSITIVITY_HIGH",
            "end_of_speech_sensitivity": "END_SENSITIVITY_HIGH",
            "silence_duration_ms": 1200,
        }
    }


async def test_low_sensitivity_alone(sim: SimServer) -> None:
    setup = await setup_frame(sim, Settings(vad_sensitivity="low"))
    assert setup["realtime_input_config"] == {
        "automatic_activity_detection": {
            "start_of_speech_sensitivity": "START_SENSITIVITY_LOW",
            "end_of_speech_sensitivity": "END_SENSITIVITY_LOW",
        }
    }


async def test_server_defaults_send_no_activity_detection(sim: SimServer) -> None:
    setup = await setup_frame(sim, Settings(vad_sensitivity="default", vad_silence_ms=0))
    assert "realtime_input_config" not in setup


async def test_push_to_talk_turns_detection_off_whatever_the_sensitivity(sim: SimServer) -> None:
    settings = Settings(push_to_talk=True, vad_sensitivity="high", vad_silence_ms=1200)
    setup = await setup_frame(sim, settings)
    assert setup["realtime_input_config"] == {"automatic_activity_detection": {"disabled": True}}


@pytest.mark.parametrize("sensitivity", SPECS["vad_sensitivity"].choices)
def test_every_sensitivity_the_settings_offer_has_a_meaning(sensitivity: str) -> None:
    opts = live_options(Settings(vad_sensitivity=sensitivity), "simulator", None)
    build_config(opts)  # a choice without a translation would raise KeyError here


def test_the_live_layers_word_lists_are_the_settings_tables() -> None:
    """desktop.live may not import the settings (infra is for app and ui), so its Literal
    types repeat the table's words; this keeps them the same words."""
    assert set(get_args(VadSensitivity)) == set(SPECS["vad_sensitivity"].choices)
    assert set(get_args(Backend)) == set(SPECS["backend"].choices) - {"auto"}
