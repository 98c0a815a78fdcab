"""Start the Qt application on a qasync loop, show the window, and run until it closes."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import qasync

from desktop.app import SessionDriver, smoke_check
from desktop.cli import CliOptions
from desktop.infra.credentials import load_api_key
from desktop.infra.history import HistoryError, HistoryStore
from desktop.infra.logs import install_exception_hooks, setup_logging
from desktop.infra.redact import register_secret
from desktop.infra.settings import Settings, save_settings

log = logging.getLogger("desktop")


def run(opts: CliOptions, settings: Settings, notes: list[str]) -> int:
    if opts.smoke_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    log_file = setup_logging(settings.log_level)
    api_key = load_api_key()
    register_secret(api_key)

    from PySide6.QtCore import QTimer

    from desktop.ui.controller import Controller
    from desktop.ui.main_window import MainWindow
    from desktop.ui.welcome import needs_welcome

    loop = _qt_loop(log_file)
    # A scripted start (--connect, --smoke-test) never waits on a dialog.
    if not (opts.smoke_test or opts.connect) and needs_welcome(settings, api_key):
        settings, api_key = _welcome(settings, api_key)

    window = MainWindow()
    controller: Controller | None = None

    def on_ui(event: object) -> None:
        if controller is not None:
            controller.on_ui_event(event)  # type: ignore[arg-type]

    async def confirm_tool(name: str, args: Mapping[str, Any]) -> str:
        assert controller is not None
        return await controller.confirm_tool(name, args)

    history = _open_history()
    driver = SessionDriver(settings, api_key, on_ui, history, confirm_tool)
    controller = Controller(window, driver)
    window.show()
    for note in notes:
        controller.show_banner(note)
    log.info("Window shown (backend %s, log %s)", driver.backend, log_file)

    if opts.smoke_test:
        for line in smoke_check(settings, api_key):
            log.info("smoke: %s", line)
        log.info("init finished")
        QTimer.singleShot(0, window.close)  # close from inside the loop, as a user would
        with loop:
            loop.run_until_complete(controller.closed.wait())
        return 0

    _close_on_signals(window)
    # Python only sees signals while its own code runs: wake it a few times a second.
    heartbeat = QTimer()
    heartbeat.start(200)
    heartbeat.timeout.connect(lambda: None)
    if opts.connect:
        QTimer.singleShot(0, controller.start_session)  # once the loop runs
    with loop:
        loop.run_until_complete(controller.closed.wait())
    log.info("Closed cleanly")
    return 0


def _qt_loop(log_file: Path) -> qasync.QEventLoop:
    """The QApplication and the asyncio loop that runs inside it."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from desktop.infra.paths import resource_path
    from desktop.ui.errors import ErrorDialogs

    app = QApplication.instance() or QApplication(["fieldassist"])
    assert isinstance(app, QApplication)
    app.setApplicationName("FieldAssist")
    app.setDesktopFileName("fieldassist")  # matches resources/fieldassist.desktop
    icon = resource_path("icons/fieldassist.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    app.setQuitOnLastWindowClosed(False)  # the loop ends when the session has shut down
    dialogs = ErrorDialogs()
    hooks = install_exception_hooks(dialogs.show, log_file.parent)
    _keep.append(dialogs)
    loop: qasync.QEventLoop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    loop.set_exception_handler(hooks.asyncio_handler)
    return loop


_keep: list[object] = []  # objects that must live as long as the application


def _welcome(settings: Settings, api_key: str | None) -> tuple[Settings, str | None]:
    """First run without credentials: key, Vertex with ADC, or the simulator."""
    from desktop.ui.welcome import WelcomeDialog, apply_choice

    dialog = WelcomeDialog()
    dialog.exec()  # before the loop runs: a plain modal dialog is fine here
    choice = dialog.choice()
    settings = apply_choice(settings, choice)
    try:
        save_settings(settings)
    except OSError as exc:
        log.warning("Settings not saved after the welcome: %s", exc)
    if choice is not None and choice.api_key:
        api_key = choice.api_key
        register_secret(api_key)
    return settings, api_key


def _open_history() -> HistoryStore | None:
    try:
        store = HistoryStore.open()
    except (HistoryError, OSError) as exc:
        log.error("History unavailable: %s", exc)
        return None
    for note in store.notes:
        log.warning("History: %s", note)
    return store


def _close_on_signals(window: object) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QWidget

    assert isinstance(window, QWidget)

    def handler(signum: int, _frame: object) -> None:
        log.info("Signal %d: closing", signum)
        QTimer.singleShot(0, window.close)

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)
