"""The main window: layout only. The controller wires it to the session."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)


class PreviewPane(QLabel):
    """The camera picture, or a plain sentence saying why there is none."""

    def __init__(self) -> None:
        super().__init__("Camera off")
        self.setObjectName("preview")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setStyleSheet("QLabel#preview { background: #111; color: #ddd; font-size: 15px; }")
        self.setAccessibleName("Camera preview")


class MainWindow(QMainWindow):
    closing = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("FieldAssist")
        self.resize(1100, 680)

        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel#banner { background: #fff4ce; color: #3b2f00; padding: 6px 10px; }"
        )
        self.banner.hide()

        self.preview = PreviewPane()
        self.transcript = QListWidget()
        self.transcript.setObjectName("transcript")
        self.transcript.setWordWrap(True)
        self.transcript.setAccessibleName("Transcript")
        self.transcript.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.transcript.setStyleSheet("QListWidget#transcript::item { padding: 4px 2px; }")

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.preview)
        self.splitter.addWidget(self.transcript)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        self._build_controls()
        self._build_layout()
        self._build_status_bar()

    def _build_controls(self) -> None:
        self.start_button = _button("Start session", "Connect and start talking (Ctrl+Return)")
        self.start_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.mute_button = _button("Mute", "Stop sending the microphone (Ctrl+M)", checkable=True)
        self.mute_button.setShortcut(QKeySequence("Ctrl+M"))
        self.camera_button = _button(
            "Camera on", "Pause or resume the camera (Ctrl+K)", checkable=True
        )
        self.camera_button.setChecked(True)
        self.camera_button.setShortcut(QKeySequence("Ctrl+K"))

        self.text_box = QLineEdit()
        self.text_box.setPlaceholderText("Type to the assistant and press Enter…")
        self.text_box.setAccessibleName("Message to the assistant")
        self.send_button = _button("Send", "Send the typed message (Enter)")

    def _build_layout(self) -> None:
        controls = QHBoxLayout()
        for widget in (self.start_button, self.mute_button, self.camera_button):
            controls.addWidget(widget)
        controls.addStretch(1)

        typing = QHBoxLayout()
        typing.addWidget(self.text_box, 1)
        typing.addWidget(self.send_button)

        body = QVBoxLayout()
        body.setContentsMargins(8, 8, 8, 4)
        body.addWidget(self.banner)
        body.addWidget(self.splitter, 1)
        body.addLayout(typing)
        body.addLayout(controls)
        central = QWidget()
        central.setLayout(body)
        self.setCentralWidget(central)

    def _build_status_bar(self) -> None:

        self.connection_label = QLabel("Not connected")
        self.connection_label.setObjectName("connection")
        self.connection_label.setAccessibleName("Connection state")
        self.usage_label = QLabel("")
        status = QStatusBar()
        status.addWidget(self.connection_label, 1)
        status.addPermanentWidget(self.usage_label)
        self.setStatusBar(status)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)


def _button(text: str, tip: str, *, checkable: bool = False) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tip)
    button.setAccessibleName(text)
    button.setCheckable(checkable)
    return button
