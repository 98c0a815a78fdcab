"""The shape of the app package: no room outgrows it again, and the audio devices are
opened off the Qt/asyncio thread (PortAudio's start-up enumerates every device)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from support.pulse import PulseServer
from support.waiting import wait_until

from desktop.app import SessionDriver
from desktop.audio.engine import AudioEngine
from desktop.infra.settings import Settings
from desktop.session.states import LinkState

APP = Path(__file__).resolve().parents[2] / "desktop" / "app"
MAX_LINES = 300


def test_no_module_of_the_app_is_over_300_lines() -> None:
    sizes = {p.name: len(p.read_text().splitlines()) for p in APP.glob("*.py")}
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}


@pytest.mark.audio
async def test_audio_devices_are_opened_and_closed_off_the_loop_thread(
    pulse: PulseServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[tuple[str, threading.Thread]] = []
    for name in ("__init__", "start", "stop"):
        original = getattr(AudioEngine, name)

        def spy(
            self: AudioEngine, *args: object, _name: str = name, _f: object = original, **kw: object
        ) -> None:
            threads.append((_name, threading.current_thread()))
            _f(self, *args, **kw)  # type: ignore[operator]

        monkeypatch.setattr(AudioEngine, name, spy)
    settings = Settings(backend="simulator", video_source="none")
    driver = SessionDriver(settings, None, lambda event: None)
    await driver.start()
    try:
        await wait_until(lambda: driver.link_state is LinkState.OPEN)
        await wait_until(lambda: driver.audio_port.engine is not None)  # opened alongside
        assert driver.audio_port.engine is not None and driver.audio_port.engine.running
    finally:
        await driver.aclose()
    assert {name for name, _ in threads} == {"__init__", "start", "stop"}
    on_loop = [name for name, thread in threads if thread is threading.main_thread()]
    assert on_loop == []
