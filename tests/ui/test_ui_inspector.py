"""The message inspector: bounded model, cheap change signals, filtering, following."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.ui.inspector import (
    COLUMNS,
    SIZE,
    SUMMARY,
    InspectorPanel,
    MessageLogModel,
    RawRole,
    audio_summary,
    format_size,
)

T = datetime(2025, 3, 5, 14, 2, 3, 456000).timestamp()


def cells(model: MessageLogModel | object, row: int) -> list[str]:
    return [
        model.index(row, c).data()  # type: ignore[attr-defined]
        for c in range(len(COLUMNS))
    ]


def test_audio_payloads_are_summarised() -> None:
    assert audio_summary(3840, 16_000) == "audio 3,840 B (120 ms)"
    assert audio_summary(1920, 24_000) == "audio 1,920 B (40 ms)"
    assert format_size(512) == "512 B"
    assert format_size(48_000) == "46.9 KiB"


def test_rows_show_time_direction_type_size_summary(qtmodeltester: ModelTester) -> None:
    model = MessageLogModel()
    model.record("sent", "realtimeInput.audio", 3840, audio_summary(3840, 16_000), T)
    model.record("received", "toolCall", 212, "lookup_manual(part='BV-20')", T + 1.5)
    assert model.rowCount() == 2 and model.columnCount() == 5
    assert cells(model, 0) == [
        "14:02:03.456",
        "sent",
        "realtimeInput.audio",
        "3,840 B",
        "audio 3,840 B (120 ms)",
    ]
    assert cells(model, 1)[0] == "14:02:04.956"
    assert model.index(1, SIZE).data(RawRole) == 212
    tip = QTextDocument()  # a tooltip is always shown as HTML: it reads as the summary
    tip.setHtml(model.index(1, SUMMARY).data(Qt.ItemDataRole.ToolTipRole))
    assert tip.toPlainText() == "lookup_manual(part='BV-20')"
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == list(COLUMNS)
    qtmodeltester.check(model, force_py=True)


def test_the_model_keeps_the_newest_rows_within_capacity() -> None:
    model = MessageLogModel(capacity=100)
    inserted: list[tuple[int, int]] = []
    removed: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    for i in range(250):
        model.record("sent", "realtimeInput.audio", i, f"m{i}", T + i)
        assert model.rowCount() <= 100
    assert model.total_recorded == 250
    assert len(inserted) == 250 and all(first == last for first, last in inserted)
    # Trimmed in batches of 5 % from the front, not one row per message.
    assert removed and all(r == (0, 4) for r in removed)
    assert len(removed) == (250 - 100 + 4) // 5
    count = model.rowCount()
    assert 95 <= count <= 100
    assert model.index(count - 1, SUMMARY).data() == "m249"
    assert model.index(0, SUMMARY).data() == f"m{250 - count}"


def test_a_tiny_model_still_trims() -> None:
    model = MessageLogModel(capacity=1)
    model.record("sent", "a", 1, "first", T)
    model.record("sent", "b", 1, "second", T)
    assert [model.index(0, SUMMARY).data()] == ["second"]
    with pytest.raises(ValueError):
        MessageLogModel(capacity=0)


def test_the_model_stays_consistent_while_trimming(qtmodeltester: ModelTester) -> None:
    model = MessageLogModel(capacity=40)
    qtmodeltester.check(model, force_py=True)  # the tester stays connected to its signals
    for i in range(130):
        model.record("received", "serverContent", i, f"m{i}", T + i)
    model.clear()
    assert model.rowCount() == 0


def filled_panel(qtbot: QtBot) -> tuple[QWidget, InspectorPanel]:
    host = QWidget()
    qtbot.addWidget(host)
    panel = InspectorPanel(host)
    QVBoxLayout(host).addWidget(panel)
    host.resize(800, 300)
    host.show()
    return host, panel


def test_hidden_by_default_and_reports_visibility(qtbot: QtBot) -> None:
    host, panel = filled_panel(qtbot)
    assert host.isVisible() and not panel.isVisible()
    seen: list[bool] = []
    panel.visibility_changed.connect(seen.append)
    panel.setVisible(True)
    panel.setVisible(False)
    assert seen == [True, False]
    assert panel.filter_box.accessibleName() and panel.view.accessibleName()


def test_filter_by_type_and_direction(qtbot: QtBot) -> None:
    _, panel = filled_panel(qtbot)
    panel.show()
    panel.record("sent", "realtimeInput.audio", 1280, audio_summary(1280, 16_000), T)
    panel.record("received", "serverContent.audio", 3840, audio_summary(3840, 24_000), T + 0.1)
    panel.record("received", "toolCall", 200, "lookup_manual", T + 0.2)
    panel.record("sent", "toolResponse", 90, "lookup_manual ok", T + 0.3)
    panel.record("received", "goAway", 30, "time left 50 s", T + 0.4)
    qtbot.keyClicks(panel.filter_box, "received audio")
    assert [cells(panel.proxy, r)[2] for r in range(panel.visible_rows())] == [
        "serverContent.audio"
    ]
    panel.filter_box.setText("TOOL")  # case does not matter
    assert panel.visible_rows() == 2
    qtbot.waitUntil(lambda: panel.count_label.text() == "2 of 5 messages")
    panel.record("received", "toolCallCancellation", 40, "ids c1", T + 0.5)
    assert panel.visible_rows() == 3  # new rows are filtered as they arrive
    panel.filter_box.clear()
    assert panel.visible_rows() == 6
    qtbot.waitUntil(lambda: panel.count_label.text() == "6 messages")
    panel.clear_button.click()
    assert panel.visible_rows() == 0


def test_follows_new_rows_unless_scrolled_up(qtbot: QtBot) -> None:
    _, panel = filled_panel(qtbot)
    panel.show()
    for i in range(300):
        panel.record("sent", "realtimeInput.audio", 1280, f"m{i}", T + i)
    bar = panel.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert bar.value() == bar.maximum()
    bar.setValue(10)  # the user looks at an older message
    for i in range(50):
        panel.record("sent", "realtimeInput.audio", 1280, f"n{i}", T + 300 + i)
    qtbot.waitUntil(lambda: bar.maximum() >= 300)
    assert bar.value() == 10
    bar.setValue(bar.maximum())  # back at the end: following again
    panel.record("sent", "realtimeInput.audio", 1280, "last", T + 400)
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())
    last = panel.proxy.index(panel.visible_rows() - 1, SUMMARY)
    assert last.data() == "last"
    assert panel.proxy.index(0, SUMMARY, QModelIndex()).data() == "m0"
