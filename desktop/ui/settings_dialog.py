"""The settings dialog: four tabs over one Settings value, validated as the user types.

The logic that needs no widgets (what is valid, which message to show) is the module-level
function `validate_settings`; the dialog only maps widgets to a Settings value and shows the
messages next to their fields. The API key never enters Settings: it goes to the OS keyring
through an injected `store_key` (infra.credentials.store_api_key by default) when the user
presses OK.

The keyring may prompt or hang, so with an event loop running (the app) every keyring call
(save on OK, "Forget", and the read when `find_key` is given) runs on a worker thread with a
time limit, and the dialog says what it is waiting for; without a loop (a plain modal use)
they are made directly.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.infra.credentials import (
    CredentialError,
    api_key_from_env,
    delete_api_key,
    keyring_call,
    redact,
    store_api_key,
)
from desktop.infra.redact import register_secret
from desktop.infra.settings import (
    DEFAULT_SYSTEM_INSTRUCTION,
    SPECS,
    Settings,
    advice_for,
    check_value,
)
from desktop.infra.settings import label as setting_label
from desktop.ui.widgets import make_plain

# (input device names, output device names), as desktop.audio.devices.list_devices returns.
DeviceLists = tuple[Sequence[str], Sequence[str]]
DeviceSource = DeviceLists | Callable[[], DeviceLists]
# test_connection(settings, api_key) -> the message to show, exactly as returned.
ConnectionTest = Callable[[Settings, str | None], Awaitable[str]]
# A video source text -> an error message, or None when it can be used.
SourceCheck = Callable[[str], str | None]

# How each of the settings table's backend choices reads in the combo box.
BACKEND_TEXTS = {
    "auto": "Automatic: Gemini API when a key is available, else the simulator",
    "gemini": "Gemini API (API key)",
    "vertex": "Vertex AI (project, location, Application Default Credentials)",
    "simulator": "Offline simulator",
}
# Prebuilt voices of the Live native-audio models; the field stays editable for new ones.
VOICES = ("Puck", "Charon", "Kore", "Fenrir", "Aoede", "Leda", "Orus", "Zephyr")
LANGUAGES = ("en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "it-IT", "nl-NL", "pl-PL", "pt-BR")
VIDEO_SOURCE_EXAMPLES = ("0", "camera:1", "screen", "screen:1", "none")
VIDEO_SOURCE_HELP = (
    "Examples: 0 (first camera), camera:1, screen, screen:0,0,1280,720, "
    "rtsp://camera.local/stream, /path/to/video.mp4, none"
)
LOOKING_FOR_KEY = "Looking in the system keyring…"
SPEAKER_MODE = "Speaker mode (echo cancellation on)"
HEADSET_MODE = "Headset mode (echo cancellation off)"

# Text fields checked by the settings table (a rule or the dialog's advice), and where a
# problem is shown; video_source and ca_file have checks of their own below.
TABLE_CHECKED = ("project", "location", "model", "endpoint", "language")


def _is_file(path: str) -> bool:
    return Path(path).expanduser().is_file()


def check_video_source(text: str) -> str | None:
    """The video package's own parser decides (through the app); a file must also exist."""
    from desktop.app import check_video_source as check  # late: OpenCV loads with it

    return check(text)


def validate_settings(
    settings: Settings,
    *,
    api_key_available: bool,
    typed_key: str = "",
    is_file: Callable[[str], bool] = _is_file,
    check_source: SourceCheck = check_video_source,
) -> dict[str, str]:
    """Field name -> message for every value that cannot be used. Empty means valid."""
    errors: dict[str, str] = {}
    if typed_key and any(c.isspace() for c in typed_key.strip()):
        errors["api_key"] = "An API key has no spaces in it; paste it again."
    elif settings.backend == "gemini" and not (api_key_available or typed_key.strip()):
        errors["api_key"] = "The Gemini API needs a key: enter one here or set GEMINI_API_KEY."
    for name in TABLE_CHECKED:
        value = getattr(settings, name)
        problem = check_value(name, value)[1] or advice_for(name, value)
        if problem:
            errors[name] = f"{setting_label(name)} must be {problem}."
    if settings.ca_file and not is_file(settings.ca_file):
        errors["ca_file"] = f"No file at {settings.ca_file}."
    source_error = check_source(settings.video_source)
    if source_error:
        errors["video_source"] = source_error
    return errors


