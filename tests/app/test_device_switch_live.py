"""A speaker chosen in Settings mid-session: the audio is reopened (on a worker thread) on
the new device and the next reply plays there, on the same connection. Real PortAudio on
PulseAudio null sinks, the simulator over TLS loopback."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import numpy as np
import pytest
from support.pulse import PulseServer
from support.waiting import wait_until
from test_session_faults import replied

from desktop.app import SessionDriver
from desktop.infra.settings import Settings
from desktop.session.states import LinkState

pytestmark = [pytest.mark.audio, pytest.mark.slow]


def playing_streams(pulse: PulseServer) -> dict[str, str]:
    """The app's playback streams on the server: sink-input id -> the sink's name."""
    sinks = dict(
        line.split("\t")[:2] for line in pulse.pactl("list", "short", "sinks").splitlines()
    )
    rows = [line.split("\t") for line in pulse.pactl("list", "short", "sink-inputs").splitlines()]
    return {row[0]: sinks.get(row[1], row[1]) for row in rows}


def loud(samples: np.ndarray, threshold: float = 0.01) -> bool:
    return samples.size > 0 and float(np.max(np.abs(samples))) / 32768 > threshold


async def wait_for_streams(
    pulse: PulseServer, not_in: dict[str, str] | None = None
) -> dict[str, str]:
    """The playback streams once there are some (and none of `not_in` is left)."""
    old = set(not_in or {})
    streams: dict[str, str] = {}

    def ready() -> bool:
        streams.clear()
        streams.update(playing_streams(pulse))
        return bool(streams) and not (old & set(streams))

    await wait_until(ready)
    return dict(streams)


async def test_a_new_speaker_mid_session_gets_the_next_reply(pulse: PulseServer) -> None:
    settings = Settings(backend="simulator", video_source="none", output_device="")
    driver = SessionDriver(settings, None, lambda event: None)
    await driver.start()
    headset = pulse.add_null_sink("headset")
    try:
        await wait_until(lambda: driver.link_state is LinkState.OPEN)
        await wait_until(lambda: driver.audio_port.engine is not None)  # opened alongside
        first = driver.audio_port.engine
        assert first is not None
        # The new device: PulseAudio's "pulse" device, routed to the headset sink. The old
        # streams stay where they were opened (the laptop's speaker) until reopened.
        before = await wait_for_streams(pulse)
        pulse.set_defaults("headset")
        assert driver.apply_settings(replace(settings, output_device="pulse"), None) == ""
        await wait_until(lambda: driver.audio_port.engine not in (None, first))
        assert not first.running
        after = await wait_for_streams(pulse, not_in=before)
        assert set(after.values()) == {"headset"}  # a new stream, opened on the new device
        with pulse.recorder(source="headset.monitor", rate=24000) as recorder:
            driver.send_text("where does this play?")
            await wait_until(replied(driver, "where does this play?"))
            await wait_until(lambda: not driver.core.playing, limit_s=15)
            await asyncio.sleep(0.5)
            heard = recorder.recording.samples()
        connections = driver._sim.connections if driver._sim is not None else 0
    finally:
        await driver.aclose()
        pulse.set_defaults()
        pulse.unload_module(headset)
    assert loud(heard), "the reply did not play on the new speaker"
    assert connections == 1  # the session was not touched
