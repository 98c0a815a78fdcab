"""At most one error dialog at a time, with a way to the log folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from desktop.ui.i18n import translate


class ErrorDialogs:
    def __init__(self) -> None:
        self._open: QMessageBox | None = None

    def show(self, summary: str, log_dir: Path) -> None:
        if self._open is not None:
            return  # one dialog is enough; the log has every error
        box = QMessageBox(QMessageBox.Icon.Warning, "FieldAssist", "")
        box.setTextFormat(Qt.TextFormat.PlainText)  # the summary quotes an exception
        box.setText(summary)
        box.setInformativeText(
            translate("Errors", "The details are in the log. Your transcript is kept.")
        )
        open_logs = box.addButton(
            translate("Errors", "Open log folder"), QMessageBox.ButtonRole.ActionRole
        )
        box.addButton(QMessageBox.StandardButton.Close)

        def done() -> None:
            if box.clickedButton() is open_logs:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir)))
            self._open = None

        box.finished.connect(done)
        self._open = box
        box.open()
