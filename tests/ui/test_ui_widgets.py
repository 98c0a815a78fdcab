"""Level meter, speaking indicator, transcript model and its two views, offscreen."""

from __future__ import annotations

import math
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.session import events as ev
from desktop.ui.widgets import (
    INTERRUPTED_ROLE,
    ROLE_ROLE,
    TEXT_ROLE,
    TIME_ROLE,
    TOOL_STATUS_ROLE,
    LevelMeter,
    SpeakingIndicator,
    TranscriptModel,
    TranscriptTextView,
    level_description,
    level_fraction,
)

T = datetime(2025, 3, 5, 14, 2, 3).timestamp()


def hms(at: float) -> str:
    return datetime.fromtimestamp(at).strftime("%H:%M:%S")


def themed(widget: QWidget, *, dark: bool) -> QPalette:
    """Give a widget a light or dark palette, as the OS theme would."""
    palette = QPalette(widget.palette())
    base, text, highlight = (
        ("#1e1e1e", "#f0f0f0", "#3d8ee0") if dark else ("#ffffff", "#101010", "#0a64c8")
    )
    palette.setColor(QPalette.ColorRole.Base, QColor(base))
    palette.setColor(QPalette.ColorRole.Text, QColor(text))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(highlight))
    palette.setColor(QPalette.ColorRole.Mid, QColor("#808080"))
    widget.setPalette(palette)
    return palette


# -- level meter ---------------------------------------------------------------------------


def test_level_arithmetic() -> None:
    assert level_fraction(0.0) == 1.0
    assert level_fraction(-30.0) == pytest.approx(0.5)
    assert level_fraction(-60.0) == 0.0
    assert level_fraction(-math.inf) == 0.0
    assert level_fraction(math.nan) == 0.0
    assert level_fraction(3.0) == 1.0
    assert level_description("Microphone", -math.inf, -math.inf) == "Microphone: silent"
    assert level_description("Microphone", -23.4, -12.2) == ("Microphone: -23 dBFS, peak -12 dBFS")
    assert level_description("Speaker", -80, -0.5) == (
        "Speaker: below -60 dBFS, peak -0 dBFS, clipping"
    )


@pytest.mark.parametrize("dark", [False, True])
def test_level_meter_paints_with_the_palette(qtbot: QtBot, dark: bool) -> None:
    meter = LevelMeter("Microphone")
    qtbot.addWidget(meter)
    palette = themed(meter, dark=dark)
    meter.resize(202, 12)
    meter.show()
    meter.set_level(-30.0, -6.0)
    assert meter.accessibleDescription() == "Microphone: -30 dBFS, peak -6 dBFS"
    image = meter.grab().toImage()
    middle = image.height() // 2
    highlight = palette.color(QPalette.ColorRole.Highlight).rgb()
    base = palette.color(QPalette.ColorRole.Base).rgb()
    assert image.pixelColor(40, middle).rgb() == highlight  # inside the RMS bar (half way)
    assert image.pixelColor(130, middle).rgb() == base  # beyond the bar, before the peak
    peak_x = 1 + round(200 * level_fraction(-6.0))
    assert image.pixelColor(peak_x, middle).rgb() == palette.color(QPalette.ColorRole.Text).rgb()
    meter.set_level(-math.inf, -math.inf)
    assert meter.accessibleDescription() == "Microphone: silent"
    assert meter.grab().toImage().pixelColor(40, middle).rgb() == base


# -- speaking indicator ----------------------------------------------------------------------


def test_speaking_indicator_states_and_palette(qtbot: QtBot) -> None:
    indicator = SpeakingIndicator()
    qtbot.addWidget(indicator)
    palette = themed(indicator, dark=True)
    indicator.resize(indicator.sizeHint())
    indicator.show()
    assert indicator.accessibleDescription() == "Listening"
    size = indicator.fontMetrics().height() - 4
    centre = (2 + size // 2, indicator.height() // 2)
    highlight = palette.color(QPalette.ColorRole.Highlight).rgb()
    assert indicator.grab().toImage().pixelColor(*centre).rgb() != highlight
    indicator.set_speaking(user=True)
    assert indicator.accessibleDescription() == "You are speaking"
    assert indicator.grab().toImage().pixelColor(*centre).rgb() == highlight
    indicator.set_speaking(model=True)
    assert indicator.text() == "Both speaking"
    indicator.set_speaking(user=False)
    assert indicator.accessibleDescription() == "Assistant speaking"
    indicator.set_speaking(model=False)
    assert indicator.text() == "Listening"


# -- transcript model ---------------------------------------------------------------------


def displays(model: TranscriptModel) -> list[str]:
    return [model.index(r).data() for r in range(model.rowCount())]


def test_turns_are_shown_in_index_order_and_updated_in_place(
    qtmodeltester: ModelTester,
) -> None:
    model = TranscriptModel(clock=lambda: T)
    qtmodeltester.check(model, force_py=True)
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, *_: changed.append((a.row(), b.row())))
    assert model.apply(ev.TranscriptChanged(0, "user", "", False)) is None  # reserved
    assert model.rowCount() == 0
    assert model.apply(ev.TranscriptChanged(1, "model", "Check the ", False)) == 0
    # The user's words arrive after the reply began: they go before it.
    assert model.apply(ev.TranscriptChanged(0, "user", "it hums", True), at=T - 2) == 0
    assert model.row_of_turn(1) == 1
    assert model.apply(ev.TranscriptChanged(1, "model", "Check the seal.", True, True)) == 1
    assert changed == [(1, 1)]  # one row changed, by its index
    assert displays(model) == [
        f"{hms(T - 2)}  You: it hums",
        f"{hms(T)}  Assistant: Check the seal.  [interrupted]",
    ]
    index = model.index(1)
    assert index.data(ROLE_ROLE) == "model"
    assert index.data(TEXT_ROLE) == "Check the seal."
    assert index.data(TIME_ROLE) == T  # the time the row first appeared, kept on update
    assert index.data(INTERRUPTED_ROLE) is True
    assert index.data(Qt.ItemDataRole.FontRole).italic()
    assert model.index(0).data(Qt.ItemDataRole.FontRole) is None


