"""The real window and controller, offscreen, driven through a session with the simulator."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot
from support.waiting import wait_until

from desktop.app import SIMULATOR_BANNER, SessionDriver, VideoStatus
from desktop.infra.history import HistoryStore
from desktop.infra.settings import Settings
from desktop.session import events as ev
from desktop.ui.controller import Controller
from desktop.ui.main_window import MainWindow


def transcript_lines(window: MainWindow) -> list[str]:
    """The transcript as the user reads it, without the clock time in front of each line."""
    view = window.transcript
    rows = range(view.transcript.rowCount())
    return [view.row_text(row).split("  ", 1)[-1] for row in rows]


@pytest.fixture
def ui(qtbot: QtBot, tmp_path: Path) -> tuple[MainWindow, Controller, HistoryStore]:
    settings = Settings(backend="simulator", video_source="none", input_device="no-such-mic")
    history = HistoryStore.open(tmp_path / "history.sqlite3")
    window = MainWindow()
    qtbot.addWidget(window)
    holder: list[Controller] = []

    def on_ui(event: ev.UiEvent | VideoStatus) -> None:
        holder[0].on_ui_event(event)  # the controller is built after its driver

    controller = Controller(window, SessionDriver(settings, None, on_ui, history))
    holder.append(controller)
    window.show()
    return window, controller, history


def test_window_is_built_with_every_control(
    ui: tuple[MainWindow, Controller, HistoryStore],
) -> None:
    window, _, _ = ui
    for widget in (
        window.preview,
        window.transcript,
        window.start_button,
        window.mute_button,
        window.camera_button,
        window.text_box,
        window.connection_label,
    ):
        assert widget.isVisible()
    assert window.banner.text() == SIMULATOR_BANNER
    assert window.start_button.text() == "Start session"


async def test_start_type_and_stop_through_the_simulator(
    ui: tuple[MainWindow, Controller, HistoryStore], tmp_path: Path
) -> None:
    window, controller, history = ui
    window.start_button.click()
    await wait_until(lambda: window.connection_label.text() == "Connected")
    assert window.start_button.text() == "Stop session"
    # The named microphone does not exist: the window says so by name, whether the default
    # stands in or there is no microphone at all (the devices open alongside the connect:
    # the notice may come just after "Connected").
    await wait_until(lambda: "no-such-mic" in window.banner.text())

    window.text_box.setText("torque spec for the pump?")
    window.text_box.returnPressed.emit()
    assert window.text_box.text() == ""
    await wait_until(lambda: any("You typed" in line for line in transcript_lines(window)))
    lines = transcript_lines(window)
    assert lines[0] == "You: torque spec for the pump?"
    assert lines[1].startswith("Assistant: ") and "torque spec for the pump?" in lines[1]

    window.start_button.click()
    await wait_until(lambda: not controller.driver.running)
    assert window.start_button.text() == "Start session"
    assert window.connection_label.text() == "Session stopped"

    (session,) = history.list_sessions()
    saved = [t.text for t in history.turns(session.id)]
    assert saved[0] == "torque spec for the pump?" and "You typed" in saved[1]
    window.close()
    await asyncio.wait_for(controller.closed.wait(), 5)


async def test_text_typed_before_start_is_kept_in_the_box(
    ui: tuple[MainWindow, Controller, HistoryStore],
) -> None:
    window, controller, _ = ui
    window.text_box.setText("hello?")
    window.send_button.click()
    assert window.text_box.text() == "hello?"  # nothing the user typed is lost
    assert "Start the session" in window.banner.text()
    window.close()
    await asyncio.wait_for(controller.closed.wait(), 5)


def test_ui_events_update_the_views(ui: tuple[MainWindow, Controller, HistoryStore]) -> None:
    window, controller, _ = ui
    controller.on_ui_event(ev.TranscriptChanged(1, "model", "Check the ", False))
    controller.on_ui_event(ev.TranscriptChanged(0, "user", "it hums", True))
    controller.on_ui_event(ev.TranscriptChanged(1, "model", "Check the seal.", True, True))
    assert transcript_lines(window) == ["You: it hums", "Assistant: Check the seal.  [interrupted]"]
    controller.on_ui_event(ev.LinkStatusChanged("reconnecting", "Reconnecting (attempt 2)"))
    assert window.connection_label.text() == "Reconnecting (attempt 2)"
    controller.on_ui_event(ev.UsageChanged(1234, 42.0))
    assert window.usage_label.text() == "1,234 tokens"  # time left: window.time_left_label
    controller.on_ui_event(VideoStatus("paused"))
    assert window.preview.text() == "Camera paused"
    controller.on_ui_event(ev.Notice("The API key was rejected.", ev.NoticeLevel.ERROR))
    assert window.banner.text().splitlines()[-1] == "The API key was rejected."  # the newest row


def write_video(path: Path, frames: int = 60) -> Path:
    import cv2
    import numpy as np

    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 15, (640, 480))
    for _ in range(frames):
        writer.write(np.full((480, 640, 3), 255, np.uint8))  # all white: a mask shows as black
    writer.release()
    return path


async def test_video_preview_mask_snapshot_and_source_switch(qtbot: QtBot, tmp_path: Path) -> None:
    import cv2
    import numpy as np

    video = write_video(tmp_path / "white.avi")
    settings = Settings(backend="simulator", video_source=str(video), input_device="no-such-mic")
    history = HistoryStore.open(tmp_path / "history.sqlite3")
    window = MainWindow()
    qtbot.addWidget(window)
    holder: list[Controller] = []

    def on_ui(event: ev.UiEvent | VideoStatus) -> None:
        holder[0].on_ui_event(event)

    driver = SessionDriver(settings, None, on_ui, history)
    controller = Controller(window, driver)
    holder.append(controller)
    window.show()
    window.start_button.click()
    await wait_until(lambda: window.connection_label.text() == "Connected")
    await wait_until(
        lambda: window.preview.pixmap() is not None and not window.preview.pixmap().isNull()
    )

    # Drag a mask over the left half of the picture, as a user would.
    picture = window.preview.picture_rect()
    qtbot.mousePress(
        window.preview, Qt.MouseButton.LeftButton, pos=picture.topLeft() + QPoint(1, 1)
    )
    qtbot.mouseMove(window.preview, picture.center() + QPoint(0, picture.height() // 2 - 2))
    qtbot.mouseRelease(
        window.preview,
        Qt.MouseButton.LeftButton,
        pos=QPoint(picture.center().x(), picture.bottom() - 1),
    )
    assert len(driver.masks) == 1
    await wait_until(
        lambda: (
            window.preview.pixmap()
            .toImage()
            .pixelColor(picture.width() // 4, picture.height() // 2)
            .value()
            < 20
        )
    )

    sim = driver._sim
    assert sim is not None
    sent_before = len(sim.frames("realtime_input"))
    window.snapshot_button.click()
    await wait_until(lambda: any("Snapshot sent" in line for line in transcript_lines(window)))
    (saved,) = list((tmp_path / "fieldassist-home").rglob("snapshot-*.jpg"))
    still = cv2.imdecode(np.frombuffer(saved.read_bytes(), np.uint8), cv2.IMREAD_COLOR)
    assert still.shape == (480, 640, 3)  # full resolution
    assert still[8:-8, 8:300].max() < 40  # the masked left half is black
    assert still[8:-8, 340:-8].min() > 200  # the rest is as the camera saw it
    await wait_until(lambda: len(sim.frames("realtime_input")) > sent_before)
    (session,) = history.list_sessions()
    assert len(history.snapshots(session.id)) == 1

    # Switch to no video mid-session: the link stays up.
    window.source_box.setCurrentText("none")
    window.source_box.lineEdit().returnPressed.emit()
    await wait_until(
        lambda: "No video source" in window.preview.text() or driver.video_status.state != "running"
    )
    assert window.connection_label.text() == "Connected"
    assert sim.connections == 1
    window.close()
    await asyncio.wait_for(controller.closed.wait(), 10)


async def test_push_to_talk_button_and_f9_mark_the_turn(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings(
        backend="simulator", video_source="none", input_device="no-such-mic", push_to_talk=True
    )
    window = MainWindow()
    qtbot.addWidget(window)
    holder: list[Controller] = []

    def on_ui(event: ev.UiEvent | VideoStatus) -> None:
        holder[0].on_ui_event(event)

    driver = SessionDriver(settings, None, on_ui)
    controller = Controller(window, driver)
    holder.append(controller)
    window.show()
    assert window.talk_button.isVisible()
    window.start_button.click()
    await wait_until(lambda: window.connection_label.text() == "Connected")
    sim = driver._sim
    assert sim is not None
    (setup,) = sim.frames("setup")
    assert "automatic_activity_detection" in str(setup) and "'disabled': True" in str(setup)

    def activity() -> list[str]:
        return [
            key
            for f in sim.frames("realtime_input")
            for key in (f.get("realtime_input") or f.get("realtimeInput") or {})
            if "activity" in key.lower()
        ]

    qtbot.mousePress(window.talk_button, Qt.MouseButton.LeftButton)
    qtbot.mouseRelease(window.talk_button, Qt.MouseButton.LeftButton)
    qtbot.keyPress(window, Qt.Key.Key_F9)
    qtbot.keyRelease(window, Qt.Key.Key_F9)
    await wait_until(lambda: len(activity()) == 4)
    assert [k.lower().replace("_", "") for k in activity()] == [
        "activitystart",
        "activityend",
        "activitystart",
        "activityend",
    ]
    window.close()
    await asyncio.wait_for(controller.closed.wait(), 10)


async def test_menus_open_the_inspector_settings_and_history(
    ui: tuple[MainWindow, Controller, HistoryStore],
) -> None:
    from desktop.ui.history_view import HistoryDialog
    from desktop.ui.settings_dialog import SettingsDialog

    window, controller, _ = ui
    assert not window.inspector.isVisible()
    window.inspector_action.trigger()
    assert window.inspector.isVisible()
    window.start_button.click()
    await wait_until(lambda: window.connection_label.text() == "Connected")
    window.text_box.setText("what is this valve?")
    window.text_box.returnPressed.emit()
    model = window.inspector.model
    await wait_until(lambda: model.rowCount() >= 3)
    kinds = {model.index(r, 2).data() for r in range(model.rowCount())}
    assert {"SendText", "OutputTranscript", "TurnComplete"} <= kinds

    window.settings_action.trigger()
    assert isinstance(controller._dialog, SettingsDialog) and controller._dialog.isVisible()
    controller._dialog.reject()
    window.history_action.trigger()
    assert isinstance(controller._dialog, HistoryDialog) and controller._dialog.isVisible()
    controller._dialog.reject()
    window.close()
    await asyncio.wait_for(controller.closed.wait(), 10)


async def test_a_tool_that_changes_things_asks_in_the_window_first(qtbot: QtBot) -> None:
    from desktop.tools import Tool

    settings = Settings(backend="simulator", video_source="none", input_device="no-such-mic")
    window = MainWindow()
    qtbot.addWidget(window)
    holder: list[Controller] = []

    def on_ui(event: ev.UiEvent | VideoStatus) -> None:
        holder[0].on_ui_event(event)

    async def confirm(name: str, args: Any) -> str:
        return await holder[0].confirm_tool(name, args)

    driver = SessionDriver(settings, None, on_ui, confirm_tool=confirm)
    controller = Controller(window, driver)
    holder.append(controller)
    window.show()
    window.start_button.click()
    await wait_until(lambda: window.connection_label.text() == "Connected")
    opened: list[str] = []

    async def open_valve(valve: str) -> str:
        """Open a valve on the plant's control system."""
        opened.append(valve)
        return f"opened {valve}"

    assert driver.toolbox is not None
    driver.toolbox.registry.add(Tool.from_function(open_valve, changes_outside=True))
    driver.send_text('call tool open_valve {"valve": "V-12"}')
    await wait_until(lambda: controller.pending_confirmation is not None)
    box = controller.pending_confirmation
    assert box is not None and "open_valve" in box.text() and "V-12" in box.informativeText()
    assert opened == []  # nothing runs before the user says so
    allow = next(b for b in box.buttons() if b.text() == "Allow once")
    allow.click()
    await wait_until(lambda: opened == ["V-12"])
    await wait_until(lambda: any("open_valve: done" in line for line in transcript_lines(window)))
    window.close()
    await asyncio.wait_for(controller.closed.wait(), 10)


