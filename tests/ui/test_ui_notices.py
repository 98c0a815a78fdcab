"""The window's notices: a later notice never hides an earlier one (hostile review of issue 11:
the simulator banner replaced the history's 'moved aside' note 6 ms after it was shown)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QToolButton
from pytestqt.qtbot import QtBot

from desktop.ui.widgets import NoticeBoard


def make(qtbot: QtBot) -> NoticeBoard:
    board = NoticeBoard()
    qtbot.addWidget(board)
    board.show()
    return board


def test_notices_of_different_topics_stay_side_by_side(qtbot: QtBot) -> None:
    board = make(qtbot)
    board.post("History damaged: moved aside as h.corrupt-1", topic="history", error=True)
    board.post("Offline simulator", topic="simulator")
    board.post('Setting video_fps = "1" should be a number; using the default 1.0.')
    assert board.text().splitlines() == [
        "History damaged: moved aside as h.corrupt-1",
        "Offline simulator",
        'Setting video_fps = "1" should be a number; using the default 1.0.',
    ]


def test_a_topic_replaces_only_its_own_notice(qtbot: QtBot) -> None:
    board = make(qtbot)
    board.post("History is unavailable for now", topic="history")
    board.post("No speaker found")
    board.post("History is saved again", topic="history")
    assert board.text().splitlines() == ["No speaker found", "History is saved again"]
    board.post("No speaker found")  # the same text twice is one row
    assert board.text().splitlines() == ["History is saved again", "No speaker found"]


def test_the_board_is_bounded_and_drops_warnings_before_errors(qtbot: QtBot) -> None:
    board = make(qtbot)
    board.post("damaged", topic="history", error=True)
    for i in range(NoticeBoard.MAX_ROWS + 3):
        board.post(f"warning {i}")
    lines = board.text().splitlines()
    assert len(lines) == NoticeBoard.MAX_ROWS
    assert lines[0] == "damaged"
    assert lines[-1] == f"warning {NoticeBoard.MAX_ROWS + 2}"


def test_rows_are_plain_text_dismissible_and_the_board_hides_when_empty(qtbot: QtBot) -> None:
    board = make(qtbot)
    board.post("<b>bold</b>", topic="tools")
    label = board.findChildren(QLabel)[0]
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == "<b>bold</b>"
    close = board.findChildren(QToolButton)[0]
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert board.text() == ""
    assert board.isHidden()
    board.post("again", topic="tools")
    board.withdraw("tools")
    assert board.isHidden()
