"""The message inspector: bounded model, cheap change signals, filtering, following.

Rows are recorded the way the app records them: the link port taps every message with the
direction "in" (from the server) or "out" (to it), and `describe_message` gives its type
(the event's class name), size and summary. Filters are typed in those words."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.app.messages import describe_message
from desktop.session import events as ev
from desktop.ui.inspector import (
    COLUMNS,
    FILTER_EXAMPLE,
    SIZE,
    SUMMARY,
    InspectorPanel,
    MessageLogModel,
    RawRole,
    audio_summary,
    format_size,
)

T = datetime(2025, 3, 5, 14, 2, 3, 456000).timestamp()


IN, OUT = "in", "out"  # the link port's directions (desktop/app: _tap)
MIC = ev.SendAudio(b"\0" * 3840)  # 120 ms at 16 kHz
SPEECH = ev.ModelAudio(b"\0" * 3840)  # 80 ms at 24 kHz
CALL = ev.ToolCallRequested((ev.ToolCallItem("c1", "lookup_manual", {"part": "BV-20"}),))
ANSWER = ev.SendToolResults((ev.ToolResult("c1", "lookup_manual", {"output": "page 12"}),))


def tap(
    target: MessageLogModel | InspectorPanel, direction: str, message: object, at: float
) -> None:
    """What the app does with every message: describe it, then record it."""
    kind, size, summary = describe_message(message)
    target.record(direction, kind, size, summary, at)


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
    tap(model, OUT, MIC, T)
    tap(model, IN, CALL, T + 1.5)
    assert model.rowCount() == 2 and model.columnCount() == 5
    assert cells(model, 0) == [
        "14:02:03.456",
        "out",
        "SendAudio",
        "3,840 B",
        "audio 3,840 B (120 ms)",
    ]
    assert cells(model, 1)[:3] == ["14:02:04.956", "in", "ToolCallRequested"]
    assert model.index(1, SIZE).data(RawRole) == len(repr(CALL))
    tip = QTextDocument()  # a tooltip is always shown as HTML: it reads as the summary
    tip.setHtml(model.index(1, SUMMARY).data(Qt.ItemDataRole.ToolTipRole))
    assert tip.toPlainText() == repr(CALL)[:120]
    assert "lookup_manual" in tip.toPlainText()
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == list(COLUMNS)
    qtmodeltester.check(model, force_py=True)


def test_the_model_keeps_the_newest_rows_within_capacity() -> None:
    model = MessageLogModel(capacity=100)
    inserted: list[tuple[int, int]] = []
    removed: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    for i in range(250):
        model.record(OUT, "SendAudio", i, f"m{i}", T + i)
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
    model.record(OUT, "SendText", 1, "first", T)
    model.record(OUT, "SendText", 1, "second", T)
    assert [model.index(0, SUMMARY).data()] == ["second"]
    with pytest.raises(ValueError):
        MessageLogModel(capacity=0)


def test_the_model_stays_consistent_while_trimming(qtmodeltester: ModelTester) -> None:
    model = MessageLogModel(capacity=40)
    qtmodeltester.check(model, force_py=True)  # the tester stays connected to its signals
    for i in range(130):
        model.record(IN, "ModelAudio", i, f"m{i}", T + i)
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
    tap(panel, OUT, MIC, T)
    tap(panel, IN, SPEECH, T + 0.1)
    tap(panel, IN, CALL, T + 0.2)
    tap(panel, OUT, ANSWER, T + 0.3)
    tap(panel, IN, ev.GoAway(50.0), T + 0.4)
    qtbot.keyClicks(panel.filter_box, "in audio")
    assert [cells(panel.proxy, r)[2] for r in range(panel.visible_rows())] == ["ModelAudio"]
    panel.filter_box.setText("TOOL")  # case does not matter
    assert [cells(panel.proxy, r)[2] for r in range(panel.visible_rows())] == [
        "ToolCallRequested",
        "SendToolResults",
    ]
    qtbot.waitUntil(lambda: panel.count_label.text() == "2 of 5 messages")
    tap(panel, IN, ev.ToolCallCancelled(("c1",)), T + 0.5)
    assert panel.visible_rows() == 3  # new rows are filtered as they arrive
    panel.filter_box.setText("out")
    assert [cells(panel.proxy, r)[2] for r in range(panel.visible_rows())] == [
        "SendAudio",
        "SendToolResults",
    ]
    panel.filter_box.clear()
    assert panel.visible_rows() == 6
    qtbot.waitUntil(lambda: panel.count_label.text() == "6 messages")
    panel.clear_button.click()
    assert panel.visible_rows() == 0


def test_the_filter_boxs_example_finds_what_it_says(qtbot: QtBot) -> None:
    """The hint is typed as it reads: it finds the tool calls the model asked for, and
    nothing else of a real exchange."""
    _, panel = filled_panel(qtbot)
    panel.show()
    for i, (direction, message) in enumerate(
        [(OUT, MIC), (IN, SPEECH), (IN, CALL), (OUT, ANSWER), (IN, ev.TurnComplete())]
    ):
        tap(panel, direction, message, T + i)
    assert FILTER_EXAMPLE in panel.filter_box.placeholderText()
    qtbot.keyClicks(panel.filter_box, FILTER_EXAMPLE)
    assert [cells(panel.proxy, r)[2] for r in range(panel.visible_rows())] == ["ToolCallRequested"]


def test_follows_new_rows_unless_scrolled_up(qtbot: QtBot) -> None:
    _, panel = filled_panel(qtbot)
    panel.show()
    for i in range(300):
        panel.record(OUT, "SendAudio", 1280, f"m{i}", T + i)
    bar = panel.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert bar.value() == bar.maximum()
    bar.setValue(10)  # the user looks at an older message
    for i in range(50):
        panel.record(OUT, "SendAudio", 1280, f"n{i}", T + 300 + i)
    qtbot.waitUntil(lambda: bar.maximum() >= 300)
    assert bar.value() == 10
    bar.setValue(bar.maximum())  # back at the end: following again
    panel.record(OUT, "SendAudio", 1280, "last", T + 400)
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())
    last = panel.proxy.index(panel.visible_rows() - 1, SUMMARY)
    assert last.data() == "last"
    assert panel.proxy.index(0, SUMMARY, QModelIndex()).data() == "m0"
