"""Video ▸ Share a screen region…: drag a rectangle over a picture of the desktop.

`RegionActions.pick()` grabs the desktop on a worker thread (`desktop.app.screen_region`),
shows it scaled to fit in `RegionPickerDialog`, and hands the chosen "screen:x,y,w,h" to the
window's source switch. On Wayland the dialog says why the picture may be black; a failed grab
is the dialog's message, never a traceback.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.app.screen_region import DesktopShot, ShotFailed, desktop_shot, region_source
from desktop.ui.i18n import translate
from desktop.ui.main_window import MainWindow

MAX_SHOWN = QSize(960, 600)  # the screenshot is shown at most this large
Spawn = Callable[[Coroutine[Any, Any, None], str], "asyncio.Task[Any]"]


class ShotView(QLabel):
    """The screenshot, scaled to fit; a drag selects a rectangle (kept in picture pixels)."""

    selection_changed = Signal()

    def __init__(self, shot: DesktopShot) -> None:
        super().__init__()
        height, width = shot.rgb.shape[:2]
        image = QImage(shot.rgb.data, width, height, 3 * width, QImage.Format.Format_RGB888)
        pixmap = QPixmap.fromImage(image.copy())  # copy: the array may go away
        scaled = pixmap.scaled(MAX_SHOWN, Qt.AspectRatioMode.KeepAspectRatio)
        self.scale = scaled.width() / width  # shown pixels per picture pixel
        self.setPixmap(scaled)
        self.setFixedSize(scaled.size())
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(
            translate("RegionPicker", "Desktop picture: drag over the region to share")
        )
        self._from: QPoint | None = None
        self.selection = QRect()  # in shown pixels

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._from = event.position().toPoint()
            self.selection = QRect(self._from, self._from)
            self.update()
            self.selection_changed.emit()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._from is not None:
            self.selection = _span(self._from, event.position().toPoint()) & self.rect()
            self.update()
            self.selection_changed.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.mouseMoveEvent(event)
        self._from = None

    def picture_rect(self) -> tuple[int, int, int, int]:
        """The selection in picture pixels: (x, y, w, h)."""
        s = self.selection
        return (
            round(s.x() / self.scale),
            round(s.y() / self.scale),
            round(s.width() / self.scale),
            round(s.height() / self.scale),
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.selection.isEmpty():
            return
        painter = QPainter(self)
        painter.setPen(QPen(Qt.GlobalColor.red, 2))
        painter.drawRect(self.selection)
        painter.end()


def _span(a: QPoint, b: QPoint) -> QRect:
    """The rectangle between two drag points, b exclusive (QRect(a, b) would include b)."""
    return QRect(min(a.x(), b.x()), min(a.y(), b.y()), abs(b.x() - a.x()), abs(b.y() - a.y()))


class RegionPickerDialog(QDialog):
    def __init__(self, shot: DesktopShot | ShotFailed, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("RegionPicker", "Share a screen region"))
        self.shot = shot
        self.view: ShotView | None = None
        layout = QVBoxLayout(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAccessibleName(translate("RegionPicker", "Region picker message"))
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(translate("RegionPicker", "Share this region"))
        ok.setEnabled(False)
        if isinstance(shot, ShotFailed):
            self.message.setText(shot.message)
        else:
            self.view = ShotView(shot)
            layout.addWidget(self.view, 0, Qt.AlignmentFlag.AlignCenter)
            text = translate(
                "RegionPicker", "Drag a rectangle over the part of the screen to share."
            )
            self.message.setText(f"{shot.wayland_note}\n\n{text}" if shot.wayland_note else text)
            self.view.selection_changed.connect(self._selection_changed)
        layout.addWidget(self.buttons)

    def _selection_changed(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.chosen_source() is not None)

    def chosen_source(self) -> str | None:
        if self.view is None or not isinstance(self.shot, DesktopShot):
            return None
        return region_source(self.shot, *self.view.picture_rect())


class RegionActions:
    """Video ▸ Share a screen region…, for the controller."""

    def __init__(self, window: MainWindow, use_source: Callable[[str], None], spawn: Spawn) -> None:
        self.window = window
        self._use_source = use_source
        self._spawn = spawn
        self.dialog: RegionPickerDialog | None = None
        window.region_action.triggered.connect(self.pick)

    def pick(self) -> asyncio.Task[Any]:
        return self._spawn(self._pick(), "pick-screen-region")

    async def _pick(self) -> None:
        shot = await asyncio.to_thread(desktop_shot)
        dialog = RegionPickerDialog(shot, self.window)
        self.dialog = dialog
        dialog.finished.connect(lambda code: self._finished(dialog, code))
        dialog.open()

    def _finished(self, dialog: RegionPickerDialog, code: int) -> None:
        source = dialog.chosen_source()
        if code == QDialog.DialogCode.Accepted and source is not None:
            self._use_source(source)
        dialog.deleteLater()
        if self.dialog is dialog:
            self.dialog = None
