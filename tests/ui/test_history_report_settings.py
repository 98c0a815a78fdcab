"""Settings ▸ Reports: the technician's name, the reports folder, the summary model and the
retention period are loaded, edited and returned by the real dialog (retention 0 reads
"never"); what is saved is read back by the loader."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.infra.settings import Settings, load_settings, save_settings
from desktop.ui.report_settings import PAGE_TITLE
from desktop.ui.settings_dialog import SettingsDialog

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


def test_reports_page_edits_and_saves(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = SettingsDialog(Settings(video_source="none", technician_name="Sam Doe"))
    qtbot.addWidget(dialog)
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert PAGE_TITLE in titles
    page = dialog.reports_page
    assert page.technician_name.text() == "Sam Doe"
    assert page.retention_days.text() == "never"  # 0: every session is kept

    page.technician_name.setText("  Alex   Fielding ")
    page.report_dir.setText(str(tmp_path / "reports"))
    page.summary_model.setText("gemini-2.5-flash-lite")
    page.retention_days.setValue(90)
    dialog.tabs.setCurrentIndex(titles.index(PAGE_TITLE))
    dialog.show()
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "settings-reports.png"))  # to look at

    result = dialog.result_settings()
    assert (result.technician_name, result.report_dir, result.summary_model) == (
        "Alex Fielding",
        str(tmp_path / "reports"),
        "gemini-2.5-flash-lite",
    )
    assert result.retention_days == 90
    save_settings(result)
    loaded, notes = load_settings()
    assert (loaded.technician_name, loaded.retention_days) == ("Alex Fielding", 90)
    assert notes == []
    dialog.close()
