"""The main window: layout only. The controller wires it to the session."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QShortcut,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from desktop.infra.i18n_marks import QT_TRANSLATE_NOOP
from desktop.ui.i18n import translate
from desktop.ui.inspector import InspectorPanel
from desktop.ui.widgets import (
    LevelMeter,
    NoticeBoard,
    SpeakingIndicator,
    TranscriptTextView,
    make_plain,
)


class PreviewPane(QLabel):
    """The camera picture, or a plain sentence saying why there is none.

    Dragging a rectangle over the picture asks for that region to be blacked out
    (privacy mask), in coordinates normalised to the picture.
    """

    mask_drawn = Signal(QRectF)

    def __init__(self) -> None:
        super().__init__(translate("MainWindow", "Camera off"))
        self.setObjectName("preview")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setStyleSheet("QLabel#preview { background: #111; color: #ddd; font-size: 15px; }")
        self.setAccessibleName(translate("MainWindow", "Camera preview"))
        self.setToolTip(
            translate("MainWindow", "Drag over the picture to black out a region before it is sent")
        )
        self._drag_from: QPoint | None = None
        self._drag_to: QPoint | None = None

    def picture_rect(self) -> QRect:
        """Where the pixmap is drawn inside the label (it is centred)."""
        pixmap = self.pixmap()
        if pixmap is None or pixmap.isNull():
            return QRect()
        rect = QRect(QPoint(0, 0), pixmap.size())
        rect.moveCenter(self.rect().center())
        return rect

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and not self.picture_rect().isNull():
            self._drag_from = self._drag_to = event.position().toPoint()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None:
            self._drag_to = event.position().toPoint()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is None:
            return
        picture = self.picture_rect()
        dragged = QRect(self._drag_from, event.position().toPoint()).normalized() & picture
        self._drag_from = self._drag_to = None
        self.update()
        if dragged.width() < 4 or dragged.height() < 4:
            return
        self.mask_drawn.emit(
            QRectF(
                (dragged.x() - picture.x()) / picture.width(),
                (dragged.y() - picture.y()) / picture.height(),
                dragged.width() / picture.width(),
                dragged.height() / picture.height(),
            )
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._drag_from is not None and self._drag_to is not None:
            painter = QPainter(self)
            painter.setPen(QPen(Qt.GlobalColor.yellow, 2, Qt.PenStyle.DashLine))
            painter.drawRect(QRect(self._drag_from, self._drag_to).normalized())


# The job fields above the picture: (meta key, label, placeholder).
JOB_FIELD_LABELS = (
    (
        "job_id",
        QT_TRANSLATE_NOOP("MainWindow", "Job / ticket"),
        QT_TRANSLATE_NOOP("MainWindow", "e.g. WO-4711"),
    ),
    ("site", QT_TRANSLATE_NOOP("MainWindow", "Site"), QT_TRANSLATE_NOOP("MainWindow", "where")),
    (
        "equipment",
        QT_TRANSLATE_NOOP("MainWindow", "Equipment"),
        QT_TRANSLATE_NOOP("MainWindow", "what is worked on"),
    ),
)


class MainWindow(QMainWindow):
    closing = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("FieldAssist")
        self.resize(1100, 680)

        self.banner = NoticeBoard()  # one row per notice: none hides another

        self.preview = PreviewPane()
        self.transcript = TranscriptTextView()
        self.transcript.setObjectName("transcript")

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.preview)
        self.splitter.addWidget(self.transcript)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.inspector = InspectorPanel()
        self.vertical_splitter = QSplitter(Qt.Orientation.Vertical)
        self.vertical_splitter.addWidget(self.splitter)
        self.vertical_splitter.addWidget(self.inspector)
        self.vertical_splitter.setStretchFactor(0, 4)
        self.vertical_splitter.setStretchFactor(1, 1)

        self._build_controls()
        self._build_layout()
        self._build_status_bar()
        self._build_menus()
        self._build_shortcuts()
        # Banner, status and preview texts quote the server, tools and video errors: literal.
        make_plain(self)
        self.text_box.setFocus()  # typing goes to the assistant without a click

    def _build_controls(self) -> None:
        self.start_button = _button(
            translate("MainWindow", "Start session"),
            translate("MainWindow", "Connect and start talking (Ctrl+Return)"),
        )
        self.mute_button = _button(
            translate("MainWindow", "Mute"),
            translate("MainWindow", "Stop sending the microphone (Ctrl+M)"),
            checkable=True,
        )
        self.camera_button = _button(
            translate("MainWindow", "Pause camera"),
            translate("MainWindow", "Pause or resume the camera (Ctrl+K)"),
            checkable=True,
        )
        self.camera_button.setChecked(True)
        self.headset_button = _button(
            translate("MainWindow", "Headset mode"),
            translate(
                "MainWindow",
                "On: no echo cancellation (you wear a headset). Off: speaker mode for the "
                "laptop's own speakers (Ctrl+E)",
            ),
            checkable=True,
        )
        self.talk_button = _button(
            translate("MainWindow", "Hold to talk"),
            translate("MainWindow", "Hold to speak (or hold F9); release to finish"),
        )
        self.talk_button.setVisible(False)
        self.snapshot_button = _button(
            translate("MainWindow", "Snapshot"),
            translate("MainWindow", "Send the current picture at full resolution and save it (F8)"),
        )
        self.clear_masks_button = _button(
            translate("MainWindow", "Clear masks"),
            translate("MainWindow", "Remove the blacked-out regions"),
        )
        self.source_box = QComboBox()
        self.source_box.setEditable(True)
        # What is typed is switched to, not added to the list (a stream URL may carry a password).
        self.source_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.source_box.addItems(["0", "screen", "none"])
        self.source_box.setToolTip(
            translate(
                "MainWindow",
                "Video source: camera index, camera:NAME, a file, an rtsp:// or http:// URL, "
                "screen, screen:N or none (Enter to switch)",
            )
        )
        self.source_box.setAccessibleName(translate("MainWindow", "Video source"))
        self.source_box.setMinimumWidth(180)  # 1024 px wide screens, longer languages

        # The job (issue 16): heads the report and names its file; the model fills it in
        # too when the technician says it (the set_job_details tool).
        self.job_fields: dict[str, QLineEdit] = {}
        for key, source_label, hint in JOB_FIELD_LABELS:
            field = QLineEdit()
            label = translate("MainWindow", source_label)
            field.setPlaceholderText(translate("MainWindow", hint))
            field.setAccessibleName(label)
            field.setToolTip(
                translate("MainWindow", "{label}: in the job report's header").format(label=label)
            )
            self.job_fields[key] = field
        self.report_button = _button(
            translate("MainWindow", "Report…"),
            translate("MainWindow", "Write the job report of the last session (Ctrl+R)"),
        )

        self.text_box = QLineEdit()
        self.text_box.setPlaceholderText(
            translate("MainWindow", "Type to the assistant and press Enter…")
        )
        self.text_box.setAccessibleName(translate("MainWindow", "Message to the assistant"))
        self.send_button = _button(
            translate("MainWindow", "Send"),
            translate("MainWindow", "Send the typed message (Enter)"),
        )

    def _build_layout(self) -> None:
        controls = QHBoxLayout()
        left: list[QWidget] = [
            self.start_button,
            self.mute_button,
            self.talk_button,
            self.camera_button,
            self.headset_button,
        ]
        right: list[QWidget] = [
            QLabel(translate("MainWindow", "Source:")),
            self.source_box,
            self.snapshot_button,
            self.clear_masks_button,
        ]
        for widget in left:
            controls.addWidget(widget)
        controls.addStretch(1)
        for widget in right:
            controls.addWidget(widget)

        typing = QHBoxLayout()
        typing.addWidget(self.text_box, 1)
        typing.addWidget(self.send_button)

        job = QHBoxLayout()
        for key, label, _hint in JOB_FIELD_LABELS:
            job.addWidget(
                QLabel(
                    translate("MainWindow", "{label}:").format(label=translate("MainWindow", label))
                )
            )
            job.addWidget(self.job_fields[key], 1)
        job.addWidget(self.report_button)

        body = QVBoxLayout()
        body.setContentsMargins(8, 8, 8, 4)
        body.addLayout(job)
        body.addWidget(self.banner)
        body.addWidget(self.vertical_splitter, 1)
        body.addLayout(typing)
        body.addLayout(controls)
        central = QWidget()
        central.setLayout(body)
        self.setCentralWidget(central)

    def _build_status_bar(self) -> None:

        self.connection_label = QLabel(translate("MainWindow", "Not connected"))
        self.connection_label.setObjectName("connection")
        self.connection_label.setAccessibleName(translate("MainWindow", "Connection state"))
        # A long reconnect reason must not widen the window past the screen: the label takes
        # the room there is and the whole text is in its tooltip.
        self.connection_label.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        )
        self.usage_label = QLabel("")
        self.video_fps_label = QLabel("")
        self.video_fps_label.setAccessibleName(
            translate("MainWindow", "Video frames sent per second")
        )
        self.session_time_label = QLabel("")
        self.time_left_label = QLabel("")  # connection (goAway) and session limit countdowns
        self.time_left_label.setAccessibleName(translate("MainWindow", "Time left"))
        self.speaking = SpeakingIndicator()
        self.mic_meter = LevelMeter(translate("MainWindow", "Microphone"))
        self.speaker_meter = LevelMeter(translate("MainWindow", "Speaker"))
        status = QStatusBar()
        status.addWidget(self.connection_label, 1)
        status.addPermanentWidget(self.speaking)
        status.addPermanentWidget(self.mic_meter)
        status.addPermanentWidget(self.speaker_meter)
        status.addPermanentWidget(self.session_time_label)
        status.addPermanentWidget(self.time_left_label)
        status.addPermanentWidget(self.video_fps_label)
        status.addPermanentWidget(self.usage_label)
        self.setStatusBar(status)

    def _build_shortcuts(self) -> None:
        # Window-wide shortcuts, not the buttons' own: QPushButton.setText() replaces a
        # button's shortcut with its text's mnemonic, so "Stop session" lost Ctrl+Return.
        for keys, button in (
            ("Ctrl+Return", self.start_button),
            ("Ctrl+M", self.mute_button),
            ("Ctrl+K", self.camera_button),
            ("Ctrl+E", self.headset_button),
            ("F8", self.snapshot_button),
            ("Ctrl+R", self.report_button),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(button.click)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        session = bar.addMenu(translate("MainWindow", "&Session"))
        self.history_action = _action(
            self,
            translate("MainWindow", "&History…"),
            "Ctrl+H",
            translate("MainWindow", "Past sessions and exports"),
        )
        self.report_action = _action(
            self,
            translate("MainWindow", "Job &report…"),
            "",
            translate("MainWindow", "The last session's job report"),
        )
        self.report_action.triggered.connect(self.report_button.click)
        self.settings_action = _action(
            self,
            translate("MainWindow", "&Settings…"),
            "Ctrl+,",
            translate("MainWindow", "Connection, audio, video"),
        )
        self.quit_action = _action(
            self,
            translate("MainWindow", "&Quit"),
            "Ctrl+Q",
            translate("MainWindow", "Stop the session and close"),
        )
        for action in (self.history_action, self.report_action, self.settings_action):
            session.addAction(action)
        session.addSeparator()
        session.addAction(self.quit_action)
        view = bar.addMenu(translate("MainWindow", "&View"))
        self.inspector_action = _action(
            self,
            translate("MainWindow", "&Inspector"),
            "Ctrl+Shift+I",
            translate("MainWindow", "Messages to and from the service"),
        )
        self.inspector_action.setCheckable(True)
        view.addAction(self.inspector_action)
        self.region_action = _action(
            self,
            translate("MainWindow", "Share a screen &region…"),
            "",
            translate("MainWindow", "Drag a rectangle over the desktop to share it"),
        )
        view.addAction(self.region_action)
        help_menu = bar.addMenu(translate("MainWindow", "&Help"))
        self.open_logs_action = _action(
            self,
            translate("MainWindow", "Open &log folder"),
            "",
            translate("MainWindow", "Where the logs are kept"),
        )
        help_menu.addAction(self.open_logs_action)
        self.diagnostics_action = _action(
            self,
            translate("MainWindow", "Save &diagnostics…"),
            "",
            translate("MainWindow", "A zip for IT support, with no keys or passwords"),
        )
        help_menu.addAction(self.diagnostics_action)
        help_menu.addSeparator()
        self.about_action = _action(
            self,
            translate("MainWindow", "&About FieldAssist"),
            "",
            translate("MainWindow", "Version, licences, logs"),
        )
        help_menu.addAction(self.about_action)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)


def _action(parent: QWidget, text: str, shortcut: str, tip: str) -> QAction:
    action = QAction(text, parent)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.setStatusTip(tip)
    action.setToolTip(tip)
    return action


def _button(text: str, tip: str, *, checkable: bool = False) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tip)
    button.setAccessibleName(text)
    button.setCheckable(checkable)
    return button
