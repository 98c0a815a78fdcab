"""The inspector in the real window, through a simulator session: it records while hidden,
filters in the app's own words, and exports what it holds as JSON Lines.

The rows come from the app itself (the link port's tap: direction "in"/"out", the event's
class name as the type), never from rows the test makes up."""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from support.waiting import wait_until

from desktop.app import SessionDriver, VideoStatus
from desktop.infra.settings import Settings
from desktop.session import events as ev
from desktop.ui.controller import Controller
from desktop.ui.inspector import MessageRow, row_matches
from desktop.ui.main_window import MainWindow


@pytest.fixture
def ui(qtbot: QtBot) -> tuple[MainWindow, Controller]:
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


def kinds_shown(window: MainWindow) -> list[tuple[str, str]]:
    proxy = window.inspector.proxy
    return [(proxy.index(r, 1).data(), proxy.index(r, 2).data()) for r in range(proxy.rowCount())]


async def test_hidden_inspector_records_filters_and_exports(
    ui: tuple[MainWindow, Controller], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, controller = ui
    panel = window.inspector
    assert not panel.isVisible()
    window.start_button.click()
    await wait_until(lambda: window.connection_label.text() == "Connected")
    window.text_box.setText("where is the bleed valve?")
    window.text_box.returnPressed.emit()
    model = panel.model
    # Still hidden: the messages are recorded all the same.
    await wait_until(lambda: "TurnComplete" in {r.kind for r in model.rows()})
    assert not panel.isVisible()
    held = list(model.rows())
    directions = {(r.direction, r.kind) for r in held}
    assert {("out", "SendText"), ("in", "OutputTranscript"), ("in", "TurnComplete")} <= directions

    window.inspector_action.trigger()  # opening it shows what happened before
    assert panel.isVisible() and panel.visible_rows() == len(held)

    # "out" is a direction: the OutputTranscript the server sent is not "out".
    panel.filter_box.setText("out")
    shown = kinds_shown(window)
    assert shown and all(direction == "out" for direction, _ in shown)
    assert ("out", "SendText") in shown
    panel.filter_box.setText("in OutputTranscript")
    assert {kind for _, kind in kinds_shown(window)} == {"OutputTranscript"}
    panel.filter_box.setText("bleed valve")  # free words search the summary
    assert ("out", "SendText") in kinds_shown(window)

    # Export holds every message, not only the filtered ones.
    target = tmp_path / "messages.jsonl"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    panel.export_button.click()
    lines = target.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == model.rowCount() >= len(held)
    assert {"at", "time", "direction", "kind", "size", "summary"} <= set(records[0])
    sent = [r for r in records if r["kind"] == "SendText"]
    assert sent and sent[0]["direction"] == "out" and "bleed valve" in sent[0]["summary"]
    assert "Exported" in panel.status_label.text()
    assert not [n for n in os.listdir(tmp_path) if n.endswith(".part")]

    window.close()
    await asyncio.wait_for(controller.closed.wait(), 10)


def test_export_failure_is_a_message_not_a_traceback(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.inspector.record("in", "TurnComplete", 10, "TurnComplete()", 0.0)
    assert not window.inspector.export_to(tmp_path / "no-such-folder" / "m.jsonl")
    assert window.inspector.status_label.text().startswith("Export failed")


def test_direction_words_match_the_direction_only() -> None:
    received = MessageRow(0.0, "in", "OutputTranscript", 5, "turn it out")
    sent = MessageRow(0.0, "out", "SendText", 5, "is it in?")
    assert not row_matches(received, ("out",))
    assert row_matches(sent, ("out",))
    assert not row_matches(sent, ("in",))
    assert row_matches(received, ("in", "outputtranscript"))
