"""View ▸ Share a screen region…: the real window, a real grab of the tests' Xvfb desktop
(1280x800) through mss, a drag over the picture, and the source the window switches to."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from support.waiting import wait_until

from desktop.app import SessionDriver, VideoStatus
from desktop.app.screen_region import DesktopShot, region_source
from desktop.infra.settings import Settings
from desktop.session import events as ev
from desktop.ui.controller import Controller
from desktop.ui.main_window import MainWindow
from desktop.ui.region_picker import RegionPickerDialog


def make_ui(qtbot: QtBot) -> tuple[MainWindow, Controller]:
    settings = Settings(backend="simulator", video_source="none", input_device="no-such-mic")
    window = MainWindow()
    qtbot.addWidget(window)
    holder: list[Controller] = []

    def on_ui(event: ev.UiEvent | VideoStatus) -> None:
        holder[0].on_ui_event(event)

    controller = Controller(window, SessionDriver(settings, None, on_ui))
    holder.append(controller)
    window.show()
    return window, controller


async def open_picker(window: MainWindow, controller: Controller) -> RegionPickerDialog:
    window.region_action.trigger()
    await wait_until(lambda: controller.regions.dialog is not None)
    dialog = controller.regions.dialog
    assert dialog is not None
    return dialog


async def test_drag_a_region_over_the_desktop_and_share_it(qtbot: QtBot, x_display: str) -> None:
    window, controller = make_ui(qtbot)
    dialog = await open_picker(window, controller)
    view = dialog.view
    assert view is not None and isinstance(dialog.shot, DesktopShot)
    assert dialog.shot.rgb.shape[:2] == (800, 1280)  # the whole Xvfb desktop
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # nothing chosen yet

    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(30, 40))
    qtbot.mouseMove(view, QPoint(230, 190))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(230, 190))
    assert ok.isEnabled()
    chosen = dialog.chosen_source()
    assert chosen is not None
    x, y, w, h = (int(v) for v in re.findall(r"\d+", chosen))
    scale = view.scale  # 960 / 1280 shown pixels per desktop pixel
    assert (x, y) == (round(30 / scale), round(40 / scale))
    assert (w, h) == (round(200 / scale), round(150 / scale))

    ok.click()
    await wait_until(lambda: controller.regions.dialog is None)
    assert controller._source_text == chosen
    assert window.source_box.currentText() == chosen


async def test_wayland_is_said_plainly(
    qtbot: QtBot, x_display: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    window, controller = make_ui(qtbot)
    dialog = await open_picker(window, controller)
    assert "Wayland" in dialog.message.text() and "X11" in dialog.message.text()
    dialog.reject()


async def test_no_desktop_to_grab_is_a_message(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DISPLAY", ":97")  # no X server there
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    window, controller = make_ui(qtbot)
    dialog = await open_picker(window, controller)
    assert dialog.view is None
    assert "Cannot capture the screen" in dialog.message.text()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.reject()


def test_regions_are_clipped_and_offset_to_desktop_coordinates() -> None:
    import numpy as np

    shot = DesktopShot(np.zeros((100, 200, 3), np.uint8), left=-1920, top=0)
    assert region_source(shot, 10, 20, 30, 40) == "screen:-1910,20,30,40"
    assert region_source(shot, 190, 90, 50, 50) == "screen:-1730,90,10,10"
    assert region_source(shot, 199, 0, 50, 50) is None  # one pixel wide: too small
