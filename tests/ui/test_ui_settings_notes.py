"""Every note from loading the settings reaches the log and the window, in one banner."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.app import SessionDriver
from desktop.infra.settings import load_settings
from desktop.ui.controller import Controller
from desktop.ui.main_window import MainWindow
from desktop.ui.run import _show_settings_notes


def test_settings_notes_are_shown_together_and_logged(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        'version = 1\nvideo_source = "none"\nvideo_fps = "1"\njpeg_quality = 0\n'
        "colour = 1\nshade = 2\nvad_silence_ms = -1\n"
    )
    settings, notes = load_settings(path)
    assert len(notes) == 5
    window = MainWindow()
    qtbot.addWidget(window)
    controller = Controller(window, SessionDriver(settings, None, lambda event: None))
    with caplog.at_level(logging.WARNING, logger="desktop"):
        _show_settings_notes(controller, notes)
    assert not window.banner.isHidden()
    (shown,) = [text for topic, text, _ in window.banner.texts() if topic == "settings-file"]
    lines = shown.split("\n")  # one notice, beside the simulator's
    assert lines[:3] == notes[:3]
    assert lines[3] == "…and 2 more about settings (see the log)."
    logged = [r.getMessage() for r in caplog.records]
    assert all(f"Settings: {note}" in logged for note in notes)


async def test_closing_the_window_keeps_the_layout_apart_from_it_s_settings(
    qtbot: QtBot, _private_home: Path
) -> None:
    from support.waiting import wait_until

    from desktop.infra import paths
    from desktop.infra.window_state import load_window_state

    settings_file = paths.settings_path()
    settings_file.parent.mkdir(parents=True)
    it_text = '# IT\nversion = 1\nvideo_source = "none"\nbackend = "simulator"\n'
    settings_file.write_text(it_text)
    settings, _ = load_settings()

    def build() -> tuple[MainWindow, Controller]:
        window = MainWindow()
        qtbot.addWidget(window)
        driver = SessionDriver(settings, None, lambda event: None)
        return window, Controller(window, driver, load_window_state())

    window, controller = build()
    window.show()
    window.resize(1000, 610)  # unlike the default 1100 x 680
    window.inspector_action.setChecked(True)
    size_at_close = (window.width(), window.height())
    window.close()
    await wait_until(controller.closed.is_set)
    assert settings_file.read_text() == it_text  # the layout never goes to IT's file
    assert load_window_state().inspector_visible is True
    again, _ = build()
    again.show()
    assert again.inspector.isVisible() and again.inspector_action.isChecked()
    # The offscreen screen is 800 px wide, less than the layout's minimum width, so Qt
    # adjusts the restored width; the height shows the geometry came back.
    assert again.height() == size_at_close[1] != 680
