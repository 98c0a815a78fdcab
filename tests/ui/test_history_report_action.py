"""The job report from the window: the real window and controller, offscreen, a session with
the simulator in which the model fills in the job (the set_job_details tool) and the
technician types the site; stopping offers the report, Ctrl+R writes it (PDF, with the
summary from the simulator's generateContent), and the History window reports an earlier
session. Screenshots of the window with the report action go to artifacts/."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from report.report_support import pdf_text
from support.waiting import wait_until

from desktop.app import SessionDriver, VideoStatus
from desktop.infra.history import HistoryStore
from desktop.infra.settings import Settings
from desktop.report.make import ReportOutcome
from desktop.session import events as ev
from desktop.ui.controller import Controller
from desktop.ui.history_view import HistoryDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.report_actions import OFFER_TEXT

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


@pytest.fixture
def ui(qtbot: QtBot, tmp_path: Path) -> tuple[MainWindow, Controller, HistoryStore]:
    settings = Settings(
        backend="simulator",
        video_source="none",
        input_device="no-such-mic",
        technician_name="Alex Fielding",
        report_dir=str(tmp_path / "reports"),
    )
    history = HistoryStore.open(tmp_path / "history.sqlite3")
    window = MainWindow()
    qtbot.addWidget(window)
    holder: list[Controller] = []

    def on_ui(event: ev.UiEvent | VideoStatus) -> None:
        holder[0].on_ui_event(event)

    controller = Controller(window, SessionDriver(settings, None, on_ui, history))
    holder.append(controller)
    window.show()
    return window, controller, history


def shot(window: MainWindow, name: str) -> None:
    """A PNG of the window for people to look at (not compared)."""
    ARTIFACTS.mkdir(exist_ok=True)
    window.grab().save(str(ARTIFACTS / name))


async def test_job_fields_tool_and_report_action(
    ui: tuple[MainWindow, Controller, HistoryStore], qtbot: QtBot, tmp_path: Path
) -> None:
    window, controller, history = ui
    fields = window.job_fields
    written: list[ReportOutcome] = []
    controller.reports.report_written.connect(written.append)

    window.start_button.click()
    await wait_until(lambda: window.connection_label.text() == "Connected")
    # The technician says the ticket; the model records it with the tool; the field shows it.
    job = {"job_id": "WO-4711", "equipment": "Pump P-200"}
    window.text_box.setText("call tool set_job_details " + json.dumps(job))
    window.text_box.returnPressed.emit()
    await wait_until(lambda: fields["job_id"].text() == "WO-4711")
    assert fields["equipment"].text() == "Pump P-200"
    # The site is typed into its field.
    fields["site"].setText("Northside water plant")
    fields["site"].editingFinished.emit()
    assert controller.driver.job["site"] == "Northside water plant"

    window.start_button.click()
    await wait_until(lambda: OFFER_TEXT in window.banner.text())
    (session,) = history.list_sessions()
    assert {k: session.meta[k] for k in ("job_id", "site", "equipment")} == {
        "job_id": "WO-4711",
        "site": "Northside water plant",
        "equipment": "Pump P-200",
    }
    shot(window, "report-action-window.png")

    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    await wait_until(lambda: bool(written))
    outcome = written[0]
    assert outcome.path.parent == tmp_path / "reports"
    assert outcome.path.name.endswith(
        f"_WO-4711_session-{outcome.report.header.session_id}_report.pdf"
    )
    assert outcome.summary_problem is None and not outcome.report.summary_missing
    assert window.report_button.isEnabled()
    assert f"Job report saved: {outcome.path}" in window.banner.text()
    text = (await asyncio.to_thread(pdf_text, outcome.path)).replace("\n", " ")
    assert "Alex Fielding" in text and "Northside water plant" in text
    # The summary is kept with the session for the next report.
    assert "report_summary" in history.get_session(session.id).meta
    window.close()
    await asyncio.wait_for(controller.closed.wait(), 5)


async def test_history_window_reports_an_earlier_session(
    ui: tuple[MainWindow, Controller, HistoryStore], tmp_path: Path
) -> None:
    window, controller, history = ui
    first = history.start_session({"job_id": "OLD-1"}, at=1_764_000_000)
    history.upsert_turn(first, 0, "user", "the old job", final=True, at=1_764_000_010)
    history.end_session(first, at=1_764_000_100)
    second = history.start_session({"job_id": "NEW-2"}, at=1_764_100_000)
    history.end_session(second, at=1_764_100_100)
    written: list[ReportOutcome] = []
    controller.reports.report_written.connect(written.append)

    controller.open_history()
    dialog = controller._dialog
    assert isinstance(dialog, HistoryDialog)
    await wait_until(lambda: dialog.session_ids() == [second, first])
    jobs = [dialog.sessions.topLevelItem(i).text(4) for i in range(2)]
    assert jobs == ["NEW-2", "OLD-1"]  # the list names each session's job
    dialog.select_session(first)
    await dialog.settled()
    assert dialog.report_button.isVisible() and dialog.report_button.isEnabled()
    dialog.report_button.click()
    await wait_until(lambda: bool(written))
    assert written[0].report.header.job_id == "OLD-1"
    assert written[0].path.name.endswith(f"_OLD-1_session-{first}_report.pdf")
    dialog.close()
    window.close()
    await asyncio.wait_for(controller.closed.wait(), 5)
    QApplication.processEvents()
