"""The Settings dialog's Reports page: who writes the reports, where they go, which model
writes the summary, and how long sessions are kept (data retention, off by default)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop.infra.i18n_marks import QT_TRANSLATE_NOOP
from desktop.infra.settings import SPECS, Settings
from desktop.report.make import default_reports_dir
from desktop.report.summary import SUMMARY_MODELS
from desktop.ui.i18n import translate

PAGE_TITLE = QT_TRANSLATE_NOOP("ReportSettings", "&Reports")


class ReportSettingsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.technician_name = QLineEdit()
        self.technician_name.setAccessibleName(translate("ReportSettings", "Technician name"))
        self.technician_name.setPlaceholderText(
            translate("ReportSettings", "as it should appear on the job reports")
        )
        form.addRow(
            _label(translate("ReportSettings", "&Technician:"), self.technician_name),
            self.technician_name,
        )

        self.report_dir = QLineEdit()
        self.report_dir.setAccessibleName(translate("ReportSettings", "Reports folder"))
        self.report_dir.setPlaceholderText(str(default_reports_dir()))
        browse = QPushButton(translate("ReportSettings", "Browse…"))
        browse.setAccessibleName(translate("ReportSettings", "Choose the reports folder"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.report_dir, 1)
        row.addWidget(browse)
        form.addRow(_label(translate("ReportSettings", "Reports &folder:"), self.report_dir), row)

        self.summary_model = QLineEdit()
        self.summary_model.setAccessibleName(translate("ReportSettings", "Summary model"))
        self.summary_model.setPlaceholderText(SUMMARY_MODELS["gemini"])
        self.summary_model.setToolTip(
            translate(
                "ReportSettings",
                "The text model that writes the report's summary from the session's record "
                "(one request per report); empty: the default",
            )
        )
        form.addRow(
            _label(translate("ReportSettings", "Summary &model:"), self.summary_model),
            self.summary_model,
        )

        self.retention_days = QSpinBox()
        spec = SPECS["retention_days"]
        self.retention_days.setRange(int(spec.low or 0), int(spec.high or 3650))
        self.retention_days.setSpecialValueText(
            translate("ReportSettings", "never")
        )  # 0: every session is kept
        self.retention_days.setSuffix(translate("ReportSettings", " days"))
        self.retention_days.setAccessibleName(
            translate("ReportSettings", "Delete sessions older than")
        )
        form.addRow(
            _label(translate("ReportSettings", "&Delete sessions after:"), self.retention_days),
            self.retention_days,
        )
        note = QLabel(
            translate(
                "ReportSettings",
                "Sessions older than this are deleted with their snapshots when a session "
                "starts. Reports already written are not touched.",
            )
        )
        note.setWordWrap(True)
        form.addRow("", note)

    def load(self, s: Settings) -> None:
        self.technician_name.setText(s.technician_name)
        self.report_dir.setText(s.report_dir)
        self.summary_model.setText(s.summary_model)
        self.retention_days.setValue(s.retention_days)

    def values(self) -> dict[str, Any]:
        """The page's settings, for dataclasses.replace."""
        return {
            "technician_name": " ".join(self.technician_name.text().split()),
            "report_dir": self.report_dir.text().strip(),
            "summary_model": self.summary_model.text().strip(),
            "retention_days": self.retention_days.value(),
        }

    def _browse(self) -> None:
        start = self.report_dir.text().strip() or str(default_reports_dir())
        chosen = QFileDialog.getExistingDirectory(
            self, translate("ReportSettings", "Reports folder"), start
        )
        if chosen:
            self.report_dir.setText(chosen)


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label
