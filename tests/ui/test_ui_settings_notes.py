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
    lines = window.banner.text().split("\n")
    assert lines[:3] == notes[:3]
    assert lines[3] == "…and 2 more about settings (see the log)."
    logged = [r.getMessage() for r in caplog.records]
    assert all(f"Settings: {note}" in logged for note in notes)
