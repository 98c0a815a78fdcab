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

from desktop.app import AppEvent, SessionDriver, smoke_check
from desktop.cli import CliOptions
from desktop.infra import paths
from desktop.infra.credentials import KeyLookup
from desktop.infra.history_writer import HistoryWriter
from desktop.infra.logs import install_exception_hooks, setup_logging
from desktop.infra.redact import register_secret
from desktop.infra.settings import (
    Settings,
    notes_banner,
    save_settings,
    settings_file_unreadable,
)
from desktop.infra.window_state import load_window_state
from desktop.ui.single_instance import claim_for_this_run, listen_for_second_launches

log = logging.getLogger("desktop")


def run(opts: CliOptions, settings: Settings, notes: list[str]) -> int:
    if opts.smoke_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # First of all: a second launch must not open the history, a settings writer or a window.
    # A smoke test runs beside a real instance and hands nothing over.
    instance = None if opts.smoke_test else claim_for_this_run(opts)
    if instance is None and not opts.smoke_test:
        return 0  # handed over to the running instance
    log_file = setup_logging(settings.log_level)
    # The keyring may prompt or hang: it is read on a worker thread from here on, and awaited
    # below with the loop running, so the window's thread never blocks on it.
    key_lookup = KeyLookup().start()

    from PySide6.QtCore import QTimer

    from desktop.ui.controller import Controller
    from desktop.ui.main_window import MainWindow

    loop = _qt_loop(log_file)
    second_launches = listen_for_second_launches(instance)  # the window takes them once built
    api_key, key_problem = _api_key_at_launch(loop, key_lookup)
    # A scripted start (--connect, --smoke-test) never waits on a dialog, nor does a machine
    # whose settings file has a syntax error (the welcome could not save its choice, so it
    # would come back at every launch; the notice says what to fix).
    if _offer_welcome(opts, settings, api_key):
        settings, api_key = _welcome(settings, api_key)

    window = MainWindow()
    controller: Controller | None = None

    def on_ui(event: AppEvent) -> None:
        if controller is not None:
            controller.on_ui_event(event)

    async def confirm_tool(name: str, args: Mapping[str, object]) -> str:
        assert controller is not None
        return await controller.confirm_tool(name, args)

    history = _open_history()
    driver = SessionDriver(settings, api_key, on_ui, history, confirm_tool)
    driver.watch_history(loop)  # what opening the history says reaches the window
    controller = Controller(window, driver, load_window_state())
    second_launches.deliver_to(controller)
    window.show()
    _show_settings_notes(controller, notes)
    if key_problem:
        controller.show_banner(key_problem, topic="key")
    log.info("Window shown (backend %s, log %s)", driver.backend, log_file)

    if opts.smoke_test:
        for line in smoke_check(settings, api_key):
            log.info("smoke: %s", line)
        log.info("init finished")
        controller.save_on_close = False  # the user's layout is not an offscreen window's
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
    if instance is not None:
        instance.release()  # after the session and the history closed: then another may start
    log.info("Closed cleanly")
    return 0


def _show_settings_notes(controller: Any, notes: list[str]) -> None:
    """Settings were read before logging started: their notes reach the log and the window
    here, as one notice."""
    for note in notes:
        log.warning("Settings: %s", note)
    if notes:
        controller.show_banner(notes_banner(notes), topic="settings-file")


def _api_key_at_launch(
    loop: asyncio.AbstractEventLoop, lookup: KeyLookup
) -> tuple[str | None, str]:
    """(key, problem): the launch's key lookup awaited with the Qt loop running (events,
    timers and the single-instance socket go on); a keyring that does not answer in time
    is a message for the window, and the app starts without the stored key."""
    found = loop.run_until_complete(lookup.result())
    if found.problem:
        log.warning("API key: %s", found.problem)
    return found.key, found.problem


def _offer_welcome(opts: CliOptions, settings: Settings, api_key: str | None) -> bool:
    from desktop.ui.welcome import needs_welcome

    scripted = opts.smoke_test or opts.connect
    return not scripted and needs_welcome(settings, api_key) and not settings_file_unreadable()


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


def _open_history() -> HistoryWriter:
    """The history's writer thread, started: it opens the database itself, so a database held
    by another program never delays the window; its notes reach the window as banners."""
    return HistoryWriter(paths.history_path()).start()


def _close_on_signals(window: object) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QWidget

    assert isinstance(window, QWidget)

    def handler(signum: int, _frame: object) -> None:
        log.info("Signal %d: closing", signum)
        QTimer.singleShot(0, window.close)

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)
