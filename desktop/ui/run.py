"""Start the Qt application on a qasync loop, show the window, and run until it closes."""

from __future__ import annotations

import asyncio
import logging
import os
import signal

from desktop.app import SessionDriver, smoke_check
from desktop.cli import CliOptions
from desktop.infra.credentials import load_api_key
from desktop.infra.history import HistoryError, HistoryStore
from desktop.infra.logs import install_exception_hooks, setup_logging
from desktop.infra.redact import register_secret
from desktop.infra.settings import Settings

log = logging.getLogger("desktop")


def run(opts: CliOptions, settings: Settings, notes: list[str]) -> int:
    if opts.smoke_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    log_file = setup_logging(settings.log_level)
    api_key = load_api_key()
    register_secret(api_key)

    import qasync
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.ui.controller import Controller
    from desktop.ui.errors import ErrorDialogs
    from desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(["fieldassist"])
    assert isinstance(app, QApplication)
    app.setApplicationName("FieldAssist")
    app.setQuitOnLastWindowClosed(False)  # the loop ends when the session has shut down
    dialogs = ErrorDialogs()
    hooks = install_exception_hooks(dialogs.show, log_file.parent)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    loop.set_exception_handler(hooks.asyncio_handler)

    window = MainWindow()
    controller: Controller | None = None

    def on_ui(event: object) -> None:
        if controller is not None:
            controller.on_ui_event(event)  # type: ignore[arg-type]

    history = _open_history()
    driver = SessionDriver(settings, api_key, on_ui, history)
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
