"""Guard against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 on Python 3.11 dropped one reference to None on every Qt call returning void;
the process aborted ("none_dealloc: deallocating None") after a few thousand calls, which the
30 fps preview reaches within minutes. pyproject pins it out; this test keeps it out.
"""

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_void_qt_calls_leave_reference_counts_alone(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
    assert abs(sys.getrefcount(None) - before) < 50
