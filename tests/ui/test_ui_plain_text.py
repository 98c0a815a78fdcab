"""Text from the server, MCP servers, tools and the model is shown literally everywhere.

QLabel and QMessageBox default to AutoText and tooltips are always auto-detected: anything
Qt.mightBeRichText() accepts is rendered as HTML, so a close reason or a tool's output such as
``<img src=x>`` would be drawn (or fetched), a link made clickable, and the words changed.
Each place gets the same hostile text and must display exactly that text.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from support.waiting import wait_until

from desktop.app import SessionDriver, VideoStatus
from desktop.infra.credentials import CredentialError
from desktop.infra.settings import Settings
from desktop.session import events as ev
from desktop.ui.controller import Controller
from desktop.ui.errors import ErrorDialogs
from desktop.ui.inspector import SUMMARY, InspectorPanel
from desktop.ui.main_window import MainWindow
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.welcome import WelcomeDialog

HOSTILE = '<b>bold</b><img src=x> <a href="https://evil.example/">click</a> & done'
NAME = "<i>wipe</i>"


def displayed(label: QLabel) -> str:
    """The words a label puts on screen: its text when plain, the HTML's text otherwise."""
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(label.text())
    )
    if not rich:
        return label.text()
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def assert_literal(label: QLabel, expected: str) -> None:
    assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    assert displayed(label) == expected


def labels_with(root: QWidget, text: str) -> list[QLabel]:
    return [label for label in root.findChildren(QLabel) if text in label.text()]


@pytest.fixture
def ui(qtbot: QtBot, tmp_path: Path) -> tuple[MainWindow, Controller]:
    settings = Settings(backend="simulator", video_source="none", input_device="no-such-mic")
    window = MainWindow()
    qtbot.addWidget(window)
    holder: list[Controller] = []

    def on_ui(event: ev.UiEvent | VideoStatus) -> None:
        holder[0].on_ui_event(event)

    controller = Controller(window, SessionDriver(settings, None, on_ui, None))
    holder.append(controller)
    window.show()
    return window, controller


def test_banner_status_preview_and_transcript_show_server_text_literally(
    ui: tuple[MainWindow, Controller],
) -> None:
    window, controller = ui
    controller.on_ui_event(ev.Notice(HOSTILE, ev.NoticeLevel.WARNING))
    (row,) = [label for label in window.banner.findChildren(QLabel) if label.text() == HOSTILE]
    assert_literal(row, HOSTILE)  # the notice's own row on the board
    controller.on_ui_event(ev.LinkStatusChanged("failed", HOSTILE))  # a server's close reason
    assert_literal(window.connection_label, HOSTILE)
    controller.on_ui_event(VideoStatus("error", HOSTILE))  # an OpenCV / stream error
    assert_literal(window.preview, f"Video source unavailable\n{HOSTILE}")
    controller.on_ui_event(ev.TranscriptChanged(0, "note", f"Work note: {HOSTILE}", True))
    controller.on_ui_event(ev.TranscriptChanged(1, "model", HOSTILE, True))
    window.transcript.transcript.set_tool_call("c1", NAME)
    view = window.transcript
    assert view.row_text(0).endswith(f"Work note: {HOSTILE}")
    assert view.row_text(1).endswith(f"Assistant: {HOSTILE}")
    assert view.row_text(2).endswith(f"Tool {NAME}: running…")
    # Every label of the window is plain: none can turn a later text into HTML.
    formats = {label.textFormat() for label in window.findChildren(QLabel)}
    assert formats == {Qt.TextFormat.PlainText}


async def test_tool_confirmation_shows_the_models_name_and_arguments_literally(
    ui: tuple[MainWindow, Controller],
) -> None:
    _window, controller = ui
    answer = asyncio.ensure_future(controller.confirm_tool(NAME, {"note": HOSTILE}))
    await wait_until(lambda: controller.pending_confirmation is not None)
    box = controller.pending_confirmation
    assert isinstance(box, QMessageBox)
    texts = [label for label in box.findChildren(QLabel) if label.text()]
    assert texts  # the question and the arguments
    for label in texts:
        assert label.textFormat() == Qt.TextFormat.PlainText
    question = labels_with(box, NAME)
    assert question and displayed(question[0]).count(NAME) == 1
    arguments = labels_with(box, "note")
    assert arguments and HOSTILE.replace('"', '\\"') in displayed(arguments[0])
    box.reject()
    assert await answer == "deny"


def show_tooltip(view: QWidget, pos: QPoint) -> QLabel:
    """Ask the view for its tooltip the way a hovering mouse does; the label Qt shows."""
    viewport = getattr(view, "viewport", lambda: view)()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)
    tips = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QLabel) and w.inherits("QTipLabel") and w.isVisible()
    ]
    assert tips, "no tooltip was shown"
    return tips[-1]


def test_inspector_cells_and_tooltips_show_summaries_literally(qtbot: QtBot) -> None:
    panel = InspectorPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 300)
    panel.show()
    summary = f"{HOSTILE}\nsecond line"
    panel.record("received", "toolCall", 120, summary, 0.0)
    index = panel.proxy.index(0, SUMMARY)
    assert index.data() == f"{HOSTILE} ⏎ second line"  # one line in a fixed-height row
    rect = panel.view.visualRect(index)
    tip = show_tooltip(panel.view, rect.center())
    assert displayed(tip) == summary
    qtbot.waitUntil(lambda: panel.count_label.text() == "1 messages")
    assert panel.count_label.textFormat() == Qt.TextFormat.PlainText


def test_error_dialog_shows_the_exception_literally(qtbot: QtBot, tmp_path: Path) -> None:
    dialogs = ErrorDialogs()
    dialogs.show(HOSTILE, tmp_path)
    box = dialogs._open
    assert box is not None
    qtbot.addWidget(box)
    assert_literal(labels_with(box, "bold")[0], HOSTILE)
    box.reject()


def test_welcome_shows_a_keyring_error_literally(qtbot: QtBot) -> None:
    def refuse(_key: str) -> None:
        raise CredentialError(HOSTILE)

    dialog = WelcomeDialog(store_key=refuse, environ={})
    qtbot.addWidget(dialog)
    dialog.api_key.setText("AIza" + "x" * 35)
    dialog.accept()
    assert_literal(dialog.message, f"⚠ {HOSTILE}")


async def test_settings_dialog_messages_are_literal(qtbot: QtBot) -> None:
    async def hostile_test(_settings: Settings, _key: str | None) -> str:
        return HOSTILE  # e.g. the server's error text

    def broken_listing() -> tuple[list[str], list[str]]:
        raise RuntimeError(HOSTILE)

    def refuse(_key: str) -> None:
        raise CredentialError(HOSTILE)

    dialog = SettingsDialog(
        Settings(backend="simulator", video_source="none"),
        devices=broken_listing,
        test_connection=hostile_test,
        store_key=refuse,
        check_source=lambda _text: None,
    )
    qtbot.addWidget(dialog)
    assert await dialog.run_connection_test() == HOSTILE
    assert_literal(dialog.test_result, HOSTILE)
    await dialog.load_devices()
    assert_literal(dialog.devices_note, f"Could not list audio devices: {HOSTILE}")
    dialog.backend.setCurrentIndex(dialog.backend.findData("gemini"))
    dialog.api_key.setText("AIza" + "y" * 35)
    dialog.accept()  # the keyring refuses (on its worker thread): its message shows under the key
    await wait_until(
        lambda: any(displayed(label) == f"⚠ {HOSTILE}" for label in labels_with(dialog, "bold"))
    )
    for label in dialog.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