async def test_keyboard_shortcuts_keep_working_after_the_buttons_change_their_text(
    ui: tuple[MainWindow, Controller, HistoryStore], qtbot: QtBot
) -> None:
    window, controller, _ = ui
    window.activateWindow()
    qtbot.keyClick(window.text_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    await wait_until(lambda: window.connection_label.text() == "Connected")
    assert window.start_button.text() == "Stop session"
    qtbot.keyClick(window.text_box, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert window.mute_button.isChecked() and window.mute_button.text() == "Unmute"
    qtbot.keyClick(window.text_box, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert not window.mute_button.isChecked()
    qtbot.keyClick(window.text_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    await wait_until(lambda: not controller.driver.running)
    assert window.connection_label.text() == "Session stopped"
    window.close()
    await asyncio.wait_for(controller.closed.wait(), 10)


async def test_a_video_file_that_is_not_there_is_shown_and_the_session_goes_on(
    qtbot: QtBot, tmp_path: Path
) -> None:
    settings = Settings(
        backend="simulator", video_source=str(tmp_path / "gone.mp4"), input_device="no-such-mic"
    )
    window = MainWindow()
    qtbot.addWidget(window)
    holder: list[Controller] = []

    def on_ui(event: ev.UiEvent | VideoStatus) -> None:
        holder[0].on_ui_event(event)

    controller = Controller(window, SessionDriver(settings, None, on_ui))
    holder.append(controller)
    window.show()
    window.start_button.click()
    await wait_until(lambda: window.connection_label.text() == "Connected")
    await wait_until(lambda: "gone.mp4" in window.preview.text())
    assert window.preview.text().splitlines()[0] in (
        "Video source unavailable",
        "Video source lost: retrying…",
    )
    window.text_box.setText("can you hear me?")
    window.text_box.returnPressed.emit()
    await wait_until(lambda: any("You typed" in line for line in transcript_lines(window)))
    window.close()
    await asyncio.wait_for(controller.closed.wait(), 10)