# Which tab each validated field sits on, to mark tabs that hold an error.
FIELD_TABS = {
    "api_key": 0,
    "project": 0,
    "location": 0,
    "model": 0,
    "endpoint": 0,
    "ca_file": 0,
    "language": 1,
    "video_source": 3,
}
TAB_TITLES = ("Co&nnection", "Con&versation", "&Audio", "V&ideo")


class SettingsDialog(QDialog):
    """Edit a copy of `settings`; read the outcome with result_settings() after exec().

    current_api_key: the key the program runs with (used by "Test connection" when the user
    has not typed a new one); key_source: where it came from ("env:GEMINI_API_KEY",
    "keyring" or ""), so the dialog can say that the environment overrides the keyring.
    """

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        devices: DeviceSource | None = None,
        test_connection: ConnectionTest | None = None,
        current_api_key: str | None = None,
        key_source: str = "",
        store_key: Callable[[str], None] = store_api_key,
        delete_key: Callable[[], bool] = delete_api_key,
        find_key: Callable[[], tuple[str | None, str]] | None = None,
        is_file: Callable[[str], bool] = _is_file,
        check_source: SourceCheck = check_video_source,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setAccessibleName("Settings")
        self._settings = settings
        self._devices = devices
        self._test_connection = test_connection
        self._current_key = current_api_key
        self._key_source = key_source
        self._store_key = store_key
        self._delete_key = delete_key
        self._find_key = find_key  # (key, source), read on show when given
        self._keyring_task: asyncio.Task[bool] | None = None
        self._key_read = False
        self._is_file = is_file
        self._check_source = check_source
        self._test_task: asyncio.Task[str] | None = None
        self._testing = False
        self._devices_loaded = False
        self.key_stored = False  # True once OK has put a new key in the keyring
        self.key_deleted = False
        self._errors: dict[str, str] = {}
        self._error_labels: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}
        self._rows: dict[str, int] = {}  # field name -> its row in its tab's form
        self._device_task: asyncio.Task[None] | None = None

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Settings sections")
        self.tabs.addTab(self._connection_tab(), TAB_TITLES[0])
        self.tabs.addTab(self._conversation_tab(), TAB_TITLES[1])
        self.tabs.addTab(self._audio_tab(), TAB_TITLES[2])
        self.tabs.addTab(self._video_tab(), TAB_TITLES[3])

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setAccessibleName("Save settings")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(
            "Cancel without saving"
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Problems to fix")

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

        self._load(settings)
        self._connect_changes()
        self._on_backend_changed()
        if isinstance(devices, tuple):
            self._fill_devices(devices)  # a given list costs nothing; a callable waits for show
        make_plain(self)  # messages quote exceptions, the server and the keyring: literal

    # -- building -------------------------------------------------------------------------

    def _connection_tab(self) -> QWidget:
        page = QWidget()
        self.connection_form = form = QFormLayout(page)
        self.backend = QComboBox()
        for value in SPECS["backend"].choices:
            self.backend.addItem(BACKEND_TEXTS[value], value)
        self._row(form, "&Backend:", self.backend, "Backend")

        self.api_key = QLineEdit()
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.api_key.setAccessibleName("Gemini API key")
        self.api_key.setToolTip("Stored in the system keyring, never in the settings file")
        self.forget_key_button = QPushButton("&Remove stored key")
        self.forget_key_button.setAccessibleName("Remove the stored API key")
        self.forget_key_button.clicked.connect(self._forget_key)
        key_row = QHBoxLayout()
        key_row.addWidget(self.api_key, 1)
        key_row.addWidget(self.forget_key_button)
        self.key_note = QLabel()
        self.key_note.setWordWrap(True)
        self._row(form, "API &key:", self.api_key, "api_key", layout=key_row)
        self._rows["key_note"] = form.rowCount()
        form.addRow("", self.key_note)

        self.project = QLineEdit()
        self.project.setPlaceholderText("From GOOGLE_CLOUD_PROJECT or the ADC project")
        self._row(form, "&Project:", self.project, "project")
        self.location = QLineEdit()
        self.location.setPlaceholderText("From GOOGLE_CLOUD_LOCATION, e.g. us-central1")
        self._row(form, "&Location:", self.location, "location")
        self.model = QLineEdit()
        self._row(form, "&Model:", self.model, "model")
        self.endpoint = QLineEdit()
        self.endpoint.setPlaceholderText("Default Google endpoint; set for a corporate gateway")
        self._row(form, "&Endpoint:", self.endpoint, "endpoint")

        self.ca_file = QLineEdit()
        self.ca_file.setPlaceholderText("System certificates only")
        self.ca_browse = QPushButton("Bro&wse…")
        self.ca_browse.setAccessibleName("Choose a CA certificate file")
        self.ca_browse.clicked.connect(self._pick_ca_file)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.ca_browse)
        self._row(form, "&CA file:", self.ca_file, "ca_file", layout=ca_row)

        self._test_row(form)
        return page

    def _test_row(self, form: QFormLayout) -> None:
        self.test_button = QPushButton("&Test connection")
        self.test_button.setAccessibleName("Test connection")
        self.test_button.clicked.connect(self._on_test_clicked)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_result.setAccessibleName("Connection test result")
        form.addRow(self.test_button, self.test_result)
        self.test_button.setEnabled(self._test_connection is not None)
        if self._test_connection is None:
            self.test_button.setToolTip("Not available in this build")

    def _conversation_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.voice = _editable_combo(("", *VOICES), "The model's default voice")
        self._row(form, "V&oice:", self.voice, "Voice")
        self.language = _editable_combo(("", *LANGUAGES), "The model decides")
        self._row(form, "Response &language:", self.language, "language")
        self.system_instruction = QPlainTextEdit()
        # Tab moves focus out of the box: keyboard users must not get trapped in it.
        self.system_instruction.setTabChangesFocus(True)
        self._row(form, "&System instruction:", self.system_instruction, "System instruction")
        self.restore_instruction = QPushButton("&Restore default instruction")
        self.restore_instruction.setAccessibleName("Restore the default system instruction")
        self.restore_instruction.clicked.connect(
            lambda: self.system_instruction.setPlainText(DEFAULT_SYSTEM_INSTRUCTION)
        )
        form.addRow("", self.restore_instruction)
        return page

    def _audio_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.input_device = QComboBox()
        self._row(form, "&Microphone:", self.input_device, "Microphone")
        self.output_device = QComboBox()
        self._row(form, "S&peaker:", self.output_device, "Speaker")
        self.refresh_devices_button = QPushButton("Re&fresh devices")
        self.refresh_devices_button.setAccessibleName("Refresh the device lists")
        self.refresh_devices_button.setEnabled(callable(self._devices))
        self.refresh_devices_button.clicked.connect(self._on_refresh_devices)
        self.devices_note = QLabel()
        self.devices_note.setWordWrap(True)
        form.addRow(self.refresh_devices_button, self.devices_note)
        self.echo_mode = QComboBox()
        self.echo_mode.addItems([SPEAKER_MODE, HEADSET_MODE])
        self._row(form, "&Echo cancellation:", self.echo_mode, "Echo cancellation")
        self.instant_barge_in = QCheckBox(
            "Instant &barge-in: stop the reply on this computer once I have spoken for 0.25 s"
        )
        self.instant_barge_in.setAccessibleName("Instant barge-in")
        form.addRow("", self.instant_barge_in)
        self.push_to_talk = QCheckBox("P&ush-to-talk (send the microphone only while held)")
        self.push_to_talk.setAccessibleName("Push-to-talk")
        form.addRow("", self.push_to_talk)
        self.vad_sensitivity = QComboBox()
        for value in SPECS["vad_sensitivity"].choices:
            self.vad_sensitivity.addItem(value.capitalize(), value)
        self._row(form, "Speech &detection sensitivity:", self.vad_sensitivity, "VAD sensitivity")
        self.vad_silence_ms = QSpinBox()
        _set_range(self.vad_silence_ms, "vad_silence_ms")
        self.vad_silence_ms.setSingleStep(100)
        self.vad_silence_ms.setSuffix(" ms")
        self.vad_silence_ms.setSpecialValueText("Server default")
        self._row(form, "Silence &that ends a turn:", self.vad_silence_ms, "Silence duration")
        return page

    def _video_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.video_source = _editable_combo(VIDEO_SOURCE_EXAMPLES, "none")
        self.video_source.setToolTip(VIDEO_SOURCE_HELP)
        self._row(form, "&Source:", self.video_source, "video_source")
        help_label = QLabel(VIDEO_SOURCE_HELP)
        help_label.setWordWrap(True)
        form.addRow("", help_label)
        self.video_fps = QDoubleSpinBox()
        _set_range(self.video_fps, "video_fps")
        self.video_fps.setSingleStep(0.5)
        self.video_fps.setDecimals(1)
        self.video_fps.setSuffix(" fps")
        self._row(form, "&Frames per second:", self.video_fps, "Frames per second")
        self.video_long_side = QSpinBox()
        _set_range(self.video_long_side, "video_long_side")
        self.video_long_side.setSingleStep(32)
        self.video_long_side.setSuffix(" px")
        self._row(form, "&Longest side:", self.video_long_side, "Longest side of sent frames")
        self.jpeg_quality = QSpinBox()
        _set_range(self.jpeg_quality, "jpeg_quality")
        self.jpeg_quality.setSingleStep(5)
        self._row(form, "&JPEG quality:", self.jpeg_quality, "JPEG quality")
        return page

    def _row(
        self,
        form: QFormLayout,
        text: str,
        field: QWidget,
        name: str,
        *,
        layout: QHBoxLayout | None = None,
    ) -> None:
        """A labelled row with a buddy (Alt+mnemonic) and an error line for validated fields."""
        self._rows[name] = form.rowCount()
        label = QLabel(text)
        label.setBuddy(field)
        if not field.accessibleName():
            field.setAccessibleName(text.replace("&", "").rstrip(":"))
        if name not in FIELD_TABS:
            form.addRow(label, layout or field)
            return
        box = QVBoxLayout()
        box.setSpacing(2)
        if layout is not None:
            box.addLayout(layout)
        else:
            box.addWidget(field)
        error = QLabel()
        error.setWordWrap(True)
        error.setAccessibleName(f"{field.accessibleName()} problem")
        font = error.font()
        font.setBold(True)
        error.setFont(font)  # no fixed colour: the palette decides, bold and ⚠ carry it
        error.hide()
        box.addWidget(error)
        form.addRow(label, box)
        self._error_labels[name] = error
        self._fields[name] = field

    # -- Settings <-> widgets ------------------------------------------------------------

    def _load(self, s: Settings) -> None:
        self.backend.setCurrentIndex(max(0, self.backend.findData(s.backend)))
        self.project.setText(s.project)
        self.location.setText(s.location)
        self.model.setText(s.model)
        self.endpoint.setText(s.endpoint)
        self.ca_file.setText(s.ca_file)
        self.voice.setCurrentText(s.voice)
        self.language.setCurrentText(s.language)
        self.system_instruction.setPlainText(s.system_instruction)
        self.echo_mode.setCurrentIndex(0 if s.echo_cancellation else 1)
        self.instant_barge_in.setChecked(s.instant_barge_in)
        self.push_to_talk.setChecked(s.push_to_talk)
        self.vad_sensitivity.setCurrentIndex(
            max(0, self.vad_sensitivity.findData(s.vad_sensitivity))
        )
        self.vad_silence_ms.setValue(s.vad_silence_ms)
        self.video_source.setCurrentText(s.video_source)
        self.video_fps.setValue(s.video_fps)
        self.video_long_side.setValue(s.video_long_side)
        self.jpeg_quality.setValue(s.jpeg_quality)
        self._set_device_items(self.input_device, [], s.input_device)
        self._set_device_items(self.output_device, [], s.output_device)
        self._show_key_state()

    @property
    def current_api_key(self) -> str | None:
        """The key the program runs with, as the dialog knows it (see `key_known`)."""
        return None if self.key_deleted else self._current_key

    @property
    def key_known(self) -> bool:
        """False while `find_key` has not answered (or failed): keep the key you had."""
        return self._find_key is None or self._key_read

    def key_to_use(self, previous: str | None) -> str | None:
        """After OK: the key the program runs with, without touching the keyring here.

        The key just stored; after "Forget", only one from the environment; else the key the
        dialog read, or `previous` while that read has not answered.
        """
        if self.key_stored:
            return self.entered_api_key()
        if self.key_deleted:
            return api_key_from_env()
        return self.current_api_key if self.key_known else previous

    def _show_key_state(self) -> None:
        if self._key_source.startswith("env:"):
            var = self._key_source.removeprefix("env:")
            self.key_note.setText(f"{var} is set in the environment and overrides a stored key.")
        elif self._key_source == "keyring":
            self.key_note.setText("A key is stored in the system keyring.")
        else:
            self.key_note.setText("No key stored yet.")
        self.api_key.setPlaceholderText(
            "Type a new key to replace the stored one" if self._current_key else "Paste your key"
        )
        self.forget_key_button.setVisible(self._key_source == "keyring")

    def result_settings(self) -> Settings:
        """The input Settings with the dialog's values (dataclasses.replace; no API key)."""
        return dataclasses.replace(
            self._settings,
            backend=str(self.backend.currentData()),
            project=self.project.text().strip(),
            location=self.location.text().strip(),
            model=self.model.text().strip(),
            endpoint=self.endpoint.text().strip(),
            ca_file=self.ca_file.text().strip(),
            voice=self.voice.currentText().strip(),
            language=self.language.currentText().strip(),
            system_instruction=self.system_instruction.toPlainText().strip(),
            input_device=str(self.input_device.currentData() or ""),
            output_device=str(self.output_device.currentData() or ""),
            echo_cancellation=self.echo_mode.currentIndex() == 0,
            instant_barge_in=self.instant_barge_in.isChecked(),
            push_to_talk=self.push_to_talk.isChecked(),
            vad_sensitivity=str(self.vad_sensitivity.currentData()),
            vad_silence_ms=self.vad_silence_ms.value(),
            video_source=self.video_source.currentText().strip(),
            video_fps=round(self.video_fps.value(), 1),
            video_long_side=self.video_long_side.value(),
            jpeg_quality=self.jpeg_quality.value(),
        )

    def entered_api_key(self) -> str | None:
        """The key typed in this dialog (for this run, after OK stored it), or None."""
        return self.api_key.text().strip() or None

    # -- validation ------------------------------------------------------------------------

    def _connect_changes(self) -> None:
        for line in (
            self.api_key,
            self.project,
            self.location,
            self.model,
            self.endpoint,
            self.ca_file,
        ):
            line.textChanged.connect(self.revalidate)
        for combo in (self.language, self.video_source):
            combo.currentTextChanged.connect(self.revalidate)
        self.backend.currentIndexChanged.connect(self._on_backend_changed)

    def _on_backend_changed(self) -> None:
        backend = str(self.backend.currentData())
        form = self.connection_form
        form.setRowVisible(self._rows["api_key"], backend in ("auto", "gemini"))
        form.setRowVisible(self._rows["key_note"], backend in ("auto", "gemini"))
        form.setRowVisible(self._rows["project"], backend == "vertex")
        form.setRowVisible(self._rows["location"], backend == "vertex")
        # Showing a row shows all its widgets; the remove button has its own condition.
        self.forget_key_button.setVisible(self._key_source == "keyring" and not self.key_deleted)
        shown = "gemini" if backend == "auto" else backend
        default = Settings(model="").effective_model(shown)
        self.model.setPlaceholderText(f"Default: {default}")
        self.revalidate()

    def errors(self) -> dict[str, str]:
        """Recompute and return the current problems (field name -> message)."""
        return validate_settings(
            self.result_settings(),
            api_key_available=self._current_key is not None and not self.key_deleted,
            typed_key=self.api_key.text(),
            is_file=self._is_file,
            check_source=self._check_source,
        )

    def revalidate(self) -> None:
        self._errors = self.errors()
        for name, label in self._error_labels.items():
            message = self._errors.get(name, "")
            label.setText(f"⚠ {message}" if message else "")
            label.setVisible(bool(message))
            self._fields[name].setAccessibleDescription(message)
        bad_tabs = {FIELD_TABS[name] for name in self._errors}
        for i, title in enumerate(TAB_TITLES):
            self.tabs.setTabText(i, f"{title} ⚠" if i in bad_tabs else title)
        count = len(self._errors)
        self.summary.setText(
            "" if not count else f"Fix {count} problem{'s' if count > 1 else ''} to save."
        )
        self.ok_button.setEnabled(not self._errors)
        self.test_button.setEnabled(
            self._test_connection is not None and not self._errors and not self._testing
        )

    def error_text(self, name: str) -> str:
        """The message shown under field `name` ("" when it is fine)."""
        return self._error_labels[name].text()

    # -- actions -----------------------------------------------------------------------------

    def accept(self) -> None:
        self.revalidate()
        if self._errors:
            return
        key = self.entered_api_key()
        if key is None:
            super().accept()
            return
        if self._keyring_busy():
            return  # a save is on its way: OK once is enough
        self._say_saving()  # at once, not when the task starts
        if not self._start_keyring_task(self.store_key_async(key), "settings-store-key"):
            try:  # no event loop: nothing else to keep running
                self._store_key(key)
            except CredentialError as exc:
                self._show_key_state()
                self.revalidate()
                self._show_error("api_key", str(exc))
                return
            self.key_stored = True
            super().accept()

    async def store_key_async(self, key: str) -> bool:
        """Save the typed key on a worker thread; the dialog closes once it is stored."""
        register_secret(key)
        self._say_saving()
        try:
            await keyring_call(self._store_key, key, what="saving the API key")
        except CredentialError as exc:
            self._show_key_state()
            self.revalidate()
            self._show_error("api_key", str(exc))
            return False
        self.key_stored = True
        super().accept()
        return True

    def _say_saving(self) -> None:
        self.ok_button.setEnabled(False)
        self.key_note.setText("Saving the key in the system keyring…")

    def _keyring_busy(self) -> bool:
        return self._keyring_task is not None and not self._keyring_task.done()

    def _start_keyring_task(self, coro: Coroutine[Any, Any, bool], name: str) -> bool:
        """Run a keyring coroutine on the loop; False (coroutine closed) without a loop."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            coro.close()
            return False
        self._keyring_task = loop.create_task(coro, name=name)
        return True

    def _show_error(self, name: str, message: str) -> None:
        label = self._error_labels[name]
        label.setText(f"⚠ {message}")
        label.show()
        self.tabs.setCurrentIndex(FIELD_TABS[name])
        self._fields[name].setFocus()

    def _forget_key(self) -> None:
        if self._keyring_busy():
            return
        if self._start_keyring_task(self.forget_key_async(), "settings-forget-key"):
            return
        try:  # no event loop: nothing else to keep running
            self._delete_key()
        except CredentialError as exc:
            self._show_error("api_key", str(exc))
            return
        self._key_forgotten()

    async def forget_key_async(self) -> bool:
        """Remove the stored key on a worker thread."""
        self.forget_key_button.setEnabled(False)
        try:
            await keyring_call(self._delete_key, what="removing the API key")
        except CredentialError as exc:
            self._show_error("api_key", str(exc))
            return False
        finally:
            self.forget_key_button.setEnabled(True)
        self._key_forgotten()
        return True

    async def load_key(self) -> bool:
        """Read where the key comes from on a worker thread (`find_key`), then show it."""
        if self._find_key is None:
            return False
        self.key_note.setText(LOOKING_FOR_KEY)
        try:
            key, source = await keyring_call(self._find_key, what="reading the API key")
        except CredentialError as exc:
            self.key_note.setText(str(exc))
            return False
        self._current_key, self._key_source = key, source
        self._key_read = True
        self._show_key_state()
        self.forget_key_button.setVisible(self._key_source == "keyring" and not self.key_deleted)
        self.revalidate()
        return True

    def _key_forgotten(self) -> None:
        self.key_deleted = True
        self.key_note.setText("The stored key was removed.")
        self.forget_key_button.hide()
        self.revalidate()

    def _pick_ca_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "CA certificate bundle", self.ca_file.text(), "PEM files (*.pem *.crt);;All (*)"
        )
        if path:
            self.ca_file.setText(path)

    # -- connection test -------------------------------------------------------------------

    async def run_connection_test(self) -> str:
        """Run the injected test with the dialog's current values and show its message."""
        if self._test_connection is None:
            raise RuntimeError("no connection test was given to the dialog")
        self.test_result.setText("Testing…")
        self._testing = True
        self.test_button.setEnabled(False)
        key = self.entered_api_key() or (None if self.key_deleted else self._current_key)
        register_secret(key)  # a typed key is not saved yet, but the test may print it
        try:
            message = await self._test_connection(self.result_settings(), key)
        except asyncio.CancelledError:
            self.test_result.setText("Test cancelled.")
            raise
        except Exception as exc:  # the test's own bug: still tell the user something true
            message = f"The test itself failed: {redact(str(exc)) or type(exc).__name__}"
        finally:
            self._testing = False
            self.revalidate()
        self.test_result.setText(message)
        return message

    def _on_test_clicked(self) -> None:
        if self._test_task is not None and not self._test_task.done():
            return
        self._test_task = asyncio.get_running_loop().create_task(
            self.run_connection_test(), name="settings-connection-test"
        )

    def _cancel_test(self) -> None:
        if self._test_task is not None and not self._test_task.done():
            self._test_task.cancel()

    # -- devices ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.revalidate()  # the CA file and video file may have appeared or gone
        if self._find_key is not None and self._keyring_task is None:
            self.key_note.setText(LOOKING_FOR_KEY)  # at once, not when the task starts
            self._start_keyring_task(self.load_key(), "settings-read-key")
        if callable(self._devices) and not self._devices_loaded:
            self._devices_loaded = True
            self._on_refresh_devices()

    def _on_refresh_devices(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        if self._device_task is not None and not self._device_task.done():
            return  # one listing at a time: a second click waits for the first answer
        self.devices_note.setText("Looking for devices…")  # at once, not when the task starts
        # Referenced until done; a device listing is short and left to finish.
        self._device_task = loop.create_task(self.load_devices(), name="settings-devices")

    async def load_devices(self) -> None:
        """Call the device callable on a worker thread (PortAudio may be slow) and fill."""
        if not callable(self._devices):
            return
        self.devices_note.setText("Looking for devices…")
        try:
            lists = await asyncio.to_thread(self._devices)
        except Exception as exc:
            self.devices_note.setText(f"Could not list audio devices: {exc}")
            return
        self._fill_devices(lists)

    def _fill_devices(self, lists: DeviceLists) -> None:
        inputs, outputs = lists
        self._set_device_items(self.input_device, inputs, self._selected(self.input_device))
        self._set_device_items(self.output_device, outputs, self._selected(self.output_device))
        self.devices_note.setText(f"{len(inputs)} microphones, {len(outputs)} speakers found.")

    @staticmethod
    def _selected(combo: QComboBox) -> str:
        return str(combo.currentData() or "")

    @staticmethod
    def _set_device_items(combo: QComboBox, names: Sequence[str], current: str) -> None:
        combo.clear()
        combo.addItem("System default", "")
        for name in names:
            combo.addItem(name, name)
        if current and current not in names:
            # Keep a saved device that is unplugged now, rather than silently dropping it.
            combo.addItem(f"{current} (not connected)", current)
        combo.setCurrentIndex(max(0, combo.findData(current)))

    def done(self, result: int) -> None:
        self._cancel_test()  # OK, Cancel, Escape and the close button all end here
        if self._keyring_busy() and result != QDialog.DialogCode.Accepted:
            assert self._keyring_task is not None
            self._keyring_task.cancel()  # the dialog is gone; its thread may finish unwatched
        super().done(result)


def _set_range(box: QSpinBox | QDoubleSpinBox, name: str) -> None:
    """The settings table's limits, so the box cannot hold what the file would refuse."""
    spec = SPECS[name]
    assert spec.low is not None and spec.high is not None, name
    if isinstance(box, QDoubleSpinBox):
        box.setRange(spec.low, spec.high)
    else:
        box.setRange(int(spec.low), int(spec.high))


def _editable_combo(items: Sequence[str], placeholder: str) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(list(items))
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # typing is not adding presets
    line = combo.lineEdit()
    if line is not None:
        line.setPlaceholderText(placeholder)
    return combo
