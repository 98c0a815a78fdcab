"""What opening the history says reaches the window's banner, as run.py wires it: a damaged
database moved aside is shown with where it went, not only logged."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pytestqt.qtbot import QtBot
from support.waiting import wait_until

from desktop.app import SessionDriver
from desktop.infra.history_writer import HistoryWriter
from desktop.infra.settings import Settings
from desktop.ui.controller import Controller
from desktop.ui.main_window import MainWindow


async def test_a_damaged_database_at_launch_is_shown_in_the_banner(
    qtbot: QtBot, tmp_path: Path
) -> None:
    db = tmp_path / "history.sqlite3"
    db.write_bytes(b"not a database at all" * 200)
    writer = HistoryWriter(db).start()  # opens on its own thread, as at launch
    window = MainWindow()
    qtbot.addWidget(window)
    holder: list[Controller] = []
    settings = Settings(backend="gemini", video_source="none")

    def on_ui(event: object) -> None:
        holder[0].on_ui_event(event)  # type: ignore[arg-type]

    driver = SessionDriver(settings, None, on_ui, writer)
    holder.append(Controller(window, driver))
    driver.watch_history(asyncio.get_running_loop())
    window.show()
    await wait_until(lambda: "moved aside" in window.banner.text())
    (aside,) = await asyncio.to_thread(lambda: list(tmp_path.glob("history.sqlite3.corrupt-*")))
    assert str(aside) in window.banner.text()
    assert window.banner.isVisible()
    window.close()
    await asyncio.wait_for(holder[0].closed.wait(), 10)
    assert writer.status.state == "available"


async def test_the_history_note_stays_beside_the_simulator_and_settings_notes(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The hostile review's case: the simulator banner replaced 'moved aside' 6 ms after it
    was shown, and a settings note lasted under a second. All three must stay on screen."""
    from desktop.app import SIMULATOR_BANNER
    from desktop.session import events as ev

    db = tmp_path / "history.sqlite3"
    db.write_bytes(b"not a database at all" * 200)
    writer = HistoryWriter(db).start()
    window = MainWindow()
    qtbot.addWidget(window)
    holder: list[Controller] = []

    def on_ui(event: object) -> None:
        holder[0].on_ui_event(event)  # type: ignore[arg-type]

    driver = SessionDriver(Settings(backend="simulator", video_source="none"), None, on_ui, writer)
    holder.append(Controller(window, driver))
    holder[0].show_banner('Setting video_fps = "1" should be a number.', topic="settings-file")
    driver.watch_history(asyncio.get_running_loop())
    window.show()
    await wait_until(lambda: "moved aside" in window.banner.text())
    holder[0].on_ui_event(ev.Notice(SIMULATOR_BANNER, ev.NoticeLevel.INFO))  # as start() says
    holder[0].on_ui_event(ev.Notice("No speaker found", ev.NoticeLevel.WARNING))
    shown = window.banner.text()
    for part in ("moved aside", "video_fps", SIMULATOR_BANNER, "No speaker found"):
        assert part in shown
    assert shown.count(SIMULATOR_BANNER) == 1
    window.close()
    await asyncio.wait_for(holder[0].closed.wait(), 10)
