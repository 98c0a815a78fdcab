"""Settings ▸ Manuals: the folder, the document count, and a re-index with progress, through
the real Settings dialog and the real FTS5 index the search_manuals tool reads."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from support.waiting import wait_until

from desktop.infra.paths import data_dir
from desktop.infra.settings import Settings
from desktop.tools.manuals import ManualIndex
from desktop.ui.manuals_page import ManualsSettingsPage
from desktop.ui.settings_dialog import SettingsDialog


def write_manuals(folder: Path) -> Path:
    folder.mkdir()
    (folder / "pump.md").write_text("# BV-20 valve\n\nTorque the bonnet bolts to 45 Nm.\n")
    (folder / "seals.txt").write_text("Replace the gasket every 2,000 hours.\n")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7 this is not a real PDF")
    return folder


def open_dialog(qtbot: QtBot, folder: Path) -> tuple[SettingsDialog, ManualsSettingsPage]:
    dialog = SettingsDialog(Settings(video_source="none", manuals_dir=str(folder)))
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.manuals_page
    dialog.tabs.setCurrentWidget(page)
    return dialog, page


async def test_reindex_shows_progress_and_the_count(qtbot: QtBot, tmp_path: Path) -> None:
    folder = write_manuals(tmp_path / "manuals")
    dialog, page = open_dialog(qtbot, folder)
    assert page.folder.text() == str(folder)
    await wait_until(lambda: page.count_label.text() == "Not indexed yet")

    seen: list[tuple[int, int]] = []
    page.progress.valueChanged.connect(lambda v: seen.append((v, page.progress.maximum())))
    page.reindex_button.click()
    assert not page.reindex_button.isEnabled() and page.progress.isVisible()
    await wait_until(page.reindex_button.isEnabled)
    assert page.count_label.text() == "2 documents indexed"  # the broken PDF is not counted
    assert page.status_label.text() == "Done: 2 of 3 documents read; 1 could not be read."
    assert "broken.pdf" in page.status_label.toolTip()
    assert not page.progress.isVisible()
    assert seen and seen[-1] == (3, 3)

    # The same index the search_manuals tool reads.
    index = ManualIndex(data_dir() / "manuals.sqlite3", folder)
    assert index.counts()[0] == 2
    assert dialog.result_settings().manuals_dir == str(folder)


async def test_a_missing_folder_is_a_message(qtbot: QtBot, tmp_path: Path) -> None:
    _, page = open_dialog(qtbot, tmp_path / "nowhere")
    page.start_reindex()
    await wait_until(lambda: page.reindex_button.isEnabled() and page.status_label.text())
    assert page.status_label.text().startswith("No such folder")
    assert not page.progress.isVisible()
