"""Push-to-talk switched on in Settings while a session runs: the talk button and F9 appear
at once, the connection is handed over to one whose setup disables the server's voice
detection, and the microphone goes out between activityStart and activityEnd."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from support.waiting import wait_until

from desktop.app import SessionDriver, VideoStatus
from desktop.infra.settings import Settings
from desktop.session import events as ev
from desktop.sim.signals import chunks, utterance
from desktop.ui.controller import Controller
from desktop.ui.main_window import MainWindow


async def test_push_to_talk_switched_on_mid_session_works_at_once(qtbot: QtBot) -> None:
    settings = Settings(backend="simulator", video_source="none", input_device="no-such-mic")
    window = MainWindow()
    qtbot.addWidget(window)
    holder: list[Controller] = []

    def on_ui(event: ev.UiEvent | VideoStatus) -> None:
        holder[0].on_ui_event(event)

    driver = SessionDriver(settings, None, on_ui)
    controller = Controller(window, driver)
    holder.append(controller)
    window.show()
    window.start_button.click()
    await wait_until(lambda: window.connection_label.text() == "Connected")
    assert not window.talk_button.isVisible()
    sim = driver._sim
    assert sim is not None

    controller.apply_settings(replace(settings, push_to_talk=True), None)  # Settings' OK
    await wait_until(window.talk_button.isVisible)
    await wait_until(lambda: sim.connections == 2 and window.connection_label.text() == "Connected")
    second = sim.frames("setup")[-1]
    assert "'disabled': True" in str(second)  # the new connection's turns are the user's

    def activity() -> list[str]:
        return [
            key.lower().replace("_", "")
            for f in sim.frames("realtime_input")
            for key in (f.get("realtime_input") or f.get("realtimeInput") or {})
            if "activity" in key.lower()
        ]

    qtbot.keyPress(window, Qt.Key.Key_F9)
    for pcm in chunks(utterance(0.6, 0.9)):  # the microphone, while the key is down
        driver.feed(ev.MicAudio(pcm))
    qtbot.keyRelease(window, Qt.Key.Key_F9)
    await wait_until(lambda: activity() == ["activitystart", "activityend"])
    audio_on_second = [a for a in sim.arrivals if a.kind == "audio" and a.connection == 2]
    assert audio_on_second, "the microphone did not reach the new connection"
    window.close()
    await asyncio.wait_for(controller.closed.wait(), 10)
