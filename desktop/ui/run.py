"""Start the Qt application on a qasync loop, show the window, and run until it closes."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import qasync

from desktop.app import SIMULATOR_BANNER, AppEvent, SessionDriver, smoke_check
from desktop.app.preload import start_preload
from desktop.cli import CliOptions
from desktop.infra import paths
from desktop.infra.credentials import KeyFound, KeyLookup, api_key_from_env
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
    # The connection's SDK, then the tools and video modules, import on a thread from now on,
    # beside the window's own start (desktop/app/preload.py). They share no module with the
    # window's (PySide6, numpy, the controller), which are imported on this thread meanwhile.
    start_preload()
    log_file = setup_logging(settings.log_level)
    # The keyring may prompt or hang: it is read on a worker thread from here on, and awaited
    # only by a session's start, so the window's thread never blocks on it.
    key_lookup = KeyLookup().start()

    from PySide6.QtCore import QTimer

    from desktop.ui.controller import Controller
    from desktop.ui.main_window import MainWindow

    loop = _qt_loop(log_file)
    settings = _interface_language(settings)  # before the welcome: it is translated too
    second_launches = listen_for_second_launches(instance)  # the window takes them once built
    key_task = loop.create_task(key_lookup.result())
    settings, api_key = _key_and_welcome(loop, key_task, opts, settings)

    window = MainWindow()
    # From here a SIGTERM closes the window cleanly once the loop runs: the history opens
    # (and imports a journal) before the window is shown.
    awake = _close_on_signals(window)
    controller: Controller | None = None

    def on_ui(event: AppEvent) -> None:
        if controller is not None:
            controller.on_ui_event(event)

    async def confirm_tool(name: str, args: Mapping[str, object]) -> str:
        assert controller is not None
        return await controller.confirm_tool(name, args)

    history = _open_history()
    driver = SessionDriver(settings, api_key, on_ui, history, confirm_tool)
    driver.expect_key(key_task)  # taken when it answers, unless a key is at hand already
    driver.watch_history(loop)  # what opening the history says reaches the window
    controller = Controller(window, driver, load_window_state())
    second_launches.deliver_to(controller)
    _log_first_paint(window)
    window.show()
    _show_settings_notes(controller, notes)
    key_task.add_done_callback(
        lambda task: None if task.cancelled() else _key_answered(task.result(), controller)
    )
    log.info("Window shown (backend %s, log %s)", driver.backend, log_file)

    if opts.smoke_test:
        for line in smoke_check(settings, api_key):
            log.info("smoke: %s", line)
        log.info("init finished")
        controller.save_on_close = False  # the user's layout is not an offscreen window's
        QTimer.singleShot(0, window.close)  # close from inside the loop, as a user would
        _run_until_closed(loop, controller, key_task)
        return 0

    if opts.connect:
        QTimer.singleShot(0, controller.start_session)  # once the loop runs
    _run_until_closed(loop, controller, key_task)
    del awake
    if instance is not None:
        instance.release()  # after the session and the history closed: then another may start
    log.info("Closed cleanly")
    return 0


# FIELDASSIST_LAG_PROBE=1: log the loop's lag (bench_startup reads it), first over the start
# (LAG_START_S), then every LAG_EVERY_S.
LAG_PROBE_ENV = "FIELDASSIST_LAG_PROBE"
LAG_START_S = 3.0
LAG_EVERY_S = 10.0
LAG_TICK_S = 0.01


def _lag_probe() -> object:
    """How late a 10 ms timer fires on the Qt/asyncio thread (one loop: qasync): p50, p99 and
    max per window, logged. A timer, not a task: nothing is left pending when the loop ends."""
    if not os.environ.get(LAG_PROBE_ENV):
        return None
    from PySide6.QtCore import Qt, QTimer

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(int(LAG_TICK_S * 1000))
    lags: list[float] = []
    state = {"last": time.monotonic(), "ends": time.monotonic() + LAG_START_S}

    def tick() -> None:
        now = time.monotonic()
        lags.append(max(0.0, now - state["last"] - LAG_TICK_S) * 1000)
        state["last"] = now
        if now < state["ends"]:
            return
        lags.sort()
        p99 = lags[min(len(lags) - 1, int(0.99 * len(lags)))]
        label = "start" if state.get("steady") is None else "steady"
        log.info(
            "Loop lag (%s): p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d ticks",
            label, lags[len(lags) // 2], p99, lags[-1], len(lags),
        )  # fmt: skip
        # Thread ids by name: the OS knows Python's threads only as "python" (the bench's
        # per-thread CPU reads /proc by id).
        threads = ", ".join(f"{t.name}={t.native_id}" for t in threading.enumerate())
        log.info("Threads: %s", threads)
        lags.clear()
        state["steady"] = 1.0
        state["ends"] = now + LAG_EVERY_S

    timer.timeout.connect(tick)
    timer.start()
    return timer


def _log_first_paint(window: object) -> None:
    """Log "Window painted" at the window's first paint event (bench_startup times it)."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    assert isinstance(window, QWidget)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                log.info("Window painted")
                watched.removeEventFilter(self)
            return False

    window.installEventFilter(FirstPaint(window))  # the window owns it


