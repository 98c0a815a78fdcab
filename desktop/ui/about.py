"""Help ▸ About (version, licences, log folder) and Help ▸ Save diagnostics….

`about_info()` gathers what the dialog shows (it reads the licence notice: call it before
building the dialog, whose constructor does no I/O). `HelpActions` wires both menu items:
the diagnostics zip is written by `desktop.app.diagnostics` on a worker thread, and the
outcome is a notice in the window (and a line in the About dialog when it is open).
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable, Coroutine
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QStandardPaths, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.app.diagnostics import DiagnosticsSources, save_diagnostics, versions
from desktop.infra.paths import log_dir, resources_dir
from desktop.infra.settings import Settings
from desktop.ui.i18n import translate
from desktop.ui.main_window import MainWindow

Spawn = Callable[[Coroutine[Any, Any, None], str], "asyncio.Task[Any]"]
ShowNotice = Callable[..., None]  # Controller.show_banner(text, error=..., topic=...)
log = logging.getLogger(__name__)

NOTICE_TOPIC = "diagnostics"


def licences_dir() -> Path:
    """The third-party notices: generated into the frozen bundle's licenses/ folder by
    packaging/licenses.py; in a checkout or a pip install, resources/licenses/."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "licenses"
    return resources_dir() / "licenses"


@dataclass(frozen=True, slots=True)
class AboutInfo:
    version: str
    python: str
    qt: str
    platform: str
    log_folder: Path
    licences_folder: Path
    licence_text: str


def about_info() -> AboutInfo:
    found = versions()
    folder = licences_dir()
    try:
        text = (folder / "README.txt").read_text(encoding="utf-8")
    except OSError as exc:
        text = translate(
            "About", "The licence notices are missing from {folder} ({reason})."
        ).format(folder=folder, reason=exc.strerror or exc)
    return AboutInfo(
        version=found["fieldassist"],
        python=found["python"],
        qt=f"Qt {qVersion()}, PySide6 {pyside_version}",
        platform=found["platform"],
        log_folder=log_dir(),
        licences_folder=folder,
        licence_text=text,
    )


class AboutDialog(QDialog):
    def __init__(self, info: AboutInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("About", "About FieldAssist"))
        self.setAccessibleName(translate("About", "About FieldAssist"))
        self.info = info
        title = QLabel(f"<b>FieldAssist {info.version}</b>")
        title.setAccessibleName(translate("About", "Program version"))
        form = QFormLayout()
        for label, value in (
            ("Python:", info.python),
            ("Qt:", info.qt),
            (translate("About", "System:"), info.platform),
        ):
            form.addRow(label, _selectable(value))
        self.log_folder_label = _selectable(str(info.log_folder))
        self.log_folder_label.setAccessibleName(translate("About", "Log folder"))
        form.addRow(translate("About", "Log folder:"), self.log_folder_label)

        self.licences = QPlainTextEdit(info.licence_text)
        self.licences.setReadOnly(True)
        self.licences.setAccessibleName(translate("About", "Licences"))
        self.licences.setMinimumHeight(220)

        self.open_logs_button = QPushButton(translate("About", "Open &log folder"))
        self.open_logs_button.clicked.connect(lambda: _open_folder(info.log_folder))
        self.open_licences_button = QPushButton(translate("About", "Open licences &folder"))
        self.open_licences_button.clicked.connect(lambda: _open_folder(info.licences_folder))
        self.diagnostics_button = QPushButton(translate("About", "Save &diagnostics…"))
        self.diagnostics_button.setToolTip(
            translate(
                "About",
                "A zip for IT support: logs, settings, devices, versions and recent messages, "
                "with keys and passwords removed",
            )
        )
        self.status_label = QLabel()
        self.status_label.setAccessibleName(translate("About", "Diagnostics result"))
        self.status_label.setWordWrap(True)
        buttons_row = QHBoxLayout()
        for button in (self.open_logs_button, self.open_licences_button, self.diagnostics_button):
            buttons_row.addWidget(button)
        buttons_row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(QLabel(translate("About", "Licences:")))
        layout.addWidget(self.licences, 1)
        layout.addLayout(buttons_row)
        layout.addWidget(self.status_label)
        layout.addWidget(close)
        self.resize(640, 520)


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(label.textFormat().PlainText)
    label.setTextInteractionFlags(label.textInteractionFlags().TextSelectableByMouse)
    return label


def _open_folder(folder: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def _reason(exc: Exception) -> str:
    """Why a save failed, in words: the system's for a file error; for anything else (a bug)
    a short line, with the traceback in the log."""
    if isinstance(exc, OSError):
        return str(exc.strerror or exc)
    log.error("Diagnostics not saved", exc_info=exc)
    return f"an unexpected error ({type(exc).__name__}); the details are in the log"


def default_diagnostics_path() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return Path(folder or Path.home()) / f"fieldassist-diagnostics-{stamp}.zip"


class HelpActions:
    """Help ▸ About and Help ▸ Save diagnostics…, for the controller."""

    def __init__(
        self,
        window: MainWindow,
        settings: Callable[[], Settings],
        spawn: Spawn,
        notice: ShowNotice,
    ) -> None:
        self.window = window
        self._settings = settings
        self._spawn = spawn
        self._notice = notice
        self.dialog: AboutDialog | None = None
        self.last_saved: Path | None = None
        window.about_action.triggered.connect(self.open_about)
        window.diagnostics_action.triggered.connect(self.ask_and_save)

    def open_about(self) -> AboutDialog:
        if self.dialog is None:
            self.dialog = AboutDialog(about_info(), self.window)
            self.dialog.diagnostics_button.clicked.connect(self.ask_and_save)
            self.dialog.finished.connect(self._forget_dialog)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def _forget_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def ask_and_save(self) -> None:
        parent = self.dialog or self.window
        name, _ = QFileDialog.getSaveFileName(
            parent,
            translate("About", "Save diagnostics"),
            str(default_diagnostics_path()),
            translate("About", "Zip archive (*.zip)"),
        )
        if name:
            self.save_to(Path(name))

    def save_to(self, target: Path) -> asyncio.Task[Any]:
        # The inspector's rows are copied here, on the Qt thread; the zip is written off it.
        messages = [asdict(row) for row in self.window.inspector.model.rows()]
        sources = DiagnosticsSources(
            settings=self._settings(),
            log_dir=log_dir(),
            messages=messages,
            extra_versions={"qt": qVersion(), "pyside6": pyside_version},
        )
        self._say(translate("About", "Saving diagnostics…"), error=False)
        return self._spawn(self._save(target, sources), "save-diagnostics")

    async def _save(self, target: Path, sources: DiagnosticsSources) -> None:
        try:
            saved = await asyncio.to_thread(save_diagnostics, target, sources)
        except Exception as exc:  # any failure is this save's, said plainly (not the task's)
            self._say(
                translate("About", "Could not save diagnostics to {path}: {reason}").format(
                    path=target, reason=_reason(exc)
                ),
                error=True,
            )
            return
        self.last_saved = saved.path
        self._say(
            translate("About", "Diagnostics saved to {path} ({size} KiB)").format(
                path=saved.path, size=f"{saved.size / 1024:,.0f}"
            ),
            error=False,
        )

    def _say(self, text: str, *, error: bool) -> None:
        self._notice(text, error=error, topic=NOTICE_TOPIC)
        if self.dialog is not None:
            self.dialog.status_label.setText(text)