def test_tool_calls_and_notes(qtmodeltester: ModelTester) -> None:
    model = TranscriptModel(clock=lambda: T)
    qtmodeltester.check(model, force_py=True)
    model.set_turn(0, "user", "which torque?")
    model.set_turn(2, "model", "Let me look.")
    assert model.set_tool_call("c1", "lookup_manual") == 2
    model.set_turn(3, "note", "Reconnected")
    assert model.set_tool_call("c1", "lookup_manual", "ok") == 2
    assert model.index(2).data(TOOL_STATUS_ROLE) == "ok"
    # A late turn (index 1) goes before turn 2 and moves the rows after it;
    # the tool call's id still finds its row.
    model.set_turn(1, "user", "the big flange")
    assert model.row_of_tool_call("c1") == 3
    assert model.set_tool_call("c1", "lookup_manual", "error") == 3
    assert displays(model) == [
        f"{hms(T)}  You: which torque?",
        f"{hms(T)}  You: the big flange",
        f"{hms(T)}  Assistant: Let me look.",
        f"{hms(T)}  Tool lookup_manual: failed",
        f"{hms(T)}  Reconnected",
    ]
    assert model.row_of_turn(2) == 2 and model.row_of_turn(3) == 4
    model.clear()
    assert model.rowCount() == 0 and model.row_of_turn(0) is None


def test_appending_never_renumbers() -> None:
    model = TranscriptModel(clock=lambda: T)
    moved: list[int] = []
    model.rowsInserted.connect(lambda _p, first, _last: moved.append(first))
    for i in range(300):
        model.set_turn(i, "user" if i % 2 else "model", f"turn {i}")
    assert moved == list(range(300))  # every row went on the end
    model.set_turn(299, "user", "turn 299, longer now")
    assert model.index(299).data(TEXT_ROLE) == "turn 299, longer now"


# -- views -------------------------------------------------------------------------------


def fill(model: TranscriptModel, start: int, count: int) -> None:
    for i in range(start, start + count):
        model.set_turn(2 * i, "user" if i % 2 else "model", f"turn {i} " + "words " * 12)


def test_text_view_mirrors_every_kind_of_change(qtbot: QtBot) -> None:
    model = TranscriptModel(clock=lambda: T)
    view = TranscriptTextView(model)
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    fill(model, 0, 5)
    model.set_tool_call("c1", "lookup_manual")
    model.set_turn(2 * 2, "model", "rewritten", interrupted=True)  # update in the middle
    model.set_turn(3, "user", "late words")  # a late turn between rows 1 and 2
    model.set_tool_call("c1", "lookup_manual", "ok")
    assert [view.row_text(r) for r in range(model.rowCount())] == displays(model)
    assert view.document().blockCount() == model.rowCount()
    block = view.document().findBlockByNumber(model.row_of_turn(4) or 0)
    assert block.begin().fragment().charFormat().fontItalic()  # interrupted: italic
    assert not view.document().firstBlock().begin().fragment().charFormat().fontItalic()
    assert view.isReadOnly() and not view.isUndoRedoEnabled()
    model.clear()
    assert view.toPlainText() == ""
    fill(model, 0, 2)
    assert [view.row_text(r) for r in range(2)] == displays(model)


def test_a_text_view_built_on_a_full_model_shows_it(qtbot: QtBot) -> None:
    model = TranscriptModel(clock=lambda: T)
    fill(model, 0, 3)
    view = TranscriptTextView(model)
    qtbot.addWidget(view)
    assert view.toPlainText().split("\n") == displays(model)


def test_the_view_follows_new_words_unless_scrolled_up(qtbot: QtBot) -> None:
    model = TranscriptModel(clock=lambda: T)
    view = TranscriptTextView(model)
    qtbot.addWidget(view)
    view.resize(360, 200)
    view.show()
    fill(model, 0, 40)
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum())
    bar.setValue(0)  # the technician scrolls up to re-read a step
    assert not view.following
    fill(model, 40, 10)
    model.set_turn(2 * 49, "model", "the last turn grows " + "more " * 40)
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    qtbot.wait(50)
    assert bar.value() == 0
    bar.setValue(bar.maximum())  # back at the end: following again
    assert view.following
    fill(model, 50, 5)
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())
    assert view.transcript is model