def _show_settings_notes(controller: Any, notes: list[str]) -> None:
    """Settings were read before logging started: their notes reach the log and the window
    here, as one notice."""
    for note in notes:
        log.warning("Settings: %s", note)
    if notes:
        controller.show_banner(notes_banner(notes), topic="settings-file")


def _run_until_closed(
    loop: qasync.QEventLoop, controller: Any, key_task: asyncio.Task[KeyFound]
) -> None:
    """Run until the window closed; a key lookup still waiting on the keyring then is given
    up (its thread is a daemon), so no task is left pending when the loop closes."""
    with loop:
        loop.run_until_complete(controller.closed.wait())
        if not key_task.done():
            key_task.cancel()
            loop.run_until_complete(asyncio.wait({key_task}))


def _key_and_welcome(
    loop: asyncio.AbstractEventLoop,
    key_task: asyncio.Task[KeyFound],
    opts: CliOptions,
    settings: Settings,
) -> tuple[Settings, str | None]:
    """The window never waits for the keyring: the key from the environment is at hand, a
    stored one arrives while the window comes up (only a session's start waits for it). The
    first launch ever waits (with the loop running), because whether to welcome the user
    depends on it. A scripted start (--connect, --smoke-test) never waits on a dialog, nor does
    a machine whose settings file has a syntax error (the welcome could not save its choice,
    so it would come back at every launch; the notice says what to fix)."""
    api_key = api_key_from_env()
    if api_key is None and _offer_welcome(opts, settings, None):
        api_key, _ = _api_key_at_launch(loop, key_task)  # its problem: _key_answered shows it
        if _offer_welcome(opts, settings, api_key):
            settings, api_key = _welcome(settings, api_key)
    return settings, api_key


def _api_key_at_launch(
    loop: asyncio.AbstractEventLoop, lookup: KeyLookup | asyncio.Future[KeyFound]
) -> tuple[str | None, str]:
    """(key, problem): the launch's key lookup awaited with the Qt loop running (events,
    timers and the single-instance socket go on); a keyring that does not answer in time
    is a message for the window, and the app starts without the stored key."""
    waiting = lookup if isinstance(lookup, asyncio.Future) else lookup.result()
    found = loop.run_until_complete(waiting)
    return found.key, found.problem


def _key_answered(found: KeyFound, controller: Any) -> None:
    """The launch's key lookup answered (the window is up): its problem, if any, is shown;
    a stored key means this is no simulator run after all."""
    if found.problem:
        log.warning("API key: %s", found.problem)
        controller.show_banner(found.problem, topic="key")
    if controller.driver.backend == "simulator":
        controller.show_banner(SIMULATOR_BANNER, topic="simulator")
    else:
        controller.window.banner.withdraw("simulator")


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
    from desktop.ui.gc_guard import QtThreadCollector

    app = QApplication.instance() or QApplication(["fieldassist"])
    assert isinstance(app, QApplication)
    app.setApplicationName("FieldAssist")
    app.setDesktopFileName("fieldassist")  # matches resources/fieldassist.desktop
    icon = resource_path("icons/fieldassist.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    app.setQuitOnLastWindowClosed(False)  # the loop ends when the session has shut down
    collector = QtThreadCollector(app)  # Qt objects in cycles die on this thread only
    collector.start()
    dialogs = ErrorDialogs()
    hooks = install_exception_hooks(dialogs.show, log_file.parent)
    _keep.append(dialogs)
    loop: qasync.QEventLoop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    loop.set_exception_handler(hooks.asyncio_handler)
    return loop


_keep: list[object] = []  # objects that must live as long as the application


def _interface_language(settings: Settings) -> Settings:
    """Qt's translators for the interface language (the setting, else the system's); the
    spoken language and the shipped instruction follow it (Settings.interface_language)."""
    import dataclasses

    from PySide6.QtCore import QCoreApplication

    from desktop.ui.i18n import install_translators, spoken_language

    app = QCoreApplication.instance()
    assert app is not None
    language = install_translators(app, settings.ui_language)
    log.info("Interface language: %s", language or "en")
    return dataclasses.replace(settings, interface_language=spoken_language(language))


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


def _close_on_signals(window: object) -> list[object]:
    """SIGINT and SIGTERM close the window. Python only sees signals while its own code runs:
    a timer wakes it a few times a second. Returns what must live as long as the loop (the
    timer, and the lag probe when asked for)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QWidget

    assert isinstance(window, QWidget)
    heartbeat = QTimer()
    heartbeat.start(200)
    heartbeat.timeout.connect(lambda: None)

    def handler(signum: int, _frame: object) -> None:
        log.info("Signal %d: closing", signum)
        QTimer.singleShot(0, window.close)

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)
    return [heartbeat, _lag_probe()]
