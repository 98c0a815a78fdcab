"""The Settings dialog's Manuals page: the folder the search_manuals tool reads, how many
documents its index holds, and a re-index with a progress bar (desktop.app.manuals_index does
the work off the Qt thread; the page only shows it)."""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from desktop.app.manuals_index import ManualsStatus, indexed_documents, manuals_folder, reindex
from desktop.infra.i18n_marks import QT_TRANSLATE_NOOP
from desktop.infra.settings import Settings
from desktop.ui.i18n import translate

PAGE_TITLE = QT_TRANSLATE_NOOP("Manuals", "&Manuals")


class ManualsSettingsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.folder = QLineEdit()
        self.folder.setAccessibleName(translate("Manuals", "Manuals folder"))
        self.folder.setPlaceholderText(str(manuals_folder("")))
        self.folder.setToolTip(
            translate("Manuals", "PDF, Markdown and text documents the assistant may search")
        )
        browse = QPushButton(translate("Manuals", "Browse…"))
        browse.setAccessibleName(translate("Manuals", "Choose the manuals folder"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        label = QLabel(translate("Manuals", "Manuals &folder:"))
        label.setBuddy(self.folder)
        form.addRow(label, row)

        self.count_label = QLabel("")
        self.count_label.setAccessibleName(translate("Manuals", "Documents indexed"))
        form.addRow("", self.count_label)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(translate("Manuals", "Indexing progress"))
        self.progress.setTextVisible(True)
        self.progress.hide()
        form.addRow("", self.progress)
        self.reindex_button = QPushButton(translate("Manuals", "&Re-index now"))
        self.reindex_button.setAccessibleName(translate("Manuals", "Re-index the manuals"))
        self.reindex_button.clicked.connect(self.start_reindex)
        form.addRow("", self.reindex_button)
        self.status_label = QLabel("")
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(translate("Manuals", "Indexing result"))
        form.addRow("", self.status_label)
        self.task: asyncio.Task[None] | None = None
        self._watching: QDialog | None = None

    def load(self, s: Settings) -> None:
        self.folder.setText(s.manuals_dir)
        self._watch_dialog()
        if _loop_running():  # the count is read off the Qt thread, when there is a loop
            self.task = asyncio.ensure_future(self._show_count())

    def values(self) -> dict[str, Any]:
        """The page's settings, for dataclasses.replace."""
        return {"manuals_dir": self.folder.text().strip()}

    def start_reindex(self) -> asyncio.Task[None]:
        self._cancel()
        self._watch_dialog()
        self.reindex_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the folder is scanned
        self.progress.show()
        self.status_label.setText("")
        self.task = asyncio.ensure_future(self._reindex())
        return self.task

    async def _show_count(self) -> None:
        documents = await indexed_documents(manuals_folder(self.folder.text()))
        self.count_label.setText(
            translate("Manuals", "Not indexed yet")
            if documents is None
            else translate("Manuals", "{count} documents indexed").format(
                count=QLocale().toString(documents)
            )
        )

    async def _reindex(self) -> None:
        try:
            await reindex(manuals_folder(self.folder.text()), self._on_progress)
        finally:
            self.reindex_button.setEnabled(True)

    def _on_progress(self, status: ManualsStatus) -> None:
        if status.total:
            self.progress.setRange(0, status.total)
            self.progress.setValue(status.done)
            self.progress.setFormat(
                translate("Manuals", "%v of %m {document}").format(document=status.current).rstrip()
            )
        if not status.finished:
            return
        self.progress.hide()
        if status.error:
            self.status_label.setText(status.error)
            return
        if status.documents is not None:
            self.count_label.setText(
                translate("Manuals", "{count} documents indexed").format(
                    count=QLocale().toString(status.documents)
                )
            )
        failed = (
            translate("Manuals", "; {count} could not be read").format(count=len(status.failed))
            if status.failed
            else ""
        )
        read = status.total - len(status.failed)
        self.status_label.setText(
            translate("Manuals", "Done: {read} of {total} documents read{failed}.").format(
                read=QLocale().toString(read), total=QLocale().toString(status.total), failed=failed
            )
        )
        if status.failed:
            self.status_label.setToolTip("\n".join(status.failed))

    def _browse(self) -> None:
        start = self.folder.text().strip() or str(manuals_folder(""))
        chosen = QFileDialog.getExistingDirectory(
            self, translate("Manuals", "Manuals folder"), start
        )
        if chosen:
            self.folder.setText(chosen)
            self.start_reindex()

    def _watch_dialog(self) -> None:
        """Stop the work when the dialog closes: its widgets go with it."""
        dialog = self.window()
        if isinstance(dialog, QDialog) and dialog is not self._watching:
            self._watching = dialog
            dialog.finished.connect(self._cancel)

    def _cancel(self) -> None:
        task, self.task = self.task, None
        if task is not None and not task.done():
            task.cancel()


def _loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True
