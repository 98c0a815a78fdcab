"""Hostile review of issue 11, window part: a stream's password never shows in the source
picker (it is still used), and a long reconnect reason never widens the window."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.app import SessionDriver
from desktop.infra.settings import Settings
from desktop.session import events as ev
from desktop.ui.controller import Controller
from desktop.ui.main_window import MainWindow

SOURCE = "rtsp://tech:s3cr3t-pw@10.0.0.5:554/stream"


def make(qtbot: QtBot, source: str = SOURCE) -> tuple[MainWindow, Controller, SessionDriver]:
    window = MainWindow()
    qtbot.addWidget(window)
    driver = SessionDriver(Settings(backend="simulator", video_source=source), None, print)
    return window, Controller(window, driver), driver


def test_the_picker_masks_a_stream_password_and_still_uses_it(qtbot: QtBot) -> None:
    window, controller, driver = make(qtbot)
    box = window.source_box
    assert "s3cr3t-pw" not in box.currentText()
    assert "10.0.0.5" in box.currentText()
    box.activated.emit(box.currentIndex())  # picking the masked text keeps the real source
    assert driver.settings.video_source == SOURCE
    assert all("s3cr3t-pw" not in box.itemText(i) for i in range(box.count()))
    box.setCurrentText("rtsp://other:pw2@10.0.0.6/s")  # typing a new one switches to it
    box.lineEdit().returnPressed.emit()
    assert driver.settings.video_source == "rtsp://other:pw2@10.0.0.6/s"
    assert "pw2" not in box.currentText()
    assert all("pw2" not in box.itemText(i) for i in range(box.count()))
    controller.apply_settings(Settings(backend="simulator", video_source=SOURCE), None)
    assert "s3cr3t-pw" not in box.currentText()


def test_a_long_reconnect_reason_does_not_widen_the_window(qtbot: QtBot) -> None:
    window, controller, _ = make(qtbot, "none")
    window.resize(1100, 680)
    window.show()
    qtbot.waitExposed(window)
    before = window.width()
    reason = "Reconnecting (" + "the server closed the connection unexpectedly; " * 20 + ")"
    controller.on_ui_event(ev.LinkStatusChanged("reconnecting", reason))
    qtbot.wait(50)
    assert window.width() == before
    assert window.minimumSizeHint().width() < 1100
    assert "unexpectedly" in window.connection_label.toolTip()
