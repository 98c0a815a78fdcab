"""The controller: the only place where Qt meets asyncio.

Qt signals start coroutines (held in a set and awaited on close); session UI events update
the views. The preview is polled at up to 15 fps from the capture worker's one-slot mailbox.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import time
from collections.abc import Callable, Coroutine, Mapping
from typing import Any

import numpy as np
from PySide6.QtCore import QByteArray, QEvent, QLocale, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop.app import (
    SIMULATOR_BANNER,
    AppEvent,
    AudioLevels,
    HistoryNotice,
    OwnedTasks,
    SessionDriver,
    Speaking,
    VideoStatus,
    list_audio_devices,
)
from desktop.app.messages import JobDetails
from desktop.infra.i18n_marks import QT_TRANSLATE_NOOP
from desktop.infra.redact import redact_url_credentials
from desktop.infra.settings import Settings
from desktop.infra.window_state import WindowState
from desktop.session import events as ev
from desktop.session.states import LinkState
from desktop.ui.about import HelpActions
from desktop.ui.i18n import translate, translate_shown
from desktop.ui.main_window import MainWindow
from desktop.ui.region_picker import RegionActions
from desktop.ui.report_actions import ReportActions
from desktop.ui.status_clock import StatusClock, usage_text
from desktop.ui.widgets import plain_tooltip

log = logging.getLogger(__name__)

# 15 fps at most: enough for a preview, and half the conversions and repaints of 30 on the
# window's thread (bench/bench_startup.py's steady-state CPU). Only new frames are painted.
PREVIEW_INTERVAL_MS = 66
VIDEO_STATE_TEXT = {
    "paused": QT_TRANSLATE_NOOP("Controller", "Camera paused"),
    "off": QT_TRANSLATE_NOOP("Controller", "No video source"),
    "ended": QT_TRANSLATE_NOOP("Controller", "Video ended"),
    "opening": QT_TRANSLATE_NOOP("Controller", "Opening video source…"),
    "retrying": QT_TRANSLATE_NOOP("Controller", "Video source lost: retrying…"),
    "error": QT_TRANSLATE_NOOP("Controller", "Video source unavailable"),
    "idle": QT_TRANSLATE_NOOP("Controller", "Video not started"),
    "stopped": QT_TRANSLATE_NOOP("Controller", "Video stopped"),
}
# The connection states the session core words (desktop/session/core.py STATUS_TEXT; the core
# may not import the marker): marked here, translated when shown. The pseudo-locale test
# fails if one is missing.
CONNECTION_TEXTS = (
    QT_TRANSLATE_NOOP("Notices", "Not connected"),
    QT_TRANSLATE_NOOP("Notices", "Connecting…"),
    QT_TRANSLATE_NOOP("Notices", "Connected"),
    QT_TRANSLATE_NOOP("Notices", "Connected (rotating connection soon)"),
    QT_TRANSLATE_NOOP("Notices", "Reconnecting…"),
    QT_TRANSLATE_NOOP("Notices", "Session stopped"),
    QT_TRANSLATE_NOOP("Notices", "Session failed"),
    # The core's own notices with no value in them.
    QT_TRANSLATE_NOOP("Notices", "Start the session to send a message."),
    QT_TRANSLATE_NOOP("Notices", "Still reconnecting: older microphone audio was dropped."),
    QT_TRANSLATE_NOOP("Notices", "The session failed."),
    QT_TRANSLATE_NOOP("Notices", "The session was restored from the local transcript."),
)


class Controller(QObject):
    def __init__(
        self, window: MainWindow, driver: SessionDriver, layout: WindowState | None = None
    ) -> None:
        super().__init__()
        self.window = window
        self.driver = driver
        self._layout = layout or WindowState()  # loaded by the caller: constructors do no I/O
        self.save_on_close = True  # False for --smoke-test: an offscreen run saves no layout
        self._tasks = OwnedTasks(on_failure=self._task_failed)
        self._preview_seq = -1
        self.clock = StatusClock()  # session start, connection/session time left
        self.closed = asyncio.Event()
        self.pending_confirmation: QMessageBox | None = None

        window.start_button.clicked.connect(self._on_start_clicked)
        window.mute_button.toggled.connect(self._on_mute)
        window.camera_button.toggled.connect(self._on_camera)
        window.send_button.clicked.connect(self._on_send)
        window.text_box.returnPressed.connect(self._on_send)
        window.closing.connect(self._on_closing)
        window.snapshot_button.clicked.connect(self._on_snapshot)
        window.headset_button.setChecked(not driver.settings.echo_cancellation)
        window.headset_button.toggled.connect(driver.set_headset_mode)
        window.talk_button.pressed.connect(lambda: driver.talk(True))
        window.talk_button.released.connect(lambda: driver.talk(False))
        self._talk_key = TalkKeyFilter(driver.talk, window)
        self._show_talk_controls(driver.settings.push_to_talk)
        window.clear_masks_button.clicked.connect(driver.clear_masks)
        window.preview.mask_drawn.connect(self._on_mask)
        self._source_text = ""  # the source as given (it may carry a stream's password)
        self._show_source(driver.settings.video_source)
        source_edit = window.source_box.lineEdit()
        if source_edit is not None:
            source_edit.returnPressed.connect(self._on_source)
        window.source_box.activated.connect(self._on_source)

        self._preview_timer = QTimer(self)
        self._preview_timer.setInterval(PREVIEW_INTERVAL_MS)
        self._preview_timer.timeout.connect(self._refresh_preview)
        self._preview_timer.start()
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(1000)
        self._status_timer.timeout.connect(self._refresh_status)
        self._status_timer.start()

        window.settings_action.triggered.connect(self.open_settings)
        window.quit_action.triggered.connect(window.close)
        window.open_logs_action.triggered.connect(self._open_log_folder)
        window.inspector_action.toggled.connect(window.inspector.setVisible)
        driver.on_wire = self._on_wire
        self.help, self.regions = self._help_and_region_actions()
        self.reports = self._report_actions()
        self._restore_geometry()
        QTimer.singleShot(0, self._start_filling_sources)

        if driver.backend == "simulator" and not driver.key_pending:  # else once it answers
            self.show_banner(SIMULATOR_BANNER, topic="simulator")

    # -- user actions -----------------------------------------------------------------------

    def start_session(self) -> asyncio.Task[Any]:
        self.window.start_button.setText(translate("MainWindow", "Stop session"))
        self.clock.start_session(time.monotonic())
        return self._spawn(self.driver.start(), "start")

    def stop_session(self) -> asyncio.Task[Any]:
        self.window.start_button.setText(translate("MainWindow", "Start session"))
        task = self._spawn(self.driver.stop(), "stop")
        task.add_done_callback(lambda done: None if done.cancelled() else self.reports.offer())
        return task

    def _report_actions(self) -> ReportActions:
        """The session record's actions: History… and the job report (issue 16: the job
        fields, Report… and Ctrl+R, the offer when a session stops)."""
        self.window.history_action.triggered.connect(self.open_history)
        return ReportActions(self.window, self.driver, self._spawn_report, self.show_banner)

    def _spawn_report(self, work: Coroutine[Any, Any, None]) -> None:
        self._spawn(work, "job-report")

    def _on_start_clicked(self) -> None:
        if self.driver.running:
            self.stop_session()
        else:
            self.start_session()

    def _on_mute(self, muted: bool) -> None:
        self.window.mute_button.setText(
            translate("MainWindow", "Unmute") if muted else translate("MainWindow", "Mute")
        )
        self.driver.set_muted(muted)

    def _on_camera(self, on: bool) -> None:
        self.window.camera_button.setText(
            translate("MainWindow", "Pause camera")
            if on
            else translate("MainWindow", "Resume camera")
        )
        self.driver.set_camera(on)

    def _on_send(self) -> None:
        text = self.window.text_box.text().strip()
        if not text:
            return
        if self.driver.link_state in (LinkState.DISCONNECTED, LinkState.CLOSED, LinkState.FAILED):
            self.show_banner(
                translate("Controller", "Start the session to send a message."), topic="hint"
            )
            return  # the text stays in the box: nothing the user typed is lost
        self.window.text_box.clear()
        self.driver.send_text(text)

    def _on_snapshot(self) -> None:
        self._spawn(self._snapshot(), "snapshot")

    async def _snapshot(self) -> None:
        await self.driver.take_snapshot()

    def _start_filling_sources(self) -> None:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return  # no loop (a widget test): the typed-in choices are enough
        self._spawn(self._fill_sources(), "list-sources")

    async def _fill_sources(self) -> None:
        choices = await asyncio.to_thread(self.driver.video_source_choices)
        box = self.window.source_box
        current = box.currentText()
        known = {box.itemText(i) for i in range(box.count())}
        box.addItems([c for c in choices if c not in known])
        box.setCurrentText(current)

    def _show_talk_controls(self, push_to_talk: bool) -> None:
        """The talk button and F9 exist while push-to-talk is on (switched live)."""
        self.window.talk_button.setVisible(push_to_talk)
        self.window.removeEventFilter(self._talk_key)
        if push_to_talk:
            self.window.installEventFilter(self._talk_key)

    def _on_mask(self, rect: QRectF) -> None:
        self.driver.add_mask(rect.x(), rect.y(), rect.width(), rect.height())
        self._preview_seq = -1  # redraw with the mask at once

    def _help_and_region_actions(self) -> tuple[HelpActions, RegionActions]:
        help_actions = HelpActions(
            self.window, lambda: self.driver.settings, self._spawn, self.show_banner
        )
        return help_actions, RegionActions(self.window, self.use_source, self._spawn)

    def use_source(self, source: str) -> None:
        """Switch the video source (the region picker's choice, for one)."""
        self._preview_seq = -1
        self._show_source(source)
        self.driver.switch_source(source)

    def _on_source(self, *_: object) -> None:
        self._preview_seq = -1
        shown = self.window.source_box.currentText().strip() or "none"
        # The box shows a stream URL with its password masked: picking that text means the
        # source as given, anything else is what the user typed.
        same = shown == redact_url_credentials(self._source_text)
        source = self._source_text if same else shown
        self._show_source(source)
        self.driver.switch_source(source)

    def _show_source(self, source: str) -> None:
        """Keep the real source; the box shows it without the credentials a URL carries."""
        self._source_text = source
        self.window.source_box.setCurrentText(redact_url_credentials(source))

    def _refresh_status(self) -> None:
        if self.clock.session_started is None or not self.driver.running:
            self.window.session_time_label.setText("")
            self.window.video_fps_label.setText("")
            self.window.time_left_label.setText("")
            return
        self.window.speaking.set_speaking(model=self.driver.model_speaking)
        now = time.monotonic()
        elapsed = int(now - self.clock.session_started)
        self.window.session_time_label.setText(f"{elapsed // 60:d}:{elapsed % 60:02d}")
        fps = self.driver.effective_video_fps()
        self.window.video_fps_label.setText(
            translate("Controller", "video {fps} fps").format(fps=QLocale().toString(fps, "f", 1))
        )
        compression = self.driver.settings.compression
        text, tip = self.clock.text(now, compression=compression, video=fps > 0)
        self.window.time_left_label.setText(text)
        self.window.time_left_label.setToolTip(plain_tooltip(tip) if tip else "")

    def open_settings(self) -> None:
        from desktop.app import test_connection
        from desktop.infra.credentials import find_api_key
        from desktop.ui.settings_dialog import SettingsDialog

        previous_key = self.driver.api_key
        dialog = SettingsDialog(
            self.driver.settings,
            self.window,
            devices=list_audio_devices,  # called by the dialog on a worker thread
            test_connection=test_connection,
            current_api_key=previous_key,
            find_key=find_api_key,  # the keyring may prompt: read on the dialog's worker thread
        )

        def accepted() -> None:
            from desktop.infra.settings import save_settings

            new = dialog.result_settings()
            try:
                save_settings(new)
            except OSError as exc:
                self.show_banner(
                    translate("Controller", "Settings not saved: {reason}").format(reason=exc),
                    error=True,
                    topic="settings",
                )
            self.apply_settings(new, dialog.key_to_use(previous_key))

        dialog.accepted.connect(accepted)
        dialog.open()
        self._dialog: QDialog | None = dialog  # held, or Python would collect it

    def apply_settings(self, new: Settings, api_key: str | None) -> None:
        """Settings the user accepted: the session applies what it can at once (the window's
        talk button and F9 with it); the banner names what waits."""
        waiting = self.driver.apply_settings(new, api_key)
        self._show_source(new.video_source)
        self._show_talk_controls(new.push_to_talk)
        self.window.headset_button.setChecked(not new.echo_cancellation)
        if waiting:
            self.show_banner(
                translate("Controller", "Settings saved. {waiting}").format(waiting=waiting),
                topic="settings",
            )
        else:
            self.window.banner.withdraw("settings")

    def open_history(self) -> None:
        from desktop.ui.history_view import HistoryDialog

        writer = self.driver.history
        if writer is None:
            self.show_banner(
                translate("Controller", "The history is not available (see the log)."),
                error=True,
                topic="history",
            )
            return
        # The window reads through its own read-only connection off the Qt thread (it opens
        # while another program holds the database) and deletes through the writer's queue;
        # the session being recorded is never deleted.
        dialog = HistoryDialog(
            writer,
            self.window,
            current_session=writer.recording_session,
            make_report=self.reports.make,
        )
        dialog.open()
        self._dialog = dialog

    async def confirm_tool(self, name: str, args: Mapping[str, Any]) -> str:
        """Ask before a tool changes something outside the app: "deny", "once" or "session"."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("Controller", "Allow this action?"))
        # The name and the arguments come from the model: shown literally, never as HTML.
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            translate(
                "Controller",
                "The assistant wants to run “{tool}”, which changes something outside this app.",
            ).format(tool=name)
        )
        box.setInformativeText(json.dumps(dict(args), indent=1, ensure_ascii=False)[:800])
        once = box.addButton(
            translate("Controller", "Allow once"), QMessageBox.ButtonRole.AcceptRole
        )
        session = box.addButton(
            translate("Controller", "Allow for this session"), QMessageBox.ButtonRole.AcceptRole
        )
        deny = box.addButton(
            translate("Controller", "Don't allow"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(deny)
        answered: asyncio.Future[str] = asyncio.get_running_loop().create_future()

        def finished() -> None:
            clicked = box.clickedButton()
            answer = "once" if clicked is once else "session" if clicked is session else "deny"
            if not answered.done():
                answered.set_result(answer)

        box.finished.connect(finished)
        self.pending_confirmation = box
        box.open()
        try:
            return await answered
        finally:
            self.pending_confirmation = None
            box.deleteLater()

    def _open_log_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from desktop.infra.paths import log_dir

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir())))

    def _on_wire(self, direction: str, kind: str, size: int, summary: str) -> None:
        # Recorded while hidden too (the model is bounded), so opening the inspector after a
        # problem, or saving diagnostics, shows what led to it.
        self.window.inspector.record(direction, kind, size, summary, time.time())

    def _restore_geometry(self) -> None:
        layout = self._layout
        self.window.inspector_action.setChecked(layout.inspector_visible)
        self.window.inspector.setVisible(layout.inspector_visible)
        if layout.geometry:
            self.window.restoreGeometry(QByteArray.fromBase64(layout.geometry.encode()))
        if layout.state:
            self.window.restoreState(QByteArray.fromBase64(layout.state.encode()))
        if layout.splitter:
            self.window.splitter.restoreState(QByteArray.fromBase64(layout.splitter.encode()))

    def _save_on_close(self) -> None:
        """The layout goes to its own file; settings.toml gets only what the user changed in
        this run (usually nothing), so a window that never touched IT's file never writes it."""
        from desktop.infra.settings import save_settings
        from desktop.infra.window_state import save_window_state

        def b64(blob: QByteArray) -> str:
            return bytes(blob.toBase64().data()).decode()

        layout = WindowState(
            geometry=b64(self.window.saveGeometry()),
            state=b64(self.window.saveState()),
            splitter=b64(self.window.splitter.saveState()),
            inspector_visible=self.window.inspector_action.isChecked(),
        )
        try:
            save_window_state(layout)
        except OSError as exc:
            log.warning("Window layout not saved: %s", exc)
        try:
            save_settings(self.driver.settings)
        except OSError as exc:
            log.warning("Settings not saved: %s", exc)

    def _on_closing(self) -> None:
        if self.save_on_close:
            self._save_on_close()
        self._preview_timer.stop()
        self._status_timer.stop()
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            # Closed before the loop ran (start-up failure, a widget test): nothing was started.
            self.closed.set()
            return
        self._spawn(self.shutdown(), "shutdown")

    async def shutdown(self) -> None:
        await self.driver.aclose()
        await self._tasks.cancel_all()
        self.closed.set()

    # -- session events ---------------------------------------------------------------------

    def on_ui_event(self, event: AppEvent) -> None:
        match event:
            case ev.TranscriptChanged():
                self._show_turn(event)
            case ev.LinkStatusChanged(state=state, detail=detail):
                if state == LinkState.OPEN.value:  # a new connection: no goAway pending
                    self.clock.on_connection_opened()
                    self._refresh_status()
                shown = translate_shown("Notices", detail or state)
                self.window.connection_label.setText(shown)
                self.window.connection_label.setToolTip(plain_tooltip(shown))
                if state in (LinkState.FAILED.value, LinkState.CLOSED.value):
                    self.window.start_button.setText(translate("MainWindow", "Start session"))
                    self._reset_meters()
            case ev.Notice(text=text, level=level):
                log.log(
                    logging.WARNING if level != ev.NoticeLevel.INFO else logging.INFO,
                    "Notice: %s",
                    text,
                )
                if level is not ev.NoticeLevel.INFO or text == SIMULATOR_BANNER:
                    topic = "simulator" if text == SIMULATOR_BANNER else ""
                    self.show_banner(text, error=level is ev.NoticeLevel.ERROR, topic=topic)
            case ev.UsageChanged():
                self.clock.on_usage(event, time.monotonic())
                text, tip = usage_text(event)
                self.window.usage_label.setText(text)
                self.window.usage_label.setToolTip(plain_tooltip(tip))
                self._refresh_status()
            case Speaking(speaking=speaking):
                self.window.speaking.set_speaking(user=speaking)
            case AudioLevels():
                self.window.mic_meter.set_level(_dbfs(event.input_rms), _dbfs(event.input_peak))
                self.window.speaker_meter.set_level(
                    _dbfs(event.output_rms), _dbfs(event.output_peak)
                )
            case VideoStatus(state=state, message=message):
                if state != "running":
                    text = translate("Controller", VIDEO_STATE_TEXT.get(state, state))
                    detail = f"\n{message}" if message and message != text else ""
                    self.window.preview.setPixmap(QPixmap())
                    self.window.preview.setText(text + detail)
            case HistoryNotice() | JobDetails():
                self._show_record(event)

    def _show_record(self, event: HistoryNotice | JobDetails) -> None:
        """What the session's record says: the job it is for, the history's state."""
        if isinstance(event, JobDetails):
            self.reports.show_job(event)
            return
        # Unavailable, damaged, memory full, saved again: each replaces the last, so the
        # banner never says "unavailable" after the history is saved again.
        topic = "history-journal" if event.state == "journal" else "history"
        self.show_banner(event.text, error=event.state == "damaged", topic=topic)

    def _reset_meters(self) -> None:
        """Nothing flows once the session ends: no meter may stay frozen at its last level."""
        for meter in (self.window.mic_meter, self.window.speaker_meter):
            meter.set_level(_dbfs(0.0), _dbfs(0.0))
        self.window.speaking.set_speaking(user=False, model=False)
        self._refresh_status()

    def show_banner(self, text: str, *, error: bool = False, topic: str = "") -> None:
        """A notice in the window; one of the same `topic` replaces it, others stay beside it."""
        # Text worded outside the window is marked (desktop/infra/i18n_marks.py) under
        # "Notices"; anything else (server and tool messages) is shown as it is.
        self.window.banner.post(translate_shown("Notices", text), topic=topic, error=error)

    def _show_turn(self, change: ev.TranscriptChanged) -> None:
        if not change.text and self.window.transcript.transcript.row_of_turn(change.index) is None:
            return  # a reserved place for words not heard yet
        self.window.transcript.transcript.apply(change)

    # -- preview ----------------------------------------------------------------------------

    def _refresh_preview(self) -> None:
        if self.driver.video_status.state in ("paused", "off"):
            return
        label = self.window.preview
        fresh = self.driver.preview_frame(self._preview_seq, label.width(), label.height())
        if fresh is None:
            return
        self._preview_seq, rgb = fresh
        label.setPixmap(QPixmap.fromImage(rgb_to_qimage(rgb)))

    # -- tasks ------------------------------------------------------------------------------

    def _spawn(self, coro: Coroutine[Any, Any, None], name: str) -> asyncio.Task[Any]:
        return self._tasks.spawn(coro, name)

    def _task_failed(self, task: asyncio.Task[Any]) -> None:
        self.show_banner(
            translate("Controller", "Could not {action} the session; see the log.").format(
                action=task.get_name()
            ),
            error=True,
        )


class TalkKeyFilter(QObject):
    """F9 held down is push-to-talk (key repeats ignored), wherever focus is in the window."""

    def __init__(self, talk: Callable[[bool], None], parent: QObject) -> None:
        super().__init__(parent)
        self._talk = talk

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_F9 and not event.isAutoRepeat():
                self._talk(event.type() == QEvent.Type.KeyPress)
                return True
        return False


def _dbfs(level: float) -> float:
    """A 0..1 linear level in dB relative to full scale (silence floors at -120)."""
    return 20.0 * math.log10(max(level, 1e-6))


def rgb_to_qimage(rgb: np.ndarray[Any, Any]) -> QImage:
    """A QImage that owns a copy of the pixels (the numpy array may go away)."""
    height, width = rgb.shape[:2]
    return QImage(rgb.data, width, height, rgb.strides[0], QImage.Format.Format_RGB888).copy()
