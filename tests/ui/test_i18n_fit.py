"""Longer languages fit (issue 17): in German and Japanese, the main window at 1280x800 and
1024x600 and the settings dialog on every tab show no button or label narrower than its size
hint (a clipped text), and neither needs more room than the screen has. Screenshots of each go
to artifacts/i18n-<lang>-*.png for people to look at (Japanese needs a CJK font:
fonts-noto-cjk)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QSizePolicy, QWidget
from pytestqt.qtbot import QtBot

from desktop.infra.settings import Settings
from desktop.ui import i18n

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
SCREENS = ((1280, 800), (1024, 600))


@pytest.fixture(params=["de", "ja"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    app = QCoreApplication.instance()
    assert isinstance(app, QApplication)
    assert i18n.install_translators(app, request.param) == request.param
    yield request.param
    i18n.install_translators(app, "en")


def clipped(top: QWidget) -> list[str]:
    """Visible buttons and one-line labels given less width than their text needs."""
    found = []
    for w in top.findChildren(QWidget):
        if not w.isVisibleTo(top) or not isinstance(w, QAbstractButton | QLabel):
            continue
        if isinstance(w, QLabel) and (w.wordWrap() or not w.text()):
            continue
        if w.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Ignored:
            continue  # takes what is left on purpose; its whole text is in the tooltip
        if w.width() < w.sizeHint().width():
            found.append(f"{type(w).__name__} {w.text()!r}: {w.width()} < {w.sizeHint().width()}")
    return found


def shoot(widget: QWidget, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    widget.grab().save(str(ARTIFACTS / name))


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_main_window_fits(qtbot: QtBot, language: str, screen: tuple[int, int]) -> None:
    from desktop.ui.main_window import MainWindow

    width, height = screen
    window = MainWindow()
    qtbot.addWidget(window)
    window.talk_button.setVisible(True)  # push-to-talk shows one more button: the widest row
    window.resize(width, height)
    window.show()
    qtbot.waitUntil(window.isVisible)
    QCoreApplication.processEvents()
    assert window.minimumSizeHint().width() <= width
    assert (window.width(), window.height()) == (width, height)
    assert clipped(window) == []
    shoot(window, f"i18n-{language}-main-{width}x{height}.png")


def test_settings_dialog_fits_every_tab(qtbot: QtBot, language: str) -> None:
    from desktop.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Settings(video_source="none"), devices=(["Mic"], ["Speaker"]))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    smallest = min(SCREENS)
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        QCoreApplication.processEvents()
        hint = dialog.sizeHint()
        assert hint.width() <= smallest[0] and hint.height() <= smallest[1], (index, hint)
        assert clipped(dialog) == [], dialog.tabs.tabText(index)
        if index in (0, 2):  # Connection and Audio: the longest rows
            shoot(dialog, f"i18n-{language}-settings-tab{index}.png")
