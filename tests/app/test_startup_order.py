"""A session connects first: its setup goes out while the audio devices are still opening,
speech captured before the link opened reaches the server once, in order, and a key still
being read from a slow keyring when the window came up is waited for by the start alone. Through the
whole driver, the real SDK over TLS to the simulator and real PortAudio on PulseAudio.

(MCP servers never hold up the connect, and tools that become ready later are declared at the
next connect: tests/app/test_mcp_never_delays_the_session.py.)
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
from dataclasses import replace
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
import numpy as np
import pytest
from support.pulse import PulseServer, write_wav
from support.waiting import wait_until

from desktop.app import AppEvent, SessionDriver
from desktop.infra.credentials import ENV_VARS, KEYRING_USERNAME, KeyLookup
from desktop.infra.settings import Settings
from desktop.session.states import LinkState
from desktop.sim import Scenario, SimServer, wire

pytestmark = [pytest.mark.audio]

LIMIT_S = 20.0  # bounds against hangs, not timings
RATE = 16000
TONES_HZ = (500.0, 1000.0, 1500.0)


def driver_for(sim: SimServer, events: list[AppEvent], **settings: object) -> SessionDriver:
    base = Settings(
        backend="gemini", endpoint=sim.url, ca_file=str(sim.ca_file), video_source="none"
    )
    for key, value in settings.items():
        setattr(base, key, value)
    return SessionDriver(base, "test-key", events.append)


def pulse_pid(pulse: PulseServer) -> int:
    return int((pulse.runtime_dir / "pulse" / "pid").read_text().strip())


async def test_the_setup_goes_out_while_the_audio_devices_are_still_opening(
    pulse: PulseServer,
) -> None:
    # A sound server that does not answer (stopped): opening the devices waits on it.
    events: list[AppEvent] = []
    async with SimServer() as sim:
        driver = driver_for(sim, events)
        os.kill(pulse_pid(pulse), signal.SIGSTOP)
        try:
            starting = asyncio.create_task(driver.start())
            await wait_until(lambda: sim.counts.get("setup", 0) >= 1, LIMIT_S)
            assert driver.audio_port.engine is None  # still opening: not waited for
        finally:
            os.kill(pulse_pid(pulse), signal.SIGCONT)
        try:
            await asyncio.wait_for(starting, LIMIT_S)
            await wait_until(lambda: driver.link_state is LinkState.OPEN, LIMIT_S)
            await wait_until(lambda: driver.audio_port.engine is not None, LIMIT_S)  # then opens
        finally:
            await asyncio.wait_for(driver.aclose(), LIMIT_S)


def tones_wav(path: Path) -> Path:
    """Three tones of 0.3 s, one after the other, with 0.1 s of silence around each."""
    t = np.arange(int(0.3 * RATE)) / RATE
    gap = np.zeros(int(0.1 * RATE), dtype=np.int16)
    parts = [gap]
    for hz in TONES_HZ:
        parts += [(np.sin(2 * np.pi * hz * t) * 0.4 * 32767).astype(np.int16), gap]
    return Path(write_wav(path, np.concatenate(parts), RATE))


def received_audio(sim: SimServer) -> np.ndarray:
    """Every microphone sample the simulator received, in arrival order."""
    pieces = []
    for frame in sim.frames("realtime_input"):
        blob = wire.normalise(frame)["realtime_input"].get("audio")
        if blob is not None:
            pieces.append(np.frombuffer(wire.b64decode_any(str(blob["data"])), dtype="<i2"))
    return np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int16)


def tone_sequence(samples: np.ndarray) -> list[float]:
    """The tones heard, in order, each run of 50 ms windows of one tone counted once."""
    window = RATE // 20
    found: list[float] = []
    for start in range(0, len(samples) - window, window):
        piece = samples[start : start + window].astype(np.float64)
        if np.sqrt(np.mean(piece**2)) < 0.05 * 32767:
            continue  # quiet
        spectrum = np.abs(np.fft.rfft(piece * np.hanning(window)))
        peak = float(np.argmax(spectrum) * RATE / window)
        hz = min(TONES_HZ, key=lambda tone: abs(tone - peak))
        if abs(hz - peak) < 60 and (not found or found[-1] != hz):
            found.append(hz)
    return found


async def test_speech_before_the_link_opened_reaches_the_server_once_in_order(
    pulse: PulseServer, tmp_path: Path
) -> None:
    # The server answers the setup 2 s late: the user talks while the link is opening.
    wav = tones_wav(tmp_path / "tones.wav")
    events: list[AppEvent] = []
    async with SimServer(scenario=Scenario(setup_delay_s=2.0)) as sim:
        driver = driver_for(sim, events)
        # Everything said until the link opens is kept: on a loaded machine that may be longer
        # than the 3 s a session keeps (the oldest is dropped then, by design).
        driver.core.policy = replace(driver.core.policy, mic_buffer_s=30.0)
        try:
            await asyncio.wait_for(driver.start(), LIMIT_S)
            await wait_until(lambda: driver.audio_port.engine is not None, LIMIT_S)
            speaking = pulse.play_async(wav)
            await asyncio.sleep(0.5)  # the first tone is said ...
            state = driver.link_state
            assert state is LinkState.CONNECTING  # ... before the link is open
            assert not sim.counts.get("audio")
            await asyncio.to_thread(speaking.wait)
            await wait_until(lambda: driver.link_state is LinkState.OPEN, LIMIT_S)
            await wait_until(lambda: len(tone_sequence(received_audio(sim))) >= 3, LIMIT_S)
            await asyncio.sleep(0.3)  # anything sent twice would arrive right behind
        finally:
            await asyncio.wait_for(driver.aclose(), LIMIT_S)
        assert tone_sequence(received_audio(sim)) == list(TONES_HZ)


class SlowKeyring(keyring.backend.KeyringBackend):
    """A keyring that answers after a while (an unlock round trip over D-Bus, made slow)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, key: str, delay_s: float) -> None:
        super().__init__()
        self.key, self.delay_s = key, delay_s

    def get_password(self, service: str, username: str) -> str | None:
        time.sleep(self.delay_s)
        return self.key if username == KEYRING_USERNAME else None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("read-only")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.PasswordDeleteError("read-only")


async def test_a_key_from_a_slow_keyring_is_waited_for_by_the_start_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(SlowKeyring("slow-" + "keyring-key", 0.5))
    events: list[AppEvent] = []
    try:
        async with SimServer() as sim:
            settings = Settings(
                backend="gemini", endpoint=sim.url, ca_file=str(sim.ca_file), video_source="none"
            )
            driver = SessionDriver(settings, None, events.append)  # the window is up, no key
            lookup = asyncio.get_running_loop().create_task(KeyLookup().start().result())
            driver.expect_key(lookup)
            assert driver.key_pending
            try:
                await asyncio.wait_for(driver.start(), LIMIT_S)  # waits for the keyring ...
                assert lookup.done() and driver.api_key == "slow-keyring-key"
                await wait_until(lambda: driver.link_state is LinkState.OPEN, LIMIT_S)
            finally:
                await asyncio.wait_for(driver.aclose(), LIMIT_S)
        assert sim.counts.get("setup") == 1  # ... and connects with its key
    finally:
        keyring.set_keyring(previous)
